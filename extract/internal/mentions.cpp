#include "extract/internal/mentions.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <unordered_map>

#include "extract/internal/cues.h"
#include "extract/internal/text.h"

namespace geokg::extract::internal {
namespace {

// "SIEG.F", "TDRI": no lower-case letter, so an abbreviation or code rather than a name word.
bool AllCapitals(std::string_view t) {
  return std::none_of(t.begin(), t.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

bool IsPossessive(std::string_view t) { return t == "'s" || t == "\xE2\x80\x99s" || t == "'" || t == "\xE2\x80\x99"; }

// Whether `word` is one of the title's words.
bool HasWord(const Title& title, std::string_view word) {
  return std::find(title.words.begin(), title.words.end(), word) != title.words.end();
}

// A title's words, lower case and separated by spaces: "prime minister".
std::string TitleWords(const Title& title) {
  std::string words;
  for (std::string_view w : title.words) {
    if (w.empty()) continue;
    if (!words.empty()) words += ' ';
    words.append(w);
  }
  return words;
}

// Whether `office` ("President", "prime minister") heads a state or government.
bool IsLeaderOffice(std::string_view office) {
  const std::string lower = Lower(office);
  return std::ranges::any_of(Cues().titles, [&](const Title& title) {
    return title.relation == Relation::kLeads && lower == TitleWords(title);
  });
}

// Whether a company or another organisation may hold the office a title names ("chairman",
// "analyst"), not only a state ("foreign minister", "senator").
bool OrganizationMayHold(const Title& title) {
  return title.needs_owner || IsCue(Cue::kOrganizationOffice, TitleWords(title));
}

// Whether a title names an office that a city or a region has, whose holder serves that place
// rather than the state it lies in ("Istanbul mayor", "the governor of Odesa Oblast",
// "California Attorney General").
bool IsLocalOffice(const Title& title) { return IsCue(Cue::kLocalOffice, TitleWords(title)); }

// Whether a title names an office of a state's government that no organisation or region holds
// ("energy minister", "undersecretary"; not "secretary general", "premier").
bool IsCabinetOffice(const Title& title) {
  return !OrganizationMayHold(title) && !IsLocalOffice(title) &&
         std::ranges::any_of(title.words, [](std::string_view w) { return IsCue(Cue::kCabinetWord, w); });
}

// Whether a one-word title is also a common surname: "Stephen King", "Carole King".
bool IsSurnameToo(const Title& title) { return title.words[1].empty() && IsCue(Cue::kSurnameTitle, title.words[0]); }

// The kind of office a title names when the lexicon's office `held` is worded otherwise
// ("Chancellor" for "Chancellor of the Exchequer"): the lexicon's office says; else the title's.
Relation KindOfOffice(const Term& held, std::string_view title, Relation titled) {
  if (held.office.empty() || Lower(held.office) == Lower(title)) return titled;
  return IsLeaderOffice(held.office) ? Relation::kLeads : Relation::kOfficialOf;
}

// The relation a title gives its holder to `of`: a legislator is a member of a party or a
// parliament but an official of a country.
Relation RoleRelation(Relation titled, const Entity& of) {
  return titled == Relation::kMemberOf && of.type == EntityType::kCountry ? Relation::kOfficialOf : titled;
}

// Whether `word` is the plural of the title word `title`: "ministers", "secretaries", "MPs".
bool IsPluralOf(std::string_view word, std::string_view title) {
  if (word.size() == title.size() + 1) return word.starts_with(title) && word.back() == 's';
  return title.ends_with("y") && word.size() == title.size() + 2 && word.ends_with("ies") &&
         word.substr(0, title.size() - 1) == title.substr(0, title.size() - 1);
}

// The titles by their first word, each list longest first, so that the first match is the
// longest ("general secretary" before "general").
const std::unordered_map<std::string_view, std::vector<const Title*>>& TitlesByFirstWord() {
  static const auto* index = [] {
    auto* m = new std::unordered_map<std::string_view, std::vector<const Title*>>();
    for (const Title& title : Cues().titles) (*m)[title.words[0]].push_back(&title);
    const auto length = [](const Title* t) {
      return std::ranges::count_if(t->words, [](const auto& w) { return !w.empty(); });
    };
    for (auto& [first, titles] : *m)
      std::ranges::stable_sort(titles, [&](const Title* a, const Title* b) { return length(a) > length(b); });
    return m;
  }();
  return *index;
}

// The title that starts at tokens[i], or nullptr; `length` receives its token count. With
// `plural`, the title's plural ("Labour MPs", "French ministers", "defence secretaries"); not
// "leaders", whose holders lead the owner's members ("EU leaders"), nor the staff an
// organisation has ("officials", "analysts"), which name no one in particular.
const Title* MatchTitle(const std::vector<Token>& tokens, uint32_t i, uint32_t* length, bool plural = false) {
  if (i >= tokens.size()) return nullptr;
  // Candidates: the titles that begin with the word; for a plural, also the one-word titles
  // whose plural it is ("ministers" without "s", "secretaries" with "y" for "ies"). This runs at
  // every word, so the keys live on the stack.
  // "ex-minister": a past office is still the office.
  std::string_view word = tokens[i].text;
  if (word.size() > 3 && word.starts_with("ex-")) word.remove_prefix(3);
  std::array<std::string, 3> keys = {Lower(word)};
  const std::string& first = keys[0];
  if (plural && first.ends_with("s")) keys[1] = first.substr(0, first.size() - 1);
  if (plural && first.ends_with("ies")) keys[2] = first.substr(0, first.size() - 3) + "y";
  const auto& index = TitlesByFirstWord();
  for (const std::string& key : keys) {
    if (key.empty()) continue;
    const auto found = index.find(key);
    if (found == index.end()) continue;
    for (const Title* title : found->second) {
      uint32_t n = 0;
      while (n < title->words.size() && !title->words[n].empty()) ++n;
      if (i + n > tokens.size() || (plural && (title->words[n - 1] == "leader" || title->needs_owner))) continue;
      bool match = true;
      for (uint32_t k = 0; k < n && match; ++k) {
        const std::string word = k == 0 ? first : Lower(tokens[i + k].text);
        match = plural && k + 1 == n ? IsPluralOf(word, title->words[k]) : word == title->words[k];
      }
      if (match) {
        *length = n;
        // "chief economist", "chief corporate trader": "chief" ranks the office after it, which
        // says what the person is (an economist is an official, not the head).
        if (n == 1 && !plural && title->words[0] == "chief")
          for (uint32_t k = i + 1; k <= i + 2 && k < tokens.size(); ++k) {
            uint32_t later_length = 0;
            if (const Title* later = MatchTitle(tokens, k, &later_length); later != nullptr) {
              *length = k + later_length - i;
              return later;
            }
            if (tokens[k].text.empty() || !std::islower(static_cast<unsigned char>(tokens[k].text[0]))) break;
          }
        return title;
      }
    }
  }
  return nullptr;
}

std::string TitleText(const std::vector<Token>& tokens, uint32_t begin, uint32_t end) {
  std::string text;
  for (uint32_t k = begin; k < end; ++k) {
    if (k > begin && tokens[k - 1].space_after) text += ' ';
    text += tokens[k].text;
  }
  return text;
}

// A run of up to four capitalised name tokens at tokens[i] ("Lee", "Jae-myung").
// Lower-case parts of names: "Abdel Fattah el-Sisi", "Ursula von der Leyen", "Luigi Di Maio".
bool IsNameParticle(std::string_view t) {
  if (IsCue(Cue::kNameParticle, t)) return true;
  return (t.rfind("el-", 0) == 0 || t.rfind("al-", 0) == 0 || t.rfind("bin-", 0) == 0) && t.size() > 3;
}

// Whether `t` starts with a letter: an ASCII one, or a two-byte UTF-8 letter of the Latin,
// Greek or Cyrillic scripts ("İmamoğlu", "Émile", "Özel"), not a symbol such as "×" or a dash.
bool StartsWithLetter(std::string_view t) {
  if (t.empty()) return false;
  const auto c = static_cast<unsigned char>(t[0]);
  if (c < 0x80) return std::isalpha(c) != 0;
  const auto next = t.size() > 1 ? static_cast<unsigned char>(t[1]) : 0;
  return c >= 0xC3 && c <= 0xD4 && !(c == 0xC3 && (next == 0x97 || next == 0xB7));
}

// Whether `t` ends in a lower-case part after a hyphen ("Houston-based", "Trouble-hit",
// "Japanese-owned"): it describes what follows and opens or ends no organisation's name.
bool EndsInLowerCasePart(std::string_view t) {
  const size_t hyphen = t.rfind('-');
  return hyphen != std::string_view::npos && hyphen + 2 < t.size() &&
         std::islower(static_cast<unsigned char>(t[hyphen + 1])) &&
         std::islower(static_cast<unsigned char>(t[hyphen + 2]));
}

// Whether `t` is a place or a name compounded with a participle ("Paris-based", "Israeli-backed",
// "state-owned"): it describes what follows and is no part of a name.
bool IsParticipleCompound(std::string_view t) {
  const size_t hyphen = t.rfind('-');
  if (hyphen == std::string_view::npos || hyphen + 3 > t.size()) return false;
  const std::string_view last = t.substr(hyphen + 1);
  return std::islower(static_cast<unsigned char>(last[0])) && (last.ends_with("ed") || last == "born" || last == "run");
}

bool IsNameToken(std::string_view t) {
  return Capitalized(t) && StartsWithLetter(t) && t.back() != '.' && !IsCue(Cue::kThingWord, t) &&
         !IsCue(Cue::kOrganizationHead, t) && !IsCue(Cue::kPostNominal, t) && !IsParticipleCompound(t);
}

// A run of up to five name tokens at tokens[i] ("Lee", "Jae-myung"); a particle counts inside
// a name, before a capitalised token or as its hyphenated last part ("el-Sisi").
uint32_t NameRun(const std::vector<Token>& tokens, uint32_t i) {
  uint32_t n = 0;
  while (i + n < tokens.size() && n < 5) {
    const std::string_view t = tokens[i + n].text;
    // "von der Leyen": particles may follow each other before the name resumes.
    bool next_is_name = false;
    for (uint32_t k = i + n + 1; k < tokens.size() && k <= i + n + 2; ++k) {
      if (IsNameToken(tokens[k].text)) {
        next_is_name = true;
        break;
      }
      if (!IsNameParticle(tokens[k].text)) break;
    }
    // "John F. Kennedy", "A. Karas": an initial inside a name or opening one.
    const bool initial = t.size() == 2 && std::isupper(static_cast<unsigned char>(t[0])) && t[1] == '.';
    if (IsNameToken(t) || (initial && next_is_name) ||
        (n > 0 && IsNameParticle(t) && (next_is_name || t.find('-') != std::string_view::npos))) {
      ++n;
      continue;
    }
    break;
  }
  return n;
}

// Whether a second rank stands in tokens [begin, end) before a leading office, which makes its
// holder serve the one who leads ("deputy director general", "vice chairwoman"); an acting head
// leads.
bool SecondRankIn(const std::vector<Token>& tokens, uint32_t begin, uint32_t end) {
  for (uint32_t k = begin; k < end; ++k)
    if (const std::string word = Lower(tokens[k].text); word != "acting" && IsCue(Cue::kSecondRank, word)) return true;
  return false;
}

// Whether an office an organisation may hold starts at tokens[i] with a name after it: the
// capitalised words before such an office name its organisation, not a person ("Verdana Boerse
// chief Otto Brenner").
bool OrganizationOfficeWithName(const std::vector<Token>& tokens, uint32_t i) {
  while (i < tokens.size() && IsCue(Cue::kSecondRank, tokens[i].text)) ++i;  // "deputy chairman"
  uint32_t length = 0;
  const Title* title = MatchTitle(tokens, i, &length);
  return title != nullptr && OrganizationMayHold(*title) && NameRun(tokens, i + length) > 0;
}

// Capitalised at the start of a sentence, but never the first word of an organisation's name.
bool IsCommonCapitalizedWord(std::string_view t) { return IsCue(Cue::kCommonCapitalized, t); }

// "15th", "2nd", "first": a rank in a series ("the 15th vice president").
bool IsOrdinal(std::string_view t) {
  if (IsCue(Cue::kOrdinalWord, t)) return true;
  size_t digits = 0;
  while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits]))) ++digits;
  const std::string_view suffix = t.substr(digits);
  return digits > 0 && (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th");
}

// The end of a capitalised phrase from tokens[i] that ends in an organisation's head word
// ("Brazilian Coffee Institute", "Darfur Joint Protection Force"), or 0. `names_place(k)`: whether
// a known place's name starts at tokens[k].
template <class NamesPlace>
uint32_t OrganizationPhraseEnd(const std::vector<Token>& tokens, uint32_t i, const NamesPlace& names_place) {
  const auto n = static_cast<uint32_t>(tokens.size());
  uint32_t end = i;
  uint32_t last_head = 0;
  while (end < n && end - i < 8 &&
         (Capitalized(tokens[end].text) || ((tokens[end].text == "of" || tokens[end].text == "for" ||
                                             ((tokens[end].text == "and" || tokens[end].text == "&") &&
                                              !IsCue(Cue::kLegalForm, tokens[end - 1].text))) &&
                                            end + 1 < n && Capitalized(tokens[end + 1].text)))) {
    if (IsCue(Cue::kOrganizationHead, tokens[end].text)) last_head = end + 1;
    ++end;
    // "Bank of Israel Governor Michael Bruno": an office after the name is no part of it.
    if (uint32_t length = 0; end < n && MatchTitle(tokens, end, &length) != nullptr) break;
  }
  // "Massachusetts Institute of Technology", "Japan Chamber of Commerce and Industry": one or
  // two words after the head complete it ("Council for Rural Welfare"). A place there is where
  // the organisation is ("Cato Institute of Washington", "the Foreign Ministry of Iran"), except
  // for a central bank, an organisation of its own named after its state ("Bank of Spain");
  // longer runs are too often followed by someone's name.
  const bool bank_of = last_head > 0 && tokens[last_head - 1].text == "Bank";
  if (last_head > 0 && last_head + 1 < end && (tokens[last_head].text == "of" || tokens[last_head].text == "for") &&
      (bank_of || !names_place(last_head + 1))) {
    const uint32_t complement = end - last_head - 1;
    if (complement <= 2 || (complement == 3 && tokens[last_head + 2].text == "and")) last_head = end;
  }
  return last_head;
}

bool IsHonorific(std::string_view t) { return IsCue(Cue::kHonorific, t); }

// The end of an organisation's name the lexicon does not know, from tokens[i]: capitalised
// words, joined by "&", "and", "of", "for" or a name particle before another one ("Brandt
// Fischer & Co", "Petroleos de Venezuela", "Institute for Fiscal Studies"), at most six; i when
// there is none. A lone common word ("Research") or adjective ("Socialist"), an office's word or
// a place's adjective ("Houston-based") names none.
uint32_t UnknownOrganizationEnd(const std::vector<Token>& tokens, uint32_t i, const NerTagger* ner) {
  const auto n = static_cast<uint32_t>(tokens.size());
  if (i >= n || !Capitalized(tokens[i].text) || IsCue(Cue::kPortfolioWord, tokens[i].text) ||
      IsMonthOrDay(tokens[i].text) || IsCommonCapitalizedWord(tokens[i].text))
    return i;
  uint32_t title_length = 0;
  if (MatchTitle(tokens, i, &title_length) != nullptr) return i;
  uint32_t end = i + 1;
  while (end < n && end - i < 6) {
    const std::string_view t = tokens[end].text;
    const bool joins = (t == "&" || t == "and" || t == "of" || t == "for" || IsNameParticle(t)) && end + 1 < n &&
                       Capitalized(tokens[end + 1].text);
    if (joins)
      end += 2;
    else if (Capitalized(t))
      ++end;
    else
      break;
  }
  for (uint32_t k = i; k < end; ++k)
    if (EndsInLowerCasePart(tokens[k].text)) return i;
  const std::string_view first = tokens[i].text;
  if (end == i + 1 &&
      ((ner != nullptr && ner->IsCommonWord(first)) ||
       std::ranges::any_of(CueWords(Cue::kAdjectiveEnding), [&](std::string_view e) { return first.ends_with(e); })))
    return i;
  return end;
}

// The organisation the lexicon does not know after an office's "of", "at" or "for" at
// tokens[at], past "the" and up to three lower-case words saying what it is ("of the campaign
// group Liberty"): its token range, or {0, 0}. `known(k)`: whether the lexicon names something
// from tokens[k] (a state's "Moscow's Sovlink Securities" is not this).
template <class Known>
std::pair<uint32_t, uint32_t> OrganizationAfter(const std::vector<Token>& tokens, uint32_t at, const NerTagger* ner,
                                                const Known& known) {
  const auto n = static_cast<uint32_t>(tokens.size());
  if (at + 1 >= n || !(tokens[at].text == "of" || tokens[at].text == "at" || tokens[at].text == "for")) return {0, 0};
  uint32_t k = at + 1;
  if (Lower(tokens[k].text) == "the") ++k;
  const auto describing = [&](uint32_t w) {
    return w < n && !tokens[w].text.empty() && std::islower(static_cast<unsigned char>(tokens[w].text[0])) &&
           !IsCue(Cue::kFunctionWord, tokens[w].text);
  };
  // A known name before a describing noun describes too: "of French sugar producer Sucrelle".
  for (uint32_t words = 0; words < 3 && (describing(k) || (known(k) && describing(k + 1))); ++words) ++k;
  // "of the West German Federation of Banks": a known name may open the organisation's name.
  const uint32_t end = known(k) ? OrganizationPhraseEnd(tokens, k, known) : UnknownOrganizationEnd(tokens, k, ner);
  if (end <= k || (known(k) && end == k + 1)) return {0, 0};
  // Where the name ends, the phrase ends: a comma, a stop, a clause's first word; not a
  // possessive or a noun ("Norlink's Mase unit", "the Gulf desk", "the World Bank delegation").
  if (end < n) {
    const std::string_view t = tokens[end].text;
    if (IsPossessive(t) ||
        (!t.empty() && std::islower(static_cast<unsigned char>(t[0])) && !IsCue(Cue::kFunctionWord, t) &&
         !IsCue(Cue::kReportingVerb, t) && t != "who" && t != "which" && t != "that"))
      return {0, 0};
  }
  return {k, end};
}

// Whether a mention names one person by name or title, not by a pronoun.
bool NamesOnePerson(const Mention& m) {
  return m.entities.size() == 1 && m.entities[0].type == EntityType::kPerson && m.evidence != Evidence::kPronoun;
}

// A person the lexicon does not know, named in full inside a sentence ("Robert Kilroy-Silk",
// "Nikos Dendias"), or after an honorific ("Mr Balls"): the length of the name, or 0. Only
// mixed-case name words; runs that look like places, events or titles of works are left alone.
uint32_t UnknownPersonRun(const std::vector<Token>& tokens, uint32_t i) {
  const bool honorific = i > 0 && IsHonorific(tokens[i - 1].text);
  // The sentence's first word is capitalised anyway; a name right after another name is part of it.
  if (i == 0 || (!honorific && IsNameToken(tokens[i - 1].text))) return 0;
  // After a word of place or a determiner a name is far more often a place, a ship or a work:
  // "strikes in Bint Jbeil", "an attack on Bat Yam", "the Magic Seas".
  if (IsCue(Cue::kPlaceContext, Lower(tokens[i - 1].text))) return 0;
  const uint32_t run = NameRun(tokens, i);
  if (run == 0 || run > 4 || (run < 2 && !honorific)) return 0;
  if (i + run < tokens.size() && IsNameToken(tokens[i + run].text)) return 0;
  if (OrganizationOfficeWithName(tokens, i + run)) return 0;
  if (IsCue(Cue::kPlaceOpener, tokens[i].text) || IsCue(Cue::kRank, tokens[i].text) ||
      IsCommonCapitalizedWord(tokens[i].text))
    return 0;
  for (uint32_t k = i; k < i + run; ++k) {
    const std::string_view t = tokens[k].text;
    // "Energy Secretary John Herrington": the name starts after the title, where TryTitle reads
    // it. A title word at the end is a surname only when it is one ("Stephen King"): "the Senate
    // Majority Leader" names an office.
    uint32_t title_length = 0;
    if (const Title* title = MatchTitle(tokens, k, &title_length);
        title != nullptr && (k + 1 < i + run || !IsSurnameToo(*title)))
      return 0;
    if (AllCapitals(t) || IsCue(Cue::kPlaceOrEventWord, t) || IsMonthOrDay(t)) return 0;
  }
  return run;
}

// Whether tokens[begin] is a first initial before two names: "R. Donald Fullerton" is "Donald
// Fullerton" to later references and to other articles; "A. Karas" keeps it.
bool FirstInitialBeforeNames(const std::vector<Token>& tokens, uint32_t begin, uint32_t end) {
  const std::string_view t = tokens[begin].text;
  return begin + 2 < end && t.size() == 2 && std::isupper(static_cast<unsigned char>(t[0])) && t[1] == '.';
}

// The name of tokens [begin, end) without a first initial before two names; middle initials
// stay ("Anna K. Sigurdardottir").
std::string NameWithoutFirstInitial(const std::vector<Token>& tokens, uint32_t begin, uint32_t end) {
  return TitleText(tokens, FirstInitialBeforeNames(tokens, begin, end) ? begin + 1 : begin, end);
}

// The name of tokens [begin, end) without initials: "Brian T. Carroll" is "Brian Carroll" to
// later references and to other articles.
std::string NameWithoutInitials(const std::vector<Token>& tokens, uint32_t begin, uint32_t end) {
  if (FirstInitialBeforeNames(tokens, begin, end)) ++begin;
  std::string name;
  for (uint32_t k = begin; k < end; ++k) {
    const std::string_view t = tokens[k].text;
    const bool initial = k > begin && k + 1 < end && std::isupper(static_cast<unsigned char>(t[0])) &&
                         (t.size() == 1 || (t.size() == 2 && t[1] == '.'));
    if (initial) continue;
    if (!name.empty()) name += ' ';
    name.append(t);
  }
  return name;
}

// Whether tokens[i] stands in a list of places that a verb or noun of travel begins: "visits
// Manchester, Leicester and Torbay", "a trip through Qatar and Oman".
bool InTravelList(const std::vector<Token>& tokens, uint32_t i) {
  uint32_t begin = i;
  while (begin > 0 &&
         (Capitalized(tokens[begin - 1].text) || tokens[begin - 1].text == "," || tokens[begin - 1].text == "and"))
    --begin;
  return begin > 0 && IsCue(Cue::kTravelWord, Lower(tokens[begin - 1].text));
}

// Whether tokens[i] follows a reporting verb, with or without "that": "says that it", "announces it".
bool AfterReportingVerb(const std::vector<Token>& tokens, uint32_t i) {
  uint32_t k = i;
  if (k > 0 && Lower(tokens[k - 1].text) == "that") --k;
  return k > 0 && IsCue(Cue::kReportingVerb, Lower(tokens[k - 1].text));
}

// Generational suffixes that make another person: "Donald Trump Jr."
bool IsGenerationSuffix(std::string_view t) { return IsCue(Cue::kGenerationSuffix, t); }

// Capitalised words that may stand before a surname without being a given name: honorifics,
// and words that open a sentence or clause ("Later Baker said").
bool IsNameOpener(std::string_view t) {
  const std::string_view undotted = t.ends_with('.') ? t.substr(0, t.size() - 1) : t;
  return IsHonorific(t) || IsCue(Cue::kRank, undotted) || IsCue(Cue::kNameOpener, t) || IsCommonCapitalizedWord(t);
}

}  // namespace

