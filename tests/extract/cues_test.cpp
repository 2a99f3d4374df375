#include <catch2/catch.hpp>

#include "extract/internal/cues.h"

using namespace geokg::extract::internal;

TEST_CASE("every cue list the rules read is in the embedded cue file", "[extract][cues]") {
  CHECK(IsCue(Cue::kReportingVerb, "said"));
  CHECK(IsCue(Cue::kClauseReportingVerb, "announced"));
  CHECK_FALSE(IsCue(Cue::kClauseReportingVerb, "told"));  // "told Macron that": an object first
  CHECK(IsCue(Cue::kHonorific, "Sir"));
  CHECK(IsCue(Cue::kRank, "Gen"));
  CHECK(IsCue(Cue::kDictionaryHonorific, "ACTING"));
  CHECK(IsCue(Cue::kWeekday, "Tuesday"));
  CHECK_FALSE(IsCue(Cue::kMonth, "march"));  // exact: the lower-case word is a verb
  CHECK(CueIndex(Cue::kMonth, "march") == 2);
  CHECK(CueIndex(Cue::kMonth, "DECEMBER") == 11);
  CHECK(CueIndex(Cue::kWeekday, "sunday") == 6);
  CHECK(CueIndex(Cue::kWeekday, "someday") == -1);
}
