#include "graph/dot_writer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace geokg {
namespace {

struct Style {
  const char* shape;
  const char* fill;
};

Style StyleOf(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return {"ellipse", "#fde6c8"};
    case EntityType::kCountry:
      return {"box", "#cfe2f3"};
    case EntityType::kOrganization:
      return {"hexagon", "#d9ead3"};
    case EntityType::kLocation:
      return {"house", "#ead1dc"};
    case EntityType::kGroup:
      return {"octagon", "#eeeeee"};
    case EntityType::kOther:
      return {"note", "#ffffff"};
  }
  return {"note", "#ffffff"};
}

const char* ColorOf(Polarity p) {
  switch (p) {
    case Polarity::kCooperative:
      return "#38761d";
    case Polarity::kConflictual:
      return "#cc0000";
    case Polarity::kNeutral:
      return "#777777";
  }
  return "#777777";
}

bool IsRole(Relation r) { return r == Relation::kLeads || r == Relation::kOfficialOf; }

// One relation (in one modality) on a drawn edge.
struct Part {
  Relation relation;
  Modality modality;
  uint32_t mentions;
};

struct DrawnEdge {
  Vertex from, to;
  std::vector<Part> parts;  // most mentioned first, asserted before expected and negated
  uint32_t mentions = 0;
  bool directed = false;  // some relation on it is not symmetric
};

std::vector<DrawnEdge> Edges(const Graph& graph, const DotOptions& options) {
  std::vector<DrawnEdge> edges;
  std::map<std::pair<Vertex, Vertex>, size_t> by_pair;
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const EdgeProperties& p = graph[*it];
    if (!options.role_edges && IsRole(p.relation)) continue;
    const Vertex from = boost::source(*it, graph), to = boost::target(*it, graph);
    size_t index = edges.size();
    if (!options.edge_per_fact) index = by_pair.try_emplace({from, to}, edges.size()).first->second;
    if (index == edges.size()) edges.push_back({from, to, {}, 0, false});
    DrawnEdge& e = edges[index];
    auto part = std::find_if(e.parts.begin(), e.parts.end(),
                             [&](const Part& q) { return q.relation == p.relation && q.modality == p.modality; });
    if (part == e.parts.end())
      e.parts.push_back({p.relation, p.modality, p.mentions});
    else
      part->mentions += p.mentions;
    e.mentions += p.mentions;
    e.directed = e.directed || !Info(p.relation).symmetric;
  }
  for (DrawnEdge& e : edges)
    std::stable_sort(e.parts.begin(), e.parts.end(), [](const Part& a, const Part& b) {
      return std::make_tuple(b.mentions, a.modality) < std::make_tuple(a.mentions, b.modality);
    });
  return edges;
}

// The office each person holds last (asserted leads/official_of facts, the latest by date, then
// the most mentioned): the name of the country or organisation.
std::unordered_map<Vertex, std::string> CurrentRoles(const Graph& graph) {
  std::unordered_map<Vertex, std::pair<std::tuple<std::string, uint32_t>, Vertex>> best;
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const EdgeProperties& p = graph[*it];
    const Vertex person = boost::source(*it, graph);
    if (!IsRole(p.relation) || p.modality != Modality::kAsserted || graph[person].type != EntityType::kPerson) continue;
    const auto rank = std::make_tuple(p.last_time, p.mentions);
    auto [b, added] = best.try_emplace(person, rank, boost::target(*it, graph));
    if (!added && rank > b->second.first) b->second = {rank, boost::target(*it, graph)};
  }
  std::unordered_map<Vertex, std::string> roles;
  for (const auto& [person, role] : best) roles[person] = graph[role.second].name;
  return roles;
}

std::string Label(const DrawnEdge& e) {
  std::string label;
  constexpr size_t kShown = 4;  // more lines make a label taller than the nodes it joins
  for (size_t i = 0; i < e.parts.size() && i < kShown; ++i) {
    const Part& part = e.parts[i];
    if (i > 0) label += '\n';
    label.append(Info(part.relation).name).append(" ").append(std::to_string(part.mentions));
    if (part.modality == Modality::kExpected) label += " expected";
    if (part.modality == Modality::kNegated) label += " negated";
  }
  if (e.parts.size() > kShown) label += "\n+" + std::to_string(e.parts.size() - kShown) + " more";
  return label;
}

