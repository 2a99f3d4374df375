#include "extract/internal/sentence_relator.h"

#include <algorithm>

#include "extract/internal/text.h"

namespace geokg::extract::internal {

SentenceRelator::SentenceRelator(const Sentence& sentence, const SentenceMentions& found, const Document& doc,
                                 uint32_t index, const std::optional<Date>& date, const SyntaxModel& syntax,
                                 bool sports, const RelationModel* relations,
                                 std::vector<RelationCandidate>* candidates)
    : tokens_(sentence.tokens),
      sentence_(sentence),
      found_(found),
      doc_(doc),
      index_(index),
      date_(date),
      syntax_(syntax),
      sports_(sports),
      relations_(relations),
      candidates_(candidates),
      args_(sentence.tokens, found) {
  const auto n = static_cast<uint32_t>(tokens_.size());
  actor_end_.assign(n + 1, 0);
  demonym_end_.assign(n + 1, 0);
  for (const Mention& m : found.mentions) {
    if (IsActor(m) || IsPlace(m)) actor_end_[m.begin] = m.end;
    if (m.is_demonym) demonym_end_[m.begin] = m.end;
  }
}

void SentenceRelator::Run(std::vector<Triple>* out) {
  const size_t roles = out->size();
  for (const RoleFact& role : found_.roles) {
    Triple t = Base(role.relation, "is " + role.office + " of",
                    role.undated        ? 0.5f
                    : role.from_lexicon ? 0.7f
                                        : 0.95f,
                    role.begin);
    // A title states a standing role, whatever the clause around it says.
    t.modality = Modality::kAsserted;
    t.time.clear();
    t.time_text.clear();
    t.attribution = role.undated ? "lexicon: latest known term, the article is undated" : "";
    t.subject = role.person;
    t.object = role.country;
    t.cameo.clear();
    out->push_back(std::move(t));
  }
  const size_t first = out->size();
  size_t parties = 0;
  size_t demonyms = 0;
  for (const Mention& m : found_.mentions) {
    parties += IsActor(m) || IsPlace(m);
    demonyms += m.is_demonym;
  }
  // A sentence that names two parties is parsed anyway (the model reads its parse): its lemmas
  // let a wording match every form of a verb. A demonym may be the second ("Blair criticised
  // the Tory proposals").
  std::vector<std::string> lemmas;
  if (parties + demonyms >= 2) {
    const SentenceClauses& clauses = Clauses();
    lemmas.resize(tokens_.size());
    for (uint32_t k = 0; k < tokens_.size(); ++k)
      if (const uint32_t unit = clauses.UnitOf(k); clauses.FirstToken(unit) == k && clauses.EndToken(unit) == k + 1)
        lemmas[k] = clauses.Lemma(unit);
  }
  const std::vector<PatternMatch> matches = MatchPatterns(tokens_, lemmas, actor_end_, demonym_end_);
  for (const PatternMatch& match : matches) Relate(match, out);
  const size_t rule_end = out->size();
  if (parties >= 2 && !sports_) {
    // `other` triples give way to the wordings' relations only: a relation the model finds
    // is a guess, and the open predicate says what the sentence says.
    if (relations_ != nullptr || candidates_ != nullptr) RelatePairs(roles, out);
    RelateClauses(matches, first, rule_end, out);
  }
  if (!sports_) RelateAttendance(first, out);
  // "Blair said the Tory plans would not work": a party named by its adjective is criticised too.
  if (parties + demonyms >= 2 && parties >= 1 && !sports_) RelateReportedSpeech(first, out);
  // A person and the state or organisation a title of this sentence gives them are in that
  // role, not in an event with each other: "X, governor of the Bank of Portugal, met bankers",
  // "Labour's Y welcomed it".
  const auto joined_by_role = [&](const Triple& t) {
    return std::any_of(found_.roles.begin(), found_.roles.end(), [&](const RoleFact& role) {
      return (t.subject.name == role.person.name && t.object.name == role.country.name) ||
             (t.object.name == role.person.name && t.subject.name == role.country.name);
    });
  };
  out->erase(std::remove_if(out->begin() + static_cast<ptrdiff_t>(first), out->end(),
                            [&](const Triple& t) { return !IsRole(t.relation) && joined_by_role(t); }),
             out->end());
  // "Fox attacked Labour over its plans" is read as force and as words: one verb states one of
  // them. "Attack" may be either, a wording of blame ("Norway blasts Iceland") is words; else
  // the likelier reading stands.
  const auto blame_worded = [&](size_t k) { return k < rule_end && (*out)[k].relation == Relation::kCriticize; };
  const auto outweighed = [&](size_t k) {
    const Triple& t = (*out)[k];
    if (t.relation != Relation::kAttack && t.relation != Relation::kCriticize) return false;
    const Relation other = t.relation == Relation::kAttack ? Relation::kCriticize : Relation::kAttack;
    for (size_t j = first; j < out->size(); ++j) {
      const Triple& u = (*out)[j];
      if (u.relation != other || u.subject.name != t.subject.name || u.object.name != t.object.name) continue;
      if (blame_worded(j)) return true;
      if (!blame_worded(k) &&
          (u.confidence > t.confidence || (u.confidence == t.confidence && other == Relation::kCriticize)))
        return true;
    }
    return false;
  };
  std::vector<bool> drop(out->size() - first);
  for (size_t k = first; k < out->size(); ++k) drop[k - first] = outweighed(k);
  size_t kept = first;
  for (size_t k = first; k < out->size(); ++k) {
    if (drop[k - first]) continue;
    if (kept != k) (*out)[kept] = std::move((*out)[k]);
    ++kept;
  }
  out->resize(kept);
}

const SentenceClauses& SentenceRelator::Clauses() {
  if (!clauses_) {
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    for (const RoleFact& role : found_.roles) spans.emplace_back(role.begin, role.end);
    for (const Mention& m : found_.mentions) spans.emplace_back(m.begin, m.end);
    std::sort(spans.begin(), spans.end());
    // A title phrase holds its name and its demonym: keep the outermost span.
    std::vector<std::pair<uint32_t, uint32_t>> groups;
    for (const auto& span : spans) {
      if (!groups.empty() && span.first < groups.back().second)
        groups.back().second = std::max(groups.back().second, span.second);
      else
        groups.push_back(span);
    }
    clauses_.emplace(syntax_, sentence_, groups);
  }
  return *clauses_;
}

const Mention* SentenceRelator::MentionOfUnit(uint32_t unit) {
  const uint32_t begin = Clauses().FirstToken(unit);
  const uint32_t end = Clauses().EndToken(unit);
  for (const RoleFact& role : found_.roles) {
    if (role.begin < begin || role.end > end) continue;
    for (const Mention& m : found_.mentions)
      if (m.begin >= begin && m.end <= end && m.entities[0].name == role.person.name) return &m;
  }
  for (const Mention& m : found_.mentions)
    if (m.end == end && (IsActor(m) || IsPlace(m))) return &m;
  return nullptr;
}

const Mention* SentenceRelator::ActorOfUnit(int unit) {
  if (unit < 0) return nullptr;
  const Mention* m = MentionOfUnit(static_cast<uint32_t>(unit));
  return m != nullptr && IsActor(*m) ? m : nullptr;
}

const Mention* SentenceRelator::ParsedSubject(uint32_t trigger, bool* has_subject) {
  bool passive = false;
  const SentenceClauses& clauses = Clauses();
  const int unit = clauses.SubjectOf(clauses.UnitOf(trigger), &passive);
  *has_subject = unit >= 0;
  const Mention* m = ActorOfUnit(unit);
  return passive ? nullptr : m;
}

std::vector<const Mention*> SentenceRelator::ObjectConjuncts(const Mention* object) {
  std::vector<const Mention*> all = args_.Conjuncts(object, args_.ClauseEnd(object->begin));
  const SentenceClauses& clauses = Clauses();
  for (uint32_t unit : clauses.ConjunctsOf(clauses.UnitOf(object->end - 1))) {
    const Mention* m = MentionOfUnit(unit);
    if (m != nullptr && m->evidence != Evidence::kPronoun && std::find(all.begin(), all.end(), m) == all.end() &&
        (IsActor(*m) || IsPlace(*m) == IsPlace(*object)))
      all.push_back(m);
  }
  return all;
}

std::vector<Entity> SentenceRelator::PartiesOfUnit(const Mention* m, uint32_t unit, bool as_actor) {
  std::vector<const Mention*> mentions = {m};
  for (uint32_t c : Clauses().ConjunctsOf(unit))
    if (const Mention* conjunct = MentionOfUnit(c); conjunct != nullptr && conjunct != m) mentions.push_back(conjunct);
  std::vector<Entity> parties;
  for (const Mention* mention : mentions)
    for (const Entity& e : mention->entities) parties.push_back(as_actor && mention->is_capital ? mention->country : e);
  return parties;
}

Triple SentenceRelator::Base(Relation relation, std::string predicate, float confidence, uint32_t at) const {
  Triple t;
  t.relation = relation;
  t.predicate = std::move(predicate);
  t.cameo = std::string(Info(relation).cameo);
  t.confidence = confidence;
  const uint32_t start = args_.clause_start()[at];
  const uint32_t end = args_.ClauseEnd(at);
  t.modality = ModalityOf(tokens_, start, at, end);
  TimeMention time = TimeOf(tokens_, start, end, date_, t.modality);
  // A time stated before the clause ("On Sunday, X met Y and ...") covers it; one in a later
  // clause belongs to that clause's event.
  if (time.text.empty()) time = TimeOf(tokens_, 0, start, date_, t.modality);
  t.time = std::move(time.iso);
  t.time_text = std::move(time.text);
  t.attribution = AttributionOf(tokens_, at);
  t.evidence = {doc_.id,
                index_,
                sentence_.begin,
                sentence_.end,
                std::string(doc_.text.substr(sentence_.begin, sentence_.end - sentence_.begin)),
                doc_.date};
  return t;
}

}  // namespace geokg::extract::internal
