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

// Which of a word's features to hash: all (training), or only those that the POS tagger and
// the supertagger share, which read the word's and its neighbours' own hashes (HashWords
// hashes them once for both), or only the tagger's own, which read the previous tags and the
// tagger's lexicon.
enum class Part { kAll, kShared, kOwn };

// Features of word i (hashes index i + 2) given the two previous XPOS tags, written to f (room
// for kMaxFeatures) in template order or, for FrozenWeights, in any.
template <Part kPart = Part::kAll, KeyBatch::Order kOrder = KeyBatch::Order::kTemplates>
inline size_t Features(const std::vector<TokenHashes>& h, size_t i, uint8_t p1, uint8_t p2, uint64_t* f) {
  const TokenHashes& w = h[i + 2];
  const TokenHashes& l1 = h[i + 1];
  const TokenHashes& l2 = h[i];
  const TokenHashes& r1 = h[i + 3];
  const TokenHashes& r2 = h[i + 4];
  KeyBatch keys(kOrder);
  uint32_t t = 0;
  // Inlined, so that each template id is a constant.
  auto shared = [&](auto... v) __attribute__((always_inline)) {
    if constexpr (kPart != Part::kOwn) keys.Add(t, v...);
    ++t;
  };
  auto own = [&](auto... v) __attribute__((always_inline)) {
    if constexpr (kPart != Part::kShared) keys.Add(t, v...);
    ++t;
  };
  shared(uint64_t{0});
  shared(w.lower);
  shared(w.form);
  for (uint64_t s : w.suffix) shared(s);
  for (uint64_t p : w.prefix) shared(p);
  shared(w.shape);
  shared(w.flags);
  own(w.lexicon);
  own(uint64_t{p1});
  own(uint64_t{p1}, uint64_t{p2});
  own(uint64_t{p1}, w.lower);
  own(uint64_t{p1}, w.lexicon);
  own(uint64_t{p1}, w.suffix[2]);
  shared(l1.lower);
  shared(l1.suffix[2]);
  shared(l1.lower, w.lower);
  shared(l2.lower);
  shared(r1.lower);
  shared(r1.suffix[2]);
  shared(r1.shape);
  own(r1.lexicon);
  shared(w.lower, r1.lower);
  own(w.lexicon, r1.lexicon);
  own(uint64_t{p1}, r1.lexicon);
  shared(r2.lower);
  own(r2.lexicon);
  own(r1.lexicon, r2.lexicon);
  shared(w.shape, w.flags, r1.flags);
  return keys.Hash(f);
}

}  // namespace geokg::extract::internal::tagger_features
