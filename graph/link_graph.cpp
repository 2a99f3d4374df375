#include "graph/link_graph.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <tuple>
#include <utility>

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
    BucketSort(
        &links, n, [&](const LinkArc& l) { return *g.VertexOf(l.from); }, by_to);
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
      const LinkArc& fact = g.links_[arc->second];
      const uint32_t relation = 1u << static_cast<unsigned>(fact.relation);
      const uint16_t forward = !fact.one_way || fact.from == g.keys_[u];
      if (arc != first && arc->first == (arc - 1)->first) {
        ++properties.back().weight;
        properties.back().forward += forward;
        properties.back().relations |= relation;
      } else {
        sources.push_back(u);
        targets.push_back(arc->first);
        properties.push_back({arc->second, 1, forward, relation});
      }
    }
  }
  rows = {};
  g.csr_ = LinkCsr(boost::construct_inplace_from_sources_and_targets, sources, targets, properties,
                   static_cast<uint32_t>(n));
  return g;
}

std::optional<LinkVertex> LinkGraph::SearchVertexOf(uint32_t key) const {
  auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
  if (it == keys_.end() || *it != key) return std::nullopt;
  return static_cast<LinkVertex>(it - keys_.begin());
}

namespace {

static_assert(static_cast<size_t>(Relation::kOther) < 32, "ArcProperty::relations has a bit per relation");
static_assert(sizeof(LinkArc) == 24 && sizeof(ArcProperty) == 12, "the saved layout is the in-memory one");

// The saved view: this header, then keys, vertex_of, links, row starts, arc targets and arc
// properties, each an array in this machine's layout.
struct SavedHeader {
  char magic[8] = {'g', 'e', 'o', 'k', 'g', 'L', 'V', '\0'};
  uint32_t byte_order = 0x01020304;  // a file from a machine of the other byte order is refused
  uint32_t version = 2;              // 2: ArcProperty::forward
  uint64_t tag = 0;
  uint64_t keys = 0, vertex_of = 0, links = 0, arcs = 0;
  uint64_t reserved = 0;

  uint64_t FileSize() const {
    return sizeof(SavedHeader) + (keys + vertex_of + keys + 1 + arcs) * sizeof(uint32_t) + links * sizeof(LinkArc) +
           arcs * sizeof(ArcProperty);
  }
  bool Valid() const {
    const SavedHeader expected;
    return std::memcmp(magic, expected.magic, sizeof magic) == 0 && byte_order == expected.byte_order &&
           version == expected.version && keys < kNoKeyLimit && links < kNoKeyLimit && arcs < kNoKeyLimit;
  }
  static constexpr uint64_t kNoKeyLimit = std::numeric_limits<uint32_t>::max();
};

Status Errno(const std::filesystem::path& path, const std::string& doing) {
  return Status::IOError(path.string() + ": cannot " + doing + ": " + std::strerror(errno));
}

// An open file descriptor, closed when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Moves `size` bytes between `fd` and `p` with `io` (::read or ::write), through short
// transfers and interruptions.
template <class Char, class Io>
bool Transfer(int fd, Char* p, size_t size, Io io) {
  while (size > 0) {
    const ssize_t n = io(fd, p, std::min<size_t>(size, size_t{1} << 30));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool WriteAll(int fd, const void* data, size_t size) {
  return Transfer(fd, static_cast<const char*>(data), size, ::write);
}
bool ReadAll(int fd, void* data, size_t size) { return Transfer(fd, static_cast<char*>(data), size, ::read); }

template <class T>
bool WriteVector(int fd, const std::vector<T>& v) {
  return WriteAll(fd, v.data(), v.size() * sizeof(T));
}

template <class T>
bool ReadVector(int fd, std::vector<T>* v, uint64_t size) {
  v->resize(size);
  return ReadAll(fd, v->data(), size * sizeof(T));
}

Result<SavedHeader> ReadHeader(int fd, const std::filesystem::path& path) {
  SavedHeader header;
  if (!ReadAll(fd, &header, sizeof header) || !header.Valid())
    return Status::Corruption(path.string() + ": not a saved link view of this geokg");
  return header;
}

// The header of a file whose size is the one the header gives: nothing cut short.
Result<SavedHeader> ReadWholeHeader(int fd, const std::filesystem::path& path) {
  auto header = ReadHeader(fd, path);
  if (!header.ok()) return header.status();
  struct stat st {};
  if (::fstat(fd, &st) != 0) return Errno(path, "stat");
  if (static_cast<uint64_t>(st.st_size) != header.value().FileSize())
    return Status::Corruption(path.string() + ": the saved link view is damaged (its size disagrees with its header)");
  return header;
}

}  // namespace

Status LinkGraph::Save(const std::filesystem::path& path, uint64_t tag) const {
  const std::filesystem::path temporary = path.string() + ".tmp-" + std::to_string(::getpid());
  SavedHeader header;
  header.tag = tag;
  header.keys = keys_.size();
  header.vertex_of = vertex_of_.size();
  header.links = links_.size();
  header.arcs = csr_.m_forward.m_column.size();
  {
    const Fd fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (fd.get() < 0) return Errno(temporary, "create");
    // Boost's CSR keeps its arrays in public members: they are written (and read) as they are.
    const bool written = WriteAll(fd.get(), &header, sizeof header) && WriteVector(fd.get(), keys_) &&
                         WriteVector(fd.get(), vertex_of_) && WriteVector(fd.get(), links_) &&
                         WriteVector(fd.get(), csr_.m_forward.m_rowstart) &&
                         WriteVector(fd.get(), csr_.m_forward.m_column) &&
                         WriteVector(fd.get(), csr_.m_forward.m_edge_properties) && ::fsync(fd.get()) == 0;
    if (!written) {
      const Status failed = Errno(temporary, "write");
      std::filesystem::remove(temporary);
      return failed;
    }
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const Status failed = Errno(path, "rename " + temporary.string() + " to");
    std::filesystem::remove(temporary);
    return failed;
  }
  // The rename itself reaches the disk with the directory.
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const Fd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir_fd.get() < 0 || ::fsync(dir_fd.get()) != 0) return Errno(dir, "sync");
  return Status();
}

Result<uint64_t> LinkGraph::SavedTag(const std::filesystem::path& path) {
  const Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0)
    return errno == ENOENT ? Status::NotFound(path.string() + ": no saved link view") : Errno(path, "open");
  auto header = ReadHeader(fd.get(), path);
  if (!header.ok()) return header.status();
  return header.value().tag;
}

