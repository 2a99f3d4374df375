#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "extract/internal/perceptron.h"
#include "extract/internal/word_features.h"

namespace {

namespace internal = geokg::extract::internal;

TEST_CASE("A word's spelling hashes are those of its forms, affixes and shape", "[extract]") {
  using internal::HashLower;
  using internal::HashString;
  // Each affix length against words shorter and longer than it, capitals, digits, hyphens and
  // bytes of UTF-8.
  for (std::string_view word : {"", "a", "Ab", "USA", "Jae-myung", "1,200", "résumé", "ÉCOLE", "x--y", "aaaaB"}) {
    INFO(word);
    for (bool first : {false, true}) {
      const internal::SpellingHashes h = internal::HashSpelling(word, first);
      CHECK(h.form == HashString(word));
      CHECK(h.lower == HashLower(word));
      for (size_t n = 1; n <= 4; ++n) {
        const size_t m = std::min(n, word.size());
        if (n <= 3) CHECK(h.prefix[n - 1] == HashLower(word.substr(0, m)) + m);
        CHECK(h.suffix[n - 1] == HashLower(word.substr(word.size() - m)) + m);
      }
      CHECK(((h.flags >> 5) & 1) == first);
    }
  }
  CHECK(internal::HashSpelling("Jae-myung", false).shape == HashString("Xxx-xx"));
  CHECK(internal::HashSpelling("1,200.5", false).shape == HashString("d,dd.d"));
  CHECK(internal::HashSpelling("résumé", false).shape == HashString("xuuxxuu"));
  CHECK(internal::HashSpelling("", false).shape == HashString(""));
  // Capitals, digits, hyphens, lower case; an initial capital; the first word.
  CHECK(internal::HashSpelling("Jae-myung", true).flags == 0b111101);
  CHECK(internal::HashSpelling("g7", false).flags == 0b001010);
  CHECK(internal::HashSpelling("-", false).flags == 0b000100);
  CHECK(internal::HashSpelling("", false).flags == 0);
}

}  // namespace
