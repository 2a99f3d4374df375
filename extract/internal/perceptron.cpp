#include "extract/internal/perceptron.h"

#include <algorithm>
#include <cmath>

namespace geokg::extract::internal {
namespace {

// Keys are stored with 0 meaning "empty", so a real key of 0 is remapped.
uint64_t NonZero(uint64_t key) { return key == 0 ? 0x8000000000000000ULL : key; }
uint32_t Fingerprint(uint64_t key) {
  uint32_t f = static_cast<uint32_t>(key >> 32);
  return f == 0 ? 1 : f;
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

FrozenWeights AveragedPerceptron::Freeze(float min_weight) const {
  FrozenWeights out;
  out.num_classes_ = num_classes_;
  const float steps = static_cast<float>(steps_);
  std::vector<float> avg(num_classes_);
  float max_abs = 0;
  for (size_t i = 0; i < static_cast<size_t>(used_) * num_classes_; ++i)
    max_abs = std::max(max_abs, std::abs(w_[i] - u_[i] / steps));
  out.scale_ = max_abs > 0 ? 32767.f / max_abs : 1.f;

  std::vector<std::pair<uint64_t, uint32_t>> kept;  // (key, row)
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == 0) continue;
    const size_t row = static_cast<size_t>(slots_[i]) * num_classes_;
    bool keep = false;
    for (uint32_t c = 0; c < num_classes_ && !keep; ++c)
      keep = std::abs(w_[row + c] - u_[row + c] / steps) >= min_weight;
    if (keep) kept.emplace_back(keys_[i], slots_[i]);
  }
  size_t size = 1;
  while (size < kept.size() * 2) size *= 2;
  out.slots_.assign(size, {});
  out.num_features_ = kept.size();
  const size_t mask = size - 1;
  for (const auto& [key, row_index] : kept) {
    const size_t row = static_cast<size_t>(row_index) * num_classes_;
    const uint32_t begin = static_cast<uint32_t>(out.classes_.size());
    for (uint32_t c = 0; c < num_classes_; ++c) {
      const float a = w_[row + c] - u_[row + c] / steps;
      const long q = std::lround(a * out.scale_);
      if (std::abs(a) < min_weight || q == 0) continue;
      out.classes_.push_back(static_cast<uint8_t>(c));
      out.weights_.push_back(static_cast<int16_t>(q));
    }
    const uint32_t n = static_cast<uint32_t>(out.classes_.size()) - begin;
    if (n == 0) continue;
    size_t i = key & mask;
    while (out.slots_[i].fingerprint != 0) i = (i + 1) & mask;
    out.slots_[i] = {Fingerprint(key), begin << 8 | n};
  }
  return out;
}

const FrozenWeights::Slot* FrozenWeights::Find(uint64_t key) const {
  const uint32_t fp = Fingerprint(key);
  const size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.fingerprint == fp) return &s;
    if (s.fingerprint == 0) return nullptr;
  }
}

void FrozenWeights::Score(std::span<const uint64_t> features, float* scores) const {
  if (slots_.empty()) return;
  for (uint64_t f : features) {
    const Slot* s = Find(f);
    if (s == nullptr) continue;
    const uint32_t begin = s->run >> 8, end = begin + (s->run & 0xFF);
    for (uint32_t e = begin; e < end; ++e) scores[classes_[e]] += weights_[e];
  }
}

void FrozenWeights::Write(BinaryWriter& out) const {
  out.Put<uint32_t>(num_classes_);
  out.Put<float>(scale_);
  out.Put<uint64_t>(num_features_);
  out.PutVector(slots_);
  out.PutVector(classes_);
  out.PutVector(weights_);
}

Status FrozenWeights::Read(BinaryReader& in) {
  uint64_t n = 0;
  GEOKG_RETURN_IF_ERROR(in.Get(num_classes_));
  GEOKG_RETURN_IF_ERROR(in.Get(scale_));
  GEOKG_RETURN_IF_ERROR(in.Get(n));
  num_features_ = n;
  GEOKG_RETURN_IF_ERROR(in.GetVector(slots_));
  GEOKG_RETURN_IF_ERROR(in.GetVector(classes_));
  GEOKG_RETURN_IF_ERROR(in.GetVector(weights_));
  if ((slots_.size() & (slots_.size() - 1)) != 0 || classes_.size() != weights_.size() ||
      num_classes_ > 256 || (!slots_.empty() && num_features_ >= slots_.size()))
    return in.Invalid("has an inconsistent weight table");
  for (const Slot& s : slots_)
    if (s.fingerprint != 0 && (s.run >> 8) + (s.run & 0xFF) > classes_.size())
      return in.Invalid("has a weight run out of range");
  for (uint8_t c : classes_)
    if (c >= num_classes_) return in.Invalid("has a class out of range");
  return Status();
}

}  // namespace geokg::extract::internal