// A name that opens a sentence, where every word is capitalised: two or three name words
// followed by a comma and the person's office, "Ammar Siamwalla, head of the research group,
// said". Without the office, "Goldman Sachs, ..." is as often a firm. The length, or 0.
uint32_t MentionFinder::OpeningPersonRun(const std::vector<Token>& tokens) const {
  const uint32_t run = NameRun(tokens, 0);
  if (run < 2 || run > 3 || run + 2 >= tokens.size() || tokens[run].text != ",") return 0;
  for (uint32_t k = 0; k < run; ++k) {
    const std::string_view t = tokens[k].text;
    uint32_t length = 0;
    if (AllCapitals(t) || IsCommonCapitalizedWord(t) || IsCue(Cue::kPlaceOrEventWord, t) || IsMonthOrDay(t) ||
        IsCue(Cue::kOrganizationHead, t) || IsCue(Cue::kPlaceOpener, t) || IsCue(Cue::kRank, t) ||
        MatchTitle(tokens, k, &length) != nullptr || (ner_ != nullptr && ner_->IsCommonWord(t)))
      return 0;
  }
  // The office: a title after at most an article and two lower-case words.
  for (uint32_t k = run + 1; k < tokens.size() && k <= run + 4; ++k) {
    uint32_t length = 0;
    if (MatchTitle(tokens, k, &length) != nullptr) return run;
    const std::string_view t = tokens[k].text;
    if (t.empty() || !std::islower(static_cast<unsigned char>(t[0]))) return 0;
  }
  return 0;
}

bool MentionFinder::InLongerName(const std::vector<Token>& tokens, uint32_t begin, uint32_t end,
                                 const SentenceMentions& sentence) const {
  if (end < tokens.size()) {
    const std::string_view next = tokens[end].text;
    if (IsNameToken(next) && !IsGenerationSuffix(next) && !IsMonthOrDay(next)) return true;
  }
  if (begin == 0) return false;
  const std::string_view prev = tokens[begin - 1].text;
  // A word another mention took ("Mexico", "Soviet") is not a given name.
  if (!sentence.mentions.empty() && sentence.mentions.back().end == begin) return false;
  uint32_t title_length = 0;
  if (!IsNameToken(prev) || IsNameOpener(prev) || MatchTitle(tokens, begin - 1, &title_length) != nullptr) return false;
  const auto known = gazetteer_.LongestMatch(tokens, begin - 1, when_);
  return !known || gazetteer_.entry(known->entry).entity.type == EntityType::kPerson;
}

Entity MentionFinder::EntityOf(uint32_t entry) const {
  const uint32_t at = gazetteer_.AtDate(entry, when_);
  Entity entity = gazetteer_.entry(at).entity;
  if (entity.type == EntityType::kPerson) entity.code = gazetteer_.CodeAt(at, when_);
  return entity;
}

Entity MentionFinder::CountryNamed(const std::string& name) const {
  if (auto e = gazetteer_.Find(name)) return EntityOf(*e);
  return Entity{name, EntityType::kCountry, "", {}};
}

std::string MentionFinder::RoleCode(const Entity& of) {
  if (of.code.empty()) return {};
  return of.type == EntityType::kCountry ? of.code + "GOV" : of.code;
}

std::pair<std::string, std::string> MentionFinder::RoleOfDay(uint32_t person) const {
  if (const Term* term = gazetteer_.TermOf(person, "", when_)) return {CountryNamed(term->country).name, term->office};
  return {gazetteer_.CountryAt(person, when_), ""};
}

size_t MentionFinder::Remember(const Entity& person, const std::string& country, const std::string& office) {
  size_t index = people_.size();
  for (size_t k = 0; k < people_.size(); ++k)
    if (people_[k].entity.name == person.name) index = k;
  if (index == people_.size()) people_.push_back({person, country, office});
  Person& p = people_[index];
  if (p.entity.code.empty()) p.entity.code = person.code;
  if (p.country.empty()) p.country = country;
  if (p.office.empty()) p.office = office;
  // Every name part can stand alone later: "Lee" and "Jae-myung" for "Lee Jae-myung".
  size_t start = 0;
  const std::string& name = person.name;
  while (start < name.size()) {
    size_t space = name.find(' ', start);
    if (space == std::string::npos) space = name.size();
    std::string part = name.substr(start, space - start);
    if (part.size() > 1 && Capitalized(part) && part.back() != '.') aliases_[part] = index;
    start = space + 1;
  }
  for (const std::string& alias : person.aliases) aliases_[alias] = index;
  return index;
}

void MentionFinder::NotePerson(size_t index) {
  recent_.erase(std::remove(recent_.begin(), recent_.end(), index), recent_.end());
  recent_.push_back(index);
}

void MentionFinder::NoteActor(const Entity& actor) {
  std::erase_if(recent_actors_, [&](const Entity& e) { return e.name == actor.name; });
  recent_actors_.push_back(actor);
}

const MentionFinder::Person* MentionFinder::LeaderOf(const std::string& country) const {
  for (auto it = recent_.rbegin(); it != recent_.rend(); ++it)
    if (people_[*it].country == country) return &people_[*it];
  return nullptr;
}

