// graph/event_tables.h -- facts as the flat tables event-data analysts already load
// (docs/FORMATS.md): GDELT 2.0's event table, one row per event with GDELT's column names where
// geokg has the information, and KGTK edge files, one edge per fact with qualifier edges. Both
// serve `extract` (one event per triple) and `export` (one per merged fact). Writing only.
#pragma once

#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/document.h"
#include "graph/graph_view.h"
#include "graph/triple.h"

namespace geokg {

// One event (a merged fact or a single triple) with what both tables cite.
struct CitedFact {
  std::string id;  // GLOBALEVENTID / the KGTK edge id: the fact id, or the triple's number in the run
  Entity subject, object;
  Relation relation = Relation::kOther;
  std::string predicate, cameo;
  Modality modality = Modality::kAsserted;
  std::string first_time, last_time;  // event time, else report date (time_source)
  TimeSource time_source = TimeSource::kNone;
  uint32_t mentions = 1, articles = 1, sources = 1;
  float confidence = 0;
  EdgeEvidence cited;  // the first sentence and its article
};

// The country each actor holds office in, from the leads/official_of facts among `facts` whose
// object is a country with a code: name -> ISO 3166 alpha-3.
using RoleCountries = std::unordered_map<std::string, std::string>;
RoleCountries CountriesByRole(std::span<const CitedFact> facts);

// Every edge of `graph` as a CitedFact (evidence, when loaded, gives articles and sources).
std::vector<CitedFact> FactsOf(const Graph& graph);
// The triples of one article as CitedFacts numbered from `first_id`.
std::vector<CitedFact> FactsOf(std::span<const Triple> triples, const Document& article, uint64_t first_id);

// GDELT-style event table: tab-separated, a header row, fields quoted as CSV quotes them when they
// hold a tab, quote or line break; columns as docs/FORMATS.md lists them.
void WriteGdeltHeader(std::ostream& out);
void WriteGdeltRows(std::span<const CitedFact> facts, const RoleCountries& roles, std::ostream& out);

// KGTK edge file: the header `node1 label node2 id`, then per fact the edge itself and its
// qualifier edges (node1 = the fact's edge id), and once per entity its label, type and code
// edges. One writer per file: it remembers which entities it has described.
class KgtkWriter {
 public:
  explicit KgtkWriter(std::ostream& out);  // writes the header
  void Write(std::span<const CitedFact> facts);

 private:
  std::ostream& out_;
  std::unordered_set<std::string> described_;
};

}  // namespace geokg
