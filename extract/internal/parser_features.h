// extract/internal/parser_features.h -- what the dependency parser looks at: its feature
// templates over a configuration, and the actions it chooses among, shared by Parser
// (parser.cpp) and ParserTrainer (parser_train.cpp) so that training and parsing see the same.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <span>

#include "extract/internal/perceptron.h"
#include "extract/internal/transition.h"

namespace geokg::extract::internal::parser_features {

inline constexpr size_t kMaxFeatures = 96;     // 82 templates, and room for KeyBatch's padding lanes
inline constexpr uint64_t kNone = 0x6e6f6e65;  // an absent position
inline constexpr uint64_t kRoot = 0x726f6f74;

// The sentence as the features see it: words, tags and supertags (S: the whole supertag, V: its
// first part, the sides of the head and dependents) by 1-based index, 0 = root, -1 = none.
struct Sentence {
  std::span<const uint64_t> words;
  std::span<const uint16_t> tags;
  std::span<const uint16_t> supertags;
  uint64_t W(int i) const { return i < 0 ? kNone : i == 0 ? kRoot : words[i - 1]; }
  uint64_t P(int i) const { return i < 0 ? kNone : i == 0 ? kRoot : tags[i - 1]; }
  uint64_t S(int i) const { return i < 0 ? kNone : i == 0 ? kRoot : supertags[i - 1]; }
  uint64_t V(int i) const { return i < 0 ? kNone : i == 0 ? kRoot : supertags[i - 1] >> 8; }
};

inline uint64_t Distance(int a, int b) {
  if (a <= 0 || b <= 0) return 99;
  const int d = std::abs(b - a);
  return d <= 4 ? d : d <= 6 ? 5 : d <= 10 ? 6 : 7;
}

// Which templates Features() hashes: all (training, and what the others are checked against),
// or at run time those that read more than one label (kRest): 7 of the 82 templates read one
// dependent's label only, and the parse looks their keys up in LabelKeys, hashed once for every
// label (kLabel), rather than hashing them on every scored transition; the bias's key is then
// a constant.
enum class Part { kAll, kRest, kLabel };

// The keys of the one-label templates on each label: 0-63 (Parser::Read allows at most 64
// relations), then kNone.
inline constexpr size_t kLabelTemplates = 7;
inline constexpr size_t kLabelValues = 65;
struct LabelKeys {
  uint64_t key[kLabelTemplates][kLabelValues];
};

// Writes the keys of the features of `c` to f (room for kMaxFeatures), in template order or,
// for FrozenWeights, in any, and returns their number: kRest (as many keys as kAll) only in any
// order, with `labels`; kLabel, the one-label templates on `label` in template order, without
// reading `c` or `x`.
template <KeyBatch::Order kOrder = KeyBatch::Order::kTemplates, Part kPart = Part::kAll>
inline size_t Features(const Configuration& c, const Sentence& x, uint64_t* f, const LabelKeys* labels = nullptr,
                       uint64_t label = kNone) {
  static_assert(kPart != Part::kRest || kOrder == KeyBatch::Order::kAny);
  static_assert(kPart != Part::kLabel || kOrder == KeyBatch::Order::kTemplates);
  constexpr bool kConfiguration = kPart != Part::kLabel;
  const int s0 = kConfiguration ? c.Stack(0) : -1, s1 = kConfiguration ? c.Stack(1) : -1;
  const int s2 = kConfiguration ? c.Stack(2) : -1;
  const int b0 = kConfiguration ? c.Buffer(0) : -1, b1 = kConfiguration ? c.Buffer(1) : -1;
  const int b2 = kConfiguration ? c.Buffer(2) : -1;
  static const Children kNoChildren;
  auto kids = [&](int i) -> const Children& { return i > 0 ? c.children(i) : kNoChildren; };
  auto label_of = [&](int i) -> uint64_t { return i > 0 && c.heads()[i] >= 0 ? c.labels()[i] : kNone; };
  const Children &cs0 = kids(s0), &cs1 = kids(s1), &cb0 = kids(b0);
  const uint64_t s0w = x.W(s0), s0p = x.P(s0), s1w = x.W(s1), s1p = x.P(s1), s2p = x.P(s2);
  const uint64_t b0w = x.W(b0), b0p = x.P(b0), b1p = x.P(b1), b2p = x.P(b2);
  const uint64_t s0lp = x.P(cs0.left1), s0rp = x.P(cs0.right1), b0lp = x.P(cb0.left1);
  const uint64_t s1rp = x.P(cs1.right1), s1lp = x.P(cs1.left1);
  const uint64_t s0ll = label_of(cs0.left1), s0rl = label_of(cs0.right1), b0ll = label_of(cb0.left1);
  const uint64_t s0ll2 = label_of(cs0.left2), s0rl2 = label_of(cs0.right2), b0ll2 = label_of(cb0.left2);
  const uint64_t s1rl = label_of(cs1.right1), s1ll = label_of(cs1.left1);
  const uint64_t d = Distance(s0, b0), d1 = Distance(s1, s0);
  KeyBatch keys(kOrder);
  uint32_t t = 0;
  // Inlined, so that each template id is a constant (GCC otherwise calls them: a fifth of the
  // parser's time went to calls and reloading t).
  auto add1 = [&](uint64_t a) __attribute__((always_inline)) {
    if constexpr (kConfiguration) keys.Add(t, a);
    ++t;
  };
  auto add2 = [&](uint64_t a, uint64_t b) __attribute__((always_inline)) {
    if constexpr (kConfiguration) keys.Add(t, a, b);
    ++t;
  };
  auto add3 = [&](uint64_t a, uint64_t b, uint64_t e) __attribute__((always_inline)) {
    if constexpr (kConfiguration) keys.Add(t, a, b, e);
    ++t;
  };
  // A one-label template: kRest copies its key from `labels` to the front of f.
  size_t copied = 0;
  uint32_t l = 0;
  auto add_label = [&](uint64_t value) __attribute__((always_inline)) {
    if constexpr (kPart == Part::kRest) {
      f[copied++] = labels->key[l][std::min<uint64_t>(value, kLabelValues - 1)];
    } else {
      keys.Add(t, kPart == Part::kLabel ? label : value);
    }
    ++t, ++l;
  };
  // The bias, whose key is a constant at run time.
  if constexpr (kPart == Part::kRest) {
    f[copied++] = FeatureKey(t++, 0);
  } else {
    add1(0);
  }
  // Single positions.
  add1(s0w), add1(s0p), add2(s0w, s0p), add1(s1w), add1(s1p), add2(s1w, s1p);
  add1(b0p), add2(b0w, b0p), add1(b1p), add1(b2p), add1(s2p), add1(x.W(s2));
  // Pairs: the two candidate arcs are s0-b0 (Left) and s1-s0 (Right).
  add3(s0w, s0p, b0p), add3(s0p, b0w, b0p), add2(b0p, b1p), add3(s1w, s0w, s0p), add2(s1p, s0p);
  add3(s0w, s0p, Mix(b0w, b0p));
  // s0 goes to either s1 or b0: compare the two candidate heads.
  add2(s1p, b0p), add3(s1p, s0p, Mix(b0p, b1p));
  // Tag trigrams.
  add3(b0p, b1p, b2p), add3(s0p, b0p, b1p), add3(s2p, s1p, s0p);
  add3(s0p, s0lp, b0p), add3(s0p, b0p, b0lp), add3(s1p, s1rp, s0p);
  add3(s1p, s1lp, s0p), add3(s1p, s0p, s0lp), add3(s1p, s0p, s0rp);
  // Distance.
  add2(s0w, d), add2(s0p, d), add2(b0w, d), add2(b0p, d), add3(s0w, b0w, d), add3(s1p, s0p, d1);
  // Valency.
  add2(s0w, cs0.num_right), add2(s0p, cs0.num_right), add2(b0w, cb0.num_left), add2(b0p, cb0.num_left);
  add2(s1p, cs1.num_right), add2(s1p, cs1.num_left);
  // Outermost dependents.
  add1(x.W(cs0.left1)), add1(s0lp), add_label(s0ll);
  add1(x.W(cs0.right1)), add1(s0rp), add_label(s0rl);
  add1(x.W(cb0.left1)), add1(b0lp), add_label(b0ll);
  add1(x.P(cs0.right2)), add_label(s0rl2), add1(x.P(cb0.left2)), add_label(b0ll2);
  add1(s1rp), add_label(s1rl), add1(s1lp), add_label(s1ll);
  add3(s0p, s0ll, s0ll2), add3(s0p, s0rl, s0rl2), add3(b0p, b0ll, b0ll2), add3(s0p, s0ll, b0p);
  // Relation sets.
  add2(s0w, cs0.right_labels), add2(s0p, cs0.left_labels), add2(b0w, cb0.left_labels);
  add2(b0p, cb0.left_labels), add3(s1p, cs1.right_labels, s0p);
  // Supertags: what each word is expected to be, and on which sides its head and dependents are.
  const uint64_t s0s = x.S(s0), s1s = x.S(s1), b0s = x.S(b0), b1s = x.S(b1), b2s = x.S(b2);
  add1(s0s), add1(s1s), add1(b0s), add1(b1s), add1(b2s);
  add2(s0s, b0s), add2(s1s, s0s), add2(s1s, b0s), add3(s0s, b0s, b1s);
  add2(s0p, s0s), add2(b0p, b0s), add3(s0s, s0ll, s0rl);
  add2(x.V(s1), x.V(s0)), add3(x.V(s0), x.V(b0), x.V(b1));
  return copied + keys.Hash(f + copied);
}

// The LabelKeys of every label.
inline LabelKeys HashLabelKeys() {
  static const Configuration kUnread(0);
  LabelKeys out;
  uint64_t f[kLabelTemplates + 3];
  for (size_t v = 0; v < kLabelValues; ++v) {
    Features<KeyBatch::Order::kTemplates, Part::kLabel>(kUnread, {}, f, nullptr, v + 1 < kLabelValues ? v : kNone);
    for (size_t k = 0; k < kLabelTemplates; ++k) out.key[k][v] = f[k];
  }
  return out;
}

inline Move MoveOf(uint32_t action, uint32_t num_labels) {
  return action == 0 ? Move::kShift : action <= num_labels ? Move::kLeft : Move::kRight;
}
inline uint8_t LabelOf(uint32_t action, uint32_t num_labels) {
  return static_cast<uint8_t>(action == 0 ? 0 : (action - 1) % num_labels);
}

// The highest-scoring action that the configuration allows (0 if none).
// Ties go to the lowest action. Actions are searched move by move (Shift, the Lefts, the
// Rights: ascending), not each checked for its move.
template <class Score>
uint32_t BestValid(const Configuration& c, const Score* scores, uint32_t num_labels) {
  const bool can[3] = {c.CanShift(), c.CanLeft(), c.CanRight()};
  const uint32_t begin[3] = {0, 1, 1 + num_labels}, end[3] = {1, 1 + num_labels, 1 + 2 * num_labels};
  uint32_t best = 0;
  bool found = false;
  for (int m = 0; m < 3; ++m) {
    if (!can[m]) continue;
    const uint32_t a = Argmax(scores, begin[m], end[m]);
    if (!found || scores[a] > scores[best]) best = a, found = true;
  }
  return best;
}

}  // namespace geokg::extract::internal::parser_features
