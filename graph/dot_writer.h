// graph/dot_writer.h -- writes a Graph as a GraphViz DOT diagram people can read: by default one
// edge per pair of entities and direction, labelled with its relations and their mention counts
// ("meet 3", "visit 1 expected"), coloured by the class with the most mentions (CAMEO's
// cooperation or conflict, grey for roles and other), width by mentions, dashed when nothing on
// it is asserted; a person's current office is shown in their node ("Xi Jinping · China")
// rather than as leads/official_of edges. Nodes are shaped and coloured by entity type. Every
// name is escaped, so no entity name can break or inject into the file.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/graph_view.h"

namespace geokg {

struct DotOptions {
  bool edge_per_fact = false;  // one edge per fact, as stored, instead of one per pair and direction
  bool role_edges = false;     // draw leads/official_of facts as edges, not in the person's label
  size_t max_edges = 0;        // keep only the edges with the most mentions; 0: all
};

struct DotSummary {
  size_t edges = 0;  // edges of the diagram before max_edges
  size_t drawn = 0;  // edges written
};

// `title` labels the diagram (the selection it shows).
DotSummary WriteDot(const Graph& graph, std::string_view title, std::ostream& out, const DotOptions& options = {});

// `text` as a quoted DOT string: quotes and backslashes escaped, line breaks as \n.
std::string DotQuote(std::string_view text);

}  // namespace geokg
