// extract/boilerplate.h -- tells article prose from the page furniture that users paste along
// with it: share prompts ("Follow us on ..."), photo captions, bylines, sign-offs and the lists
// of related headlines that follow "Next In ...", "Others Also Read", "Related" and the like.
// Pure functions: thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace geokg::extract {

struct TextRange {
  uint32_t begin = 0;  // [begin, end): byte offsets
  uint32_t end = 0;
};

enum class LineKind {
  kProse,      // a statement of the article
  kHeading,    // a short line over prose that names its topic ("Russian invasion of Ukraine"):
               // a noun phrase, no sentence, but what it names the page takes as given
  kFurniture,  // share prompts, captions, bylines, link lists
};

struct ClassifiedLine {
  TextRange range;  // the line without its surrounding blanks
  LineKind kind;
};

// Every non-blank line of `text`, in order, with what it is.
std::vector<ClassifiedLine> ClassifyLines(std::string_view text);

// The lines of `text` that are article prose, in order, as byte ranges. Lines that are not
// prose are left out whole; nothing inside a kept line is cut.
std::vector<TextRange> ProseRanges(std::string_view text);

}  // namespace geokg::extract
