// tools/bench/synthetic_corpus.h -- corpora we generate ourselves, for benchmarks and the crash
// test: deterministic for a seed, with the skew of real news (a few actors and relations
// dominate, a long tail is rare). Not thread-safe; one generator per thread.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "graph/document.h"
#include "graph/triple.h"

namespace geokg::bench {

// Draws 0..n-1 with probability proportional to 1 / (i + 1)^exponent.
class Zipf {
 public:
  Zipf(size_t n, double exponent);
  size_t operator()(std::mt19937_64& random) const;

 private:
  std::vector<double> cumulative_;
};

class SyntheticCorpus {
 public:
  // `actors` invented entities (countries, people, organisations) with made-up names.
  SyntheticCorpus(uint64_t seed, size_t actors);

  // An article with `triples` triples made directly (no extraction): for measuring the store.
  std::pair<Document, std::vector<Triple>> NextWithTriples(size_t triples);
  // An article of `sentences` sentences between real country names, in phrasings the extractor
  // understands: for ingesting end to end (text written by this generator, not from news).
  Document NextArticle(size_t sentences);

 private:
  std::string Date();

  std::mt19937_64 random_;
  std::vector<Entity> actors_;
  Zipf pick_actor_;
  Zipf pick_relation_;
  Zipf pick_country_;
  size_t next_doc_ = 0;
};

}  // namespace geokg::bench
