// geokg extract: articles in, triples out, no store. In JSON Lines each document's triples
// follow a line describing the document, so that `geokg load` can store them as ingest would.
#include "graph/event_tables.h"
#include "graph/triple_format.h"
#include "store/store.h"
#include "tools/cli/article_input.h"
#include "tools/cli/parallel_extraction.h"
#include "tools/cli/usage.h"

namespace geokg::cli {
namespace {

class ExtractCommand : public Command {
 public:
  void Declare(CLI::App* app) override {
    input_.Declare(app);
    app->add_option("--format", format_, "jsonl, tsv, gdelt (GDELT-style event table) or kgtk (KGTK edges)")
        ->check(OneOf({"jsonl", "tsv", "gdelt", "kgtk"}))
        ->default_val("jsonl");
  }

  int Execute(const Io& io) override {
    auto extractor = input_.MakeExtractor();
    if (!extractor.ok()) return Fail(io, extractor.status());
    if (format_ == "tsv") io.out << TsvHeader() << "\n";
    if (format_ == "gdelt") WriteGdeltHeader(io.out);
    std::optional<KgtkWriter> kgtk;
    if (format_ == "kgtk") kgtk.emplace(io.out);
    uint64_t written = 0;  // triples so far: the event ids of gdelt and kgtk rows
    bool closed = false;
    // Workers extract; the triples are printed in input order, whatever the thread count.
    ParallelExtraction run(*extractor.value(), {.threads = input_.threads, .capacity = 0, .skip = {}},
                           [&](Document&& doc, std::optional<std::vector<Triple>>&& triples,
                               const extract::ExtractReport& report) -> Status {
                             input_.ReportLimits(io, doc, report);
                             if (format_ == "gdelt" || kgtk) {
                               const std::vector<CitedFact> facts = FactsOf(*triples, doc, written + 1);
                               if (kgtk)
                                 kgtk->Write(facts);
                               else
                                 WriteGdeltRows(facts, CountriesByRole(facts), io.out);
                             } else {
                               if (format_ == "jsonl")
                                 io.out << DocumentLineToJson(doc, store::ContentHash(doc), triples->size()).dump()
                                        << "\n";
                               for (const Triple& t : *triples)
                                 io.out << (format_ == "tsv" ? TripleToTsv(t) : TripleToJson(t).dump()) << "\n";
                             }
                             written += triples->size();
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
