// query/name_suggestions.h -- internal: "did you mean" for an unknown name. Fed every
// (alias, entity) pair, it keeps the closest entities: aliases starting with the name, then
// aliases containing it, then aliases within a small edit distance; the name is folded as the
// aliases are (graph/fold.h: no case, accents, apostrophes). Not thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "store/store.h"

namespace geokg::query::internal {

class NameSuggestions {
 public:
  explicit NameSuggestions(std::string_view name);
  // Weighs `alias` (normalised, as the store keeps it) of entity `id`.
  void Consider(std::string_view alias, store::EntityId id);
  // The best `limit` entities, closest first.
  std::vector<store::EntityId> Best(size_t limit) const;

 private:
  using Score = std::tuple<int, size_t, size_t>;  // kind, edit distance, alias length
  std::string name_;
  size_t max_distance_;
  std::map<store::EntityId, Score> best_;
};

}  // namespace geokg::query::internal
