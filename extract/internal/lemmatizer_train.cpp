#include "extract/internal/lemmatizer_train.h"

#include <algorithm>
#include <map>

#include "extract/internal/text.h"

namespace geokg::extract::internal {
namespace {

// The entries of `map` in the order of their keys, so that a model's file does not depend on
// the hash table's layout.
template <class Map>
std::vector<std::pair<uint64_t, const typename Map::mapped_type*>> SortedByKey(const Map& map) {
  std::vector<std::pair<uint64_t, const typename Map::mapped_type*>> out;
  for (const auto& [k, v] : map) out.emplace_back(k, &v);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Lemmatizer TrainLemmatizer(const Treebank& train) {
  Lemmatizer lem;
  const size_t num_tags = train.xpos.size();
  // Case: per tag, do lemmas usually keep the form's capitals?
  std::vector<long> keep_votes(num_tags, 0);
  for (const TreebankSentence& s : train.sentences)
    for (size_t i = 0; i < s.forms.size(); ++i) {
      if (Lower(s.forms[i]) == s.forms[i]) continue;
      keep_votes[s.xpos[i]] += s.lemmas[i].compare(0, 1, s.forms[i], 0, 1) == 0 ? 1 : -1;
    }
  lem.keep_case_.resize(num_tags);
  for (size_t t = 0; t < num_tags; ++t) lem.keep_case_[t] = keep_votes[t] > 0;

  // Rules: count each (tag, suffix) -> (cut, append) rewrite of the base into the lemma.
  std::map<uint64_t, std::map<std::pair<uint8_t, std::string>, int>> counts;
  std::map<uint64_t, std::map<std::string, int>> lemmas_of;  // (tag, lower form) -> lemmas
  for (const TreebankSentence& s : train.sentences)
    for (size_t i = 0; i < s.forms.size(); ++i) {
      const uint8_t t = s.xpos[i];
      const std::string& lemma = s.lemmas[i];
      ++lemmas_of[Lemmatizer::ExceptionKey(t, s.forms[i])][lemma];
      const std::string base = lem.keep_case_[t] ? s.forms[i] : Lower(s.forms[i]);
      size_t common = 0;
      while (common < base.size() && common < lemma.size() && base[common] == lemma[common]) ++common;
      while (common > 0 && IsUtf8Continuation(base[common])) --common;  // rewrite whole characters
      if (common == 0 && !base.empty()) continue;                       // suppletive forms are exceptions, not rules
      const std::pair<uint8_t, std::string> rule{static_cast<uint8_t>(base.size() - common), lemma.substr(common)};
      const std::string lower = Lower(s.forms[i]);
      for (size_t k = 0; k <= std::min(Lemmatizer::kMaxSuffix, lower.size()); ++k)
        ++counts[Lemmatizer::RuleKey(t, std::string_view(lower).substr(lower.size() - k))][rule];
    }
  for (const auto& [key, rules] : counts) {
    auto best =
        std::max_element(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best->second < 2) continue;
    lem.rules_[key] = Lemmatizer::Rule{best->first.first, best->first.second};
  }
  // Exceptions: words whose usual lemma the rules miss.
  for (const TreebankSentence& s : train.sentences)
    for (size_t i = 0; i < s.forms.size(); ++i) {
      const uint64_t key = Lemmatizer::ExceptionKey(s.xpos[i], s.forms[i]);
      if (lem.exceptions_.count(key)) continue;
      const auto& seen = lemmas_of[key];
      auto best =
          std::max_element(seen.begin(), seen.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
      if (lem.ByRule(s.forms[i], s.xpos[i]) != best->first) lem.exceptions_[key] = best->first;
    }
  return lem;
}

void WriteLemmatizer(const Lemmatizer& lemmatizer, BinaryWriter& out) {
  out.PutVector(lemmatizer.keep_case_);
  const auto rules = SortedByKey(lemmatizer.rules_);
  out.Put<uint64_t>(rules.size());
  for (const auto& [k, r] : rules) {
    out.Put(k);
    out.Put(r->cut);
    out.PutString(r->append);
  }
  const auto exceptions = SortedByKey(lemmatizer.exceptions_);
  out.Put<uint64_t>(exceptions.size());
  for (const auto& [k, l] : exceptions) {
    out.Put(k);
    out.PutString(*l);
  }
}

}  // namespace geokg::extract::internal
