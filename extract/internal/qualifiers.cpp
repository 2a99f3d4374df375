#include "extract/internal/qualifiers.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "extract/internal/cues.h"
#include "extract/internal/text.h"

namespace geokg::extract::internal {
namespace {

// "lifting all sanctions on Syria", "eases the ban": the relation ends.

// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date CivilFromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

std::string Iso(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}
std::string IsoMonth(int year, int month) {
  while (month < 1) {
    month += 12;
    --year;
  }
  while (month > 12) {
    month -= 12;
    ++year;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

int DayNumber(std::string_view t) {
  if (t.empty() || t.size() > 4 || !std::isdigit(static_cast<unsigned char>(t[0]))) return 0;
  int n = 0;
  for (char c : t) {
    if (!std::isdigit(static_cast<unsigned char>(c))) break;
    n = n * 10 + (c - '0');
  }
  return n >= 1 && n <= 31 ? n : 0;
}

int Year(std::string_view t) {
  if (t.size() != 4 ||
      !std::all_of(t.begin(), t.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return 0;
  int y = std::stoi(std::string(t));
  return y >= 1900 && y <= 2100 ? y : 0;
}

}  // namespace

std::optional<Date> ParseIsoDate(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  Date d{Year(iso.substr(0, 4)), 0, 0};
  auto two = [&](size_t at) {
    const char a = iso[at], b = iso[at + 1];
    return std::isdigit(static_cast<unsigned char>(a)) && std::isdigit(static_cast<unsigned char>(b))
               ? (a - '0') * 10 + (b - '0')
               : 0;
  };
  d.month = two(5);
  d.day = two(8);
  if (d.year == 0 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return std::nullopt;
  return d;
}

Modality ModalityOf(const std::vector<Token>& tokens, uint32_t clause_begin, uint32_t trigger, uint32_t clause_end) {
  Modality modality = Modality::kAsserted;
  // "urged Trump to meet Kim", "agreed to visit": an infinitive under a verb of intent or
  // request is not yet an event; a purpose clause ("visits Pyongyang to meet Kim") is.
  if (trigger >= clause_begin + 2 && Lower(tokens[trigger - 1].text) == "to") {
    if (IsCue(Cue::kBeForm, Lower(tokens[trigger - 2].text))) modality = Modality::kExpected;
    for (uint32_t k = trigger - 2; k + 4 >= trigger && k >= clause_begin; --k) {
      if (IsCue(Cue::kIntentVerb, Lower(tokens[k].text))) {
        modality = Modality::kExpected;
        break;
      }
      if (k == 0) break;
    }
  }
  // "announces a trip to Israel", "began arranging a meeting between": an announced or arranged
  // event is to come (the reporting verb opens the clause, so it stands just outside it).
  if (IsCue(Cue::kEventNoun, Lower(tokens[trigger].text)))
    for (uint32_t k = trigger > 3 ? trigger - 3 : 0; k < trigger; ++k)
      if (IsCue(Cue::kAnnouncing, Lower(tokens[k].text))) modality = Modality::kExpected;
  for (uint32_t k = clause_begin; k < trigger; ++k) {
    const std::string w = Lower(tokens[k].text);
    if (trigger - k <= 4 && IsCue(Cue::kEndingCue, w)) return Modality::kNegated;
    if (IsCue(Cue::kNegationCue, w)) {
      // "does not rule out", "did not exclude": a possibility, not a denial.
      const std::string next = k + 1 < trigger ? Lower(tokens[k + 1].text) : "";
      const std::string after = k + 2 < trigger ? Lower(tokens[k + 2].text) : "";
      if ((next == "rule" && after == "out") || next == "exclude" || next == "excluding") {
        modality = Modality::kExpected;
        continue;
      }
      return Modality::kNegated;
    }
    if (IsCue(Cue::kExpectedCue, w) && !(w == "set" && (k + 1 >= tokens.size() || tokens[k + 1].text != "to")))
      modality = Modality::kExpected;
    // "calls for renewed talks with": an event asked for has not happened yet.
    if ((w == "calls" || w == "call" || w == "called") && k + 1 < tokens.size() && Lower(tokens[k + 1].text) == "for")
      modality = Modality::kExpected;
  }
  // "ahead of a potential summit", "later this month", "next week" after the trigger; "later"
  // after a verb in the past ("arrived in Addis Ababa later") is later that day.
  const std::string form = Lower(tokens[trigger].text);
  const bool past =
      (form.size() > 3 && form.compare(form.size() - 2, 2, "ed") == 0) || IsCue(Cue::kIrregularPast, form);
  for (uint32_t k = trigger + 1; k < clause_end && k < trigger + 8; ++k) {
    const std::string w = Lower(tokens[k].text);
    if ((w == "later" && !past) || w == "next" || w == "tomorrow") modality = Modality::kExpected;
    // "the planned talks ... have been cancelled": it did not happen.
    if (IsCue(Cue::kCalledOff, w)) return Modality::kNegated;
  }
  return modality;
}

TimeMention TimeOf(const std::vector<Token>& tokens, uint32_t begin, uint32_t end, const std::optional<Date>& article,
                   Modality modality) {
  const bool future = modality == Modality::kExpected;
  const long today = article ? DaysFromCivil(article->year, article->month, article->day) : 0;
  // The expression's words, from a leading "on", "in", "last", "next" or "later" on.
  auto text = [&](uint32_t first, uint32_t last) {
    while (first > begin) {
      const std::string w = Lower(tokens[first - 1].text);
      if (!IsCue(Cue::kTimeExpressionOpener, w)) break;
      --first;
    }
    std::string out;
    for (uint32_t k = first; k < last; ++k) {
      if (!out.empty()) out += ' ';
      out.append(tokens[k].text);
    }
    return out;
  };
  for (uint32_t k = begin; k < end; ++k) {
    const std::string w = Lower(tokens[k].text);
    const std::string prev = k > begin ? Lower(tokens[k - 1].text) : "";
    const std::string next = k + 1 < end ? Lower(tokens[k + 1].text) : "";
    if (w == "yesterday" || w == "today" || w == "tomorrow") {
      const long delta = w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0;
      return {article ? Iso(CivilFromDays(today + delta)) : "", text(k, k + 1)};
    }
    if (int wd = CueIndex(Cue::kWeekday, w); wd >= 0) {
      if (!article) return {"", text(k, k + 1)};
      const long weekday_today = ((today % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday (3)
      long delta = wd - weekday_today;
      if (future) {
        if (delta < 0) delta += 7;
      } else if (delta > 0) {
        delta -= 7;
      }
      return {Iso(CivilFromDays(today + delta)), text(k, k + 1)};
    }
    if (int month = CueIndex(Cue::kMonth, w); month >= 0) {
      // "May" is also a modal verb: only as a month with a day, a year, or "in/last/next".
      int day = next.empty() ? 0 : DayNumber(next);
      uint32_t last = k + (day > 0 ? 2 : 1);
      if (day == 0 && !prev.empty()) day = DayNumber(prev);
      int year = k + 2 < end ? Year(tokens[k + 2].text) : 0;
      if (year != 0) last = k + 3;
      if (year == 0 && k + 3 < end && tokens[k + 2].text == ",") {
        year = Year(tokens[k + 3].text);
        if (year != 0) last = k + 4;
      }
      if (year == 0 && k + 1 < end) {
        year = Year(tokens[k + 1].text);
        if (year != 0) last = k + 2;
      }
      if (w == "may" && day == 0 && year == 0 && prev != "in" && prev != "last" && prev != "next") continue;
      const uint32_t first = day > 0 && DayNumber(prev) == day ? k - 1 : k;
      const int m = month + 1;
      if (!article && year == 0) return {"", text(first, last)};
      if (year == 0) {
        year = article->year;
        // An asserted event dated well after the article happened the year before; a few days
        // after is a late-filed report or a slip, not last year.
        const long ahead = DaysFromCivil(year, m, day > 0 ? day : 1) - today;
        if (prev == "last" || (!future && ahead > 31)) --year;
        if (prev == "next" || (future && m < article->month)) ++year;
      }
      return {day > 0 ? Iso({year, m, day}) : IsoMonth(year, m), text(first, last)};
    }
    if ((w == "month" || w == "year") && (prev == "this" || prev == "next" || prev == "last")) {
      const int delta = prev == "next" ? 1 : prev == "last" ? -1 : 0;
      if (!article) return {"", text(k - 1, k + 1)};
      return {w == "month" ? IsoMonth(article->year, article->month + delta) : std::to_string(article->year + delta),
              text(k - 1, k + 1)};
    }
  }
  return {};
}

std::string AttributionOf(const std::vector<Token>& tokens, uint32_t trigger) {
  auto phrase = [&](uint32_t from, uint32_t to) {
    std::string s;
    for (uint32_t k = from; k < to; ++k) {
      if (k > from) s += ' ';
      s += tokens[k].text;
    }
    return s;
  };
  auto is_break = [&](uint32_t k) {
    std::string_view t = tokens[k].text;
    return t == "," || t == "." || t == ";" || t == ":" || t == "\"" || t == "\xE2\x80\x9D";
  };
  for (uint32_t k = 0; k + 2 < tokens.size(); ++k) {
    if (Lower(tokens[k].text) == "according" && tokens[k + 1].text == "to") {
      uint32_t e = k + 2;
      while (e < tokens.size() && !is_break(e)) ++e;
      return phrase(k + 2, e);
    }
  }
  // "X said (on Friday) that ...": the speaker is the phrase before the reporting verb, back to
  // the start of the sentence or the last comma.
  for (uint32_t k = trigger; k-- > 1;) {
    if (!IsCue(Cue::kReportingVerb, Lower(tokens[k].text))) continue;
    // "X said (that) ...": the reported clause follows the verb, with or without "that".
    if (k + 1 >= trigger) continue;
    // The speaker may be set off by commas: "South Korea's adviser, Wi Sung-lac, said ...".
    uint32_t e = k;
    if (e >= 2 && tokens[e - 1].text == ",") --e;
    uint32_t b = e;
    while (b > 0 && !is_break(b - 1)) --b;
    std::string speaker = phrase(b, e);
    for (std::string_view article : {"the ", "The "})
      if (speaker.rfind(article, 0) == 0) speaker.erase(0, article.size());
    return speaker;
  }
  return "";
}

}  // namespace geokg::extract::internal
