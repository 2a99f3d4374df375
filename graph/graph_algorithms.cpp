#include "graph/graph_algorithms.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <utility>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/pending/disjoint_sets.hpp>
#include <boost/property_map/property_map.hpp>

namespace geokg {
namespace {

constexpr uint32_t kUnreached = std::numeric_limits<uint32_t>::max();

std::vector<uint32_t> Distances(const LinkCsr& g, LinkVertex from) {
  std::vector<uint32_t> dist(boost::num_vertices(g), kUnreached);
  dist[from] = 0;
  auto dist_map = boost::make_iterator_property_map(dist.begin(), boost::get(boost::vertex_index, g));
  boost::breadth_first_search(
      g, from, boost::visitor(boost::make_bfs_visitor(boost::record_distances(dist_map, boost::on_tree_edge()))));
  return dist;
}

// A weighted undirected graph for Louvain in compressed rows (node i's arcs are [start[i],
// start[i + 1]) of `target` and `weight`): 8 bytes an arc, streamed in order by every pass.
struct WeightedGraph {
  std::vector<uint32_t> start = {0};
  std::vector<uint32_t> target;
  std::vector<uint32_t> weight;  // facts joining the pair, summed over aggregated nodes
  std::vector<double> self;      // weight of edges inside the node, counted twice (both arc ends)

  size_t size() const { return self.size(); }
};

// Level 0: one node per vertex, its arcs as `for_each_arc` gives them (FinishOfArcs below).
template <class ForEachArc>
Result<WeightedGraph> FromArcs(size_t n, size_t arcs, ForEachArc&& for_each_arc) {
  WeightedGraph w;
  w.start.reserve(n + 1);
  w.target.reserve(arcs);
  w.weight.reserve(arcs);
  w.self.assign(n, 0);
  for (LinkVertex u = 0; u < n; ++u) {
    GEOKG_RETURN_IF_ERROR(for_each_arc(u, [&](LinkVertex v, const ArcProperty& arc) {
      w.target.push_back(v);
      w.weight.push_back(arc.weight);
    }));
    w.start.push_back(static_cast<uint32_t>(w.target.size()));
  }
  return w;
}

// Louvain's local moving: each node joins the neighbouring community with the best modularity
// gain until no node moves. Returns the community of each node, renumbered densely.
std::vector<uint32_t> LocalMoving(const WeightedGraph& w, size_t* count) {
  const size_t n = w.size();
  std::vector<double> k(n, 0);
  double m2 = 0;
  for (size_t i = 0; i < n; ++i) {
    k[i] = w.self[i];
    for (uint32_t a = w.start[i]; a < w.start[i + 1]; ++a) k[i] += w.weight[a];
    m2 += k[i];
  }
  std::vector<uint32_t> comm(n);
  std::iota(comm.begin(), comm.end(), 0);
  std::vector<double> tot = k, link_to(n, 0);
  std::vector<uint32_t> touched;
  for (int pass = 0; pass < 20 && m2 > 0; ++pass) {
    bool moved = false;
    for (uint32_t i = 0; i < n; ++i) {
      touched.clear();
      for (uint32_t a = w.start[i]; a < w.start[i + 1]; ++a) {
        const uint32_t c = comm[w.target[a]];
        if (link_to[c] == 0) touched.push_back(c);
        link_to[c] += w.weight[a];
      }
      const uint32_t from = comm[i];
      tot[from] -= k[i];
      uint32_t best = from;
      double best_gain = link_to[from] - tot[from] * k[i] / m2;
      for (uint32_t c : touched) {
        const double gain = link_to[c] - tot[c] * k[i] / m2;
        if (gain > best_gain + 1e-12) {
          best_gain = gain;
          best = c;
        }
      }
      for (uint32_t c : touched) link_to[c] = 0;
      tot[best] += k[i];
      if (best != from) {
        comm[i] = best;
        moved = true;
      }
    }
    if (!moved) break;
  }
  std::vector<uint32_t> dense(n, kUnreached);
  uint32_t next = 0;
  for (uint32_t& c : comm) {
    if (dense[c] == kUnreached) dense[c] = next++;
    c = dense[c];
  }
  *count = next;
  return comm;
}

WeightedGraph Aggregate(const WeightedGraph& w, const std::vector<uint32_t>& comm, size_t count) {
  WeightedGraph out;
  out.start.reserve(count + 1);
  out.self.assign(count, 0);
  std::vector<uint32_t> acc(count, 0);
  std::vector<std::vector<uint32_t>> members(count);
  for (uint32_t i = 0; i < comm.size(); ++i) members[comm[i]].push_back(i);
  std::vector<uint32_t> touched;
  for (uint32_t c = 0; c < count; ++c) {
    touched.clear();
    for (uint32_t i : members[c]) {
      out.self[c] += w.self[i];
      for (uint32_t a = w.start[i]; a < w.start[i + 1]; ++a) {
        const uint32_t d = comm[w.target[a]];
        if (d == c) {
          out.self[c] += w.weight[a];
          continue;
        }
        if (acc[d] == 0) touched.push_back(d);
        acc[d] += w.weight[a];
      }
    }
    for (uint32_t d : touched) {
      out.target.push_back(d);
      out.weight.push_back(acc[d]);
      acc[d] = 0;
    }
    out.start.push_back(static_cast<uint32_t>(out.target.size()));
  }
  return out;
}

// Relabels groups largest first (ties: the group of the lowest vertex first) and scores Q.
// `for_each_arc(u, visit)` calls visit(target, ArcProperty) for each arc of u and returns a
// Status (PageRankOfArcs below); the first failure is returned.
template <class ForEachArc>
Result<Grouping> FinishOfArcs(std::vector<uint32_t> group, size_t count, ForEachArc&& for_each_arc) {
  std::vector<size_t> size(count, 0);
  std::vector<uint32_t> first(count, kUnreached);
  for (uint32_t v = 0; v < group.size(); ++v) {
    ++size[group[v]];
    first[group[v]] = std::min(first[group[v]], v);
  }
  std::vector<uint32_t> order(count);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b]; });
  std::vector<uint32_t> rename(count);
  for (uint32_t i = 0; i < count; ++i) rename[order[i]] = i;
  for (uint32_t& g : group) g = rename[g];

  std::vector<double> inside(count, 0), total(count, 0);
  double m2 = 0;
  for (LinkVertex u = 0; u < group.size(); ++u)
    GEOKG_RETURN_IF_ERROR(for_each_arc(u, [&](LinkVertex v, const ArcProperty& arc) {
      const double x = arc.weight;
      m2 += x;
      total[group[u]] += x;
      if (group[v] == group[u]) inside[group[u]] += x;
    }));
  double q = 0;
  if (m2 > 0)
    for (size_t c = 0; c < count; ++c) q += inside[c] / m2 - (total[c] / m2) * (total[c] / m2);
  return Grouping{std::move(group), count, q};
}

