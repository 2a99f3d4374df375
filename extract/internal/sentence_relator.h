// extract/internal/sentence_relator.h -- internal: the relate stage of one sentence (docs/
// EXTRACTION.md): the roles its titles state, the wordings of relation_patterns with their
// arguments (relate_wordings.cpp), every pair of parties judged by the relation model
// (relate_pairs.cpp), `other` triples for clauses no wording covers (relate_clauses.cpp), a
// speaker's criticism or demand in what they say (relate_reported.cpp), and who attends a named
// event (relate_events.cpp).
// One SentenceRelator per sentence; not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extractor.h"
#include "extract/internal/arguments.h"
#include "extract/internal/clauses.h"
#include "extract/internal/mentions.h"
#include "extract/internal/qualifiers.h"
#include "extract/internal/relation_model.h"
#include "extract/internal/relation_patterns.h"
#include "graph/document.h"
#include "graph/triple.h"

namespace geokg::extract::internal {

class SentenceRelator {
 public:
  // The open predicate of a relation the model found: the relation as a plain verb phrase.
  static std::string_view PredicateOf(Relation relation);
  // `date` resolves times; `sports`: the article reports sport, where only roles and relations
  // sport does not mimic are kept. Without `relations`, the wordings alone relate parties;
  // `candidates`, when not null, receives every pair of parties with its features.
  SentenceRelator(const Sentence& sentence, const SentenceMentions& found, const Document& doc, uint32_t index,
                  const std::optional<Date>& date, const SyntaxModel& syntax, bool sports,
                  const RelationModel* relations, std::vector<RelationCandidate>* candidates);

  // Appends the sentence's triples to `out`. Of an attack and a criticism between the same two
  // parties only one stays: the criticism a wording of blame states, else the likelier.
  void Run(std::vector<Triple>* out);

