// bench_query: how fast geokg answers questions on a large store. Generates a synthetic store
// (tools/bench/synthetic_graph.h) when asked, then times each question in-process (engine and
// formatting, not process start or store open) over random actors and prints the median and
// 99th percentile of wall time, the median CPU time, the store-open time and the graph view's
// memory per edge, the time to load the saved link view and to build it from the index, and the
// process's peak memory.
//
//   bench_query /tmp/geokg-1m.db --generate 1000000     # once: builds the store
//   bench_query /tmp/geokg-1m.db                         # then: times the questions
//   bench_query /tmp/geokg-1m.db --only "depth 2"       # only the questions whose name has this
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_algorithms.h"
#include "query/engine.h"
#include "query/output.h"
#include "store/link_view.h"
#include "tools/bench/build_warnings.h"
#include "tools/bench/synthetic_graph.h"
#include "tools/bench/thread_cpu.h"

namespace {

using namespace geokg;
using Clock = std::chrono::steady_clock;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

int Generate(const std::filesystem::path& dir, uint64_t triples) {
  auto store = store::Store::Open(dir, {});
  if (!store.ok()) {
    std::fprintf(stderr, "bench_query: %s\n", store.status().message().c_str());
    return 1;
  }
  bench::SyntheticOptions options;
  options.triples = triples;
  const auto start = Clock::now();
  uint64_t done = 0;
  Status s = bench::GenerateSyntheticCorpus(options, [&](const Document& d, std::span<const Triple> t) -> Status {
    auto put = store.value()->PutDocument(d, t);
    done += t.size();
    if (done % 100000 < t.size())
      std::fprintf(stderr, "generated %llu triples, %.0f s\n", static_cast<unsigned long long>(done),
                   Ms(Clock::now() - start) / 1000);
    return put.status();
  });
  if (!s.ok()) {
    std::fprintf(stderr, "bench_query: %s\n", s.message().c_str());
    return 1;
  }
  std::fprintf(stderr, "generated %llu triples in %.0f s\n", static_cast<unsigned long long>(done),
               Ms(Clock::now() - start) / 1000);
  // Closing flushes the memtables and saves the link view (store/link_view.h).
  const auto close_start = Clock::now();
  if (Status closed = store.value()->Close(); !closed.ok()) {
    std::fprintf(stderr, "bench_query: %s\n", closed.message().c_str());
    return 1;
  }
  std::fprintf(stderr, "closed (final flush, link view saved) in %.1f s\n", Ms(Clock::now() - close_start) / 1000);
  return 0;
}

// The questions to time: those whose name contains this (all when empty).
std::string only;

// Runs `question` `reps` times (each on a fresh random draw) and prints the median and p99 of
// its wall time, and the median of its CPU time.
void Time(const char* name, int reps, const std::function<size_t()>& question) {
  if (std::string_view(name).find(only) == std::string_view::npos) return;
  std::vector<double> ms, cpu_ms;
  size_t rows = 0;
  for (int i = 0; i < reps; ++i) {
    const auto start = Clock::now();
    // CPU time too: on a shared machine wall time also counts the other jobs' turns. The whole
    // process's, since a question may read on a second thread (Engine::RowsOf).
    const double cpu_start = bench::ProcessCpuSeconds();
    rows += question();
    cpu_ms.push_back((bench::ProcessCpuSeconds() - cpu_start) * 1e3);
    ms.push_back(Ms(Clock::now() - start));
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu_ms.begin(), cpu_ms.end());
  const double median = ms[ms.size() / 2];
  const double p99 = ms[std::min(ms.size() - 1, static_cast<size_t>(static_cast<double>(ms.size()) * 0.99))];
  std::printf("%-26s reps %4d  median %9.3f ms  p99 %9.3f ms  cpu median %9.3f ms  rows/run %8.1f\n", name, reps,
              median, p99, cpu_ms[cpu_ms.size() / 2], static_cast<double>(rows) / reps);
}

size_t Rows(const Result<query::Answer>& answer) {
  if (!answer.ok()) {
    std::fprintf(stderr, "bench_query: %s\n", answer.status().message().c_str());
    std::exit(1);
  }
  std::ostringstream out;
  query::WriteAnswer(answer.value(), query::Format::kTable, out);
  return answer.value().rows.size();
}

template <class T, class F>
Result<query::Answer> Map(Result<T> r, F f) {
  if (!r.ok()) return r.status();
  return f(r.value());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_query DB [--generate TRIPLES] [--reps N] [--only TEXT]\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  int reps = 200;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--generate") == 0) return Generate(dir, std::stoull(argv[i + 1]));
    if (std::strcmp(argv[i], "--reps") == 0) reps = std::stoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--only") == 0) only = argv[i + 1];
  }
  bench::WarnIfUnrepresentativeBuild();
  const auto open_start = Clock::now();
  auto opened = store::Store::Open(dir, {.read_only = true});
  const double open_ms = Ms(Clock::now() - open_start);
  if (!opened.ok()) {
    std::fprintf(stderr, "bench_query: %s\n", opened.status().message().c_str());
    return 1;
  }
  const store::Store& store = *opened.value();
  auto stats = store.Stats();
  if (!stats.ok()) return 1;
  std::printf("store %s: %llu entities, %llu facts, %llu evidence rows; open %.1f ms\n", dir.c_str(),
              static_cast<unsigned long long>(stats.value().entities),
              static_cast<unsigned long long>(stats.value().facts),
              static_cast<unsigned long long>(stats.value().evidence), open_ms);
  {
    // A store without a current link view (written by an older geokg, or by a killed writer)
    // gets one here, so that the questions below time the usual case; this says which it was.
    auto tag = LinkGraph::SavedTag(store::LinkViewPath(dir));
    const bool current = tag.ok() && tag.value() == store.Sequence();
    const auto start = Clock::now();
    auto view = store::LinkViewOf(store);
    if (!view.ok()) {
      std::fprintf(stderr, "bench_query: %s\n", view.status().message().c_str());
      return 1;
    }
    std::printf("link view: %s in %.0f ms\n", current ? "current, loaded" : "missing or stale, built and saved",
                Ms(Clock::now() - start));
  }
  const query::Engine engine(store);
  std::mt19937 rng(7);
  std::uniform_int_distribution<uint32_t> pick(1, static_cast<uint32_t>(stats.value().entities));
  auto name = [&]() { return store.GetEntity(pick(rng)).value().entity.name; };
  const query::FactFilter all;
  query::FactFilter default_met;
  default_met.modalities = {Modality::kAsserted, Modality::kExpected};

