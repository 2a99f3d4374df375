#include "extract/internal/parser.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "extract/internal/transition.h"

namespace geokg::extract::internal {
namespace {

constexpr size_t kMaxFeatures = 96;
constexpr uint64_t kNone = 0x6e6f6e65;  // an absent position
constexpr uint64_t kRoot = 0x726f6f74;
constexpr uint64_t kUnknownWord = 0x756e6b;

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

uint64_t Distance(int a, int b) {
  if (a <= 0 || b <= 0) return 99;
  const int d = std::abs(b - a);
  return d <= 4 ? d : d <= 6 ? 5 : d <= 10 ? 6 : 7;
}

size_t Features(const Configuration& c, const Sentence& x, uint64_t* f) {
  const int s0 = c.Stack(0), s1 = c.Stack(1), s2 = c.Stack(2);
  const int b0 = c.Buffer(0), b1 = c.Buffer(1), b2 = c.Buffer(2);
  static const Children kNoChildren;
  auto kids = [&](int i) -> const Children& { return i > 0 ? c.children(i) : kNoChildren; };
  auto label = [&](int i) -> uint64_t { return i > 0 && c.heads()[i] >= 0 ? c.labels()[i] : kNone; };
  const Children &cs0 = kids(s0), &cs1 = kids(s1), &cb0 = kids(b0);
  const uint64_t s0w = x.W(s0), s0p = x.P(s0), s1w = x.W(s1), s1p = x.P(s1), s2p = x.P(s2);
  const uint64_t b0w = x.W(b0), b0p = x.P(b0), b1p = x.P(b1), b2p = x.P(b2);
  const uint64_t s0lp = x.P(cs0.left1), s0rp = x.P(cs0.right1), b0lp = x.P(cb0.left1);
  const uint64_t s1rp = x.P(cs1.right1), s1lp = x.P(cs1.left1);
  const uint64_t s0ll = label(cs0.left1), s0rl = label(cs0.right1), b0ll = label(cb0.left1);
  const uint64_t s0ll2 = label(cs0.left2), s0rl2 = label(cs0.right2), b0ll2 = label(cb0.left2);
  const uint64_t s1rl = label(cs1.right1), s1ll = label(cs1.left1);
  const uint64_t d = Distance(s0, b0), d1 = Distance(s1, s0);
  size_t n = 0;
  uint32_t t = 0;
  // Inlined, so that each template id is a constant folded into its hash (GCC otherwise
  // calls them: a fifth of the parser's time went to calls and reloading n and t).
  auto add1 = [&](uint64_t a) __attribute__((always_inline)) { f[n++] = FeatureKey(t++, a); };
  auto add2 = [&](uint64_t a, uint64_t b) __attribute__((always_inline)) { f[n++] = FeatureKey(t++, a, b); };
  auto add3 = [&](uint64_t a, uint64_t b, uint64_t e) __attribute__((always_inline)) {
    f[n++] = FeatureKey(t++, a, b, e);
  };
  add1(0);
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
  add1(x.W(cs0.left1)), add1(s0lp), add1(s0ll);
  add1(x.W(cs0.right1)), add1(s0rp), add1(s0rl);
  add1(x.W(cb0.left1)), add1(b0lp), add1(b0ll);
  add1(x.P(cs0.right2)), add1(s0rl2), add1(x.P(cb0.left2)), add1(b0ll2);
  add1(s1rp), add1(s1rl), add1(s1lp), add1(s1ll);
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
  return n;
}

Move MoveOf(uint32_t action, uint32_t num_labels) {
  return action == 0 ? Move::kShift : action <= num_labels ? Move::kLeft : Move::kRight;
}
uint8_t LabelOf(uint32_t action, uint32_t num_labels) {
  return static_cast<uint8_t>(action == 0 ? 0 : (action - 1) % num_labels);
}

// The highest-scoring action that the configuration allows.
// Ties go to the lowest action. Actions are searched move by move (Shift, the Lefts, the
// Rights: ascending), not each checked for its move.
template <class Score>
uint32_t BestValid(const Configuration& c, const Score* scores, uint32_t num_labels) {
  const bool can[3] = {c.CanShift(), c.CanLeft(), c.CanRight()};
  const uint32_t begin[3] = {0, 1, 1 + num_labels}, end[3] = {1, 1 + num_labels, 1 + 2 * num_labels};
  uint32_t best = 0;
  Score best_score = std::numeric_limits<Score>::lowest();
  for (int m = 0; m < 3; ++m) {
    if (!can[m]) continue;
    for (uint32_t a = begin[m]; a < end[m]; ++a)
      if (scores[a] > best_score) best_score = scores[a], best = a;
  }
  return best;
}

}  // namespace

Treebank SupertagBank(const Treebank& train, const Treebank* like) {
  Treebank out;
  if (like) out.upos = like->upos, out.xpos = like->xpos;
  out.labels = train.labels;
  for (const TreebankSentence& s : train.sentences) {
    TreebankSentence t = s;
    std::vector<uint8_t> has_left(s.forms.size() + 1, 0), has_right(s.forms.size() + 1, 0);
    for (size_t d = 0; d < s.forms.size(); ++d)
      (static_cast<int>(d) + 1 < s.heads[d] ? has_left : has_right)[s.heads[d]] = 1;
    for (size_t i = 0; i < s.forms.size(); ++i) {
      const int head = s.heads[i], self = static_cast<int>(i) + 1;
      const std::string side = head == 0 ? "root" : head < self ? "<" : ">";
      const std::string& label = train.labels.names()[s.labels[i]];
      t.upos[i] = out.upos.Add(side + (has_left[self] ? "L" : "") + (has_right[self] ? "R" : ""));
      t.xpos[i] = out.xpos.Add(head == 0 ? side : label.substr(0, label.find(':')) + side);
    }
    out.sentences.push_back(std::move(t));
  }
  return out;
}

void Parser::WordKeys(std::span<const uint64_t> words, std::vector<uint64_t>& keys) const {
  keys.resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) keys[i] = vocabulary_.count(words[i]) ? words[i] : kUnknownWord;
}

