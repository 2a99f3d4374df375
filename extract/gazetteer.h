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

struct GazetteerEntry {
  Entity entity;        // canonical name, type, code, aliases
  std::string country;  // persons and locations: the country they belong to; else empty
  std::string office;   // persons: "President", "Prime Minister", "Foreign Minister"; else empty
  int from_year = 0;    // first year in `office`; 0 when unknown
  int until_year = 0;   // last year in `office`; 0 while in office
};

struct NameMatch {
  uint32_t entry = 0;  // index for Gazetteer::entry()
  NameKind kind = NameKind::kName;
  size_t length = 0;   // number of tokens matched
};

class Gazetteer {
 public:
  // The built-in lexicon. kCorruption if the embedded data does not parse (a build bug).
  static Result<Gazetteer> LoadDefault();
  // An empty lexicon, for tests and for users who want only their own entries.
  Gazetteer() = default;

  // Adds the entries of a lexicon file. On error nothing is added and the message names the
  // file, the line and the problem: `my.tsv:12: unknown entity type "contry"`.
  Status AddFile(const std::filesystem::path& path);
  // The same for lexicon text; `origin` names it in messages.
  Status AddText(std::string_view text, std::string_view origin);

  // The longest known name starting at tokens[start], or nullopt. Matching is exact on the
  // tokens' text, with one fallback: an all-capitals token sequence ("SOUTH KOREA") also
  // matches a name written in mixed case.
  std::optional<NameMatch> LongestMatch(std::span<const Token> tokens, size_t start) const;
  // The entry whose canonical name or alias is `name` (any case), or nullopt.
  std::optional<uint32_t> Find(std::string_view name) const;
  // The person who held `office` of `country` in `year` (0: now), or nullopt.
  std::optional<uint32_t> OfficeHolder(std::string_view country, std::string_view office,
                                       int year) const;

  const GazetteerEntry& entry(uint32_t index) const { return entries_[index]; }
  size_t size() const { return entries_.size(); }

 private:
  struct Line;  // one parsed lexicon line
  struct Term {  // one office a person held; a person may have several
    uint32_t person = 0;
    std::string country;
    std::string office;
    int from_year = 0;
    int until_year = 0;
  };
  struct Extra {  // names of an entry that are not its own (GazetteerEntry has no room for them)
    std::vector<std::string> demonyms;
    std::vector<std::string> seats;
    bool capital = false;  // a location that is some country's capital
  };
  struct StringHash {  // lets the hot path look up a string_view without building a string
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  uint32_t EntryFor(EntityType type, const std::string& name);
  void Merge(const Line& line);
  void Reindex();
  bool Prefer(const NameMatch& a, const NameMatch& b) const;

  std::vector<GazetteerEntry> entries_;
  std::vector<Extra> extras_;  // parallel to entries_
  std::vector<Term> terms_;
  std::unordered_map<std::string, uint32_t> by_type_and_name_;      // "TYPE\tNAME" -> entry
  std::unordered_map<std::string, std::vector<NameMatch>> names_;  // key: tokens joined by ' '
  std::unordered_map<std::string, std::vector<NameMatch>> folded_names_;  // the same, upper case
  // First token of every key, as written and in upper case -> most tokens of a key it starts.
  std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> first_tokens_;
  std::unordered_set<std::string> bare_codes_;  // ISO country codes that are no other name
  std::unordered_map<std::string, uint32_t> lookup_;                // lower-case name -> entry
  size_t longest_name_ = 0;                                         // in tokens
};

}  // namespace geokg::extract
