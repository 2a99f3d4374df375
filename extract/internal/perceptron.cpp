#include "extract/internal/perceptron.h"

#include <algorithm>
#include <cmath>

namespace geokg::extract::internal {
namespace {

// Keys are stored with 0 meaning "empty", so a real key of 0 is remapped.
uint64_t NonZero(uint64_t key) { return key == 0 ? 0x8000000000000000ULL : key; }

// Average bucket load of frozen tables: more features per bucket make the bucket index
// smaller (it costs 8 bytes per bucket) and scanning a bucket a little longer.
constexpr size_t kFeaturesPerBucket = 4;

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

FrozenWeights AveragedPerceptron::Freeze() const {
  FrozenWeights out;
  out.num_classes_ = num_classes_;
  const float steps = static_cast<float>(steps_);
  float max_abs = 0;
  for (size_t i = 0; i < static_cast<size_t>(used_) * num_classes_; ++i)
    max_abs = std::max(max_abs, std::abs(w_[i] - u_[i] / steps));
  out.scale_ = max_abs > 0 ? 32767.f / max_abs : 1.f;
  std::vector<std::pair<uint64_t, std::vector<std::pair<uint8_t, int16_t>>>> rows;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == 0) continue;
    const size_t row = static_cast<size_t>(slots_[i]) * num_classes_;
    std::vector<std::pair<uint8_t, int16_t>> entries;
    for (uint32_t c = 0; c < num_classes_; ++c) {
      const float a = w_[row + c] - u_[row + c] / steps;
      const long q = std::lround(a * out.scale_);
      if (q != 0) entries.emplace_back(static_cast<uint8_t>(c), static_cast<int16_t>(q));
    }
    if (!entries.empty()) rows.emplace_back(keys_[i], std::move(entries));
  }
  out.Build(rows, rows.size() / kFeaturesPerBucket);
  return out;
}

void FrozenWeights::Build(std::vector<std::pair<uint64_t, std::vector<std::pair<uint8_t, int16_t>>>>& rows,
                          size_t num_buckets) {
  size_t b = 1;
  while (b < num_buckets) b *= 2;
  const uint64_t mask = b - 1;
  std::stable_sort(rows.begin(), rows.end(), [&](const auto& x, const auto& y) { return (x.first & mask) < (y.first & mask); });
  buckets_.assign(b + 1, {});
  meta_.clear();
  entries_.clear();
  size_t next = 0;
  for (size_t bucket = 0; bucket < b; ++bucket) {
    buckets_[bucket] = {static_cast<uint32_t>(meta_.size()), static_cast<uint32_t>(entries_.size() / 3)};
    for (; next < rows.size() && (rows[next].first & mask) == bucket; ++next) {
      const auto& entries = rows[next].second;
      meta_.push_back(Fingerprint(rows[next].first) << 8 | static_cast<uint32_t>(entries.size()));
      for (const auto& [c, w] : entries) {
        const auto u = static_cast<uint16_t>(w);
        entries_.push_back(c);
        entries_.push_back(static_cast<uint8_t>(u & 0xFF));
        entries_.push_back(static_cast<uint8_t>(u >> 8));
      }
    }
  }
  buckets_[b] = {static_cast<uint32_t>(meta_.size()), static_cast<uint32_t>(entries_.size() / 3)};
}

FrozenWeights FrozenWeights::Pruned(float min_feature_weight, float min_entry_weight) const {
  FrozenWeights out;
  out.num_classes_ = num_classes_;
  out.scale_ = scale_;
  const long min_feature_q = std::lround(min_feature_weight * scale_);
  const long min_entry_q = std::lround(min_entry_weight * scale_);
  // Fingerprints alone do not give keys back, so rebuild from the bucket index and fingerprint:
  // both are bits of the key, and smaller tables only use fewer of the bucket bits.
  std::vector<std::pair<uint64_t, std::vector<std::pair<uint8_t, int16_t>>>> rows;
  for (size_t b = 0; b + 1 < buckets_.size(); ++b) {
    uint32_t e = buckets_[b].first_entry;
    for (uint32_t f = buckets_[b].first_feature; f < buckets_[b + 1].first_feature; ++f) {
      const uint32_t n = meta_[f] & 0xFF;
      std::vector<std::pair<uint8_t, int16_t>> kept;
      long largest = 0;
      for (uint32_t k = e; k < e + n; ++k) {
        const auto w = static_cast<int16_t>(entries_[3 * k + 1] | entries_[3 * k + 2] << 8);
        largest = std::max<long>(largest, std::abs(w));
        if (std::abs(w) >= min_entry_q) kept.emplace_back(entries_[3 * k], w);
      }
      e += n;
      if (largest >= min_feature_q && !kept.empty())
        rows.emplace_back(static_cast<uint64_t>(meta_[f] >> 8) << kFingerprintShift | b, std::move(kept));
    }
  }
  out.Build(rows, std::min(rows.size() / kFeaturesPerBucket, buckets_.size() - 1));
  return out;
}

