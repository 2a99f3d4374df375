#include "query/name_suggestions.h"

#include <algorithm>

#include "graph/fold.h"

namespace geokg::query::internal {
namespace {

// Levenshtein distance on bytes, giving up (returning limit + 1) once it must exceed `limit`.
size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0], smallest = row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
      smallest = std::min(smallest, row[j]);
    }
    if (smallest > limit) return limit + 1;
  }
  return row[b.size()];
}

}  // namespace

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
