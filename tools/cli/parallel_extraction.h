// tools/cli/parallel_extraction.h -- runs Extractor::Extract on N worker threads while handing
// each article and its triples to one consumer thread in input order, so that the store keeps a
// single writer and the result does not depend on the thread count. At most `capacity`
// articles are in flight (read but not yet consumed), which bounds memory on any corpus.
//
//   ParallelExtraction run(extractor, {.threads = 4}, [&](Document&& d, auto&& triples, auto&) {
//     return store.PutDocument(d, *triples).status();
//   });
//   reader.Read([&](Document&& d) { return run.Push(std::move(d)); });
//   Status status = run.Finish();
//
// Push and Finish are called from one thread (the reader); the consumer runs on its own thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "extract/extractor.h"
#include "graph/document.h"
#include "graph/status.h"
#include "graph/triple.h"

namespace geokg::cli {

struct ParallelOptions {
  size_t threads = 1;   // extraction workers; 0 is taken as 1
  size_t capacity = 0;  // articles in flight; 0 means 8 per worker
  // Called by a worker before extracting; true skips the extraction (an article the store
  // already holds unchanged). Must be thread-safe. Empty: extract every article.
  std::function<bool(const Document&)> skip;
};

class ParallelExtraction {
 public:
  // Receives each article with its triples (nullopt when `skip` said so), in input order, on
  // the consumer thread. A non-OK status stops the run: later articles are dropped and
  // Push/Finish return that status.
  // `report` says what the extractor skipped (empty when skipped).
  using Consumer =
      std::function<Status(Document&&, std::optional<std::vector<Triple>>&&, const extract::ExtractReport& report)>;

  // Starts the workers and the consumer. `extractor` must outlive this object.
  ParallelExtraction(const extract::Extractor& extractor, const ParallelOptions& options, Consumer consume);
  // Stops the threads; articles not yet consumed are dropped (call Finish to wait for them).
  ~ParallelExtraction();
  ParallelExtraction(const ParallelExtraction&) = delete;
  ParallelExtraction& operator=(const ParallelExtraction&) = delete;

  // Queues `document`, waiting while `capacity` articles are in flight. Returns the consumer's
  // error once it has failed (the document is then dropped).
  Status Push(Document&& document);
  // Waits until every queued article is consumed and the threads have ended; returns the
  // consumer's first error, or OK.
  Status Finish();

 private:
  struct Slot {
    Document document;
    std::optional<std::vector<Triple>> triples;
    extract::ExtractReport report;
    bool extracted = false;
  };

  void Work();
  void Consume();
  void Stop();

  const extract::Extractor& extractor_;
  const size_t capacity_;
  const std::function<bool(const Document&)> skip_;
  Consumer consume_;

  std::mutex mutex_;
  std::condition_variable work_ready_;   // a slot to extract, or closing
  std::condition_variable front_ready_;  // the oldest slot is extracted, or closing
  std::condition_variable space_ready_;  // room for another article, or a failure
  std::deque<Slot> slots_;               // in input order; references stay valid until pop_front
  size_t front_sequence_ = 0;            // input position of slots_.front()
  size_t next_to_extract_ = 0;           // input position of the next slot a worker takes
  bool closing_ = false;                 // no more pushes: workers and consumer drain and end
  bool aborted_ = false;                 // drop what is left (destructor)
  Status failure_;                       // the consumer's first error
  std::vector<std::thread> workers_;
  std::thread consumer_;
};

}  // namespace geokg::cli
