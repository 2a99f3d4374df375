// geokg ingest: articles in, facts stored. Extraction runs on --threads workers; one writer
// stores each article, in input order, in one atomic write.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>

#include "tools/cli/article_input.h"
#include "tools/cli/parallel_extraction.h"

namespace geokg::cli {
namespace {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

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
      if (it->is_regular_file(ec) && (p.extension() == ".txt" || p.extension() == ".jsonl")) total += count_file(p);
    }
  }
  return total;
}

std::string Duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

// A progress line on stderr, rewritten in place at most twice a second: documents (of how
// many, when the inputs are files), triples, rate and ETA.
class Progress {
 public:
  Progress(std::ostream& err, std::optional<size_t> total) : err_(err), total_(total) {}

  void Update(size_t documents, size_t triples) {
    const Clock::time_point now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0 ? documents / elapsed : 0;
    std::string line = "geokg: " + std::to_string(documents);
    if (total_ && *total_ > 0) {
      line += "/" + std::to_string(*total_) + " documents (" +
              std::to_string(std::min<size_t>(100, documents * 100 / *total_)) + "%)";
    } else {
      line += " documents";
    }
    line += ", " + std::to_string(triples) + " triples, " + std::to_string(static_cast<long>(rate)) + " documents/s";
    if (total_ && rate > 0 && documents < *total_) line += ", ETA " + Duration((*total_ - documents) / rate);
    width_ = std::max(width_, line.size());
    line.resize(width_, ' ');
    err_ << '\r' << line << std::flush;
  }

  // Erases the line, so that the summary starts on a clean one.
  void Clear() {
    if (width_ > 0) err_ << '\r' << std::string(width_, ' ') << '\r' << std::flush;
  }

 private:
  std::ostream& err_;
  std::optional<size_t> total_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_ - std::chrono::seconds(1);  // the first article shows the line
  size_t width_ = 0;
};

volatile std::sig_atomic_t sigint_received = 0;

// While it lives, the first SIGINT (Ctrl-C) asks the ingest to stop reading; the articles
// already read are written, each whole or not at all; a second one ends the process as usual.
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
    app->add_flag("--progress", force_progress_, "show progress on stderr even when it is not a terminal");
  }

  int Execute(const Io& io) override {
    const Clock::time_point start = Clock::now();
    auto extractor = input_.MakeExtractor();
    if (!extractor.ok()) return Fail(io, extractor.status());
    // A full disk loses nothing stored so far; the user needs to know that, and what to do.
    auto disk_full = [&](size_t stored) {
      return Fail(io, Status::NoSpace("disk full while writing " + DbPath(db_).string() + ": " + std::to_string(stored) +
                                      " documents stored, the rest not; free space and run the same command again"));
    };
    auto store = store::Store::Open(DbPath(db_), {});
    if (store.status().code() == Code::kNoSpace) return disk_full(0);
    if (!store.ok()) return Fail(io, store.status());
    std::optional<Progress> progress;
    if (force_progress_ || (&io.err == &std::cerr && isatty(STDERR_FILENO)))
      progress.emplace(io.err, CountArticles(input_.inputs.empty() ? std::vector<std::string>{"-"} : input_.inputs));

    size_t added = 0, unchanged = 0, replaced = 0, triple_count = 0;
    store::Store& db = *store.value();
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
                             auto outcome = triples ? db.PutDocument(doc, *triples)
                                                    : Result<store::PutOutcome>(store::PutOutcome::kUnchanged);
                             if (!outcome.ok()) return outcome.status();
                             switch (outcome.value()) {
                               case store::PutOutcome::kNew: ++added; break;
                               case store::PutOutcome::kUnchanged: ++unchanged; break;
                               case store::PutOutcome::kReplaced: ++replaced; break;
                             }
                             if (outcome.value() != store::PutOutcome::kUnchanged) triple_count += triples->size();
                             if (progress) progress->Update(added + unchanged + replaced, triple_count);
                             return Status();
                           });
    const InterruptCatcher interrupt;
    auto summary = input_.Read(io, [&](Document&& doc) {
      if (interrupt.interrupted()) return Status::IOError("interrupted");  // not shown: reported below
      return run.Push(std::move(doc));
    });
    Status written = run.Finish();
    if (progress) progress->Clear();
    auto stats = store.value()->Stats();
    // The close writes the memtables to table files: a full disk may show only there.
    if (Status closed = store.value()->Close(); written.ok()) written = closed;
    if (written.code() == Code::kNoSpace) return disk_full(added + unchanged + replaced);
    if (!written.ok()) return Fail(io, written);
    if (!summary.ok() && !interrupt.interrupted()) return Fail(io, summary.status());
    if (!stats.ok()) return Fail(io, stats.status());
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    char time[32];
    std::snprintf(time, sizeof time, "%.1f s", seconds);
    const size_t skipped = summary.ok() ? summary.value().skipped : 0;
    io.err << "geokg: " << (interrupt.interrupted() ? "interrupted; " : "") << "ingested "
           << added + unchanged + replaced << " documents into " << DbPath(db_).string() << " (" << added << " new, "
           << unchanged << " unchanged, " << replaced << " replaced, " << skipped << " failed); " << triple_count
           << " triples; the store holds " << stats.value().facts << " facts from " << stats.value().documents
           << " documents; " << time << "\n";
    if (interrupt.interrupted()) return kInterruptedExit;
    return skipped > 0 ? 1 : 0;
  }

 private:
  ArticleInput input_;
  std::string db_;
  bool force_progress_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeIngestCommand() { return std::make_unique<IngestCommand>(); }

}  // namespace geokg::cli
