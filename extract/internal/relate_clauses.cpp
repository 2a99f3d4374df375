#include "extract/internal/sentence_relator.h"

#include <algorithm>
#include <set>

#include "extract/internal/cues.h"

namespace geokg::extract::internal {

void SentenceRelator::RelateClauses(const std::vector<PatternMatch>& matches, size_t first, size_t end,
                                    std::vector<Triple>* out) {
  std::set<std::pair<std::string, std::string>> related;
  for (size_t i = first; i < end; ++i) {
    related.emplace((*out)[i].subject.name, (*out)[i].object.name);
    related.emplace((*out)[i].object.name, (*out)[i].subject.name);
  }
  const SentenceClauses& clauses = Clauses();
  std::set<uint32_t> triggers;
  for (const PatternMatch& match : matches) triggers.insert(clauses.UnitOf(match.trigger));
  // Verbs too light to name a relation on their own ("becomes", "makes"), and prepositions
  // that give a setting rather than a party ("launches in", "according to").
  for (const Clause& clause : clauses.Clauses()) {
    if (triggers.count(clause.predicate) || IsCue(Cue::kLightLemma, clauses.Lemma(clause.predicate))) continue;
    const Mention* subject = ActorOfUnit(clause.subject);
    if (subject == nullptr) continue;
    for (const ClauseArgument& argument : clause.objects) {
      const bool party = argument.preposition.empty() || IsCue(Cue::kPartyPreposition, argument.preposition);
      if (!party || (argument.preposition == "by" && !clause.passive)) continue;
      const Mention* object = MentionOfUnit(argument.unit);
      // Pronouns are resolved too loosely to carry an open relation on their own.
      if (object == nullptr || object->evidence == Evidence::kPronoun) continue;
      // A place is a party only as where one goes or comes from: "wants ... in Tiananmen
      // Square" is no relation with the square.
      if (!IsActor(*object) && !IsCue(Cue::kDirection, argument.preposition)) continue;
      // "X was criticised by Y": Y acts on X.
      const bool agent = clause.passive && argument.preposition == "by";
      if (agent && !IsActor(*object)) continue;
      const std::vector<Entity> subjects =
          agent ? PartiesOfUnit(object, argument.unit, true) : PartiesOfUnit(subject, clause.subject, true);
      const std::vector<Entity> objects =
          agent ? PartiesOfUnit(subject, clause.subject, true) : PartiesOfUnit(object, argument.unit, IsActor(*object));
      // A verb that names a core relation by itself ("praises", "bombed") gives it, below
      // the wordings of the table; any other stays `other` with its open predicate.
      const VerbRelation* core =
          IsActor(*object) ? RelationOfVerb(clauses.Lemma(clause.predicate), argument.preposition) : nullptr;
      // "attacked the Tory plans": an attack on someone's words or policy is criticism.
      static constexpr VerbRelation kCriticism{Relation::kCriticize, "criticizes"};
      if (core != nullptr && core->relation == Relation::kAttack &&
          IsCue(Cue::kVerbalTarget, clauses.Lemma(argument.unit)))
        core = &kCriticism;
      const float confidence = (core != nullptr ? 0.8f : 0.5f) * std::min(Certainty(*subject), Certainty(*object));
      const std::string predicate =
          core != nullptr ? std::string(core->predicate) : clauses.Predicate(clause, argument);
      for (const Entity& s : subjects)
        for (const Entity& o : objects) {
          if (s.name == o.name || related.count({s.name, o.name})) continue;
          Triple t = Base(core != nullptr ? core->relation : Relation::kOther, predicate, confidence,
                          clauses.FirstToken(clause.predicate));
          t.subject = s;
          t.object = o;
          out->push_back(std::move(t));
        }
    }
  }
}

}  // namespace geokg::extract::internal
