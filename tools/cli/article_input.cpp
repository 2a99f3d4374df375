#include "tools/cli/article_input.h"

#include <algorithm>
#include <thread>

#include "graph/printable.h"

namespace geokg::cli {

void ArticleInput::Declare(CLI::App* app) {
  app->add_option("inputs", inputs, "articles: .txt, .jsonl, directories, or - for standard input (default)");
  app->add_option("--date", read.fallback_date, "date (YYYY-MM-DD) for articles that carry none; resolves 'on Sunday'")
      ->check([](const std::string& v) {
        return extract::ParseJsonlDocument(R"({"id":"x","text":"","date":")" + v + "\"}").ok()
                   ? std::string()
                   : "not a date (YYYY-MM-DD): " + v;
      });
  // One file per --lexicon: "--lexicon F in.jsonl" must leave in.jsonl an input.
  app->add_option("--lexicon", lexicons, "extra gazetteer file (docs/LEXICON.md); repeat the flag for more")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  app->add_option("--relation-model", relation_model,
                  "relation model file written by geokg-train-relations, instead of the built-in one")
      ->check(CLI::ExistingFile);
  threads = std::max(1u, std::thread::hardware_concurrency());
  app->add_option("-j,--threads", threads, "extraction threads (default: the number of cores); output order does not change")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  app->add_option("--max-document-bytes", read.max_document_bytes,
                  "longer .txt articles are cut to this size, longer JSONL lines skipped")
      ->check(CLI::Range(size_t{1}, size_t{1} << 31))
      ->capture_default_str();
  app->add_option("--max-sentence-tokens", extraction.max_sentence_tokens, "longer sentences are skipped")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_option("--max-sentence-bytes", extraction.max_sentence_bytes, "longer sentences are skipped")
      ->check(CLI::PositiveNumber)
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
  return extract::ReadDocuments(names, io.in, read, sink,
                                [&](const Status& s) { io.err << "geokg: " << Printable(s.message()) << "\n"; });
}

std::vector<Triple> ArticleInput::Extract(const Io& io, const extract::Extractor& extractor, const Document& doc) const {
  extract::ExtractReport report;
  std::vector<Triple> triples = extractor.Extract(doc, &report);
  ReportLimits(io, doc, report);
  return triples;
}

void ArticleInput::ReportLimits(const Io& io, const Document& doc, const extract::ExtractReport& report) const {
  if (report.sentences_over_limit > 0)
    io.err << "geokg: document \"" << Printable(doc.id) << "\": " << report.sentences_over_limit
           << " sentence(s) over the limit of " << extraction.max_sentence_tokens << " tokens or "
           << extraction.max_sentence_bytes << " bytes skipped (--max-sentence-tokens, --max-sentence-bytes)\n";
}

}  // namespace geokg::cli
