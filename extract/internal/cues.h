// extract/internal/cues.h -- the English word lists the extractor's rules read
// (extract/data/cues.tsv, embedded): reporting verbs, honorifics and ranks, months and weekdays.
#pragma once

#include <string_view>

namespace geokg::extract::internal {

enum class Cue {
  kReportingVerb,        // lower case
  kClauseReportingVerb,  // lower case; a clause follows them directly
  kHonorific,
  kRank,
  kDictionaryHonorific,  // upper case, as Phoenix dictionaries write them
  kMonth,                // capitalised
  kWeekday,              // capitalised
  kMetAsSatisfied,       // lower case: what is "met" without a meeting ("requirements")
};

// Whether `word` is in the list, exactly as written there.
bool IsCue(Cue list, std::string_view word);
// The 0-based position of `word` in the list, compared without case ("march" is 2 of kMonth);
// -1 when it is not there.
int CueIndex(Cue list, std::string_view word);

}  // namespace geokg::extract::internal
