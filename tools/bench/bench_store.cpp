// bench_store: what the store costs and how it scales.
//   bench_store news ../shared/data/news/ [--threads N] [--rounds R] [--work DIR]
//       extracts the corpus (N threads, no store) and ingests it into a fresh store the same
//       way, alternately, R ingests between R + 1 extractions; prints the median wall and CPU
//       times and their ratios (the store's overhead), facts and triples written per second,
//       size on disk per fact and peak memory.
//   bench_store synthetic FACTS [--work DIR] [--jsonl FILE]
//       stores generated articles (triples made directly, no extraction) until the store
//       holds FACTS facts; prints facts/s, size per fact and resident memory as it grows.
//       --jsonl also writes them to FILE as `geokg extract` would (outside the timing), so that
//       `geokg load FILE` can be timed on the very same input.
//   bench_store articles N [SEED]
//       writes N generated articles as JSON Lines on stdout (input for tools/crash_test.sh).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/document_reader.h"
#include "extract/extractor.h"
#include "graph/triple_format.h"
#include "store/store.h"
#include "tools/bench/build_warnings.h"
#include "tools/bench/synthetic_corpus.h"
#include "tools/cli/parallel_extraction.h"

namespace {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using geokg::Document;
using geokg::Status;
using geokg::Triple;

double Since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double PeakMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

double ResidentMb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1048576.0);
}

uint64_t DiskBytes(const fs::path& dir) {
  uint64_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) total += entry.file_size();
  return total;
}

int Fail(const std::string& message) {
  std::cerr << "bench_store: " << message << "\n";
  return 1;
}

// Reads `inputs` and runs every article through `threads` extraction workers; `consume` gets
// each article and its triples in input order. Returns the seconds it took.
geokg::Result<double> Run(const std::vector<std::string>& inputs, size_t threads,
                          const geokg::extract::Extractor& extractor,
                          const geokg::cli::ParallelExtraction::Consumer& consume) {
  const Clock::time_point start = Clock::now();
  geokg::cli::ParallelOptions options;
  options.threads = threads;
  geokg::cli::ParallelExtraction run(extractor, options, consume);
  std::istringstream no_stdin;
  auto read = geokg::extract::ReadDocuments(
      inputs, no_stdin, {}, [&](Document&& doc) { return run.Push(std::move(doc)); }, [](const Status&) {});
  GEOKG_RETURN_IF_ERROR(run.Finish());
  if (!read.ok()) return read.status();
  return Since(start);
}

int News(const std::vector<std::string>& inputs, size_t threads, int rounds, const fs::path& work) {
  auto extractor = geokg::extract::Extractor::Create({});
  if (!extractor.ok()) return Fail(extractor.status().message());
  size_t documents = 0, triples = 0;
  // Wall and CPU seconds (all threads, RocksDB's background work included) of one run.
  struct Cost {
    double wall = 0, cpu = 0;
  };
  auto timed = [&](auto&& run) -> geokg::Result<Cost> {
    const double cpu_start = CpuSeconds();
    const Clock::time_point start = Clock::now();
    GEOKG_RETURN_IF_ERROR(run());
    return Cost{Since(start), CpuSeconds() - cpu_start};
  };
  auto extract_only = [&]() -> Status {
    documents = triples = 0;
    return Run(inputs, threads, *extractor.value(),
               [&](Document&&, auto&& t, auto&) {
                 ++documents;
                 triples += t->size();
                 return Status();
               })
        .status();
  };
  const fs::path dir = work / "news.db";
  geokg::store::StoreStats stats;
  auto ingest = [&]() -> Status {
    fs::remove_all(dir);
    auto store = geokg::store::Store::Open(dir, {});
    if (!store.ok()) return store.status();
    GEOKG_RETURN_IF_ERROR(Run(inputs, threads, *extractor.value(), [&](Document&& doc, auto&& t, auto&) {
                            return store.value()->PutDocument(doc, *t).status();
                          }).status());
    stats = store.value()->Stats().value();
    store.value().reset();  // closing flushes the memtables: part of the cost of ingesting
    return Status();
  };
  // Extraction alone and ingests alternate (E I E I ... E), and medians count: the load of a
  // shared machine changes from run to run, and the first run also warms the page cache.
  std::vector<double> extract_wall, extract_cpu, ingest_wall, ingest_cpu;
  for (int round = 0; round <= rounds; ++round) {
    auto e = timed(extract_only);
    if (!e.ok()) return Fail(e.status().message());
    extract_wall.push_back(e.value().wall);
    extract_cpu.push_back(e.value().cpu);
    if (round == rounds) break;
    auto i = timed(ingest);
    if (!i.ok()) return Fail(i.status().message());
    ingest_wall.push_back(i.value().wall);
    ingest_cpu.push_back(i.value().cpu);
  }
  const double extract_time = Median(extract_wall), ingest_time = Median(ingest_wall);
  std::printf("corpus            %zu documents, %zu triples, %zu extraction threads\n", documents, triples, threads);
  std::printf("extract time      %.2f s wall, %.2f s CPU (medians of %zu runs)\n", extract_time, Median(extract_cpu),
              extract_wall.size());
  std::printf("ingest time       %.2f s wall, %.2f s CPU (medians of %zu runs; extract + store, including close)\n",
              ingest_time, Median(ingest_cpu), ingest_wall.size());
  std::printf("ingest / extract  %.3f wall, %.3f CPU\n", ingest_time / extract_time,
              Median(ingest_cpu) / Median(extract_cpu));
  const uint64_t bytes = DiskBytes(dir);
  std::printf("store holds       %llu documents, %llu entities, %llu facts, %llu evidence rows\n",
              static_cast<unsigned long long>(stats.documents), static_cast<unsigned long long>(stats.entities),
              static_cast<unsigned long long>(stats.facts), static_cast<unsigned long long>(stats.evidence));
  std::printf("written           %.0f facts/s, %.0f evidence rows/s, %.0f documents/s\n", stats.facts / ingest_time,
              stats.evidence / ingest_time, documents / ingest_time);
  std::printf("size on disk      %.2f MB, %.0f bytes per fact, %.0f per evidence row\n", bytes / 1e6,
              stats.facts ? static_cast<double>(bytes) / stats.facts : 0.0,
              stats.evidence ? static_cast<double>(bytes) / stats.evidence : 0.0);
  std::printf("peak memory       %.1f MB (max resident set)\n", PeakMb());
  return 0;
}

