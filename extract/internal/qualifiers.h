// extract/internal/qualifiers.h -- what makes a triple usable besides its arguments. Whether
// the event happened (modality), when (time, resolved against the article's date) and who says
// so (attribution). Pure functions over a tokenised sentence: thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/tokenizer.h"
#include "graph/triple.h"

namespace geokg::extract::internal {

struct Date {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
};

// The date at the start of an ISO 8601 string ("2026-01-04", "1987-03-02T10:00:00"), or nullopt.
std::optional<Date> ParseIsoDate(std::string_view iso);

// The modality of the event whose trigger is tokens[trigger], read from the clause
// [clause_begin, clause_end) it stands in: "will", "expected to", "potential", "later this
// month" make it expected; "not", "never", "refused to" make it negated.
Modality ModalityOf(const std::vector<Token>& tokens, uint32_t clause_begin, uint32_t trigger, uint32_t clause_end);

struct TimeMention {
  std::string iso;   // "2026-01-04", "2026-01" or "2026"; empty when it cannot be resolved
  std::string text;  // the expression as written ("on Sunday"); empty when there is none
};

// The first time expression in tokens [begin, end): weekdays, "November 1", "last June", "this
// month", "this year", "yesterday", resolved against the article date to an ISO date, month or
// year. Weekdays and bare months resolve to the past for asserted events and to the future for
// expected ones. Without an article date the expression is kept unresolved (iso empty).
TimeMention TimeOf(const std::vector<Token>& tokens, uint32_t begin, uint32_t end, const std::optional<Date>& article,
                   Modality modality);

// Who the sentence says reports the event at tokens[trigger]: "according to X" anywhere, or the
// speaker of a reporting verb before it ("X said that ..."). Empty when the article itself
// asserts it.
std::string AttributionOf(const std::vector<Token>& tokens, uint32_t trigger);

}  // namespace geokg::extract::internal
