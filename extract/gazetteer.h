// extract/gazetteer.h -- the lexicon of known entities: countries (names, demonyms, capitals,
// seats of government, ISO codes), international organisations, people in office and places.
// The default lexicon is built into the binary (extract/data/gazetteer.tsv); users add their
// own files in the same format (docs/LEXICON.md). A loaded Gazetteer is immutable and may be
// shared by threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/tokenizer.h"
#include "graph/entity.h"
#include "graph/status.h"

namespace geokg::extract {

// How a surface form refers to its entry.
enum class NameKind : uint8_t {
  kName,     // the entity itself: "South Korea", "ROK", "Xi Jinping", "Xi", "NATO"
  kDemonym,  // an adjective or people of a country: "South Korean", "Chinese"
  kCapital,  // a country's capital: a place when travelled to, the country when it acts; the
             // entry is the city, whose `country` names the country
  kSeat,     // a seat of government that stands for the country: "Kremlin", "White House"
};

// A calendar day as the number YYYYMMDD (1985-11-03 is 19851103). Where a function takes a
// `when`, it is such a day, or a year YYYY standing for any day of it, or 0 for "now".
using Day = int32_t;

struct GazetteerEntry {
  Entity entity;        // canonical name, type, code, aliases
  std::string country;  // persons and locations: the country they belong to (latest); else empty
  std::string office;   // persons: "President", "Prime Minister", "Foreign Minister"; else empty
  int from_year = 0;    // first year in `office`; 0 when unknown
  int until_year = 0;   // last year in `office`; 0 while in office
  Day from = 0;         // the same as days; a year alone gives its first day (from) or last (until)
  Day until = 0;
};

// One dated office of an entry, or, with `office` empty, a dated membership: the country a
// capital acts for or a person belongs to in that span, with the person's CAMEO role code
// (`role=USAGOV`) when the lexicon gives one.
struct Term {
  uint32_t entry = 0;
  std::string country;
  std::string office;
  Day from = 0;      // 0: since ever
  Day until = 0;     // 0: still
  std::string code;  // CAMEO actor code of a role ("RUSGOV"); empty for offices and places
};

struct NameMatch {
  uint32_t entry = 0;  // index for Gazetteer::entry()
  NameKind kind = NameKind::kName;
  size_t length = 0;  // number of tokens matched
};

class Gazetteer {
 public:
  // The built-in lexicon. kCorruption if the embedded data does not parse (a build bug).
  static Result<Gazetteer> LoadDefault();
  // An empty lexicon, for tests and for users who want only their own entries.
  Gazetteer() = default;

  // Adds the entries of a lexicon file: geokg's format, or a PETRARCH/Phoenix actor dictionary
  // as it is (told apart by its first entry; docs/LEXICON.md). On error nothing is added and
  // the message names the file, the line and the problem: `my.tsv:12: unknown entity type
  // "contry"`.
  Status AddFile(const std::filesystem::path& path);
  // The same for lexicon text; `origin` names it in messages.
  Status AddText(std::string_view text, std::string_view origin);

