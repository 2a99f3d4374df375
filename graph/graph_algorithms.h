// graph/graph_algorithms.h -- the analyses behind `geokg path`, `rank` and `communities`, run
// with Boost.Graph on a LinkGraph. Pure functions of their input; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/link_graph.h"

namespace geokg {

// Up to `limit` shortest chains from `a` to `b`, each the list of link indexes of its hops in
// order (LinkGraph::link). Empty when b is unreachable; {{}} when a == b. Breadth-first search
// from both ends, then every chain whose hops stay on a shortest route, in vertex order.
std::vector<std::vector<uint32_t>> ShortestPaths(const LinkGraph& graph, LinkVertex a, LinkVertex b, size_t limit);

// Degree: the number of distinct entities each vertex shares a fact with.
std::vector<double> DegreeCentrality(const LinkGraph& graph);
// The same for the saved view read in place; kCorruption when a row lies outside its arcs.
Result<std::vector<double>> DegreeCentrality(const MappedLinkGraph& graph);
// PageRank (damping 0.85, 30 iterations, the unnormalised form of Boost's page_rank: mean 1)
// over the facts' directions: one-way facts point from subject to object, symmetric ones point
// both ways, and each fact counts once, so a pair stated often weighs more. Reads only the
// arcs (their `forward` counts), not the facts.
std::vector<double> PageRank(const LinkGraph& graph);
// The same numbers for the saved view read in place, without loading it into a LinkGraph first
// (rank of every fact: the load was a quarter of the process); kCorruption as ForEachArc.
Result<std::vector<double>> PageRank(const MappedLinkGraph& graph);
// Brandes betweenness on the undirected simple graph, each unordered pair counted once.
// O(V E): minutes beyond some 10^5 edges; filter with --relation first.
std::vector<double> Betweenness(const LinkGraph& graph);

struct Grouping {
  std::vector<uint32_t> group;  // per vertex, 0-based, largest group first
  size_t groups = 0;
  double modularity = 0;  // Newman's Q of this grouping, facts as edge weights
};
// Connected components (the arc set is symmetric, so direction does not matter).
Grouping Components(const LinkGraph& graph);
// The same grouping for the saved view read in place; kCorruption as ForEachArc.
Result<Grouping> Components(const MappedLinkGraph& graph);
// Groups by modularity: Louvain's local-moving phase repeated on the aggregated graph until Q
// stops growing. Deterministic: vertices are visited in index order.
Grouping ModularityGroups(const LinkGraph& graph);
// The same grouping for the saved view read in place; kCorruption as ForEachArc.
Result<Grouping> ModularityGroups(const MappedLinkGraph& graph);

}  // namespace geokg