// Connected components with Boost's disjoint sets: one pass over the arcs, no search stack, so
// the saved view can be read in place.
template <class ForEachArc>
Result<Grouping> ComponentsOfArcs(size_t n, ForEachArc&& for_each_arc) {
  std::vector<uint32_t> rank(n, 0), parent(n);
  const boost::typed_identity_property_map<uint32_t> index;
  boost::disjoint_sets sets(boost::make_iterator_property_map(rank.begin(), index),
                            boost::make_iterator_property_map(parent.begin(), index));
  for (LinkVertex v = 0; v < n; ++v) sets.make_set(v);
  for (LinkVertex u = 0; u < n; ++u)
    GEOKG_RETURN_IF_ERROR(for_each_arc(u, [&](LinkVertex v, const ArcProperty&) { sets.union_set(u, v); }));
  std::vector<uint32_t> group(n), number(n, kUnreached);
  size_t count = 0;
  for (LinkVertex v = 0; v < n; ++v) {
    uint32_t& root = number[sets.find_set(v)];
    if (root == kUnreached) root = static_cast<uint32_t>(count++);
    group[v] = root;
  }
  return FinishOfArcs(std::move(group), count, for_each_arc);
}

// The arcs of a loaded graph or of the saved view, as the ...OfArcs functions take them.
auto ArcsOf(const LinkCsr& g) {
  return [&g](LinkVertex u, auto&& visit) {
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) visit(boost::target(*it, g), g[*it]);
    return Status();
  };
}
auto ArcsOf(const MappedLinkGraph& g) {
  return [&g](LinkVertex u, auto&& visit) { return g.ForEachArc(u, visit); };
}

}  // namespace

std::vector<std::vector<uint32_t>> ShortestPaths(const LinkGraph& graph, LinkVertex a, LinkVertex b, size_t limit) {
  if (a == b) return {{}};
  const LinkCsr& g = graph.csr();
  const std::vector<uint32_t> from_a = Distances(g, a);
  if (from_a[b] == kUnreached) return {};
  const std::vector<uint32_t> from_b = Distances(g, b);
  const uint32_t length = from_a[b];
  std::vector<std::vector<uint32_t>> paths;
  std::vector<uint32_t> hops;
  // Depth-first along arcs that keep to a shortest route: one step nearer b each time.
  auto walk = [&](auto&& self, LinkVertex u) -> void {
    if (paths.size() >= limit) return;
    if (u == b) {
      paths.push_back(hops);
      return;
    }
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
      const LinkVertex v = boost::target(*it, g);
      if (from_a[v] != from_a[u] + 1 || from_b[v] != length - from_a[v]) continue;
      hops.push_back(g[*it].link);
      self(self, v);
      hops.pop_back();
    }
  };
  walk(walk, a);
  return paths;
}

std::vector<double> DegreeCentrality(const LinkGraph& graph) {
  const LinkCsr& g = graph.csr();
  std::vector<double> degree(boost::num_vertices(g));
  for (LinkVertex v = 0; v < degree.size(); ++v) degree[v] = static_cast<double>(boost::out_degree(v, g));
  return degree;
}

