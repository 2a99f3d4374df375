// tests/support/triples.h -- the triple the store and query tests write: one sentence of an
// article stating a relation between two countries.
#pragma once

#include <cstdint>
#include <string>

#include "graph/triple.h"

namespace geokg::testing {

// How a Stated sentence is worded; each test keeps what its expectations were written for.
struct Wording {
  std::string predicate = "states";
  float confidence = 0.9f;
  std::string text;  // the sentence; "<a> and <b>" when empty
};

// Sentence `sentence` of article `doc` (bytes 0 to 10) stating `a` `r` `b`, both countries.
inline Triple Stated(const std::string& doc, uint32_t sentence, const std::string& a, Relation r, const std::string& b,
                     const Wording& wording = {}) {
  Triple t;
  t.subject = Entity{a, EntityType::kCountry, "", {}};
  t.object = Entity{b, EntityType::kCountry, "", {}};
  t.relation = r;
  t.predicate = wording.predicate;
  t.confidence = wording.confidence;
  t.evidence = {doc, sentence, 0, 10, wording.text.empty() ? a + " and " + b : wording.text, ""};
  return t;
}

}  // namespace geokg::testing
