// extract/internal/ner_features.h -- what the named-entity tagger looks at: the hashes of a word,
// its feature templates and its choice among the labels IOB2 allows, shared by NerTagger
// (ner.cpp) and NerTrainer (ner_train.cpp) so that training and tagging see the same features.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "extract/internal/ner.h"
#include "extract/internal/perceptron.h"

namespace geokg::extract::internal {

// The hashes of a word (or of a pad beyond the sentence) that the feature templates combine.
struct NerTagger::WordHashes {
  uint64_t form = 0, lower = 0, shape = 0, flags = 0, common = 0;
  uint64_t prefix[3] = {}, suffix[4] = {};
};

namespace ner_features {

inline constexpr uint8_t kNoLabel = 255;  // previous-label value before the sentence start
inline constexpr size_t kMaxFeatures = 40;
inline constexpr size_t kMaxLabels = 32;

// Features of word i (hashes index i + 2) given the two previous labels.
template <class Hashes>
size_t Features(const std::vector<Hashes>& h, size_t i, uint8_t p1, uint8_t p2, uint64_t* f) {
  const Hashes& w = h[i + 2];
  const Hashes& l1 = h[i + 1];
  const Hashes& l2 = h[i];
  const Hashes& r1 = h[i + 3];
  const Hashes& r2 = h[i + 4];
  size_t n = 0;
  uint32_t t = 0;
  f[n++] = FeatureKey(t++, w.lower);
  f[n++] = FeatureKey(t++, w.form);
  for (uint64_t s : w.suffix) f[n++] = FeatureKey(t++, s);
  for (uint64_t p : w.prefix) f[n++] = FeatureKey(t++, p);
  f[n++] = FeatureKey(t++, w.shape);
  f[n++] = FeatureKey(t++, w.flags, w.common);
  f[n++] = FeatureKey(t++, p1);
  f[n++] = FeatureKey(t++, p1, p2);
  f[n++] = FeatureKey(t++, p1, w.shape);
  f[n++] = FeatureKey(t++, p1, w.lower);
  f[n++] = FeatureKey(t++, p1, w.flags, w.common);
  f[n++] = FeatureKey(t++, l1.lower);
  f[n++] = FeatureKey(t++, l1.shape, l1.common);
  f[n++] = FeatureKey(t++, l1.lower, w.lower);
  f[n++] = FeatureKey(t++, l1.lower, w.shape);
  f[n++] = FeatureKey(t++, l2.lower);
  f[n++] = FeatureKey(t++, l2.lower, l1.lower);
  f[n++] = FeatureKey(t++, r1.lower);
  f[n++] = FeatureKey(t++, r1.shape, r1.common);
  f[n++] = FeatureKey(t++, w.lower, r1.lower);
  f[n++] = FeatureKey(t++, w.shape, r1.lower);
  f[n++] = FeatureKey(t++, r1.suffix[2]);
  f[n++] = FeatureKey(t++, r2.lower);
  f[n++] = FeatureKey(t++, r1.lower, r2.lower);
  f[n++] = FeatureKey(t++, l1.shape, w.shape, r1.shape);
  f[n++] = FeatureKey(t++, w.flags, l1.flags, r1.flags);
  f[n++] = FeatureKey(t++, p1, r1.shape, r1.common);
  return n;
}

// Index of the best score among the labels `allowed` accepts.
template <class Score, class Allowed>
uint8_t BestAllowed(const Score* scores, uint32_t num_labels, Allowed allowed) {
  uint8_t best = 0;  // "O" is always allowed
  for (uint32_t c = 1; c < num_labels; ++c)
    if (allowed(static_cast<uint8_t>(c)) && scores[c] > scores[best]) best = static_cast<uint8_t>(c);
  return best;
}

}  // namespace ner_features
}  // namespace geokg::extract::internal
