#include "graph/calendar_date.h"

#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>

namespace geokg {
namespace {

// A cursor over the text; every Take* consumes only on success.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}
  bool Done() const { return i_ == s_.size(); }
  char Peek() const { return Done() ? '\0' : s_[i_]; }
  bool Take(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  // Exactly `min`..`max` ASCII digits.
  std::optional<int> Number(size_t min, size_t max) {
    size_t j = i_;
    int value = 0;
    while (j < s_.size() && j - i_ < max && std::isdigit(static_cast<unsigned char>(s_[j])))
      value = value * 10 + (s_[j++] - '0');
    if (j - i_ < min) return std::nullopt;
    i_ = j;
    return value;
  }
  std::string_view Word() {
    const size_t start = i_;
    while (i_ < s_.size() && std::isalpha(static_cast<unsigned char>(s_[i_]))) ++i_;
    return s_.substr(start, i_ - start);
  }
  void Spaces() {
    while (Peek() == ' ' || Peek() == '\t') ++i_;
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

std::optional<std::string> Day(int year, int month, int day) {
  const std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                        std::chrono::day(static_cast<unsigned>(day))};
  if (year < 1 || year > 9999 || !ymd.ok()) return std::nullopt;
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
  return std::string(out);
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// HH:MM with optional :SS (and, when `fraction`, .digits), each in range (a leap second allowed).
bool Time(Scanner& in, bool fraction) {
  const auto hour = in.Number(2, 2);
  if (!hour || *hour > 23 || !in.Take(':')) return false;
  const auto minute = in.Number(2, 2);
  if (!minute || *minute > 59) return false;
  if (in.Take(':')) {
    const auto second = in.Number(2, 2);
    if (!second || *second > 60) return false;
    if (fraction && in.Take('.') && !in.Number(1, 9)) return false;
  }
  return true;
}

// +HH:MM, +HHMM or +HH (and -), each in range.
bool Offset(Scanner& in) {
  if (!in.Take('+') && !in.Take('-')) return false;
  const auto hours = in.Number(2, 2);
  if (!hours || *hours > 23) return false;
  in.Take(':');
  if (const auto minutes = in.Number(0, 2); minutes && *minutes > 59) return false;
  return true;
}

std::optional<std::string> Iso(std::string_view text) {
  Scanner in(text);
  const auto year = in.Number(4, 4);
  if (!year || !in.Take('-')) return std::nullopt;
  const auto month = in.Number(2, 2);
  if (!month || !in.Take('-')) return std::nullopt;
  const auto day = in.Number(2, 2);
  if (!day) return std::nullopt;
  if (in.Take('T') || in.Take('t') || in.Take(' ')) {
    if (!Time(in, /*fraction=*/true)) return std::nullopt;
    if (!in.Take('Z') && !in.Take('z')) Offset(in);
  }
  if (!in.Done()) return std::nullopt;
  return Day(*year, *month, *day);
}

constexpr std::array<std::string_view, 7> kWeekdays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::optional<std::string> Rfc2822(std::string_view text) {
  Scanner in(text);
  in.Spaces();
  if (std::isalpha(static_cast<unsigned char>(in.Peek()))) {
    const std::string_view weekday = in.Word();
    bool known = false;
    for (std::string_view w : kWeekdays) known = known || EqualsIgnoringCase(weekday, w);
    if (!known || !in.Take(',')) return std::nullopt;
    in.Spaces();
  }
  const auto day = in.Number(1, 2);
  if (!day) return std::nullopt;
  in.Spaces();
  const std::string_view month_name = in.Word();
  int month = 0;
  for (size_t m = 0; m < kMonths.size(); ++m)
    if (EqualsIgnoringCase(month_name, kMonths[m])) month = static_cast<int>(m) + 1;
  if (month == 0) return std::nullopt;
  in.Spaces();
  const auto year = in.Number(4, 4);
  if (!year) return std::nullopt;
  in.Spaces();
  if (!in.Done()) {
    if (!Time(in, /*fraction=*/false)) return std::nullopt;
    in.Spaces();
    // A numeric offset or a zone name (GMT, UT, EST, Z...): RFC 2822 section 4.3 allows any.
    if (!Offset(in) && in.Word().empty() && !in.Done()) return std::nullopt;
    in.Spaces();
  }
  if (!in.Done()) return std::nullopt;
  return Day(*year, month, *day);
}

}  // namespace

std::optional<std::string> CalendarDate(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (auto iso = Iso(text)) return iso;
  return Rfc2822(text);
}

bool IsDatePrefix(std::string_view text) {
  Scanner in(text);
  const auto year = in.Number(4, 4);
  if (!year) return false;
  if (in.Done()) return *year >= 1;
  if (text.size() == 7) {
    const auto month = in.Take('-') ? in.Number(2, 2) : std::nullopt;
    return month && in.Done() && Day(*year, *month, 1).has_value();
  }
  return text.size() == 10 && Iso(text).has_value();
}

}  // namespace geokg
