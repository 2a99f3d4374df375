#include "extract/internal/sentence_relator.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <set>

#include "extract/internal/cues.h"
#include "extract/internal/relation_patterns.h"
#include "extract/internal/text.h"

namespace geokg::extract::internal {

bool SentenceRelator::MetAsSatisfied(uint32_t at) const {
  if (at >= tokens_.size() || !IsCue(Cue::kMeetForm, Lower(tokens_[at].text))) return false;
  // The thing met stands in the few words after the verb, before the phrase ends.
  for (uint32_t k = at + 1; k < tokens_.size() && k <= at + 4; ++k) {
    const std::string word = Lower(tokens_[k].text);
    if (word == "to" || word == "and" || word == "," || word == "." || word == ";") break;
    if (IsCue(Cue::kMetAsSatisfied, word)) return true;
  }
  return false;
}

void SentenceRelator::Relate(const PatternMatch& match, std::vector<Triple>* out) {
  const Pattern& p = *match.pattern;
  static constexpr Relation kSportLike[] = {Relation::kMeet, Relation::kVisit, Relation::kHost, Relation::kAttend,
                                            Relation::kAttack};
  if (sports_ && std::find(std::begin(kSportLike), std::end(kSportLike), p.relation) != std::end(kSportLike)) return;
  if (p.relation == Relation::kMeet && MetAsSatisfied(match.begin)) return;
  // "pressured Trump, including members of the House": the wording names others than the
  // clause's actors, past a list's opening word and the modifiers after it.
  for (uint32_t k = match.begin, skipped = 0; k > 0 && skipped <= 2; --k, ++skipped) {
    const std::string before = Lower(tokens_[k - 1].text);
    if (IsCue(Cue::kListIntroducer, before)) return;
    if (!IsLowerWord(tokens_[k - 1].text) && args_.MentionEndingAt(k) == nullptr) break;
  }
  const Mention* subject = nullptr;
  const Mention* object = nullptr;
  const Mention* slot = match.slot >= 0 ? &found_.mentions[args_.mention_at()[match.slot]] : nullptr;
  float factor = 1.0f;
  bool fallback = false;
  switch (p.frame) {
    case Frame::kEnvoy: {
      subject = args_.ClauseActor(match.begin, &fallback);
      // The envoy's or the travellers' state stands right before the words that name them:
      // "Russia's chargé", "the Libyan ambassador", "Iranian passport holders".
      for (const Mention& m : found_.mentions) {
        if (m.begin < match.begin || m.end > match.end || !(IsActor(m) || m.is_demonym)) continue;
        for (uint32_t k = m.end; k < match.end && k <= m.end + 2; ++k)
          if (IsCue(Cue::kEnvoyWord, Lower(tokens_[k].text))) object = &m;
      }
      // "summons the ambassador of Iraq", "the chargé d'affaires of Iraq".
      if (const uint32_t of =
              match.end < tokens_.size() && Lower(tokens_[match.end].text) == "d'affaires" ? match.end + 1 : match.end;
          object == nullptr && of + 1 < tokens_.size() && tokens_[of].text == "of" && args_.mention_at()[of + 1] >= 0 &&
          IsActor(found_.mentions[args_.mention_at()[of + 1]]))
        object = &found_.mentions[args_.mention_at()[of + 1]];
      if (object == nullptr) return;
      break;
    }
    case Frame::kForward:
      if (match.passive) {
        // "X was attacked by Y": Y acts on X. Without "by", the speaker of a "that" clause
        // is taken as the agent ("Trump announces that South Africa will not be invited").
        object = args_.ClauseActor(match.begin, &fallback);
        subject = nullptr;
        if (match.end + 1 < tokens_.size() && Lower(tokens_[match.end].text) == "by")
          subject = args_.FirstActorIn(match.end + 1, std::min<uint32_t>(match.end + 3, tokens_.size()));
        const uint32_t start = args_.clause_start()[match.begin];
        if (subject == nullptr && start > 0 && Lower(tokens_[start].text) == "that")
          subject = args_.FirstActorIn(0, start);
        if (subject == nullptr || object == nullptr || fallback) return;
        factor = 0.85f;
        break;
      }
      subject = args_.Possessor(match.begin);
      if (subject == nullptr && p.strict_agent) {
        // "a strike by X on Y": the agent named after "by".
        if (const uint32_t by = match.trigger + 1; by + 1 < tokens_.size() && Lower(tokens_[by].text) == "by")
          subject = args_.FirstActorIn(by + 1, std::min<uint32_t>(by + 3, tokens_.size()));
        if (subject == nullptr) subject = args_.DemonymBefore(match.begin);
        if (const int light = args_.LightVerbBefore(match.begin); subject == nullptr && light >= 0) {
          // "Trump announces tariffs on": a reporting light verb opens a clause of its own.
          subject = args_.SubjectBefore(static_cast<uint32_t>(light));
          if (subject == nullptr) {
            const Mention* actor = args_.ClauseActor(match.begin, &fallback);
            if (!fallback) subject = actor;
          }
        }
      } else if (subject == nullptr) {
        subject = args_.GerundSubject(match.begin);
        if (subject == nullptr) subject = args_.ControlledSubject(match.begin);
        if (subject == nullptr) subject = args_.OpeningParticipleSubject(match.begin);
        if (subject == nullptr) subject = args_.SubjectBefore(match.begin);
        if (subject == nullptr) {
          // Beyond the words right before the trigger the parse is asked first; the clause's
          // first actor stands in, with less confidence where the parse saw another subject.
          bool has_subject = false;
          subject = ParsedSubject(match.trigger, &has_subject);
          if (subject == nullptr) {
            subject = args_.ClauseActor(match.begin, &fallback);
            if (has_subject) factor = 0.6f;
          }
        }
      }
      object = slot;
      // "Cyprus, which Turkey does not recognize": the object is the relative's antecedent.
      if (object == nullptr && subject != nullptr && !fallback) object = args_.Antecedent(match.begin);
      break;
    case Frame::kReverse:
      subject =
          slot != nullptr ? slot : args_.FirstActorIn(match.end, std::min<uint32_t>(match.end + 3, tokens_.size()));
      object = args_.Possessor(match.begin);
      if (object == nullptr) object = args_.ClauseActor(match.begin, &fallback);
      factor = 0.85f;
      break;
    case Frame::kBetween: {
      subject = args_.FirstActorIn(match.end, std::min<uint32_t>(match.end + 4, tokens_.size()));
      if (subject != nullptr && subject->entities.size() < 2) {
        auto conj = args_.Conjuncts(subject, args_.ClauseEnd(subject->begin));
        if (conj.size() < 2) return;
        // "the accord between the United States, Japan, France and Britain": every two of them.
        if (conj.size() > 2 && Info(p.relation).symmetric) {
          EmitPairs(p, match, conj, 1.0f, out);
          return;
        }
        object = conj[1];
      }
      factor = 0.9f;
      break;
    }
    case Frame::kModifier:
    case Frame::kAppositive:
      object = args_.MentionEndingAt(match.begin);
      // "The United States, Taiwan's main trading partner": the possessor is the other party.
      if (object == nullptr && p.frame == Frame::kAppositive)
        object = args_.Possessor(match.begin);
      else if (object != nullptr && IsPossessive(tokens_[match.begin - 1].text))
        return;
      if (object == nullptr) return;
      if (p.frame == Frame::kModifier) {
        subject = args_.Possessor(object->begin);
        if (subject == nullptr) subject = args_.ClauseActor(object->begin, &fallback);
      } else {
        // Back over the apposition's words to the comma that opens it.
        uint32_t k = object->begin;
        while (k > 0 && tokens_[k - 1].text != "," && IsLowerWord(tokens_[k - 1].text)) --k;
        if (k == 0 || tokens_[k - 1].text != ",") return;
        subject = args_.MentionEndingAt(k - 1);
      }
      factor = 0.85f;
      break;
  }
  if (subject == nullptr) return;
  if (object != nullptr && !IsActor(*object) && !(IsPlace(*object) && TakesPlace(p.relation)) &&
      !(object->is_demonym && (p.frame == Frame::kEnvoy || p.strict_agent || p.relation == Relation::kAttack ||
                               p.relation == Relation::kCriticize)))
    return;
  // "Norway joined Sweden in condemning ...": one joins organisations, not states; and "joins the
  // ExxonMobil scheme" joins the scheme, which the organisation only names.
  if (p.relation == Relation::kMemberOf &&
      (object == nullptr || object->entities[0].type != EntityType::kOrganization ||
       (object->end < tokens_.size() && IsLowerWord(tokens_[object->end].text) &&
        !IsFunctionWord(tokens_[object->end].text))))
    return;
  if (fallback) factor *= 0.75f;
  // Objectless wordings. "Macron and Tusk sign a treaty": a symmetric event between the
  // conjoined subjects. "During a phone call", "accused Tokyo ... and retaliated": the other
  // party is the clause's last actor before the trigger.
  if (object == nullptr && subject->entities.size() < 2) {
    const auto conjoined = args_.Conjuncts(subject, match.begin);
    if (conjoined.size() >= 2 && Info(p.relation).symmetric) {
      // "goals enshrined in the February Louvre agreement": a name before the noun cites an
      // agreement made before, not one the subjects make.
      if (match.begin == match.trigger && match.trigger > 0 &&
          std::isupper(static_cast<unsigned char>(tokens_[match.trigger - 1].text[0])) &&
          args_.MentionEndingAt(match.trigger) == nullptr && Clauses().Upos(Clauses().UnitOf(match.trigger)) == "NOUN")
        return;
      // "A and B met the unions": they met someone else, not each other. ("A and B signed a
      // treaty" is between them.) In "A and B hold talks" the object is the wording's own, unless
      // it is talks "with C" or "on a trade pact" (a negotiation).
      if (p.relation == Relation::kMeet) {
        const SentenceClauses& clauses = Clauses();
        const uint32_t verb = clauses.UnitOf(match.trigger);
        bool own_object = false;
        for (uint32_t u = 0; u < clauses.NumUnits(); ++u) {
          if (clauses.Head(u) != static_cast<int>(verb) || clauses.Deprel(u) != "obj") continue;
          if (clauses.FirstToken(u) < match.begin || clauses.FirstToken(u) >= match.end) return;
          own_object = true;
        }
        const uint32_t clause_end = std::min(args_.ClauseEnd(match.begin), match.end + 6);
        // "on Monday", "on March 3" date the talks; they are no subject of them.
        const auto dated = [&](uint32_t k) {
          return k + 1 < tokens_.size() && Lower(tokens_[k].text) == "on" && IsMonthOrDay(tokens_[k + 1].text);
        };
        for (uint32_t k = match.end; own_object && k < clause_end; ++k)
          if (IsCue(Cue::kTalksComplement, Lower(tokens_[k].text)) && !dated(k)) return;
      }
      EmitPairs(p, match, conjoined, factor, out);
      return;
    }
    if (p.relation != Relation::kMeet && p.relation != Relation::kCall && !p.reuse_object) return;
    for (const Mention& m : found_.mentions)
      if (m.begin > subject->end && m.end <= match.begin && IsActor(m) &&
          m.entities[0].name != subject->entities[0].name)
        object = &m;
    if (object == nullptr) return;
    factor *= 0.75f;
  }
  std::string goods;
  bool weapons = false;
  if (match.goods_end > match.goods_begin)
    goods = NormalizeGoods(tokens_, match.goods_begin, match.goods_end, &weapons);
  std::string predicate(p.predicate);
  if (size_t brace = predicate.find("{}"); brace != std::string::npos) {
    if (goods.empty()) {
      predicate.erase(brace, 2);
      if (predicate.size() >= 4 && predicate.compare(predicate.size() - 4, 4, "  to") == 0)
        predicate.resize(predicate.size() - 4);
      while (predicate.find("  ") != std::string::npos) predicate.erase(predicate.find("  "), 1);
    } else {
      predicate.replace(brace, 2, goods);
    }
  }
  std::vector<Entity> subjects, objects;
  const uint32_t limit = static_cast<uint32_t>(tokens_.size());
  for (const Mention* m : args_.Conjuncts(subject, match.begin > subject->end ? match.begin : limit))
    for (const Entity& e : m->entities) subjects.push_back(m->is_capital ? m->country : e);
  float certainty = Certainty(*subject);
  if (object == nullptr) {
    // "the two leaders" with an objectless symmetric wording: a relation between the pair.
    objects.push_back(subjects.back());
    subjects.pop_back();
  } else {
    certainty = std::min(certainty, Certainty(*object));
    for (const Mention* m : ObjectConjuncts(object))
      for (const Entity& e : m->entities) {
        // A visit to a capital, or an attack on it, is to the city and to its state.
        if (m->is_capital && (p.relation == Relation::kVisit || p.relation == Relation::kAttack)) {
          objects.push_back(e);
          objects.push_back(m->country);
        } else {
          objects.push_back(m->is_capital ? m->country : e);
        }
      }
  }
  // "launched an attack on the Tory plans", "an attack on Howard's record": an attack on someone's
  // words or policy is criticism.
  Relation relation = p.relation;
  if (relation == Relation::kAttack && object != nullptr && object->begin > match.trigger) {
    uint32_t k = object->end;
    if (k < tokens_.size() && IsPossessive(tokens_[k].text)) ++k;
    // One modifier may come between ("Conservative spending plans"); the target ends the phrase
    // ("the Hamas leadership's office" is a place, "strikes on Iran in response" no criticism).
    if (k + 1 < tokens_.size() && !IsVerbalTarget(tokens_[k].text) && IsLowerWord(tokens_[k].text) &&
        !IsFunctionWord(tokens_[k].text) && !IsCue(Cue::kSlotPreposition, tokens_[k].text))
      ++k;
    if (k < tokens_.size() && IsVerbalTarget(tokens_[k].text) &&
        !(k + 1 < tokens_.size() && IsPossessive(tokens_[k + 1].text))) {
      relation = Relation::kCriticize;
      predicate = "criticizes";
    }
  }
  for (const Entity& s : subjects) {
    for (const Entity& o : objects) {
      if (s.name == o.name) continue;
      if (relation == Relation::kVisit && (o.type == EntityType::kPerson || o.type == EntityType::kGroup)) continue;
      Triple t = Base(relation, predicate, certainty * factor, match.trigger);
      if (weapons) t.cameo = "072";
      t.subject = s;
      t.object = o;
      out->push_back(std::move(t));
    }
  }
  if (object != nullptr && (p.relation == Relation::kHost || p.relation == Relation::kInvite))
    RelateGuestVisit(match, *object, certainty * factor, out);
}

void SentenceRelator::RelateGuestVisit(const PatternMatch& match, const Mention& guest, float confidence,
                                       std::vector<Triple>* out) {
  const uint32_t to = guest.end;
  if (to + 1 >= tokens_.size() || Lower(tokens_[to].text) != "to" || args_.mention_at()[to + 1] < 0) return;
  const Mention& place = found_.mentions[args_.mention_at()[to + 1]];
  if (!IsPlace(place) && !(IsActor(place) && place.entities[0].type == EntityType::kCountry)) return;
  if (guest.entities[0].type != EntityType::kPerson && guest.entities[0].type != EntityType::kCountry) return;
  std::vector<Entity> places = {place.entities[0]};
  if (place.is_capital) places.push_back(place.country);
  for (const Entity& visitor : guest.entities)
    for (const Entity& where : places) {
      Triple t = Base(Relation::kVisit, "visits", confidence * 0.9f, match.trigger);
      if (match.pattern->relation == Relation::kInvite && t.modality == Modality::kAsserted)
        t.modality = Modality::kExpected;
      t.subject = guest.is_capital ? guest.country : visitor;
      t.object = where;
      out->push_back(std::move(t));
    }
}

void SentenceRelator::EmitPairs(const Pattern& p, const PatternMatch& match, const std::vector<const Mention*>& parties,
                                float factor, std::vector<Triple>* out) const {
  for (size_t i = 0; i < parties.size(); ++i)
    for (size_t j = i + 1; j < parties.size(); ++j) {
      const Entity& a = parties[i]->is_capital ? parties[i]->country : parties[i]->entities[0];
      const Entity& b = parties[j]->is_capital ? parties[j]->country : parties[j]->entities[0];
      if (a.name == b.name) continue;
      Triple t = Base(p.relation, std::string(p.predicate),
                      std::min(Certainty(*parties[i]), Certainty(*parties[j])) * factor * 0.9f, match.trigger);
      t.subject = a;
      t.object = b;
      out->push_back(std::move(t));
    }
}

}  // namespace geokg::extract::internal
