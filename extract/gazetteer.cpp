#include "extract/gazetteer.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "embedded/gazetteer_tsv.h"
#include "embedded/phoenix_tsv.h"
#include "extract/internal/phoenix.h"
#include "extract/internal/text.h"
#include "graph/fold.h"

namespace geokg::extract {

struct Gazetteer::Line {
  EntityType type = EntityType::kOther;
  std::string name;
  std::string code;
  std::string country;
  std::string office;
  std::string predecessor;
  std::string role;  // CAMEO actor code of a dated role
  Day from = 0;
  Day until = 0;
  std::vector<std::string> aliases;
  std::vector<std::string> demonyms;
  std::vector<std::string> capitals;
  std::vector<std::string> seats;
};

namespace {

using internal::Lower;

constexpr std::string_view kSpace = " \t\r\v\f";

std::string_view Trim(std::string_view s) {
  const size_t first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

std::string Quoted(std::string_view s) {
  std::string out = "\"";
  out.append(s);
  out += '"';
  return out;
}

bool Ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Starts with a capital, or with a letter outside ASCII (most of them are capitals in names).
bool Capitalised(std::string_view t) {
  return !t.empty() && ((t[0] >= 'A' && t[0] <= 'Z') || static_cast<unsigned char>(t[0]) >= 0x80);
}

// "|"-separated values, empty ones dropped.
void SplitList(std::string_view value, std::vector<std::string>* out) {
  while (!value.empty()) {
    const size_t bar = value.find('|');
    const std::string_view item = Trim(value.substr(0, bar));
    if (!item.empty()) out->emplace_back(item);
    if (bar == std::string_view::npos) break;
    value.remove_prefix(bar + 1);
  }
}

std::optional<int> Digits(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

// "1985", "1985-11" or "1985-11-03" as a Day; a year or month alone gives its first day, or its
// last when `last` (an `until` covers the whole of its year).
std::optional<Day> ParseDay(std::string_view s, bool last) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return std::nullopt;
  const std::optional<int> year = Digits(s.substr(0, 4));
  if (!year) return std::nullopt;
  int month = last ? 12 : 1;
  int day = last ? 31 : 1;
  if (s.size() >= 7) {
    const std::optional<int> m = s[4] == '-' ? Digits(s.substr(5, 2)) : std::nullopt;
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    month = *m;
  }
  if (s.size() == 10) {
    const std::optional<int> d = s[7] == '-' ? Digits(s.substr(8, 2)) : std::nullopt;
    if (!d || *d < 1 || *d > 31) return std::nullopt;
    day = *d;
  }
  return *year * 10000 + month * 100 + day;
}

// The first and last day `when` stands for: a day is itself, a year all its days.
std::pair<Day, Day> Span(Day when) {
  if (when < 10000) return {when * 10000 + 101, when * 10000 + 1231};
  return {when, when};
}

// Whether [from, until] (0: open) meets the days of `when`.
bool Covers(Day from, Day until, Day when) {
  const auto [first, last] = Span(when);
  return (from == 0 || from <= last) && (until == 0 || first <= until);
}

void AppendUnique(const std::vector<std::string>& items, const std::string& except, std::vector<std::string>* out) {
  for (const std::string& item : items)
    if (item != except && std::find(out->begin(), out->end(), item) == out->end()) out->push_back(item);
}

// Upper-case letters and no lower-case ones: a Reuters headline ("SOUTH KOREA SAYS").
bool AllCaps(std::span<const Token> tokens) {
  bool upper = false;
  for (const Token& t : tokens)
    for (char c : t.text) {
      if (c >= 'a' && c <= 'z') return false;
      upper = upper || (c >= 'A' && c <= 'Z');
    }
  return upper;
}

// A word of two or more capitals: "AND" next to one is text in capitals, not a country code.
bool CapsWord(const Token& t) {
  return t.text.size() >= 2 && std::all_of(t.text.begin(), t.text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void Join(std::span<const Token> tokens, std::string* key) {
  key->clear();
  for (const Token& t : tokens) {
    if (!key->empty()) key->push_back(' ');
    key->append(t.text);
  }
}

int TypeRank(EntityType type) {
  switch (type) {
    case EntityType::kCountry:
      return 0;
    case EntityType::kOrganization:
      return 1;
    case EntityType::kPerson:
      return 2;
    case EntityType::kLocation:
      return 3;
    case EntityType::kGroup:
      return 4;
    case EntityType::kOther:
      return 5;
  }
  return 6;
}

}  // namespace

// Parses `text` completely before anything is merged, so that an error leaves the lexicon as it
// was.
Status Gazetteer::AddText(std::string_view text, std::string_view origin) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte order mark
  std::vector<Line> lines;
  lines.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);  // no moves as it grows
  if (internal::LooksLikePhoenix(text)) {
    std::vector<internal::PhoenixPerson> people;
    GEOKG_RETURN_IF_ERROR(internal::ParsePhoenix(text, origin, &people));
    for (internal::PhoenixPerson& person : people) {
      // A person the lexicon knows by one of these names keeps the lexicon's canonical name:
      // one whose canonical name it is first, then one it is an alias of.
      std::vector<std::string> known = person.aliases;
      known.insert(known.begin(), person.name);
      std::string name;
      for (bool canonical_only : {true, false})
        for (const std::string& n : known)
          if (const auto entry = Find(n); name.empty() && entry &&
                                          entries_[*entry].entity.type == EntityType::kPerson &&
                                          (!canonical_only || FoldName(entries_[*entry].entity.name) == FoldName(n)))
            name = entries_[*entry].entity.name;
      if (name.empty()) name = person.name;
      for (size_t i = 0; i < person.roles.size(); ++i) {
        Line line;
        line.type = EntityType::kPerson;
        line.name = name;
        if (i == 0) line.aliases = person.aliases;
        line.role = person.roles[i].code;
        line.from = person.roles[i].from;
        line.until = person.roles[i].until;
        lines.push_back(std::move(line));
      }
    }
    for (const Line& line : lines) Merge(line);
    Reindex();
    return Status();
  }
  size_t line_no = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view raw = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    if (Trim(raw).empty() || Trim(raw).starts_with('#')) continue;
    if (raw.ends_with('\r')) raw.remove_suffix(1);

    auto fail = [&](const std::string& problem) {
      return Status::InvalidInput(std::string(origin) + ":" + std::to_string(line_no) + ": " + problem);
    };
    // A control character in a name would reach the store, every export and the terminal.
    const auto control =
        std::find_if(raw.begin(), raw.end(), [](unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7F; });
    if (control != raw.end()) {
      static const char kHex[] = "0123456789ABCDEF";
      const auto c = static_cast<unsigned char>(*control);
      return fail(std::string("control character 0x") + kHex[c >> 4] + kHex[c & 15] +
                  " in the line: names must be printable text");
    }
    std::vector<std::string_view> fields;
    for (size_t pos = 0;;) {
      const size_t tab = raw.find('\t', pos);
      fields.push_back(Trim(raw.substr(pos, tab - pos)));
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    Line line;
    const std::optional<EntityType> type = ParseEntityType(fields[0]);
    if (!type) return fail("unknown entity type " + Quoted(fields[0]));
    line.type = *type;
    if (fields.size() < 2 || fields[1].empty()) return fail("missing canonical name");
    line.name = fields[1];
    bool has_years = false;
    for (size_t i = 2; i < fields.size(); ++i) {
      const std::string_view field = fields[i];
      if (field.empty()) continue;  // a doubled or trailing tab
      const size_t eq = field.find('=');
      if (eq == std::string_view::npos) return fail("field without \"=\": " + Quoted(field));
      const std::string_view key = Trim(field.substr(0, eq));
      const std::string_view value = Trim(field.substr(eq + 1));
      if (value.empty()) return fail("empty value for " + Quoted(key));
      if (key == "alias") {
        SplitList(value, &line.aliases);
      } else if (key == "demonym") {
        SplitList(value, &line.demonyms);
      } else if (key == "capital") {
        SplitList(value, &line.capitals);
      } else if (key == "seat") {
        SplitList(value, &line.seats);
      } else if (key == "code") {
        line.code = value;
      } else if (key == "country") {
        line.country = value;
      } else if (key == "predecessor") {
        line.predecessor = value;
      } else if (key == "role") {
        line.role = value;
      } else if (key == "office") {
        line.office = value;
      } else if (key == "from" || key == "until") {
        const std::optional<Day> day = ParseDay(value, key == "until");
        if (!day) return fail(Quoted(key) + " is not a date (YYYY, YYYY-MM or YYYY-MM-DD): " + Quoted(value));
        (key == "from" ? line.from : line.until) = *day;
        has_years = true;
      } else {
        return fail("unknown key " + Quoted(key));
      }
    }
    // Dates bound an office, a membership (a place's or person's country) or a state's life.
    const bool state = line.type == EntityType::kCountry || line.type == EntityType::kOrganization;
    if (!line.role.empty() && line.type != EntityType::kPerson)
      return fail("\"role\" on a line that is not a person's");
    if (!line.role.empty() && !line.office.empty()) return fail("\"role\" and \"office\" on one line");
    if (has_years && line.office.empty() && line.country.empty() && line.role.empty() && !state)
      return fail("\"from\" or \"until\" without \"office\", \"role\" or \"country\"");
    if (line.from != 0 && line.until != 0 && line.until < line.from) return fail("\"until\" is before \"from\"");
    lines.push_back(std::move(line));
  }
  entries_.reserve(entries_.size() + lines.size());
  extras_.reserve(extras_.size() + lines.size());
  for (const Line& line : lines) Merge(line);
  Reindex();
  return Status();
}

Status Gazetteer::AddFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path.string() + ": cannot open lexicon file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IOError(path.string() + ": cannot read lexicon file");
  return AddText(text.str(), path.string());
}

// Our own lexicon first, so that the derived one adds roles and names to the people it knows.
Result<Gazetteer> Gazetteer::LoadDefault() {
  Gazetteer gazetteer;
  if (Status s = gazetteer.AddText(std::string(embedded::gazetteer_tsv()) + std::string(embedded::phoenix_tsv()),
                                   "gazetteer.tsv+phoenix.tsv");
      !s.ok())
    return Status::Corruption("built-in lexicon: " + s.message());
  return gazetteer;
}

uint32_t Gazetteer::EntryFor(EntityType type, const std::string& name) {
  const std::string key = std::string(EntityTypeName(type)) + '\t' + name;
  const auto [it, added] = by_type_and_name_.try_emplace(key, entries_.size());
  if (added) {
    GazetteerEntry entry;
    entry.entity.name = name;
    entry.entity.type = type;
    entries_.push_back(std::move(entry));
    extras_.emplace_back();
  }
  return it->second;
}

// A line naming an entry already known (same type and canonical name) adds to it: its names
// are appended, its code and country replace earlier ones, its office becomes one more term.
void Gazetteer::Merge(const Line& line) {
  const uint32_t index = EntryFor(line.type, line.name);
  {
    GazetteerEntry& entry = entries_[index];
    AppendUnique(line.aliases, entry.entity.name, &entry.entity.aliases);
    if (!line.code.empty()) entry.entity.code = line.code;
    if (!line.country.empty()) entry.country = line.country;
    AppendUnique(line.demonyms, "", &extras_[index].demonyms);
    AppendUnique(line.seats, "", &extras_[index].seats);
    Extra& extra = extras_[index];
    if (!line.predecessor.empty()) extra.predecessor = line.predecessor;
    const bool dated = line.from != 0 || line.until != 0;
    if (!line.office.empty()) {
      terms_.push_back({index, entry.country, line.office, line.from, line.until, ""});
      // The entry shows its latest term.
      if (entry.office.empty() || line.from >= entry.from) {
        entry.office = line.office;
        entry.from = line.from;
        entry.until = line.until;
        entry.from_year = line.from / 10000;
        entry.until_year = line.until / 10000;
      }
    } else if (dated && (line.type == EntityType::kCountry || line.type == EntityType::kOrganization)) {
      extra.exists_from = line.from;
      extra.exists_until = line.until;
    } else if (!line.role.empty()) {
      // The role's country is known once every file is read (Reindex): its code may come later.
      terms_.push_back({index, "", "", line.from, line.until, line.role});
      extra.dated_country = extra.dated_country || dated;
    } else if (dated) {
      terms_.push_back({index, line.country, "", line.from, line.until, ""});
      extra.dated_country = true;
    }
  }
  for (const std::string& capital : line.capitals) {
    const uint32_t city = EntryFor(EntityType::kLocation, capital);  // may grow entries_
    extras_[city].capital = true;
    if (entries_[city].country.empty())
      entries_[city].country = line.type == EntityType::kCountry ? line.name : line.country;
  }
}

// The preferred reading of an ambiguous name comes first: a country before an organisation,
// a person, a place; the entity itself before a demonym, a seat, a capital; among persons one in
// office before one out of it, then the latest to take office; then the earliest defined.
bool Gazetteer::Prefer(const NameMatch& a, const NameMatch& b) const {
  const GazetteerEntry& x = entries_[a.entry];
  const GazetteerEntry& y = entries_[b.entry];
  if (TypeRank(x.entity.type) != TypeRank(y.entity.type)) return TypeRank(x.entity.type) < TypeRank(y.entity.type);
  if (a.kind != b.kind) return a.kind < b.kind;
  const bool x_in_office = !x.office.empty() && x.until == 0;
  const bool y_in_office = !y.office.empty() && y.until == 0;
  if (x_in_office != y_in_office) return x_in_office;
  if (x.from != y.from) return x.from > y.from;
  return a.entry < b.entry;
}

void Gazetteer::Reindex() {
  names_.clear();
  plain_names_.clear();
  folded_names_.clear();
  first_tokens_.clear();
  folded_first_tokens_.clear();
  bare_codes_.clear();
  lookup_.clear();
  longest_name_ = 0;
  terms_of_.assign(entries_.size(), {});
  for (uint32_t t = 0; t < terms_.size(); ++t) terms_of_[terms_[t].entry].push_back(t);
  std::unordered_set<std::string> codes;       // country codes, to find those that are nothing else
  std::unordered_set<std::string> other_keys;  // one-token names other than codes
  // About two names an entry: sized once, the indexes are not rehashed as they grow.
  const size_t expected = entries_.size() * 2;
  for (auto* index : {&names_, &folded_names_}) index->reserve(expected);
  first_tokens_.reserve(expected);
  folded_first_tokens_.reserve(expected);
  lookup_.reserve(expected);
  std::vector<std::string> folded_canonical(entries_.size());
  for (uint32_t i = 0; i < entries_.size(); ++i) folded_canonical[i] = FoldName(entries_[i].entity.name);

  auto add_key = [&](std::unordered_map<std::string, std::vector<NameMatch>>& index, const std::string& key,
                     NameMatch match) {
    std::vector<NameMatch>& matches = index[key];
    for (const NameMatch& m : matches)
      if (m.entry == match.entry && m.kind == match.kind) return;
    matches.push_back(match);
  };
  auto add_name = [&](const std::string& name, uint32_t entry, NameKind kind) -> std::string {
    const std::vector<Token> tokens = Tokenize(name);
    if (tokens.empty()) return {};
    std::string key;
    Join(tokens, &key);
    const NameMatch match{entry, kind, tokens.size()};
    add_key(names_, key, match);
    if (!Ascii(key)) add_key(plain_names_, StripMarks(key), match);
    add_key(folded_names_, FoldName(key), match);
    auto note_first = [&](auto& index, std::string first) {
      size_t& longest = index[std::move(first)];
      longest = std::max(longest, tokens.size());
    };
    note_first(first_tokens_, std::string(tokens[0].text));
    if (!Ascii(tokens[0].text)) note_first(first_tokens_, StripMarks(tokens[0].text));
    note_first(folded_first_tokens_, FoldName(tokens[0].text));
    longest_name_ = std::max(longest_name_, tokens.size());
    return key;
  };
  // Only a one-token name can be an ISO code too.
  auto note_other = [&](const std::string& key) {
    if (key.find(' ') == std::string::npos) other_keys.insert(key);
  };
  // Find(): a canonical name beats an alias, then the preference order of names.
  auto add_lookup = [&](const std::string& name, uint32_t entry) {
    const std::string key = FoldName(name);
    const auto [it, added] = lookup_.try_emplace(key, entry);
    if (added || it->second == entry) return;
    const bool new_canonical = folded_canonical[entry] == key;
    const bool old_canonical = folded_canonical[it->second] == key;
    if (new_canonical != old_canonical) {
      if (new_canonical) it->second = entry;
    } else if (Prefer({entry, NameKind::kName, 0}, {it->second, NameKind::kName, 0})) {
      it->second = entry;
    }
  };

  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const Entity& entity = entries_[i].entity;
    const Extra& extra = extras_[i];
    const NameKind own = extra.capital ? NameKind::kCapital : NameKind::kName;
    note_other(add_name(entity.name, i, own));
    add_lookup(entity.name, i);
    for (const std::string& alias : entity.aliases) {
      note_other(add_name(alias, i, own));
      add_lookup(alias, i);
    }
    if (!entity.code.empty()) {
      const std::string key = add_name(entity.code, i, NameKind::kName);
      if (entity.type == EntityType::kCountry) codes.insert(key);
      add_lookup(entity.code, i);
    }
    for (const std::string& demonym : extra.demonyms) note_other(add_name(demonym, i, NameKind::kDemonym));
    for (const std::string& seat : extra.seats) note_other(add_name(seat, i, NameKind::kSeat));
  }
  for (const std::string& code : codes)
    if (!other_keys.contains(code)) bare_codes_.insert(code);
  // A role's country is the one whose code begins the role's code: RUSGOV -> Russia.
  for (Term& term : terms_)
    if (!term.code.empty() && term.country.empty())
      if (const auto country = Find(term.code.substr(0, 3));
          country && entries_[*country].entity.type == EntityType::kCountry)
        term.country = entries_[*country].entity.name;
  auto by_preference = [this](const NameMatch& a, const NameMatch& b) { return Prefer(a, b); };
  for (auto* index : {&names_, &plain_names_, &folded_names_})
    for (auto& [key, matches] : *index) std::sort(matches.begin(), matches.end(), by_preference);
}