void FrozenWeights::Score(std::span<const uint64_t> features, int32_t* scores) const {
  if (buckets_.size() < 2) return;
  const uint64_t mask = buckets_.size() - 2;
  constexpr size_t kBatch = 128;
  uint32_t bucket[kBatch];
  // Three passes so that the cache misses of all features overlap: find the buckets, then the
  // feature lists and entries, then add.
  for (size_t start = 0; start < features.size(); start += kBatch) {
    const size_t n = std::min(kBatch, features.size() - start);
    const uint64_t* keys = features.data() + start;
    for (size_t i = 0; i < n; ++i) {
      bucket[i] = static_cast<uint32_t>(keys[i] & mask);
      __builtin_prefetch(&buckets_[bucket[i]]);
    }
    for (size_t i = 0; i < n; ++i) {
      const Bucket& b = buckets_[bucket[i]];
      __builtin_prefetch(&meta_[b.first_feature]);
      __builtin_prefetch(&entries_[3 * static_cast<size_t>(b.first_entry)]);
    }
    for (size_t i = 0; i < n; ++i) {
      const uint32_t fp = Fingerprint(keys[i]);
      uint32_t e = buckets_[bucket[i]].first_entry;
      const uint32_t end = buckets_[bucket[i] + 1].first_feature;
      for (uint32_t f = buckets_[bucket[i]].first_feature; f < end; ++f) {
        const uint32_t len = meta_[f] & 0xFF;
        if ((meta_[f] >> 8) == fp) {
          const uint8_t* p = &entries_[3 * static_cast<size_t>(e)];
          for (uint32_t k = 0; k < len; ++k, p += 3) scores[p[0]] += static_cast<int16_t>(p[1] | p[2] << 8);
          break;
        }
        e += len;
      }
    }
  }
}

void FrozenWeights::Write(BinaryWriter& out) const {
  out.Put<uint32_t>(num_classes_);
  out.Put<float>(scale_);
  std::vector<uint16_t> bucket_sizes, fingerprints;
  std::vector<uint8_t> lengths, classes, low, high;
  for (size_t b = 0; b + 1 < buckets_.size(); ++b)
    bucket_sizes.push_back(static_cast<uint16_t>(buckets_[b + 1].first_feature - buckets_[b].first_feature));
  for (uint32_t m : meta_) {
    fingerprints.push_back(static_cast<uint16_t>(m >> 8));
    lengths.push_back(static_cast<uint8_t>(m & 0xFF));
  }
  for (size_t k = 0; k < entries_.size(); k += 3) {
    classes.push_back(entries_[k]);
    low.push_back(entries_[k + 1]);
    high.push_back(entries_[k + 2]);
  }
  for (const auto* v : {&bucket_sizes, &fingerprints}) out.PutVector(*v);
  for (const auto* v : {&lengths, &classes, &low, &high}) out.PutVector(*v);
}

Status FrozenWeights::Read(BinaryReader& in) {
  GEOKG_RETURN_IF_ERROR(in.Get(num_classes_));
  GEOKG_RETURN_IF_ERROR(in.Get(scale_));
  std::vector<uint16_t> bucket_sizes, fingerprints;
  std::vector<uint8_t> lengths, classes, low, high;
  for (auto* v : {&bucket_sizes, &fingerprints}) GEOKG_RETURN_IF_ERROR(in.GetVector(*v));
  for (auto* v : {&lengths, &classes, &low, &high}) GEOKG_RETURN_IF_ERROR(in.GetVector(*v));
  const size_t b = bucket_sizes.size();
  if (b == 0 || (b & (b - 1)) != 0 || num_classes_ > 256 || fingerprints.size() != lengths.size() ||
      classes.size() != low.size() || classes.size() != high.size())
    return in.Invalid("has an inconsistent weight table");
  buckets_.assign(b + 1, {});
  meta_.resize(fingerprints.size());
  uint64_t feature = 0, entry = 0;
  for (size_t i = 0; i < b; ++i) {
    buckets_[i] = {static_cast<uint32_t>(feature), static_cast<uint32_t>(entry)};
    for (uint32_t k = 0; k < bucket_sizes[i]; ++k, ++feature) {
      if (feature >= meta_.size()) return in.Invalid("has a damaged weight table");
      meta_[feature] = static_cast<uint32_t>(fingerprints[feature]) << 8 | lengths[feature];
      entry += lengths[feature];
    }
  }
  if (feature != meta_.size() || entry != classes.size()) return in.Invalid("has a damaged weight table");
  buckets_[b] = {static_cast<uint32_t>(feature), static_cast<uint32_t>(entry)};
  entries_.resize(3 * classes.size());
  for (size_t k = 0; k < classes.size(); ++k) {
    if (classes[k] >= num_classes_) return in.Invalid("has a class out of range");
    entries_[3 * k] = classes[k];
    entries_[3 * k + 1] = low[k];
    entries_[3 * k + 2] = high[k];
  }
  return Status();
}

}  // namespace geokg::extract::internal