bool MentionFinder::TryTitle(const std::vector<Token>& tokens, uint32_t i, const Mention* before, SentenceMentions* out,
                             uint32_t* next) {
  uint32_t title_length = 0;
  const Title* title = MatchTitle(tokens, i, &title_length);
  const bool plural = title == nullptr && (title = MatchTitle(tokens, i, &title_length, true)) != nullptr;
  if (title == nullptr) return false;
  // A plural title reads names only right after it, with a state or party just before it:
  // "EU ministers A and B" are the members' ministers.
  if (plural && (before == nullptr || before->entities.size() != 1 || before->end > i || i - before->end > 3 ||
                 !(before->entities[0].type == EntityType::kCountry || IsParty(*before))))
    return false;
  uint32_t name_begin = i + title_length;
  bool portfolio_office = false;  // a minister's office, whatever the title's first word
  // "Chancellor of the Exchequer Nigel Lawson", "Minister for Trade Negotiations Michael Duffy".
  if (name_begin + 1 < tokens.size() && (tokens[name_begin].text == "of" || tokens[name_begin].text == "for")) {
    uint32_t k = name_begin + 1;
    while (k < tokens.size() && IsCue(Cue::kPortfolioWord, tokens[k].text)) ++k;
    if (k > name_begin + 1 && Capitalized(tokens[k - 1].text) && NameRun(tokens, k) > 0) {
      title_length = k - i;
      name_begin = k;
      portfolio_office = true;
    }
  }
  // "the El Paso mayor, Dee Margo": the name after a comma, unless the title is predicated ("his
  // second term as US President, Tony Blair has said"), where the name is someone else's.
  const auto predicated = [&] {
    uint32_t start = i;
    if (before != nullptr && before->end + 1 >= i && before->end <= i) start = before->begin;
    return start > 0 && IsCue(Cue::kPredicatingWord, Lower(tokens[start - 1].text));
  };
  if (name_begin < tokens.size() && tokens[name_begin].text == ",") {
    if (predicated() || plural) return false;
    ++name_begin;
  }
  // "Foreign Secretary Sir Geoffrey Howe": the honorific is no part of the name.
  if (name_begin + 1 < tokens.size() && IsHonorific(tokens[name_begin].text) &&
      IsNameToken(tokens[name_begin + 1].text))
    ++name_begin;
  // "Prime Minister of India Narendra Modi": the title's state between the title and the name.
  std::optional<Entity> title_of;
  if (name_begin + 2 < tokens.size() && tokens[name_begin].text == "of") {
    const uint32_t owner_at = name_begin + (Lower(tokens[name_begin + 1].text) == "the" ? 2 : 1);
    const auto known_at = [&](uint32_t at) { return gazetteer_.LongestMatch(tokens, at, when_).has_value(); };
    if (auto m = gazetteer_.LongestMatch(tokens, owner_at, when_);
        m && (m->kind == NameKind::kName || IsLocalOffice(*title)) &&
        (gazetteer_.entry(m->entry).entity.type == EntityType::kCountry ||
         gazetteer_.entry(m->entry).entity.type == EntityType::kOrganization ||
         (IsLocalOffice(*title) && gazetteer_.entry(m->entry).entity.type == EntityType::kLocation))) {
      // "The mayor of London, Sadiq Khan, tweeted".
      const uint32_t after = owner_at + static_cast<uint32_t>(m->length);
      // "the Prime Ministers of Albania, Bulgaria and Greece" is a list, not an apposition.
      const bool comma = after + 1 < tokens.size() && tokens[after].text == "," && !NamesPlace(tokens, after + 1);
      // After "of the", the name goes on past the lexicon's word ("Head of the EC Delegation").
      if (NameRun(tokens, comma ? after + 1 : after) > 0 && (comma || owner_at == name_begin + 1)) {
        if (comma && predicated()) return false;
        title_of = EntityOf(m->entry);
        name_begin = comma ? after + 1 : after;
      }
    } else if (const auto [org_begin, org_end] = OrganizationAfter(tokens, name_begin, ner_, known_at);
               org_end > 0 && OrganizationMayHold(*title) && org_end + 1 < tokens.size() &&
               tokens[org_end].text == "," && NameRun(tokens, org_end + 1) > 0 && !known_at(org_end + 1)) {
      // "The chairman of the Bar Council, Guy Moss, warned": an organisation the lexicon does not
      // know, set off by commas before the name.
      if (predicated()) return false;
      title_of = Entity{TitleText(tokens, org_begin, org_end), EntityType::kOrganization, "", {}};
      NoteActor(*title_of);
      name_begin = org_end + 1;
    }
  }
  // "Norlink president and chief executive X", "Qatari prime minister and foreign minister X":
  // two offices of one person; the one next to the name is the office, the owner is before both.
  uint32_t office_begin = i;
  uint32_t second_title = 0;
  if (name_begin + 1 < tokens.size() && tokens[name_begin].text == "and" &&
      std::islower(static_cast<unsigned char>(tokens[i].text[0])) &&
      std::islower(static_cast<unsigned char>(tokens[name_begin + 1].text[0]))) {
    if (const Title* second = MatchTitle(tokens, name_begin + 1, &second_title);
        second != nullptr && NameRun(tokens, name_begin + 1 + second_title) > 0) {
      title = second;
      title_length = second_title;
      office_begin = name_begin + 1;
      name_begin = office_begin + title_length;
    }
  }
  const std::string office = TitleText(tokens, office_begin, office_begin + title_length);
  // "AU chairperson President X": the second title is the one that introduces the name.
  if (MatchTitle(tokens, name_begin, &second_title) != nullptr) return false;
  const uint32_t run = NameRun(tokens, name_begin);
  if (run == 0) return false;
  // "General Binding Corp", "President Hotel Group": a company, not a titled person.
  if (name_begin + run < tokens.size() && IsCue(Cue::kOrganizationHead, tokens[name_begin + run].text)) return false;

  Entity person{NameWithoutFirstInitial(tokens, name_begin, name_begin + run), EntityType::kPerson, "", {}};
  std::string country_of_person;
  std::optional<uint32_t> person_entry;
  uint32_t name_end = name_begin + run;
  if (name_end < tokens.size() && IsGenerationSuffix(tokens[name_end].text)) {
    person.name += ' ';
    person.name.append(tokens[name_end].text);
    ++name_end;
  } else if (auto m = gazetteer_.LongestMatch(tokens, name_begin, when_);
             m && m->length <= run && gazetteer_.entry(m->entry).entity.type == EntityType::kPerson &&
             // "Chrysler chairman Lee Iacocca" is not the lexicon's "Lee": one known word
             // followed by more of the name is someone else.
             !(m->length == 1 && run > 1 && !IsMonthOrDay(tokens[name_begin + 1].text))) {
    person = EntityOf(m->entry);
    person_entry = m->entry;
    country_of_person = RoleOfDay(m->entry).first;
  } else if (auto alias = aliases_.find(person.name); alias != aliases_.end()) {
    person = people_[alias->second].entity;
  }

  // The country: a name or demonym just before the title ("US President", "South Korea's
  // national security adviser"), or "of <country>" after the name.
  Entity country;
  bool owner_is_party = false;
  bool owner_is_demonym = false;
  std::optional<Mention> country_mention;  // "of South Korea" stays an actor in its own right
  uint32_t phrase_begin = i;
  // Up to three lower-case words may stand between: "Hungarian cabinet minister", "AU trade and
  // industry commissioner".
  auto modifiers_only = [&](uint32_t from) {
    if (from > i || i - from > 3) return false;
    for (uint32_t k = from; k < i; ++k) {
      const std::string_view t = tokens[k].text;
      // "South Korea opposition leader X" does not lead South Korea.
      // "Ivorian Agriculture Minister", "German Economy and Labour Minister"; but "Egypt and
      // President X" is two people.
      const bool between_portfolio_words = k > from && k + 1 < i && IsCue(Cue::kPortfolioWord, tokens[k - 1].text) &&
                                           IsCue(Cue::kPortfolioWord, tokens[k + 1].text);
      if (t == "and" ? between_portfolio_words : t != "the" && IsCue(Cue::kPortfolioWord, t)) continue;
      // "the House impeached President Trump", "Japan urges President Reagan": a verb between
      // them says what the owner did to the person.
      const bool verb = (t.ends_with("ed") || t.ends_with("es") || IsCue(Cue::kReportingVerb, t)) && t != "united";
      // "Democrats against President Reagan": a preposition puts the name in another phrase.
      if (t.empty() || !std::islower(static_cast<unsigned char>(t[0])) || IsCue(Cue::kNotOwnerModifier, t) ||
          IsCue(Cue::kSlotPreposition, t) || verb)
        return false;
    }
    return true;
  };
  // "President X of Egypt" names the country outright; otherwise a name or demonym just before
  // the title does ("US President", "South Korea's national security adviser").
  if (title_of) {
    country = *title_of;
  } else if (name_end + 2 < tokens.size() && tokens[name_end].text == "of") {
    // "Prime Minister Igor Matovic of the Slovak Republic".
    const uint32_t at = name_end + (tokens[name_end + 1].text == "the" ? 2 : 1);
    if (auto m = gazetteer_.LongestMatch(tokens, at, when_);
        m && gazetteer_.entry(m->entry).entity.type == EntityType::kCountry && m->kind == NameKind::kName) {
      country = EntityOf(m->entry);
      country_mention =
          Mention{at, at + static_cast<uint32_t>(m->length), {country}, {}, false, false, Evidence::kNamed};
      name_end = country_mention->end;
    }
  }
  // "Citicorp chairman John Reed", "Ways and Means chairman X": capitalised words the lexicon
  // does not know, right before an office an organisation may have, name that organisation.
  std::optional<Mention> unknown_owner;
  std::optional<Entity> organ_of;  // the state whose organ `country` is
  if (OrganizationMayHold(*title) && (before == nullptr || before->end < i))
    unknown_owner = UnknownOwner(tokens, before != nullptr ? before->end : 0, i);
  if (unknown_owner) before = &*unknown_owner;
  // "Brazilian Coffee Institute (IBC) president X", "Liberal Democratic Party (LDP) chairman X":
  // the abbreviation in parentheses belongs to the name before it.
  uint32_t owner_end = before != nullptr ? before->end : 0;
  if (owner_end < i && tokens[owner_end].text == ")")
    ++owner_end;
  else if (owner_end + 2 < i && tokens[owner_end].text == "(" && tokens[owner_end + 2].text == ")")
    owner_end += 3;
  const bool local = IsLocalOffice(*title) && before != nullptr && !before->entities.empty() &&
                     before->entities[0].type == EntityType::kLocation;
  if (!country_mention && !title_of && before != nullptr && !before->entities.empty() &&
      (before->entities[0].type == EntityType::kCountry || before->entities[0].type == EntityType::kOrganization ||
       before->is_capital || local) &&
      (modifiers_only(owner_end) ||
       (owner_end < i && IsPossessive(tokens[owner_end].text) && modifiers_only(owner_end + 1)))) {
    country = before->is_capital && !local ? before->country : before->entities[0];
    phrase_begin = before->begin;
    owner_is_party = IsParty(*before);
    owner_is_demonym = before->is_demonym;
    // "U.S. Central Intelligence Agency director X", "Iraqi Oil Ministry undersecretary Y": the
    // officials of a state's organ are the state's; a central bank's are its own.
    // "Syrian U.N. ambassador X" is Syria's envoy to the UN, not one of its officials.
    const bool envoy = IsCue(Cue::kEnvoyTitle, Lower(office));
    if (!unknown_owner && country.type == EntityType::kOrganization &&
        ((IsCue(Cue::kStateOrgan, tokens[before->end - 1].text) && tokens[before->end - 1].text != "Bank") || envoy) &&
        out->mentions.size() >= 2) {
      const Mention& state = out->mentions[out->mentions.size() - 2];
      if (state.end == before->begin && state.entities.size() == 1 && state.entities[0].type == EntityType::kCountry) {
        if (envoy) {
          country = state.entities[0];
          phrase_begin = state.begin;
          owner_is_demonym = state.is_demonym;
        } else {
          organ_of = state.entities[0];
        }
      }
    }
    if (unknown_owner)
      NoteActor(country);
    else
      out->mentions.pop_back();  // part of the person's description, not an actor of its own
  }
  // "Syrian president Ahmed al-Sharaa and interior minister Anas Khattab": the second title
  // shares the first one's state.
  // Not a state the lexicon gave the first ("Prime Minister Nakasone and President Reagan").
  if (country.name.empty() && before != nullptr && before->evidence == Evidence::kTitled && before->end + 1 == i &&
      tokens[before->end].text == "and" && !out->roles.empty() && out->roles.back().end == before->end &&
      out->roles.back().country.type == EntityType::kCountry && !out->roles.back().from_lexicon)
    country = out->roles.back().country;
  if (title->needs_owner && country.name.empty()) return false;
  if (title->needs_owner && title->relation == Relation::kMemberOf && !owner_is_party) return false;
  // "President Xi Jinping" names no country, but the lexicon knows whose president he is.
  // Only a term of the article's day vouches for the role; an undated article takes the latest.
  Relation relation = portfolio_office ? Relation::kOfficialOf : title->relation;
  // "deputy director general X".
  if (relation == Relation::kLeads && i > 0 && SecondRankIn(tokens, i - 1, i)) relation = Relation::kOfficialOf;
  // The person's term in the office the title names, on the article's day.
  const Term* held = person_entry ? gazetteer_.TermOf(*person_entry, office, when_) : nullptr;
  // A past office named without "former" ("President Bill Clinton" in 2019) was held: annotators
  // do not agree on former ones ("former French President X" states no role either).
  const auto is_former = [&](uint32_t k) {
    // "ex-Conservative chancellor Ken Clarke"; "Ex-Im President" is the Export-Import Bank's.
    return Lower(tokens[k].text) == "former" || tokens[k].text.starts_with("ex-");
  };
  const bool former = tokens[i].text.starts_with("ex-") || (i > 0 && is_former(i - 1)) ||
                      (phrase_begin > 0 && is_former(phrase_begin - 1));
  const bool from_lexicon =
      country.name.empty() && person_entry && StateOfTitle(*person_entry, office, &country, &relation, !former);
  // "OTTAWA, April 13 - Energy Minister Marcel Masse said": a cabinet office named without its
  // state, in a story filed from a capital, is that state's. Not an office after another name
  // ("Saskatchewan Trade Minister"), nor a portfolio after a lower-case title ("X, vice minister of
  // Foreign Economic Relations": the capitals are the portfolio's, not a name).
  uint32_t portfolio_begin = i;  // "Finance and Petroleum Minister"
  while (portfolio_begin > 0 && (IsCue(Cue::kPortfolioWord, tokens[portfolio_begin - 1].text) ||
                                 (tokens[portfolio_begin - 1].text == "and" && portfolio_begin > 1 &&
                                  IsCue(Cue::kPortfolioWord, tokens[portfolio_begin - 2].text))))
    --portfolio_begin;
  const bool from_dateline = country.name.empty() && !from_lexicon && !plural && dateline_ && dateline_->is_capital &&
                             IsCabinetOffice(*title) && !(before != nullptr && before->end == portfolio_begin) &&
                             !(portfolio_office && !Capitalized(tokens[i].text));
  if (from_dateline) country = dateline_->country;
  // "UK chancellor Gordon Brown": the lexicon's office of that state that the title begins
  // ("Chancellor of the Exchequer") says which kind of office it is.
  if (!from_lexicon && held != nullptr && CountryNamed(held->country).name == country.name)
    relation = KindOfOffice(*held, office, relation);
  relation = RoleRelation(relation, country);
  // "Chile's port authority chief X", "Conference chairman X of Peru": the nouns compounded
  // with the title name a body the person heads, and the body serves the state the text names.
  // ("a summit with President X" is not such a compound.)
  // "The EC's external trade chief X", "Citicorp's investment banking chief Y": a portfolio's
  // words name the part of the state or organisation the person runs for it.
  if (relation == Relation::kLeads &&
      (country.type == EntityType::kCountry || country.type == EntityType::kOrganization) && !from_lexicon)
    for (uint32_t k = i; k > std::max(owner_end, i >= 3 ? i - 3 : 0); --k) {
      const std::string_view text = tokens[k - 1].text;
      const std::string word = Lower(text);
      // An organisation's board chairman chairs the organisation itself.
      if ((IsCue(Cue::kBodyNoun, word) && (country.type == EntityType::kCountry || word != "board")) ||
          (IsCue(Cue::kPortfolioArea, word) && !Capitalized(text))) {
        relation = Relation::kOfficialOf;
        break;
      }
      if (IsCue(Cue::kFunctionWord, word) || IsCue(Cue::kArticle, word)) break;
    }
  // "Republican President Trump", "Labour MP X": a state office held by a party's member; so is
  // the office of a body the words between name ("Democratic committee chairman X").
  // A party named by its name heads itself with a president too ("Tisza Party president X");
  // after a party's adjective a president is the state's ("Republican President Trump").
  const bool party_office =
      IsCue(Cue::kPartyOffice, Lower(office)) || (Lower(office) == "president" && !owner_is_demonym);
  // "Tory shadow home secretary X": the opposition's front bench are the party's officials (and
  // members), not the state's.
  const bool shadow = owner_is_party && std::any_of(tokens.begin() + owner_end, tokens.begin() + i, [](const Token& t) {
                        return IsCue(Cue::kShadowMark, Lower(t.text));
                      });
  // "Senate Democratic leader X" leads the party's senators, and is one of its members.
  const bool caucus_office =
      owner_is_party && phrase_begin > 0 && IsCue(Cue::kChamberWord, tokens[phrase_begin - 1].text);
  const bool party_member = owner_is_party && !shadow &&
                            (!party_office || caucus_office ||
                             std::any_of(tokens.begin() + owner_end, tokens.begin() + i,
                                         [](const Token& t) { return IsCue(Cue::kOrganizationPart, Lower(t.text)); }));
  // The office itself is of the state the lexicon knows for that day.
  const Term* state_term = party_member ? held : nullptr;
  if (party_member) relation = Relation::kMemberOf;
  if (shadow) relation = Relation::kOfficialOf;
  if (person.code.empty()) person.code = RoleCode(state_term ? CountryNamed(state_term->country) : country);
  size_t index = Remember(person, country.name.empty() || party_member ? country_of_person : country.name, office);
  NotePerson(index);
  // The mention spans the whole description, so "met Moroccan Prime Minister Karim Alaoui"
  // finds its object right after the verb.
  const uint32_t person_end = country_mention ? country_mention->begin - 1 : name_end;
  Mention mention{phrase_begin, person_end, {people_[index].entity}, {}, false, false, Evidence::kTitled};
  out->mentions.push_back(mention);
  if (country_mention) {
    NoteActor(country);
    out->mentions.push_back(*country_mention);
  }
  // "former Tory chancellor Ken Clarke": the office is past, the party membership is not.
  if (!country.name.empty() && (!former || party_member))
    out->roles.push_back({people_[index].entity, relation, party_member ? "a member" : office, country, phrase_begin,
                          name_end, from_lexicon, from_lexicon && when_ == 0, from_dateline});
  // A party's front bench are its members too.
  if (shadow)
    out->roles.push_back(
        {people_[index].entity, Relation::kMemberOf, "a member", country, phrase_begin, name_end, false, false});
  if (state_term != nullptr)
    out->roles.push_back({people_[index].entity, IsLeaderOffice(office) ? Relation::kLeads : Relation::kOfficialOf,
                          office, CountryNamed(state_term->country), phrase_begin, name_end, true, when_ == 0});
  if (organ_of)
    out->roles.push_back(
        {people_[index].entity, Relation::kOfficialOf, office, *organ_of, phrase_begin, name_end, false});
  *next = name_end;
  // A plural title introduces several people: "Presidents Muhammadu Buhari of Nigeria and
  // Patrice Talon of Benin"; "Labour MPs Jane Roe, John Doe and Ann Poe" share the owner.
  const uint32_t list_at = HomeStateEnd(tokens, name_end);  // "Senators A of Texas, B of Ohio and C"
  if (office.back() == 's' && list_at + 1 < tokens.size() &&
      (tokens[list_at].text == "and" || tokens[list_at].text == ",")) {
    uint32_t after = list_at + 1;
    if (TryNamedOfCountry(tokens, after, RoleRelation(title->relation, country), office.substr(0, office.size() - 1),
                          out, &after))
      *next = after;
    else if (plural && !country.name.empty() && !from_lexicon)
      *next = NameList(tokens, list_at, relation, party_member ? "a member" : office, country, out);
  }
  return true;
}