std::optional<NameMatch> Gazetteer::LongestMatch(std::span<const Token> tokens, size_t start, Day when) const {
  if (start >= tokens.size()) return std::nullopt;
  // Most tokens start no name: answer those without building a key. Only a capitalised token
  // may start a name written otherwise.
  const std::string_view first_text = tokens[start].text;
  size_t longest = 0;
  if (const auto first = first_tokens_.find(first_text); first != first_tokens_.end()) longest = first->second;
  if (Capitalised(first_text))
    if (const auto folded = folded_first_tokens_.find(FoldName(first_text)); folded != folded_first_tokens_.end())
      longest = std::max(longest, folded->second);
  if (longest == 0) return std::nullopt;
  thread_local std::string key;
  for (size_t n = std::min(longest, tokens.size() - start); n > 0; --n) {
    const std::span<const Token> span = tokens.subspan(start, n);
    Join(span, &key);
    const auto find = [](const auto& index, const std::string& k) -> const std::vector<NameMatch>* {
      const auto it = index.find(k);
      return it == index.end() ? nullptr : &it->second;
    };
    const std::vector<NameMatch>* found = find(names_, key);
    if (found == nullptr && Ascii(key)) {
      found = find(plain_names_, key);  // "Embalo" for "Embaló"
    } else if (found == nullptr) {
      const std::string plain = StripMarks(key);  // "Embaló" for "Embalo", or for "Embaló" itself
      found = find(names_, plain);
      if (found == nullptr) found = find(plain_names_, plain);
    }
    if (found == nullptr && (AllCaps(span) || (n >= 2 && std::all_of(span.begin(), span.end(), [](const Token& t) {
                                                 return Capitalised(t.text);
                                               }))))
      found = find(folded_names_, FoldName(key));
    if (found == nullptr) continue;
    if (n == 1 && bare_codes_.contains(key) &&
        ((start > 0 && CapsWord(tokens[start - 1])) || (start + 1 < tokens.size() && CapsWord(tokens[start + 1]))))
      continue;  // "AND" in "CANADA AND JAPAN" is no Andorra
    const std::vector<NameMatch>& matches = *found;
    if (when != 0) {
      // Of entries of the preferred type, the first of that day.
      const EntityType type = entries_[matches.front().entry].entity.type;
      for (const NameMatch& m : matches)
        if (entries_[m.entry].entity.type == type && CurrentAt(m.entry, when)) return m;
    }
    return matches.front();
  }
  return std::nullopt;
}

