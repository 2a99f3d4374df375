// geokg ingest: articles in, facts stored. Extraction runs on --threads workers; one writer
// stores each article, in input order, in one atomic write.
#include <fstream>
#include <optional>

#include "tools/cli/article_input.h"
#include "tools/cli/parallel_extraction.h"
#include "tools/cli/store_writer.h"

namespace geokg::cli {
namespace {
namespace fs = std::filesystem;

// The number of articles the inputs hold (a .jsonl line or a .txt file each), or nullopt when
// an input is standard input. Counted only to show an ETA, so unreadable inputs count as 0.
std::optional<size_t> CountArticles(const std::vector<std::string>& inputs) {
  auto count_file = [](const fs::path& path) -> size_t {
    std::error_code ec;
    // Never read a pipe or a device twice (nor an endless one once more) just for an ETA.
    if (path.extension() != ".jsonl" || !fs::is_regular_file(path, ec)) return 1;
    std::ifstream in(path, std::ios::binary);
    size_t lines = 0;
    std::string line;
    while (std::getline(in, line))
      if (line.find_first_not_of(" \t\r") != std::string::npos) ++lines;
    return lines;
  };
  size_t total = 0;
  for (const std::string& input : inputs) {
    if (input == "-") return std::nullopt;
    std::error_code ec;
    if (!fs::is_directory(input, ec)) {
      total += count_file(input);
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      if (it->is_regular_file(ec) && extract::IsArticleFile(p)) total += count_file(p);
    }
  }
  return total;
}

class IngestCommand : public Command {
 public:
  void Declare(CLI::App* app) override {
    input_.Declare(app);
    AddDbOption(app, &db_);
    app->add_flag("--progress", force_progress_, "show progress on stderr even when it is not a terminal");
  }

  int Execute(const Io& io) override {
    auto extractor = input_.MakeExtractor();
    if (!extractor.ok()) return Fail(io, extractor.status());
    const fs::path path = DbPath(db_);
    std::error_code ec;
    const bool existed = fs::exists(path, ec);
    auto store = store::Store::Open(path, {});
    if (store.status().code() == Code::kNoSpace) return DiskFull(io, path, 0);
    if (!store.ok()) return Fail(io, store.status());
    store::Store& db = *store.value();
    StoreWriter writer(io, db, ProgressTotal(io, force_progress_, [&] {
                         return CountArticles(input_.inputs.empty() ? std::vector<std::string>{"-"} : input_.inputs);
                       }));
    input_.warn = [&](const std::string& line) { writer.Warn(line); };
    // Articles the store already holds unchanged are not extracted again (a resumed ingest
    // skips quickly to where it stopped); the writer confirms it in input order.
    auto stored = [&](const Document& doc) {
      auto same = db.IsStored(doc);
      return same.ok() && same.value();
    };
    ParallelExtraction run(*extractor.value(), {.threads = input_.threads, .skip = stored},
                           [&](Document&& doc, std::optional<std::vector<Triple>>&& triples,
                               const extract::ExtractReport& report) -> Status {
                             // Confirmed in input order: an earlier article of the same input
                             // may have changed it since the worker looked.
                             if (!triples && !stored(doc)) triples = input_.Extract(io, *extractor.value(), doc);
                             input_.ReportLimits(io, doc, report);
                             if (!triples) {
                               writer.CountUnchanged();
                               return Status();
                             }
                             return writer.Put(doc, std::nullopt, *triples);
                           });
    const InterruptCatcher interrupt;
    auto summary = input_.Read(io, [&](Document&& doc) {
      if (interrupt.interrupted()) return Status::IOError("interrupted");  // not shown: reported below
      return run.Push(std::move(doc));
    });
    const Status written = run.Finish();
    const int code = writer.Finish("ingested", written, summary.ok() ? Status() : summary.status(),
                                   summary.ok() ? summary.value().skipped : 0, interrupt.interrupted());
    // A run that stored nothing leaves no empty store behind it.
    if (code != 0 && !existed && writer.stored() == 0) {
      store.value().reset();
      fs::remove_all(path, ec);
    }
    return code;
  }

 private:
  ArticleInput input_;
  std::string db_;
  bool force_progress_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeIngestCommand() { return std::make_unique<IngestCommand>(); }

}  // namespace geokg::cli
