// query/fact_filter.h -- the selection every query and export command shares: which relations,
// which period, which modalities, how confident and how often stated. Immutable once built;
// safe to share between threads.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "graph/relation.h"
#include "graph/status.h"
#include "graph/triple.h"
#include "store/store.h"

namespace geokg::query {

struct FactFilter {
  std::set<Relation> relations;   // empty: every relation
  std::set<Modality> modalities;  // empty: every modality
  std::string since;              // ISO date or prefix ("2025", "2025-10"); empty: no bound
  std::string until;              // inclusive; a prefix covers its whole period
  float min_confidence = 0;
  uint32_t min_mentions = 0;

  // Whether `fact` passes every condition. A fact without a time passes the period bounds only
  // when no bound is set.
  bool Matches(const store::Fact& fact) const;
  // Whether the relation and modality of an index entry pass; Matches() still has the last word
  // when NeedsFact().
  bool MatchesLink(const store::Link& link) const;
  // Whether deciding needs more than the index entry (a period, confidence or mention bound).
  bool NeedsFact() const { return !since.empty() || !until.empty() || min_confidence > 0 || min_mentions > 0; }
  // Whether every fact passes.
  bool Empty() const { return relations.empty() && modalities.empty() && !NeedsFact(); }
  // Human-readable summary of the selection ("relations meet,call; since 2025"), for diagram
  // titles and messages; empty when nothing is filtered.
  std::string Describe() const;
};

// Parses a comma-separated relation list ("meet,call"). kInvalidInput names the unknown one.
Result<std::set<Relation>> ParseRelationList(const std::string& list);
// Parses a modality option: "asserted", "expected", "negated", a comma list, or "any" (empty set).
Result<std::set<Modality>> ParseModalityList(const std::string& list);

}  // namespace geokg::query
