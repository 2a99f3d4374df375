// graph/calendar_date.h -- the one reading of a date as people and web pages write it, checked
// against the calendar (std::chrono), so that 2025-02-31 and 2025-13-45 are refused everywhere
// (article dates, --date, --since, --until). Pure functions, safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace geokg {

// The day `text` names, as YYYY-MM-DD, from any of:
//   2025-03-01                          (ISO 8601)
//   2025-03-01T10:00:00+02:00           (RFC 3339 / ISO 8601 with a time: T or a space, optional
//                                        seconds and fraction, Z or an offset, or none)
//   Sat, 01 Mar 2025 10:00:00 GMT       (RFC 2822 / HTTP; weekday, seconds and zone optional)
// The day is the one written, not moved to UTC: a page's local date is its publication date.
// nullopt when `text` is none of these or names no day of the calendar (2025-02-31, a 25th hour).
std::optional<std::string> CalendarDate(std::string_view text);

// Whether `text` is YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day: the periods
// --since and --until take.
bool IsDatePrefix(std::string_view text);

}  // namespace geokg
