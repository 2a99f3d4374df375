#include "extract/gazetteer.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "embedded/gazetteer_tsv.h"
#include "extract/internal/text.h"

namespace geokg::extract {

struct Gazetteer::Line {
  EntityType type = EntityType::kOther;
  std::string name;
  std::string code;
  std::string country;
  std::string office;
  int from_year = 0;
  int until_year = 0;
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

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
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

std::optional<int> ParseYear(std::string_view s) {
  if (s.size() != 4) return std::nullopt;
  int year = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    year = year * 10 + (c - '0');
  }
  return year;
}

void AppendUnique(const std::vector<std::string>& items, const std::string& except,
                  std::vector<std::string>* out) {
  for (const std::string& item : items)
    if (item != except && std::find(out->begin(), out->end(), item) == out->end())
      out->push_back(item);
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
  return t.text.size() >= 2 &&
         std::all_of(t.text.begin(), t.text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
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
    case EntityType::kCountry: return 0;
    case EntityType::kOrganization: return 1;
    case EntityType::kPerson: return 2;
    case EntityType::kLocation: return 3;
    case EntityType::kGroup: return 4;
    case EntityType::kOther: return 5;
  }
  return 6;
}

}  // namespace

// Parses `text` completely before anything is merged, so that an error leaves the lexicon as it
// was.
Status Gazetteer::AddText(std::string_view text, std::string_view origin) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte order mark
  std::vector<Line> lines;
  size_t line_no = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view raw = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    if (Trim(raw).empty() || Trim(raw).starts_with('#')) continue;
    if (raw.ends_with('\r')) raw.remove_suffix(1);

    auto fail = [&](const std::string& problem) {
      return Status::InvalidInput(std::string(origin) + ":" + std::to_string(line_no) + ": " +
                                  problem);
    };
    // A control character in a name would reach the store, every export and the terminal.
    const auto control = std::find_if(raw.begin(), raw.end(), [](unsigned char c) {
      return (c < 0x20 && c != '\t') || c == 0x7F;
    });
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
      } else if (key == "office") {
        line.office = value;
      } else if (key == "from" || key == "until") {
        const std::optional<int> year = ParseYear(value);
        if (!year) return fail(Quoted(key) + " is not a year: " + Quoted(value));
        (key == "from" ? line.from_year : line.until_year) = *year;
        has_years = true;
      } else {
        return fail("unknown key " + Quoted(key));
      }
    }
    if (has_years && line.office.empty()) return fail("\"from\" or \"until\" without \"office\"");
    if (line.from_year != 0 && line.until_year != 0 && line.until_year < line.from_year)
      return fail("\"until\" is before \"from\"");
    lines.push_back(std::move(line));
  }
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

