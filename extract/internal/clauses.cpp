#include "extract/internal/clauses.h"

#include <algorithm>

#include "extract/internal/text.h"

namespace geokg::extract::internal {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsNominal(const Word& w) { return w.upos == "NOUN" || w.upos == "PROPN"; }

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// "deploy" -> "deploys", "carry" -> "carries", "push" -> "pushes", "be" -> "is".
std::string ThirdPersonSingular(std::string lemma) {
  if (lemma == "be") return "is";
  if (lemma == "have") return "has";
  if (lemma.empty()) return lemma;
  if (lemma.size() >= 2 && lemma.back() == 'y' && !IsVowel(lemma[lemma.size() - 2]))
    return lemma.substr(0, lemma.size() - 1) + "ies";
  for (std::string_view suffix : {"s", "sh", "ch", "x", "z", "o"})
    if (EndsWith(lemma, suffix)) return lemma + "es";
  return lemma + "s";
}

}  // namespace

SentenceClauses::SentenceClauses(const SyntaxModel& model, const Sentence& sentence,
                                 const std::vector<std::pair<uint32_t, uint32_t>>& groups) {
  const auto n = static_cast<uint32_t>(sentence.tokens.size());
  Sentence compact;
  compact.begin = sentence.begin;
  compact.end = sentence.end;
  unit_of_.resize(n);
  auto group = groups.begin();
  for (uint32_t k = 0; k < n;) {
    while (group != groups.end() && group->second <= k) ++group;
    const uint32_t end =
        group != groups.end() && group->first == k && group->second > k ? std::min(group->second, n) : k + 1;
    Token unit = sentence.tokens[end - 1];
    unit.begin = sentence.tokens[k].begin;
    for (uint32_t j = k; j < end; ++j) unit_of_[j] = static_cast<uint32_t>(first_token_.size());
    first_token_.push_back(k);
    compact.tokens.push_back(unit);
    k = end;
  }
  first_token_.push_back(n);
  parsed_ = model.Analyze(compact);
  children_.resize(parsed_.words.size());
  for (uint32_t u = 0; u < parsed_.words.size(); ++u)
    if (parsed_.words[u].head > 0) children_[parsed_.words[u].head - 1].push_back(u);
}

bool SentenceClauses::HasChild(uint32_t unit, std::string_view deprel) const {
  return std::any_of(children_[unit].begin(), children_[unit].end(),
                     [&](uint32_t c) { return At(c).deprel == deprel; });
}

int SentenceClauses::SubjectOf(uint32_t unit, bool* passive) const {
  uint32_t u = unit;
  // Bounded: heads form a tree, but a few hops reach every construction we follow.
  for (int hops = 0; hops < 6; ++hops) {
    for (uint32_t c : children_[u]) {
      const std::string_view rel = At(c).deprel;
      if (rel == "nsubj" || rel == "nsubj:outer") {
        *passive = false;
        return static_cast<int>(c);
      }
      if (rel == "nsubj:pass") {
        // Through control ("is expected to hold") the passive belongs to the controlling verb.
        *passive = u == unit || HasChild(unit, "aux:pass");
        return static_cast<int>(c);
      }
    }
    const Word& w = At(u);
    if (w.head <= 0) break;
    const std::string_view rel = w.deprel;
    // "the first leader to visit Egypt": an infinitival relative's subject is the noun it modifies.
    if (rel == "acl" && std::any_of(children_[u].begin(), children_[u].end(),
                                    [&](uint32_t c) { return At(c).deprel == "mark" && Lower(At(c).form) == "to"; })) {
      *passive = false;
      return w.head - 1;
    }
    const bool event_noun_object = (rel == "obj" || rel == "obl") && (w.upos == "NOUN" || w.upos == "PROPN") &&
                                   At(static_cast<uint32_t>(w.head - 1)).upos == "VERB";
    if (rel != "xcomp" && rel != "conj" && !event_noun_object) break;
    u = static_cast<uint32_t>(w.head - 1);
  }
  *passive = false;
  return OpeningSubject(unit);
}

