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
  uint32_t weight = 0;     // how many facts join the pair
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
  static Result<LinkGraph> Load(const std::filesystem::path& path, uint64_t* tag);
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
  std::optional<LinkVertex> VertexOf(uint32_t key) const {
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
  std::vector<LinkArc> links_;  // sorted by (from, to)
  LinkCsr csr_;
};

}  // namespace geokg
