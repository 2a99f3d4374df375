#include "extract/internal/lemmatizer.h"

#include <algorithm>
#include <map>

#include "extract/internal/perceptron.h"
#include "extract/internal/text.h"

namespace geokg::extract::internal {
namespace {

constexpr size_t kMaxSuffix = 5;

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

uint64_t RuleKey(uint8_t xpos, std::string_view lower_suffix) {
  return Mix(HashString(lower_suffix), 0x100 + xpos);
}
uint64_t ExceptionKey(uint8_t xpos, std::string_view form) { return Mix(HashLower(form), 0x200 + xpos); }

}  // namespace

std::string Lemmatizer::ByRule(std::string_view form, uint8_t xpos) const {
  std::string lemma = Lower(form);
  const Rule* rule = nullptr;  // the rule of the longest known suffix
  for (size_t k = std::min(kMaxSuffix, lemma.size()) + 1; k-- > 0 && rule == nullptr;) {
    auto it = rules_.find(RuleKey(xpos, std::string_view(lemma).substr(lemma.size() - k)));
    if (it != rules_.end()) rule = &it->second;
  }
  if (xpos < keep_case_.size() && keep_case_[xpos]) lemma.assign(form);
  if (rule == nullptr || rule->cut >= lemma.size() || IsContinuation(lemma[lemma.size() - rule->cut])) return lemma;
  lemma.resize(lemma.size() - rule->cut);
  lemma += rule->append;
  return lemma;
}

std::string Lemmatizer::Lemmatize(std::string_view form, uint8_t xpos) const {
  auto it = exceptions_.find(ExceptionKey(xpos, form));
  if (it != exceptions_.end()) return it->second;
  return ByRule(form, xpos);
}

Lemmatizer Lemmatizer::Train(const Treebank& train) {
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
      ++lemmas_of[ExceptionKey(t, s.forms[i])][lemma];
      const std::string base = lem.keep_case_[t] ? s.forms[i] : Lower(s.forms[i]);
      size_t common = 0;
      while (common < base.size() && common < lemma.size() && base[common] == lemma[common]) ++common;
      while (common > 0 && IsContinuation(base[common])) --common;  // rewrite whole characters
      if (common == 0 && !base.empty()) continue;  // suppletive forms are exceptions, not rules
      const std::pair<uint8_t, std::string> rule{static_cast<uint8_t>(base.size() - common),
                                                 lemma.substr(common)};
      const std::string lower = Lower(s.forms[i]);
      for (size_t k = 0; k <= std::min(kMaxSuffix, lower.size()); ++k)
        ++counts[RuleKey(t, std::string_view(lower).substr(lower.size() - k))][rule];
    }
  for (const auto& [key, rules] : counts) {
    auto best = std::max_element(rules.begin(), rules.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best->second < 2) continue;
    lem.rules_[key] = Rule{best->first.first, best->first.second};
  }
  // Exceptions: words whose usual lemma the rules miss.
  for (const TreebankSentence& s : train.sentences)
    for (size_t i = 0; i < s.forms.size(); ++i) {
      const uint64_t key = ExceptionKey(s.xpos[i], s.forms[i]);
      if (lem.exceptions_.count(key)) continue;
      const auto& seen = lemmas_of[key];
      auto best = std::max_element(seen.begin(), seen.end(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; });
      if (lem.ByRule(s.forms[i], s.xpos[i]) != best->first) lem.exceptions_[key] = best->first;
    }
  return lem;
}

void Lemmatizer::Write(BinaryWriter& out) const {
  out.PutVector(keep_case_);
  std::vector<std::pair<uint64_t, const Rule*>> rules;
  for (const auto& [k, r] : rules_) rules.emplace_back(k, &r);
  std::sort(rules.begin(), rules.end());
  out.Put<uint64_t>(rules.size());
  for (const auto& [k, r] : rules) {
    out.Put(k);
    out.Put(r->cut);
    out.PutString(r->append);
  }
  std::vector<std::pair<uint64_t, const std::string*>> exceptions;
  for (const auto& [k, l] : exceptions_) exceptions.emplace_back(k, &l);
  std::sort(exceptions.begin(), exceptions.end());
  out.Put<uint64_t>(exceptions.size());
  for (const auto& [k, l] : exceptions) {
    out.Put(k);
    out.PutString(*l);
  }
}

Status Lemmatizer::Read(BinaryReader& in) {
  GEOKG_RETURN_IF_ERROR(in.GetVector(keep_case_));
  uint64_t n = 0;
  GEOKG_RETURN_IF_ERROR(in.Get(n));
  rules_.clear();
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t k = 0;
    Rule r;
    GEOKG_RETURN_IF_ERROR(in.Get(k));
    GEOKG_RETURN_IF_ERROR(in.Get(r.cut));
    GEOKG_RETURN_IF_ERROR(in.GetString(r.append));
    rules_.emplace(k, std::move(r));
  }
  GEOKG_RETURN_IF_ERROR(in.Get(n));
  exceptions_.clear();
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t k = 0;
    std::string lemma;
    GEOKG_RETURN_IF_ERROR(in.Get(k));
    GEOKG_RETURN_IF_ERROR(in.GetString(lemma));
    exceptions_.emplace(k, std::move(lemma));
  }
  return Status();
}

}  // namespace geokg::extract::internal