uint32_t MentionFinder::NameList(const std::vector<Token>& tokens, uint32_t at, Relation relation,
                                 const std::string& office, const Entity& of, SentenceMentions* out) {
  const auto n = static_cast<uint32_t>(tokens.size());
  while (at + 1 < n && (tokens[at].text == "," || tokens[at].text == "and")) {
    uint32_t begin = at + 1;
    if (tokens[at].text == "," && begin < n && tokens[begin].text == "and") ++begin;
    // A person's name of two words at least: not "and Greece", "and Prime Minister X" or "and
    // John Doe of Ohio", which other rules read.
    const uint32_t run = NameRun(tokens, begin);
    const uint32_t end = begin + run;
    const uint32_t after = HomeStateEnd(tokens, end);  // "John Doe of Ohio": a legislator's state
    uint32_t title_length = 0;
    if (run < 2 || (after < n && tokens[after].text == "of") || MatchTitle(tokens, begin, &title_length) != nullptr)
      break;
    if (const auto m = gazetteer_.LongestMatch(tokens, begin, when_);
        m && gazetteer_.entry(m->entry).entity.type != EntityType::kPerson)
      break;
    const Entity person = PersonNamed(tokens, begin, end);
    const size_t index = Remember(person, of.type == EntityType::kCountry ? of.name : std::string(), office);
    NotePerson(index);
    out->mentions.push_back({begin, end, {people_[index].entity}, {}, false, false, Evidence::kTitled});
    out->roles.push_back({people_[index].entity, relation, office, of, begin, end, false});
    at = after;
  }
  return at;
}

uint32_t MentionFinder::HomeStateEnd(const std::vector<Token>& tokens, uint32_t at) const {
  if (at + 1 >= tokens.size() || tokens[at].text != "of") return at;
  const auto m = gazetteer_.LongestMatch(tokens, at + 1, when_);
  if (!m || gazetteer_.entry(m->entry).entity.type != EntityType::kLocation) return at;
  return at + 1 + static_cast<uint32_t>(m->length);
}

bool MentionFinder::NamesPlace(const std::vector<Token>& tokens, uint32_t i) const {
  const auto m = gazetteer_.LongestMatch(tokens, i, when_);
  return m && gazetteer_.entry(m->entry).entity.type != EntityType::kPerson &&
         gazetteer_.entry(m->entry).entity.type != EntityType::kOrganization;
}

uint32_t MentionFinder::OrganizationOpenedBy(const std::vector<Token>& tokens, uint32_t i, const NameMatch& m) const {
  const EntityType type = gazetteer_.entry(m.entry).entity.type;
  if (type != EntityType::kCountry && type != EntityType::kLocation) return 0;
  const uint32_t org_end = OrganizationPhraseEnd(tokens, i, [&](uint32_t k) { return NamesPlace(tokens, k); });
  // A bank is an organisation of its own, not an organ: "Korea Development Bank"; but "French
  // Finance Minister X and Bank ..." is two phrases.
  const std::string_view head = tokens[org_end > 0 ? org_end - 1 : 0].text;
  const auto one_name = [&] {
    for (uint32_t k = i; k < org_end; ++k) {
      uint32_t length = 0;
      if (tokens[k].text == "and" || MatchTitle(tokens, k, &length) != nullptr) return false;
    }
    return true;
  };
  const bool opens = org_end > i + m.length && (type == EntityType::kLocation || (head == "Bank" && one_name()) ||
                                                !IsCue(Cue::kStateOrgan, head));
  return opens ? org_end : 0;
}

std::optional<Mention> MentionFinder::UnknownOwner(const std::vector<Token>& tokens, uint32_t from,
                                                   uint32_t title) const {
  // "Norlink's senior vice-president X": the owner's possessive, then lower-case words of the
  // office.
  // Without a possessive only ranks stand between ("Harwick Mills deputy director X").
  uint32_t end = title;
  while (end > from + 1 && IsCue(Cue::kSecondRank, tokens[end - 1].text)) --end;
  for (uint32_t k = title; k > from + 1 && title - k <= 3; --k) {
    if (IsPossessive(tokens[k - 1].text)) {
      if (Capitalized(tokens[k - 2].text)) end = k - 1;
      break;
    }
    if (!std::islower(static_cast<unsigned char>(tokens[k - 1].text[0]))) break;
  }
  uint32_t begin = end;
  uint32_t title_length = 0;
  while (begin > from && end - begin < 5) {
    const std::string_view t = tokens[begin - 1].text;
    // "Council for Rural Welfare chairman X", "Brandt Fischer & Co analyst Y", "Tren de Aragua leader Z".
    const bool joins = (t == "and" || t == "of" || t == "for" || t == "&" || IsNameParticle(t)) && begin < end &&
                       begin - 1 > from && Capitalized(tokens[begin - 2].text);
    // "Ex-Labour leader X" led Labour once; the owner is no "Ex-Labour" (but "Ex-Im" is the
    // Export-Import Bank). A portfolio's word opens a longer name ("Economic Freedom Fighters
    // leader X"), not a short one ("Trade minister").
    if (!joins && (!Capitalized(t) || IsNameOpener(t) || (IsCue(Cue::kPortfolioWord, t) && end - begin < 2) ||
                   IsMonthOrDay(t) || IsCue(Cue::kPlaceOrEventWord, t) ||
                   (Lower(t).starts_with("ex-") && gazetteer_.Find(std::string(t.substr(3))).has_value()) ||
                   MatchTitle(tokens, begin - 1, &title_length) != nullptr))
      break;
    --begin;
  }
  if (begin == end) return std::nullopt;
  // Stopped inside a longer name ("Toronto Sun Publishing", "Chamber of Deputies president").
  if (begin > 0 && ((Capitalized(tokens[begin - 1].text) && !IsNameOpener(tokens[begin - 1].text)) ||
                    tokens[begin - 1].text == "of" || tokens[begin - 1].text == "for"))
    return std::nullopt;
  // A lone word that is a common noun ("Government spokesman", "Bank analyst") or an adjective
  // ("Presidential spokesman", "Socialist President") names no organisation.
  const std::string_view first = tokens[begin].text;
  if (begin + 1 == end &&
      (IsCue(Cue::kOrganizationHead, first) || IsCue(Cue::kThingWord, first) ||
       IsCue(Cue::kStateCollective, Lower(first)) || (ner_ != nullptr && ner_->IsCommonWord(first)) ||
       std::ranges::any_of(CueWords(Cue::kAdjectiveEnding), [&](std::string_view e) { return first.ends_with(e); })))
    return std::nullopt;
  const std::string name = TitleText(tokens, begin, end);
  Entity owner{name, EntityType::kOrganization, "", {}};
  for (auto it = recent_actors_.rbegin(); it != recent_actors_.rend(); ++it)
    if (it->type == EntityType::kOrganization && it->name.starts_with(name + " ")) {
      owner = *it;
      break;
    }
  return Mention{begin, end, {owner}, {}, false, false, Evidence::kUnknownName};
}

bool MentionFinder::StateOfTitle(uint32_t person, const std::string& office, Entity* country, Relation* relation,
                                 bool held_before) const {
  // "Chancellor Gordon Brown": worded otherwise than the lexicon's office, the title still
  // says he held one; the lexicon says of which state on that day, and which kind of office.
  const Term* term = gazetteer_.TermOf(person, office, when_);
  if (term == nullptr) term = gazetteer_.DatedTermOf(person, when_);
  // "President Bill Clinton" in 2019: the title names an office he held before that day.
  if (term == nullptr && held_before && when_ != 0 && !office.empty()) {
    term = gazetteer_.TermOf(person, office, 0);
    if (term != nullptr && (term->from == 0 || term->from > when_)) term = nullptr;
  }
  if (term == nullptr) return false;
  *relation = KindOfOffice(*term, office, *relation);
  *country = CountryNamed(term->country);
  return true;
}

std::optional<std::pair<Entity, uint32_t>> MentionFinder::OwnerAfter(const std::vector<Token>& tokens, uint32_t at,
                                                                     const Title& title) const {
  const auto n = static_cast<uint32_t>(tokens.size());
  if (at + 1 >= n) return std::nullopt;
  if (tokens[at].text == "of") {
    // "chair of the ASEAN": after "of the" the name must end the phrase ("head of the EC
    // delegation" heads a part of it).
    const bool the = at + 2 < n && Lower(tokens[at + 1].text) == "the" && Capitalized(tokens[at + 2].text);
    const uint32_t name = at + (the ? 2 : 1);
    if (auto m = gazetteer_.LongestMatch(tokens, name, when_); m && m->kind != NameKind::kDemonym) {
      const uint32_t after = name + static_cast<uint32_t>(m->length);
      const EntityType type = gazetteer_.entry(m->entry).entity.type;
      const bool ends_phrase =
          !the || after >= n || tokens[after].text == "," || tokens[after].text == "." || tokens[after].text == ")";
      if (ends_phrase && (type == EntityType::kCountry || type == EntityType::kOrganization ||
                          (IsLocalOffice(title) && type == EntityType::kLocation))) {
        // "managing director of Japan Bond Research Institute": the state opens the organisation's name.
        if (const uint32_t org_end = OrganizationOpenedBy(tokens, name, *m); org_end > 0)
          return std::pair{Entity{TitleText(tokens, name, org_end), EntityType::kOrganization, "", {}}, org_end};
        return std::pair{EntityOf(m->entry), after};
      }
    }
  }
  // "analyst at Brandt Fischer & Co", "leader of the political party Vanguard".
  const auto known_at = [&](uint32_t k) { return gazetteer_.LongestMatch(tokens, k, when_).has_value(); };
  if (const auto [org_begin, org_end] = OrganizationAfter(tokens, at, ner_, known_at);
      org_end > 0 && OrganizationMayHold(title))
    return std::pair{Entity{TitleText(tokens, org_begin, org_end), EntityType::kOrganization, "", {}}, org_end};
  return std::nullopt;
}