Result<Gazetteer> Gazetteer::LoadDefault() {
  Gazetteer gazetteer;
  if (Status s = gazetteer.AddText(embedded::gazetteer_tsv(), "gazetteer.tsv"); !s.ok())
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
    if (!line.office.empty()) {
      terms_.push_back({index, entry.country, line.office, line.from_year, line.until_year});
      // The entry shows its latest term.
      if (entry.office.empty() || line.from_year >= entry.from_year) {
        entry.office = line.office;
        entry.from_year = line.from_year;
        entry.until_year = line.until_year;
      }
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
  if (TypeRank(x.entity.type) != TypeRank(y.entity.type))
    return TypeRank(x.entity.type) < TypeRank(y.entity.type);
  if (a.kind != b.kind) return a.kind < b.kind;
  const bool x_in_office = !x.office.empty() && x.until_year == 0;
  const bool y_in_office = !y.office.empty() && y.until_year == 0;
  if (x_in_office != y_in_office) return x_in_office;
  if (x.from_year != y.from_year) return x.from_year > y.from_year;
  return a.entry < b.entry;
}

void Gazetteer::Reindex() {
  names_.clear();
  folded_names_.clear();
  first_tokens_.clear();
  bare_codes_.clear();
  lookup_.clear();
  longest_name_ = 0;
  std::unordered_set<std::string> codes;  // country codes, to find those that are nothing else
  std::unordered_set<std::string> other_keys;

  auto add_key = [&](std::unordered_map<std::string, std::vector<NameMatch>>& index,
                     const std::string& key, NameMatch match) {
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
    add_key(folded_names_, Upper(key), match);
    for (std::string first : {std::string(tokens[0].text), Upper(tokens[0].text)}) {
      size_t& longest = first_tokens_[first];
      longest = std::max(longest, tokens.size());
    }
    longest_name_ = std::max(longest_name_, tokens.size());
    return key;
  };
  // Find(): a canonical name beats an alias, then the preference order of names.
  auto add_lookup = [&](const std::string& name, uint32_t entry) {
    const std::string key = Lower(name);
    const auto [it, added] = lookup_.try_emplace(key, entry);
    if (added || it->second == entry) return;
    const bool new_canonical = Lower(entries_[entry].entity.name) == key;
    const bool old_canonical = Lower(entries_[it->second].entity.name) == key;
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
    other_keys.insert(add_name(entity.name, i, own));
    add_lookup(entity.name, i);
    for (const std::string& alias : entity.aliases) {
      other_keys.insert(add_name(alias, i, own));
      add_lookup(alias, i);
    }
    if (!entity.code.empty()) {
      const std::string key = add_name(entity.code, i, NameKind::kName);
      if (entity.type == EntityType::kCountry) codes.insert(key);
      add_lookup(entity.code, i);
    }
    for (const std::string& demonym : extra.demonyms)
      other_keys.insert(add_name(demonym, i, NameKind::kDemonym));
    for (const std::string& seat : extra.seats)
      other_keys.insert(add_name(seat, i, NameKind::kSeat));
  }
  for (const std::string& code : codes)
    if (!other_keys.contains(code)) bare_codes_.insert(code);
  auto by_preference = [this](const NameMatch& a, const NameMatch& b) { return Prefer(a, b); };
  for (auto* index : {&names_, &folded_names_})
    for (auto& [key, matches] : *index) std::sort(matches.begin(), matches.end(), by_preference);
}

std::optional<NameMatch> Gazetteer::LongestMatch(std::span<const Token> tokens,
                                                 size_t start) const {
  if (start >= tokens.size()) return std::nullopt;
  // Most tokens start no name: answer those without building a key.
  const auto first = first_tokens_.find(tokens[start].text);
  if (first == first_tokens_.end()) return std::nullopt;
  thread_local std::string key;
  for (size_t n = std::min(first->second, tokens.size() - start); n > 0; --n) {
    const std::span<const Token> span = tokens.subspan(start, n);
    Join(span, &key);
    auto it = names_.find(key);
    if (it == names_.end() && AllCaps(span)) {
      it = folded_names_.find(key);  // an all-caps key is its own upper case
      if (it == folded_names_.end()) continue;
    } else if (it == names_.end()) {
      continue;
    }
    if (n == 1 && bare_codes_.contains(key) &&
        ((start > 0 && CapsWord(tokens[start - 1])) ||
         (start + 1 < tokens.size() && CapsWord(tokens[start + 1]))))
      continue;  // "AND" in "CANADA AND JAPAN" is no Andorra
    return it->second.front();
  }
  return std::nullopt;
}

std::optional<uint32_t> Gazetteer::Find(std::string_view name) const {
  const auto it = lookup_.find(Lower(Trim(name)));
  if (it == lookup_.end()) return std::nullopt;
  return it->second;
}

// Of several holders in one year (a change of office), the one who took office last.
std::optional<uint32_t> Gazetteer::OfficeHolder(std::string_view country, std::string_view office,
                                                int year) const {
  const std::optional<uint32_t> found = Find(country);
  const std::string name = found ? entries_[*found].entity.name : std::string(country);
  const std::string wanted_office = Lower(office);
  const Term* best = nullptr;
  for (const Term& term : terms_) {
    if (term.country != name || Lower(term.office) != wanted_office) continue;
    const bool holds = year == 0 ? term.until_year == 0
                                 : (term.from_year == 0 || term.from_year <= year) &&
                                       (term.until_year == 0 || year <= term.until_year);
    if (holds && (best == nullptr || term.from_year >= best->from_year)) best = &term;
  }
  if (best == nullptr) return std::nullopt;
  return best->person;
}

}  // namespace geokg::extract
