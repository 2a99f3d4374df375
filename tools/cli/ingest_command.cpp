// geokg ingest: articles in, facts stored.
#include <signal.h>

#include <csignal>

#include "tools/cli/article_input.h"

namespace geokg::cli {
namespace {

volatile std::sig_atomic_t sigint_received = 0;

// While it lives, the first SIGINT (Ctrl-C) asks the ingest to stop after the current article,
// whose write then lands whole or not at all; a second one ends the process as usual.
class InterruptCatcher {
 public:
  InterruptCatcher() {
    sigint_received = 0;
    struct sigaction action = {};
    action.sa_handler = [](int) { sigint_received = 1; };
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &action, &previous_);
  }
  ~InterruptCatcher() { sigaction(SIGINT, &previous_, nullptr); }
  InterruptCatcher(const InterruptCatcher&) = delete;
  InterruptCatcher& operator=(const InterruptCatcher&) = delete;
  bool interrupted() const { return sigint_received != 0; }

 private:
  struct sigaction previous_ = {};
};

// The exit code of a process stopped by SIGINT, as shells report it.
constexpr int kInterruptedExit = 128 + SIGINT;

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
    const InterruptCatcher interrupt;
    auto summary = input_.Read(io, [&](Document&& doc) -> Status {
      if (interrupt.interrupted()) return Status::IOError("interrupted");  // not shown: reported below
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
    if (!summary.ok() && !interrupt.interrupted()) return Fail(io, summary.status());
    const size_t stored = added + unchanged + replaced;
    io.err << "geokg: " << (interrupt.interrupted() ? "interrupted; " : "") << "ingested " << stored
           << " documents into " << DbPath(db_).string() << " (" << added << " new, " << unchanged << " unchanged, "
           << replaced << " replaced, " << (summary.ok() ? summary.value().skipped : 0) << " skipped); " << triples
           << " triples\n";
    if (interrupt.interrupted()) return kInterruptedExit;
    return summary.value().skipped > 0 ? 1 : 0;
  }

 private:
  ArticleInput input_;
  std::string db_;
};

}  // namespace

std::unique_ptr<Command> MakeIngestCommand() { return std::make_unique<IngestCommand>(); }

}  // namespace geokg::cli
