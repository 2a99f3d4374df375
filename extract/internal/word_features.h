// extract/internal/word_features.h -- the per-word hashes that the POS tagger and the
// named-entity tagger build their features from: lower-cased affixes, a collapsed shape and
// capitalisation/digit/hyphen flags. Pure functions.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "extract/internal/perceptron.h"

namespace geokg::extract::internal {

inline char ShapeClass(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

// A word's hashes that the taggers build their features from, all computed in one pass over it
// (and one over each suffix) rather than by eleven functions: the taggers hash every word.
struct SpellingHashes {
  uint64_t form;   // HashString
  uint64_t lower;  // HashLower
  // HashString of the shape, each byte's ShapeClass with runs longer than two of the same class
  // collapsed: "Jae-myung" -> "Xxx-xx".
  uint64_t shape;
  // Which of capitals, digits, hyphens and lower case the word has (bits 0-3), whether it starts
  // with a capital (bit 4), and whether it is the sentence's first word (bit 5).
  uint64_t flags;
  // HashLower of the first and last 1-3 and 1-4 bytes (the whole word when shorter), plus their
  // length.
  uint64_t prefix[3], suffix[4];
};
inline SpellingHashes HashSpelling(std::string_view s, bool first) {
  SpellingHashes h{kFnvBasis, kFnvBasis, kFnvBasis, 0, {}, {}};
  char prev = 0, prev2 = 0;
  bool upper = false, digit = false, hyphen = false, lower = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool is_upper = c >= 'A' && c <= 'Z';
    h.form = (h.form ^ c) * kFnvPrime;
    h.lower = (h.lower ^ (is_upper ? c - 'A' + 'a' : c)) * kFnvPrime;
    if (i < 3) h.prefix[i] = h.lower + (i + 1);
    const char k = ShapeClass(c);
    if (k != prev || k != prev2) {
      prev2 = prev;
      prev = k;
      h.shape = (h.shape ^ static_cast<unsigned char>(k)) * kFnvPrime;
    }
    upper |= is_upper;
    lower |= c >= 'a' && c <= 'z';
    digit |= c >= '0' && c <= '9';
    hyphen |= c == '-';
  }
  for (size_t i = s.size(); i < 3; ++i) h.prefix[i] = h.lower + s.size();
  for (size_t n = 1; n <= 4; ++n) {
    const size_t m = std::min(n, s.size());
    h.suffix[n - 1] = HashLower(s.substr(s.size() - m)) + m;
  }
  const bool initial_upper = !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
  h.flags = (upper << 0) | (digit << 1) | (hyphen << 2) | (lower << 3) | (initial_upper << 4) | (first << 5);
  return h;
}

}  // namespace geokg::extract::internal
