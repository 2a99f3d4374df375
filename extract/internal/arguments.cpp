#include "extract/internal/arguments.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

#include "extract/internal/cues.h"
#include "extract/internal/text.h"

namespace geokg::extract::internal {

bool IsPossessive(std::string_view t) { return t == "'s" || t == "\xE2\x80\x99s"; }

bool IsFunctionWord(std::string_view t) { return IsCue(Cue::kFunctionWord, t); }

bool OpensClause(const std::vector<Token>& tokens, uint32_t k) {
  const std::string w = Lower(tokens[k].text);
  if (w == ";" || IsCue(Cue::kClauseOpener, w)) return true;
  // "Putin said Russia does not rule out ...": what follows a reporting verb is its own clause.
  // Case-sensitive: "States" in "United States" is no verb.
  if (k > 0 && IsCue(Cue::kClauseReportingVerb, tokens[k - 1].text) && w != "that" && w != "on" && w != "in" &&
      w != ",")
    return true;
  const bool after_comma = k > 0 && tokens[k - 1].text == ",";
  return after_comma && IsCue(Cue::kClauseOpenerAfterComma, w);
}

bool IsActor(const Mention& m) {
  if (m.is_demonym || (!m.is_capital && m.entities[0].type == EntityType::kLocation)) return false;
  // "the International Emergency Economic Powers Act, the law used by Trump to impose tariffs":
  // a law is the means, not the agent.
  const std::string& name = m.entities[0].name;
  const size_t space = name.rfind(' ');
  return space == std::string::npos || !IsCue(Cue::kLawHead, std::string_view(name).substr(space + 1));
}

bool IsPlace(const Mention& m) { return !m.is_demonym && m.entities[0].type == EntityType::kLocation; }

float Certainty(const Mention& m) {
  switch (m.evidence) {
    case Evidence::kNamed:
      return m.entities[0].type == EntityType::kOrganization ? 0.85f : 0.95f;
    case Evidence::kTitled:
      return 0.95f;
    case Evidence::kAlias:
      return 0.9f;
    case Evidence::kDescription:
      return 0.75f;
    case Evidence::kPronoun:
      return 0.65f;
    // Most such names are people, but sportsmen and artists as often as officials; the
    // tagger's organisations are as unsure.
    case Evidence::kUnknownName:
      return 0.7f;
  }
  return 0.5f;
}

ArgumentFinder::ArgumentFinder(const std::vector<Token>& tokens, const SentenceMentions& found)
    : tokens_(tokens), found_(found) {
  const auto n = static_cast<uint32_t>(tokens_.size());
  clause_start_.resize(n);
  mention_at_.assign(n + 1, -1);
  uint32_t start = 0;
  for (uint32_t k = 0; k < n; ++k) {
    if (k > 0 && OpensClause(tokens_, k)) start = k;
    clause_start_[k] = start;
  }
  for (size_t i = 0; i < found.mentions.size(); ++i) mention_at_[found.mentions[i].begin] = static_cast<int>(i);
}

uint32_t ArgumentFinder::ClauseEnd(uint32_t k) const {
  uint32_t e = k + 1;
  while (e < tokens_.size() && clause_start_[e] == clause_start_[k]) ++e;
  return e;
}

const Mention* ArgumentFinder::MentionEndingAt(uint32_t end) const {
  for (const Mention& m : found_.mentions)
    if (m.end == end && IsActor(m)) return &m;
  return nullptr;
}

const Mention* ArgumentFinder::Possessor(uint32_t begin) const {
  uint32_t k = begin;
  for (int skipped = 0; skipped <= 2 && k > 0; ++skipped) {
    // A possessive pronoun: "its treaty allies", "his visit".
    if (const Mention* m = MentionEndingAt(k); m != nullptr) {
      const std::string word = Lower(tokens_[m->begin].text);
      const bool possessive = m->evidence == Evidence::kPronoun && IsCue(Cue::kPossessivePronoun, word);
      return possessive ? m : nullptr;
    }
    if (k > 0 && IsPossessive(tokens_[k - 1].text)) {
      if (const Mention* m = MentionEndingAt(k - 1)) return m;
      return nullptr;
    }
    if (!IsLowerWord(tokens_[k - 1].text)) return nullptr;
    --k;
  }
  return nullptr;
}

const Mention* ArgumentFinder::Antecedent(uint32_t k) const {
  const uint32_t start = clause_start_[k];
  const std::string w = Lower(tokens_[start].text);
  if ((w != "which" && w != "whom") || start < 2 || tokens_[start - 1].text != ",") return nullptr;
  return MentionEndingAt(start - 1);
}

const Mention* ArgumentFinder::DemonymBefore(uint32_t begin) const {
  uint32_t k = begin;
  for (int skipped = 0; skipped <= 3 && k > 0; ++skipped, --k) {
    for (const Mention& m : found_.mentions)
      if (m.is_demonym && m.end == k) return &m;
    if (!IsLowerWord(tokens_[k - 1].text)) return nullptr;
  }
  return nullptr;
}

int ArgumentFinder::LightVerbBefore(uint32_t trigger) const {
  // "announces a 30% tariff": a determiner and a measure may stand between.
  for (uint32_t k = trigger; k-- > 0 && trigger - k <= 5;)
    if (IsCue(Cue::kLightVerb, Lower(tokens_[k].text))) return static_cast<int>(k);
  return -1;
}

const Mention* ArgumentFinder::SubjectBefore(uint32_t verb) const {
  uint32_t k = verb;
  while (k > 0 && verb - k < 4) {
    const std::string w = Lower(tokens_[k - 1].text);
    if (!IsCue(Cue::kAuxiliary, w) && !(w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0)) break;
    --k;
  }
  const Mention* m = MentionEndingAt(k);
  if (m == nullptr || (m->evidence == Evidence::kPronoun && Lower(tokens_[m->begin].text) == "it")) return nullptr;
  for (;;) {
    uint32_t b = m->begin;
    if (b >= 1 && Lower(tokens_[b - 1].text) == "the") --b;
    if (b < 2 || (tokens_[b - 1].text != "and" && tokens_[b - 1].text != ",")) break;
    // The serial comma: "Australia, Canada, and the United Kingdom".
    if (tokens_[b - 1].text == "and" && tokens_[b - 2].text == ",") --b;
    const Mention* previous = MentionEndingAt(b - 1);
    if (previous == nullptr) break;
    // "Before flying to Nairobi, Saar met": a place that ends an opening phrase is no conjunct.
    if (tokens_[b - 1].text == "," && OpensPhrase(previous->begin)) break;
    m = previous;
  }
  return m;
}

bool ArgumentFinder::OpensPhrase(uint32_t begin) const {
  uint32_t k = begin;
  if (k > 0 && Lower(tokens_[k - 1].text) == "the") --k;
  if (k == 0) return false;
  const std::string before = Lower(tokens_[k - 1].text);
  return IsFunctionWord(before) && before != "and" && before != "or";
}

const Mention* ArgumentFinder::OpeningParticipleSubject(uint32_t verb) const {
  const std::string form = Lower(tokens_[verb].text);
  if (form.size() < 5 || form.compare(form.size() - 3, 3, "ing") != 0) return nullptr;
  if (verb > 1 || (verb == 1 && !IsCue(Cue::kParticipleOpener, Lower(tokens_[0].text)))) return nullptr;
  for (uint32_t k = verb + 1; k + 1 < tokens_.size() && k < verb + 16; ++k)
    if (tokens_[k].text == ",") {
      uint32_t start = k + 1;
      if (Lower(tokens_[start].text) == "the") ++start;
      for (const Mention& m : found_.mentions)
        if (m.begin >= start && m.begin <= start + 3 && IsActor(m)) return &m;
      return nullptr;
    }
  return nullptr;
}

const Mention* ArgumentFinder::GerundSubject(uint32_t verb) const {
  const std::string_view form = tokens_[verb].text;
  if (verb < 2 || form.size() < 5 || form.substr(form.size() - 3) != "ing") return nullptr;
  const std::string before = Lower(tokens_[verb - 1].text);
  if (before != "of" && before != "for") return nullptr;
  return MentionEndingAt(verb - 1);
}

const Mention* ArgumentFinder::ControlledSubject(uint32_t verb) const {
  if (verb < 3 || Lower(tokens_[verb - 1].text) != "to") return nullptr;
  const Mention* m = MentionEndingAt(verb - 1);
  if (m == nullptr || m->begin == 0) return nullptr;
  uint32_t k = m->begin;
  if (Lower(tokens_[k - 1].text) == "the" && k >= 2) --k;
  return IsCue(Cue::kRequestWord, Lower(tokens_[k - 1].text)) ? m : nullptr;
}

const Mention* ArgumentFinder::ClauseActor(uint32_t k, bool* fallback) const {
  const uint32_t start = clause_start_[std::min<uint32_t>(k, tokens_.size() - 1)];
  const Mention* first_in_sentence = nullptr;
  for (const Mention& m : found_.mentions) {
    if (m.begin >= k || !IsActor(m)) continue;
    if (m.evidence == Evidence::kPronoun && Lower(tokens_[m.begin].text) == "it") continue;
    // "In London, the U.S. was supported by ...": a capital after "in" sets the scene.
    if (m.is_capital && m.begin > 0 && IsCue(Cue::kLocative, Lower(tokens_[m.begin - 1].text))) continue;
    // "Trump's son Donald Trump Jr. visits": the possessed name is the actor.
    if (m.end < k && IsPossessive(tokens_[m.end].text) && FirstActorIn(m.end + 1, std::min(m.end + 4, k)) != nullptr)
      continue;
    if (m.begin >= start) return &m;
    if (first_in_sentence == nullptr) first_in_sentence = &m;
  }
  // A clause opened by "that" after a reporting verb has its own subject or none.
  if (start > 0 && Lower(tokens_[start].text) == "that") return nullptr;
  *fallback = first_in_sentence != nullptr;
  return first_in_sentence;
}

const Mention* ArgumentFinder::FirstActorIn(uint32_t from, uint32_t to) const {
  for (const Mention& m : found_.mentions)
    if (m.begin >= from && m.begin < to && IsActor(m)) return &m;
  return nullptr;
}

std::vector<const Mention*> ArgumentFinder::Conjuncts(const Mention* m, uint32_t limit) const {
  std::vector<const Mention*> all = {m};
  for (;;) {
    const Mention* last = all.back();
    uint32_t k = last->end;
    bool joined = false;
    // "X and his Greek and French counterparts, A and B": the list names the counterparts.
    if (k + 1 < limit && tokens_[k].text == "and" &&
        (Lower(tokens_[k + 1].text) == "his" || Lower(tokens_[k + 1].text) == "her"))
      for (uint32_t j = k + 2; j + 1 < limit && j < k + 10; ++j)
        if (Lower(tokens_[j].text) == "counterparts" && tokens_[j + 1].text == ",") {
          k = j + 2;
          joined = true;
          break;
        }
    while (k < limit && k < last->end + 4 &&
           (mention_at_[k] < 0 || found_.mentions[mention_at_[k]].evidence == Evidence::kPronoun)) {
      const std::string w = Lower(tokens_[k].text);
      if (w == "and" || w == "," || w == "or")
        joined = true;
      else if (!IsCue(Cue::kConjunctFiller, w))
        break;
      ++k;
    }
    if (!joined || k >= limit || mention_at_[k] < 0) break;
    const Mention* next = &found_.mentions[mention_at_[k]];
    if (!IsActor(*next) || next->evidence == Evidence::kPronoun) break;
    all.push_back(next);
  }
  return all;
}

}  // namespace geokg::extract::internal
