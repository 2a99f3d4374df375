#include "tools/cli/store_writer.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace geokg::cli {
namespace {

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

volatile std::sig_atomic_t sigint_received = 0;

// The exit code of a process stopped by SIGINT, as shells report it.
constexpr int kInterruptedExit = 128 + SIGINT;

}  // namespace

void Progress::Update(size_t documents, size_t triples) {
  const std::lock_guard lock(mutex_);
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

void Progress::Clear() {
  const std::lock_guard lock(mutex_);
  Erase();
}

void Progress::Warn(const std::string& line) {
  const std::lock_guard lock(mutex_);
  Erase();
  err_ << line << std::flush;
  last_ = Clock::now() - std::chrono::seconds(1);
}

void Progress::Erase() {
  if (width_ > 0) err_ << '\r' << std::string(width_, ' ') << '\r' << std::flush;
  width_ = 0;
}

InterruptCatcher::InterruptCatcher() {
  sigint_received = 0;
  struct sigaction action = {};
  action.sa_handler = [](int) { sigint_received = 1; };
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &action, &previous_);
}

InterruptCatcher::~InterruptCatcher() { sigaction(SIGINT, &previous_, nullptr); }

bool InterruptCatcher::interrupted() const { return sigint_received != 0; }

StoreWriter::StoreWriter(const Io& io, store::Store& store, std::optional<std::optional<size_t>> progress_total)
    : io_(io), store_(store) {
  if (progress_total) progress_.emplace(io.err, *progress_total);
}

Status StoreWriter::Put(const Document& document, std::optional<uint64_t> content_hash,
                        std::span<const Triple> triples) {
  auto outcome =
      content_hash ? store_.PutDocument(document, *content_hash, triples) : store_.PutDocument(document, triples);
  if (!outcome.ok()) return outcome.status();
  Count(outcome.value(), triples.size());
  return Status();
}

void StoreWriter::CountUnchanged() { Count(store::PutOutcome::kUnchanged, 0); }

void StoreWriter::Warn(const std::string& line) {
  if (progress_)
    progress_->Warn(line);
  else
    io_.err << line << std::flush;
}

void StoreWriter::Count(store::PutOutcome outcome, size_t triples) {
  switch (outcome) {
    case store::PutOutcome::kNew:
      ++added_;
      break;
    case store::PutOutcome::kUnchanged:
      ++unchanged_;
      break;
    case store::PutOutcome::kReplaced:
      ++replaced_;
      break;
  }
  if (outcome != store::PutOutcome::kUnchanged) triples_ += triples;
  if (progress_) progress_->Update(added_ + unchanged_ + replaced_, triples_);
}

int DiskFull(const Io& io, const std::filesystem::path& path, size_t stored) {
  // Nothing stored so far is lost; the user needs to know that, and what to do.
  return Fail(io, Status::NoSpace("disk full while writing " + path.string() + ": " + std::to_string(stored) +
                                  " documents stored, the rest not; free space and run the same command again"));
}

int StoreWriter::Finish(const std::string& verb, Status written, const Status& read, size_t failed, bool interrupted) {
  if (progress_) progress_->Clear();
  auto stats = store_.Stats();
  // The close writes the memtables to table files: a full disk may show only there.
  if (Status closed = store_.Close(); written.ok()) written = closed;
  if (written.code() == Code::kNoSpace) return DiskFull(io_, store_.path(), added_ + unchanged_ + replaced_);
  if (!written.ok()) return Fail(io_, written);
  if (!read.ok() && !interrupted) return Fail(io_, read);
  if (!stats.ok()) return Fail(io_, stats.status());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  char time[32];
  std::snprintf(time, sizeof time, "%.1f s", seconds);
  io_.err << "geokg: " << (interrupted ? "interrupted; " : "") << verb << " " << added_ + unchanged_ + replaced_
          << " documents into " << store_.path().string() << " (" << added_ << " new, " << unchanged_ << " unchanged, "
          << replaced_ << " replaced, " << failed << " failed); " << triples_ << " triples; the store holds "
          << stats.value().facts << " facts from " << stats.value().documents << " documents; " << time << "\n";
  if (interrupted) return kInterruptedExit;
  return failed > 0 ? 1 : 0;
}

std::optional<std::optional<size_t>> ProgressTotal(const Io& io, bool force,
                                                   const std::function<std::optional<size_t>()>& count) {
  if (!force && !(&io.err == &std::cerr && isatty(STDERR_FILENO))) return std::nullopt;
  return count();
}

}  // namespace geokg::cli