std::optional<uint32_t> Gazetteer::Find(std::string_view name) const {
  const auto it = lookup_.find(FoldName(name));
  if (it == lookup_.end()) return std::nullopt;
  return it->second;
}

// Of several holders in one span (a change of office), the one who took office last.
std::optional<uint32_t> Gazetteer::OfficeHolder(std::string_view country, std::string_view office, Day when) const {
  const std::optional<uint32_t> found = Find(country);
  const std::string name = found ? entries_[AtDate(*found, when)].entity.name : std::string(country);
  const std::string wanted_office = Lower(office);
  const Term* best = nullptr;
  for (const Term& term : terms_) {
    if (term.office.empty() || term.country != name || Lower(term.office) != wanted_office) continue;
    const bool holds = when == 0 ? term.until == 0 : Covers(term.from, term.until, when);
    if (holds && (best == nullptr || term.from >= best->from)) best = &term;
  }
  if (best == nullptr) return std::nullopt;
  return best->entry;
}

bool Gazetteer::CurrentAt(uint32_t entry, Day when) const {
  const Extra& extra = extras_[entry];
  switch (entries_[entry].entity.type) {
    case EntityType::kCountry:
    case EntityType::kOrganization:
      return Covers(extra.exists_from, extra.exists_until, when);
    case EntityType::kPerson:
      // An office, or a dated government role ("USAGOV 1989-1993"); an undated role is a
      // default for all time, and says nothing of that day.
      for (uint32_t t : terms_of_[entry]) {
        const Term& term = terms_[t];
        const bool holds =
            !term.office.empty() || (term.code.find("GOV") != std::string::npos && (term.from != 0 || term.until != 0));
        if (holds && Covers(term.from, term.until, when)) return true;
      }
      return false;
    default:
      return true;
  }
}

