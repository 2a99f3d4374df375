// Fuzz target: the whole extraction pipeline on one article (bytes repaired to UTF-8, as the
// reader does). Every triple points into the article, has a confidence in [0, 1], and its JSON
// and TSV forms are written without error and parse back.
#include <cstdint>
#include <string>

#include "extract/document_reader.h"
#include "extract/extractor.h"
#include "graph/triple_format.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace geokg;
  static const auto* extractor = [] {
    extract::ExtractorOptions options;
    options.max_sentence_tokens = 120;  // smaller than the default, so that the limit is exercised
    options.max_sentence_bytes = 1024;
    return extract::Extractor::Create(options).value().release();
  }();
  Document doc{"fuzz", "", "2031-03-02", "", "", std::string(reinterpret_cast<const char*>(data), size)};
  extract::RepairUtf8(&doc.text);
  extract::ExtractReport report;
  for (const Triple& t : extractor->Extract(doc, &report)) {
    FUZZ_CHECK(t.evidence.doc == doc.id);
    FUZZ_CHECK(t.evidence.begin <= t.evidence.end && t.evidence.end <= doc.text.size());
    FUZZ_CHECK(t.confidence >= 0.0f && t.confidence <= 1.0f);
    FUZZ_CHECK(!t.subject.name.empty() && !t.object.name.empty());
    const std::string line = TripleToJson(t).dump();  // throws on invalid UTF-8 in any field
    auto back = TripleFromJson(nlohmann::json::parse(line));
    FUZZ_CHECK(back.ok());
    FUZZ_CHECK(TripleToJson(back.value()).dump() == line);
    FUZZ_CHECK(TripleToTsv(t).find('\n') == std::string::npos);
  }
  return 0;
}
