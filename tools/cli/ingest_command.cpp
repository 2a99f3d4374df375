// geokg ingest: articles in, facts stored.
#include "tools/cli/article_input.h"

namespace geokg::cli {
namespace {

class IngestCommand : public Command {
 public:
  void Declare(CLI::App* app) override {
    input_.Declare(app);
    AddDbOption(app, &db_);
  }

  int Execute(const Io& io) override {
    auto extractor = input_.MakeExtractor();
    if (!extractor.ok()) return Fail(io, extractor.status());
    auto store = store::Store::Open(DbPath(db_), {});
    if (!store.ok()) return Fail(io, store.status());
    size_t added = 0, unchanged = 0, replaced = 0, triples = 0;
    auto summary = input_.Read(io, [&](Document&& doc) -> Status {
      const std::vector<Triple> extracted = input_.Extract(io, *extractor.value(), doc);
      auto outcome = store.value()->PutDocument(doc, extracted);
      if (!outcome.ok()) return outcome.status();
      switch (outcome.value()) {
        case store::PutOutcome::kNew: ++added; break;
        case store::PutOutcome::kUnchanged: ++unchanged; break;
        case store::PutOutcome::kReplaced: ++replaced; break;
      }
      if (outcome.value() != store::PutOutcome::kUnchanged) triples += extracted.size();
      return Status();
    });
    if (!summary.ok()) return Fail(io, summary.status());
    io.err << "geokg: ingested " << summary.value().documents << " documents into " << DbPath(db_).string() << " ("
           << added << " new, " << unchanged << " unchanged, " << replaced << " replaced, "
           << summary.value().skipped << " skipped); " << triples << " triples\n";
    return summary.value().skipped > 0 ? 1 : 0;
  }

 private:
  ArticleInput input_;
  std::string db_;
};

}  // namespace

std::unique_ptr<Command> MakeIngestCommand() { return std::make_unique<IngestCommand>(); }

}  // namespace geokg::cli
