// graph/link_graph.h -- a compact Boost.Graph view of facts for graph algorithms (paths,
// centrality, communities). Vertices are entities, known by the store's entity ids ("keys");
// each pair of entities joined by at least one fact is one undirected edge, stored as two arcs
// of a compressed_sparse_row_graph that remember one of the pair's facts and how many there
// are. Built once, then read-only: safe to share between threads.
//
//   LinkGraph g = LinkGraph::Build(links);            // links: every fact that passed the filter
//   auto paths = ShortestPaths(g, *g.VertexOf(a), *g.VertexOf(b), 3);
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "graph/relation.h"
#include "graph/status.h"
#include "graph/triple.h"

namespace geokg {

// One fact as the graph sees it: from subject to object. `one_way` is false for symmetric
// relations (meet, ally), whose direction carries no meaning.
struct LinkArc {
  uint64_t fact = 0;
  uint32_t from = 0;  // entity keys
  uint32_t to = 0;
  bool one_way = true;
  Relation relation = Relation::kOther;  // so that a view of every fact can be narrowed later
  Modality modality = Modality::kAsserted;
  bool operator==(const LinkArc&) const = default;
};

struct ArcProperty {
  uint32_t link = 0;       // index of the first fact joining the pair (LinkGraph::link)
  uint16_t weight = 0;     // how many facts join the pair (at most relations x modalities x 2)
  uint16_t forward = 0;    // of those, how many point from this arc's source to its target:
                           // the source's one-way facts about the target, and symmetric ones
  uint32_t relations = 0;  // their relations, bit 1 << Relation
  bool operator==(const ArcProperty&) const = default;
};

// compressed_sparse_row_graph over plain vectors: 4 bytes of target plus 12 of ArcProperty per
// arc and 4 per vertex; bench_query prints the whole view's bytes per fact. (adjacency_list was
// not measured against it: its per-edge list nodes are larger by construction.)
using LinkCsr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, ArcProperty,
                                                   boost::no_property, uint32_t, uint32_t>;
using LinkVertex = uint32_t;

class LinkGraph {
 public:
  LinkGraph() = default;
  // The view of `links`. Self-loops are kept as facts but add no arc. Linear time but for the
  // sorting of each vertex's own facts; dense keys (the store's entity ids) get a lookup table
  // of 4 bytes per key up to the largest, counted in MemoryBytes().
  static LinkGraph Build(std::vector<LinkArc> links);

  // Writes the view to `path` with `tag` in its header: into a temporary file beside it, synced
  // to disk, then renamed over `path`, so that a reader (or a process killed while writing) finds
  // the old file or the new one, whole. The arrays are stored as they are in memory, so loading
  // is reading, not building.
  Status Save(const std::filesystem::path& path, uint64_t tag) const;
  // The tag of the view saved at `path`, from its header alone. kNotFound: no file there;
  // kCorruption: not a view of this format.
  static Result<uint64_t> SavedTag(const std::filesystem::path& path);
  // The view saved at `path` and its tag. kCorruption when the file is truncated or any of its
  // indexes points outside its arrays: a damaged file is refused, never misread.
  // Without `with_links` the facts are not read (link_count() is 0 and link() must not be
  // called): enough for the algorithms that read only the arcs, in half the time and memory.
  static Result<LinkGraph> Load(const std::filesystem::path& path, uint64_t* tag, bool with_links = true);
  // Changes the tag of the view saved at `path` from `from` to `to` in place, synced to disk
  // (one aligned 8-byte write: a reader sees either tag). kNotFound when there is no view there
  // or it is not tagged `from`; nothing changes then.
  static Status Retag(const std::filesystem::path& path, uint64_t from, uint64_t to);
  // Whether two views hold the same vertices, facts and arcs, in the same order.
  friend bool operator==(const LinkGraph& a, const LinkGraph& b);

