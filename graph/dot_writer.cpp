#include "graph/dot_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <boost/graph/graphviz.hpp>

namespace geokg {
namespace {

struct Style {
  const char* shape;
  const char* fill;
};

Style StyleOf(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return {"ellipse", "#fde6c8"};
    case EntityType::kCountry: return {"box", "#cfe2f3"};
    case EntityType::kOrganization: return {"hexagon", "#d9ead3"};
    case EntityType::kLocation: return {"house", "#ead1dc"};
    case EntityType::kGroup: return {"octagon", "#eeeeee"};
    case EntityType::kOther: return {"note", "#ffffff"};
  }
  return {"note", "#ffffff"};
}

const char* ColorOf(Relation r) {
  switch (Info(r).polarity) {
    case Polarity::kCooperative: return "#38761d";
    case Polarity::kConflictual: return "#cc0000";
    case Polarity::kNeutral: return "#777777";
  }
  return "#777777";
}

const char* LineOf(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "solid";
    case Modality::kExpected: return "dashed";
    case Modality::kNegated: return "dotted";
  }
  return "solid";
}

}  // namespace

std::string DotQuote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  out += '"';
  return out;
}

void WriteDot(const Graph& graph, std::string_view title, std::ostream& out) {
  auto vertex_writer = [&graph](std::ostream& os, Vertex v) {
    const VertexProperties& p = graph[v];
    const Style style = StyleOf(p.type);
    os << "[label=" << DotQuote(p.name) << ", shape=" << style.shape << ", style=filled, fillcolor=\"" << style.fill
       << "\"]";
  };
  auto edge_writer = [&graph](std::ostream& os, Graph::edge_descriptor e) {
    const EdgeProperties& p = graph[e];
    char width[16];
    std::snprintf(width, sizeof width, "%.1f", 1.0 + std::min(4.0, std::log2(1.0 + p.mentions)));
    os << "[label=" << DotQuote(Info(p.relation).name) << ", color=\"" << ColorOf(p.relation) << "\", fontcolor=\""
       << ColorOf(p.relation) << "\", style=" << LineOf(p.modality) << ", penwidth=" << width
       << (Info(p.relation).symmetric ? ", dir=none" : "") << "]";
  };
  auto graph_writer = [title](std::ostream& os) {
    os << "label=" << DotQuote(title) << ";\nlabelloc=t;\nfontname=\"Helvetica\";\nrankdir=LR;\n"
       << "node [fontname=\"Helvetica\", fontsize=11];\nedge [fontname=\"Helvetica\", fontsize=9];\n"
       << "subgraph cluster_legend {\n  label=\"legend\"; fontsize=10; color=\"#bbbbbb\";\n"
       << "  legend_coop [shape=plaintext, label=\"cooperation\", fontcolor=\"#38761d\"];\n"
       << "  legend_conf [shape=plaintext, label=\"conflict\", fontcolor=\"#cc0000\"];\n"
       << "  legend_neutral [shape=plaintext, label=\"role / other\", fontcolor=\"#777777\"];\n"
       << "  legend_expected [shape=plaintext, label=\"dashed: expected, dotted: negated\"];\n}\n";
  };
  boost::write_graphviz(out, graph, vertex_writer, edge_writer, graph_writer);
}

}  // namespace geokg