bool MentionFinder::TryAppositiveTitle(const std::vector<Token>& tokens, uint32_t i, SentenceMentions* out,
                                       uint32_t* next) {
  const auto n = static_cast<uint32_t>(tokens.size());
  // Not the start of a name, or a capitalised common word ("On Tuesday, Greek prime minister").
  if ((i > 0 && Capitalized(tokens[i - 1].text) && !IsNameOpener(tokens[i - 1].text)) ||
      IsCommonCapitalizedWord(tokens[i].text) || IsCue(Cue::kPhraseOpener, Lower(tokens[i].text)))
    return false;
  const uint32_t run = NameRun(tokens, i);
  auto known = gazetteer_.LongestMatch(tokens, i, when_);
  if (known && gazetteer_.entry(known->entry).entity.type != EntityType::kPerson) return false;
  // A surname the article has introduced is that person's, not the lexicon's namesake ("Abe"
  // after "Shintaro Abe" is not Shinzo Abe).
  const bool article_knows = aliases_.count(std::string(tokens[i].text)) > 0;
  const bool is_known = known && known->length == run && !(run == 1 && article_knows);
  // Two name words at least, or a person the lexicon or the article knows: a lone capitalised
  // word before a comma is too often something else.
  if (run == 0 || (run < 2 && !is_known && !article_knows)) return false;
  uint32_t k = i + run;
  if (k + 3 >= n || tokens[k].text != ",") return false;
  ++k;
  // "X, who is UKIP Scotland chairman,": the relative clause states the office too.
  if (k + 3 < n && tokens[k].text == "who" && (tokens[k + 1].text == "is" || tokens[k + 1].text == "was")) k += 2;
  if (IsCue(Cue::kArticle, Lower(tokens[k].text))) ++k;
  Entity country;
  uint32_t title_at = k;
  auto state = gazetteer_.LongestMatch(tokens, k, when_);
  const auto is_state = [&](const std::optional<NameMatch>& m) {
    if (!m) return false;
    const EntityType type = gazetteer_.entry(m->entry).entity.type;
    return type == EntityType::kCountry || type == EntityType::kOrganization;
  };
  uint32_t title_length = 0;
  const Title* title = nullptr;
  // The owner before the office: a state or organisation the lexicon knows ("Egypt's foreign
  // minister", "the Egyptian foreign minister", "a US peace envoy"), or an organisation it does
  // not know ("a Norlink spokesman", "Norlink's chairman and chief executive").
  uint32_t owner_end = k;
  // "Canadian Manufacturers Association president": a demonym may open an organisation's name.
  const uint32_t named_organization_end =
      state && state->kind == NameKind::kDemonym
          ? OrganizationPhraseEnd(tokens, k, [&](uint32_t at) { return NamesPlace(tokens, at); })
          : 0;
  if (named_organization_end > k + state->length) {
    owner_end = named_organization_end;
  } else if (is_state(state)) {
    country = EntityOf(state->entry);
    owner_end = k + static_cast<uint32_t>(state->length);
  } else if (!state) {
    owner_end = UnknownOrganizationEnd(tokens, k, ner_);
  }
  if (owner_end > k) {
    title_at = owner_end < n && IsPossessive(tokens[owner_end].text) ? owner_end + 1 : owner_end;
    for (uint32_t modifiers = 0; modifiers <= 2 && title_at < n; ++modifiers, ++title_at) {
      if ((title = MatchTitle(tokens, title_at, &title_length)) != nullptr) break;
      const std::string_view t = tokens[title_at].text;
      if (t.empty() || !std::islower(static_cast<unsigned char>(t[0]))) return false;
    }
    // An organisation the lexicon does not know holds only an office an organisation may have.
    if (country.name.empty()) {
      if (title == nullptr || !OrganizationMayHold(*title)) return false;
      country = Entity{TitleText(tokens, k, owner_end), EntityType::kOrganization, "", {}};
    }
  } else {
    // "the former President of Egypt", "the long-serving Sultan of Oman": up to two describing
    // words before the title.
    for (uint32_t modifiers = 0; modifiers <= 2 && title_at < n; ++modifiers, ++title_at) {
      if ((title = MatchTitle(tokens, title_at, &title_length)) != nullptr) break;
      const std::string_view t = tokens[title_at].text;
      if (t.empty() || !std::islower(static_cast<unsigned char>(t[0])) || IsCue(Cue::kTitleLink, t)) return false;
    }
  }
  if (title == nullptr) return false;
  uint32_t end = title_at + title_length;
  if (NameRun(tokens, end) > 0) return false;  // "Greek prime minister Kyriakos Mitsotakis": a title before its name
  std::string office = TitleText(tokens, title_at, title_at + title_length);
  Relation relation = title->relation;
  // "deputy chairwoman of Baltic Airways".
  if (relation == Relation::kLeads && SecondRankIn(tokens, k, title_at)) relation = Relation::kOfficialOf;
  // "X, the Democratic chairman of the Intelligence Committee": a party's member holds an office
  // that is not the party's own.
  if (!country.name.empty() &&
      NamesParty(country, state && state->kind == NameKind::kDemonym && owner_end == k + state->length) &&
      (!IsCue(Cue::kPartyOffice, Lower(office)) || (end < n && tokens[end].text == "of"))) {
    relation = Relation::kMemberOf;
    office = "a member";
  }
  bool from_lexicon = false;
  if (country.name.empty()) {
    // "the foreign minister of Egypt"; "Jack Straw, the foreign secretary," the lexicon's.
    if (auto owner = OwnerAfter(tokens, end, *title)) {
      country = owner->first;
      end = owner->second;
    } else if (!(is_known && !title->needs_owner && StateOfTitle(known->entry, office, &country, &relation))) {
      return false;
    } else {
      from_lexicon = true;
    }
  }
  Entity person{NameWithoutFirstInitial(tokens, i, i + run), EntityType::kPerson, "", {}};
  if (is_known)
    person = EntityOf(known->entry);
  else if (auto alias = aliases_.find(person.name); alias != aliases_.end())
    person = people_[alias->second].entity;
  if (person.code.empty()) person.code = RoleCode(country);
  size_t index = Remember(person, country.name, office);
  NotePerson(index);
  NoteActor(country);
  out->mentions.push_back({i, i + run, {people_[index].entity}, {}, false, false, Evidence::kTitled});
  out->roles.push_back({people_[index].entity, RoleRelation(relation, country), office, country, i, end, from_lexicon,
                        from_lexicon && when_ == 0});
  *next = end;
  return true;
}

bool MentionFinder::TryCounterpartList(const std::vector<Token>& tokens, uint32_t i, SentenceMentions* out,
                                       uint32_t* next) {
  const auto n = static_cast<uint32_t>(tokens.size());
  auto skip_joiners = [&](uint32_t k) {
    while (k < n && (tokens[k].text == "," || tokens[k].text == "and")) ++k;
    return k;
  };
  std::vector<Entity> countries;
  uint32_t k = i + 1;
  while (k < n) {
    auto m = gazetteer_.LongestMatch(tokens, k, when_);
    if (!m || m->kind != NameKind::kDemonym || m->length != 1) break;
    countries.push_back(EntityOf(m->entry));
    k = skip_joiners(k + 1);
  }
  if (countries.size() < 2 || k + 1 >= n || Lower(tokens[k].text) != "counterparts" || tokens[k + 1].text != ",")
    return false;
  k += 2;
  std::vector<std::pair<uint32_t, uint32_t>> names;
  for (size_t c = 0; c < countries.size(); ++c) {
    const uint32_t run = NameRun(tokens, k);
    if (run == 0) return false;
    names.emplace_back(k, k + run);
    k = c + 1 < countries.size() ? skip_joiners(k + run) : k + run;
  }
  // Their office is the office of the person they are counterparts of: the one named last.
  const std::string office = recent_.empty() ? std::string() : people_[recent_.back()].office;
  const Relation relation = IsLeaderOffice(office) ? Relation::kLeads : Relation::kOfficialOf;
  for (size_t c = 0; c < countries.size(); ++c) {
    const auto [begin, end] = names[c];
    const size_t index = Remember(PersonNamed(tokens, begin, end), countries[c].name, office);
    NotePerson(index);
    out->mentions.push_back({begin, end, {people_[index].entity}, {}, false, false, Evidence::kTitled});
    if (!office.empty())
      out->roles.push_back({people_[index].entity, relation, office, countries[c], begin, end, false});
  }
  *next = k;
  return true;
}

bool MentionFinder::TryNamedOfCountry(const std::vector<Token>& tokens, uint32_t i, Relation relation,
                                      const std::string& office, SentenceMentions* out, uint32_t* next) {
  const uint32_t run = NameRun(tokens, i);
  const uint32_t of = i + run;
  if (run == 0 || of + 1 >= tokens.size() || tokens[of].text != "of") return false;
  auto m = gazetteer_.LongestMatch(tokens, of + 1, when_);
  if (!m || gazetteer_.entry(m->entry).entity.type != EntityType::kCountry || m->kind != NameKind::kName) return false;
  const Entity person = PersonNamed(tokens, i, of);
  const Entity country = EntityOf(m->entry);
  const auto end = static_cast<uint32_t>(of + 1 + m->length);
  size_t index = Remember(person, country.name, office);
  NotePerson(index);
  NoteActor(country);
  out->mentions.push_back({i, of, {people_[index].entity}, {}, false, false, Evidence::kTitled});
  out->mentions.push_back({of + 1, end, {country}, {}, false, false, Evidence::kNamed});
  out->roles.push_back({people_[index].entity, relation, office, country, i, end, false});
  *next = end;
  return true;
}

bool MentionFinder::TryDescription(const std::vector<Token>& tokens, uint32_t i, SentenceMentions* out,
                                   uint32_t* next) {
  const std::string word = Lower(tokens[i].text);
  auto person_mention = [&](size_t index, uint32_t end, Evidence evidence) {
    out->mentions.push_back({i, end, {people_[index].entity}, {}, false, false, evidence});
    *next = end;
    return true;
  };
  const bool possessive = word == "his" || word == "her" || word == "their";
  if (possessive && TryCounterpartList(tokens, i, out, next)) return true;
  // "his Chinese counterpart": the leader of that country the article named, else the holder
  // of the office the lexicon knows for the article's year.
  const uint32_t demonym_at = possessive ? i + 1 : i;
  if (demonym_at + 1 < tokens.size() && Lower(tokens[demonym_at + 1].text) == "counterpart") {
    auto m = gazetteer_.LongestMatch(tokens, demonym_at, when_);
    if (m && m->kind == NameKind::kDemonym && m->length == 1) {
      const Entity country = EntityOf(m->entry);
      // "his Israeli counterpart, Ariel Sharon", "his German counterpart Hans Eichel": the name
      // that follows is his, and his office is the office of the person he is counterpart to.
      uint32_t name_at = demonym_at + 2;
      if (name_at < tokens.size() && tokens[name_at].text == ",") ++name_at;
      if (const uint32_t run = NameRun(tokens, name_at); run >= 2) {
        const std::string office = recent_.empty() ? std::string() : people_[recent_.back()].office;
        const size_t index = Remember(PersonNamed(tokens, name_at, name_at + run), country.name, office);
        NotePerson(index);
        if (!office.empty())
          out->roles.push_back({people_[index].entity,
                                IsLeaderOffice(office) ? Relation::kLeads : Relation::kOfficialOf, office, country, i,
                                name_at + run, false});
        return person_mention(index, name_at + run, Evidence::kTitled);
      }
      if (const Person* p = LeaderOf(country.name))
        return person_mention(static_cast<size_t>(p - people_.data()), demonym_at + 2, Evidence::kDescription);
      for (std::string_view office : {"President", "Prime Minister"}) {
        if (auto holder = gazetteer_.OfficeHolder(country.name, office, when_)) {
          size_t index = Remember(EntityOf(*holder), country.name, std::string(office));
          NotePerson(index);
          return person_mention(index, demonym_at + 2, Evidence::kDescription);
        }
      }
    }
  }
  // "the prime minister's visit", "the Kenyan president said": the person the article named
  // with that office (and of that country).
  if (word == "the" && i + 1 < tokens.size()) {
    uint32_t k = i + 1;
    std::string country;
    if (auto m = gazetteer_.LongestMatch(tokens, k, when_); m && m->kind == NameKind::kDemonym) {
      country = EntityOf(m->entry).name;  // "the Chinese", "the West German"
      k += static_cast<uint32_t>(m->length);
    }
    uint32_t title_length = 0;
    const Title* title = MatchTitle(tokens, k, &title_length);
    // "the chairman of the Bar Council, Guy Moss": a title that names its own owner introduces
    // its holder rather than pointing back to one.
    const uint32_t after = k + title_length;
    const bool owner_follows =
        after + 1 < tokens.size() &&
        (tokens[after].text == "of" || tokens[after].text == "at" || tokens[after].text == "for") &&
        (Capitalized(tokens[after + 1].text) ||
         (after + 2 < tokens.size() && Lower(tokens[after + 1].text) == "the" && Capitalized(tokens[after + 2].text)));
    // "the minister, Kari Lund, said" names its holder too.
    const bool name_follows = NameRun(tokens, after) > 0 || (after + 1 < tokens.size() && tokens[after].text == "," &&
                                                             NameRun(tokens, after + 1) > 1);
    if (title != nullptr && !title->needs_owner && !name_follows && !owner_follows) {
      const std::string office = Lower(TitleText(tokens, k, k + title_length));
      for (auto it = recent_.rbegin(); it != recent_.rend(); ++it) {
        const Person& p = people_[*it];
        const bool same_office = Lower(p.office) == office ||
                                 (title->relation == Relation::kLeads && IsLeaderOffice(p.office) && !country.empty());
        if (same_office && (country.empty() || p.country == country)) {
          const size_t index = *it;  // NotePerson reorders recent_
          NotePerson(index);
          return person_mention(index, k + title_length, Evidence::kDescription);
        }
      }
      // "the German chancellor" the article has not named: the holder of that day. Without a
      // date the latest holder is too often wrong (a story of 2005 read today), so none.
      if (!country.empty() && when_ != 0) {
        if (auto holder = gazetteer_.OfficeHolder(country, office, when_)) {
          const Entity person = EntityOf(*holder);
          const size_t index = Remember(person, country, gazetteer_.TermOf(*holder, office, when_)->office);
          NotePerson(index);
          out->roles.push_back({person, RoleRelation(title->relation, CountryNamed(country)), office,
                                CountryNamed(country), i, k + title_length, true, false});
          return person_mention(index, k + title_length, Evidence::kDescription);
        }
      }
    }
  }
  if (word == "he" || word == "she" || word == "him" || word == "his" || word == "her") {
    if (recent_.empty()) return false;
    // A sentence that opens with "He" continues the story of the last sentence's subject; "he"
    // opening a subordinate clause ("X will meet Y when he visits") is the sentence's subject;
    // elsewhere a pronoun points to the person named last.
    size_t index = i == 0 && last_subject_ ? *last_subject_ : recent_.back();
    // "X met Y in London on his first visit": a possessive in a phrase of time or occasion
    // belongs to the subject too.
    const bool subordinate_subject =
        (word == "he" || word == "she") && i > 0 && IsCue(Cue::kSubordinator, Lower(tokens[i - 1].text));
    const bool occasion_possessive =
        (word == "his" || word == "her") && i > 0 && IsCue(Cue::kOccasionPreposition, Lower(tokens[i - 1].text));
    if (subordinate_subject || occasion_possessive) index = FirstPerson(*out).value_or(index);
    NotePerson(index);
    return person_mention(index, i + 1, Evidence::kPronoun);
  }
  // "its allies" points back to the latest actor; "supplying it" to the latest actor other
  // than the one the sentence is about.
  if (word == "its" || word == "it") {
    const Entity* first = nullptr;
    for (const Mention& m : out->mentions)
      if (!m.is_demonym && m.evidence != Evidence::kPronoun) {
        first = m.is_capital ? &m.country : &m.entities[0];
        break;
      }
    // "Pakistan announces that it will nominate": the speaker speaks of itself.
    if (word == "it" && first != nullptr && AfterReportingVerb(tokens, i)) {
      out->mentions.push_back({i, i + 1, {*first}, {}, false, false, Evidence::kPronoun});
      *next = i + 1;
      return true;
    }
    for (auto it = recent_actors_.rbegin(); it != recent_actors_.rend(); ++it) {
      if (word == "it" && first != nullptr && it->name == first->name) continue;
      out->mentions.push_back({i, i + 1, {*it}, {}, false, false, Evidence::kPronoun});
      *next = i + 1;
      return true;
    }
    return false;
  }
  // "Congo and Rwanda state that they have agreed": the speakers speak of themselves.
  if (word == "they" && AfterReportingVerb(tokens, i)) {
    std::vector<Entity> speakers;
    for (const Mention& m : out->mentions)
      if (!m.is_demonym && m.evidence != Evidence::kPronoun && m.entities.size() == 1)
        speakers.push_back(m.is_capital ? m.country : m.entities[0]);
    if (speakers.size() == 2) {
      out->mentions.push_back({i, i + 1, speakers, {}, false, false, Evidence::kPronoun});
      *next = i + 1;
      return true;
    }
  }
  // "the two leaders", "both leaders": the last two leaders the article named; "the two
  // ministers", the last two people it gave an office.
  if ((word == "the" || word == "both") && i + 1 < tokens.size()) {
    uint32_t k = i + 1;
    if (word == "the" && Lower(tokens[k].text) == "two") ++k;
    if (k < tokens.size() && (word == "both" || k > i + 1)) {
      const std::string noun = Lower(tokens[k].text);
      const bool heads = IsCue(Cue::kPairOfLeaders, noun);
      if (heads || IsCue(Cue::kPairOfOfficials, noun)) {
        std::vector<size_t> leaders;
        for (auto it = recent_.rbegin(); it != recent_.rend() && leaders.size() < 2; ++it)
          if (heads ? IsLeaderOffice(people_[*it].office) : !people_[*it].office.empty()) leaders.push_back(*it);
        if (leaders.size() == 2) {
          out->mentions.push_back({i,
                                   k + 1,
                                   {people_[leaders[1]].entity, people_[leaders[0]].entity},
                                   {},
                                   false,
                                   false,
                                   Evidence::kDescription});
          *next = k + 1;
          return true;
        }
      }
    }
  }
  return false;
}

