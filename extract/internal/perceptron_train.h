// extract/internal/perceptron_train.h -- the learner behind the linear models of
// perceptron.h: AveragedPerceptron collects weights while a trainer runs, and Freeze() turns
// them into the FrozenWeights the models keep. Library geokg_extract_train (the runtime never
// links it). Single-threaded.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "extract/internal/model_file_train.h"
#include "extract/internal/perceptron.h"

namespace geokg::extract::internal {

// Multiclass averaged perceptron over hashed features, with one dense row of weights per
// feature that was ever updated. Averages are kept lazily: w is the current weight and u the sum
// of step * update, so the average is w - u / steps.
class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(uint32_t num_classes);

  uint32_t num_classes() const { return num_classes_; }

  // Adds the current (not averaged) weights of `features` to scores[0, num_classes).
  void Score(std::span<const uint64_t> features, float* scores) const;

  // One perceptron step: rewards `truth` and penalises `guess` (no-op when equal).
  void Update(std::span<const uint64_t> features, uint32_t truth, uint32_t guess);

  // A step of any linear learner (logistic regression by gradient steps, say): adds delta[c]
  // to the weight of class c of every feature, averaged like perceptron updates.
  void Add(std::span<const uint64_t> features, std::span<const float> delta);

  // Counts one training example, whether or not it caused an update.
  void Tick() { ++steps_; }

  // The averaged weights, quantised to int16 (see PrunedWeights to make them fewer).
  FrozenWeights Freeze() const;

 private:
  int64_t FindRow(uint64_t key) const;
  uint32_t FindOrAddRow(uint64_t key);

  uint32_t num_classes_;
  uint64_t steps_ = 1;
  std::vector<uint64_t> keys_;   // open addressing, 0 = empty slot
  std::vector<uint32_t> slots_;  // row index for each key slot
  uint32_t used_ = 0;
  std::vector<float> w_;
  std::vector<float> u_;
};

// A copy of `weights` without the features whose largest |weight| is below `min_feature_weight`
// and without the remaining entries below `min_entry_weight` (averaged-perceptron units), in a
// table sized for what remains, its weights rounded to the at most 256 values files store (so
// that a model scores the same before saving and after loading). Dropping whole rare features
// costs far less accuracy than dropping small entries, which frequent features need to separate
// close classes.
FrozenWeights PrunedWeights(const FrozenWeights& weights, float min_feature_weight, float min_entry_weight);

// The mean of models over the same classes (trained on the same data with different seeds): a
// linear model whose scores are the mean of theirs up to rounding, so that one table holds the
// ensemble. It keeps the fewest bucket bits among them.
FrozenWeights MeanWeights(std::span<const FrozenWeights* const> models);

// Appends the table as FrozenWeights::Read reads it: rows bucket by bucket, column by column,
// each weight as a byte indexing at most 255 levels (see FrozenWeights).
void WriteWeights(const FrozenWeights& weights, BinaryWriter& out);

}  // namespace geokg::extract::internal
