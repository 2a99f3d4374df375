#include "extract/internal/phoenix.h"

#include <algorithm>
#include <array>
#include <optional>

#include "extract/internal/cues.h"

namespace geokg::extract::internal {
namespace {

constexpr Day kSovietEnd = 19911225;

std::string_view Trim(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

std::vector<std::string_view> Words(std::string_view phrase) {
  std::vector<std::string_view> out;
  while (!phrase.empty()) {
    const size_t bar = phrase.find_first_of("_ ");
    if (bar != 0) out.push_back(phrase.substr(0, bar));
    if (bar == std::string_view::npos) break;
    phrase.remove_prefix(bar + 1);
  }
  return out;
}

std::string_view WithoutDots(std::string_view w) {
  while (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return w;
}

// "MIKHAIL_S._GORBACHEV_" -> "Mikhail S. Gorbachev"; empty when it is no person's full name.
std::string PersonName(std::string_view phrase) {
  std::vector<std::string_view> words = Words(phrase);
  while (!words.empty() && IsCue(Cue::kDictionaryHonorific, WithoutDots(words.front()))) words.erase(words.begin());
  size_t real = 0;
  for (std::string_view w : words) {
    if (IsCue(Cue::kDictionaryNotName, WithoutDots(w)) || w.starts_with("EX-")) return {};
    if (!std::all_of(w.begin(), w.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || c == '\'' || c == '.' || c == '-'; }) ||
        w[0] < 'A' || w[0] > 'Z')
      return {};
    real += WithoutDots(w).size() > 1;
  }
  if (words.size() < 2 || real < 2) return {};
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += ' ';
    const bool particle = i > 0 && IsCue(Cue::kDictionaryParticle, words[i]);
    // Capitals after a hyphen or apostrophe too: "Al-Assad", "O'Neill".
    for (size_t k = 0; k < words[i].size(); ++k) {
      const char c = words[i][k];
      const bool starts = k == 0 || words[i][k - 1] == '-' || words[i][k - 1] == '\'';
      out += starts && !particle ? c : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  return out;
}

// "850311" or "19850311"; two-digit years 00-30 are 20YY.
std::optional<Day> ParseDay(std::string_view s) {
  if ((s.size() != 6 && s.size() != 8) || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  if (s.size() == 6) n += (n / 10000 <= 30 ? 20000000 : 19000000);
  const int month = n / 100 % 100;
  const int day = n % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return n;
}

// "[RUSGOV 850311-910824]", "[USAGOV >011222]", "[AFGELI]".
std::optional<PhoenixRole> ParseRole(std::string_view s) {
  s = Trim(s.substr(0, s.find('#')));
  if (s.size() < 3 || s.front() != '[' || s.back() != ']') return std::nullopt;
  s = Trim(s.substr(1, s.size() - 2));
  PhoenixRole role;
  const size_t space = s.find(' ');
  role.code = std::string(s.substr(0, space));
  if (role.code.empty() ||
      !std::all_of(role.code.begin(), role.code.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return std::nullopt;
  if (space == std::string_view::npos) return role;
  const std::string_view span = Trim(s.substr(space + 1));
  if (span.starts_with('<') || span.starts_with('>')) {
    const std::optional<Day> day = ParseDay(span.substr(1));
    if (!day) return std::nullopt;
    (span[0] == '<' ? role.until : role.from) = *day;
    return role;
  }
  const size_t dash = span.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const std::optional<Day> from = ParseDay(Trim(span.substr(0, dash)));
  const std::optional<Day> until = ParseDay(Trim(span.substr(dash + 1)));
  if (!from || !until) return std::nullopt;
  role.from = *from;
  role.until = *until;
  return role;
}

struct Record {
  std::string primary;
  bool coded = false;
  std::vector<std::string> synonyms;
  std::vector<PhoenixRole> roles;
};

bool SharesNameWord(const Record& record, std::string_view phrase) {
  const std::vector<std::string_view> words = Words(phrase);
  auto shares = [&](std::string_view p) {
    for (std::string_view w : Words(p))
      if (w.size() > 3 && std::find(words.begin(), words.end(), w) != words.end()) return true;
    return false;
  };
  return shares(record.primary) || std::any_of(record.synonyms.begin(), record.synonyms.end(), shares);
}

// Soviet-era roles coded as Russian: USR before 1991-12-26, split when a role spans that day.
void FixSoviet(std::vector<PhoenixRole>* roles) {
  std::vector<PhoenixRole> out;
  for (PhoenixRole role : *roles) {
    if (role.code.starts_with("RUS") && role.from != 0 && role.from <= kSovietEnd) {
      PhoenixRole soviet = role;
      soviet.code = "USR" + role.code.substr(3);
      if (role.until != 0 && role.until <= kSovietEnd) {
        out.push_back(soviet);
        continue;
      }
      soviet.until = kSovietEnd;
      out.push_back(soviet);
      role.from = kSovietEnd + 1;
    }
    out.push_back(role);
  }
  *roles = std::move(out);
}

}  // namespace

bool LooksLikePhoenix(std::string_view text) {
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    const std::string_view line = Trim(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (line.empty() || line.starts_with('#')) continue;
    if (line.find('\t') != std::string_view::npos) return false;
    const auto words = Words(line.starts_with('+') ? line.substr(1) : line);
    if (words.empty()) return line.starts_with('+');  // "+" alone: a synonym line with no words
    const std::string_view phrase = words.front();
    return phrase.find('_') != std::string_view::npos || line.find('[') != std::string_view::npos ||
           line.starts_with('+') ||
           std::none_of(phrase.begin(), phrase.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  }
  return false;
}

Status ParsePhoenix(std::string_view text, std::string_view origin, std::vector<PhoenixPerson>* out) {
  std::vector<Record> records;
  size_t line_no = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view raw = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    if (raw.ends_with('\r')) raw.remove_suffix(1);
    const std::string_view line = Trim(raw);
    if (line.empty() || line.starts_with('#')) continue;
    if (raw.starts_with('\t') || raw.starts_with("  ")) {
      const std::optional<PhoenixRole> role = ParseRole(line);
      if (!role)
        return Status::InvalidInput(std::string(origin) + ":" + std::to_string(line_no) + ": bad role \"" +
                                    std::string(line) + "\"");
      if (!records.empty()) records.back().roles.push_back(*role);
      continue;
    }
    std::string_view body = Trim(line.substr(0, line.find_first_of("#;")));
    if (body.starts_with('+')) {
      if (!records.empty()) records.back().synonyms.emplace_back(Trim(body.substr(1)));
      continue;
    }
    const size_t bracket = body.find('[');
    const std::string_view phrase = Trim(body.substr(0, bracket));
    const bool coded = bracket != std::string_view::npos;
    // A record broken by a line without `+`: the line belongs to the open record.
    if (!coded && !records.empty() && records.back().roles.empty() && !records.back().coded &&
        SharesNameWord(records.back(), phrase)) {
      records.back().synonyms.emplace_back(phrase);
      continue;
    }
    records.push_back({std::string(phrase), coded, {}, {}});
  }
  for (Record& record : records) {
    if (record.roles.empty()) continue;
    PhoenixPerson person;
    std::vector<std::string> phrases{record.primary};
    phrases.insert(phrases.end(), record.synonyms.begin(), record.synonyms.end());
    for (const std::string& phrase : phrases) {
      std::string name = PersonName(phrase);
      if (name.empty() || name == person.name ||
          std::find(person.aliases.begin(), person.aliases.end(), name) != person.aliases.end())
        continue;
      if (person.name.empty())
        person.name = std::move(name);
      else
        person.aliases.push_back(std::move(name));
    }
    if (person.name.empty()) continue;
    FixSoviet(&record.roles);
    person.roles = std::move(record.roles);
    out->push_back(std::move(person));
  }
  return Status();
}

}  // namespace geokg::extract::internal
