// extract/internal/tagger_train.h -- training the part-of-speech tagger (tagger.h). Library
// geokg_extract_train (the runtime never links it). Single-threaded.
#pragma once

#include <random>
#include <span>

#include "extract/internal/perceptron_train.h"
#include "extract/internal/tagger.h"
#include "extract/internal/treebank.h"

namespace geokg::extract::internal {

class TaggerTrainer {
 public:
  // Builds the lexicon from `train`, which must outlive the trainer.
  explicit TaggerTrainer(const Treebank& train);

  // One pass over the training sentences in a shuffled order.
  void TrainEpoch(std::mt19937& rng);

  // The averaged model (see Prune).
  Tagger Freeze() const;

  // Drops weak features and weights (see PrunedWeights) to make the model smaller.
  static void Prune(Tagger& tagger, float min_feature_weight, float min_entry_weight);

  // The mean of taggers trained on the same data with different seeds (see MeanWeights);
  // fails when their tag sets or lexicons differ.
  static Result<Tagger> Mean(std::span<const Tagger* const> taggers);

  // Appends the tagger as Tagger::Read reads it.
  static void Write(const Tagger& tagger, BinaryWriter& out);

 private:
  const Treebank& train_;
  Tagger shape_;  // names and lexicon, used for hashing while training
  AveragedPerceptron model_;
};

}  // namespace geokg::extract::internal
