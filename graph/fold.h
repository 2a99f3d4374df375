// graph/fold.h -- the one way geokg compares names regardless of how they are written: case,
// diacritics, apostrophes and hyphens do not count ("Erdoğan" = "ERDOGAN", "Embaló" = "Embalo",
// "Jae-myung" = "Jae Myung"). Unicode-aware through utf8proc (case folding, decomposition,
// marks stripped). Pure functions, safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace geokg {

// `name` case-folded, without diacritics or apostrophes, with hyphens and runs of white space
// as one space, trimmed. Invalid UTF-8 is folded byte by byte as ASCII (never fails).
std::string FoldName(std::string_view name);

// `text` without diacritics, otherwise unchanged (case and punctuation kept): "Embaló" ->
// "Embalo". ASCII text is returned as is without work.
std::string StripMarks(std::string_view text);

}  // namespace geokg
