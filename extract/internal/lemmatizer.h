// extract/internal/lemmatizer.h -- lemmas from the form and its XPOS: suffix rewrite rules
// learned from the treebank ("-ies" NNS -> "-y"), keyed by tag and the longest known suffix, plus
// the exceptions (irregular forms: "was" -> "be", "mice" -> "mouse") where the rules are wrong on
// the training data. Immutable after training or loading; safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/internal/binary_io.h"
#include "extract/internal/treebank.h"

namespace geokg::extract::internal {

class Lemmatizer {
 public:
  // The lemma of `form` tagged with XPOS id `xpos`.
  std::string Lemmatize(std::string_view form, uint8_t xpos) const;

  size_t num_rules() const { return rules_.size(); }
  size_t num_exceptions() const { return exceptions_.size(); }

  void Write(BinaryWriter& out) const;
  Status Read(BinaryReader& in);

  // Learns rules and exceptions from the gold lemmas of `train`.
  static Lemmatizer Train(const Treebank& train);

 private:
  struct Rule {
    uint8_t cut = 0;      // bytes removed from the end
    std::string append;   // then appended
  };
  std::string ByRule(std::string_view form, uint8_t xpos) const;

  std::vector<uint8_t> keep_case_;  // per XPOS: whether lemmas keep the form's capitals
  std::unordered_map<uint64_t, Rule> rules_;              // (xpos, suffix) -> rule
  std::unordered_map<uint64_t, std::string> exceptions_;  // (xpos, lower form) -> lemma
};

}  // namespace geokg::extract::internal
