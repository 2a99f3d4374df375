#include "extract/internal/perceptron_train.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <unordered_set>
#include <utility>

namespace geokg::extract::internal {
namespace {

// Keys are stored with 0 meaning "empty", so a real key of 0 is remapped.
uint64_t NonZero(uint64_t key) { return key == 0 ? 0x8000000000000000ULL : key; }

// At most 255 weight values that stand for all of `counts` (a histogram over int16 weights,
// indexed by weight + 32768): the values themselves when there are few, else zero, the 32
// largest magnitudes exactly and magnitudes spaced geometrically up to the next one (exact
// below about ten), so that every weight keeps its sign and its size within a few percent.
// Files store a byte per weight: the index of its level (CodeOf: the level nearest to `w`).
std::vector<int16_t> Codebook(const std::vector<uint64_t>& counts) {
  constexpr size_t kMagnitudes = 127;
  constexpr size_t kExactTop = 32;
  std::vector<int16_t> out;
  int largest = 0;
  for (size_t v = 0; v < counts.size(); ++v) {
    if (counts[v] == 0) continue;
    out.push_back(static_cast<int16_t>(static_cast<int>(v) - 32768));
    largest = std::max(largest, std::abs(out.back()));
  }
  if (out.size() <= 2 * kMagnitudes + 1) return out;  // exact
  // The kExactTop largest magnitudes are levels of their own: they are few, and the features
  // that have them (a tag bigram's) enter nearly every score, where a few percent of their
  // size would outweigh the rare features that decide.
  std::vector<int> top;  // descending; the last one is where the geometric levels end
  for (int m = 32767; m > 0 && top.size() <= kExactTop; --m)
    if (counts[32768 + m] > 0 || counts[32768 - m] > 0) top.push_back(m);
  largest = top.back();
  top.pop_back();
  // The smallest growth factor whose levels from 1 reach `largest` in the remaining steps.
  const size_t steps = kMagnitudes - top.size();
  auto levels = [&](double factor) {
    std::vector<int> m;
    for (double x = 1; x < largest; x = std::max(x * factor, std::round(x) + 1))
      m.push_back(static_cast<int>(std::lround(x)));
    m.push_back(largest);
    return m;
  };
  double low = 1, high = 2;
  for (int i = 0; i < 50; ++i) {
    const double mid = (low + high) / 2;
    (levels(mid).size() > steps ? low : high) = mid;
  }
  out.clear();
  std::vector<int> magnitudes = levels(high);
  magnitudes.insert(magnitudes.end(), top.rbegin(), top.rend());
  for (auto it = magnitudes.rbegin(); it != magnitudes.rend(); ++it) out.push_back(static_cast<int16_t>(-*it));
  out.push_back(0);
  for (int m : magnitudes) out.push_back(static_cast<int16_t>(m));
  return out;
}

uint8_t CodeOf(const std::vector<int16_t>& codebook, int16_t w) {
  const auto it = std::lower_bound(codebook.begin(), codebook.end(), w);
  if (it == codebook.begin()) return 0;
  if (it == codebook.end()) return static_cast<uint8_t>(codebook.size() - 1);
  const auto below = it - 1;
  return static_cast<uint8_t>((w - *below <= *it - w ? below : it) - codebook.begin());
}

}  // namespace

AveragedPerceptron::AveragedPerceptron(uint32_t num_classes)
    : num_classes_(num_classes), keys_(1 << 16, 0), slots_(1 << 16, 0) {}

int64_t AveragedPerceptron::FindRow(uint64_t key) const {
  key = NonZero(key);
  const size_t mask = keys_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return slots_[i];
    if (keys_[i] == 0) return -1;
  }
}

uint32_t AveragedPerceptron::FindOrAddRow(uint64_t key) {
  key = NonZero(key);
  if (2 * (used_ + 1) > keys_.size()) {
    std::vector<uint64_t> old_keys(keys_.size() * 2, 0);
    std::vector<uint32_t> old_slots(slots_.size() * 2, 0);
    old_keys.swap(keys_);
    old_slots.swap(slots_);
    const size_t mask = keys_.size() - 1;
    for (size_t j = 0; j < old_keys.size(); ++j) {
      if (old_keys[j] == 0) continue;
      size_t i = old_keys[j] & mask;
      while (keys_[i] != 0) i = (i + 1) & mask;
      keys_[i] = old_keys[j];
      slots_[i] = old_slots[j];
    }
  }
  const size_t mask = keys_.size() - 1;
  size_t i = key & mask;
  for (; keys_[i] != 0; i = (i + 1) & mask)
    if (keys_[i] == key) return slots_[i];
  keys_[i] = key;
  slots_[i] = used_++;
  w_.resize(static_cast<size_t>(used_) * num_classes_, 0.f);
  u_.resize(static_cast<size_t>(used_) * num_classes_, 0.f);
  return slots_[i];
}

