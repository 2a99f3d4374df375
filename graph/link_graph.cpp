#include "graph/link_graph.h"

#include <algorithm>
#include <tuple>

namespace geokg {
namespace {

// Keys up to this many times the number of facts get a lookup table (4 bytes per key up to the
// largest); store entity ids are dense, so they always do. Sparser keys use binary search.
constexpr size_t kDenseFactor = 4;

// Sorts `items` into buckets by `bucket(item)` < `buckets` (a counting sort), then each bucket
// by `less`.
template <class T, class Bucket, class Less>
void BucketSort(std::vector<T>* items, size_t buckets, Bucket bucket, Less less) {
  std::vector<uint32_t> offsets(buckets + 1, 0);
  for (const T& item : *items) ++offsets[bucket(item) + 1];
  for (size_t b = 0; b < buckets; ++b) offsets[b + 1] += offsets[b];
  std::vector<T> sorted(items->size());
  std::vector<uint32_t> next(offsets.begin(), offsets.end() - 1);
  for (T& item : *items) sorted[next[bucket(item)]++] = std::move(item);
  for (size_t b = 0; b < buckets; ++b) std::sort(sorted.begin() + offsets[b], sorted.begin() + offsets[b + 1], less);
  *items = std::move(sorted);
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
  // Facts read from the store's spo index come grouped by subject already: no bucketing then.
  auto by_to = [](const LinkArc& x, const LinkArc& y) { return std::tie(x.to, x.fact) < std::tie(y.to, y.fact); };
  if (std::is_sorted(links.begin(), links.end(), [](const LinkArc& x, const LinkArc& y) { return x.from < y.from; })) {
    for (auto first = links.begin(); first != links.end();) {
      const auto last = std::find_if(first, links.end(), [&](const LinkArc& l) { return l.from != first->from; });
      std::sort(first, last, by_to);
      first = last;
    }
  } else {
    BucketSort(&links, n, [&](const LinkArc& l) { return *g.VertexOf(l.from); }, by_to);
  }
  g.links_ = std::move(links);

  // Each vertex's row of arcs: (target, fact index) for both directions of every fact, placed
  // by counting, then sorted, then merged into one arc per target carrying the pair's first
  // fact and how many facts join the pair.
  std::vector<uint32_t> row_start(n + 1, 0);
  for (const LinkArc& l : g.links_)
    if (l.from != l.to) {
      ++row_start[*g.VertexOf(l.from) + 1];
      ++row_start[*g.VertexOf(l.to) + 1];
    }
  for (size_t v = 0; v < n; ++v) row_start[v + 1] += row_start[v];
  std::vector<std::pair<uint32_t, uint32_t>> rows(row_start[n]);
  {
    std::vector<uint32_t> next(row_start.begin(), row_start.end() - 1);
    for (uint32_t i = 0; i < g.links_.size(); ++i) {
      const LinkArc& l = g.links_[i];
      if (l.from == l.to) continue;
      const uint32_t u = *g.VertexOf(l.from), v = *g.VertexOf(l.to);
      rows[next[u]++] = {v, i};
      rows[next[v]++] = {u, i};
    }
  }
  // The CSR takes these three vectors over (sorted by source already, so its in-place sort
  // moves nothing): no copy of the arcs.
  size_t distinct = 0;
  for (uint32_t u = 0; u < n; ++u) {
    const auto first = rows.begin() + row_start[u], last = rows.begin() + row_start[u + 1];
    std::sort(first, last);
    for (auto arc = first; arc != last; ++arc) distinct += arc == first || arc->first != (arc - 1)->first;
  }
  std::vector<uint32_t> sources, targets;
  std::vector<ArcProperty> properties;
  for (auto* v : {&sources, &targets}) v->reserve(distinct);
  properties.reserve(distinct);
  for (uint32_t u = 0; u < n; ++u) {
    const auto first = rows.begin() + row_start[u], last = rows.begin() + row_start[u + 1];
    for (auto arc = first; arc != last; ++arc) {
      if (arc != first && arc->first == (arc - 1)->first) {
        ++properties.back().weight;
      } else {
        sources.push_back(u);
        targets.push_back(arc->first);
        properties.push_back({arc->second, 1});
      }
    }
  }
  rows = {};
  g.csr_ = LinkCsr(boost::construct_inplace_from_sources_and_targets, sources, targets, properties, static_cast<uint32_t>(n));
  return g;
}

std::optional<LinkVertex> LinkGraph::SearchVertexOf(uint32_t key) const {
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
