#include "extract/internal/parser_train.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <string>
#include <unordered_map>

#include "extract/internal/parser_features.h"
#include "extract/internal/tagger_train.h"
#include "extract/internal/transition_train.h"

namespace geokg::extract::internal {
using namespace parser_features;

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
        base_cost[static_cast<int>(m)] = c.Can(m) ? OracleCost(c, m, 255, gold_heads, gold_labels) : -1;
      auto cost = [&](uint32_t a) {
        const Move m = MoveOf(a, num_labels_);
        int cst = base_cost[static_cast<int>(m)];
        if (cst < 0 || m == Move::kShift) return cst;
        // OracleCost() with label 255 counted a wrong label whenever the arc itself is gold.
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

void ParserTrainer::Prune(Parser& parser, float min_feature_weight, float min_entry_weight,
                          float supertagger_min_feature_weight, float supertagger_min_entry_weight) {
  parser.weights_ = PrunedWeights(parser.weights_, min_feature_weight, min_entry_weight);
  TaggerTrainer::Prune(parser.supertagger_, supertagger_min_feature_weight, supertagger_min_entry_weight);
}

Result<Parser> ParserTrainer::Mean(std::span<const Parser* const> parsers) {
  if (parsers.empty()) return Status::InvalidInput("no parsers to average");
  std::vector<const FrozenWeights*> weights;
  std::vector<const Tagger*> supertaggers;
  for (const Parser* p : parsers) {
    if (p->label_names_ != parsers[0]->label_names_ || p->vocabulary_ != parsers[0]->vocabulary_)
      return Status::InvalidInput("parsers with different relations or word lists cannot be averaged");
    weights.push_back(&p->weights_);
    supertaggers.push_back(&p->supertagger_);
  }
  auto supertagger = TaggerTrainer::Mean(supertaggers);
  if (!supertagger.ok()) return supertagger.status();
  Parser out = *parsers[0];
  out.supertagger_ = std::move(supertagger).value();
  out.weights_ = MeanWeights(weights);
  return out;
}

void ParserTrainer::Write(const Parser& parser, BinaryWriter& out) {
  out.PutStrings(parser.label_names_);
  std::vector<uint64_t> vocabulary(parser.vocabulary_.begin(), parser.vocabulary_.end());
  std::sort(vocabulary.begin(), vocabulary.end());
  out.PutVector(vocabulary);
  TaggerTrainer::Write(parser.supertagger_, out);
  WriteWeights(parser.weights_, out);
}

}  // namespace geokg::extract::internal
