// graph/dot_writer.h -- writes a Graph as a GraphViz DOT diagram: nodes shaped and coloured by
// entity type, edges labelled with their relation and coloured by CAMEO's cooperation/conflict
// split, width by mentions, expected facts dashed and negated ones dotted. Every name is
// escaped, so no entity name can break or inject into the file.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "graph/graph_view.h"

namespace geokg {

// `title` labels the diagram (the selection it shows).
void WriteDot(const Graph& graph, std::string_view title, std::ostream& out);

// `text` as a quoted DOT string: quotes and backslashes escaped, line breaks as \n.
std::string DotQuote(std::string_view text);

}  // namespace geokg
