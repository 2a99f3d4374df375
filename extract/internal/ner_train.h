// extract/internal/ner_train.h -- training and scoring the named-entity tagger (ner.h) on IOB2
// files (UNER English-EWT, docs/MODELS.md). Library geokg_extract_train (the runtime never links
// it). Single-threaded; reports progress through a callback because nothing in extract/ prints.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "extract/internal/ner.h"
#include "extract/internal/perceptron_train.h"
#include "graph/status.h"

namespace geokg::extract::internal {

// One annotated sentence of an IOB2 file: words and their labels ("O", "B-PER", "I-ORG", ...).
struct IobSentence {
  std::vector<std::string> forms;
  std::vector<std::string> labels;
  size_t line = 0;  // of its first word, for messages
};

// The sentences of an IOB2 file (UNER's tab-separated "index, word, label, ..." lines, "#"
// comments, blank lines between sentences); InvalidInput naming file and line on a malformed
// line or a label that is neither O nor B-/I- of a type.
Result<std::vector<IobSentence>> ReadIob2File(const std::filesystem::path& path);

class NerTrainer {
 public:
  // Builds the label set and the common-word list from `train`, which must outlive the trainer.
  // InvalidInput when `train` has no sentences or more than 32 labels.
  static Result<std::unique_ptr<NerTrainer>> Create(const std::vector<IobSentence>& train);

  // One pass over the training sentences in a shuffled order.
  void TrainEpoch(std::mt19937& rng);
  // The averaged model.
  NerTagger Freeze() const;

  // Drops weak features (see PrunedWeights) to make the model smaller.
  static void Prune(NerTagger& tagger, float min_feature_weight, float min_entry_weight);
  // The model file's bytes (zstd-compressed, see model_file.h), for NerTagger::LoadBytes.
  static std::string Save(const NerTagger& tagger);

 private:
  NerTrainer(const std::vector<IobSentence>& train, NerTagger shape);
  const std::vector<IobSentence>& train_;
  NerTagger shape_;  // labels and common words, used for hashing while training
  std::vector<std::vector<uint8_t>> gold_;
  AveragedPerceptron model_;
};

// Exact-match entity scores (CoNLL style): an entity counts when its span and type are right.
struct NerScores {
  size_t gold = 0, predicted = 0, correct = 0;
  double precision = 0, recall = 0, f1 = 0;  // percentages
};
NerScores EvaluateNer(const NerTagger& tagger, const std::vector<IobSentence>& gold);

// Trains for `epochs` passes and keeps the epoch that scores best on `dev` (the last one when
// `dev` is empty); `progress` receives one line per epoch.
Result<NerTagger> TrainNer(const std::vector<IobSentence>& train, const std::vector<IobSentence>& dev, int epochs,
                           uint32_t seed, const std::function<void(const std::string&)>& progress);

}  // namespace geokg::extract::internal