// The class with the most mentions on the edge; conflict wins a tie, as the rarer news.
Polarity Dominant(const DrawnEdge& e) {
  std::array<uint32_t, 3> weight{};  // cooperative, neutral, conflictual
  for (const Part& part : e.parts) weight[static_cast<size_t>(Info(part.relation).polarity)] += part.mentions;
  Polarity best = Polarity::kConflictual;
  for (Polarity p : {Polarity::kCooperative, Polarity::kNeutral})
    if (weight[static_cast<size_t>(p)] > weight[static_cast<size_t>(best)]) best = p;
  return best;
}

// Solid when something on the edge is asserted, else dashed for expected, dotted for negated.
const char* LineOf(const DrawnEdge& e) {
  bool expected = false;
  for (const Part& part : e.parts) {
    if (part.modality == Modality::kAsserted) return "solid";
    expected = expected || part.modality == Modality::kExpected;
  }
  return expected ? "dashed" : "dotted";
}

}  // namespace

std::string DotQuote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  out += '"';
  return out;
}

DotSummary WriteDot(const Graph& graph, std::string_view title, std::ostream& out, const DotOptions& options) {
  std::vector<DrawnEdge> edges = Edges(graph, options);
  DotSummary summary{edges.size(), edges.size()};
  if (options.max_edges > 0 && edges.size() > options.max_edges) {
    std::stable_sort(edges.begin(), edges.end(),
                     [](const DrawnEdge& a, const DrawnEdge& b) { return a.mentions > b.mentions; });
    edges.resize(options.max_edges);
    summary.drawn = edges.size();
  }
  const std::unordered_map<Vertex, std::string> roles =
      options.role_edges ? std::unordered_map<Vertex, std::string>() : CurrentRoles(graph);
  // Entities with no edge left (a country only an office pointed to) are not drawn, unless
  // nothing is: a lone entity still shows.
  std::vector<bool> drawn(boost::num_vertices(graph), edges.empty());
  for (const DrawnEdge& e : edges) drawn[e.from] = drawn[e.to] = true;

  std::string heading(title);
  if (summary.drawn < summary.edges)
    heading +=
        "; the " + std::to_string(summary.drawn) + " most mentioned of " + std::to_string(summary.edges) + " edges";
  out << "digraph G {\nlabel=" << DotQuote(heading) << ";\nlabelloc=t;\nfontname=\"Helvetica\";\nrankdir=LR;\n"
      << "node [fontname=\"Helvetica\", fontsize=11];\nedge [fontname=\"Helvetica\", fontsize=9];\n"
      << "subgraph cluster_legend {\n  label=\"legend\"; fontsize=10; color=\"#bbbbbb\";\n"
      << "  legend_coop [shape=plaintext, label=\"cooperation\", fontcolor=\"#38761d\"];\n"
      << "  legend_conf [shape=plaintext, label=\"conflict\", fontcolor=\"#cc0000\"];\n"
      << "  legend_neutral [shape=plaintext, label=\"role / other\", fontcolor=\"#777777\"];\n"
      << "  legend_expected [shape=plaintext, label=\"dashed: expected, dotted: negated\"];\n"
      << "  legend_counts [shape=plaintext, label=\"meet 3: relation, sentences\"];\n}\n";
  for (Vertex v = 0; v < boost::num_vertices(graph); ++v) {
    if (!drawn[v]) continue;
    const VertexProperties& p = graph[v];
    const Style style = StyleOf(p.type);
    auto role = roles.find(v);
    const std::string label = role == roles.end() ? p.name : p.name + " \xC2\xB7 " + role->second;
    out << v << " [label=" << DotQuote(label) << ", shape=" << style.shape << ", style=filled, fillcolor=\""
        << style.fill << "\"];\n";
  }
  for (const DrawnEdge& e : edges) {
    char width[16];
    std::snprintf(width, sizeof width, "%.1f", 1.0 + std::min(4.0, std::log2(1.0 + e.mentions)));
    const char* color = ColorOf(Dominant(e));
    out << e.from << "->" << e.to << " [label=" << DotQuote(Label(e)) << ", color=\"" << color << "\", fontcolor=\""
        << color << "\", style=" << LineOf(e) << ", penwidth=" << width << (e.directed ? "" : ", dir=none") << "];\n";
  }
  out << "}\n";
  return summary;
}

}  // namespace geokg
