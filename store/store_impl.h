// store/store_impl.h -- internal: what the store's three parts share. store.cpp opens, closes
// and reads, transaction.cpp writes (one WriteBatch per document or merge), verify.cpp checks
// the invariants; all three reach RocksDB through Store::Impl and the family layout below.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <rocksdb/db.h>

#include "store/link_view.h"
#include "store/store.h"
#include "store/value_codec.h"

namespace geokg::store {
namespace internal {

// Column families, in handle order.
enum Family : size_t { kDefault, kMeta, kDocs, kEntities, kNames, kFacts, kSpo, kPos, kOsp, kEvidence, kFamilies };
constexpr const char* kFamilyNames[kFamilies] = {"default", "meta", "docs", "entities", "names",
                                                 "facts",   "spo",  "pos",  "osp",      "evidence"};

// The counters kept in `meta`, updated in the same batch as the rows they count.
enum CounterId : size_t { kNextEntity, kNextFact, kNextDoc, kDocuments, kEntities_, kFacts_, kEvidence_, kCounters };
constexpr const char* kCounterNames[kCounters] = {"next_entity",    "next_fact",   "next_doc",      "count_documents",
                                                  "count_entities", "count_facts", "count_evidence"};
using Counters = std::array<uint64_t, kCounters>;

// The store's error for RocksDB's status `s` on the store at `path` (OK stays OK).
Status FromRocks(const rocksdb::Status& s, const std::filesystem::path& path);

// Fixed-width big-endian keys of ids (key_codec.h's encoding).
std::string U64Key(uint64_t v);
std::string U32Key(uint32_t v);

// Merge records live in `meta` under "merge", a 0 byte and the merged entity's id (schema 5).
inline constexpr std::string_view kMergePrefix("merge\0", 6);

// The normalised names that are an entity's own: its name, aliases and code (not a person's:
// that is the CAMEO code of their role, `USAGOV`, which many share). A merge maps these.
std::set<std::string> OwnNames(const Entity& e);

// The smallest key greater than every key starting with `prefix` ("" when there is none).
std::string Successor(std::string prefix);

}  // namespace internal

class Store::Impl {
 public:
  using Family = internal::Family;

  Impl(std::filesystem::path path, std::unique_ptr<rocksdb::Env> env, std::unique_ptr<rocksdb::DB> db,
       std::vector<rocksdb::ColumnFamilyHandle*> handles, bool read_only)
      : path_(std::move(path)),
        env_(std::move(env)),
        db_(std::move(db)),
        handles_(std::move(handles)),
        read_only_(read_only) {}
  ~Impl() { (void)Close(); }

  // `after_flush` runs once a writer's memtables are in table files, the store still open.
  Status Close(const std::function<void()>& after_flush = nullptr);

  rocksdb::ColumnFamilyHandle* cf(Family f) const { return handles_[f]; }
  rocksdb::DB* db() const { return db_.get(); }
  const std::filesystem::path& path() const { return path_; }
  bool read_only() const { return read_only_; }

  // The value at `key` of family `f`, or nullopt.
  Result<std::optional<std::string>> Get(Family f, std::string_view key) const;

  // Calls visit(key, value) for each key of `f` starting with `prefix`; stops when it returns
  // false. The upper bound lets RocksDB use the prefix filters whenever the prefix is long enough.
  template <class Visit>
  Status Scan(Family f, std::string_view prefix, Visit&& visit, const rocksdb::Snapshot* snapshot = nullptr) const {
    rocksdb::ReadOptions options;
    options.snapshot = snapshot;
    const std::string bound = internal::Successor(std::string(prefix));
    rocksdb::Slice upper(bound);
    if (!bound.empty()) {
      options.iterate_upper_bound = &upper;
      options.auto_prefix_mode = true;
    } else {
      options.total_order_seek = true;
    }
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(options, cf(f)));
    for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size())); it->Valid(); it->Next()) {
      const rocksdb::Slice key = it->key(), value = it->value();
      if (!key.starts_with(rocksdb::Slice(prefix.data(), prefix.size()))) break;
      if (!visit(std::string_view(key.data(), key.size()), std::string_view(value.data(), value.size()))) break;
    }
    return internal::FromRocks(it->status(), path_);
  }

  // Reads `keys` of `f`, ascending, in one MultiGet (each block they share is read once) and
  // calls visit(i, value of keys[i]) in order, the value nullopt for a missing key and valid
  // only during the call; stops at, and returns, the first non-OK status `visit` returns.
  template <class Visit>
  Status MultiGetSorted(Family f, const std::vector<std::string>& keys, Visit&& visit) const {
    std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
    std::vector<rocksdb::PinnableSlice> values(keys.size());
    std::vector<rocksdb::Status> statuses(keys.size());
    db_->MultiGet(rocksdb::ReadOptions(), cf(f), keys.size(), slices.data(), values.data(), statuses.data(),
                  /*sorted_input=*/true);
    for (size_t i = 0; i < keys.size(); ++i) {
      std::optional<std::string_view> value;
      if (!statuses[i].IsNotFound()) {
        GEOKG_RETURN_IF_ERROR(internal::FromRocks(statuses[i], path_));
        value.emplace(values[i].data(), values[i].size());
      }
      GEOKG_RETURN_IF_ERROR(visit(i, value));
    }
    return Status();
  }

  // The counters as stored in `meta` (0 when absent); kCorruption when one is unreadable.
  Result<internal::Counters> ReadCounters() const;

  // The writer's state, used only by the thread that writes (store.h: one writer at a time).
  internal::Counters counters{};
  bool wrote = false;  // a batch was written since the open
  // The first failed write. RocksDB must not touch its log again after one (its writer aborts
  // the process if asked to), so the store takes no more writes and closes without a flush.
  Status write_failure;
  std::string schema;        // the schema version as stored, once read; written back by Close
  uint64_t opened_at = 0;    // the writer's sequence number at open
  LinkChanges link_changes;  // facts created and deleted since, for the link view
  std::unordered_map<std::string, EntityId> entity_cache;  // normalised name, 0, type -> entity
  std::unordered_map<std::string, FactId> fact_cache;      // spo prefix (s, r, o, m) -> fact
  // The names of merged entities -> (the merged entity's type, where its names lead now), in
  // merged id order: read at open and after each merge.
  std::unordered_map<std::string, std::vector<std::pair<EntityType, EntityId>>> merged_names;

 private:
  // A writer leaves its memtables in table files, not only in the write-ahead log: the next
  // reader would otherwise replay the whole log into memory before answering anything (seconds
  // per 100 MB; docs/STORE.md, "Opening"). On failure the log still holds them.
  rocksdb::Status FlushAll();

  std::filesystem::path path_;
  std::unique_ptr<rocksdb::Env> env_;  // null: the default; outlives db_
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  bool read_only_;
};

namespace internal {

// The stored value of document `doc_id`, or nullopt; kCorruption when it is unreadable.
Result<std::optional<DocValue>> LoadDocument(const Store::Impl& impl, const std::string& doc_id);

// Every merge record (as of `snapshot`), with where each one's names lead now: 0 when its
// chain of merges never ends in an entity (a cycle, which only damage can make).
Result<std::vector<MergeRecord>> ReadMerges(const Store::Impl& impl, const rocksdb::Snapshot* snapshot = nullptr);

// Reads the merge records into the writer's merged_names: at open and after each merge or undo.
Status LoadMergedNames(Store::Impl& impl);

}  // namespace internal
}  // namespace geokg::store
