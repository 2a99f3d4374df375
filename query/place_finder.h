// query/place_finder.h -- internal: where a meeting took place, when the text says so. A place
// is reported only when a sentence stating the meeting also states that one of the two visited
// or attended a location or country (a visit/attend fact with the same article and sentence);
// otherwise none is guessed. Reads only the meeting's own sentences and the facts they state,
// so its cost does not grow with how many visits the two made. Not thread-safe; one per query.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "query/entity_cache.h"
#include "store/store.h"

namespace geokg::query::internal {

class PlaceFinder {
 public:
  PlaceFinder(const store::Store& store, EntityCache& cache) : store_(store), cache_(cache) {}
  // The place of meeting/call `fact`, or "" when no sentence of it names one.
  Result<std::string> For(const store::Fact& fact);

 private:
  // The place `who` visited or attended by the sentence `sentence` of article `doc` says, or "".
  Result<std::string> PlaceIn(store::EntityId who, const std::string& doc, uint32_t sentence);

  const store::Store& store_;
  EntityCache& cache_;
  std::map<std::string, std::vector<std::pair<store::FactId, uint32_t>>> sentence_facts_;  // by article
};

}  // namespace geokg::query::internal
