// bench_extract: throughput of `geokg extract` on a corpus, single thread.
//   bench_extract ../shared/data/news/reuters-21578/
// Prints the load time (lexicons and models), documents/s, words/s (wall clock and per CPU
// second), triples/s and peak memory.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/document_reader.h"
#include "extract/extractor.h"
#include "tools/bench/build_warnings.h"
#include "tools/bench/thread_cpu.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_extract CORPUS.jsonl|DIR...\n";
    return 2;
  }
  geokg::bench::WarnIfUnrepresentativeBuild();
  const auto load_start = std::chrono::steady_clock::now();
  const std::clock_t load_cpu_start = std::clock();
  auto extractor = geokg::extract::Extractor::Create({});
  const double load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
  // All threads of the process: the lexicons and the models load side by side.
  const double load_cpu_seconds = static_cast<double>(std::clock() - load_cpu_start) / CLOCKS_PER_SEC;
  if (!extractor.ok()) {
    std::cerr << "bench_extract: " << extractor.status().message() << "\n";
    return 1;
  }
  size_t docs = 0, words = 0, triples = 0, bytes = 0;
  double seconds = 0, cpu_seconds = 0;
  std::istringstream no_stdin;
  auto summary = geokg::extract::ReadDocuments(
      std::vector<std::string>(argv + 1, argv + argc), no_stdin, geokg::extract::ReadOptions{},
      [&](geokg::Document&& doc) {
        const auto start = std::chrono::steady_clock::now();
        const double cpu_start = geokg::bench::ThreadCpuSeconds();
        triples += extractor.value()->Extract(doc).size();
        cpu_seconds += geokg::bench::ThreadCpuSeconds() - cpu_start;
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        ++docs;
        bytes += doc.text.size();
        bool in_word = false;
        for (char c : doc.text) {
          const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
          if (!space && !in_word) ++words;
          in_word = !space;
        }
        return geokg::Status();
      },
      [](const geokg::Status& s) { std::cerr << "bench_extract: " << s.message() << "\n"; });
  if (!summary.ok()) {
    std::cerr << "bench_extract: " << summary.status().message() << "\n";
    return 1;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("load time      %.3f s wall, %.3f s CPU (Extractor::Create: lexicons and models)\n", load_seconds,
              load_cpu_seconds);
  std::printf("documents      %zu (%.1f MB of text)\n", docs, bytes / 1e6);
  std::printf("words          %zu (whitespace-separated)\n", words);
  std::printf("triples        %zu\n", triples);
  std::printf("extract time   %.2f s (one thread; reading excluded)\n", seconds);
  std::printf("documents/s    %.0f\n", docs / seconds);
  std::printf("words/s        %.0f\n", words / seconds);
  std::printf("words/CPU s    %.0f (per core, whatever else runs)\n", words / cpu_seconds);
  std::printf("triples/s      %.0f\n", triples / seconds);
  std::printf("peak memory    %.1f MB (max resident set)\n", usage.ru_maxrss / 1024.0);
  return 0;
}
