#include "extract/internal/tagger.h"

#include <algorithm>
#include <array>
#include <numeric>

#include "extract/internal/word_features.h"

namespace geokg::extract::internal {
namespace {

constexpr uint8_t kNoTag = 255;  // previous-tag value before the sentence start

constexpr size_t kMaxFeatures = 40;

// Features of word i (hashes index i + 2) given the two previous XPOS tags.
size_t Features(const std::vector<TokenHashes>& h, size_t i, uint8_t p1, uint8_t p2, uint64_t* f) {
  const TokenHashes& w = h[i + 2];
  const TokenHashes& l1 = h[i + 1];
  const TokenHashes& l2 = h[i];
  const TokenHashes& r1 = h[i + 3];
  const TokenHashes& r2 = h[i + 4];
  size_t n = 0;
  uint32_t t = 0;
  f[n++] = FeatureKey(t++, 0);
  f[n++] = FeatureKey(t++, w.lower);
  f[n++] = FeatureKey(t++, w.form);
  for (uint64_t s : w.suffix) f[n++] = FeatureKey(t++, s);
  for (uint64_t p : w.prefix) f[n++] = FeatureKey(t++, p);
  f[n++] = FeatureKey(t++, w.shape);
  f[n++] = FeatureKey(t++, w.flags);
  f[n++] = FeatureKey(t++, w.lexicon);
  f[n++] = FeatureKey(t++, p1);
  f[n++] = FeatureKey(t++, p1, p2);
  f[n++] = FeatureKey(t++, p1, w.lower);
  f[n++] = FeatureKey(t++, p1, w.lexicon);
  f[n++] = FeatureKey(t++, p1, w.suffix[2]);
  f[n++] = FeatureKey(t++, l1.lower);
  f[n++] = FeatureKey(t++, l1.suffix[2]);
  f[n++] = FeatureKey(t++, l1.lower, w.lower);
  f[n++] = FeatureKey(t++, l2.lower);
  f[n++] = FeatureKey(t++, r1.lower);
  f[n++] = FeatureKey(t++, r1.suffix[2]);
  f[n++] = FeatureKey(t++, r1.shape);
  f[n++] = FeatureKey(t++, r1.lexicon);
  f[n++] = FeatureKey(t++, w.lower, r1.lower);
  f[n++] = FeatureKey(t++, w.lexicon, r1.lexicon);
  f[n++] = FeatureKey(t++, p1, r1.lexicon);
  f[n++] = FeatureKey(t++, r2.lower);
  f[n++] = FeatureKey(t++, r2.lexicon);
  f[n++] = FeatureKey(t++, r1.lexicon, r2.lexicon);
  f[n++] = FeatureKey(t++, w.shape, w.flags, r1.flags);
  return n;
}

// Index of the best score in [range.begin, range.end).
template <class Score>
uint32_t Argmax(const Score* scores, uint32_t begin, uint32_t end) {
  uint32_t best = begin;
  for (uint32_t c = begin + 1; c < end; ++c)
    if (scores[c] > scores[best]) best = c;
  return best;
}

}  // namespace

void Tagger::HashTokens(std::span<const std::string_view> forms, std::vector<TokenHashes>& hashes) const {
  hashes.assign(forms.size() + 4, TokenHashes{});
  for (size_t k : {size_t{0}, size_t{1}, forms.size() + 2, forms.size() + 3}) {
    TokenHashes& pad = hashes[k];
    pad.form = pad.lower = pad.shape = pad.lexicon = 0x5a5a + k % 2;
  }
  for (size_t i = 0; i < forms.size(); ++i) {
    const std::string_view s = forms[i];
    TokenHashes& h = hashes[i + 2];
    h.form = HashString(s);
    h.lower = HashLower(s);
    h.shape = Shape(s);
    h.flags = Flags(s, i == 0);
    for (size_t k = 0; k < 3; ++k) h.prefix[k] = Affix(s, k + 1, false);
    for (size_t k = 0; k < 4; ++k) h.suffix[k] = Affix(s, k + 1, true);
    auto it = lexicon_.find(h.lower);
    h.lexicon = it == lexicon_.end() ? 0 : it->second + 1;
  }
}

void Tagger::Tag(std::span<const std::string_view> forms, std::span<uint8_t> upos, std::span<uint8_t> xpos) const {
  std::vector<TokenHashes> hashes;
  HashTokens(forms, hashes);
  const uint32_t nu = static_cast<uint32_t>(upos_names_.size());
  std::vector<int32_t> scores(weights_.num_classes());
  uint64_t f[kMaxFeatures];
  uint8_t p1 = kNoTag, p2 = kNoTag;
  for (size_t i = 0; i < forms.size(); ++i) {
    const size_t n = Features(hashes, i, p1, p2, f);
    std::fill(scores.begin(), scores.end(), 0);
    weights_.Score({f, n}, scores.data());
    upos[i] = static_cast<uint8_t>(Argmax(scores.data(), 0, nu));
    xpos[i] = static_cast<uint8_t>(Argmax(scores.data(), nu, weights_.num_classes()) - nu);
    p2 = p1;
    p1 = xpos[i];
  }
}

Result<Tagger> Tagger::Mean(std::span<const Tagger* const> taggers) {
  if (taggers.empty()) return Status::InvalidInput("no taggers to average");
  std::vector<const FrozenWeights*> weights;
  for (const Tagger* t : taggers) {
    if (t->upos_names_ != taggers[0]->upos_names_ || t->xpos_names_ != taggers[0]->xpos_names_ ||
        t->lexicon_ != taggers[0]->lexicon_)
      return Status::InvalidInput("taggers with different tag sets or lexicons cannot be averaged");
    weights.push_back(&t->weights_);
  }
  Tagger out = *taggers[0];
  out.weights_ = FrozenWeights::Mean(weights);
  return out;
}

void Tagger::Write(BinaryWriter& out) const {
  out.PutStrings(upos_names_);
  out.PutStrings(xpos_names_);
  std::vector<std::pair<uint64_t, uint16_t>> lexicon(lexicon_.begin(), lexicon_.end());
  std::sort(lexicon.begin(), lexicon.end());
  std::vector<uint64_t> keys;
  std::vector<uint16_t> values;
  for (const auto& [k, v] : lexicon) {
    keys.push_back(k);
    values.push_back(v);
  }
  out.PutVector(keys);
  out.PutVector(values);
  weights_.Write(out);
}

Status Tagger::Read(BinaryReader& in) {
  GEOKG_RETURN_IF_ERROR(in.GetStrings(upos_names_));
  GEOKG_RETURN_IF_ERROR(in.GetStrings(xpos_names_));
  std::vector<uint64_t> keys;
  std::vector<uint16_t> values;
  GEOKG_RETURN_IF_ERROR(in.GetVector(keys));
  GEOKG_RETURN_IF_ERROR(in.GetVector(values));
  if (keys.size() != values.size()) return in.Invalid("has a damaged tag lexicon");
  lexicon_.clear();
  lexicon_.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) lexicon_.emplace(keys[i], values[i]);
  GEOKG_RETURN_IF_ERROR(weights_.Read(in));
  if (upos_names_.empty() || xpos_names_.empty() ||
      weights_.num_classes() != upos_names_.size() + xpos_names_.size())
    return in.Invalid("has tag tables that do not match its weights");
  return Status();
}

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

}  // namespace geokg::extract::internal
