#include "extract/internal/tagger_train.h"

#include <algorithm>
#include <numeric>

#include "extract/internal/tagger_features.h"

namespace geokg::extract::internal {
using namespace tagger_features;

TaggerTrainer::TaggerTrainer(const Treebank& train)
    : train_(train), model_(static_cast<uint32_t>(train.upos.size() + train.xpos.size())) {
  shape_.upos_names_ = train.upos.names();
  shape_.xpos_names_ = train.xpos.names();
  // Usual tags of each lower-cased word seen at least twice.
  std::unordered_map<uint64_t, std::vector<uint32_t>> counts;
  for (const TreebankSentence& s : train.sentences)
    for (size_t i = 0; i < s.forms.size(); ++i) {
      std::vector<uint32_t>& c = counts[HashLower(s.forms[i])];
      c.resize(train.xpos.size());
      ++c[s.xpos[i]];
    }
  for (const auto& entry : counts) {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
    const auto word = entry.first;
    const std::vector<uint32_t>& c = entry.second;
    const uint32_t total = std::accumulate(c.begin(), c.end(), 0u);
    if (total < 2) continue;
    std::vector<uint32_t> order(c.size());
    std::iota(order.begin(), order.end(), 0u);
    std::partial_sort(order.begin(), order.begin() + 2, order.end(),
                      [&](uint32_t a, uint32_t b) { return c[a] > c[b]; });
    const uint16_t second = c[order[1]] * 10 >= total ? static_cast<uint16_t>(order[1] + 1) : 0;
    shape_.lexicon_[word] = static_cast<uint16_t>(order[0] | second << 8);
  }
}

void TaggerTrainer::TrainEpoch(std::mt19937& rng) {
  std::vector<size_t> order(train_.sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  const uint32_t nu = static_cast<uint32_t>(shape_.upos_names_.size());
  std::vector<TokenHashes> hashes;
  std::vector<std::string_view> forms;
  std::vector<float> scores(model_.num_classes());
  uint64_t f[kMaxFeatures];
  for (size_t index : order) {
    const TreebankSentence& s = train_.sentences[index];
    forms.assign(s.forms.begin(), s.forms.end());
    shape_.HashTokens(forms, hashes);
    uint8_t p1 = kNoTag, p2 = kNoTag;
    for (size_t i = 0; i < forms.size(); ++i) {
      const size_t n = Features(hashes, i, p1, p2, f);
      std::fill(scores.begin(), scores.end(), 0.f);
      model_.Score({f, n}, scores.data());
      const uint32_t gu = Argmax(scores.data(), 0, nu);
      const uint32_t gx = Argmax(scores.data(), nu, model_.num_classes());
      model_.Update({f, n}, s.upos[i], gu);
      model_.Update({f, n}, nu + s.xpos[i], gx);
      model_.Tick();
      p2 = p1;
      p1 = static_cast<uint8_t>(gx - nu);  // condition on our own guesses, as at run time
    }
  }
}

Tagger TaggerTrainer::Freeze() const {
  Tagger t = shape_;
  t.weights_ = model_.Freeze();
  return t;
}

void TaggerTrainer::Prune(Tagger& tagger, float min_feature_weight, float min_entry_weight) {
  tagger.weights_ = PrunedWeights(tagger.weights_, min_feature_weight, min_entry_weight);
}

Result<Tagger> TaggerTrainer::Mean(std::span<const Tagger* const> taggers) {
  if (taggers.empty()) return Status::InvalidInput("no taggers to average");
  std::vector<const FrozenWeights*> weights;
  for (const Tagger* t : taggers) {
    if (t->upos_names_ != taggers[0]->upos_names_ || t->xpos_names_ != taggers[0]->xpos_names_ ||
        t->lexicon_ != taggers[0]->lexicon_)
      return Status::InvalidInput("taggers with different tag sets or lexicons cannot be averaged");
    weights.push_back(&t->weights_);
  }
  Tagger out = *taggers[0];
  out.weights_ = MeanWeights(weights);
  return out;
}

void TaggerTrainer::Write(const Tagger& tagger, BinaryWriter& out) {
  out.PutStrings(tagger.upos_names_);
  out.PutStrings(tagger.xpos_names_);
  std::vector<std::pair<uint64_t, uint16_t>> lexicon(tagger.lexicon_.begin(), tagger.lexicon_.end());
  std::sort(lexicon.begin(), lexicon.end());
  std::vector<uint64_t> keys;
  std::vector<uint16_t> values;
  for (const auto& [k, v] : lexicon) {
    keys.push_back(k);
    values.push_back(v);
  }
  out.PutVector(keys);
  out.PutVector(values);
  WriteWeights(tagger.weights_, out);
}

}  // namespace geokg::extract::internal
