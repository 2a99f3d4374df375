// extract/internal/parser_train.h -- training the dependency parser (parser.h) and its
// supertagger. Library geokg_extract_train (the runtime never links it). Single-threaded.
#pragma once

#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "extract/internal/parser.h"
#include "extract/internal/perceptron_train.h"
#include "extract/internal/tagger.h"
#include "extract/internal/treebank.h"

namespace geokg::extract::internal {

// The supertagger's training data: `train` with UPOS replaced by the side of each word's head
// ("<", ">" or "root") followed by L and R when it has dependents on the left and on the right
// (">L"), and XPOS by the universal part of its relation and the side of its head ("nsubj>").
// `like` gives the tag ids to reuse (for development data), or null.
Treebank SupertagBank(const Treebank& train, const Treebank* like);

class ParserTrainer {
 public:
  // `train`, `tags` (one TagPair per word, as the tagger predicts them) and `supertags` (one
  // TagPair of the two parts per word, as `supertagger` predicts them) must outlive the trainer.
  // Non-projective trees are projectivized: the oracle is exact only for projective ones.
  ParserTrainer(const Treebank& train, const std::vector<std::vector<uint16_t>>& tags,
                const std::vector<std::vector<uint16_t>>& supertags, Tagger supertagger);

  // One pass in shuffled order. With `explore`, the trainer follows its own prediction (when
  // it is not the only sensible move, 90% of the time) so it learns to recover from mistakes.
  void TrainEpoch(std::mt19937& rng, bool explore);

  // The averaged model (see Prune).
  Parser Freeze() const;
  size_t num_projectivized() const { return lifted_; }

  // Drops weak features and weights (see PrunedWeights) of the parser and of its supertagger
  // to make the model smaller.
  static void Prune(Parser& parser, float min_feature_weight, float min_entry_weight,
                    float supertagger_min_feature_weight, float supertagger_min_entry_weight);

  // The mean of parsers trained on the same data with different seeds (see MeanWeights); fails
  // when their relations, word lists or supertag sets differ.
  static Result<Parser> Mean(std::span<const Parser* const> parsers);

  // Appends the parser and its supertagger as Parser::Read reads them.
  static void Write(const Parser& parser, BinaryWriter& out);

 private:
  const Treebank& train_;
  const std::vector<std::vector<uint16_t>>& tags_;
  const std::vector<std::vector<uint16_t>>& supertags_;
  Parser shape_;                              // names and vocabulary, used for word keys while training
  std::vector<std::vector<int>> gold_heads_;  // projective, index 1..n
  std::vector<size_t> order_;
  size_t lifted_ = 0;
  uint32_t num_labels_;
  AveragedPerceptron model_;
};

}  // namespace geokg::extract::internal
