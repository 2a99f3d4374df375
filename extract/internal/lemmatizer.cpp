#include "extract/internal/lemmatizer.h"

#include <algorithm>

#include "extract/internal/perceptron.h"
#include "extract/internal/text.h"

namespace geokg::extract::internal {

uint64_t Lemmatizer::RuleKey(uint8_t xpos, std::string_view lower_suffix) {
  return Mix(HashString(lower_suffix), 0x100 + xpos);
}

uint64_t Lemmatizer::ExceptionKey(uint8_t xpos, std::string_view form) { return Mix(HashLower(form), 0x200 + xpos); }

std::string Lemmatizer::ByRule(std::string_view form, uint8_t xpos) const {
  std::string lemma = Lower(form);
  const Rule* rule = nullptr;  // the rule of the longest known suffix
  for (size_t k = std::min(kMaxSuffix, lemma.size()) + 1; k-- > 0 && rule == nullptr;) {
    auto it = rules_.find(RuleKey(xpos, std::string_view(lemma).substr(lemma.size() - k)));
    if (it != rules_.end()) rule = &it->second;
  }
  if (xpos < keep_case_.size() && keep_case_[xpos]) lemma.assign(form);
  if (rule == nullptr || rule->cut >= lemma.size() || IsUtf8Continuation(lemma[lemma.size() - rule->cut])) return lemma;
  lemma.resize(lemma.size() - rule->cut);
  lemma += rule->append;
  return lemma;
}

std::string Lemmatizer::Lemmatize(std::string_view form, uint8_t xpos) const {
  auto it = exceptions_.find(ExceptionKey(xpos, form));
  if (it != exceptions_.end()) return it->second;
  return ByRule(form, xpos);
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
