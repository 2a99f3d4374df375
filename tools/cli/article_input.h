// tools/cli/article_input.h -- the options and reading shared by the commands that take
// articles (extract, ingest): inputs, --date, --lexicon.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extract/document_reader.h"
#include "extract/extractor.h"
#include "tools/cli/command.h"

namespace geokg::cli {

struct ArticleInput {
  std::vector<std::string> inputs;
  std::vector<std::string> lexicons;
  std::string date;

  // Declares the inputs, --date and --lexicon on `app`.
  void Declare(CLI::App* app);
  // The extractor with the built-in gazetteer plus --lexicon files.
  Result<std::unique_ptr<extract::Extractor>> MakeExtractor() const;
  // Reads the inputs (standard input when none), reporting each problem on io.err.
  Result<extract::ReadSummary> Read(const Io& io, const extract::DocumentSink& sink) const;
};

}  // namespace geokg::cli