uint32_t Gazetteer::AtDate(uint32_t entry, Day when) const {
  // A chain of predecessors is short (Russia, Soviet Union); the bound guards against a cycle
  // in a user's file.
  for (int hops = 0; when != 0 && hops < 8; ++hops) {
    const Extra& extra = extras_[entry];
    if (extra.predecessor.empty() || extra.exists_from == 0 || Span(when).first >= extra.exists_from) break;
    const std::optional<uint32_t> before = Find(extra.predecessor);
    if (!before || *before == entry) break;
    entry = *before;
  }
  return entry;
}

std::string Gazetteer::CountryAt(uint32_t entry, Day when) const {
  std::string country = entries_[entry].country;
  if (when != 0 && extras_[entry].dated_country) {
    const Term* best = nullptr;
    for (uint32_t t : terms_of_[entry]) {
      const Term& term = terms_[t];
      if (term.office.empty() && Covers(term.from, term.until, when) && (best == nullptr || term.from >= best->from))
        best = &term;
    }
    country = best == nullptr ? std::string() : best->country;
  }
  if (country.empty()) return country;
  const std::optional<uint32_t> state = Find(country);
  return state ? entries_[AtDate(*state, when)].entity.name : country;
}

const Term* Gazetteer::TermOf(uint32_t person, std::string_view office, Day when) const {
  const std::string wanted = Lower(office);
  const Term* best = nullptr;
  for (uint32_t t : terms_of_[person]) {
    const Term& term = terms_[t];
    if (term.office.empty()) continue;
    if (const std::string held = Lower(term.office);
        !wanted.empty() && held != wanted && !(held.starts_with(wanted) && held[wanted.size()] == ' '))
      continue;
    if (when != 0 && !Covers(term.from, term.until, when)) continue;
    if (best == nullptr || term.from >= best->from) best = &term;
  }
  return best;
}

