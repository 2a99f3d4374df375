#include "tools/cli/article_input.h"
#include "tools/cli/usage.h"

#include <algorithm>
#include <thread>

#include "graph/printable.h"

namespace geokg::cli {

void ArticleInput::Declare(CLI::App* app) {
  app->add_option("inputs", inputs,
                  "articles: .txt, .html, .htm, .jsonl, directories, or - for standard input (default)");
  app->add_option("--date", read.fallback_date,
                  "date for articles that carry none (YYYY-MM-DD, RFC 3339 or RFC 2822); resolves 'on Sunday'")
      ->transform(CalendarDay());
  // One file per --lexicon: "--lexicon F in.jsonl" must leave in.jsonl an input.
  app->add_option("--lexicon", lexicons, "extra gazetteer file (docs/LEXICON.md); repeat the flag for more")
      ->check(ExistingFile())
      ->allow_extra_args(false);
  app->add_option("--relation-model", relation_model,
                  "relation model file written by geokg-train-relations, instead of the built-in one")
      ->check(ExistingFile());
  threads = std::max(1u, std::thread::hardware_concurrency());
  app->add_option("-j,--threads", threads,
                  "extraction threads (default: the number of cores); output order does not change")
      ->check(Between(1, 256))
      ->capture_default_str();
  app->add_option("--max-document-bytes", read.max_document_bytes,
                  "longer .txt and .html articles are cut to this size, longer JSONL lines skipped")
      ->check(Between(1, 2147483648.0))
      ->capture_default_str();
  app->add_option("--max-sentence-tokens", extraction.max_sentence_tokens, "longer sentences are skipped")
      ->check(AtLeastOne())
      ->capture_default_str();
  app->add_option("--max-sentence-bytes", extraction.max_sentence_bytes, "longer sentences are skipped")
      ->check(AtLeastOne())
      ->capture_default_str();
}

Result<std::unique_ptr<extract::Extractor>> ArticleInput::MakeExtractor() const {
  extract::ExtractorOptions options = extraction;
  for (const std::string& l : lexicons) options.lexicons.emplace_back(l);
  options.relation_model = relation_model;
  return extract::Extractor::Create(options);
}

Result<extract::ReadSummary> ArticleInput::Read(const Io& io, const extract::DocumentSink& sink) const {
  const std::vector<std::string> names = inputs.empty() ? std::vector<std::string>{"-"} : inputs;
  auto summary = extract::ReadDocuments(names, io.in, read, sink, [&](const Status& s) { Warn(io, s.message()); });
  if (!summary.ok() || summary.value().documents > 0) return summary;
  std::string where;
  for (const std::string& name : names) {
    if (!where.empty()) where += ", ";
    where += name == "-" ? "standard input" : name;
  }
  return Status::NotFound("no articles found in " + where + " (articles are .txt, .html, .htm and .jsonl files)");
}

void ArticleInput::Warn(const Io& io, const std::string& message) const {
  const std::string line = "geokg: " + Printable(message) + "\n";
  if (warn)
    warn(line);
  else
    io.err << line;
}

std::vector<Triple> ArticleInput::Extract(const Io& io, const extract::Extractor& extractor,
                                          const Document& doc) const {
  extract::ExtractReport report;
  std::vector<Triple> triples = extractor.Extract(doc, &report);
  ReportLimits(io, doc, report);
  return triples;
}

void ArticleInput::ReportLimits(const Io& io, const Document& doc, const extract::ExtractReport& report) const {
  if (report.sentences_over_limit > 0)
    Warn(io, "document \"" + doc.id + "\": " + std::to_string(report.sentences_over_limit) +
                 " sentence(s) over the limit of " + std::to_string(extraction.max_sentence_tokens) + " tokens or " +
                 std::to_string(extraction.max_sentence_bytes) +
                 " bytes skipped (--max-sentence-tokens, --max-sentence-bytes)");
}

}  // namespace geokg::cli