int Synthetic(uint64_t target, const fs::path& work, const std::string& jsonl_path) {
  const fs::path dir = work / "synthetic.db";
  std::ofstream jsonl;
  if (!jsonl_path.empty()) {
    jsonl.open(jsonl_path, std::ios::binary);
    if (!jsonl) return Fail(jsonl_path + ": cannot be written");
  }
  fs::remove_all(dir);
  geokg::bench::SyntheticCorpus corpus(7, 200000);
  geokg::store::StoreStats stats;
  double seconds = 0, generate = 0;
  {
    auto store = geokg::store::Store::Open(dir, {});
    if (!store.ok()) return Fail(store.status().message());
    const Clock::time_point start = Clock::now();
    uint64_t next_report = target / 10;
    size_t documents = 0;
    while (stats.facts < target) {
      const Clock::time_point made = Clock::now();
      auto [doc, triples] = corpus.NextWithTriples(10);
      if (jsonl.is_open()) {
        jsonl << geokg::DocumentLineToJson(doc, geokg::store::ContentHash(doc), triples.size()).dump() << "\n";
        for (const Triple& t : triples) jsonl << geokg::TripleToJson(t).dump() << "\n";
      }
      generate += Since(made);
      auto put = store.value()->PutDocument(doc, triples);
      if (!put.ok()) return Fail(put.status().message());
      if (++documents % 1000 == 0) stats = store.value()->Stats().value();
      if (stats.facts >= next_report) {
        std::printf("  %9llu facts  %7.1f s  %6.1f MB resident\n", static_cast<unsigned long long>(stats.facts),
                    Since(start) - generate, ResidentMb());
        std::fflush(stdout);
        next_report += target / 10;
      }
    }
    stats = store.value()->Stats().value();
    store.value().reset();
    seconds = Since(start) - generate;
  }
  const uint64_t bytes = DiskBytes(dir);
  std::printf("store holds       %llu documents, %llu entities, %llu facts, %llu evidence rows\n",
              static_cast<unsigned long long>(stats.documents), static_cast<unsigned long long>(stats.entities),
              static_cast<unsigned long long>(stats.facts), static_cast<unsigned long long>(stats.evidence));
  std::printf("write time        %.1f s (generation excluded, close included)\n", seconds);
  std::printf("written           %.0f facts/s, %.0f evidence rows/s\n", stats.facts / seconds,
              stats.evidence / seconds);
  std::printf("size on disk      %.1f MB, %.0f bytes per fact, %.0f per evidence row\n", bytes / 1e6,
              static_cast<double>(bytes) / stats.facts, static_cast<double>(bytes) / stats.evidence);
  std::printf("peak memory       %.1f MB (max resident set)\n", PeakMb());
  return 0;
}

int Articles(size_t n, uint64_t seed) {
  geokg::bench::SyntheticCorpus corpus(seed, 1);
  for (size_t i = 0; i < n; ++i) {
    const Document doc = corpus.NextArticle(6);
    std::cout << nlohmann::json{{"id", doc.id}, {"date", doc.date}, {"text", doc.text}}.dump() << "\n";
  }
  return std::cout ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const std::string usage =
      "usage: bench_store news INPUT... [--threads N] [--rounds R] [--work DIR] | synthetic FACTS [--work DIR] "
      "[--jsonl FILE] | articles N [SEED]\n";
  if (args.size() < 2) return std::cerr << usage, 2;
  geokg::bench::WarnIfUnrepresentativeBuild();
  size_t threads = std::max(1u, std::thread::hardware_concurrency());
  int rounds = 3;
  std::string jsonl;
  fs::path work = fs::temp_directory_path() / "geokg-bench";
  std::vector<std::string> positional;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--threads" && i + 1 < args.size()) {
      threads = std::stoul(args[++i]);
    } else if (args[i] == "--rounds" && i + 1 < args.size()) {
      rounds = std::max(1, std::stoi(args[++i]));
    } else if (args[i] == "--jsonl" && i + 1 < args.size()) {
      jsonl = args[++i];
    } else if (args[i] == "--work" && i + 1 < args.size()) {
      work = args[++i];
    } else {
      positional.push_back(args[i]);
    }
  }
  if (args[0] == "articles")
    return Articles(std::stoul(positional.at(0)), positional.size() > 1 ? std::stoul(positional[1]) : 1);
  fs::create_directories(work);
  if (args[0] == "news") return News(positional, threads, rounds, work);
  if (args[0] == "synthetic") return Synthetic(std::stoull(positional.at(0)), work, jsonl);
  return std::cerr << usage, 2;
}