const Term* Gazetteer::DatedTermOf(uint32_t person, Day when) const {
  const Term* best = nullptr;
  for (uint32_t t : terms_of_[person]) {
    const Term& term = terms_[t];
    if (term.country.empty() || (term.from == 0 && term.until == 0)) continue;
    if (when == 0 && best != nullptr && term.country != best->country) return nullptr;
    if (when != 0 && !Covers(term.from, term.until, when)) continue;
    const auto rank = [](const Term& x) { return std::make_pair(!x.office.empty(), x.from); };
    if (best == nullptr || rank(term) >= rank(*best)) best = &term;
  }
  return best;
}

std::string Gazetteer::CodeAt(uint32_t entry, Day when) const {
  const Entity& entity = entries_[entry].entity;
  if (entity.type != EntityType::kPerson) return entity.code;
  const Term* role = nullptr;
  for (uint32_t t : terms_of_[entry]) {
    const Term& term = terms_[t];
    if (!term.code.empty() && (when == 0 || Covers(term.from, term.until, when)) &&
        (role == nullptr || term.from >= role->from))
      role = &term;
  }
  if (role != nullptr) return role->code;
  const Term* office = TermOf(entry, "", when);
  if (office == nullptr) return {};
  const std::optional<uint32_t> state = Find(office->country);
  if (!state) return {};
  const Entity& of = entries_[AtDate(*state, when)].entity;
  if (of.code.empty()) return {};
  return of.type == EntityType::kCountry ? of.code + "GOV" : of.code;
}

std::vector<Term> Gazetteer::TermsOf(uint32_t entry) const {
  std::vector<Term> out;
  for (uint32_t t : terms_of_[entry]) out.push_back(terms_[t]);
  std::stable_sort(out.begin(), out.end(), [](const Term& a, const Term& b) { return a.from < b.from; });
  return out;
}

}  // namespace geokg::extract
