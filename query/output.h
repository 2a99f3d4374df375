// query/output.h -- the text forms of query answers: readable tables and JSON for `met`, JSON
// Lines for exported facts (docs/FORMATS.md). Writing only; thread-compatible.
#pragma once

#include <ostream>
#include <vector>

#include "graph/graph_view.h"
#include "query/engine.h"

namespace geokg::query {

void WriteMetTable(const std::vector<MetRow>& rows, std::ostream& out);
void WriteMetJson(const std::vector<MetRow>& rows, std::ostream& out);
// One JSON object per edge: subject, object (name and type), relation, predicate, modality,
// mentions, first_time, last_time, confidence, fact.
void WriteGraphJsonl(const Graph& graph, std::ostream& out);

}  // namespace geokg::query