void Parser::Parse(std::span<const std::string_view> forms, std::span<const uint64_t> words,
                   std::span<const uint16_t> tags, std::span<int> heads, std::span<uint8_t> labels) const {
  const int n = static_cast<int>(words.size());
  const uint32_t num_labels = static_cast<uint32_t>(label_names_.size());
  Configuration c(n);
  std::vector<uint64_t> keys;
  WordKeys(words, keys);
  std::vector<uint8_t> sides(n), relations(n);
  supertagger_.Tag(forms, sides, relations);
  std::vector<uint16_t> supertags(n);
  for (int i = 0; i < n; ++i) supertags[i] = TagPair(sides[i], relations[i]);
  const Sentence x{keys, tags, supertags};
  std::vector<int32_t> scores(weights_.num_classes());
  uint64_t f[kMaxFeatures];
  while (!c.Terminal()) {
    if (c.stack_depth() == 0) {  // the only possible move: no need to score
      c.Apply(Move::kShift, 0);
      continue;
    }
    const size_t k = Features(c, x, f);
    std::fill(scores.begin(), scores.end(), 0);
    weights_.Score({f, k}, scores.data());
    const uint32_t a = BestValid(c, scores.data(), num_labels);
    c.Apply(MoveOf(a, num_labels), LabelOf(a, num_labels));
  }
  for (int i = 1; i <= n; ++i) {
    heads[i - 1] = c.heads()[i];
    labels[i - 1] = c.labels()[i];
  }
}

Result<Parser> Parser::Mean(std::span<const Parser* const> parsers) {
  if (parsers.empty()) return Status::InvalidInput("no parsers to average");
  std::vector<const FrozenWeights*> weights;
  std::vector<const Tagger*> supertaggers;
  for (const Parser* p : parsers) {
    if (p->label_names_ != parsers[0]->label_names_ || p->vocabulary_ != parsers[0]->vocabulary_)
      return Status::InvalidInput("parsers with different relations or word lists cannot be averaged");
    weights.push_back(&p->weights_);
    supertaggers.push_back(&p->supertagger_);
  }
  auto supertagger = Tagger::Mean(supertaggers);
  if (!supertagger.ok()) return supertagger.status();
  Parser out = *parsers[0];
  out.supertagger_ = std::move(supertagger).value();
  out.weights_ = FrozenWeights::Mean(weights);
  return out;
}

void Parser::Write(BinaryWriter& out) const {
  out.PutStrings(label_names_);
  std::vector<uint64_t> vocabulary(vocabulary_.begin(), vocabulary_.end());
  std::sort(vocabulary.begin(), vocabulary.end());
  out.PutVector(vocabulary);
  supertagger_.Write(out);
  weights_.Write(out);
}

