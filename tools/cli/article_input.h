// tools/cli/article_input.h -- the options and reading shared by the commands that take
// articles (extract, ingest): inputs, --date, --lexicon and the limits that keep memory and
// time bounded on any input.
#pragma once

#include <functional>
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
  std::string relation_model;  // --relation-model; empty: the built-in model
  extract::ReadOptions read;
  extract::ExtractorOptions extraction;
  size_t threads = 1;  // extraction workers (--threads; default: the number of cores)
  // Where warnings go, from any thread: set by a command that shows a progress line, so that a
  // warning never lands in the middle of it; empty: straight to io.err.
  std::function<void(const std::string&)> warn;

  // Declares the inputs, --date, --lexicon, --threads and the --max-* limits on `app`.
  void Declare(CLI::App* app);
  // The extractor with the built-in gazetteer plus --lexicon files.
  Result<std::unique_ptr<extract::Extractor>> MakeExtractor() const;
  // Reads the inputs (standard input when none), reporting each problem as a warning. kNotFound
  // "no articles found in INPUTS" when they hold none (no article files, empty or binary ones).
  Result<extract::ReadSummary> Read(const Io& io, const extract::DocumentSink& sink) const;
  // The triples of `doc`; a warning naming the document goes to io.err when a limit made the
  // extractor skip sentences.
  std::vector<Triple> Extract(const Io& io, const extract::Extractor& extractor, const Document& doc) const;
  // The warning of Extract, for a caller that extracted `doc` itself (on another thread).
  void ReportLimits(const Io& io, const Document& doc, const extract::ExtractReport& report) const;
  // Prints "geokg: <message>" through `warn`, else on io.err.
  void Warn(const Io& io, const std::string& message) const;
};

}  // namespace geokg::cli
