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

// Lower-cased prefix or suffix of up to `n` bytes.
inline uint64_t Affix(std::string_view s, size_t n, bool suffix) {
  n = std::min(n, s.size());
  return HashLower(suffix ? s.substr(s.size() - n) : s.substr(0, n)) + n;
}

// Shape with runs longer than two of the same class collapsed: "Jae-myung" -> "Xxx-xx".
inline uint64_t Shape(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  char prev = 0, prev2 = 0;
  for (unsigned char c : s) {
    const char k = ShapeClass(c);
    if (k == prev && k == prev2) continue;
    prev2 = prev;
    prev = k;
    h ^= static_cast<unsigned char>(k);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// Which of capitals, digits, hyphens and lower case `s` has, whether it starts with a capital,
// and whether it is the sentence's first word.
inline uint64_t Flags(std::string_view s, bool first) {
  bool upper = false, digit = false, hyphen = false, lower = false;
  for (char c : s) {
    upper |= c >= 'A' && c <= 'Z';
    lower |= c >= 'a' && c <= 'z';
    digit |= c >= '0' && c <= '9';
    hyphen |= c == '-';
  }
  const bool initial_upper = !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
  return (upper << 0) | (digit << 1) | (hyphen << 2) | (lower << 3) | (initial_upper << 4) | (first << 5);
}

}  // namespace geokg::extract::internal
