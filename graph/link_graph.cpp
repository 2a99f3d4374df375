#include "graph/link_graph.h"

#include <algorithm>
#include <limits>
#include <tuple>

namespace geokg {
namespace {

constexpr uint32_t kNoVertex = std::numeric_limits<uint32_t>::max();

// Keys up to this many times the number of facts get a lookup table (4 bytes per key up to the
// largest); store entity ids are dense, so they always do. Sparser keys use binary search.
constexpr size_t kDenseFactor = 4;

// Sorts `items` into buckets by `bucket(item)` < `buckets` (a stable counting sort), then each
// bucket by `less`; returns the bucket offsets (buckets + 1 of them).
template <class T, class Bucket, class Less>
std::vector<uint32_t> BucketSort(std::vector<T>* items, size_t buckets, Bucket bucket, Less less) {
  std::vector<uint32_t> offsets(buckets + 1, 0);
  for (const T& item : *items) ++offsets[bucket(item) + 1];
  for (size_t b = 0; b < buckets; ++b) offsets[b + 1] += offsets[b];
  std::vector<T> sorted(items->size());
  std::vector<uint32_t> next(offsets.begin(), offsets.end() - 1);
  for (T& item : *items) sorted[next[bucket(item)]++] = std::move(item);
  for (size_t b = 0; b < buckets; ++b) std::sort(sorted.begin() + offsets[b], sorted.begin() + offsets[b + 1], less);
  *items = std::move(sorted);
  return offsets;
}

}  // namespace

LinkGraph LinkGraph::Build(std::vector<LinkArc> links) {
  LinkGraph g;
  uint32_t max_key = 0;
  for (const LinkArc& l : links) max_key = std::max({max_key, l.from, l.to});
  if (!links.empty() && max_key / kDenseFactor <= links.size()) {
    // Mark the keys present, then number them in ascending order.
    g.vertex_of_.assign(size_t{max_key} + 1, kNoVertex);
    for (const LinkArc& l : links) g.vertex_of_[l.from] = g.vertex_of_[l.to] = 0;
    for (uint32_t key = 0; key <= max_key; ++key)
      if (g.vertex_of_[key] != kNoVertex) {
        g.vertex_of_[key] = static_cast<uint32_t>(g.keys_.size());
        g.keys_.push_back(key);
      }
  } else {
    g.keys_.reserve(links.size() * 2);
    for (const LinkArc& l : links) {
      g.keys_.push_back(l.from);
      g.keys_.push_back(l.to);
    }
    std::sort(g.keys_.begin(), g.keys_.end());
    g.keys_.erase(std::unique(g.keys_.begin(), g.keys_.end()), g.keys_.end());
  }
  g.keys_.shrink_to_fit();
  const size_t n = g.keys_.size();

  // Facts by (from, to, fact): bucketed by the vertex of `from`, whose order is the key order.
  BucketSort(&links, n, [&](const LinkArc& l) { return *g.VertexOf(l.from); },
             [](const LinkArc& x, const LinkArc& y) { return std::tie(x.to, x.fact) < std::tie(y.to, y.fact); });
  g.links_ = std::move(links);

  // Both directions of every fact, bucketed by their source, then one arc per ordered pair
  // carrying the pair's first fact and how many facts join the pair.
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
  BucketSort(&arcs, n, [](const Arc& a) { return a.u; },
             [](const Arc& x, const Arc& y) { return std::tie(x.v, x.link) < std::tie(y.v, y.link); });
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
  g.csr_ = LinkCsr(boost::edges_are_sorted, edges.begin(), edges.end(), properties.begin(), static_cast<uint32_t>(n));
  return g;
}

std::optional<LinkVertex> LinkGraph::VertexOf(uint32_t key) const {
  if (!vertex_of_.empty()) {
    if (key >= vertex_of_.size() || vertex_of_[key] == kNoVertex) return std::nullopt;
    return vertex_of_[key];
  }
  auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
  if (it == keys_.end() || *it != key) return std::nullopt;
  return static_cast<LinkVertex>(it - keys_.begin());
}

size_t LinkGraph::MemoryBytes() const {
  const size_t arcs = boost::num_edges(csr_);
  return keys_.capacity() * sizeof(uint32_t) + vertex_of_.capacity() * sizeof(uint32_t) +
         links_.capacity() * sizeof(LinkArc) + (keys_.size() + 1) * sizeof(uint32_t) +
         arcs * (sizeof(uint32_t) + sizeof(ArcProperty));
}

}  // namespace geokg