  const LinkCsr& csr() const { return csr_; }
  size_t vertex_count() const { return keys_.size(); }
  size_t link_count() const { return links_.size(); }
  // The vertex of entity `key`, or nullopt when no selected fact touches it. Constant time for
  // dense keys.
  // Always inlined: whole-graph passes call it for every fact.
  [[gnu::always_inline]] std::optional<LinkVertex> VertexOf(uint32_t key) const {
    if (vertex_of_.empty()) return SearchVertexOf(key);
    if (key >= vertex_of_.size() || vertex_of_[key] == kNoVertex) return std::nullopt;
    return vertex_of_[key];
  }
  uint32_t KeyOf(LinkVertex v) const { return keys_[v]; }
  const LinkArc& link(uint32_t index) const { return links_[index]; }
  const std::vector<LinkArc>& links() const { return links_; }
  // Heap bytes held by the view (keys, facts, arcs and row offsets).
  size_t MemoryBytes() const;

 private:
  static constexpr uint32_t kNoVertex = std::numeric_limits<uint32_t>::max();
  std::optional<LinkVertex> SearchVertexOf(uint32_t key) const;  // for sparse keys

  std::vector<uint32_t> keys_;       // vertex -> entity key, ascending
  std::vector<uint32_t> vertex_of_;  // key -> vertex when keys are dense (else empty: binary search)
  std::vector<LinkArc> links_;       // sorted by (from, to)
  LinkCsr csr_;
};

// A saved view (LinkGraph::Save) read in place from a memory mapping: only the pages a walk
// touches are read, so a question about one neighbourhood costs that neighbourhood, not the
// whole file. Every index is checked as it is followed, so a damaged file gives kCorruption or
// an entity not found, never a read outside the file; `geokg verify` checks the rest. Movable,
// not copyable; read-only, safe to share between threads.
class MappedLinkGraph {
 public:
  // The view saved at `path`, mapped, and its tag. kNotFound: no file; kCorruption: not a view
  // of this format, or cut short.
  static Result<MappedLinkGraph> Open(const std::filesystem::path& path, uint64_t* tag);
  MappedLinkGraph(MappedLinkGraph&& other) noexcept;
  MappedLinkGraph& operator=(MappedLinkGraph&& other) noexcept;
  MappedLinkGraph(const MappedLinkGraph&) = delete;
  MappedLinkGraph& operator=(const MappedLinkGraph&) = delete;
  ~MappedLinkGraph();

  // As LinkGraph's.
  std::optional<LinkVertex> VertexOf(uint32_t key) const;
  uint32_t KeyOf(LinkVertex v) const { return keys_[v]; }  // REQUIRES: v < vertex_count()
  size_t vertex_count() const { return vertices_; }
  size_t arc_count() const { return arcs_; }
  // The number of arcs of `v` (its distinct partners). kCorruption as ForEachArc.
  Result<uint32_t> ArcCount(LinkVertex v) const {
    if (v >= vertices_ || row_start_[v] > row_start_[v + 1] || row_start_[v + 1] > arcs_) return Damaged();
    return row_start_[v + 1] - row_start_[v];
  }
  // Calls visit(target vertex, arc property) for each arc of `v` in order. kCorruption when its
  // row lies outside the arcs or an arc's target outside the vertices.
  template <class Visit>
  Status ForEachArc(LinkVertex v, Visit&& visit) const {
    if (v >= vertices_) return Damaged();
    const uint32_t first = row_start_[v], last = row_start_[v + 1];
    if (first > last || last > arcs_) return Damaged();
    for (uint32_t a = first; a < last; ++a) {
      if (column_[a] >= vertices_) return Damaged();
      visit(column_[a], properties_[a]);
    }
    return Status();
  }

 private:
  MappedLinkGraph() = default;
  Status Damaged() const;

  void* mapping_ = nullptr;
  size_t size_ = 0;
  std::filesystem::path path_;
  size_t vertices_ = 0, arcs_ = 0, vertex_of_size_ = 0;
  const uint32_t* keys_ = nullptr;
  const uint32_t* vertex_of_ = nullptr;
  const uint32_t* row_start_ = nullptr;
  const uint32_t* column_ = nullptr;
  const ArcProperty* properties_ = nullptr;
};

}  // namespace geokg
