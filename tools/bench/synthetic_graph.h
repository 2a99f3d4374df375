// tools/bench/synthetic_graph.h -- a synthetic corpus for benchmarks: articles whose triples
// join a few hundred very connected actors ("hubs") and many rare ones, with dates, modalities
// and confidences spread like real extractions. Deterministic for a given seed. Shared by the
// query and ingest benchmarks.
#pragma once

#include <cstdint>
#include <functional>
#include <span>

#include "graph/document.h"
#include "graph/status.h"
#include "graph/triple.h"

namespace geokg::bench {

struct SyntheticOptions {
  uint64_t triples = 1'000'000;  // sentences stated; nearly all become distinct facts
  uint32_t hubs = 300;           // very connected actors: about 30% of fact ends
  uint32_t actors = 100'000;     // rare actors, themselves skewed (quadratic draw)
  uint32_t triples_per_document = 50;
  uint64_t seed = 42;
};

// Calls `sink` with each generated article and its triples, in order; stops at, and returns,
// the first non-OK status.
Status GenerateSyntheticCorpus(const SyntheticOptions& options,
                               const std::function<Status(const Document&, std::span<const Triple>)>& sink);

}  // namespace geokg::bench