void AveragedPerceptron::Score(std::span<const uint64_t> features, float* scores) const {
  for (uint64_t f : features) {
    int64_t row = FindRow(f);
    if (row < 0) continue;
    const float* w = w_.data() + static_cast<size_t>(row) * num_classes_;
    for (uint32_t c = 0; c < num_classes_; ++c) scores[c] += w[c];
  }
}

void AveragedPerceptron::Update(std::span<const uint64_t> features, uint32_t truth, uint32_t guess) {
  if (truth == guess) return;
  const float step = static_cast<float>(steps_);
  for (uint64_t f : features) {
    const size_t row = static_cast<size_t>(FindOrAddRow(f)) * num_classes_;
    w_[row + truth] += 1;
    u_[row + truth] += step;
    w_[row + guess] -= 1;
    u_[row + guess] -= step;
  }
}

void AveragedPerceptron::Add(std::span<const uint64_t> features, std::span<const float> delta) {
  const float step = static_cast<float>(steps_);
  for (uint64_t f : features) {
    const size_t row = static_cast<size_t>(FindOrAddRow(f)) * num_classes_;
    for (uint32_t c = 0; c < num_classes_; ++c) {
      if (delta[c] == 0) continue;
      w_[row + c] += delta[c];
      u_[row + c] += step * delta[c];
    }
  }
}

FrozenWeights AveragedPerceptron::Freeze() const {
  FrozenWeights out;
  out.num_classes_ = num_classes_;
  const float steps = static_cast<float>(steps_);
  float max_abs = 0;
  for (size_t i = 0; i < static_cast<size_t>(used_) * num_classes_; ++i)
    max_abs = std::max(max_abs, std::abs(w_[i] - u_[i] / steps));
  out.scale_ = max_abs > 0 ? 32767.f / max_abs : 1.f;
  std::vector<std::pair<uint64_t, std::vector<std::pair<uint8_t, int16_t>>>> kept;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == 0) continue;
    const size_t row = static_cast<size_t>(slots_[i]) * num_classes_;
    std::vector<std::pair<uint8_t, int16_t>> entries;
    for (uint32_t c = 0; c < num_classes_; ++c) {
      const float a = w_[row + c] - u_[row + c] / steps;
      const long q = std::lround(a * out.scale_);
      if (q != 0) entries.emplace_back(static_cast<uint8_t>(c), static_cast<int16_t>(q));
    }
    if (!entries.empty()) kept.emplace_back(keys_[i], std::move(entries));
  }
  const uint32_t num_buckets = FrozenWeights::BucketsFor(kept.size());
  FrozenWeights::Rows rows;
  for (const auto& [key, entries] : kept) {
    rows.Add(static_cast<uint32_t>(key & (num_buckets - 1)), static_cast<uint16_t>(key >> 48));
    for (const auto& [c, w] : entries) rows.AddEntry(c, w);
  }
  out.Build(rows, num_buckets);
  return out;
}

FrozenWeights PrunedWeights(const FrozenWeights& weights, float min_feature_weight, float min_entry_weight) {
  FrozenWeights out;
  out.num_classes_ = weights.num_classes_;
  out.scale_ = weights.scale_;
  const long min_feature_q = std::lround(min_feature_weight * weights.scale_);
  const long min_entry_q = std::lround(min_entry_weight * weights.scale_);
  FrozenWeights::Rows rows;
  weights.ForEachRow([&](const FrozenWeights::Row& r) {
    long largest = 0, kept = 0;
    for (const auto& [c, w] : r.entries) {
      largest = std::max<long>(largest, std::abs(w));
      kept += std::abs(w) >= min_entry_q;
    }
    if (largest < min_feature_q || kept == 0) return;
    rows.Add(r.bucket, r.fingerprint);
    for (const auto& [c, w] : r.entries)
      if (std::abs(w) >= min_entry_q) rows.AddEntry(c, w);
  });
  std::vector<uint64_t> counts(65536, 0);
  for (const auto& entry : rows.entries) ++counts[entry.weight + 32768];
  const std::vector<int16_t> codebook = Codebook(counts);
  for (auto& entry : rows.entries) entry.weight = codebook[CodeOf(codebook, entry.weight)];
  // A smaller table uses fewer of the bucket bits.
  const uint32_t num_buckets = std::min(FrozenWeights::BucketsFor(rows.size()), weights.num_buckets_);
  for (uint32_t& b : rows.bucket) b &= num_buckets - 1;
  out.Build(rows, num_buckets);
  return out;
}