 private:
  // The dependency parse, with every mention and title phrase parsed as one word.
  const SentenceClauses& Clauses();
  // The actor or place a parse unit stands for: the person of a title phrase ("President Lee
  // Jae-myung of South Korea"), else the mention that ends where the unit ends.
  const Mention* MentionOfUnit(uint32_t unit);
  // The actor a parse unit stands for (MentionOfUnit, places excluded); nullptr for -1.
  const Mention* ActorOfUnit(int unit);
  // The subject the parse gives the trigger's clause: "Lee, who arrived on Sunday for talks,
  // met Xi", where no actor stands right before "met". `*has_subject` tells whether the parse
  // found one at all; the result is null when that subject is no actor ("the airline ... by
  // supporting Assad") or not the agent.
  const Mention* ParsedSubject(uint32_t trigger, bool* has_subject);
  // An object and the actors conjoined to it, by the words around it or by the parse ("his
  // counterpart, Ariel Sharon, and the Palestinian leader, Mahmoud Abbas").
  std::vector<const Mention*> ObjectConjuncts(const Mention* object);
  // `m` and the actors the parse conjoins to it, as the entities a relation holds between.
  std::vector<Entity> PartiesOfUnit(const Mention* m, uint32_t unit, bool as_actor);
  // A triple of `relation` whose trigger is token `at`: modality, time and attribution from the
  // clause around it, evidence from the sentence; subject and object left to the caller.
  Triple Base(Relation relation, std::string predicate, float confidence, uint32_t at) const;
  // A wording's match and its arguments, as triples.
  void Relate(const PatternMatch& match, std::vector<Triple>* out);
  // Whether tokens_[at] is a "meet" of things, not people: "met IMF requirements", "failed to
  // meet the deadline", "met a cool reception".
  bool MetAsSatisfied(uint32_t at) const;
  // "Kim welcomed Lukashenko to Pyongyang", "invited Lee to Beijing": the guest visits the place
  // (an invitation is a visit to come, whatever its own modality).
  void RelateGuestVisit(const PatternMatch& match, const Mention& guest, float confidence, std::vector<Triple>* out);
  // A symmetric relation between every two of `parties`.
  void EmitPairs(const Pattern& p, const PatternMatch& match, const std::vector<const Mention*>& parties, float factor,
                 std::vector<Triple>* out) const;
  // The names a party may go by in a relation: its entity, and for a capital also its country.
  static std::vector<std::string> NamesOf(const Mention& m);
  // Every two parties of the sentence, judged by the relation model. The wordings' triples
  // (from `rules` on) take the model's probability of their label as their confidence, so that
  // confidence is calibrated; a relation the model finds and no wording gave becomes a triple
  // of its own. Without a model, the pairs only go to `candidates_`.
  void RelatePairs(size_t rules, std::vector<Triple>* out);
  // The triple of a relation the model found between `a` and `b` (in sentence order), unless
  // the wordings' triples out[rules, rule_end) already hold that relation for the object or
  // for the pair: where a wording filled an event's places, the model does not fill them again
  // ("A met B on his first visit to Norway": the wording gave the visit to A; "Portugal was
  // criticised by Spain": not Portugal criticising Spain).
  void EmitPair(const RelationModel::Decision& decision, const Mention& a, const Mention& b, size_t rules,
                size_t rule_end, std::vector<Triple>* out);
  // Whether `place` is (the capital of) the country whose office `person` holds, by their
  // CAMEO codes: TURGOV at home in Turkey.
  static bool IsHome(const Mention& person, const Mention& place);
  // Relations whose object may be a place: where one goes, and what force strikes ("Russian
  // drones struck Dnipro").
  static bool TakesPlace(Relation r) {
    return r == Relation::kVisit || r == Relation::kAttend || r == Relation::kAttack;
  }
  // The relations of a person's place in a state or an organisation.
  static bool IsRole(Relation r) {
    return r == Relation::kLeads || r == Relation::kOfficialOf || r == Relation::kMemberOf;
  }
  // A party of a pair: an actor, a place or a country named by its demonym, as one entity.
  static bool IsParty(const Mention& m) { return m.entities.size() == 1 && (m.is_demonym || IsActor(m) || IsPlace(m)); }
  // Below this probability a pair the wordings did not relate gives no triple: most would be
  // wrong, and the output would grow with every pair of a long sentence. Chosen on the dev
  // split (docs/EXTRACTION.md): 0.45 kept its F1 and raised precision from 0.66 to 0.71; with
  // the models of session 16, 0.50 raises it from 0.767 to 0.792 for a slightly higher F1.
  static constexpr float kMinPairProbability = 0.50f;
  // Clauses that no wording of relation_patterns covers, between an actor and another actor or
  // a place: `other` triples with the open predicate ("deploys ... to"), so that nothing the
  // sentence states between two parties is lost. Pairs a core relation already links in this
  // sentence (out[first, end)) are left to it.
  void RelateClauses(const std::vector<PatternMatch>& matches, size_t first, size_t end, std::vector<Triple>* out);
  // A named event: "a BNP meeting", "the Offshore Technology Conference", "a meeting of the
  // Metropolitan Police Authority" (named by the body that meets), "the annual meeting of the
  // Trilateral Commission" (named as written).
  struct EventPhrase {
    uint32_t begin = 0;  // token range of the phrase, without its determiner
    uint32_t end = 0;
    uint32_t head = 0;  // "meeting", "summit", ...
    Entity event;
    std::vector<const Mention*> organisers;  // mentions inside the phrase
  };
  std::vector<EventPhrase> EventPhrases() const;
  // The name of the event that tokens [begin, end) write, without its organisers' possessive
  // marks ("ADB's annual meeting" is the ADB annual meeting).
  std::string EventName(uint32_t begin, uint32_t end) const;
  // Who attends a named event: "X attended a BNP meeting", "X told a House subcommittee hearing",
  // "X took part in the summit", "X said at the Offshore Technology Conference", "At the NATO
  // summit, X said", "X, speaking at the IMF and World Bank annual meeting, said", "unions met X
  // at Labour's spring conference". An organiser is no event of its own: attend triples in
  // out[first, end) whose object is one (a wording's or the model's) attend the event instead.
  void RelateAttendance(size_t first, std::vector<Triple>* out);
  // A speaker's complement clause that condemns an actor, its subject or the subject's owner,
  // is the speaker's criticism of it: "X said Y had failed", "Y's plans were a shambles, X
  // argued"; one that says what its subject must do is the speaker's demand: "X said Y must
  // withdraw". Pairs already so related in out[first, end) are left.
  void RelateReportedSpeech(size_t first, std::vector<Triple>* out);

  const std::vector<Token>& tokens_;
  const Sentence& sentence_;
  const SentenceMentions& found_;
  const Document& doc_;
  uint32_t index_;
  const std::optional<Date>& date_;
  const SyntaxModel& syntax_;
  bool sports_;
  const RelationModel* relations_;
  std::vector<RelationCandidate>* candidates_;
  ArgumentFinder args_;
  std::optional<SentenceClauses> clauses_;  // parsed on first use
  std::vector<uint32_t> actor_end_;         // per token: the end of the actor or place starting there, or 0
  std::vector<uint32_t> demonym_end_;       // the same for demonyms
};

}  // namespace geokg::extract::internal
