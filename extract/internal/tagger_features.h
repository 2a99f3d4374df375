// extract/internal/tagger_features.h -- what the part-of-speech tagger looks at: its feature
// templates and its choice of tags, shared by Tagger (tagger.cpp) and TaggerTrainer
// (tagger_train.cpp) so that training and tagging see the same features.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "extract/internal/perceptron.h"
#include "extract/internal/tagger.h"

namespace geokg::extract::internal::tagger_features {

inline constexpr uint8_t kNoTag = 255;  // previous-tag value before the sentence start

inline constexpr size_t kMaxFeatures = 40;  // 33 templates, and room for KeyBatch's padding lanes

// Features of word i (hashes index i + 2) given the two previous XPOS tags, written to f (room
// for kMaxFeatures) in template order or, for FrozenWeights, in any.
inline size_t Features(const std::vector<TokenHashes>& h, size_t i, uint8_t p1, uint8_t p2, uint64_t* f,
                       KeyBatch::Order order = KeyBatch::Order::kTemplates) {
  const TokenHashes& w = h[i + 2];
  const TokenHashes& l1 = h[i + 1];
  const TokenHashes& l2 = h[i];
  const TokenHashes& r1 = h[i + 3];
  const TokenHashes& r2 = h[i + 4];
  KeyBatch keys;
  uint32_t t = 0;
  keys.Add(t++, 0);
  keys.Add(t++, w.lower);
  keys.Add(t++, w.form);
  for (uint64_t s : w.suffix) keys.Add(t++, s);
  for (uint64_t p : w.prefix) keys.Add(t++, p);
  keys.Add(t++, w.shape);
  keys.Add(t++, w.flags);
  keys.Add(t++, w.lexicon);
  keys.Add(t++, p1);
  keys.Add(t++, p1, p2);
  keys.Add(t++, p1, w.lower);
  keys.Add(t++, p1, w.lexicon);
  keys.Add(t++, p1, w.suffix[2]);
  keys.Add(t++, l1.lower);
  keys.Add(t++, l1.suffix[2]);
  keys.Add(t++, l1.lower, w.lower);
  keys.Add(t++, l2.lower);
  keys.Add(t++, r1.lower);
  keys.Add(t++, r1.suffix[2]);
  keys.Add(t++, r1.shape);
  keys.Add(t++, r1.lexicon);
  keys.Add(t++, w.lower, r1.lower);
  keys.Add(t++, w.lexicon, r1.lexicon);
  keys.Add(t++, p1, r1.lexicon);
  keys.Add(t++, r2.lower);
  keys.Add(t++, r2.lexicon);
  keys.Add(t++, r1.lexicon, r2.lexicon);
  keys.Add(t++, w.shape, w.flags, r1.flags);
  return order == KeyBatch::Order::kAny ? keys.HashInAnyOrder(f) : keys.Hash(f);
}

}  // namespace geokg::extract::internal::tagger_features