std::optional<size_t> MentionFinder::FirstPerson(const SentenceMentions& sentence) const {
  for (const Mention& m : sentence.mentions) {
    if (m.entities.size() != 1 || m.entities[0].type != EntityType::kPerson) continue;
    std::optional<size_t> index;
    for (size_t k = 0; k < people_.size(); ++k)
      if (people_[k].entity.name == m.entities[0].name) index = k;
    return index;
  }
  return std::nullopt;
}

Entity MentionFinder::PersonNamed(const std::vector<Token>& tokens, uint32_t begin, uint32_t end) const {
  if (auto known = gazetteer_.LongestMatch(tokens, begin, when_);
      known && known->length == end - begin && gazetteer_.entry(known->entry).entity.type == EntityType::kPerson)
    return EntityOf(known->entry);
  return Entity{TitleText(tokens, begin, end), EntityType::kPerson, "", {}};
}

void MentionFinder::NoteSubject(const std::vector<Token>& tokens, const SentenceMentions& sentence) {
  // The speaker a sentence closes on ("..., the Tory leader said.", "..., said Mr Howard.") is
  // whom its story goes on with; else the person it opens with.
  const auto n = static_cast<uint32_t>(tokens.size());
  const auto reporting = [&](uint32_t k) {
    if (k < n && (Lower(tokens[k].text) == "has" || Lower(tokens[k].text) == "had")) ++k;
    return k < n && IsCue(Cue::kReportingVerb, Lower(tokens[k].text));
  };
  const auto sets_off = [&](uint32_t k) {
    const std::string_view t = tokens[k].text;
    return t == "," || t == "\"" || t == "\xE2\x80\x9D" || t == "'";
  };
  for (auto m = sentence.mentions.rbegin(); m != sentence.mentions.rend(); ++m) {
    uint32_t begin = m->begin;
    while (begin > 0 && IsHonorific(tokens[begin - 1].text)) --begin;
    if (!NamesOnePerson(*m) || begin == 0) continue;
    const bool after = sets_off(begin - 1) && reporting(m->end);
    const bool before = begin >= 2 && reporting(begin - 1) && sets_off(begin - 2);
    if (!after && !before) continue;
    for (size_t k = people_.size(); k-- > 0;)
      if (people_[k].entity.name == m->entities[0].name) {
        last_subject_ = k;
        return;
      }
  }
  if (const std::optional<size_t> first = FirstPerson(sentence)) last_subject_ = first;
}

bool MentionFinder::KnownInside(const std::vector<Token>& tokens, uint32_t begin, uint32_t end) const {
  // A lone surname is no known name: "Hillary Rodham Clinton" is not Bill Clinton.
  for (uint32_t k = begin + 1; k < end; ++k)
    if (const auto known = gazetteer_.LongestMatch(tokens, k, when_);
        known && (known->length > 1 || gazetteer_.entry(known->entry).entity.type != EntityType::kPerson))
      return true;
  return false;
}

bool MentionFinder::TryNamedEntity(const std::vector<Token>& tokens, uint32_t i, SentenceMentions* out,
                                   uint32_t* next) {
  const std::string_view text = tokens[i].text;
  // Cheap tests first, so that most words are never tagged: a capitalised common word opens a
  // name only when a capitalised word follows ("National Grain Alliance").
  if (ner_ == nullptr || text.size() < 2 || !Capitalized(text) || IsCommonCapitalizedWord(text) || IsMonthOrDay(text) ||
      IsParticipleCompound(text))
    return false;
  const bool common = ner_->IsCommonWord(text);
  if (common && (i + 1 >= tokens.size() || !Capitalized(tokens[i + 1].text))) return false;
  std::vector<std::string_view> forms(tokens.size());
  for (size_t k = 0; k < tokens.size(); ++k) forms[k] = tokens[k].text;
  const std::optional<NamedSpan> span = ner_->SpanAt(forms, i);
  if (!span) return false;
  // A place the lexicon lacks counts where a preposition of place introduces it: "an airstrike
  // in Zawtar al-Gharbiyah", "arrived in Sirte".
  // So does a verb or noun of travel, and the list it begins.
  const bool place =
      span->type == "LOC" && i > 0 && (IsCue(Cue::kLocative, Lower(tokens[i - 1].text)) || InTravelList(tokens, i));
  if (span->type != "PER" && span->type != "ORG" && !place) return false;
  uint32_t end = span->end;
  // "Khaled El-Enany": the tagger, trained on web text, has rarely seen a surname whose parts are
  // both capitalised; such a word right after a person's name goes on with it.
  const auto joined_capitals = [](std::string_view t) {
    const size_t hyphen = t.find('-');
    return Capitalized(t) && hyphen != std::string_view::npos && hyphen + 1 < t.size() &&
           std::isupper(static_cast<unsigned char>(t[hyphen + 1]));
  };
  while (span->type == "PER" && end < tokens.size() && end - i < 4 && joined_capitals(tokens[end].text)) ++end;
  // "shouted at Fiat chairman X": before an office of an organisation and a name, the name
  // the tagger took for a place is the organisation, which the title reads.
  if (place && OrganizationOfficeWithName(tokens, end)) return false;
  // A lone portfolio word names a portfolio: "U.S. Commerce secretary X" is the state's official.
  if (KnownInside(tokens, i, end) || (end == i + 1 && (common || IsCue(Cue::kPortfolioWord, text)))) return false;
  for (uint32_t k = i; k < end; ++k)
    if (IsMonthOrDay(tokens[k].text)) return false;
  Entity entity{TitleText(tokens, i, end), place ? EntityType::kLocation : EntityType::kOrganization, "", {}};
  if (span->type == "PER") {
    // A lone word is too often a place or a surname of someone unnamed; the exclusions of
    // unknown person runs hold as well.
    if (end - i < 2 || IsCue(Cue::kPlaceOpener, text) || IsCue(Cue::kRank, text) ||
        OrganizationOfficeWithName(tokens, end))
      return false;
    // "Harwick chairman Jane Moss": a lower-case word other than a name's particle ends the name.
    for (uint32_t k = i; k < end; ++k)
      if (IsCue(Cue::kPlaceOrEventWord, tokens[k].text) || IsCue(Cue::kThingWord, tokens[k].text) ||
          IsCue(Cue::kOrganizationHead, tokens[k].text) ||
          !(Capitalized(tokens[k].text) || IsNameParticle(tokens[k].text)))
        return false;
    entity = PersonNamed(tokens, i, end);
    if (entity.name == TitleText(tokens, i, end)) entity.name = NameWithoutInitials(tokens, i, end);
    NotePerson(Remember(entity, "", ""));
  } else if (!place) {  // a place acts for no one
    NoteActor(entity);
  }
  out->mentions.push_back({i, end, {entity}, {}, false, false, Evidence::kUnknownName});
  *next = end;
  return true;
}

