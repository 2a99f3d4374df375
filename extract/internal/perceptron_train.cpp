#include "extract/internal/perceptron_train.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace geokg::extract::internal {
namespace {

// Keys are stored with 0 meaning "empty", so a real key of 0 is remapped.
uint64_t NonZero(uint64_t key) { return key == 0 ? 0x8000000000000000ULL : key; }

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

}  // namespace geokg::extract::internal