  Time("met NAME", reps, [&] { return Rows(Map(engine.Met(name(), default_met), query::MetAnswer)); });
  Time("query --subject --relation", reps, [&] {
    query::FactFilter f;
    f.relations = {Relation::kMeet, Relation::kAccuse};
    return Rows(Map(engine.Query(name(), std::nullopt, f), query::FactAnswer));
  });
  Time("neighbors --depth 1", reps, [&] { return Rows(Map(engine.Neighbors(name(), 1, all), query::NeighborAnswer)); });
  Time("timeline NAME", reps, [&] { return Rows(Map(engine.Timeline(name(), all), query::FactAnswer)); });
  Time("entity NAME", reps, [&] { return Rows(Map(engine.Card(name()), query::EntityAnswer)); });
  Time("neighbors --depth 2", reps / 4,
       [&] { return Rows(Map(engine.Neighbors(name(), 2, all), query::NeighborAnswer)); });
  Time("path A B", reps / 4, [&] { return Rows(Map(engine.Paths(name(), name(), all, 4, 3), query::PathAnswer)); });
  Time("rank --by pagerank", 3, [&] {
    return Rows(Map(engine.Rank(query::Centrality::kPageRank, all, 20),
                    [](const auto& rows) { return query::RankAnswer(rows, "pagerank"); }));
  });
  Time("communities (components)", 3, [&] { return Rows(Map(engine.Groups(false, all, 20, 10), query::GroupAnswer)); });
  Time("communities (modularity)", 3, [&] { return Rows(Map(engine.Groups(true, all, 20, 10), query::GroupAnswer)); });

  if (std::string_view("graph view").find(only) != std::string_view::npos) {
    const auto load_start = Clock::now();
    auto view = store::LinkViewOf(store);
    const double load_ms = Ms(Clock::now() - load_start);
    const auto build_start = Clock::now();
    auto built = store::LinkViewFromIndex(store);
    const double build_ms = Ms(Clock::now() - build_start);
    if (view.ok() && built.ok()) {
      const LinkGraph& g = view.value();
      std::printf(
          "graph view: %zu vertices, %zu facts, %zu arcs, %.1f bytes per fact (%.1f MB); saved view loaded in "
          "%.0f ms, built from the spo index in %.0f ms\n",
          g.vertex_count(), g.link_count(), static_cast<size_t>(boost::num_edges(g.csr())),
          static_cast<double>(g.MemoryBytes()) / static_cast<double>(std::max<size_t>(1, g.link_count())),
          static_cast<double>(g.MemoryBytes()) / 1e6, load_ms, build_ms);
    }
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak resident memory of this process: %.0f MB\n", static_cast<double>(usage.ru_maxrss) / 1024);
  return 0;
}
