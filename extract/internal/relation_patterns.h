// extract/internal/relation_patterns.h -- matching the wordings that express each core relation
// ("accused X of", "arrived in X", "X's minerals come from Y"; the cue file's "wording" rows,
// extract/internal/cues.h) and where their arguments stand. The index over them is built once
// and shared read-only: thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/internal/cues.h"
#include "extract/tokenizer.h"
#include "graph/relation.h"

namespace geokg::extract::internal {

struct PatternMatch {
  const Pattern* pattern = nullptr;
  uint32_t begin = 0;  // token range of the matched words
  uint32_t end = 0;
  uint32_t trigger = 0;      // the token that carries the relation (for modality)
  int slot = -1;             // token where "@" matched, or -1
  uint32_t goods_begin = 0;  // token range of "#", empty when none
  uint32_t goods_end = 0;
  bool passive = false;  // "was invited", "were attacked by X": the clause's actor is the object
};

// Every match of every pattern in `tokens`, in token order; no match starts at a capitalised word
// inside the sentence (part of a name), the first word after a dateline or an opening quotation
// mark being its first. `lemmas[k]` is the lower-case lemma
// of token k, or empty (all of them when the sentence was not parsed): a wording's "=lemma" word
// matches every form of it ("=condemn": condemns, condemning, ...). `actor_end[k]` is the end of
// the actor mention that starts at token k, or 0: an "@" lands on one, at most two tokens after
// its place, and the pattern goes on after the mention. `demonym_end[k]` is the same for
// demonyms, which the "@" of a hostile act also takes when a noun follows ("tariffs on Japanese
// goods").
std::vector<PatternMatch> MatchPatterns(const std::vector<Token>& tokens, const std::vector<std::string>& lemmas,
                                        const std::vector<uint32_t>& actor_end,
                                        const std::vector<uint32_t>& demonym_end);

// The core relation a verb names by itself when the parse gives it an actor as subject and
// another as its object (`preposition` is the object's, empty for a direct object): "praise"
// -> support, "bomb" -> attack, "collaborate with" -> cooperate. Null when it names none.
const VerbRelation* RelationOfVerb(std::string_view lemma, std::string_view preposition);

// Whether `word` (singular or plural) is what one criticises of a state or party in its words
// or policies: "the Tory plans", "Chilean policies"; not "the two German members".
bool IsVerbalTarget(std::string_view word);
// Whether `word` (singular or plural) is an act one criticises, which forces attack too: "the
// Iranian attacks", "the crackdown".
bool IsCriticisedAct(std::string_view word);

// The goods phrase of a match in its normal form ("rare earth minerals" -> "rare earths",
// "chip" -> "chips"), and whether they are weapons (CAMEO 072 rather than 061).
std::string NormalizeGoods(const std::vector<Token>& tokens, uint32_t begin, uint32_t end, bool* weapons);

}  // namespace geokg::extract::internal
