#include "tools/cli/article_input.h"

namespace geokg::cli {

void ArticleInput::Declare(CLI::App* app) {
  app->add_option("inputs", inputs, "articles: .txt, .jsonl, directories, or - for standard input (default)");
  app->add_option("--date", date, "date (YYYY-MM-DD) for articles that carry none; resolves 'on Sunday'")
      ->check([](const std::string& v) {
        return extract::ParseJsonlDocument(R"({"id":"x","text":"","date":")" + v + "\"}").ok()
                   ? std::string()
                   : "not a date (YYYY-MM-DD): " + v;
      });
  app->add_option("--lexicon", lexicons, "extra gazetteer file (docs/LEXICON.md); may repeat")
      ->check(CLI::ExistingFile);
}

Result<std::unique_ptr<extract::Extractor>> ArticleInput::MakeExtractor() const {
  extract::ExtractorOptions options;
  for (const std::string& l : lexicons) options.lexicons.emplace_back(l);
  return extract::Extractor::Create(options);
}

Result<extract::ReadSummary> ArticleInput::Read(const Io& io, const extract::DocumentSink& sink) const {
  const std::vector<std::string> names = inputs.empty() ? std::vector<std::string>{"-"} : inputs;
  return extract::ReadDocuments(names, io.in, date, sink,
                                [&](const Status& s) { io.err << "geokg: " << s.message() << "\n"; });
}

}  // namespace geokg::cli