int SentenceClauses::OpeningSubject(uint32_t unit) const {
  // Trained on web text full of "Name, ..." openings, the parser reads "Norway, after a long
  // debate, praised Finland" as a fragment "Norway" with the clause hanging below it. A finite
  // verb without a subject under such a root takes the nominal it opens with. A past participle
  // with an object and no auxiliary is a past tense the tagger read as a participle.
  const std::string_view xpos = At(unit).xpos;
  const bool past = xpos == "VBN" && HasChild(unit, "obj") && !HasChild(unit, "aux") && !HasChild(unit, "aux:pass");
  if (xpos != "VBD" && xpos != "VBZ" && xpos != "VBP" && !past) return -1;
  for (uint32_t r = 0; r + 1 < unit; ++r)
    if (At(r).head == 0) return IsNominal(At(r)) && At(r + 1).form == "," ? static_cast<int>(r) : -1;
  return -1;
}

void SentenceClauses::AddConjuncts(uint32_t unit, std::vector<uint32_t>& out) const {
  for (uint32_t c : children_[unit])
    if (At(c).deprel == "conj" && std::find(out.begin(), out.end(), c) == out.end()) {
      out.push_back(c);
      AddConjuncts(c, out);
    }
}

std::vector<uint32_t> SentenceClauses::ConjunctsOf(uint32_t unit) const {
  // The first conjunct heads the others: "A, B and C" may hang B and C on A or C on B.
  uint32_t first = unit;
  for (int hops = 0; hops < 8 && At(first).deprel == "conj" && At(first).head > 0; ++hops)
    first = static_cast<uint32_t>(At(first).head - 1);
  std::vector<uint32_t> out = {first};
  AddConjuncts(first, out);
  // A noun the parse conjoins to a word above `first`, up to its verb ("held talks with X and
  // the Estonian leader, Y" as "talks and Y" or "held ... and Y"), is a misattached conjunct of
  // `first`: neither verbs nor the objects over `first` conjoin with an actor named after it.
  for (int up = IsNominal(At(first)) ? At(first).head : 0, hops = 0; up > 0 && hops < 6; ++hops) {
    const auto a = static_cast<uint32_t>(up - 1);
    for (uint32_t c : children_[a])
      if (c > first && At(c).deprel == "conj" && IsNominal(At(c)) &&
          std::find(out.begin(), out.end(), c) == out.end()) {
        out.push_back(c);
        AddConjuncts(c, out);
      }
    if (At(a).upos == "VERB") break;
    up = At(a).head;
  }
  out.erase(std::find(out.begin(), out.end(), unit));
  return out;
}

std::vector<Clause> SentenceClauses::Clauses() const {
  std::vector<Clause> out;
  for (uint32_t u = 0; u < parsed_.words.size(); ++u) {
    if (At(u).upos != "VERB") continue;
    Clause clause;
    clause.predicate = u;
    clause.subject = SubjectOf(u, &clause.passive);
    for (uint32_t c : children_[u]) {
      const std::string_view rel = At(c).deprel;
      if (rel != "obj" && rel != "iobj" && rel != "obl" && rel != "obl:agent") continue;
      ClauseArgument argument{c, PrepositionOf(c)};
      // "obl" without a preposition is a bare time or measure ("on Sunday" aside, "last week").
      if (rel == "obl" && argument.preposition.empty()) continue;
      clause.objects.push_back(std::move(argument));
      if (rel != "obj") continue;
      // "sends its navy to Iceland": where the parse hangs the destination on the object, the
      // verb still moves the object there.
      for (uint32_t d : children_[c])
        if (std::string p = PrepositionOf(d); At(d).deprel == "nmod" && (p == "to" || p == "into"))
          clause.objects.push_back({d, std::move(p)});
    }
    if (clause.subject >= 0 && !clause.objects.empty()) out.push_back(std::move(clause));
  }
  return out;
}

std::string SentenceClauses::PrepositionOf(uint32_t unit) const {
  std::string out;
  for (uint32_t c : children_[unit])
    if (At(c).deprel == "case") out = Lower(At(c).form);
  return out;
}

std::string SentenceClauses::Lemma(uint32_t unit) const { return Lower(At(unit).lemma); }

std::string SentenceClauses::Predicate(const Clause& clause, const ClauseArgument& argument) const {
  const Word& verb = At(clause.predicate);
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string.
  std::string phrase;
  if (clause.passive && argument.preposition != "by") {
    phrase = "is ";
    phrase += Lower(verb.form);
  } else {
    phrase = ThirdPersonSingular(Lemma(clause.predicate));
  }
  for (uint32_t c : children_[clause.predicate])
    if (At(c).deprel == "compound:prt") phrase.append(" ").append(Lower(At(c).form));
  if (!argument.preposition.empty() && !(clause.passive && argument.preposition == "by"))
    phrase.append(" ").append(argument.preposition);
  return phrase;
}

}  // namespace geokg::extract::internal
