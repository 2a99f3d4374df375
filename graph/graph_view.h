// graph/graph_view.h -- an in-memory Boost.Graph view of a set of facts with everything an
// export cites: entities as vertices, facts as directed edges (symmetric relations point from
// the smaller vertex), each with its evidence. Built by the query layer for subgraphs and
// exports; read by the graph writers. The whole-graph algorithms read the leaner LinkGraph
// (graph/link_graph.h) instead. Not thread-safe while being built; safe to share read-only
// afterwards.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "graph/entity.h"
#include "graph/relation.h"
#include "graph/triple.h"

namespace geokg {

struct VertexProperties {
  uint32_t key = 0;  // the store's entity id
  std::string name;
  EntityType type = EntityType::kOther;
  std::string code;
};

// One sentence behind an edge and the article it is in, for exports that cite their sources.
struct EdgeEvidence {
  std::string doc;
  uint32_t sentence = 0;
  std::string text;
  std::string attribution;  // empty when the article itself asserts it
  std::string time;         // the event's time as the sentence gives it; may be empty
  float confidence = 0;
  std::string date, title, url, source;  // the article's; each may be empty
};

struct EdgeProperties {
  uint64_t fact = 0;  // the store's fact id
  Relation relation = Relation::kOther;
  std::string predicate;
  std::string cameo;
  Modality modality = Modality::kAsserted;
  uint32_t mentions = 0;
  float confidence = 0;
  std::string first_time;  // as store::Fact: event times, else report dates (time_source)
  std::string last_time;
  TimeSource time_source = TimeSource::kNone;
  std::vector<EdgeEvidence> evidence;  // filled only when asked for (Engine::Subgraph)
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexProperties, EdgeProperties>;
using Vertex = Graph::vertex_descriptor;

// Builds a Graph, adding each entity once however many facts name it.
class GraphBuilder {
 public:
  // The vertex of entity `key` (the store's entity id), added on first use.
  Vertex VertexFor(uint32_t key, const Entity& entity);
  void AddEdge(Vertex from, Vertex to, EdgeProperties edge) { boost::add_edge(from, to, std::move(edge), graph_); }
  bool Has(uint32_t key) const { return vertices_.count(key) != 0; }
  const Graph& graph() const { return graph_; }
  Graph Take() { return std::move(graph_); }

 private:
  Graph graph_;
  std::unordered_map<uint32_t, Vertex> vertices_;
};

}  // namespace geokg
