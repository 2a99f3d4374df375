// extract/internal/lemmatizer.h -- lemmas from the form and its XPOS: suffix rewrite rules
// learned from the treebank ("-ies" NNS -> "-y"), keyed by tag and the longest known suffix, plus
// the exceptions (irregular forms: "was" -> "be", "mice" -> "mouse") where the rules are wrong on
// the training data. Immutable after training or loading; safe to share between threads.
// Training: lemmatizer_train.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/internal/binary_io.h"
#include "extract/internal/treebank.h"

namespace geokg::extract::internal {

class BinaryWriter;  // model_file_train.h

class Lemmatizer {
 public:
  // The lemma of `form` tagged with XPOS id `xpos`.
  std::string Lemmatize(std::string_view form, uint8_t xpos) const;

  size_t num_rules() const { return rules_.size(); }
  size_t num_exceptions() const { return exceptions_.size(); }

  // Reads a lemmatizer that WriteLemmatizer (lemmatizer_train.h) wrote.
  Status Read(BinaryReader& in);

 private:
  // lemmatizer_train.h
  friend Lemmatizer TrainLemmatizer(const Treebank& train);
  friend void WriteLemmatizer(const Lemmatizer& lemmatizer, BinaryWriter& out);
  struct Rule {
    uint8_t cut = 0;     // bytes removed from the end
    std::string append;  // then appended
  };
  // The longest suffix a rule is keyed by, in bytes.
  static constexpr size_t kMaxSuffix = 5;
  // The keys of rules_ and exceptions_.
  static uint64_t RuleKey(uint8_t xpos, std::string_view lower_suffix);
  static uint64_t ExceptionKey(uint8_t xpos, std::string_view form);
  std::string ByRule(std::string_view form, uint8_t xpos) const;

  std::vector<uint8_t> keep_case_;                        // per XPOS: whether lemmas keep the form's capitals
  std::unordered_map<uint64_t, Rule> rules_;              // (xpos, suffix) -> rule
  std::unordered_map<uint64_t, std::string> exceptions_;  // (xpos, lower form) -> lemma
};

}  // namespace geokg::extract::internal
