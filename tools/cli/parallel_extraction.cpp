#include "tools/cli/parallel_extraction.h"

#include <algorithm>

namespace geokg::cli {

ParallelExtraction::ParallelExtraction(const extract::Extractor& extractor, const ParallelOptions& options,
                                       Consumer consume)
    : extractor_(extractor),
      capacity_(options.capacity > 0 ? options.capacity : 8 * std::max<size_t>(options.threads, 1)),
      skip_(options.skip),
      consume_(std::move(consume)) {
  const size_t threads = std::max<size_t>(options.threads, 1);
  workers_.reserve(threads);
  for (size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
  consumer_ = std::thread([this] { Consume(); });
}

ParallelExtraction::~ParallelExtraction() {
  {
    std::lock_guard lock(mutex_);
    aborted_ = true;
  }
  Stop();
}

Status ParallelExtraction::Push(Document&& document) {
  std::unique_lock lock(mutex_);
  space_ready_.wait(lock, [&] { return slots_.size() < capacity_ || !failure_.ok(); });
  if (!failure_.ok()) return failure_;
  slots_.push_back({std::move(document), std::nullopt, {}, false});
  work_ready_.notify_one();
  return Status();
}

Status ParallelExtraction::Finish() {
  Stop();
  std::lock_guard lock(mutex_);
  return failure_;
}

void ParallelExtraction::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (closing_ && workers_.empty()) return;
    closing_ = true;
  }
  work_ready_.notify_all();
  front_ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
  workers_.clear();
  if (consumer_.joinable()) consumer_.join();
}

void ParallelExtraction::Work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    work_ready_.wait(lock, [&] {
      return aborted_ || !failure_.ok() || next_to_extract_ < front_sequence_ + slots_.size() || closing_;
    });
    if (aborted_ || !failure_.ok()) return;
    if (next_to_extract_ == front_sequence_ + slots_.size()) return;  // closing and nothing left
    Slot& slot = slots_[next_to_extract_++ - front_sequence_];
    lock.unlock();
    std::optional<std::vector<Triple>> triples;
    extract::ExtractReport report;
    if (!skip_ || !skip_(slot.document)) triples = extractor_.Extract(slot.document, &report);
    lock.lock();
    slot.triples = std::move(triples);
    slot.report = report;
    slot.extracted = true;
    if (&slot == &slots_.front()) front_ready_.notify_one();
  }
}

void ParallelExtraction::Consume() {
  std::unique_lock lock(mutex_);
  for (;;) {
    front_ready_.wait(lock, [&] {
      return aborted_ || (!slots_.empty() && slots_.front().extracted) || (closing_ && slots_.empty());
    });
    if (aborted_ || slots_.empty()) return;
    Slot slot = std::move(slots_.front());
    slots_.pop_front();
    ++front_sequence_;
    space_ready_.notify_one();
    lock.unlock();
    Status status = consume_(std::move(slot.document), std::move(slot.triples), slot.report);
    lock.lock();
    if (!status.ok()) {
      failure_ = std::move(status);
      aborted_ = true;
      work_ready_.notify_all();
      space_ready_.notify_all();
      return;
    }
  }
}

}  // namespace geokg::cli
