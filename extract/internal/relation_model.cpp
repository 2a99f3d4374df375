#include "extract/internal/relation_model.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "embedded/cameo_verbs_tsv.h"
#include "embedded/relation_model.h"
#include "extract/internal/cues.h"
#include "extract/internal/model_file.h"
#include "extract/internal/text.h"

namespace geokg::extract::internal {
namespace {

// Feature templates: each hashes its own id with its values, so that equal values under
// different templates are different features.
enum Template : uint32_t {
  kBias = 1,
  kTypes,
  kBetweenWord,
  kBetweenLemma,
  kBetweenCameo,
  kDistance,
  kWordBefore,
  kWordAfter,
  kPath,
  kPathShape,
  kTop,
  kTopWithTypes,
  kTopBranches,
  kTopCameo,
  kSameUnit,
  kNegation,
  kRule,
  kPossessive,
  kBetweenVerbWithTypes,
  kAdjacentPair,
  kFirstEvidence,
  kSecondEvidence,
  kAbove,
  kAboveCameo,
};

// Verb lemma -> CAMEO root ("04" consult, "11" disapprove), derived from PETRARCH2's verb
// dictionary: a verb our annotations never show still looks like the verbs of its class.
const std::unordered_map<std::string, std::string>& CameoRoots() {
  static const auto* roots = [] {
    auto* m = new std::unordered_map<std::string, std::string>();
    ForEachKeyedLine(embedded::cameo_verbs_tsv(), [&](std::string_view lemma, std::string_view root) {
      m->emplace(std::string(lemma), std::string(root));
    });
    return m;
  }();
  return *roots;
}

uint64_t TypeKey(const Mention& m) {
  const uint64_t type = static_cast<uint64_t>(m.entities[0].type);
  return type * 4 + (m.is_demonym ? 1 : 0) + (m.is_capital ? 2 : 0);
}

std::string_view CameoRoot(const std::string& lemma) {
  const auto& roots = CameoRoots();
  const auto it = roots.find(lemma);
  return it == roots.end() ? std::string_view() : std::string_view(it->second);
}

uint32_t DistanceBucket(uint32_t n) {
  static constexpr uint32_t kBounds[] = {0, 1, 2, 4, 7, 12};
  uint32_t b = 0;
  while (b < std::size(kBounds) && n > kBounds[b]) ++b;
  return b;
}

// The units from `unit` up to the root.
std::vector<uint32_t> Ancestors(const SentenceClauses& c, uint32_t unit) {
  std::vector<uint32_t> chain = {unit};
  // A parse is a tree, but bound the walk in case a model ever returns a cycle.
  while (chain.size() <= c.NumUnits()) {
    const int head = c.Head(chain.back());
    if (head < 0) break;
    chain.push_back(static_cast<uint32_t>(head));
  }
  return chain;
}

bool IsNegation(std::string_view lower) { return IsCue(Cue::kModelNegation, lower); }

}  // namespace

uint32_t RelationLabel(Relation relation, bool reverse) {
  const uint32_t r = static_cast<uint32_t>(relation);
  return 1 + 2 * r + (reverse && !Info(relation).symmetric ? 1 : 0);
}

Relation LabelRelation(uint32_t label) {
  return label == kNoRelation ? Relation::kOther : static_cast<Relation>((label - 1) / 2);
}

bool LabelReversed(uint32_t label) { return label != kNoRelation && (label - 1) % 2 == 1; }

std::vector<uint64_t> PairFeatures(const PairContext& x) {
  const std::vector<Token>& tokens = x.tokens;
  const SentenceClauses& c = x.clauses;
  std::vector<uint64_t> f;
  f.reserve(64);
  const uint64_t types = TypeKey(x.first) * 64 + TypeKey(x.second);
  f.push_back(FeatureKey(kBias, 0));
  f.push_back(FeatureKey(kTypes, types));
  f.push_back(FeatureKey(kFirstEvidence, static_cast<uint64_t>(x.first.evidence)));
  f.push_back(FeatureKey(kSecondEvidence, static_cast<uint64_t>(x.second.evidence)));
  for (uint32_t label : x.rule_labels) f.push_back(FeatureKey(kRule, label));
  if (x.first.end < tokens.size() && (tokens[x.first.end].text == "'s" || tokens[x.first.end].text == "\xE2\x80\x99s"))
    f.push_back(FeatureKey(kPossessive, 1));

  // The words between the two, the nearest ones when there are many.
  const uint32_t from = x.first.end, to = x.second.begin;
  const uint32_t gap = to > from ? to - from : 0;
  f.push_back(FeatureKey(kDistance, DistanceBucket(gap)));
  std::vector<uint32_t> between;
  for (uint32_t k = from; k < to; ++k)
    if (gap <= 12 || k < from + 6 || k >= to - 6) between.push_back(k);
  bool negated = false;
  for (uint32_t k : between) {
    const std::string lower = Lower(tokens[k].text);
    f.push_back(FeatureKey(kBetweenWord, HashString(lower)));
    const uint32_t unit = c.UnitOf(k);
    if (c.FirstToken(unit) != k) continue;  // one lemma per unit
    const std::string lemma = c.Lemma(unit);
    f.push_back(FeatureKey(kBetweenLemma, HashString(lemma)));
    if (c.Upos(unit) == "VERB" || c.Upos(unit) == "NOUN") {
      f.push_back(FeatureKey(kBetweenVerbWithTypes, HashString(lemma), types));
      if (const std::string_view root = CameoRoot(lemma); !root.empty())
        f.push_back(FeatureKey(kBetweenCameo, HashString(root)));
    }
    negated = negated || IsNegation(lower);
  }
  if (gap <= 3) {
    std::string joined;
    for (uint32_t k = from; k < to; ++k) joined.append(Lower(tokens[k].text)).push_back(' ');
    f.push_back(FeatureKey(kAdjacentPair, HashString(joined), types));
  }
  if (x.first.begin > 0) f.push_back(FeatureKey(kWordBefore, HashLower(tokens[x.first.begin - 1].text)));
  if (x.second.end < tokens.size()) f.push_back(FeatureKey(kWordAfter, HashLower(tokens[x.second.end].text)));

  // The dependency path: up from the first party to the lowest common head, down to the second.
  const uint32_t ua = c.UnitOf(x.first.end - 1), ub = c.UnitOf(x.second.end - 1);
  if (ua == ub) {
    f.push_back(FeatureKey(kSameUnit, types));
  } else {
    const std::vector<uint32_t> up_a = Ancestors(c, ua), up_b = Ancestors(c, ub);
    size_t ia = 0, ib = 0;
    bool joined = false;
    for (ia = 0; ia < up_a.size() && !joined; ++ia)
      for (ib = 0; ib < up_b.size(); ++ib)
        if (up_a[ia] == up_b[ib]) {
          joined = true;
          break;
        }
    if (joined) {
      --ia;
      const uint32_t top = up_a[ia];
      std::string path, shape;
      for (size_t k = 0; k < ia; ++k) {
        path.append(c.Deprel(up_a[k])).append("^");
        if (k > 0) path.append(c.Lemma(up_a[k])).append("^");
        shape.append(c.Deprel(up_a[k])).append("^");
      }
      const std::string top_lemma = c.Lemma(top);
      path.append("[").append(top_lemma).append("]");
      shape.append("[").append(c.Upos(top)).append("]");
      for (size_t k = ib; k-- > 0;) {
        path.append("v").append(c.Deprel(up_b[k]));
        if (k > 0) path.append("v").append(c.Lemma(up_b[k]));
        shape.append("v").append(c.Deprel(up_b[k]));
      }
      f.push_back(FeatureKey(kPath, HashString(path)));
      f.push_back(FeatureKey(kPathShape, HashString(shape)));
      f.push_back(FeatureKey(kTop, HashString(top_lemma)));
      f.push_back(FeatureKey(kTopWithTypes, HashString(top_lemma), types));
      const std::string_view branch_a = ia > 0 ? c.Deprel(up_a[ia - 1]) : std::string_view("self");
      const std::string_view branch_b = ib > 0 ? c.Deprel(up_b[ib - 1]) : std::string_view("self");
      f.push_back(FeatureKey(kTopBranches, HashString(top_lemma), HashString(branch_a), HashString(branch_b)));
      if (const std::string_view root = CameoRoot(top_lemma); !root.empty())
        f.push_back(FeatureKey(kTopCameo, HashString(root), HashString(branch_a), HashString(branch_b)));
      // Where the two hang together below a verb ("A and B met", "talks between A and B in
      // Doha"), the word above says what joins them.
      if (const int above = c.Head(top); above >= 0) {
        const std::string above_lemma = c.Lemma(static_cast<uint32_t>(above));
        f.push_back(FeatureKey(kAbove, HashString(above_lemma), HashString(c.Deprel(top)), types));
        if (const std::string_view root = CameoRoot(above_lemma); !root.empty())
          f.push_back(FeatureKey(kAboveCameo, HashString(root), HashString(c.Deprel(top))));
      }
      // Negation on the word that joins them ("did not meet") counts as much as between them.
      for (uint32_t u = 0; u < c.NumUnits(); ++u)
        if (c.Head(u) == static_cast<int>(top) && (c.Deprel(u) == "advmod" || c.Deprel(u) == "det") &&
            IsNegation(c.Lemma(u)))
          negated = true;
    }
  }
  if (negated) f.push_back(FeatureKey(kNegation, 1));
  return f;
}

Result<std::shared_ptr<const RelationModel>> RelationModel::LoadDefault() {
  static const Result<std::shared_ptr<const RelationModel>> model =
      LoadBytes(embedded::relation_model(), "built-in model relations.bin");
  return model;
}

Result<std::shared_ptr<const RelationModel>> RelationModel::LoadBytes(std::string_view compressed,
                                                                      const std::string& origin) {
  Result<ModelBytes> bytes = DecompressModel(compressed, origin);
  if (!bytes.ok()) return bytes.status();
  BinaryReader in(bytes.value(), origin);
  GEOKG_RETURN_IF_ERROR(in.ExpectHeader(kMagic, kFormatVersion));
  float a = 0, b = 0;
  GEOKG_RETURN_IF_ERROR(in.Get(a));
  GEOKG_RETURN_IF_ERROR(in.Get(b));
  FrozenWeights weights;
  GEOKG_RETURN_IF_ERROR(weights.Read(in));
  if (!in.AtEnd()) return in.Invalid("has trailing bytes");
  if (weights.num_classes() != kNumRelationLabels)
    return in.Invalid("has " + std::to_string(weights.num_classes()) + " labels, expected " +
                      std::to_string(kNumRelationLabels));
  return std::make_shared<const RelationModel>(std::move(weights), a, b);
}

float RelationModel::Calibrated(int32_t margin) const {
  return 1.0f / (1.0f + std::exp(-(a_ * static_cast<float>(margin) + b_)));
}

int32_t RelationModel::Margin(std::span<const uint64_t> features, uint32_t label) const {
  int32_t scores[kNumRelationLabels] = {};
  weights_.Score(features, scores);
  return scores[label] - scores[kNoRelation];
}

RelationModel::Decision RelationModel::Decide(std::span<const uint64_t> features) const {
  int32_t scores[kNumRelationLabels] = {};
  weights_.Score(features, scores);
  uint32_t best = kNoRelation;
  for (uint32_t l = 1; l < kNumRelationLabels; ++l)
    if (scores[l] > scores[best]) best = l;
  if (best == kNoRelation) return {};
  return {best, Calibrated(scores[best] - scores[kNoRelation])};
}

float RelationModel::Probability(std::span<const uint64_t> features, uint32_t label) const {
  return Calibrated(Margin(features, label));
}

}  // namespace geokg::extract::internal
