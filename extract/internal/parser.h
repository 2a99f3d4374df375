// extract/internal/parser.h -- the labelled dependency parser: greedy arc-hybrid transitions
// chosen by an averaged perceptron over Zhang & Nivre (2011) style features (words, tags and
// relations of the stack and buffer items and their outermost dependents, distance, valency),
// with the relation predicted jointly with the arc. Trained with the dynamic oracle and
// exploration of its own mistakes.
//
// A Parser is immutable after training or loading and safe to use from many threads.
// ParserTrainer is single-threaded.
#pragma once

#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "extract/internal/perceptron.h"
#include "extract/internal/treebank.h"

namespace geokg::extract::internal {

class Parser {
 public:
  // Parses words given by their HashLower keys and XPOS ids; heads/labels have one element
  // per word (heads: 0 = root, else 1-based).
  void Parse(std::span<const uint64_t> words, std::span<const uint8_t> tags, std::span<int> heads,
             std::span<uint8_t> labels) const;

  const std::vector<std::string>& label_names() const { return label_names_; }
  size_t num_features() const { return weights_.num_features(); }
  size_t num_weights() const { return weights_.num_entries(); }
  // Drops weights below `min_weight` (see FrozenWeights::Pruned) to make the model smaller.
  void Prune(float min_weight) { weights_ = weights_.Pruned(min_weight); }

  void Write(BinaryWriter& out) const;
  Status Read(BinaryReader& in);

 private:
  friend class ParserTrainer;
  std::vector<std::string> label_names_;
  uint32_t num_tags_ = 0;
  FrozenWeights weights_;  // classes: Shift, Left x labels, Right x labels
};

class ParserTrainer {
 public:
  // `train` and `tags` (one XPOS id per word, as the tagger predicts them) must outlive the
  // trainer. Non-projective sentences are skipped: the oracle is exact only for projective ones.
  ParserTrainer(const Treebank& train, const std::vector<std::vector<uint8_t>>& tags);

  // One pass in shuffled order. With `explore`, the trainer follows its own prediction (when
  // it is not the only sensible move, 90% of the time) so it learns to recover from mistakes.
  void TrainEpoch(std::mt19937& rng, bool explore);

  Parser Freeze(float min_weight) const;
  size_t num_skipped() const { return skipped_; }

 private:
  const Treebank& train_;
  const std::vector<std::vector<uint8_t>>& tags_;
  std::vector<size_t> usable_;
  size_t skipped_ = 0;
  uint32_t num_labels_;
  AveragedPerceptron model_;
};

}  // namespace geokg::extract::internal
