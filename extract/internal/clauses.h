// extract/internal/clauses.h -- the clauses of one sentence from its dependency parse, as the
// relation finder needs them: a predicate's subject (through control, conjoined verbs and light
// verbs), its objects with their prepositions, and the predicate as a present-tense phrase.
//
// Names are parsed as single words: each group of tokens the caller names (an entity mention, a
// title with its name) becomes one unit that reads as its last token ("Prime Minister Donald
// Tusk accuses" is parsed as "Tusk accuses"), which the parser, trained on short names, handles
// far better. Units are numbered in sentence order; tokens outside groups are units of their own.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "extract/syntax.h"
#include "extract/tokenizer.h"

namespace geokg::extract::internal {

struct ClauseArgument {
  uint32_t unit = 0;
  std::string preposition;  // "to" in "deploys troops to Belgium"; empty for a direct object
};

struct Clause {
  uint32_t predicate = 0;  // the verb's unit
  int subject = -1;        // unit of the subject's head, -1 when none
  bool passive = false;    // the subject is the patient ("was attacked by X"); the agent is an object with "by"
  std::vector<ClauseArgument> objects;
};

class SentenceClauses {
 public:
  // Parses `sentence` with `groups` (token ranges [begin, end), sorted, not overlapping) merged.
  SentenceClauses(const SyntaxModel& model, const Sentence& sentence,
                  const std::vector<std::pair<uint32_t, uint32_t>>& groups);

  uint32_t UnitOf(uint32_t token) const { return unit_of_[token]; }
  // The token range of a unit.
  uint32_t FirstToken(uint32_t unit) const { return first_token_[unit]; }
  uint32_t EndToken(uint32_t unit) const { return first_token_[unit + 1]; }

  // The head unit of the subject of the predicate (or event noun) at `unit`: its own subject,
  // else that of the verb it is the complement, conjunct or light-verb object of ("is expected
  // to hold", "arrived and met", "held talks"), or the noun an infinitival relative modifies
  // ("the first leader to visit"). -1 when there is none. `passive` tells whether
  // that subject is the patient of `unit` itself.
  int SubjectOf(uint32_t unit, bool* passive) const;

  // The units conjoined to `unit` ("South Korea and Japan"), before or after it, without `unit`
  // itself; nouns the parse conjoins to the verb above them count as theirs.
  std::vector<uint32_t> ConjunctsOf(uint32_t unit) const;

  // Every verbal clause with its subject and nominal objects, in sentence order.
  std::vector<Clause> Clauses() const;

  // The lemma of a unit's word, lower case.
  std::string Lemma(uint32_t unit) const;
  // The unit's head unit in the parse, -1 for the root; its relation to that head ("nsubj");
  // its universal part of speech ("VERB").
  int Head(uint32_t unit) const { return At(unit).head - 1; }
  std::string_view Deprel(uint32_t unit) const { return At(unit).deprel; }
  std::string_view Upos(uint32_t unit) const { return At(unit).upos; }
  uint32_t NumUnits() const { return static_cast<uint32_t>(parsed_.words.size()); }
  // Whether a dependent of `unit` bears `deprel` ("obj": the verb is transitive here).
  bool HasChild(uint32_t unit, std::string_view deprel) const;

  // "deploys ... to", "is attacked by": the predicate in the present tense, its particle, and
  // the preposition of `argument`.
  std::string Predicate(const Clause& clause, const ClauseArgument& argument) const;

 private:
  const Word& At(uint32_t unit) const { return parsed_.words[unit]; }
  // The subject of a finite verb the parse left without one when the sentence opens with a
  // nominal and a comma that the parse made the root; -1 otherwise.
  int OpeningSubject(uint32_t unit) const;
  // The lower-cased case marker of a nominal unit ("to"), or "".
  std::string PrepositionOf(uint32_t unit) const;
  // Appends the conjuncts below `unit`, depth first, that `out` does not hold yet.
  void AddConjuncts(uint32_t unit, std::vector<uint32_t>& out) const;

  ParsedSentence parsed_;
  std::vector<uint32_t> unit_of_;
  std::vector<uint32_t> first_token_;            // per unit, plus the end
  std::vector<std::vector<uint32_t>> children_;  // per unit, in order
};

}  // namespace geokg::extract::internal
