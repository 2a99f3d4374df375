#include <catch2/catch.hpp>

#include "graph/calendar_date.h"

using geokg::CalendarDate;
using geokg::IsDatePrefix;

TEST_CASE("dates as people and pages write them give the day written", "[graph][date]") {
  auto [text, day] = GENERATE(table<std::string, std::string>({
      {"2025-03-01", "2025-03-01"},
      {"2025-03-01T10:00:00+02:00", "2025-03-01"},
      {"2025-03-01T23:30:00-05:00", "2025-03-01"},  // the day written, not moved to UTC
      {"2025-03-01T10:00Z", "2025-03-01"},
      {"2025-03-01 10:00:00.123456+0200", "2025-03-01"},
      {"2024-02-29T00:00:00", "2024-02-29"},
      {"Sat, 01 Mar 2025 10:00:00 GMT", "2025-03-01"},
      {"1 Mar 2025 10:00 +0100", "2025-03-01"},
      {"  Mon, 3 Feb 2025  ", "2025-02-03"},
  }));
  CAPTURE(text);
  CHECK(CalendarDate(text) == day);
}

TEST_CASE("days that are not in the calendar and malformed dates are refused", "[graph][date]") {
  auto text = GENERATE(as<std::string>{}, "2025-02-31", "2025-13-45", "2023-02-29", "2025-00-10", "2025-03-01T25:00:00",
                       "2025-03-01T10:61", "2025-03-01T10:00:00+2", "2025-3-1", "20250301", "Sat, 31 Feb 2025",
                       "Sun, 01 Mrz 2025", "Caturday, 01 Mar 2025", "2025-03-01 and more", "", "0000-01-01");
  CAPTURE(text);
  CHECK_FALSE(CalendarDate(text).has_value());
}

TEST_CASE("periods for --since and --until are years, months or days of the calendar", "[graph][date]") {
  CHECK(IsDatePrefix("2025"));
  CHECK(IsDatePrefix("2025-02"));
  CHECK(IsDatePrefix("2024-02-29"));
  CHECK_FALSE(IsDatePrefix("2025-13"));
  CHECK_FALSE(IsDatePrefix("2025-02-31"));
  CHECK_FALSE(IsDatePrefix("25"));
  CHECK_FALSE(IsDatePrefix("2025-1"));
}
