#include "extract/internal/relation_patterns.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>

#include "extract/internal/cues.h"
#include "extract/internal/mentions.h"
#include "extract/internal/text.h"

namespace geokg::extract::internal {
namespace {

using enum Relation;
using enum Frame;

struct CompiledWord {
  enum Kind : uint8_t { kLiteral, kSkip, kSlot, kGoods } kind;
  std::vector<std::string> alternatives;  // forms, lower case
  std::vector<std::string> lemmas;        // "=lemma" alternatives, without the "="
};

struct CompiledPattern {
  const Pattern* pattern;
  std::vector<CompiledWord> words;
};

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Patterns indexed by the forms and the lemmas of their first word.
struct Index {
  std::vector<CompiledPattern> patterns;
  std::unordered_map<std::string, std::vector<size_t>> by_first_word;
  std::unordered_map<std::string, std::vector<size_t>> by_first_lemma;
};

CompiledWord Literal(const std::string& word) {
  CompiledWord compiled{CompiledWord::kLiteral, {}, {}};
  for (std::string& alternative : Split(word, '|')) {
    if (alternative.size() > 1 && alternative[0] == '=')
      compiled.lemmas.push_back(alternative.substr(1));
    else
      compiled.alternatives.push_back(std::move(alternative));
  }
  return compiled;
}

const Index& PatternIndex() {
  static const Index index = [] {
    Index built;
    for (const Pattern& p : Cues().wordings) {
      CompiledPattern cp{&p, {}};
      for (const std::string& w : Split(p.words, ' ')) {
        if (w == "*")
          cp.words.push_back({CompiledWord::kSkip, {}, {}});
        else if (w == "@")
          cp.words.push_back({CompiledWord::kSlot, {}, {}});
        else if (w == "#")
          cp.words.push_back({CompiledWord::kGoods, {}, {}});
        else
          cp.words.push_back(Literal(w));
      }
      for (const std::string& first : cp.words.front().alternatives)
        built.by_first_word[first].push_back(built.patterns.size());
      for (const std::string& first : cp.words.front().lemmas)
        built.by_first_lemma[first].push_back(built.patterns.size());
      built.patterns.push_back(std::move(cp));
    }
    return built;
  }();
  return index;
}

bool Breaks(std::string_view t) { return t == "." || t == ";" || t == ":" || t == "!" || t == "?"; }

bool IsPreposition(std::string_view t) { return IsCue(Cue::kSlotPreposition, t); }

bool IsQuote(std::string_view t) {
  return t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D";  // " and curly quotes
}

bool IsPossessivePronoun(std::string_view t) { return IsCue(Cue::kPossessivePronoun, t); }

bool IsPossessiveMark(std::string_view t) { return t == "'s" || t == "\xE2\x80\x99s"; }

// An actor after one of these belongs to another clause: "rejects reports that Iran ...".
bool LeadsIntoOtherClause(std::string_view t) { return t == "," || IsCue(Cue::kOtherClauseOpener, t); }

bool IsWord(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(),
                                   [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-'; });
}

bool IsGoodsWord(std::string_view t) {
  if (t.empty() || IsCue(Cue::kGoodsStopWord, t)) return false;
  return std::all_of(t.begin(), t.end(),
                     [](char c) { return std::islower(static_cast<unsigned char>(c)) || c == '-'; });
}

class Matcher {
 public:
  // With `passive`, a final "@" may find no actor: "South Africa will not be invited"; with
  // `relative`, neither: "Cyprus, which Turkey does not recognize".
  Matcher(const std::vector<Token>& tokens, const std::vector<std::string>& lemmas,
          const std::vector<uint32_t>& actor_end, const std::vector<uint32_t>& demonym_end, const CompiledPattern& p,
          bool passive, bool relative)
      : tokens_(tokens),
        lemmas_(lemmas),
        actor_end_(actor_end),
        demonyms_(demonym_end),
        // "attacked the Iraqi positions", "criticised the Tory proposals": a demonym before what is
        // attacked or criticised stands for its state or party.
        demonym_slot_(p.pattern->strict_agent || p.pattern->relation == kAttack || p.pattern->relation == kCriticize),
        words_(p.words),
        criticism_(p.pattern->relation == kCriticize),
        passive_(passive),
        final_slot_optional_(passive || relative) {}

  // Whether words_[w...] match from token k; fills `m`.
  bool Match(size_t w, uint32_t k, PatternMatch* m) const {
    if (w == words_.size()) {
      m->end = k;
      return true;
    }
    const CompiledWord& word = words_[w];
    switch (word.kind) {
      case CompiledWord::kLiteral: {
        if (k >= tokens_.size()) return false;
        const std::string t = Lower(tokens_[k].text);
        if (std::find(word.alternatives.begin(), word.alternatives.end(), t) == word.alternatives.end() &&
            (k >= lemmas_.size() || lemmas_[k].empty() ||
             std::find(word.lemmas.begin(), word.lemmas.end(), lemmas_[k]) == word.lemmas.end()))
          return false;
        return Match(w + 1, k + 1, m);
      }
      case CompiledWord::kSkip: {
        // A gap may hold a whole apposition (", essential for chips,") but not end inside one,
        // and never crosses the end of a clause. Quotation marks cost nothing and commas inside
        // a quotation are the quotation's: 'a "political, legal and asymmetric" response'.
        int commas = 0;
        bool quoted = false;
        uint32_t words = 0;
        for (uint32_t skip = 0; skip <= 12 && words <= 8 && k + skip <= tokens_.size(); ++skip) {
          if (skip > 0) {
            const std::string_view t = tokens_[k + skip - 1].text;
            if (Breaks(t)) return false;
            if (IsQuote(t)) {
              quoted = !quoted;
            } else if (t == "," && !quoted) {
              if (skip == 1 || commas == 1)
                ++commas;
              else
                return false;
              ++words;
            } else {
              ++words;
            }
          }
          if (!quoted && ((commas == 0 && words <= 6) || commas == 2))
            if (Match(w + 1, k + skip, m)) return true;
        }
        return false;
      }
      case CompiledWord::kSlot:
        // "meets with the foreign ministers of France": the officials stand for their state.
        // A name that starts with such words stays whole: "the State of Palestine".
        if (uint32_t of = RepresentativesOf(k); of > k && actor_end_[k] == 0 && actor_end_[k + 1] == 0) k = of;
        // "visiting the town of Pandeglang": the place, not the word for its kind.
        if (k + 3 < tokens_.size() && Lower(tokens_[k].text) == "the" &&
            IsCue(Cue::kPlaceKind, Lower(tokens_[k + 1].text)) && tokens_[k + 2].text == "of" &&
            actor_end_[k + 3] > k + 3)
          k += 3;
        // "sanctions on Russian energy companies Lukoil and Rosneft", "expels the state news agency
        // Lusa": a descriptor ending in a kind of organisation introduces the name after it.
        k = NameAfterDescriptor(k);
        // "the group's leader Hemedti": the possessor phrase before a titled person.
        if (k + 3 < tokens_.size() && Lower(tokens_[k].text) == "the" && IsPossessiveMark(tokens_[k + 2].text)) k += 3;
        for (uint32_t skip = 0; skip <= 2 && k + skip < tokens_.size(); ++skip) {
          // "warns its citizens": a possessive before a common noun owns the object, it is not it.
          if (IsPossessivePronoun(tokens_[k + skip].text) && k + skip + 1 < tokens_.size() &&
              IsGoodsWord(tokens_[k + skip + 1].text))
            break;
          if (actor_end_[k + skip] > k + skip) {
            m->slot = static_cast<int>(k + skip);
            return Match(w + 1, actor_end_[k + skip], m);
          }
          if (const uint32_t end = demonym_slot_ ? demonyms_[k + skip] : 0;
              end > k + skip && end < tokens_.size() && IsGoodsWord(tokens_[end].text) &&
              (!criticism_ || IsVerbalTarget(tokens_[end].text) || IsCriticisedAct(tokens_[end].text))) {
            m->slot = static_cast<int>(k + skip);
            return Match(w + 1, end, m);
          }
          // Determiners and adjectives may come first; a preposition or a new clause may not:
          // in "accuses him of undermining Bosnia", Bosnia is not the accused.
          const std::string_view t = tokens_[k + skip].text;
          if (Breaks(t) || LeadsIntoOtherClause(t) || IsPreposition(Lower(t))) break;
        }
        if (final_slot_optional_ && w + 1 == words_.size()) {
          m->end = k;
          m->passive = passive_;
          return true;
        }
        return false;
      case CompiledWord::kGoods: {
        uint32_t longest = k;
        while (longest < tokens_.size() && longest - k < 4 && IsGoodsWord(tokens_[longest].text)) ++longest;
        for (uint32_t e = longest; e > k; --e) {
          m->goods_begin = k;
          m->goods_end = e;
          if (Match(w + 1, e, m)) return true;
        }
        return false;
      }
    }
    return false;
  }

 private:
  // The token where a name starts after "[the] [demonym] <lower-case words> <kind of
  // organisation>" at k, or k.
  uint32_t NameAfterDescriptor(uint32_t k) const {
    uint32_t i = k;
    if (i < tokens_.size() && (Lower(tokens_[i].text) == "the" || Lower(tokens_[i].text) == "a")) ++i;
    for (uint32_t words = 0; i + 1 < tokens_.size() && words < 5; ++words) {
      const std::string word = Lower(tokens_[i].text);
      if (IsCue(Cue::kOrganizationKind, word) && actor_end_[i + 1] > i + 1) return i + 1;
      if (words == 0 && std::max(actor_end_[i], demonyms_[i]) > i)
        i = std::max(actor_end_[i], demonyms_[i]);  // the state that describes it: "Russian", "U.S."
      else if (IsGoodsWord(tokens_[i].text) && !IsPreposition(word))
        ++i;
      else
        break;
    }
    return k;
  }
  // The token after "[the] <officials> of" at k ("the foreign ministers of"), or k.
  uint32_t RepresentativesOf(uint32_t k) const {
    uint32_t i = k;
    if (i < tokens_.size() && Lower(tokens_[i].text) == "the") ++i;
    const uint32_t words = i;
    // Adjectives may be names: "the Middle Eastern sheikhdom of Qatar".
    while (i < tokens_.size() && i - words < 3 && IsWord(tokens_[i].text) && tokens_[i].text != "of") ++i;
    if (i == words || i >= tokens_.size() || tokens_[i].text != "of") return k;
    const std::string head = Lower(tokens_[i - 1].text);
    if (!IsCue(Cue::kRepresentativeHead, head)) return k;
    return i + 1;
  }

  const std::vector<Token>& tokens_;
  const std::vector<std::string>& lemmas_;
  const std::vector<uint32_t>& actor_end_;
  const std::vector<uint32_t>& demonyms_;  // where a demonym starting at a token ends, or 0
  bool demonym_slot_;  // a demonym fills the slot: the pattern names a hostile act, force or criticism
  const std::vector<CompiledWord>& words_;
  bool criticism_;  // a demonym is criticised only through its words or acts ("the Tory plans")
  bool passive_;
  bool final_slot_optional_;
};

// Whether tokens[k] stands in an object relative clause: ", which Turkey does not recognize".
bool InObjectRelative(const std::vector<Token>& tokens, uint32_t k) {
  for (uint32_t j = k; j-- > 0 && k - j <= 6;) {
    const std::string w = Lower(tokens[j].text);
    if ((w == "which" || w == "whom") && j > 0 && tokens[j - 1].text == ",") return true;
    if (w == "," || Breaks(w)) return false;
  }
  return false;
}

// Whether tokens[k] is a participle after a form of "be" or "get", adverbs and "not" allowed
// between: "will not be invited", "was reportedly attacked".
bool IsPassive(const std::vector<Token>& tokens, uint32_t k) {
  const std::string_view verb = tokens[k].text;
  if (verb.size() < 4 || (verb.substr(verb.size() - 2) != "ed" && !IsCue(Cue::kIrregularParticiple, verb)))
    return false;
  for (uint32_t j = k; j-- > 0 && k - j <= 3;) {
    const std::string w = Lower(tokens[j].text);
    if (IsCue(Cue::kPassiveAuxiliary, w)) return true;
    if (!IsCue(Cue::kPassiveAdverb, w) && !(w.size() > 3 && w.substr(w.size() - 2) == "ly")) return false;
  }
  return false;
}

// Whether `t` or its singular ("plans", "policies") is in the list `cue`.
bool InListAsSingular(Cue cue, std::string_view t) {
  const std::string word = Lower(t);
  const std::string singular = word.ends_with("ies") ? word.substr(0, word.size() - 3) + "y"
                               : word.ends_with('s') ? word.substr(0, word.size() - 1)
                                                     : word;
  return IsCue(cue, word) || IsCue(cue, singular);
}

}  // namespace

bool IsVerbalTarget(std::string_view word) { return InListAsSingular(Cue::kVerbalTarget, word); }

bool IsCriticisedAct(std::string_view word) { return InListAsSingular(Cue::kCriticisedAct, word); }

std::vector<PatternMatch> MatchPatterns(const std::vector<Token>& tokens, const std::vector<std::string>& lemmas,
                                        const std::vector<uint32_t>& actor_end,
                                        const std::vector<uint32_t>& demonym_end) {
  const Index& index = PatternIndex();
  std::vector<PatternMatch> matches;
  std::vector<size_t> candidates;
  uint32_t covered = 0;  // a token inside a match does not start another one
  // The sentence's first word, capitalised whatever it is: past a wire story's dateline ("PARIS,
  // March 13 - Talks between ...") and opening quotation marks.
  uint32_t opening = MentionFinder::Dateline(tokens).second;
  while (opening < tokens.size() && IsQuote(tokens[opening].text)) ++opening;
  for (uint32_t k = 0; k < tokens.size(); ++k) {
    // A capitalised word inside a sentence is part of a name ("Economic Cooperation forum").
    if (k < covered || (k > opening && std::isupper(static_cast<unsigned char>(tokens[k].text[0])))) continue;
    candidates.clear();
    if (auto it = index.by_first_word.find(Lower(tokens[k].text)); it != index.by_first_word.end())
      candidates = it->second;
    if (k < lemmas.size() && !lemmas[k].empty())
      if (auto it = index.by_first_lemma.find(lemmas[k]); it != index.by_first_lemma.end()) {
        // The file's order decides which wording wins, whether a form or a lemma matched.
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      }
    for (size_t p : candidates) {
      PatternMatch m;
      m.pattern = index.patterns[p].pattern;
      m.begin = k;
      if (!Matcher(tokens, lemmas, actor_end, demonym_end, index.patterns[p], IsPassive(tokens, k),
                   InObjectRelative(tokens, k))
               .Match(0, k, &m))
        continue;
      // The trigger is the first content word: "'s ... come from" is carried by "come".
      m.trigger = k;
      const std::vector<std::string>& first = index.patterns[p].words.front().alternatives;
      if (!first.empty() && first.front() == "'s") m.trigger = m.end - 2;
      matches.push_back(m);
      covered = m.slot >= 0 ? static_cast<uint32_t>(m.slot) : m.end;
      break;
    }
  }
  return matches;
}

const VerbRelation* RelationOfVerb(std::string_view lemma, std::string_view preposition) {
  for (const Verb& verb : Cues().verbs)
    if (verb.lemma == lemma && verb.preposition == preposition) return &verb.relation;
  return nullptr;
}

std::string NormalizeGoods(const std::vector<Token>& tokens, uint32_t begin, uint32_t end, bool* weapons) {
  static const std::unordered_map<std::string_view, std::string_view> kNormal(Cues().goods_names.begin(),
                                                                              Cues().goods_names.end());
  std::string goods;
  for (uint32_t k = begin; k < end; ++k) {
    const std::string w = Lower(tokens[k].text);
    if (IsCue(Cue::kGoodsDroppedWord, w)) continue;
    if (!goods.empty()) goods += ' ';
    goods += w;
  }
  if (auto it = kNormal.find(goods); it != kNormal.end()) goods = it->second;
  *weapons = IsCue(Cue::kWeapons, goods);
  return goods;
}

}  // namespace geokg::extract::internal
