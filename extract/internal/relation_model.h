// extract/internal/relation_model.h -- the learned relation model. For two parties mentioned in
// one sentence it decides which core relation, if any, the sentence states between them and in
// which direction, with a calibrated probability. It supplies the coverage the wordings of
// relation_patterns lack; it is trained on our annotated articles by geokg-train-relations
// (docs/EXTRACTION.md) and built into the binary (extract/models/relations.bin).
//
// A RelationModel is immutable after loading and may be shared by threads.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/internal/clauses.h"
#include "extract/internal/mentions.h"
#include "extract/internal/perceptron.h"
#include "graph/relation.h"
#include "graph/status.h"

namespace geokg::extract::internal {

// Labels of a pair (first, second) in sentence order: kNoRelation, or a core relation with the
// first party as subject (forward) or as object (reverse). Symmetric relations are forward only.
inline constexpr uint32_t kNoRelation = 0;
inline constexpr uint32_t kNumRelationLabels = 1 + 2 * static_cast<uint32_t>(Relation::kOther);
uint32_t RelationLabel(Relation relation, bool reverse);
Relation LabelRelation(uint32_t label);  // kOther for kNoRelation
bool LabelReversed(uint32_t label);

// What the features of a pair are computed from. `rule_labels` are the labels the wordings of
// relation_patterns gave the pair in this sentence.
struct PairContext {
  const std::vector<Token>& tokens;
  const SentenceClauses& clauses;
  const Mention& first;
  const Mention& second;
  std::span<const uint32_t> rule_labels;
};

// The hashed features of a pair: the words and lemmas between the two, the dependency path
// joining them and the word it passes through, the CAMEO class of the verbs on the way
// (extract/data/cameo_verbs.tsv), the parties' types, negation cues and the rules' labels.
std::vector<uint64_t> PairFeatures(const PairContext& context);

class RelationModel {
 public:
  struct Decision {
    uint32_t label = kNoRelation;
    float probability = 0;  // calibrated: of the pairs given this probability, about this share are right
  };

  // The model built into the binary.
  static Result<std::shared_ptr<const RelationModel>> LoadDefault();
  // A model file (written by SaveRelationModel, relation_model_train.h); `origin` names it in
  // error messages.
  static Result<std::shared_ptr<const RelationModel>> LoadBytes(std::string_view bytes, const std::string& origin);

  // `a` and `b` map a label's score margin over kNoRelation to a probability: 1 / (1 + e^-(a m + b)).
  RelationModel(FrozenWeights weights, float a, float b) : weights_(std::move(weights)), a_(a), b_(b) {}

  // The most probable label of a pair and its probability; kNoRelation when no relation scores
  // above "none".
  Decision Decide(std::span<const uint64_t> features) const;
  // The probability that the pair has `label`.
  float Probability(std::span<const uint64_t> features, uint32_t label) const;
  // The margin of `label` over kNoRelation, in model units (what calibration maps).
  int32_t Margin(std::span<const uint64_t> features, uint32_t label) const;

 private:
  friend std::string SaveRelationModel(const RelationModel& model);  // relation_model_train.h
  // The model file's header.
  static constexpr char kMagic[] = "GKRM";
  static constexpr uint32_t kFormatVersion = 1;

  float Calibrated(int32_t margin) const;

  FrozenWeights weights_;
  float a_ = 1, b_ = 0;
};

}  // namespace geokg::extract::internal