  // The longest known name starting at tokens[start], or nullopt. Matching is exact on the
  // tokens' text, then without diacritics ("Embalo" finds "Embaló" and back), then without
  // case, apostrophes and hyphens (FoldName) for text in capitals ("SOUTH KOREA") or a name of
  // two or more capitalised words ("Lee Jae-Myung").
  // When several entries share the name and `when` is a date, the preferred one that existed
  // or held an office then wins: "Trudeau" is Pierre in 1980, Justin in 2020.
  std::optional<NameMatch> LongestMatch(std::span<const Token> tokens, size_t start, Day when = 0) const;
  // The entry whose canonical name or alias is `name` (any case), or nullopt.
  std::optional<uint32_t> Find(std::string_view name) const;
  // The person who held `office` of `country` at `when`, or nullopt. `country` is resolved
  // as at `when` (AtDate), so "Germany" in 1985 asks for West Germany.
  std::optional<uint32_t> OfficeHolder(std::string_view country, std::string_view office, Day when) const;
  // The state an entry stands for at `when`: a country named after its time resolves to the
  // state of that day through `predecessor` (Russia in 1987 is the Soviet Union); any other
  // entry, or `when` 0, is itself.
  uint32_t AtDate(uint32_t entry, Day when) const;
  // The canonical name of the country a location or person belongs to at `when`, resolved
  // with AtDate; empty when its dated memberships say it belonged to none then (Bonn after
  // 1999 acts for no state).
  std::string CountryAt(uint32_t entry, Day when) const;
  // The term of `person` in `office` (any case; empty: any office; a title the office begins
  // with counts: "Chancellor" for "Chancellor of the Exchequer") covering `when`; with `when`
  // 0, the latest such term. Of several, the one begun last. nullptr when there is none.
  const Term* TermOf(uint32_t person, std::string_view office, Day when) const;
  // Any dated office or role of `person` that names a state and covers `when`: the state a
  // titled person served on that day when the title's wording is not the lexicon's
  // ("Chancellor" for "Chancellor of the Exchequer", "Health Secretary" for a GBRGOV role).
  // Offices before roles; of several, the one begun last. With `when` 0 (an undated article),
  // any such term, provided every one of them names the same state. nullptr when there is none.
  const Term* DatedTermOf(uint32_t person, Day when) const;
  // Every office and membership of an entry, oldest first.
  std::vector<Term> TermsOf(uint32_t entry) const;
  // The CAMEO actor code of an entry at `when`: a person's role of that day ("USAGOV"), from a
  // `role` of the lexicon or else from an office (the country's code and GOV; an organisation's
  // officials take its code); other entries their own `code`. Empty when none is known.
  std::string CodeAt(uint32_t entry, Day when) const;

  const GazetteerEntry& entry(uint32_t index) const { return entries_[index]; }
  size_t size() const { return entries_.size(); }

 private:
  struct Line;    // one parsed lexicon line
  struct Extra {  // what GazetteerEntry has no room for
    std::vector<std::string> demonyms;
    std::vector<std::string> seats;
    bool capital = false;  // a location that is some country's capital
    Day exists_from = 0;   // countries and organisations: the span of the state under this entry
    Day exists_until = 0;
    std::string predecessor;     // the state that its names stand for before exists_from
    bool dated_country = false;  // has memberships with dates: outside them it belongs to none
  };
  struct StringHash {  // lets the hot path look up a string_view without building a string
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  uint32_t EntryFor(EntityType type, const std::string& name);
  void Merge(const Line& line);
  void Reindex();
  bool Prefer(const NameMatch& a, const NameMatch& b) const;
  // Whether the entry existed or held an office at `when` (nonzero).
  bool CurrentAt(uint32_t entry, Day when) const;

  std::vector<GazetteerEntry> entries_;
  std::vector<Extra> extras_;  // parallel to entries_
  std::vector<Term> terms_;
  std::vector<std::vector<uint32_t>> terms_of_;                           // entry -> indices into terms_
  std::unordered_map<std::string, uint32_t> by_type_and_name_;            // "TYPE\tNAME" -> entry
  std::unordered_map<std::string, std::vector<NameMatch>> names_;         // key: tokens joined by ' '
  std::unordered_map<std::string, std::vector<NameMatch>> plain_names_;   // non-ASCII keys without marks
  std::unordered_map<std::string, std::vector<NameMatch>> folded_names_;  // keys through FoldName
  // First token of every key, as written and without marks -> most tokens of a key it starts.
  std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> first_tokens_;
  std::unordered_map<std::string, size_t> folded_first_tokens_;  // the same through FoldName
  std::unordered_set<std::string> bare_codes_;                   // ISO country codes that are no other name
  std::unordered_map<std::string, uint32_t> lookup_;             // FoldName(name) -> entry
  size_t longest_name_ = 0;                                      // in tokens
};

}  // namespace geokg::extract
