#include "extract/internal/sentence_relator.h"

#include <algorithm>

#include "extract/internal/cues.h"
#include "extract/internal/text.h"

namespace geokg::extract::internal {

std::vector<std::string> SentenceRelator::NamesOf(const Mention& m) {
  std::vector<std::string> names = {m.entities[0].name};
  if (m.is_capital) names.push_back(m.country.name);
  return names;
}

void SentenceRelator::RelatePairs(size_t rules, std::vector<Triple>* out) {
  const SentenceClauses& clauses = Clauses();
  const size_t rule_end = out->size();
  for (size_t i = 0; i < found_.mentions.size(); ++i) {
    const Mention& a = found_.mentions[i];
    if (!IsParty(a)) continue;
    for (size_t j = i + 1; j < found_.mentions.size(); ++j) {
      const Mention& b = found_.mentions[j];
      if (!IsParty(b) || a.entities[0].name == b.entities[0].name) continue;
      const std::vector<std::string> names_a = NamesOf(a), names_b = NamesOf(b);
      const auto in = [](const std::vector<std::string>& names, const std::string& name) {
        return std::find(names.begin(), names.end(), name) != names.end();
      };
      std::vector<uint32_t> rule_labels;
      std::vector<size_t> rule_triples;
      for (size_t t = rules; t < rule_end; ++t) {
        const Triple& triple = (*out)[t];
        if (triple.relation == Relation::kOther) continue;
        const bool forward = in(names_a, triple.subject.name) && in(names_b, triple.object.name);
        const bool reverse = in(names_b, triple.subject.name) && in(names_a, triple.object.name);
        if (!forward && !reverse) continue;
        rule_labels.push_back(RelationLabel(triple.relation, !forward));
        rule_triples.push_back(t);
      }
      std::vector<uint64_t> features = PairFeatures({tokens_, clauses, a, b, rule_labels});
      if (relations_ != nullptr) {
        for (size_t k = 0; k < rule_triples.size(); ++k)
          (*out)[rule_triples[k]].confidence = relations_->Probability(features, rule_labels[k]);
        const RelationModel::Decision decision = relations_->Decide(features);
        if (decision.label != kNoRelation && decision.probability >= kMinPairProbability)
          EmitPair(decision, a, b, rules, rule_end, out);
      }
      if (candidates_ != nullptr)
        candidates_->push_back({index_, sentence_.begin, names_a, names_b, std::move(features)});
    }
  }
}

void SentenceRelator::EmitPair(const RelationModel::Decision& decision, const Mention& a, const Mention& b,
                               size_t rules, size_t rule_end, std::vector<Triple>* out) {
  const Relation relation = LabelRelation(decision.label);
  const Mention& subject = LabelReversed(decision.label) ? b : a;
  const Mention& object = LabelReversed(decision.label) ? a : b;
  for (size_t t = rules; t < rule_end; ++t) {
    const Triple& rule = (*out)[t];
    if (rule.relation != relation) continue;
    for (const Mention* m : {&a, &b})
      for (const std::string& name : NamesOf(*m))
        if (rule.object.name == name || rule.subject.name == name) {
          if (m == &object || rule.subject.name == name) return;
        }
  }
  const bool to_place = TakesPlace(relation);
  const EntityType object_type = object.entities[0].type;
  const bool travel = relation == Relation::kVisit || relation == Relation::kAttend;
  if (travel && (object_type == EntityType::kPerson || object_type == EntityType::kGroup)) return;
  // One is a member of an organisation or a party, never of a state or a person.
  if (relation == Relation::kMemberOf && object_type != EntityType::kOrganization) return;
  // Nobody visits the country they serve: "Erdogan met Sanchez in Ankara" is Sanchez's visit.
  if (travel && IsHome(subject, object)) return;
  // Two parties parsed as one unit stand in one title phrase ("Kenyan President William
  // Ruto"): what relates them is the role the title gave, not an event.
  const SentenceClauses& clauses = Clauses();
  if (clauses.UnitOf(a.end - 1) == clauses.UnitOf(b.end - 1)) return;
  if (!to_place && IsPlace(object) && !object.is_capital) return;
  // "the conflict between Armenia and Azerbaijan", "the war between Iran and Iraq": no accord,
  // talks or meeting between them.
  if (Info(relation).symmetric && a.begin >= 2 && Lower(tokens_[a.begin - 1].text) == "between" &&
      IsCue(Cue::kHostilityNoun, Lower(tokens_[a.begin - 2].text)))
    return;
  // The word joining the two in the parse carries the event's modality and time: the verb
  // between them, else the second party.
  uint32_t at = b.begin;
  for (uint32_t k = a.end; k < b.begin; ++k)
    if (clauses.Upos(clauses.UnitOf(k)) == "VERB") {
      at = k;
      break;
    }
  std::vector<Entity> objects = {object.is_capital && !to_place ? object.country : object.entities[0]};
  if (object.is_capital && to_place) objects.push_back(object.country);
  for (const Entity& o : objects) {
    Triple t = Base(relation, std::string(PredicateOf(relation)), decision.probability, at);
    t.subject = subject.is_capital ? subject.country : subject.entities[0];
    t.object = o;
    if (t.subject.name != t.object.name) out->push_back(std::move(t));
  }
}

bool SentenceRelator::IsHome(const Mention& person, const Mention& place) {
  const Entity& who = person.entities[0];
  const Entity& state = place.is_capital ? place.country : place.entities[0];
  return who.type == EntityType::kPerson && state.type == EntityType::kCountry && state.code.size() == 3 &&
         who.code.starts_with(state.code);
}

std::string_view SentenceRelator::PredicateOf(Relation relation) {
  switch (relation) {
    case Relation::kMeet:
      return "meets";
    case Relation::kCall:
      return "calls";
    case Relation::kVisit:
      return "visits";
    case Relation::kHost:
      return "hosts";
    case Relation::kInvite:
      return "invites";
    case Relation::kNegotiate:
      return "negotiates with";
    case Relation::kAgree:
      return "agrees with";
    case Relation::kCooperate:
      return "cooperates with";
    case Relation::kTrade:
      return "trades with";
    case Relation::kSupply:
      return "supplies";
    case Relation::kSupport:
      return "supports";
    case Relation::kAlly:
      return "is allied with";
    case Relation::kRecognize:
      return "recognizes";
    case Relation::kDemand:
      return "makes demands of";
    case Relation::kCriticize:
      return "criticizes";
    case Relation::kAccuse:
      return "accuses";
    case Relation::kReject:
      return "rejects";
    case Relation::kOppose:
      return "opposes";
    case Relation::kThreaten:
      return "threatens";
    case Relation::kProtest:
      return "protests against";
    case Relation::kSanction:
      return "sanctions";
    case Relation::kAttack:
      return "attacks";
    case Relation::kClaim:
      return "claims";
    case Relation::kLeads:
      return "leads";
    case Relation::kOfficialOf:
      return "is an official of";
    case Relation::kMemberOf:
      return "is a member of";
    case Relation::kAttend:
      return "attends";
    case Relation::kOther:
      break;
  }
  return "is related to";
}

}  // namespace geokg::extract::internal