std::pair<uint32_t, uint32_t> MentionFinder::Dateline(const std::vector<Token>& tokens) {
  const auto all_capitals = [](std::string_view t) {
    return std::any_of(t.begin(), t.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }) &&
           std::none_of(t.begin(), t.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
  };
  uint32_t k = 0;
  while (k < tokens.size() && k < 4 && all_capitals(tokens[k].text)) ++k;
  if (k == 0 || k >= tokens.size() || (tokens[k].text != "," && tokens[k].text != "(")) return {0, 0};
  // Then the date or the agency, and a dash, within a few tokens.
  for (uint32_t end = k + 1; end < tokens.size() && end <= k + 6; ++end) {
    const std::string_view t = tokens[end].text;
    if (t == "-" || t == "--" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93") return {k, end + 1};
  }
  return {0, 0};
}

SentenceMentions MentionFinder::Find(const std::vector<Token>& tokens) {
  SentenceMentions out;
  const auto n = static_cast<uint32_t>(tokens.size());
  uint32_t start = 0;
  if (first_sentence_) {
    first_sentence_ = false;
    const auto [place_end, dateline_end] = Dateline(tokens);
    start = dateline_end;
    if (place_end > 0) {
      const SentenceMentions place = Find(std::vector<Token>(tokens.begin(), tokens.begin() + place_end));
      if (place.mentions.size() == 1 && place.mentions[0].entities[0].type != EntityType::kPerson)
        dateline_ = place.mentions[0];
    }
  }
  for (uint32_t i = start; i < n;) {
    uint32_t next = i + 1;
    // "said here": in a wire story, the place it was filed from.
    if (dateline_ && tokens[i].text == "here") {
      Mention here = *dateline_;
      here.begin = i;
      here.end = i + 1;
      out.mentions.push_back(std::move(here));
      ++i;
      continue;
    }
    const Mention* before = out.mentions.empty() ? nullptr : &out.mentions.back();
    if (TryTitle(tokens, i, before, &out, &next) || TryAppositiveTitle(tokens, i, &out, &next) ||
        TryDescription(tokens, i, &out, &next)) {
      i = next;
      continue;
    }
    const std::string_view text = tokens[i].text;
    // People the article already named win over the lexicon: "Lee" is the Lee of this story.
    // "near Bandar Abbas" is a place, not Mahmoud Abbas, and "Ginger Baker" is not James Baker:
    // an alias inside a longer name is no alias.
    uint32_t alias_end = i;
    const auto alias = aliases_.find(std::string(text));
    if (alias != aliases_.end()) {
      alias_end = i + 1;
      while (alias_end < n && aliases_.count(std::string(tokens[alias_end].text)) &&
             aliases_.at(std::string(tokens[alias_end].text)) == alias->second)
        ++alias_end;
    }
    if (alias != aliases_.end() && Capitalized(text) && !InLongerName(tokens, i, alias_end, out)) {
      uint32_t end = alias_end;
      Entity person = people_[alias->second].entity;
      if (end < n && IsGenerationSuffix(tokens[end].text)) {
        // "Trump's son Donald Trump Jr.": another person.
        person = Entity{TitleText(tokens, i, end + 1), EntityType::kPerson, "", {}};
        ++end;
        NotePerson(Remember(person, "", ""));
      } else {
        NotePerson(alias->second);
      }
      out.mentions.push_back({i, end, {person}, {}, false, false, Evidence::kAlias});
      i = end;
      continue;
    }
    auto m = gazetteer_.LongestMatch(tokens, i, when_);
    // "US$5 billion" is money, not the United States.
    if (m && i + m->length < n && tokens[i + m->length].text == "$" && !tokens[i + m->length - 1].space_after)
      m.reset();
    // A person's lone surname or given name only when no other name word surrounds it:
    // "Arroyo Grande" is a town, "Ginger Baker" a drummer.
    if (m && m->length == 1 && gazetteer_.entry(m->entry).entity.type == EntityType::kPerson &&
        InLongerName(tokens, i, i + 1, out))
      m.reset();
    // "Economy and Labour Minister": a portfolio word before a capitalised title names no party.
    if (m && m->length == 1 && IsCue(Cue::kPortfolioWord, text) && i + 1 < n && Capitalized(tokens[i + 1].text)) {
      uint32_t title_length = 0;
      if (const Title* title = MatchTitle(tokens, i + 1, &title_length);
          title != nullptr && (HasWord(*title, "minister") || HasWord(*title, "secretary")))
        m.reset();
    }
    // "Brazilian Coffee Institute", "Nippon Mining Co Ltd", "Darfur Joint Protection Force": a
    // state's name or demonym opens the name of an organisation that is not an organ of that
    // state; a region's name opens the name of any organisation.
    if (m && OrganizationOpenedBy(tokens, i, *m) > 0) m.reset();
    if (m) {
      const GazetteerEntry& entry = gazetteer_.entry(m->entry);
      const auto end = static_cast<uint32_t>(i + m->length);
      Mention mention{i, end, {EntityOf(m->entry)}, {}, false, false, Evidence::kNamed};
      switch (m->kind) {
        case NameKind::kName:
          if (entry.entity.type == EntityType::kPerson && end < n && IsGenerationSuffix(tokens[end].text)) {
            // "Donald Trump Jr." is not Donald Trump.
            mention.entities[0] =
                Entity{entry.entity.name + " " + std::string(tokens[end].text), EntityType::kPerson, "", {}};
            mention.end = end + 1;
            NotePerson(Remember(mention.entities[0], entry.country, ""));
          } else if (entry.entity.type == EntityType::kPerson) {
            const auto [country, office] = RoleOfDay(m->entry);
            NotePerson(Remember(mention.entities[0], country, office));
          }
          break;
        case NameKind::kDemonym:
          if (const uint32_t at = end + 1 < n && Lower(tokens[end].text) == "foreign" ? end + 1 : end;
              at < n && IsCue(Cue::kStateCollective, Lower(tokens[at].text))) {
            mention.end = at + 1;  // "the Chinese government", "the Saudi foreign ministry" act for their state
          } else {
            mention.is_demonym = true;
          }
          break;
        case NameKind::kCapital:
          if (entry.entity.type == EntityType::kLocation) {
            // Bonn acted for West Germany, then Germany until 1999, then for no one.
            const std::string state = gazetteer_.CountryAt(m->entry, when_);
            mention.is_capital = !state.empty();
            if (mention.is_capital) mention.country = CountryNamed(state);
          } else {
            mention.is_capital = true;
            mention.country = mention.entities[0];
            mention.entities[0] = Entity{std::string(TitleText(tokens, i, end)), EntityType::kLocation, "", {}};
          }
          break;
        case NameKind::kSeat:
          if (entry.entity.type != EntityType::kCountry && !entry.country.empty())
            mention.entities[0] = CountryNamed(gazetteer_.CountryAt(m->entry, when_));
          break;
      }
      if (!mention.is_demonym && mention.entities[0].type != EntityType::kPerson)
        NoteActor(mention.is_capital ? mention.country : mention.entities[0]);
      i = mention.end;
      out.mentions.push_back(std::move(mention));
      continue;
    }
    // A capitalised phrase that ends in an organisation's head word.
    const bool describes = EndsInLowerCasePart(text);
    // "Yesterday Council for Rural Welfare chairman X": a clause's opening word is no part of it.
    if (Capitalized(text) && !IsCommonCapitalizedWord(text) && !IsCue(Cue::kNameOpener, text) && !describes) {
      if (const uint32_t last_head =
              OrganizationPhraseEnd(tokens, i, [&](uint32_t k) { return NamesPlace(tokens, k); });
          last_head > i + 1) {
        Entity org{TitleText(tokens, i, last_head), EntityType::kOrganization, "", {}};
        NoteActor(org);
        out.mentions.push_back({i, last_head, {org}, {}, false, false, Evidence::kNamed});
        i = last_head;
        continue;
      }
    }
    // A known name inside the run ("Gen Pervez Musharraf") is left to the lexicon.
    if (const uint32_t run = UnknownPersonRun(tokens, i); run > 0 && !KnownInside(tokens, i, i + run)) {
      const Entity person{NameWithoutFirstInitial(tokens, i, i + run), EntityType::kPerson, "", {}};
      NotePerson(Remember(person, "", ""));
      out.mentions.push_back({i, i + run, {person}, {}, false, false, Evidence::kUnknownName});
      i += run;
      continue;
    }
    // "visits Leicester, Basingstoke and Torbay": one capitalised word in a list of places
    // visited is a town, whatever the tagger makes of it.
    if (IsNameToken(text) && !describes &&
        (i + 1 == n || !(Capitalized(tokens[i + 1].text) || IsPossessive(tokens[i + 1].text))) &&
        InTravelList(tokens, i) && !IsCommonCapitalizedWord(text) && !(ner_ != nullptr && ner_->IsCommonWord(text))) {
      const Entity town{std::string(text), EntityType::kLocation, "", {}};
      out.mentions.push_back({i, i + 1, {town}, {}, false, false, Evidence::kUnknownName});
      ++i;
      continue;
    }
    if (TryNamedEntity(tokens, i, &out, &next)) {
      i = next;
      continue;
    }
    if (const uint32_t run = i == 0 ? OpeningPersonRun(tokens) : 0; run > 0 && !KnownInside(tokens, 0, run)) {
      const Entity person{NameWithoutFirstInitial(tokens, 0, run), EntityType::kPerson, "", {}};
      NotePerson(Remember(person, "", ""));
      out.mentions.push_back({0, run, {person}, {}, false, false, Evidence::kUnknownName});
      i = run;
      continue;
    }
    i = next;
  }
  // "Peter Ainsworth MP": the letters after a person's name belong to the mention.
  for (size_t k = 0; k < out.mentions.size(); ++k) {
    Mention& m = out.mentions[k];
    if (NamesOnePerson(m) && m.end < n && IsCue(Cue::kPostNominal, tokens[m.end].text) &&
        (k + 1 == out.mentions.size() || out.mentions[k + 1].begin > m.end))
      ++m.end;
  }
  // The dateline's state gives way to any other state the sentence names: "WASHINGTON - Vice
  // Finance Minister Makoto Kuroda said Japan would act" is Japan's minister.
  std::erase_if(out.roles, [&](const RoleFact& role) {
    return role.from_dateline && std::ranges::any_of(out.mentions, [&](const Mention& m) {
             const Entity& state = m.is_capital ? m.country : m.entities[0];
             return state.type == EntityType::kCountry && state.name != role.country.name;
           });
  });
  PronounsBeforeSubject(tokens, &out);
  FindMemberships(tokens, &out);
  FindIncumbents(tokens, &out);
  FindAffiliations(tokens, &out);
  FindAppointments(tokens, &out);
  NoteSubject(tokens, out);
  return out;
}

void MentionFinder::PronounsBeforeSubject(const std::vector<Token>& tokens, SentenceMentions* out) const {
  // An opening phrase: a preposition of occasion or a participle, up to its comma.
  const auto n = static_cast<uint32_t>(tokens.size());
  const std::string first = n > 0 ? Lower(tokens[0].text) : std::string();
  if (n < 4 || !(IsCue(Cue::kOccasionPreposition, first) || first == "following" || first.ends_with("ing"))) return;
  uint32_t comma = 1;
  while (comma < n && comma < 16 && tokens[comma].text != ",") ++comma;
  if (comma >= n || comma >= 16) return;
  const Mention* subject = nullptr;
  for (const Mention& m : out->mentions)
    if (m.begin > comma) {
      if (m.begin <= comma + 2 && NamesOnePerson(m)) subject = &m;
      break;
    }
  if (subject == nullptr) return;
  for (Mention& m : out->mentions) {
    if (m.begin >= comma) break;
    const std::string word = Lower(tokens[m.begin].text);
    if (m.evidence == Evidence::kPronoun && (word == "his" || word == "her")) m.entities = subject->entities;
  }
}

bool MentionFinder::IsParty(const Mention& m) {
  return m.entities.size() == 1 && NamesParty(m.entities[0], m.is_demonym);
}

bool MentionFinder::NamesParty(const Entity& e, bool as_adjective) {
  return e.type == EntityType::kOrganization && (as_adjective || e.name.find("Party") != std::string::npos);
}

void MentionFinder::FindMemberships(const std::vector<Token>& tokens, SentenceMentions* out) const {
  std::vector<RoleFact> found;
  const std::vector<Mention>& ms = out->mentions;
  for (size_t k = 0; k + 1 < ms.size(); ++k) {
    const Mention& owner = ms[k];
    if (owner.entities.size() != 1 || owner.entities[0].type != EntityType::kOrganization) continue;
    uint32_t at = owner.end;
    const auto word_at = [&](uint32_t i) { return i < tokens.size() ? Lower(tokens[i].text) : std::string(); };
    // "OPEC member Venezuela", "fellow NATO members Turkey and Greece", "EU member states A, B and
    // C"; a list set off after the organisation: "the Group of Seven - the US, Japan and
    // Canada", "the G-5 countries: A, B and C", "the G8, which comprises the G7 and Russia".
    size_t least = 0;  // members a list must name to count
    // A body that includes or groups others may have organisations for members ("the Making
    // Decisions Alliance, which includes Age Concern"); member states are states.
    bool bodies_join = false;
    if (IsCue(Cue::kMemberWord, word_at(at))) {
      ++at;
      if (IsCue(Cue::kMemberNoun, word_at(at))) ++at;
      // "Andean Group members are Peru, Bolivia and Ecuador", "its members include A and B".
      if (const std::string verb = word_at(at); verb == "are" || verb == "include" || verb == "included" || verb == ":")
        ++at;
      least = 1;
    } else {
      if (IsCue(Cue::kMemberNoun, word_at(at))) ++at;
      static constexpr auto kDashes = std::to_array<std::string_view>({"-", "\xE2\x80\x93", "\xE2\x80\x94", ":"});
      if (std::ranges::find(kDashes, word_at(at)) != kDashes.end()) {
        ++at;
        least = 2;
      } else if (word_at(at) == "," && word_at(at + 1) == "which" && IsCue(Cue::kComprising, word_at(at + 2))) {
        at += 3;
        least = 1;
        bodies_join = true;
      } else if (word_at(at) == "," && IsCue(Cue::kComprising, word_at(at + 1))) {
        at += 2;
        least = 1;
        bodies_join = true;
      } else if (const std::string verb = word_at(at + 1);
                 word_at(at) == "," && IsCue(Cue::kFoundingParticiple, verb)) {
        // "the Andean Pact, formed by Colombia, Venezuela, Peru and Ecuador", "made up of".
        const uint32_t by = at + (verb == "made" && word_at(at + 2) == "up" ? 3 : 2);
        if (word_at(by) == "by" || word_at(by) == "of") {
          at = by + 1;
          least = 2;
        }
      }
      if (least == 0) {
        // "The PTA groups Burundi, the Comoros and Djibouti", "the CPA includes Ivory Coast", "The
        // PTA, set up in 1982, groups ...": the verb may follow an apposition.
        uint32_t verb = at;
        if (word_at(at) == ",")
          for (uint32_t k = at + 1; k < tokens.size() && k <= at + 8; ++k)
            if (word_at(k) == ",") {
              verb = k + 1;
              break;
            }
        // "is comprised of", "is made up of", "is composed of".
        const bool be = word_at(verb) == "is" || word_at(verb) == "are" || word_at(verb) == "was";
        const uint32_t made = verb + (be ? 1 : 0);
        const uint32_t of = made + (word_at(made) == "made" && word_at(made + 1) == "up" ? 2 : 1);
        if (IsCue(Cue::kGroupingVerb, word_at(verb)) || (word_at(verb) == "consists" && word_at(verb + 1) == "of")) {
          at = verb + (word_at(verb) == "consists" ? 2 : 1);
          least = 1;
          bodies_join = true;
        } else if (be && (word_at(made) == "comprised" || word_at(made) == "composed" || word_at(made) == "made") &&
                   word_at(of) == "of") {
          at = of + 1;
          least = 1;
          bodies_join = true;
        }
      }
    }
    if (least > 0) {
      std::vector<RoleFact> members;
      for (size_t j = k + 1; j < ms.size(); ++j) {
        while (word_at(at) == "the") ++at;
        if (ms[j].begin != at) break;
        const Mention& member = ms[j];
        if (member.is_demonym || member.entities.size() != 1) break;
        if (member.entities[0].type == EntityType::kCountry ||
            (bodies_join && member.entities[0].type == EntityType::kOrganization && !IsParty(member)))
          members.push_back(
              {member.entities[0], Relation::kMemberOf, "a member", owner.entities[0], owner.begin, member.end, false});
        else if (member.entities[0].type != EntityType::kOrganization)
          break;  // another group of the list ("the G7 and Russia") is no state of it
        at = member.end;
        while (word_at(at) == "," || word_at(at) == "and") ++at;
      }
      if (members.size() >= least) found.insert(found.end(), members.begin(), members.end());
      continue;
    }
    // "Democrat Chuck Schumer", "Labour's Paul Flynn": a party's adjective or name right before a person.
    if (!IsParty(owner)) continue;
    if (at < tokens.size() && IsPossessive(tokens[at].text)) ++at;
    if (at + 1 < tokens.size() && IsHonorific(tokens[at].text)) ++at;  // "Labour's Mr Livingstone"
    const Mention& next = ms[k + 1];
    // A titled person took the party as the owner of the title, if it was one.
    if (next.begin == at && next.entities.size() == 1 && next.entities[0].type == EntityType::kPerson &&
        next.evidence != Evidence::kPronoun && next.evidence != Evidence::kTitled)
      found.push_back(
          {next.entities[0], Relation::kMemberOf, "a member", owner.entities[0], owner.begin, next.end, false});
  }
  // "Slovenia, an EU member, ...", "Slovenia became the first EU country to": a state described as
  // a member of an organisation, in apposition or after a copula. Only lower-case words stand
  // between the article and the organisation, and none of them negates ("not a NATO member").
  for (size_t k = 1; k < ms.size(); ++k) {
    const Mention& owner = ms[k];
    if (owner.entities.size() != 1 || owner.entities[0].type != EntityType::kOrganization || owner.is_demonym ||
        owner.end >= tokens.size())
      continue;
    const std::string after = Lower(tokens[owner.end].text);
    if (!IsCue(Cue::kMemberWord, after) && !IsCue(Cue::kMemberNoun, after)) continue;
    uint32_t article = owner.begin;
    while (article > 0 && owner.begin - article < 3 && IsLowerWord(tokens[article - 1].text) &&
           !IsCue(Cue::kNegationCue, tokens[article - 1].text) && !IsCue(Cue::kArticle, tokens[article - 1].text))
      --article;
    if (article < 2 || !IsCue(Cue::kArticle, tokens[article - 1].text)) continue;
    const uint32_t link = article - 2;
    const std::string_view linking = tokens[link].text;
    if (linking != "," && !IsCue(Cue::kCopula, Lower(linking))) continue;
    const Mention& state = ms[k - 1];
    if (state.end != link || state.is_demonym || state.entities.size() != 1 ||
        state.entities[0].type != EntityType::kCountry)
      continue;
    found.push_back(
        {state.entities[0], Relation::kMemberOf, "a member", owner.entities[0], state.begin, owner.end + 1, false});
  }
  // "Bill Frenzel, R-Minn.", "Rep. Jerry Huckaby (D-La.)", "John Danforth, a Missouri Republican":
  // a US politician's party, and the United States, whose official he is.
  const auto us = gazetteer_.Find("United States");
  const auto in_us = [&](const Entity& place) {
    const auto entry = gazetteer_.Find(place.name);
    return us && entry && gazetteer_.CountryAt(*entry, when_) == gazetteer_.entry(*us).entity.name;
  };
  for (size_t k = 0; k < ms.size(); ++k) {
    const Mention& who = ms[k];
    if (!NamesOnePerson(who) || who.end + 2 >= tokens.size() ||
        (tokens[who.end].text != "," && tokens[who.end].text != "("))
      continue;
    const std::string_view t = tokens[who.end + 1].text;
    char letter = 0;
    uint32_t end = who.end + 2;
    if (t.size() >= 4 && (t[0] == 'D' || t[0] == 'R') && t[1] == '-' &&
        std::isupper(static_cast<unsigned char>(t[2]))) {
      letter = t[0];
    } else if (IsCue(Cue::kArticle, Lower(t)) && k + 1 < ms.size() && ms[k + 1].begin == who.end + 2 &&
               ms[k + 1].end < tokens.size() && ms[k + 1].entities.size() == 1 &&
               ms[k + 1].entities[0].type == EntityType::kLocation && in_us(ms[k + 1].entities[0])) {
      const std::string_view party = tokens[ms[k + 1].end].text;
      if (party == "Democrat" || party == "Republican") letter = party[0];
      end = ms[k + 1].end + 1;
    }
    if (letter == 0) continue;
    if (const auto party = gazetteer_.Find(letter == 'D' ? "Democratic Party" : "Republican Party"))
      found.push_back({who.entities[0], Relation::kMemberOf, "a member", EntityOf(*party), who.begin, end, false});
    if (us)
      found.push_back({who.entities[0], Relation::kOfficialOf, "a politician", EntityOf(*us), who.begin, end, false});
  }
  // "Simon Tate, of Plaid Cymru, said", "Ann Roe, of Harwick Securities,": the party a person
  // belongs to, the organisation they work for.
  for (size_t k = 0; k + 1 < ms.size(); ++k) {
    const Mention& who = ms[k];
    const Mention& of = ms[k + 1];
    const uint32_t the = who.end + 2 < tokens.size() && Lower(tokens[who.end + 2].text) == "the" ? 1 : 0;
    if (!NamesOnePerson(who) || of.begin != who.end + 2 + the || of.end >= tokens.size() || of.entities.size() != 1 ||
        of.entities[0].type != EntityType::kOrganization || of.is_demonym || tokens[who.end].text != "," ||
        tokens[who.end + 1].text != "of" || (tokens[of.end].text != "," && tokens[of.end].text != "."))
      continue;
    const bool party = IsParty(of);
    found.push_back({who.entities[0], party ? Relation::kMemberOf : Relation::kOfficialOf,
                     party ? "a member" : "an employee", of.entities[0], who.begin, of.end, false});
  }
  // "Trump is a Republican".
  for (size_t k = 1; k < ms.size(); ++k) {
    const Mention& who = ms[k - 1];
    const Mention& party = ms[k];
    if (!party.is_demonym || !IsParty(party) || who.end + 2 != party.begin || who.entities.size() != 1 ||
        who.entities[0].type != EntityType::kPerson)
      continue;
    const std::string be = Lower(tokens[who.end].text), article = Lower(tokens[who.end + 1].text);
    if ((be == "is" || be == "was") && (article == "a" || article == "an"))
      found.push_back(
          {who.entities[0], Relation::kMemberOf, "a member", party.entities[0], who.begin, party.end, false});
  }
  out->roles.insert(out->roles.end(), found.begin(), found.end());
}

void MentionFinder::FindIncumbents(const std::vector<Token>& tokens, SentenceMentions* out) const {
  const Entity* state = nullptr;
  for (const Mention& m : out->mentions) {
    if (m.entities.size() != 1 || m.entities[0].type != EntityType::kCountry) continue;
    if (state != nullptr && state->name != m.entities[0].name) return;
    state = &m.entities[0];
  }
  const bool head_office =
      std::ranges::any_of(tokens, [](const Token& t) { return IsCue(Cue::kElectedHeadOffice, Lower(t.text)); });
  if (state == nullptr || !head_office) return;
  std::vector<RoleFact> found;
  for (const Mention& m : out->mentions)
    if (m.begin > 0 && Lower(tokens[m.begin - 1].text) == "incumbent" && NamesOnePerson(m) &&
        m.evidence != Evidence::kTitled)
      found.push_back({m.entities[0], Relation::kLeads, "the incumbent", *state, m.begin - 1, m.end, false});
  out->roles.insert(out->roles.end(), found.begin(), found.end());
}

void MentionFinder::FindAffiliations(const std::vector<Token>& tokens, SentenceMentions* out) const {
  const std::vector<Mention>& ms = out->mentions;
  const auto n = static_cast<uint32_t>(tokens.size());
  const auto is_organization = [](const Mention& m) {
    return m.entities.size() == 1 && m.entities[0].type == EntityType::kOrganization && !m.is_demonym;
  };
  const auto has_role = [&](const Entity& person) {
    return std::any_of(out->roles.begin(), out->roles.end(),
                       [&](const RoleFact& r) { return r.person.name == person.name; });
  };
  // The role that words [begin, end) name, a description of a person ("chief economist",
  // "senior European dealer"): lower-case words and demonyms, one of them a title. The title
  // says the relation; a head ("head of strategy") leads the organisation only when the
  // organisation follows the title.
  const auto role_of = [&](uint32_t begin, uint32_t end, std::string* office) -> std::optional<Relation> {
    std::optional<Relation> relation;
    for (uint32_t k = begin; k < end; ++k) {
      const std::string_view t = tokens[k].text;
      const bool demonym = std::any_of(ms.begin(), ms.end(),
                                       [&](const Mention& m) { return m.is_demonym && m.begin <= k && k < m.end; });
      if (!demonym && (t.empty() || !(std::islower(static_cast<unsigned char>(t[0])) ||
                                      std::isdigit(static_cast<unsigned char>(t[0])))))
        return std::nullopt;
      // "Trump, including Republican members of the House": the words after the comma name
      // others, they do not describe the person.
      if (IsCue(Cue::kReportingVerb, t) || t == "who" || t == "which" || t == "whose" || t == "that" ||
          IsCue(Cue::kListIntroducer, t))
        return std::nullopt;
      uint32_t length = 0;
      if (relation) continue;
      if (t == "member" || t == "members") {
        relation = Relation::kMemberOf;
      } else if (const Title* title = MatchTitle(tokens, k, &length); title != nullptr) {
        // "deputy governor of the central bank" is an official of it, not its head.
        const bool second = k > begin && IsCue(Cue::kSecondRank, Lower(tokens[k - 1].text));
        relation = title->relation == Relation::kLeads && (second || k + length != end) ? Relation::kOfficialOf
                                                                                        : title->relation;
        *office = TitleText(tokens, k, k + length);
      }
    }
    if (relation == Relation::kMemberOf) *office = "a member";
    return relation;
  };
  std::vector<RoleFact> found;
  for (size_t j = 0; j < ms.size(); ++j) {
    const Mention& org = ms[j];
    if (!is_organization(org)) continue;
    // "Jane Roe, (a|the) chief economist (at|with|for|of) (brokers) Acme Capital": the nearest
    // person before, set off by a comma.
    uint32_t prep = org.begin;
    for (uint32_t skipped = 0; prep > 0 && skipped <= 2; ++skipped) {
      const std::string w = Lower(tokens[prep - 1].text);
      if (w == "at" || w == "with" || w == "for" || w == "of") break;
      if (tokens[prep - 1].text.empty() || !std::islower(static_cast<unsigned char>(tokens[prep - 1].text[0]))) {
        prep = 0;
        break;
      }
      --prep;
    }
    if (prep > 0) {
      --prep;  // the preposition
      for (size_t p = 0; p < j; ++p) {
        const Mention& person = ms[p];
        if (!NamesOnePerson(person) || person.end + 2 > prep || tokens[person.end].text != ",") continue;
        uint32_t begin = person.end + 1;
        if (IsCue(Cue::kArticle, Lower(tokens[begin].text))) ++begin;
        if (begin >= prep || prep - begin > 6) continue;
        std::string office;
        auto relation = role_of(begin, prep, &office);
        // "head of the Bundesbank's credit department", "head of the EC delegation": the head of
        // a part of the organisation is one of its officials.
        // "a member of the Daimler management board" sits on a body of the organisation: an official.
        const auto part_follows = [&] {
          uint32_t k = org.end;
          if (k < n && IsPossessive(tokens[k].text)) return true;
          for (; k < n && k <= org.end + 1 && !IsCue(Cue::kOrganizationPart, Lower(tokens[k].text)); ++k)
            if (tokens[k].text.empty() || !std::islower(static_cast<unsigned char>(tokens[k].text[0]))) return false;
          return k < n && IsCue(Cue::kOrganizationPart, Lower(tokens[k].text));
        };
        if ((relation == Relation::kLeads || relation == Relation::kMemberOf) && part_follows())
          relation = Relation::kOfficialOf;
        if (relation && !has_role(person.entities[0]))
          found.push_back({person.entities[0], *relation, office, org.entities[0], person.begin, org.end, false});
      }
      // "Bill Roe, executive vice president of Norlink Corp and president of the Oil Suppliers
      // Association": an office joined by "and" after one the person holds is the same person's.
      uint32_t title_begin = prep;
      while (title_begin > 0 && prep - title_begin < 4 && IsLowerWord(tokens[title_begin - 1].text) &&
             tokens[title_begin - 1].text != "and")
        --title_begin;
      if (title_begin < prep && title_begin > 1 && tokens[title_begin - 1].text == "and") {
        std::optional<RoleFact> first;
        for (const auto* roles : {&out->roles, &found})
          for (const RoleFact& r : *roles)
            if (r.end + 1 == title_begin) first = r;
        std::string office;
        if (const auto relation = role_of(title_begin, prep, &office);
            first && relation && *relation != Relation::kMemberOf)
          found.push_back({first->person, *relation, office, org.entities[0], first->begin, org.end, false});
      }
      // "Jane Roe of Amnesty International", "Jane Roe, of Amnesty International"; "Jane Roe of
      // the Green Party" is one of its members.
      if (Lower(tokens[prep].text) == "of" && j > 0) {
        const Mention& person = ms[j - 1];
        const uint32_t gap = prep > person.end && tokens[person.end].text == "," ? 1 : 0;
        const bool party = IsParty(org);
        const bool adjacent =
            prep + 1 == org.begin || (party && prep + 2 == org.begin && Lower(tokens[prep + 1].text) == "the");
        if (NamesOnePerson(person) && person.end + gap == prep && adjacent && !has_role(person.entities[0]))
          found.push_back({person.entities[0], party ? Relation::kMemberOf : Relation::kOfficialOf,
                           party ? "a member" : "an official", org.entities[0], person.begin, org.end, false});
      }
    }
    // "Jane Roe of Ohio, the Green Party's 2020 presidential nominee,": the description runs to
    // the next punctuation; the person is the last one named before the comma.
    if (org.end + 2 < n && IsPossessive(tokens[org.end].text)) {
      uint32_t comma = org.begin;
      while (comma > 0 && comma + 3 > org.begin && tokens[comma - 1].text != ",") --comma;
      uint32_t end = org.end + 1;
      while (end < n && end - org.end <= 5 && std::isalnum(static_cast<unsigned char>(tokens[end].text[0]))) ++end;
      const bool between = comma > 1 && tokens[comma - 1].text == "," &&
                           std::all_of(tokens.begin() + comma, tokens.begin() + org.begin, [&](const Token& t) {
                             return t.text == "the" || std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
                                      return &t >= &tokens[m.begin] && &t < &tokens[m.end];
                                    });
                           });
      std::string office;
      if (between && end < n && !std::isalnum(static_cast<unsigned char>(tokens[end].text[0])))
        for (size_t p = j; p-- > 0;) {
          const Mention& person = ms[p];
          if (person.end + 4 < comma) break;
          if (!NamesOnePerson(person) || person.end >= comma) continue;
          if (const auto relation = role_of(org.end + 1, end, &office); relation && !has_role(person.entities[0]))
            found.push_back({person.entities[0], *relation, office, org.entities[0], person.begin, end, false});
          break;
        }
    }
    // "Hamas, led by Yahya Sinwar", "the court is headed by Justice Jane Roe": the head.
    uint32_t by = org.end < n && tokens[org.end].text == "," ? org.end + 1 : org.end;
    if (by < n && (Lower(tokens[by].text) == "is" || Lower(tokens[by].text) == "was")) ++by;
    if (org.evidence != Evidence::kPronoun && by + 2 < n && IsCue(Cue::kHeadedParticiple, Lower(tokens[by].text)) &&
        tokens[by + 1].text == "by" && j + 1 < ms.size() && ms[j + 1].begin == by + 2 && NamesOnePerson(ms[j + 1]))
      found.push_back(
          {ms[j + 1].entities[0], Relation::kLeads, "the head", org.entities[0], org.begin, ms[j + 1].end, false});
    // "Acme Capital's senior dealer Jane Roe".
    if (org.end + 2 < n && IsPossessive(tokens[org.end].text) && j + 1 < ms.size()) {
      const Mention& person = ms[j + 1];
      std::string office;
      if (NamesOnePerson(person) && person.begin > org.end + 1 && person.begin - org.end <= 5 &&
          !has_role(person.entities[0]))
        if (const auto relation = role_of(org.end + 1, person.begin, &office); relation)
          found.push_back({person.entities[0], *relation, office, org.entities[0], org.begin, person.end, false});
    }
  }
  out->roles.insert(out->roles.end(), found.begin(), found.end());
}

