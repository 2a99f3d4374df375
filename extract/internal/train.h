// extract/internal/train.h -- training and scoring the syntax models from CoNLL-U (used by
// tools/train_syntax.cpp and by the tests, which train toy models). Library geokg_extract_train,
// which the runtime (geokg_extract, the geokg binary) never links. Single-threaded; reports
// progress through a callback because nothing in extract/ prints.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "extract/conllu.h"
#include "extract/internal/syntax_impl.h"
#include "extract/internal/treebank.h"
#include "extract/syntax.h"

namespace geokg::extract::internal {

// The trainer's way into a SyntaxModel (its friend): a model made of trained parts, and the
// parts of a model, to average or prune them.
struct SyntaxModelAccess {
  using Parts = SyntaxModel::Impl;  // tagger, lemmatizer, parser (extract/internal/syntax_impl.h)
  static std::unique_ptr<SyntaxModel> FromParts(Parts parts) {
    return std::unique_ptr<SyntaxModel>(new SyntaxModel(std::make_unique<Parts>(std::move(parts))));
  }
  static const Parts& PartsOf(const SyntaxModel& model) { return *model.impl_; }
};

struct TrainOptions {
  int tagger_epochs = 8;
  int parser_epochs = 15;
  // The parser trains on tags predicted by taggers that did not see the sentence (k-fold
  // jackknifing), so that it learns to live with tagging errors. 1 = use gold tags.
  int jackknife_folds = 4;
  // Pruning (see PrunedWeights): features whose largest averaged weight is below
  // *_min_weight are dropped, and in the others entries below *_min_entry.
  float tagger_min_weight = 0;
  float tagger_min_entry = 0;
  float parser_min_weight = 0;
  float parser_min_entry = 0;
  float supertagger_min_weight = 0;
  float supertagger_min_entry = 0;
  uint32_t seed = 1;
};

struct Scores {
  size_t words = 0;
  double upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;  // percentages
};

using Progress = std::function<void(const std::string&)>;

// Converts annotated sentences; fails (naming `name` and the sentence's line) on words without
// a numeric head or relation. Label sets are extended with what the sentences use.
Status AddToTreebank(const std::vector<ConlluSentence>& sentences, const std::string& name, Treebank& treebank);

// Trains tagger, lemmatizer and parser on `train`; when `dev` is non-empty, keeps for each
// component the epoch that scores best on it (UPOS for the tagger, LAS for the parser).
Result<std::unique_ptr<SyntaxModel>> TrainSyntaxModel(const std::vector<ConlluSentence>& train,
                                                      const std::vector<ConlluSentence>& dev,
                                                      const TrainOptions& options, const Progress& progress);

// The mean of the taggers and parsers of models trained on the same data with different seeds
// (see MeanWeights); the lemmatizer is the first model's. Fails on incompatible models.
Result<std::unique_ptr<SyntaxModel>> MeanModel(std::span<const SyntaxModel* const> models);

// Prunes the tagger, the parser and its supertagger with the *_min_* thresholds of `options`.
void PruneParts(const TrainOptions& options, SyntaxModelAccess::Parts& parts);

// Writes the model's files (SyntaxModel::kModelFiles) into `dir`, created if missing.
Status SaveSyntaxModel(const SyntaxModel& model, const std::filesystem::path& dir);

// Scores the model on gold-tokenised `gold` the way ../shared/tools/conllu_eval.py does (LAS
// compares the universal part of the relation). With `predicted`, also returns the analysed copy.
Scores Evaluate(const SyntaxModel& model, const std::vector<ConlluSentence>& gold,
                std::vector<ConlluSentence>* predicted = nullptr);

}  // namespace geokg::extract::internal
