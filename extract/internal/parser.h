// extract/internal/parser.h -- the labelled dependency parser: greedy arc-hybrid transitions
// chosen by an averaged perceptron over Zhang & Nivre (2011) style features (words, tags and
// relations of the stack and buffer items and their outermost dependents, distance, valency),
// with the relation predicted jointly with the arc, and a look ahead: each word's supertag (its
// relation, the side of its head and the sides of its dependents; after Ouchi et al. 2014)
// predicted beforehand by a tagger of its own, so that the greedy decisions see what the words
// to the right will need. Trained with the dynamic oracle and exploration of its own mistakes.
//
// A Parser is immutable after training or loading and safe to use from many threads.
// Training: parser_train.h.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "extract/internal/perceptron.h"
#include "extract/internal/tagger.h"
#include "extract/internal/treebank.h"

namespace geokg::extract::internal {

// What the parser sees of a word's part of speech: UPOS and XPOS together, since each tells
// what the other does not (UPOS: AUX vs VERB, SCONJ vs ADP; XPOS: tense, number, degree).
inline uint16_t TagPair(uint8_t upos, uint8_t xpos) { return static_cast<uint16_t>(upos << 8 | xpos); }

class Parser {
 public:
  // Parses words given by their HashWords() (whose lexicon hashes the supertagger sets to its
  // own) and TagPair()s; heads/labels have one element per word (heads: 0 = root, else
  // 1-based).
  void Parse(std::vector<TokenHashes>& hashes, std::span<const uint16_t> tags, std::span<int> heads,
             std::span<uint8_t> labels) const;

  const std::vector<std::string>& label_names() const { return label_names_; }
  size_t num_features() const { return weights_.num_features(); }
  size_t num_weights() const { return weights_.num_entries(); }

  // Reads a parser that ParserTrainer::Write (parser_train.h) wrote.
  Status Read(BinaryReader& in);

 private:
  friend class ParserTrainer;  // parser_train.h
  // The word keys features see: rare words (seen once in training) and unknown ones share one
  // key, so the model learns about unknown words and does not spend weights on singletons.
  // Words are HashLower() keys.
  uint64_t WordKey(uint64_t word) const;
  void WordKeys(std::span<const uint64_t> words, std::vector<uint64_t>& keys) const;

  std::vector<std::string> label_names_;
  std::unordered_set<uint64_t> vocabulary_;  // HashLower keys of the words seen twice or more
  Tagger supertagger_;                       // XPOS = supertag (see SupertagBank, parser_train.h)
  FrozenWeights weights_;                    // classes: Shift, Left x labels, Right x labels
};

}  // namespace geokg::extract::internal
