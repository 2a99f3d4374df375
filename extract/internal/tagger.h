// extract/internal/tagger.h -- the part-of-speech tagger: a greedy left-to-right averaged
// perceptron that predicts UPOS and Penn XPOS together from word, lower case, affix, shape,
// lexicon (the word's usual tags in the training data) and context features.
//
// A Tagger is immutable after training or loading and safe to use from many threads; Tag()
// allocates only its output-sized scratch. Training: tagger_train.h.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/internal/perceptron.h"
#include "extract/internal/treebank.h"

namespace geokg::extract::internal {

// Per-token hashes that feature templates combine; computed once per sentence and shared by
// the POS tagger, the supertagger and the parser (`lower` is the parser's word key). Only
// `lexicon` is each tagger's own.
struct TokenHashes {
  uint64_t form = 0, lower = 0, shape = 0, flags = 0, lexicon = 0;
  uint64_t prefix[3] = {}, suffix[4] = {};
  // The keys of the word's tagger features that read no previous tag and no lexicon, the same
  // in both taggers (tagger_features::Part::kShared), in any order; room for KeyBatch's padding.
  uint32_t num_shared_keys = 0;
  uint64_t shared_keys[25] = {};
};

// Fills hashes[2, n+2) for the words, lexicon 0, and two pads on each side.
void HashWords(std::span<const std::string_view> forms, std::vector<TokenHashes>& hashes);

class Tagger {
 public:
  Tagger() = default;

  // Tags `forms`; upos/xpos must have forms.size() elements.
  void Tag(std::span<const std::string_view> forms, std::span<uint8_t> upos, std::span<uint8_t> xpos) const;
  // Tags the words whose HashWords() these are, after setting their lexicon hashes to this
  // tagger's; upos/xpos have one element per word.
  void Tag(std::vector<TokenHashes>& hashes, std::span<uint8_t> upos, std::span<uint8_t> xpos) const;

  const std::vector<std::string>& upos_names() const { return upos_names_; }
  const std::vector<std::string>& xpos_names() const { return xpos_names_; }
  size_t num_features() const { return weights_.num_features(); }
  size_t num_weights() const { return weights_.num_entries(); }

  // Reads a tagger that TaggerTrainer::Write (tagger_train.h) wrote.
  Status Read(BinaryReader& in);

 private:
  friend class TaggerTrainer;  // tagger_train.h
  // HashWords() with this tagger's lexicon hashes.
  void HashTokens(std::span<const std::string_view> forms, std::vector<TokenHashes>& hashes) const;
  // Sets the lexicon hashes of the words of `hashes`.
  void LookUpLexicon(std::vector<TokenHashes>& hashes) const;

  std::vector<std::string> upos_names_, xpos_names_;
  // Lower-cased word hash -> its most frequent XPOS and runner-up (+1, 0 = none) in training.
  std::unordered_map<uint64_t, uint16_t> lexicon_;
  FrozenWeights weights_;  // classes: [0, #upos) UPOS, then XPOS
};

}  // namespace geokg::extract::internal