Result<LinkGraph> LinkGraph::Load(const std::filesystem::path& path, uint64_t* tag, bool with_links) {
  const Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0)
    return errno == ENOENT ? Status::NotFound(path.string() + ": no saved link view") : Errno(path, "open");
  auto read_header = ReadWholeHeader(fd.get(), path);
  if (!read_header.ok()) return read_header.status();
  const SavedHeader& h = read_header.value();
  const auto damaged = [&](const std::string& what) {
    return Status::Corruption(path.string() + ": the saved link view is damaged (" + what + ")");
  };
  LinkGraph g;
  auto& rowstart = g.csr_.m_forward.m_rowstart;
  auto& column = g.csr_.m_forward.m_column;
  auto& properties = g.csr_.m_forward.m_edge_properties;
  const bool read = ReadVector(fd.get(), &g.keys_, h.keys) && ReadVector(fd.get(), &g.vertex_of_, h.vertex_of) &&
                    (with_links ? ReadVector(fd.get(), &g.links_, h.links)
                                : ::lseek(fd.get(), static_cast<off_t>(h.links * sizeof(LinkArc)), SEEK_CUR) >= 0);
  if (!read || !ReadVector(fd.get(), &rowstart, h.keys + 1) || !ReadVector(fd.get(), &column, h.arcs) ||
      !ReadVector(fd.get(), &properties, h.arcs))
    return Errno(path, "read");
  // Every index is checked before anything follows it.
  const uint32_t n = static_cast<uint32_t>(h.keys);
  for (uint32_t v = 1; v < n; ++v)
    if (g.keys_[v - 1] >= g.keys_[v]) return damaged("keys out of order");
  if (!g.vertex_of_.empty()) {
    size_t mapped = 0;
    for (uint32_t key = 0; key < g.vertex_of_.size(); ++key) {
      const uint32_t v = g.vertex_of_[key];
      if (v == kNoVertex) continue;
      if (v >= n || g.keys_[v] != key) return damaged("a key maps to another vertex");
      ++mapped;
    }
    if (mapped != n) return damaged("a vertex has no key");
  }
  const LinkArc* previous = nullptr;
  for (const LinkArc& l : g.links_) {
    unsigned char one_way = 0;
    std::memcpy(&one_way, &l.one_way, 1);
    if (one_way > 1 || static_cast<size_t>(l.relation) >= AllRelations().size() ||
        static_cast<unsigned>(l.modality) > static_cast<unsigned>(Modality::kNegated) || !g.VertexOf(l.from) ||
        !g.VertexOf(l.to))
      return damaged("a fact with an unknown entity, relation or modality");
    if (previous && std::tie(previous->from, previous->to) > std::tie(l.from, l.to))
      return damaged("facts out of order");
    previous = &l;
  }
  if (rowstart[0] != 0 || rowstart[n] != h.arcs) return damaged("row bounds");
  for (uint32_t v = 0; v < n; ++v)
    if (rowstart[v] > rowstart[v + 1]) return damaged("row bounds");
  for (uint64_t a = 0; a < h.arcs; ++a)
    if (column[a] >= n || properties[a].link >= h.links || properties[a].weight == 0 ||
        properties[a].forward > properties[a].weight)
      return damaged("an arc outside the graph");
  *tag = h.tag;
  return g;
}

