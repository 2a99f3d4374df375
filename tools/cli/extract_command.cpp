// geokg extract: articles in, triples out, no store. In JSON Lines each document's triples
// follow a line describing the document, so that `geokg load` can store them as ingest would.
#include "graph/triple_format.h"
#include "store/store.h"
#include "tools/cli/article_input.h"
#include "tools/cli/parallel_extraction.h"

namespace geokg::cli {
namespace {

class ExtractCommand : public Command {
 public:
  void Declare(CLI::App* app) override {
    input_.Declare(app);
    app->add_option("--format", format_, "jsonl or tsv")->check(CLI::IsMember({"jsonl", "tsv"}))->default_val("jsonl");
  }

  int Execute(const Io& io) override {
    auto extractor = input_.MakeExtractor();
    if (!extractor.ok()) return Fail(io, extractor.status());
    const bool tsv = format_ == "tsv";
    if (tsv) io.out << TsvHeader() << "\n";
    bool closed = false;
    // Workers extract; the triples are printed in input order, whatever the thread count.
    ParallelExtraction run(*extractor.value(), {.threads = input_.threads, .capacity = 0, .skip = {}},
                           [&](Document&& doc, std::optional<std::vector<Triple>>&& triples,
                               const extract::ExtractReport& report) -> Status {
                             input_.ReportLimits(io, doc, report);
                             if (!tsv)
                               io.out << DocumentLineToJson(doc, store::ContentHash(doc), triples->size()).dump()
                                      << "\n";
                             for (const Triple& t : *triples)
                               io.out << (tsv ? TripleToTsv(t) : TripleToJson(t).dump()) << "\n";
                             // A closed pipe (`geokg extract | head`) ends the run quietly.
                             if (!io.out) {
                               closed = true;
                               return Status::IOError("standard output closed");
                             }
                             return Status();
                           });
    auto summary = input_.Read(io, [&](Document&& doc) { return run.Push(std::move(doc)); });
    const Status printed = run.Finish();
    io.out.flush();
    if (closed) return 0;
    if (!printed.ok()) return Fail(io, printed);
    if (!summary.ok()) return Fail(io, summary.status());
    return summary.value().skipped > 0 ? 1 : 0;
  }

 private:
  ArticleInput input_;
  std::string format_;
};

}  // namespace

std::unique_ptr<Command> MakeExtractCommand() { return std::make_unique<ExtractCommand>(); }

}  // namespace geokg::cli