void MentionFinder::FindAppointments(const std::vector<Token>& tokens, SentenceMentions* out) const {
  const std::vector<Mention>& ms = out->mentions;
  const auto n = static_cast<uint32_t>(tokens.size());
  const auto word_at = [&](uint32_t i) { return i < n ? Lower(tokens[i].text) : std::string(); };
  std::vector<RoleFact> found;
  for (size_t j = 0; j < ms.size(); ++j) {
    const Mention& who = ms[j];
    if (!NamesOnePerson(who)) continue;
    // "Y appoints X as": the appointer's own office names the state when the new one does not.
    std::optional<Entity> appointer_state;
    uint32_t k = who.end;
    if (who.begin > 0 && IsCue(Cue::kAppointingVerb, word_at(who.begin - 1)) && word_at(k) == "as") {
      if (j > 0 && ms[j - 1].end + 1 == who.begin && ms[j - 1].entities.size() == 1) {
        const Mention& by = ms[j - 1];
        if (by.entities[0].type == EntityType::kCountry) appointer_state = by.is_capital ? by.country : by.entities[0];
        for (const RoleFact& role : out->roles)
          if (role.person.name == by.entities[0].name && role.relation == Relation::kLeads)
            appointer_state = role.country;
      }
      if (!appointer_state) continue;
      ++k;
    } else {
      // "X is elected", "X has been re-elected as", "X was sworn in as".
      for (uint32_t aux = 0;
           aux < 3 && (word_at(k) == "is" || word_at(k) == "was" || word_at(k) == "has" || word_at(k) == "had" ||
                       word_at(k) == "been" || word_at(k) == "be" || word_at(k) == "will");
           ++aux)
        ++k;
      if (k == who.end || !IsCue(Cue::kAppointingVerb, word_at(k))) continue;
      ++k;
      if (word_at(k) == "in") ++k;  // "sworn in"
      if (word_at(k) == "as") ++k;
    }
    if (word_at(k) == "the" || word_at(k) == "a") ++k;
    // "sworn in as the 15th vice president", "elected the first woman president of".
    for (uint32_t skipped = 0; skipped < 3 && (IsCue(Cue::kOfficeModifier, word_at(k)) || IsOrdinal(word_at(k)));
         ++skipped)
      ++k;
    uint32_t length = 0;
    const Title* title = MatchTitle(tokens, k, &length);
    if (title == nullptr) continue;
    const uint32_t end = k + length;
    Entity owner;
    uint32_t phrase_end = end;
    if (auto of = OwnerAfter(tokens, end, *title)) {
      owner = of->first;
      phrase_end = of->second;
    }
    if (owner.name.empty() && appointer_state) owner = *appointer_state;
    if (owner.name.empty() || (title->needs_owner && owner.type == EntityType::kCountry)) continue;
    found.push_back({who.entities[0], RoleRelation(title->relation, owner), TitleText(tokens, k, end), owner, who.begin,
                     phrase_end, false});
  }
  out->roles.insert(out->roles.end(), found.begin(), found.end());
}

}  // namespace geokg::extract::internal
