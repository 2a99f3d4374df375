// query/place_finder.h -- internal: where a meeting took place, when the text says so. A place
// is reported only when a sentence stating the meeting also states that one of the two visited
// or attended a location or country (a visit/attend fact with the same article and sentence);
// otherwise none is guessed. Not thread-safe; one per query.
#pragma once

#include <map>
#include <string>
#include <utility>

#include "query/entity_cache.h"
#include "store/store.h"

namespace geokg::query::internal {

class PlaceFinder {
 public:
  PlaceFinder(const store::Store& store, EntityCache& cache) : store_(store), cache_(cache) {}
  // The place of meeting/call `fact`, or "" when no sentence of it names one.
  Result<std::string> For(const store::Fact& fact);

 private:
  using SentenceKey = std::pair<std::string, uint32_t>;  // article, sentence
  // Places `entity` visited or attended, by the sentence stating it.
  Result<const std::map<SentenceKey, std::string>*> PlacesOf(store::EntityId entity);

  const store::Store& store_;
  EntityCache& cache_;
  std::map<store::EntityId, std::map<SentenceKey, std::string>> places_;
};

}  // namespace geokg::query::internal
