#include "graph/link_graph.h"

#include <algorithm>
#include <tuple>

namespace geokg {

LinkGraph LinkGraph::Build(std::vector<LinkArc> links) {
  LinkGraph g;
  std::sort(links.begin(), links.end(),
            [](const LinkArc& x, const LinkArc& y) { return std::tie(x.from, x.to, x.fact) < std::tie(y.from, y.to, y.fact); });
  g.links_ = std::move(links);
  g.keys_.reserve(g.links_.size());
  for (const LinkArc& l : g.links_) {
    g.keys_.push_back(l.from);
    g.keys_.push_back(l.to);
  }
  std::sort(g.keys_.begin(), g.keys_.end());
  g.keys_.erase(std::unique(g.keys_.begin(), g.keys_.end()), g.keys_.end());
  g.keys_.shrink_to_fit();

  // Both directions of every fact, then one arc per ordered pair carrying the pair's first fact.
  struct Arc {
    uint32_t u, v, link;
  };
  std::vector<Arc> arcs;
  arcs.reserve(g.links_.size() * 2);
  for (uint32_t i = 0; i < g.links_.size(); ++i) {
    const LinkArc& l = g.links_[i];
    if (l.from == l.to) continue;
    const uint32_t u = *g.VertexOf(l.from), v = *g.VertexOf(l.to);
    arcs.push_back({u, v, i});
    arcs.push_back({v, u, i});
  }
  std::sort(arcs.begin(), arcs.end(), [](const Arc& x, const Arc& y) { return std::tie(x.u, x.v, x.link) < std::tie(y.u, y.v, y.link); });
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  std::vector<ArcProperty> properties;
  for (const Arc& a : arcs) {
    if (!edges.empty() && edges.back() == std::make_pair(a.u, a.v)) {
      ++properties.back().weight;
    } else {
      edges.emplace_back(a.u, a.v);
      properties.push_back({a.link, 1});
    }
  }
  arcs = {};
  g.csr_ = LinkCsr(boost::edges_are_sorted, edges.begin(), edges.end(), properties.begin(),
                   static_cast<uint32_t>(g.keys_.size()));
  return g;
}

std::optional<LinkVertex> LinkGraph::VertexOf(uint32_t key) const {
  auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
  if (it == keys_.end() || *it != key) return std::nullopt;
  return static_cast<LinkVertex>(it - keys_.begin());
}

size_t LinkGraph::MemoryBytes() const {
  const size_t arcs = boost::num_edges(csr_);
  return keys_.capacity() * sizeof(uint32_t) + links_.capacity() * sizeof(LinkArc) +
         (keys_.size() + 1) * sizeof(uint32_t) + arcs * (sizeof(uint32_t) + sizeof(ArcProperty));
}

}  // namespace geokg
