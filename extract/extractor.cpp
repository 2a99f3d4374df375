#include "extract/extractor.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "extract/boilerplate.h"
#include "extract/clauses.h"
#include "extract/internal/model_file.h"
#include "extract/internal/text.h"
#include "extract/mentions.h"
#include "extract/qualifiers.h"
#include "extract/relation_model.h"
#include "extract/relation_patterns.h"
#include "extract/tokenizer.h"

namespace geokg::extract {
namespace {

using internal::Frame;
using internal::Lower;
using internal::Mention;
using internal::PatternMatch;

bool IsLowerWord(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) || c == '-'; });
}

bool IsPossessive(std::string_view t) { return t == "'s" || t == "\xE2\x80\x99s"; }

// Prepositions and conjunctions: after a name they end its noun phrase rather than extend it.
bool IsFunctionWord(std::string_view t) {
  static const std::set<std::string_view> kWords = {"in", "on", "at", "as", "for", "from", "with", "by", "to", "of",
                                                    "and", "or", "but", "after", "before", "since", "until", "last",
                                                    "this", "next", "earlier", "later", "when", "while", "which"};
  return kWords.count(t) > 0;
}

// Words that open a new clause, whose actor is then its own subject.
bool OpensClause(const std::vector<Token>& tokens, uint32_t k) {
  const std::string w = Lower(tokens[k].text);
  if (w == ";" || w == "that" || w == "which" || w == "who" || w == "whom" || w == "while" || w == "whereas" ||
      w == "although" || w == "though" || w == "because" || w == "but")
    return true;
  // "Putin said Russia does not rule out ...": what follows a reporting verb is its own clause.
  static const std::set<std::string> kReporting = {"said", "says", "announced", "announces", "stated", "states",
                                                   "warned", "warns", "added", "claimed", "claims", "insisted"};
  // Case-sensitive: "States" in "United States" is no verb.
  if (k > 0 && kReporting.count(std::string(tokens[k - 1].text)) && w != "that" && w != "on" && w != "in" &&
      w != ",")
    return true;
  const bool after_comma = k > 0 && tokens[k - 1].text == ",";
  return after_comma && (w == "as" || w == "and" || w == "when" || w == "after" || w == "before" || w == "saying");
}

// Confidence that a mention names its entity.
float Certainty(const Mention& m) {
  switch (m.evidence) {
    case internal::Evidence::kNamed: return m.entities[0].type == EntityType::kOrganization ? 0.85f : 0.95f;
    case internal::Evidence::kTitled: return 0.95f;
    case internal::Evidence::kAlias: return 0.9f;
    case internal::Evidence::kDescription: return 0.75f;
    case internal::Evidence::kPronoun: return 0.65f;
    // Most such names are people, but sportsmen and artists as often as officials.
    case internal::Evidence::kUnknownName: return 0.7f;
  }
  return 0.5f;
}

class SentenceRelator {
 public:
  SentenceRelator(const Sentence& sentence, const internal::SentenceMentions& found, const Document& doc,
                  uint32_t index, const std::optional<internal::Date>& date, const SyntaxModel& syntax, bool sports,
                  const internal::RelationModel* relations, std::vector<RelationCandidate>* candidates)
      : tokens_(sentence.tokens), sentence_(sentence), found_(found), doc_(doc), index_(index), date_(date),
        syntax_(syntax), sports_(sports), relations_(relations), candidates_(candidates) {
    const auto n = static_cast<uint32_t>(tokens_.size());
    clause_start_.resize(n);
    actor_end_.assign(n + 1, 0);
    demonym_end_.assign(n + 1, 0);
    mention_at_.assign(n + 1, -1);
    uint32_t start = 0;
    for (uint32_t k = 0; k < n; ++k) {
      if (k > 0 && OpensClause(tokens_, k)) start = k;
      clause_start_[k] = start;
    }
    for (size_t i = 0; i < found.mentions.size(); ++i) {
      const Mention& m = found.mentions[i];
      mention_at_[m.begin] = static_cast<int>(i);
      if (IsActor(m) || IsPlace(m)) actor_end_[m.begin] = m.end;
      if (m.is_demonym) demonym_end_[m.begin] = m.end;
    }
  }

  void Run(std::vector<Triple>* out) {
    const size_t roles = out->size();
    for (const internal::RoleFact& role : found_.roles) {
      Triple t = Base(role.relation, "is " + role.office + " of", role.from_lexicon ? 0.7f : 0.95f, role.begin);
      // A title states a standing role, whatever the clause around it says.
      t.modality = Modality::kAsserted;
      t.time.clear();
      t.time_text.clear();
      t.attribution.clear();
      t.subject = role.person;
      t.object = role.country;
      t.cameo.clear();
      out->push_back(std::move(t));
    }
    const size_t first = out->size();
    const std::vector<PatternMatch> matches = internal::MatchPatterns(tokens_, actor_end_, demonym_end_);
    for (const PatternMatch& match : matches) Relate(match, out);
    size_t parties = 0;
    for (const Mention& m : found_.mentions) parties += IsActor(m) || IsPlace(m);
    if (parties >= 2 && !sports_) {
      // `other` triples give way to the wordings' relations only: a relation the model finds
      // is a guess, and the open predicate says what the sentence says.
      const size_t rule_end = out->size();
      if (relations_ != nullptr || candidates_ != nullptr) RelatePairs(roles, out);
      RelateClauses(matches, first, rule_end, out);
    }
  }

