// Fuzz target: the lexicon file parser. A rejected file adds nothing and its message names the
// file; an accepted one finds each entry by its canonical name, and matching its own text
// against it stays within the tokens.
#include <cstdint>
#include <string_view>

#include "extract/gazetteer.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace geokg::extract;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Gazetteer gazetteer;
  const geokg::Status status = gazetteer.AddText(text, "fuzz.tsv");
  if (!status.ok()) {
    FUZZ_CHECK(status.message().rfind("fuzz.tsv", 0) == 0);
    FUZZ_CHECK(gazetteer.size() == 0);
    return 0;
  }
  for (uint32_t i = 0; i < gazetteer.size(); ++i)
    FUZZ_CHECK(gazetteer.Find(gazetteer.entry(i).entity.name).has_value());
  const std::vector<Token> tokens = Tokenize(text);
  for (size_t k = 0; k < tokens.size(); ++k) {
    const auto match = gazetteer.LongestMatch(tokens, k);
    if (match) FUZZ_CHECK(match->length > 0 && k + match->length <= tokens.size() && match->entry < gazetteer.size());
  }
  return 0;
}
