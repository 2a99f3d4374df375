// extract/internal/arguments.h -- internal: where the arguments of a relation stand in a
// sentence, one finder per construction ("Lee's visit", "Kim Jong Un welcomed", "urged Finland to
// meet Norway", "Before flying to Nairobi, the minister met ..."), over the sentence's tokens,
// its mentions and its clauses as the words mark them (clauses open at "that", "which", "but",
// reporting verbs, ", and"). The relate stage (sentence_relator.h) asks them; each returns
// nullptr (or -1) where its construction is absent.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/internal/mentions.h"
#include "extract/tokenizer.h"

namespace geokg::extract::internal {

// "'s", typographic or not.
bool IsPossessive(std::string_view t);
// Prepositions and conjunctions: after a name they end its noun phrase rather than extend it.
bool IsFunctionWord(std::string_view t);
// Whether token `k` opens a new clause, whose actor is then its own subject.
bool OpensClause(const std::vector<Token>& tokens, uint32_t k);
// Places other than capitals do not act: "the Korean peninsula faces" is no one's deed.
bool IsActor(const Mention& m);
// Where a place may stand: the destination of a visit.
bool IsPlace(const Mention& m);
// How sure we are that a mention names its entity, in [0, 1].
float Certainty(const Mention& m);

class ArgumentFinder {
 public:
  ArgumentFinder(const std::vector<Token>& tokens, const SentenceMentions& found);

  // The token where the clause holding token k starts; the mention starting at token k, or -1.
  const std::vector<uint32_t>& clause_start() const { return clause_start_; }
  const std::vector<int>& mention_at() const { return mention_at_; }

  uint32_t ClauseEnd(uint32_t k) const;
  const Mention* MentionEndingAt(uint32_t end) const;
  // The actor a nominal trigger belongs to: "South Korea's military alliance", "its allies".
  const Mention* Possessor(uint32_t begin) const;
  // The actor a "which" or "whom" clause holding token `k` refers back to, or nullptr.
  const Mention* Antecedent(uint32_t k) const;
  // The country of a demonym just before a nominal trigger: "Russian drone strikes".
  const Mention* DemonymBefore(uint32_t begin) const;
  // The verb that makes its subject the agent of a nominal event ("launched strikes", "imposes
  // new sanctions") just before `trigger`, or -1.
  int LightVerbBefore(uint32_t trigger) const;
  // The actor right before a verb, with only auxiliaries and adverbs between ("Kim Jong Un
  // welcomed", "Beijing has accused"), walking back to the head of a conjunction ("Belarus and
  // North Korea sign"); nullptr when there is none.
  const Mention* SubjectBefore(uint32_t verb) const;
  // Whether the mention at `begin` is the object of a preposition or a participle ("to
  // Nairobi", "arriving in Oslo", "in the capital, Oslo").
  bool OpensPhrase(uint32_t begin) const;
  // "Before flying to Nairobi, the minister met ...", "After arriving in Oslo, Saar met ...": an
  // opening participle's subject is the main clause's, the actor right after the comma that
  // ends the opening phrase. nullptr when `verb` does not stand in such a phrase.
  const Mention* OpeningParticipleSubject(uint32_t verb) const;
  // "accused North Korea of supplying Russia": the object before "of" does the gerund.
  const Mention* GerundSubject(uint32_t verb) const;
  // "Sweden urged Finland to meet Norway": the object of a request verb is the subject of the
  // infinitive after it. nullptr when the trigger is not such an infinitive.
  const Mention* ControlledSubject(uint32_t verb) const;
  // The first actor of the clause that holds token `k`, before `k`. `fallback` is set when the
  // clause has none and the sentence's first actor stands in.
  const Mention* ClauseActor(uint32_t k, bool* fallback) const;
  const Mention* FirstActorIn(uint32_t from, uint32_t to) const;
  // `m` and the actors conjoined to it: "South Korea and Japan", "the US and its treaty allies
  // South Korea and Japan".
  std::vector<const Mention*> Conjuncts(const Mention* m, uint32_t limit) const;

 private:
  const std::vector<Token>& tokens_;
  const SentenceMentions& found_;
  std::vector<uint32_t> clause_start_;
  std::vector<int> mention_at_;
};

}  // namespace geokg::extract::internal