Result<std::vector<double>> DegreeCentrality(const MappedLinkGraph& graph) {
  std::vector<double> degree(graph.vertex_count());
  for (LinkVertex v = 0; v < degree.size(); ++v) {
    auto arcs = graph.ArcCount(v);
    if (!arcs.ok()) return arcs.status();
    degree[v] = arcs.value();
  }
  return degree;
}

namespace {

// Boost's page_rank on the graph of one arc per fact (both ways for a symmetric one), computed
// on the pair arcs with their `forward` counts instead, so that no fact is read: start at 1/n,
// then 30 times rank(v) = (1 - d) + d * sum over facts u -> v of rank(u) / out(u), where out(u)
// counts u's facts pointing away. A vertex with none passes nothing on, as in Boost.
// `for_each_arc(u, visit)` calls visit(target, ArcProperty) for each arc of u in order and
// returns a Status; the first failure is returned.
template <class ForEachArc>
Result<std::vector<double>> PageRankOfArcs(size_t n, size_t arcs, ForEachArc&& for_each_arc) {
  constexpr double kDamping = 0.85;
  // The arcs that carry rank, as two compact arrays: each iteration streams 6 bytes an arc, not
  // the 16 of target and ArcProperty. (Pulling along transposed arrays gave the same bits but
  // took 10-15 % more at ten million facts: the transposing pass costs more than it saves.)
  std::vector<uint32_t> row_start(n + 1, 0), target;
  std::vector<uint16_t> count;
  std::vector<double> out(n, 0);
  target.reserve(arcs);
  count.reserve(arcs);
  for (LinkVertex u = 0; u < n; ++u) {
    GEOKG_RETURN_IF_ERROR(for_each_arc(u, [&](LinkVertex v, const ArcProperty& arc) {
      if (arc.forward == 0) return;
      target.push_back(v);
      count.push_back(arc.forward);
      out[u] += arc.forward;
    }));
    row_start[u + 1] = static_cast<uint32_t>(target.size());
  }
  std::vector<double> rank(n, n ? 1.0 / static_cast<double>(n) : 0), next(n);
  for (int step = 0; step < 30; ++step) {
    std::fill(next.begin(), next.end(), 1 - kDamping);
    for (LinkVertex u = 0; u < n; ++u) {
      if (out[u] == 0) continue;
      const double share = kDamping * rank[u] / out[u];
      for (uint32_t a = row_start[u]; a < row_start[u + 1]; ++a) next[target[a]] += share * count[a];
    }
    rank.swap(next);
  }
  return rank;
}

}  // namespace

std::vector<double> PageRank(const LinkGraph& graph) {
  const LinkCsr& g = graph.csr();
  return PageRankOfArcs(boost::num_vertices(g), boost::num_edges(g), ArcsOf(g)).value();
}

Result<std::vector<double>> PageRank(const MappedLinkGraph& graph) {
  return PageRankOfArcs(graph.vertex_count(), graph.arc_count(), ArcsOf(graph));
}

std::vector<double> Betweenness(const LinkGraph& graph) {
  const LinkCsr& g = graph.csr();
  std::vector<double> centrality(boost::num_vertices(g), 0);
  boost::brandes_betweenness_centrality(g, boost::centrality_map(boost::make_iterator_property_map(
                                               centrality.begin(), boost::get(boost::vertex_index, g))));
  // Both arcs of each edge are present, so every unordered pair was counted twice.
  for (double& c : centrality) c /= 2;
  return centrality;
}

Grouping Components(const LinkGraph& graph) {
  return ComponentsOfArcs(graph.vertex_count(), ArcsOf(graph.csr())).value();
}

Result<Grouping> Components(const MappedLinkGraph& graph) {
  return ComponentsOfArcs(graph.vertex_count(), ArcsOf(graph));
}

namespace {

// Louvain on the graph `for_each_arc` gives: local moving, then the communities as nodes, until
// no node moves.
template <class ForEachArc>
Result<Grouping> ModularityOfArcs(size_t n, size_t arcs, ForEachArc&& for_each_arc) {
  auto first = FromArcs(n, arcs, for_each_arc);
  if (!first.ok()) return first.status();
  WeightedGraph level = std::move(first).value();
  std::vector<uint32_t> group(n);
  std::iota(group.begin(), group.end(), 0);
  size_t count = group.size();
  for (;;) {
    size_t next_count = 0;
    const std::vector<uint32_t> comm = LocalMoving(level, &next_count);
    if (next_count == count) break;
    for (uint32_t& g : group) g = comm[g];
    level = Aggregate(level, comm, next_count);
    count = next_count;
  }
  return FinishOfArcs(std::move(group), count, for_each_arc);
}

}  // namespace

Grouping ModularityGroups(const LinkGraph& graph) {
  return ModularityOfArcs(graph.vertex_count(), boost::num_edges(graph.csr()), ArcsOf(graph.csr())).value();
}

Result<Grouping> ModularityGroups(const MappedLinkGraph& graph) {
  return ModularityOfArcs(graph.vertex_count(), graph.arc_count(), ArcsOf(graph));
}

}  // namespace geokg