Status Parser::Read(BinaryReader& in) {
  GEOKG_RETURN_IF_ERROR(in.GetStrings(label_names_));
  std::vector<uint64_t> vocabulary;
  GEOKG_RETURN_IF_ERROR(in.GetVector(vocabulary));
  vocabulary_ = std::unordered_set<uint64_t>(vocabulary.begin(), vocabulary.end());
  GEOKG_RETURN_IF_ERROR(supertagger_.Read(in));
  GEOKG_RETURN_IF_ERROR(weights_.Read(in));
  if (label_names_.empty() || label_names_.size() > 64 ||
      weights_.num_classes() != 1 + 2 * label_names_.size())
    return in.Invalid("has relation tables that do not match its weights");
  return Status();
}

ParserTrainer::ParserTrainer(const Treebank& train, const std::vector<std::vector<uint16_t>>& tags,
                             const std::vector<std::vector<uint16_t>>& supertags, Tagger supertagger)
    : train_(train),
      tags_(tags),
      supertags_(supertags),
      num_labels_(static_cast<uint32_t>(train.labels.size())),
      model_(1 + 2 * num_labels_) {
  std::unordered_map<uint64_t, int> counts;
  for (const TreebankSentence& s : train.sentences)
    for (const std::string& w : s.forms) ++counts[HashLower(w)];
  for (const auto& [w, n] : counts)
    if (n >= 2) shape_.vocabulary_.insert(w);
  for (size_t i = 0; i < train.sentences.size(); ++i) {
    std::vector<int> heads = train.sentences[i].heads;
    heads.insert(heads.begin(), 0);
    if (!IsProjective(heads)) {
      Projectivize(heads);
      ++lifted_;
    }
    gold_heads_.push_back(std::move(heads));
  }
  order_.resize(train.sentences.size());
  std::iota(order_.begin(), order_.end(), 0);
  shape_.supertagger_ = std::move(supertagger);
}

void ParserTrainer::TrainEpoch(std::mt19937& rng, bool explore) {
  std::shuffle(order_.begin(), order_.end(), rng);
  std::uniform_real_distribution<float> coin(0, 1);
  const uint32_t num_actions = model_.num_classes();
  std::vector<float> scores(num_actions);
  std::vector<uint64_t> words, keys;
  std::vector<uint8_t> gold_labels;
  uint64_t f[kMaxFeatures];
  for (size_t index : order_) {
    const TreebankSentence& s = train_.sentences[index];
    const int n = static_cast<int>(s.forms.size());
    words.clear();
    for (const std::string& w : s.forms) words.push_back(HashLower(w));
    const std::vector<int>& gold_heads = gold_heads_[index];
    gold_labels.assign(1, 0);
    gold_labels.insert(gold_labels.end(), s.labels.begin(), s.labels.end());
    shape_.WordKeys(words, keys);
    const Sentence x{keys, tags_[index], supertags_[index]};
    Configuration c(n);
    while (!c.Terminal()) {
      const size_t k = Features(c, x, f);
      std::fill(scores.begin(), scores.end(), 0.f);
      model_.Score({f, k}, scores.data());
      const uint32_t guess = BestValid(c, scores.data(), num_labels_);
      // The best-scoring action among those that lose the fewest gold arcs.
      int base_cost[3];
      for (Move m : {Move::kShift, Move::kLeft, Move::kRight})
        base_cost[static_cast<int>(m)] = c.Can(m) ? c.Cost(m, 255, gold_heads, gold_labels) : -1;
      auto cost = [&](uint32_t a) {
        const Move m = MoveOf(a, num_labels_);
        int cst = base_cost[static_cast<int>(m)];
        if (cst < 0 || m == Move::kShift) return cst;
        // Cost() with label 255 counted a wrong label whenever the arc itself is gold.
        const int s0 = c.Stack(0);
        const int head = m == Move::kLeft ? c.Buffer(0) : c.Stack(1);
        if (gold_heads[s0] == head && gold_labels[s0] == LabelOf(a, num_labels_)) --cst;
        return cst;
      };
      uint32_t best = 0;
      int best_cost = std::numeric_limits<int>::max();
      float best_score = -std::numeric_limits<float>::infinity();
      for (uint32_t a = 0; a < num_actions; ++a) {
        const int cst = cost(a);
        if (cst < 0) continue;
        if (cst < best_cost || (cst == best_cost && scores[a] > best_score))
          best = a, best_cost = cst, best_score = scores[a];
      }
      model_.Update({f, k}, best, guess);
      model_.Tick();
      const uint32_t next = explore && coin(rng) < 0.9f ? guess : best;
      c.Apply(MoveOf(next, num_labels_), LabelOf(next, num_labels_));
    }
  }
}

Parser ParserTrainer::Freeze() const {
  Parser p = shape_;
  p.label_names_ = train_.labels.names();
  p.weights_ = model_.Freeze();
  return p;
}

}  // namespace geokg::extract::internal
