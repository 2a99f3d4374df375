// extract/internal/treebank.h -- annotated sentences as the trainers see them: forms and gold
// annotation as small integer ids into label tables. Plain values; not shared while mutated.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace geokg::extract::internal {

// A closed set of names (UPOS tags, XPOS tags, relations) numbered in order of first sight.
class LabelSet {
 public:
  uint8_t Add(std::string_view name) {
    auto [it, inserted] = ids_.try_emplace(std::string(name), static_cast<uint8_t>(names_.size()));
    if (inserted) names_.emplace_back(name);
    return it->second;
  }
  // The id of `name`, or -1 when unknown.
  int Find(std::string_view name) const {
    auto it = ids_.find(std::string(name));
    return it == ids_.end() ? -1 : it->second;
  }
  const std::vector<std::string>& names() const { return names_; }
  size_t size() const { return names_.size(); }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, uint8_t> ids_;
};

struct TreebankSentence {
  std::vector<std::string> forms;
  std::vector<std::string> lemmas;
  std::vector<uint8_t> upos, xpos, labels;
  std::vector<int> heads;  // 0 = root, else 1-based
};

struct Treebank {
  LabelSet upos, xpos, labels;
  std::vector<TreebankSentence> sentences;
};

}  // namespace geokg::extract::internal
