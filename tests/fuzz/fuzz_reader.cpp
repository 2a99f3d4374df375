// Fuzz target: the document reader on standard input (plain text, or JSON Lines when the input
// starts with '{'). Every document it hands on has an id, fits the size limit and, for text
// input, is valid UTF-8; no input makes it fail as a whole.
#include <cstdint>
#include <sstream>
#include <string>

#include "extract/document_reader.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace geokg;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  const std::string inputs[] = {"-"};
  extract::ReadOptions options;
  options.max_document_bytes = 4096;  // small, so that the limit is exercised
  size_t documents = 0;
  auto summary = extract::ReadDocuments(
      inputs, in, options,
      [&](Document&& doc) {
        ++documents;
        FUZZ_CHECK(!doc.id.empty());
        FUZZ_CHECK(doc.text.size() <= options.max_document_bytes);
        if (doc.id == "stdin") {
          std::string text = doc.text;
          FUZZ_CHECK(extract::RepairUtf8(&text) == std::string::npos);
        }
        return Status();
      },
      [](const Status& problem) { FUZZ_CHECK(problem.message().rfind("<stdin>", 0) == 0); });
  FUZZ_CHECK(summary.ok());
  FUZZ_CHECK(summary.value().documents == documents);
  return 0;
}
