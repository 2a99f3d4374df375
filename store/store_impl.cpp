#include "store/store_impl.h"

#include "store/key_codec.h"

namespace geokg::store {
namespace fs = std::filesystem;
namespace internal {

Status FromRocks(const rocksdb::Status& s, const fs::path& path) {
  if (s.ok()) return Status();
  const std::string where = path.string() + ": ";
  if (s.IsIOError() && s.ToString().find("lock") != std::string::npos)
    return Status::Busy(where + "store is in use by another process");
  if (s.IsNoSpace() || s.ToString().find("No space left") != std::string::npos)
    return Status::NoSpace(where + "disk full: " + s.ToString());
  if (s.IsCorruption()) return Status::Corruption(where + "store is corrupt: " + s.ToString());
  if (s.IsNotFound()) return Status::NotFound(where + s.ToString());
  return Status::IOError(where + s.ToString());
}

std::string U64Key(uint64_t v) {
  std::string k;
  AppendU64(&k, v);
  return k;
}

std::string U32Key(uint32_t v) {
  std::string k;
  AppendU32(&k, v);
  return k;
}

std::set<std::string> OwnNames(const Entity& e) {
  std::set<std::string> names = {NormalizeName(e.name)};
  for (const std::string& a : e.aliases) names.insert(NormalizeName(a));
  if (!e.code.empty() && e.type != EntityType::kPerson) names.insert(NormalizeName(e.code));
  names.erase("");
  return names;
}

std::string Successor(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF) prefix.pop_back();
  if (!prefix.empty()) prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
  return prefix;
}

Result<std::optional<DocValue>> LoadDocument(const Store::Impl& impl, const std::string& doc_id) {
  auto value = impl.Get(kDocs, doc_id);
  if (!value.ok()) return value.status();
  if (!value.value()) return std::optional<DocValue>();
  std::optional<DocValue> doc = DecodeDoc(*value.value());
  if (!doc) return Status::Corruption(impl.path().string() + ": document \"" + doc_id + "\" is unreadable");
  return doc;
}

// Every merge record (as of `snapshot`), with where each one's names lead now: 0 when its
// chain of merges never ends in an entity (a cycle, which only damage can make).
Result<std::vector<MergeRecord>> ReadMerges(const Store::Impl& impl, const rocksdb::Snapshot* snapshot) {
  std::vector<MergeRecord> out;
  Status bad;
  GEOKG_RETURN_IF_ERROR(impl.Scan(
      kMeta, kMergePrefix,
      [&](std::string_view key, std::string_view value) {
        std::optional<MergeValue> v = key.size() == kMergePrefix.size() + 4 ? DecodeMerge(value) : std::nullopt;
        if (!v) {
          bad = Status::Corruption(impl.path().string() + ": a merge record is unreadable");
          return false;
        }
        out.push_back({ReadU32(key, kMergePrefix.size()), std::move(v->merged), v->into, 0, std::move(v->when)});
        return true;
      },
      snapshot));
  GEOKG_RETURN_IF_ERROR(bad);
  std::unordered_map<EntityId, EntityId> into;
  for (const MergeRecord& m : out) into[m.merged_id] = m.into;
  for (MergeRecord& m : out) {
    EntityId at = m.into;
    for (size_t steps = 0; at != 0 && into.count(at); ++steps) at = steps < out.size() ? into[at] : 0;
    m.now_in = at;
  }
  return out;
}

Status LoadMergedNames(Store::Impl& impl) {
  auto merges = ReadMerges(impl);
  if (!merges.ok()) return merges.status();
  impl.merged_names.clear();
  for (const MergeRecord& m : merges.value())
    if (m.now_in != 0)
      for (const std::string& n : OwnNames(m.merged)) impl.merged_names[n].emplace_back(m.merged.type, m.now_in);
  return Status();
}

}  // namespace internal

using namespace internal;

Status Store::Impl::Close(const std::function<void()>& after_flush) {
  if (!db_) return Status();
  // After a failed write nothing more is written (see write_failure): the log keeps the rest.
  Status result = write_failure;
  if (!read_only_ && result.ok()) result = FromRocks(FlushAll(), path_);
  if (!read_only_ && result.ok() && after_flush) after_flush();
  for (auto* h : handles_) (void)db_->DestroyColumnFamilyHandle(h);
  handles_.clear();
  const rocksdb::Status closed = db_->Close();
  db_.reset();
  return result.ok() ? FromRocks(closed, path_) : result;
}

Result<std::optional<std::string>> Store::Impl::Get(Family f, std::string_view key) const {
  std::string value;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), cf(f), rocksdb::Slice(key.data(), key.size()), &value);
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return FromRocks(s, path_);
  return std::optional<std::string>(std::move(value));
}

Result<Counters> Store::Impl::ReadCounters() const {
  Counters c{};
  for (size_t i = 0; i < kCounters; ++i) {
    auto v = Get(kMeta, kCounterNames[i]);
    if (!v.ok()) return v.status();
    if (v.value() && v.value()->size() != 8)
      return Status::Corruption(path_.string() + ": counter " + kCounterNames[i] + " is unreadable");
    c[i] = v.value() ? ReadU64(*v.value(), 0) : 0;
  }
  return c;
}

rocksdb::Status Store::Impl::FlushAll() {
  // RocksDB drops a log only once a flush with data has moved every family past it, and each
  // open starts a new log: a writer that wrote nothing would leave one more empty log behind
  // per open, replayed by every later open. Rewriting the schema key (with the value read at
  // open) gives the flush its data.
  if (!schema.empty() && !wrote)
    if (rocksdb::Status s = db_->Put(rocksdb::WriteOptions(), cf(kMeta), "schema", schema); !s.ok()) return s;
  return db_->Flush(rocksdb::FlushOptions(), handles_);
}

}  // namespace geokg::store
