// extract/internal/perceptron.h -- the linear models behind the tagger and the parser.
//
// Features are 64-bit hashes (see FeatureKey). Training uses AveragedPerceptron, a mutable
// feature -> dense weight row table with lazy averaging; Freeze() turns it into FrozenWeights, a
// compact read-only table of int16 weights that keeps only rows and entries worth their bytes.
// AveragedPerceptron is single-threaded; a FrozenWeights is immutable after loading and safe to
// share between threads.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "extract/internal/binary_io.h"
#include "graph/status.h"

namespace geokg::extract::internal {

// 64-bit FNV-1a of a string: the per-token part of a feature, computed once per token.
inline uint64_t HashString(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// HashString of the ASCII-lower-cased string: the key of a word regardless of capitalisation.
inline uint64_t HashLower(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// Mixes a value into a running hash (murmur3's finaliser on a combination), so that feature
// keys are built from template ids and token hashes without making strings.
inline uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

inline uint64_t FeatureKey(uint32_t template_id, uint64_t a) { return Mix(Mix(template_id, a), 1); }
inline uint64_t FeatureKey(uint32_t template_id, uint64_t a, uint64_t b) {
  return Mix(Mix(Mix(template_id, a), b), 2);
}
inline uint64_t FeatureKey(uint32_t template_id, uint64_t a, uint64_t b, uint64_t c) {
  return Mix(Mix(Mix(Mix(template_id, a), b), c), 3);
}

// The class range [begin, end) of one decision: a model may hold several independent
// decisions in one row (the tagger scores UPOS and XPOS from the same features).
struct ClassRange {
  uint32_t begin = 0;
  uint32_t end = 0;
};

class FrozenWeights;

// Multiclass averaged perceptron over hashed features, with one dense row of weights per
// feature that was ever updated. Averages are kept lazily: w is the current weight and u the sum
// of step * update, so the average is w - u / steps.
class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(uint32_t num_classes);

  uint32_t num_classes() const { return num_classes_; }

  // Adds the current (not averaged) weights of `features` to scores[0, num_classes).
  void Score(std::span<const uint64_t> features, float* scores) const;

  // One perceptron step: rewards `truth` and penalises `guess` (no-op when equal).
  void Update(std::span<const uint64_t> features, uint32_t truth, uint32_t guess);

  // Counts one training example, whether or not it caused an update.
  void Tick() { ++steps_; }

  // The averaged weights, with rows whose largest |weight| is below `min_weight` dropped and
  // entries below `min_weight` zeroed, quantised to int16.
  FrozenWeights Freeze(float min_weight) const;

 private:
  int64_t FindRow(uint64_t key) const;
  uint32_t FindOrAddRow(uint64_t key);

  uint32_t num_classes_;
  uint64_t steps_ = 1;
  std::vector<uint64_t> keys_;   // open addressing, 0 = empty slot
  std::vector<uint32_t> slots_;  // row index for each key slot
  uint32_t used_ = 0;
  std::vector<float> w_;
  std::vector<float> u_;
};

// Read-only weights: an open-addressing table from a 32-bit fingerprint of the feature key to a
// run of (class, int16 weight) entries. Fingerprint collisions are rare and only add noise.
class FrozenWeights {
 public:
  FrozenWeights() = default;

  uint32_t num_classes() const { return num_classes_; }
  size_t num_features() const { return num_features_; }

  // Adds the weights of `features` to scores[0, num_classes), in model units (see scale()).
  void Score(std::span<const uint64_t> features, float* scores) const;
  float scale() const { return scale_; }

  void Write(BinaryWriter& out) const;
  Status Read(BinaryReader& in);

 private:
  friend class AveragedPerceptron;
  struct Slot {
    uint32_t fingerprint = 0;  // 0 = empty
    uint32_t run = 0;          // first entry << 8 | number of entries
  };
  const Slot* Find(uint64_t key) const;

  uint32_t num_classes_ = 0;
  float scale_ = 1;  // weight = entry / scale_
  size_t num_features_ = 0;
  std::vector<Slot> slots_;  // power-of-two size
  std::vector<uint8_t> classes_;
  std::vector<int16_t> weights_;
};

}  // namespace geokg::extract::internal
