#include "query/name_suggestions.h"

#include <algorithm>

#include "graph/fold.h"
#include "graph/text.h"

namespace geokg::query::internal {

NameSuggestions::NameSuggestions(std::string_view name) : name_(FoldName(name)) {
  max_distance_ = std::max<size_t>(1, name_.size() / 3);
}

void NameSuggestions::Consider(std::string_view alias, store::EntityId id) {
  if (name_.empty()) return;
  Score score;
  if (name_.size() >= 2 && alias.substr(0, name_.size()) == name_) {
    score = {0, 0, alias.size()};
  } else if (name_.size() >= 3 && alias.find(name_) != std::string_view::npos) {
    score = {1, 0, alias.size()};
  } else {
    const size_t d = EditDistance(name_, alias, max_distance_);
    if (d > max_distance_) return;
    score = {2, d, alias.size()};
  }
  auto [it, inserted] = best_.emplace(id, score);
  if (!inserted && score < it->second) it->second = score;
}

std::vector<store::EntityId> NameSuggestions::Best(size_t limit) const {
  std::vector<std::pair<Score, store::EntityId>> ranked;
  for (const auto& [id, score] : best_) ranked.emplace_back(score, id);
  std::sort(ranked.begin(), ranked.end());
  std::vector<store::EntityId> out;
  for (size_t i = 0; i < ranked.size() && i < limit; ++i) out.push_back(ranked[i].second);
  return out;
}

}  // namespace geokg::query::internal