Status LinkGraph::Retag(const std::filesystem::path& path, uint64_t from, uint64_t to) {
  const Fd fd(::open(path.c_str(), O_RDWR | O_CLOEXEC));
  if (fd.get() < 0)
    return errno == ENOENT ? Status::NotFound(path.string() + ": no saved link view") : Errno(path, "open");
  auto header = ReadHeader(fd.get(), path);
  if (!header.ok()) return header.status();
  if (header.value().tag != from) return Status::NotFound(path.string() + ": the saved link view is of another state");
  if (::pwrite(fd.get(), &to, sizeof to, offsetof(SavedHeader, tag)) != sizeof to || ::fsync(fd.get()) != 0)
    return Errno(path, "write");
  return Status();
}

Result<MappedLinkGraph> MappedLinkGraph::Open(const std::filesystem::path& path, uint64_t* tag) {
  const Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0)
    return errno == ENOENT ? Status::NotFound(path.string() + ": no saved link view") : Errno(path, "open");
  auto read_header = ReadWholeHeader(fd.get(), path);
  if (!read_header.ok()) return read_header.status();
  const SavedHeader& h = read_header.value();
  MappedLinkGraph g;
  g.size_ = static_cast<size_t>(h.FileSize());
  g.mapping_ = ::mmap(nullptr, g.size_, PROT_READ, MAP_SHARED, fd.get(), 0);
  if (g.mapping_ == MAP_FAILED) {
    g.mapping_ = nullptr;
    return Errno(path, "map");
  }
  g.path_ = path;
  g.vertices_ = h.keys;
  g.arcs_ = h.arcs;
  g.vertex_of_size_ = h.vertex_of;
  const char* at = static_cast<const char*>(g.mapping_) + sizeof(SavedHeader);
  auto take = [&at](size_t bytes) {
    const char* here = at;
    at += bytes;
    return here;
  };
  // The sections' offsets are multiples of 4 (each holds 4-byte words), so these are aligned.
  g.keys_ = reinterpret_cast<const uint32_t*>(take(h.keys * sizeof(uint32_t)));
  g.vertex_of_ = reinterpret_cast<const uint32_t*>(take(h.vertex_of * sizeof(uint32_t)));
  take(h.links * sizeof(LinkArc));
  g.row_start_ = reinterpret_cast<const uint32_t*>(take((h.keys + 1) * sizeof(uint32_t)));
  g.column_ = reinterpret_cast<const uint32_t*>(take(h.arcs * sizeof(uint32_t)));
  g.properties_ = reinterpret_cast<const ArcProperty*>(take(h.arcs * sizeof(ArcProperty)));
  *tag = h.tag;
  return g;
}

MappedLinkGraph::MappedLinkGraph(MappedLinkGraph&& other) noexcept { *this = std::move(other); }

MappedLinkGraph& MappedLinkGraph::operator=(MappedLinkGraph&& other) noexcept {
  if (this != &other) {
    if (mapping_) ::munmap(mapping_, size_);
    mapping_ = std::exchange(other.mapping_, nullptr);
    size_ = other.size_;
    path_ = std::move(other.path_);
    vertices_ = other.vertices_;
    arcs_ = other.arcs_;
    vertex_of_size_ = other.vertex_of_size_;
    keys_ = other.keys_;
    vertex_of_ = other.vertex_of_;
    row_start_ = other.row_start_;
    column_ = other.column_;
    properties_ = other.properties_;
  }
  return *this;
}

MappedLinkGraph::~MappedLinkGraph() {
  if (mapping_) ::munmap(mapping_, size_);
}

std::optional<LinkVertex> MappedLinkGraph::VertexOf(uint32_t key) const {
  std::optional<LinkVertex> v;
  if (vertex_of_size_ > 0) {
    if (key < vertex_of_size_ && vertex_of_[key] != std::numeric_limits<uint32_t>::max()) v = vertex_of_[key];
  } else {
    const uint32_t* found = std::lower_bound(keys_, keys_ + vertices_, key);
    if (found != keys_ + vertices_) v = static_cast<LinkVertex>(found - keys_);
  }
  // Followed only when it leads back to the key.
  if (!v || *v >= vertices_ || keys_[*v] != key) return std::nullopt;
  return v;
}

Status MappedLinkGraph::Damaged() const {
  return Status::Corruption(path_.string() + ": the saved link view is damaged (an arc outside the graph)");
}

bool operator==(const LinkGraph& a, const LinkGraph& b) {
  const auto& x = a.csr_.m_forward;
  const auto& y = b.csr_.m_forward;
  return a.keys_ == b.keys_ && a.vertex_of_ == b.vertex_of_ && a.links_ == b.links_ && x.m_rowstart == y.m_rowstart &&
         x.m_column == y.m_column && x.m_edge_properties == y.m_edge_properties;
}

size_t LinkGraph::MemoryBytes() const {
  const size_t arcs = boost::num_edges(csr_);
  return keys_.capacity() * sizeof(uint32_t) + vertex_of_.capacity() * sizeof(uint32_t) +
         links_.capacity() * sizeof(LinkArc) + (keys_.size() + 1) * sizeof(uint32_t) +
         arcs * (sizeof(uint32_t) + sizeof(ArcProperty));
}

}  // namespace geokg