FrozenWeights MeanWeights(std::span<const FrozenWeights* const> models) {
  FrozenWeights out;
  if (models.empty()) return out;
  out.num_classes_ = models[0]->num_classes_;
  uint32_t num_buckets = models[0]->num_buckets_;
  for (const FrozenWeights* m : models) num_buckets = std::min(num_buckets, m->num_buckets_);
  const uint32_t bucket_bits = static_cast<uint32_t>(std::countr_zero(num_buckets));
  // (partial key, class, weight in averaged-perceptron units / number of models).
  struct Entry {
    uint64_t partial_key;
    uint8_t c;
    float w;
  };
  std::vector<Entry> entries;
  for (const FrozenWeights* m : models) {
    std::unordered_set<uint64_t> seen;  // a fingerprint twin is unreachable: the first wins
    m->ForEachRow([&](const FrozenWeights::Row& r) {
      if (!seen.insert(static_cast<uint64_t>(r.fingerprint) << 32 | r.bucket).second) return;
      const uint64_t pk = static_cast<uint64_t>(r.fingerprint) << bucket_bits | (r.bucket & (num_buckets - 1));
      for (const auto& [c, w] : r.entries)
        entries.push_back({pk, c, w / m->scale_ / static_cast<float>(models.size())});
    });
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& x, const Entry& y) {
    return x.partial_key != y.partial_key ? x.partial_key < y.partial_key : x.c < y.c;
  });
  std::vector<std::pair<std::pair<uint64_t, uint8_t>, float>> sums;
  for (const Entry& e : entries) {
    if (sums.empty() || sums.back().first != std::make_pair(e.partial_key, e.c))
      sums.push_back({{e.partial_key, e.c}, 0.f});
    sums.back().second += e.w;
  }
  float max_abs = 0;
  for (const auto& [key, w] : sums) max_abs = std::max(max_abs, std::abs(w));
  out.scale_ = max_abs > 0 ? 32767.f / max_abs : 1.f;
  FrozenWeights::Rows rows;
  uint64_t last = ~uint64_t{0};
  for (const auto& [key, w] : sums) {
    const long q = std::lround(w * out.scale_);
    if (q == 0) continue;
    if (key.first != last)
      rows.Add(static_cast<uint32_t>(key.first & (num_buckets - 1)), static_cast<uint16_t>(key.first >> bucket_bits));
    last = key.first;
    rows.AddEntry(key.second, static_cast<int16_t>(q));
  }
  out.Build(rows, num_buckets);
  return out;
}

void WriteWeights(const FrozenWeights& weights, BinaryWriter& out) {
  out.Put<uint32_t>(weights.num_classes_);
  out.Put<float>(weights.scale_);
  std::vector<uint64_t> counts(65536, 0);
  weights.ForEachRow([&](const FrozenWeights::Row& r) {
    for (const auto& entry : r.entries) ++counts[entry.second + 32768];
  });
  const std::vector<int16_t> codebook = Codebook(counts);
  std::vector<uint16_t> bucket_sizes(weights.num_buckets_, 0), fingerprints;
  std::vector<uint8_t> lengths, classes, codes;
  weights.ForEachRow([&](const FrozenWeights::Row& r) {
    ++bucket_sizes[r.bucket];
    fingerprints.push_back(r.fingerprint);
    lengths.push_back(static_cast<uint8_t>(r.entries.size()));
    for (const auto& [c, w] : r.entries) {
      classes.push_back(c);
      codes.push_back(CodeOf(codebook, w));
    }
  });
  out.PutVector(codebook);
  for (const auto* v : {&bucket_sizes, &fingerprints}) out.PutVector(*v);
  for (const auto* v : {&lengths, &classes, &codes}) out.PutVector(*v);
}

}  // namespace geokg::extract::internal
