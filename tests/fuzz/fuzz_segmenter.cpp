// Fuzz target: the text cleaner (boilerplate filter) and the segmenter on arbitrary bytes.
// Tokens are the text at their offsets (or, for a function word wire copy capitalised after
// "U.S.", that text in lower case), in order; sentences are non-empty and cover their tokens; prose
// ranges lie inside the text, in order.
#include <cstdint>
#include <string_view>

#include "extract/boilerplate.h"
#include "extract/internal/text.h"
#include "extract/tokenizer.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

void CheckTokens(std::string_view text, const std::vector<geokg::extract::Token>& tokens) {
  uint32_t previous_end = 0;
  for (const auto& t : tokens) {
    FUZZ_CHECK(t.begin < t.end && t.end <= text.size());
    FUZZ_CHECK(t.begin >= previous_end);
    const std::string_view written = text.substr(t.begin, t.end - t.begin);
    FUZZ_CHECK(t.text == written || t.text == geokg::extract::internal::Lower(written));
    previous_end = t.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace geokg::extract;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckTokens(text, Tokenize(text));
  uint32_t previous_end = 0;
  for (const Sentence& s : Segment(text)) {
    FUZZ_CHECK(!s.tokens.empty());
    FUZZ_CHECK(s.begin <= s.tokens.front().begin && s.tokens.back().end <= s.end && s.end <= text.size());
    FUZZ_CHECK(s.begin >= previous_end);
    CheckTokens(text, s.tokens);
    previous_end = s.end;
  }
  uint32_t range_end = 0;
  for (const TextRange& r : ProseRanges(text)) {
    FUZZ_CHECK(r.begin >= range_end && r.begin <= r.end && r.end <= text.size());
    range_end = r.end;
  }
  return 0;
}
