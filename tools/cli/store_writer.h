// tools/cli/store_writer.h -- what the commands that write documents into the store share
// (ingest, which extracts them, and load, which reads extracted triples): the counts of new,
// unchanged and replaced documents, the progress line, Ctrl-C handling and the closing summary,
// so that both report alike.
#pragma once

#include <chrono>
#include <csignal>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <string>

#include <signal.h>

#include "graph/document.h"
#include "graph/triple.h"
#include "store/store.h"
#include "tools/cli/command.h"

namespace geokg::cli {

// A progress line on stderr, rewritten in place at most twice a second: documents (of how
// many, when the total is known), triples, rate and ETA. Thread-safe: warnings from the reader
// and the line from the writer never mix.
class Progress {
 public:
  Progress(std::ostream& err, std::optional<size_t> total) : err_(err), total_(total) {}
  void Update(size_t documents, size_t triples);
  // Erases the line, so that the summary starts on a clean one.
  void Clear();
  // Prints `line` (a whole line, with its end) where the progress line was; the next Update
  // draws the progress line again below it.
  void Warn(const std::string& line);

 private:
  using Clock = std::chrono::steady_clock;
  void Erase();  // REQUIRES: mutex_ held
  std::mutex mutex_;
  std::ostream& err_;
  std::optional<size_t> total_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_ - std::chrono::seconds(1);  // the first document shows the line
  size_t width_ = 0;
};

// While it lives, the first SIGINT (Ctrl-C) asks the command to stop reading; the documents
// already read are written, each whole or not at all; a second one ends the process as usual.
class InterruptCatcher {
 public:
  InterruptCatcher();
  ~InterruptCatcher();
  InterruptCatcher(const InterruptCatcher&) = delete;
  InterruptCatcher& operator=(const InterruptCatcher&) = delete;
  bool interrupted() const;

 private:
  struct sigaction previous_ = {};
};

// Stores documents one WriteBatch each, counting what each write did and showing progress.
// Used from one thread.
class StoreWriter {
 public:
  // `progress_total`: show progress on io.err when set (its value: the documents expected,
  // when known). `store` is open read-write and outlives the writer.
  StoreWriter(const Io& io, store::Store& store, std::optional<std::optional<size_t>> progress_total);

  // Stores `document` with `triples` (store::Store::PutDocument); `content_hash` stands for the
  // document's text when it is not at hand.
  Status Put(const Document& document, std::optional<uint64_t> content_hash, std::span<const Triple> triples);
  // Counts a document found stored unchanged without writing it.
  void CountUnchanged();
  // Prints a warning line (with its end) on io.err, over the progress line when one is shown.
  // Thread-safe.
  void Warn(const std::string& line);
  // Documents written or found unchanged so far.
  size_t stored() const { return added_ + unchanged_ + replaced_; }

  // Ends the run: clears the progress line and closes the store, whose final flush may fail
  // too. `written` is how writing went; `read` how reading the input went. A full disk, during
  // the run or at close, fails with DiskFull; another write error, or a read error that no
  // interrupt caused, fails with its message. Otherwise prints the summary: "<verb> N documents
  // into DB (new, unchanged, replaced, `failed` failed); triples; what the store holds; time".
  // Returns the exit code: 130 when interrupted, 1 on an error or when `failed` > 0, else 0.
  int Finish(const std::string& verb, Status written, const Status& read, size_t failed, bool interrupted);

 private:
  void Count(store::PutOutcome outcome, size_t triples);

  const Io& io_;
  store::Store& store_;
  std::optional<Progress> progress_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  size_t added_ = 0, unchanged_ = 0, replaced_ = 0, triples_ = 0;
};

// Reports a full disk while writing the store at `path`, with what is safe (`stored` documents)
// and what to do, and returns the exit code (1).
int DiskFull(const Io& io, const std::filesystem::path& path, size_t stored);

// The progress total to give StoreWriter: set when --progress was given or stderr is a terminal.
std::optional<std::optional<size_t>> ProgressTotal(const Io& io, bool force,
                                                   const std::function<std::optional<size_t>()>& count);

}  // namespace geokg::cli