 private:
  // Places other than capitals do not act: "the Korean peninsula faces" is no one's deed.
  static bool IsActor(const Mention& m) {
    return !m.is_demonym && (m.is_capital || m.entities[0].type != EntityType::kLocation);
  }
  // Where a place may stand: the destination of a visit.
  static bool IsPlace(const Mention& m) { return !m.is_demonym && m.entities[0].type == EntityType::kLocation; }

  // The dependency parse, with every mention and title phrase parsed as one word.
  const internal::SentenceClauses& Clauses() {
    if (!clauses_) {
      std::vector<std::pair<uint32_t, uint32_t>> spans;
      for (const internal::RoleFact& role : found_.roles) spans.emplace_back(role.begin, role.end);
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

  // The actor or place a parse unit stands for: the person of a title phrase ("President Lee
  // Jae-myung of South Korea"), else the mention that ends where the unit ends.
  const Mention* MentionOfUnit(uint32_t unit) {
    const uint32_t begin = Clauses().FirstToken(unit);
    const uint32_t end = Clauses().EndToken(unit);
    for (const internal::RoleFact& role : found_.roles) {
      if (role.begin < begin || role.end > end) continue;
      for (const Mention& m : found_.mentions)
        if (m.begin >= begin && m.end <= end && m.entities[0].name == role.person.name) return &m;
    }
    for (const Mention& m : found_.mentions)
      if (m.end == end && (IsActor(m) || IsPlace(m))) return &m;
    return nullptr;
  }

  const Mention* ActorOfUnit(int unit) {
    if (unit < 0) return nullptr;
    const Mention* m = MentionOfUnit(static_cast<uint32_t>(unit));
    return m != nullptr && IsActor(*m) ? m : nullptr;
  }

  // The subject the parse gives the trigger's clause: "Lee, who arrived on Sunday for talks,
  // met Xi", where no actor stands right before "met". `*has_subject` tells whether the parse
  // found one at all; the result is null when that subject is no actor ("the airline ... by
  // supporting Assad") or not the agent.
  const Mention* ParsedSubject(uint32_t trigger, bool* has_subject) {
    bool passive = false;
    const internal::SentenceClauses& clauses = Clauses();
    const int unit = clauses.SubjectOf(clauses.UnitOf(trigger), &passive);
    *has_subject = unit >= 0;
    const Mention* m = ActorOfUnit(unit);
    return passive ? nullptr : m;
  }

  // An object and the actors conjoined to it, by the words around it or by the parse ("his
  // counterpart, Ariel Sharon, and the Palestinian leader, Mahmoud Abbas").
  std::vector<const Mention*> ObjectConjuncts(const Mention* object) {
    std::vector<const Mention*> all = Conjuncts(object, ClauseEnd(object->begin));
    const internal::SentenceClauses& clauses = Clauses();
    for (uint32_t unit : clauses.ConjunctsOf(clauses.UnitOf(object->end - 1))) {
      const Mention* m = MentionOfUnit(unit);
      if (m != nullptr && m->evidence != internal::Evidence::kPronoun && std::find(all.begin(), all.end(), m) == all.end() &&
          (IsActor(*m) || IsPlace(*m) == IsPlace(*object)))
        all.push_back(m);
    }
    return all;
  }

  // `m` and the actors the parse conjoins to it, as the entities a relation holds between.
  std::vector<Entity> PartiesOfUnit(const Mention* m, uint32_t unit, bool as_actor) {
    std::vector<const Mention*> mentions = {m};
    for (uint32_t c : Clauses().ConjunctsOf(unit))
      if (const Mention* conjunct = MentionOfUnit(c); conjunct != nullptr && conjunct != m) mentions.push_back(conjunct);
    std::vector<Entity> parties;
    for (const Mention* mention : mentions)
      for (const Entity& e : mention->entities) parties.push_back(as_actor && mention->is_capital ? mention->country : e);
    return parties;
  }

  // The names a party may go by in a relation: its entity, and for a capital also its country.
  static std::vector<std::string> NamesOf(const Mention& m) {
    std::vector<std::string> names = {m.entities[0].name};
    if (m.is_capital) names.push_back(m.country.name);
    return names;
  }

  // Every two parties of the sentence, judged by the relation model. The wordings' triples
  // (from `rules` on) take the model's probability of their label as their confidence, so that
  // confidence is calibrated; a relation the model finds and no wording gave becomes a triple
  // of its own. Without a model, the pairs only go to `candidates_`.
  void RelatePairs(size_t rules, std::vector<Triple>* out) {
    const internal::SentenceClauses& clauses = Clauses();
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
          rule_labels.push_back(internal::RelationLabel(triple.relation, !forward));
          rule_triples.push_back(t);
        }
        std::vector<uint64_t> features = internal::PairFeatures({tokens_, clauses, a, b, rule_labels});
        if (relations_ != nullptr) {
          for (size_t k = 0; k < rule_triples.size(); ++k)
            (*out)[rule_triples[k]].confidence = relations_->Probability(features, rule_labels[k]);
          const internal::RelationModel::Decision decision = relations_->Decide(features);
          if (decision.label != internal::kNoRelation && decision.probability >= kMinPairProbability)
            EmitPair(decision, a, b, rules, rule_end, out);
        }
        if (candidates_ != nullptr)
          candidates_->push_back({index_, sentence_.begin, names_a, names_b, std::move(features)});
      }
    }
  }

  // Relations whose object may be a place: where one goes, and what force strikes ("Russian
  // drones struck Dnipro").
  static bool TakesPlace(Relation r) { return r == Relation::kVisit || r == Relation::kAttend || r == Relation::kAttack; }

  // A party of a pair: an actor, a place or a country named by its demonym, as one entity.
  static bool IsParty(const Mention& m) {
    return m.entities.size() == 1 && (m.is_demonym || IsActor(m) || IsPlace(m));
  }

  // Below this probability a pair the wordings did not relate gives no triple: most would be
  // wrong, and the output would grow with every pair of a long sentence.
  static constexpr float kMinPairProbability = 0.2f;

  // The triple of a relation the model found between `a` and `b` (in sentence order), unless
  // the wordings' triples out[rules, rule_end) already hold that relation for the object or
  // for the pair: where a wording filled an event's places, the model does not fill them again
  // ("A met B on his first visit to Norway": the wording gave the visit to A; "Portugal was
  // criticised by Spain": not Portugal criticising Spain).
  void EmitPair(const internal::RelationModel::Decision& decision, const Mention& a, const Mention& b, size_t rules,
                size_t rule_end, std::vector<Triple>* out) {
    const Relation relation = internal::LabelRelation(decision.label);
    const Mention& subject = internal::LabelReversed(decision.label) ? b : a;
    const Mention& object = internal::LabelReversed(decision.label) ? a : b;
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
    // Two parties parsed as one unit stand in one title phrase ("Kenyan President William
    // Ruto"): what relates them is the role the title gave, not an event.
    const internal::SentenceClauses& clauses = Clauses();
    if (clauses.UnitOf(a.end - 1) == clauses.UnitOf(b.end - 1)) return;
    if (!to_place && IsPlace(object) && !object.is_capital) return;
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

  // The open predicate of a relation the model found: the relation as a plain verb phrase.
  static std::string_view PredicateOf(Relation relation) {
    switch (relation) {
      case Relation::kMeet: return "meets";
      case Relation::kCall: return "calls";
      case Relation::kVisit: return "visits";
      case Relation::kHost: return "hosts";
      case Relation::kInvite: return "invites";
      case Relation::kNegotiate: return "negotiates with";
      case Relation::kAgree: return "agrees with";
      case Relation::kCooperate: return "cooperates with";
      case Relation::kTrade: return "trades with";
      case Relation::kSupply: return "supplies";
      case Relation::kSupport: return "supports";
      case Relation::kAlly: return "is allied with";
      case Relation::kRecognize: return "recognizes";
      case Relation::kDemand: return "makes demands of";
      case Relation::kCriticize: return "criticizes";
      case Relation::kAccuse: return "accuses";
      case Relation::kReject: return "rejects";
      case Relation::kOppose: return "opposes";
      case Relation::kThreaten: return "threatens";
      case Relation::kProtest: return "protests against";
      case Relation::kSanction: return "sanctions";
      case Relation::kAttack: return "attacks";
      case Relation::kClaim: return "claims";
      case Relation::kLeads: return "leads";
      case Relation::kOfficialOf: return "is an official of";
      case Relation::kMemberOf: return "is a member of";
      case Relation::kAttend: return "attends";
      case Relation::kOther: break;
    }
    return "is related to";
  }

  // Clauses that no wording of relation_patterns covers, between an actor and another actor or
  // a place: `other` triples with the open predicate ("deploys ... to"), so that nothing the
  // sentence states between two parties is lost. Pairs a core relation already links in this
  // sentence (out[first, end)) are left to it.
  void RelateClauses(const std::vector<PatternMatch>& matches, size_t first, size_t end, std::vector<Triple>* out) {
    std::set<std::pair<std::string, std::string>> related;
    for (size_t i = first; i < end; ++i) {
      related.emplace((*out)[i].subject.name, (*out)[i].object.name);
      related.emplace((*out)[i].object.name, (*out)[i].subject.name);
    }
    const internal::SentenceClauses& clauses = Clauses();
    std::set<uint32_t> triggers;
    for (const PatternMatch& match : matches) triggers.insert(clauses.UnitOf(match.trigger));
    // Verbs too light to name a relation on their own ("becomes", "makes"), and prepositions
    // that give a setting rather than a party ("launches in", "according to").
    static const std::set<std::string> kLightLemmas = {"be",   "become", "remain", "seem", "make", "have",
                                                       "get",  "do",     "go",     "come", "take", "include",
                                                       "say",  "announce", "keep", "leave", "enter", "find"};
    static const std::set<std::string> kPartyPrepositions = {"", "to", "from", "with", "against", "into", "toward",
                                                             "towards", "for", "over", "as", "by"};
    for (const internal::Clause& clause : clauses.Clauses()) {
      if (triggers.count(clause.predicate) || kLightLemmas.count(clauses.Lemma(clause.predicate))) continue;
      const Mention* subject = ActorOfUnit(clause.subject);
      if (subject == nullptr) continue;
      for (const internal::ClauseArgument& argument : clause.objects) {
        if (!kPartyPrepositions.count(argument.preposition) || (argument.preposition == "by" && !clause.passive)) continue;
        const Mention* object = MentionOfUnit(argument.unit);
        // Pronouns are resolved too loosely to carry an open relation on their own.
        if (object == nullptr || object->evidence == internal::Evidence::kPronoun) continue;
        // A place is a party only as where one goes or comes from: "wants ... in Tiananmen
        // Square" is no relation with the square.
        static const std::set<std::string> kDirections = {"to", "into", "from", "towards", "toward"};
        if (!IsActor(*object) && !kDirections.count(argument.preposition)) continue;
        // "X was criticised by Y": Y acts on X.
        const bool agent = clause.passive && argument.preposition == "by";
        if (agent && !IsActor(*object)) continue;
        const std::vector<Entity> subjects =
            agent ? PartiesOfUnit(object, argument.unit, true) : PartiesOfUnit(subject, clause.subject, true);
        const std::vector<Entity> objects = agent ? PartiesOfUnit(subject, clause.subject, true)
                                                  : PartiesOfUnit(object, argument.unit, IsActor(*object));
        // A verb that names a core relation by itself ("praises", "bombed") gives it, below
        // the wordings of the table; any other stays `other` with its open predicate.
        const internal::VerbRelation* const core =
            IsActor(*object) ? internal::RelationOfVerb(clauses.Lemma(clause.predicate), argument.preposition) : nullptr;
        const float confidence = (core != nullptr ? 0.8f : 0.5f) * std::min(Certainty(*subject), Certainty(*object));
        const std::string predicate = core != nullptr ? std::string(core->predicate) : clauses.Predicate(clause, argument);
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

  uint32_t ClauseEnd(uint32_t k) const {
    uint32_t e = k + 1;
    while (e < tokens_.size() && clause_start_[e] == clause_start_[k]) ++e;
    return e;
  }

  const Mention* MentionEndingAt(uint32_t end) const {
    for (const Mention& m : found_.mentions)
      if (m.end == end && IsActor(m)) return &m;
    return nullptr;
  }

  // The actor a nominal trigger belongs to: "South Korea's military alliance", "its allies".
  const Mention* Possessor(uint32_t begin) const {
    uint32_t k = begin;
    for (int skipped = 0; skipped <= 2 && k > 0; ++skipped) {
      // A possessive pronoun: "its treaty allies", "his visit".
      if (const Mention* m = MentionEndingAt(k); m != nullptr) {
        const std::string word = Lower(tokens_[m->begin].text);
        const bool possessive = m->evidence == internal::Evidence::kPronoun &&
                                (word == "its" || word == "his" || word == "her" || word == "their");
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

  // The actor a "which" or "whom" clause holding token `k` refers back to, or nullptr.
  const Mention* Antecedent(uint32_t k) const {
    const uint32_t start = clause_start_[k];
    const std::string w = Lower(tokens_[start].text);
    if ((w != "which" && w != "whom") || start < 2 || tokens_[start - 1].text != ",") return nullptr;
    return MentionEndingAt(start - 1);
  }

  // The country of a demonym just before a nominal trigger: "Russian drone strikes".
  const Mention* DemonymBefore(uint32_t begin) const {
    uint32_t k = begin;
    for (int skipped = 0; skipped <= 3 && k > 0; ++skipped, --k) {
      for (const Mention& m : found_.mentions)
        if (m.is_demonym && m.end == k) return &m;
      if (!IsLowerWord(tokens_[k - 1].text)) return nullptr;
    }
    return nullptr;
  }

  // The verb that makes its subject the agent of a nominal event ("launched strikes", "imposes
  // new sanctions") just before `trigger`, or -1.
  int LightVerbBefore(uint32_t trigger) const {
    static const std::set<std::string> kLightVerbs = {
        "launch",  "launches", "launched", "conduct",  "conducts",  "conducted", "carry",   "carries",
        "carried", "impose",   "imposes",  "imposed",  "announce",  "announces", "announced", "mount",
        "mounts",  "mounted",  "stage",    "stages",   "staged",    "order",     "orders",  "ordered",
        "began",   "begins",   "begin",    "resume",   "resumes",   "resumed",   "expand",  "expands",
        "expanded", "intensify", "intensifies", "intensified", "escalate", "escalates", "escalated",
        "continue", "continues", "continued", "extend", "extends", "extended", "unleash", "unleashed",
        "approve", "approves", "approved", "slap", "slaps", "slapped", "levy", "levies", "levied",
        // Whoever lifts or tightens sanctions is the one who imposes them.
        "lift", "lifts", "lifted", "lifting", "ease", "eases", "eased", "easing", "tighten", "tightens",
        "tightened", "toughen", "toughens", "toughened"};
    // "announces a 30% tariff": a determiner and a measure may stand between.
    for (uint32_t k = trigger; k-- > 0 && trigger - k <= 5;)
      if (kLightVerbs.count(Lower(tokens_[k].text))) return static_cast<int>(k);
    return -1;
  }

  // The actor right before a verb, with only auxiliaries and adverbs between ("Kim Jong Un
  // welcomed", "Beijing has accused"), walking back to the head of a conjunction ("Belarus and
  // North Korea sign"); nullptr when there is none.
  const Mention* SubjectBefore(uint32_t verb) const {
    static const std::set<std::string> kAuxiliaries = {
        "has", "have", "had", "is", "are", "was", "were", "will", "would", "also", "then", "later", "now", "not",
        "never", "again", "already", "still", "just", "last", "formally", "officially", "reportedly", "jointly",
        "both", "could", "may", "might", "can", "did", "does", "do", "n't", "shall", "should", "must"};
    uint32_t k = verb;
    while (k > 0 && verb - k < 4) {
      const std::string w = Lower(tokens_[k - 1].text);
      if (!kAuxiliaries.count(w) && !(w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0)) break;
      --k;
    }
    const Mention* m = MentionEndingAt(k);
    if (m == nullptr || (m->evidence == internal::Evidence::kPronoun && Lower(tokens_[m->begin].text) == "it"))
      return nullptr;
    for (;;) {
      uint32_t b = m->begin;
      if (b >= 1 && Lower(tokens_[b - 1].text) == "the") --b;
      if (b < 2 || (tokens_[b - 1].text != "and" && tokens_[b - 1].text != ",")) break;
      // The serial comma: "Australia, Canada, and the United Kingdom".
      if (tokens_[b - 1].text == "and" && tokens_[b - 2].text == ",") --b;
      const Mention* previous = MentionEndingAt(b - 1);
      if (previous == nullptr) break;
      m = previous;
    }
    return m;
  }

  // "accused North Korea of supplying Russia": the object before "of" does the gerund.
  const Mention* GerundSubject(uint32_t verb) const {
    const std::string_view form = tokens_[verb].text;
    if (verb < 2 || form.size() < 5 || form.substr(form.size() - 3) != "ing") return nullptr;
    const std::string before = Lower(tokens_[verb - 1].text);
    if (before != "of" && before != "for") return nullptr;
    return MentionEndingAt(verb - 1);
  }

  // "Sweden urged Finland to meet Norway": the object of a request verb is the subject of the
  // infinitive after it. nullptr when the trigger is not such an infinitive.
  const Mention* ControlledSubject(uint32_t verb) const {
    static const std::set<std::string> kRequests = {"urged", "urges", "urge", "asked", "asks", "ask", "invited",
                                                    "invites", "pressed", "presses", "told", "tells", "encouraged",
                                                    "encourages", "allowed", "allows", "permitted", "on", "upon"};
    if (verb < 3 || Lower(tokens_[verb - 1].text) != "to") return nullptr;
    const Mention* m = MentionEndingAt(verb - 1);
    if (m == nullptr || m->begin == 0) return nullptr;
    uint32_t k = m->begin;
    if (Lower(tokens_[k - 1].text) == "the" && k >= 2) --k;
    return kRequests.count(Lower(tokens_[k - 1].text)) ? m : nullptr;
  }

  // The first actor of the clause that holds token `k`, before `k`. `fallback` is set when the
  // clause has none and the sentence's first actor stands in.
  const Mention* ClauseActor(uint32_t k, bool* fallback) const {
    const uint32_t start = clause_start_[std::min<uint32_t>(k, tokens_.size() - 1)];
    const Mention* first_in_sentence = nullptr;
    for (const Mention& m : found_.mentions) {
      if (m.begin >= k || !IsActor(m)) continue;
      if (m.evidence == internal::Evidence::kPronoun && Lower(tokens_[m.begin].text) == "it") continue;
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

  const Mention* FirstActorIn(uint32_t from, uint32_t to) const {
    for (const Mention& m : found_.mentions)
      if (m.begin >= from && m.begin < to && IsActor(m)) return &m;
    return nullptr;
  }

  // `m` and the actors conjoined to it: "South Korea and Japan", "the US and its treaty allies
  // South Korea and Japan".
  std::vector<const Mention*> Conjuncts(const Mention* m, uint32_t limit) const {
    std::vector<const Mention*> all = {m};
    for (;;) {
      const Mention* last = all.back();
      uint32_t k = last->end;
      bool joined = false;
      // "X and his Greek and French counterparts, A and B": the list names the counterparts.
      if (k + 1 < limit && tokens_[k].text == "and" && (Lower(tokens_[k + 1].text) == "his" || Lower(tokens_[k + 1].text) == "her"))
        for (uint32_t j = k + 2; j + 1 < limit && j < k + 10; ++j)
          if (Lower(tokens_[j].text) == "counterparts" && tokens_[j + 1].text == ",") {
            k = j + 2;
            joined = true;
            break;
          }
      while (k < limit && k < last->end + 4 &&
             (mention_at_[k] < 0 || found_.mentions[mention_at_[k]].evidence == internal::Evidence::kPronoun)) {
        const std::string w = Lower(tokens_[k].text);
        if (w == "and" || w == "," || w == "or") joined = true;
        else if (w != "its" && w != "their" && w != "treaty" && w != "allies" && w != "partners" && w != "well" &&
                 w != "as" && w != "the")
          break;
        ++k;
      }
      if (!joined || k >= limit || mention_at_[k] < 0) break;
      const Mention* next = &found_.mentions[mention_at_[k]];
      if (!IsActor(*next) || next->evidence == internal::Evidence::kPronoun) break;
      all.push_back(next);
    }
    return all;
  }

  Triple Base(Relation relation, std::string predicate, float confidence, uint32_t at) const {
    Triple t;
    t.relation = relation;
    t.predicate = std::move(predicate);
    t.cameo = std::string(Info(relation).cameo);
    t.confidence = confidence;
    const uint32_t start = clause_start_[at];
    const uint32_t end = ClauseEnd(at);
    t.modality = internal::ModalityOf(tokens_, start, at, end);
    internal::TimeMention time = internal::TimeOf(tokens_, start, end, date_, t.modality);
    // A time stated before the clause ("On Sunday, X met Y and ...") covers it; one in a later
    // clause belongs to that clause's event.
    if (time.text.empty()) time = internal::TimeOf(tokens_, 0, start, date_, t.modality);
    t.time = std::move(time.iso);
    t.time_text = std::move(time.text);
    t.attribution = internal::AttributionOf(tokens_, at);
    t.evidence = {doc_.id, index_, sentence_.begin, sentence_.end,
                  std::string(doc_.text.substr(sentence_.begin, sentence_.end - sentence_.begin)), doc_.date};
    return t;
  }

  void Relate(const PatternMatch& match, std::vector<Triple>* out) {
    const internal::Pattern& p = *match.pattern;
    static constexpr Relation kSportLike[] = {Relation::kMeet, Relation::kVisit, Relation::kHost, Relation::kAttend,
                                              Relation::kAttack};
    if (sports_ && std::find(std::begin(kSportLike), std::end(kSportLike), p.relation) != std::end(kSportLike)) return;
    const Mention* subject = nullptr;
    const Mention* object = nullptr;
    const Mention* slot = match.slot >= 0 ? &found_.mentions[mention_at_[match.slot]] : nullptr;
    float factor = 1.0f;
    bool fallback = false;
    switch (p.frame) {
      case Frame::kEnvoy: {
        subject = ClauseActor(match.begin, &fallback);
        // The envoy's or the travellers' state stands right before the words that name them:
        // "Russia's chargé", "the Libyan ambassador", "Iranian passport holders".
        static const std::set<std::string> kPeople = {"ambassador", "envoy",    "chargé",  "charge",    "diplomat",
                                                      "diplomats",  "citizens", "nationals", "holders", "travellers",
                                                      "travelers",  "visitors"};
        for (const Mention& m : found_.mentions) {
          if (m.begin < match.begin || m.end > match.end || !(IsActor(m) || m.is_demonym)) continue;
          for (uint32_t k = m.end; k < match.end && k <= m.end + 2; ++k)
            if (kPeople.count(Lower(tokens_[k].text))) object = &m;
        }
        // "summons the ambassador of Iraq", "the chargé d'affaires of Iraq".
        if (const uint32_t of = match.end < tokens_.size() && Lower(tokens_[match.end].text) == "d'affaires" ? match.end + 1 : match.end;
            object == nullptr && of + 1 < tokens_.size() && tokens_[of].text == "of" && mention_at_[of + 1] >= 0 &&
            IsActor(found_.mentions[mention_at_[of + 1]]))
          object = &found_.mentions[mention_at_[of + 1]];
        if (object == nullptr) return;
        break;
      }
      case Frame::kForward:
        if (match.passive) {
          // "X was attacked by Y": Y acts on X. Without "by", the speaker of a "that" clause
          // is taken as the agent ("Trump announces that South Africa will not be invited").
          object = ClauseActor(match.begin, &fallback);
          subject = nullptr;
          if (match.end + 1 < tokens_.size() && Lower(tokens_[match.end].text) == "by")
            subject = FirstActorIn(match.end + 1, std::min<uint32_t>(match.end + 3, tokens_.size()));
          const uint32_t start = clause_start_[match.begin];
          if (subject == nullptr && start > 0 && Lower(tokens_[start].text) == "that")
            subject = FirstActorIn(0, start);
          if (subject == nullptr || object == nullptr || fallback) return;
          factor = 0.85f;
          break;
        }
        subject = Possessor(match.begin);
        if (subject == nullptr && p.strict_agent) {
          subject = DemonymBefore(match.begin);
          if (const int light = LightVerbBefore(match.begin); subject == nullptr && light >= 0) {
            // "Trump announces tariffs on": a reporting light verb opens a clause of its own.
            subject = SubjectBefore(static_cast<uint32_t>(light));
            if (subject == nullptr) {
              const Mention* actor = ClauseActor(match.begin, &fallback);
              if (!fallback) subject = actor;
            }
          }
        } else if (subject == nullptr) {
          subject = GerundSubject(match.begin);
          if (subject == nullptr) subject = ControlledSubject(match.begin);
          if (subject == nullptr) subject = SubjectBefore(match.begin);
          if (subject == nullptr) {
            // Beyond the words right before the trigger the parse is asked first; the clause's
            // first actor stands in, with less confidence where the parse saw another subject.
            bool has_subject = false;
            subject = ParsedSubject(match.trigger, &has_subject);
            if (subject == nullptr) {
              subject = ClauseActor(match.begin, &fallback);
              if (has_subject) factor = 0.6f;
            }
          }
        }
        object = slot;
        // "Cyprus, which Turkey does not recognize": the object is the relative's antecedent.
        if (object == nullptr && subject != nullptr && !fallback) object = Antecedent(match.begin);
        break;
      case Frame::kReverse:
        subject = slot != nullptr ? slot : FirstActorIn(match.end, std::min<uint32_t>(match.end + 3, tokens_.size()));
        object = Possessor(match.begin);
        if (object == nullptr) object = ClauseActor(match.begin, &fallback);
        factor = 0.85f;
        break;
      case Frame::kBetween: {
        subject = FirstActorIn(match.end, std::min<uint32_t>(match.end + 4, tokens_.size()));
        if (subject != nullptr && subject->entities.size() < 2) {
          auto conj = Conjuncts(subject, ClauseEnd(subject->begin));
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
        object = MentionEndingAt(match.begin);
        // "The United States, Taiwan's main trading partner": the possessor is the other party.
        if (object == nullptr && p.frame == Frame::kAppositive) object = Possessor(match.begin);
        else if (object != nullptr && IsPossessive(tokens_[match.begin - 1].text)) return;
        if (object == nullptr) return;
        if (p.frame == Frame::kModifier) {
          subject = Possessor(object->begin);
          if (subject == nullptr) subject = ClauseActor(object->begin, &fallback);
        } else {
          // Back over the apposition's words to the comma that opens it.
          uint32_t k = object->begin;
          while (k > 0 && tokens_[k - 1].text != "," && IsLowerWord(tokens_[k - 1].text)) --k;
          if (k == 0 || tokens_[k - 1].text != ",") return;
          subject = MentionEndingAt(k - 1);
        }
        factor = 0.85f;
        break;
    }
    if (subject == nullptr) return;
    if (object != nullptr && !IsActor(*object) && !(IsPlace(*object) && TakesPlace(p.relation)) &&
        !(object->is_demonym && (p.frame == Frame::kEnvoy || p.strict_agent)))
      return;
    // "Norway joined Sweden in condemning ...": one joins organisations, not states; and "joins the
    // ExxonMobil scheme" joins the scheme, which the organisation only names.
    if (p.relation == Relation::kMemberOf &&
        (object == nullptr || object->entities[0].type != EntityType::kOrganization ||
         (object->end < tokens_.size() && IsLowerWord(tokens_[object->end].text) && !IsFunctionWord(tokens_[object->end].text))))
      return;
    if (fallback) factor *= 0.75f;
    // Objectless wordings. "Macron and Tusk sign a treaty": a symmetric event between the
    // conjoined subjects. "During a phone call", "accused Tokyo ... and retaliated": the other
    // party is the clause's last actor before the trigger.
    if (object == nullptr && subject->entities.size() < 2) {
      const auto conjoined = Conjuncts(subject, match.begin);
      if (conjoined.size() >= 2 && Info(p.relation).symmetric) {
        EmitPairs(p, match, conjoined, factor, out);
        return;
      }
      if (p.relation != Relation::kMeet && p.relation != Relation::kCall && !p.reuse_object) return;
      for (const Mention& m : found_.mentions)
        if (m.begin > subject->end && m.end <= match.begin && IsActor(m) && m.entities[0].name != subject->entities[0].name)
          object = &m;
      if (object == nullptr) return;
      factor *= 0.75f;
    }
    std::string goods;
    bool weapons = false;
    if (match.goods_end > match.goods_begin)
      goods = internal::NormalizeGoods(tokens_, match.goods_begin, match.goods_end, &weapons);
    std::string predicate(p.predicate);
    if (size_t brace = predicate.find("{}"); brace != std::string::npos) {
      if (goods.empty()) {
        predicate.erase(brace, 2);
        if (predicate.size() >= 4 && predicate.compare(predicate.size() - 4, 4, "  to") == 0) predicate.resize(predicate.size() - 4);
        while (predicate.find("  ") != std::string::npos) predicate.erase(predicate.find("  "), 1);
      } else {
        predicate.replace(brace, 2, goods);
      }
    }
    std::vector<Entity> subjects, objects;
    const uint32_t limit = static_cast<uint32_t>(tokens_.size());
    for (const Mention* m : Conjuncts(subject, match.begin > subject->end ? match.begin : limit))
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
          if (m->is_capital && p.relation == Relation::kVisit) {
            objects.push_back(e);
            objects.push_back(m->country);
          } else {
            objects.push_back(m->is_capital ? m->country : e);
          }
        }
    }
    for (const Entity& s : subjects) {
      for (const Entity& o : objects) {
        if (s.name == o.name) continue;
        if (p.relation == Relation::kVisit && (o.type == EntityType::kPerson || o.type == EntityType::kGroup)) continue;
        Triple t = Base(p.relation, predicate, certainty * factor, match.trigger);
        if (weapons) t.cameo = "072";
        t.subject = s;
        t.object = o;
        out->push_back(std::move(t));
      }
    }
    if (object != nullptr && (p.relation == Relation::kHost || p.relation == Relation::kInvite))
      RelateGuestVisit(match, *object, certainty * factor, out);
  }

  // "Kim welcomed Lukashenko to Pyongyang", "invited Lee to Beijing": the guest visits the place
  // (an invitation is a visit to come, whatever its own modality).
  void RelateGuestVisit(const PatternMatch& match, const Mention& guest, float confidence, std::vector<Triple>* out) {
    const uint32_t to = guest.end;
    if (to + 1 >= tokens_.size() || Lower(tokens_[to].text) != "to" || mention_at_[to + 1] < 0) return;
    const Mention& place = found_.mentions[mention_at_[to + 1]];
    if (!IsPlace(place) && !(IsActor(place) && place.entities[0].type == EntityType::kCountry)) return;
    if (guest.entities[0].type != EntityType::kPerson && guest.entities[0].type != EntityType::kCountry) return;
    std::vector<Entity> places = {place.entities[0]};
    if (place.is_capital) places.push_back(place.country);
    for (const Entity& visitor : guest.entities)
      for (const Entity& where : places) {
        Triple t = Base(Relation::kVisit, "visits", confidence * 0.9f, match.trigger);
        if (match.pattern->relation == Relation::kInvite && t.modality == Modality::kAsserted) t.modality = Modality::kExpected;
        t.subject = guest.is_capital ? guest.country : visitor;
        t.object = where;
        out->push_back(std::move(t));
      }
  }

  // A symmetric relation between every two of `parties`.
  void EmitPairs(const internal::Pattern& p, const PatternMatch& match, const std::vector<const Mention*>& parties,
                 float factor, std::vector<Triple>* out) const {
    for (size_t i = 0; i < parties.size(); ++i)
      for (size_t j = i + 1; j < parties.size(); ++j) {
        const Entity& a = parties[i]->is_capital ? parties[i]->country : parties[i]->entities[0];
        const Entity& b = parties[j]->is_capital ? parties[j]->country : parties[j]->entities[0];
        if (a.name == b.name) continue;
        Triple t = Base(p.relation, std::string(p.predicate), std::min(Certainty(*parties[i]), Certainty(*parties[j])) * factor * 0.9f,
                        match.trigger);
        t.subject = a;
        t.object = b;
        out->push_back(std::move(t));
      }
  }

  const std::vector<Token>& tokens_;
  const Sentence& sentence_;
  const internal::SentenceMentions& found_;
  const Document& doc_;
  uint32_t index_;
  const std::optional<internal::Date>& date_;
  const SyntaxModel& syntax_;
  bool sports_;  // a sports report: only roles and relations sport does not mimic
  const internal::RelationModel* relations_;    // null: the wordings alone relate parties
  std::vector<RelationCandidate>* candidates_;  // null unless training asks for the pairs
  std::optional<internal::SentenceClauses> clauses_;  // parsed on first use
  std::vector<uint32_t> clause_start_;
  std::vector<uint32_t> actor_end_;
  std::vector<uint32_t> demonym_end_;
  std::vector<int> mention_at_;
};

// Whether `text` reports sport: three or more distinct words of sport. There teams and players
// "meet", "visit", "host" and "attack" each other, and no state does (BBC sport pages: 66%
// flagged; politics and business pages: at most 1%).
bool IsSportsReport(std::string_view text) {
  static const std::set<std::string> kSportWords = {
      "coach",     "tournament", "championship", "championships", "squad",   "striker",  "midfielder",
      "goalkeeper", "league",    "rugby",        "tennis",        "football", "cricket", "olympic",
      "olympics",  "semi-final", "quarter-final", "goals",        "scored",  "wimbledon", "premiership",
      "fixture",   "fixtures",   "defender",     "innings",       "wicket",  "penalty",  "referee",
      "stadium",   "cup",        "medal",        "athletics",     "marathon", "boxing",  "golf",
      "slam",      "seeded",     "match",        "matches"};
  std::set<std::string> seen;
  std::string word;
  for (size_t k = 0; k <= text.size(); ++k) {
    const char c = k < text.size() ? text[k] : ' ';
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '-') {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      continue;
    }
    if (kSportWords.count(word) && seen.insert(word).second && seen.size() >= 3) return true;
    word.clear();
  }
  return false;
}

bool InRanges(const std::vector<TextRange>& ranges, uint32_t offset) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), offset,
                             [](uint32_t o, const TextRange& r) { return o < r.begin; });
  return it != ranges.begin() && offset < std::prev(it)->end;
}

// One triple per (subject, relation, object, modality) and sentence: the most confident.
void Deduplicate(std::vector<Triple>* triples) {
  std::map<std::tuple<uint32_t, std::string, Relation, std::string, Modality>, size_t> best;
  std::vector<Triple> kept;
  for (Triple& t : *triples) {
    auto key = std::make_tuple(t.evidence.sentence, t.subject.name, t.relation, t.object.name, t.modality);
    auto [it, inserted] = best.emplace(key, kept.size());
    if (inserted) {
      kept.push_back(std::move(t));
    } else if (t.confidence > kept[it->second].confidence) {
      kept[it->second] = std::move(t);
    }
  }
  *triples = std::move(kept);
}

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractorOptions& options) {
  Result<Gazetteer> gazetteer = Gazetteer::LoadDefault();
  if (!gazetteer.ok()) return gazetteer.status();
  for (const std::filesystem::path& lexicon : options.lexicons) GEOKG_RETURN_IF_ERROR(gazetteer.value().AddFile(lexicon));
  // Immutable and thread-safe once loaded: every extractor of the process shares one copy.
  static const Result<std::shared_ptr<const SyntaxModel>> syntax = []() -> Result<std::shared_ptr<const SyntaxModel>> {
    Result<std::unique_ptr<SyntaxModel>> loaded = SyntaxModel::LoadDefault();
    if (!loaded.ok()) return loaded.status();
    return std::shared_ptr<const SyntaxModel>(std::move(loaded).value());
  }();
  if (!syntax.ok()) return syntax.status();
  std::shared_ptr<const internal::RelationModel> relations;
  if (options.learned_relations) {
    Result<std::shared_ptr<const internal::RelationModel>> loaded = internal::RelationModel::LoadDefault();
    if (!options.relation_model.empty()) {
      Result<std::string> bytes = internal::ReadModelFile(options.relation_model);
      if (!bytes.ok()) return bytes.status();
      loaded = internal::RelationModel::LoadBytes(bytes.value(), options.relation_model.string());
    }
    if (!loaded.ok()) return loaded.status();
    relations = loaded.value();
  }
  return std::unique_ptr<Extractor>(
      new Extractor(std::move(gazetteer).value(), syntax.value(), std::move(relations), options));
}

std::vector<Triple> Extractor::Extract(const Document& document, ExtractReport* report) const {
  return Run(document, report, nullptr);
}

std::vector<RelationCandidate> Extractor::Candidates(const Document& document) const {
  std::vector<RelationCandidate> candidates;
  Run(document, nullptr, &candidates);
  return candidates;
}

std::vector<Triple> Extractor::Run(const Document& document, ExtractReport* report,
                                   std::vector<RelationCandidate>* candidates) const {
  std::vector<Triple> triples;
  ExtractReport skipped;
  const std::optional<internal::Date> date = internal::ParseIsoDate(document.date);
  const std::vector<TextRange> prose = ProseRanges(document.text);
  internal::MentionFinder finder(gazetteer_, date ? date->year : 0);
  const std::vector<Sentence> sentences = Segment(document.text);
  const bool sports = IsSportsReport(document.text);
  for (uint32_t i = 0; i < sentences.size(); ++i) {
    const Sentence& sentence = sentences[i];
    if (!InRanges(prose, sentence.begin)) continue;
    if (sentence.tokens.size() > options_.max_sentence_tokens ||
        sentence.end - sentence.begin > options_.max_sentence_bytes) {
      ++skipped.sentences_over_limit;
      continue;
    }
    const internal::SentenceMentions found = finder.Find(sentence.tokens);
    SentenceRelator(sentence, found, document, i, date, *syntax_, sports, relations_.get(), candidates).Run(&triples);
  }
  Deduplicate(&triples);
  if (report != nullptr) *report = skipped;
  return triples;
}

}  // namespace geokg::extract
