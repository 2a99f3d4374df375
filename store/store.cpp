#include "store/store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <tuple>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

#include "store/disk_budget.h"
#include "store/key_codec.h"
#include "store/link_view.h"
#include "store/value_codec.h"

namespace geokg::store {
namespace fs = std::filesystem;
using namespace internal;

namespace {

// Column families, in handle order.
enum Family : size_t { kDefault, kMeta, kDocs, kEntities, kNames, kFacts, kSpo, kPos, kOsp, kEvidence, kFamilies };
constexpr const char* kFamilyNames[kFamilies] = {"default", "meta", "docs", "entities", "names",
                                                 "facts",   "spo",  "pos",  "osp",      "evidence"};

// The counters kept in `meta`, updated in the same batch as the rows they count.
enum CounterId : size_t { kNextEntity, kNextFact, kNextDoc, kDocuments, kEntities_, kFacts_, kEvidence_, kCounters };
constexpr const char* kCounterNames[kCounters] = {"next_entity", "next_fact",  "next_doc",      "count_documents",
                                                  "count_entities", "count_facts", "count_evidence"};
using Counters = std::array<uint64_t, kCounters>;

// Entries each writer cache may hold before it is emptied: keeps memory bounded on any corpus
// (about 10 MB each when full; docs/STORE.md, "Tuning").
constexpr size_t kMaxCached = size_t{1} << 17;

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

uint64_t Fnv1a(std::string_view a, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : a) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// Names keys are "normalised name \0 entity id": their prefix is the name with its 0 byte, so
// the bloom filter answers "is there an entity called this?" without reading a block.
class NamePrefix : public rocksdb::SliceTransform {
 public:
  const char* Name() const override { return "geokg.NamePrefix"; }
  rocksdb::Slice Transform(const rocksdb::Slice& key) const override {
    const void* zero = std::memchr(key.data(), '\0', key.size());
    return rocksdb::Slice(key.data(), static_cast<const char*>(zero) - key.data() + 1);
  }
  bool InDomain(const rocksdb::Slice& key) const override { return std::memchr(key.data(), '\0', key.size()); }
};

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

// Merge records live in `meta` under "merge", a 0 byte and the merged entity's id (schema 5).
constexpr std::string_view kMergePrefix("merge\0", 6);

std::string MergeKey(uint32_t merged) {
  std::string k(kMergePrefix);
  AppendU32(&k, merged);
  return k;
}

// The normalised names that are an entity's own: its name, aliases and code (not a person's:
// that is the CAMEO code of their role, `USAGOV`, which many share). A merge maps these.
std::set<std::string> OwnNames(const Entity& e) {
  std::set<std::string> names = {NormalizeName(e.name)};
  for (const std::string& a : e.aliases) names.insert(NormalizeName(a));
  if (!e.code.empty() && e.type != EntityType::kPerson) names.insert(NormalizeName(e.code));
  names.erase("");
  return names;
}

// Every normalised name `e` may be asked for by: its own, and for a person the first and last
// word ("Lee" for "Lee Jae-myung").
std::set<std::string> NamesOf(const Entity& e) {
  std::set<std::string> names = OwnNames(e);
  if (e.type == EntityType::kPerson) {
    const size_t space = e.name.rfind(' ');
    if (space != std::string::npos) {
      names.insert(NormalizeName(e.name.substr(space + 1)));
      names.insert(NormalizeName(e.name.substr(0, e.name.find(' '))));
    }
  }
  names.erase("");
  return names;
}

// The smallest key greater than every key starting with `prefix` ("" when there is none).
std::string Successor(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF) prefix.pop_back();
  if (!prefix.empty()) prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
  return prefix;
}

Fact ToFact(FactId id, const FactValue& v) {
  const bool event = !v.first_time.empty();
  const TimeSource source = event ? TimeSource::kEvent : v.first_reported.empty() ? TimeSource::kNone : TimeSource::kReport;
  return {id,
          v.subject,
          v.object,
          v.relation,
          v.modality,
          v.predicate,
          v.cameo,
          v.mentions,
          event ? v.first_time : v.first_reported,
          event ? v.last_time : v.last_reported,
          v.confidence,
          source,
          v.first_reported,
          v.last_reported};
}

// The per-family options of docs/STORE.md, "Tuning".
std::vector<rocksdb::ColumnFamilyDescriptor> FamilyDescriptors(const rocksdb::Options& base) {
  static const std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(64 << 20);
  std::vector<rocksdb::ColumnFamilyDescriptor> out;
  for (size_t f = 0; f < kFamilies; ++f) {
    rocksdb::ColumnFamilyOptions cf(base);
    rocksdb::BlockBasedTableOptions table;
    table.block_cache = cache;
    table.cache_index_and_filter_blocks = true;
    table.pin_l0_filter_and_index_blocks_in_cache = true;
    // Filters and indexes in 4 KB partitions: a probe reads one small partition, not a whole
    // file's filter, and they share the bounded cache (docs/STORE.md, "Tuning").
    table.index_type = rocksdb::BlockBasedTableOptions::kTwoLevelIndexSearch;
    table.partition_filters = true;
    table.metadata_block_size = 4096;
    table.pin_top_level_index_and_filter = true;
    switch (f) {
      case kDocs:
        table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
        break;
      case kNames:
        table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
        cf.prefix_extractor = std::make_shared<NamePrefix>();
        cf.memtable_prefix_bloom_size_ratio = 0.05;
        break;
      case kSpo:  // subject, relation, object, modality: the ingest probe for an existing fact
        table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
        table.whole_key_filtering = false;
        cf.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(10));
        cf.memtable_prefix_bloom_size_ratio = 0.05;
        break;
      case kPos:  // relation, object
        cf.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(5));
        break;
      case kOsp:  // object
        cf.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(4));
        break;
      case kEvidence:  // fact id
        cf.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(8));
        break;
      default:
        break;
    }
    const bool large = f == kEvidence || f == kDocs || f == kFacts;
    cf.write_buffer_size = large ? (32 << 20) : (8 << 20);
    cf.max_write_buffer_number = 2;
    cf.compression = rocksdb::kLZ4Compression;
    cf.bottommost_compression = rocksdb::kZSTD;
    cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
    out.emplace_back(kFamilyNames[f], cf);
  }
  return out;
}

}  // namespace

class Store::Impl {
 public:
  Impl(fs::path path, std::unique_ptr<rocksdb::Env> env, std::unique_ptr<rocksdb::DB> db,
       std::vector<rocksdb::ColumnFamilyHandle*> handles, bool read_only)
      : path_(std::move(path)), env_(std::move(env)), db_(std::move(db)), handles_(std::move(handles)),
        read_only_(read_only) {}
  ~Impl() { (void)Close(); }

  // `after_flush` runs once a writer's memtables are in table files, the store still open.
  Status Close(const std::function<void()>& after_flush = nullptr) {
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

  rocksdb::ColumnFamilyHandle* cf(Family f) const { return handles_[f]; }
  rocksdb::DB* db() const { return db_.get(); }
  const fs::path& path() const { return path_; }
  bool read_only() const { return read_only_; }

  // The value at `key` of family `f`, or nullopt.
  Result<std::optional<std::string>> Get(Family f, std::string_view key) const {
    std::string value;
    rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), cf(f), rocksdb::Slice(key.data(), key.size()), &value);
    if (s.IsNotFound()) return std::optional<std::string>();
    if (!s.ok()) return FromRocks(s, path_);
    return std::optional<std::string>(std::move(value));
  }

  // Calls visit(key, value) for each key of `f` starting with `prefix`; stops when it returns
  // false. The upper bound lets RocksDB use the prefix filters whenever the prefix is long enough.
  template <class Visit>
  Status Scan(Family f, std::string_view prefix, Visit&& visit, const rocksdb::Snapshot* snapshot = nullptr) const {
    rocksdb::ReadOptions options;
    options.snapshot = snapshot;
    const std::string bound = Successor(std::string(prefix));
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
    return FromRocks(it->status(), path_);
  }

  Result<Counters> ReadCounters() const {
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

  // The writer's state, used only by the thread that writes (store.h: one writer at a time).
  Counters counters{};
  bool wrote = false;  // a batch was written since the open
  // The first failed write. RocksDB must not touch its log again after one (its writer aborts
  // the process if asked to), so the store takes no more writes and closes without a flush.
  Status write_failure;
  std::string schema;  // the schema version as stored, once read; written back by Close
  uint64_t opened_at = 0;     // the writer's sequence number at open
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
  rocksdb::Status FlushAll() {
    // RocksDB drops a log only once a flush with data has moved every family past it, and each
    // open starts a new log: a writer that wrote nothing would leave one more empty log behind
    // per open, replayed by every later open. Rewriting the schema key (with the value read at
    // open) gives the flush its data.
    if (!schema.empty() && !wrote)
      if (rocksdb::Status s = db_->Put(rocksdb::WriteOptions(), cf(kMeta), "schema", schema); !s.ok()) return s;
    return db_->Flush(rocksdb::FlushOptions(), handles_);
  }

  fs::path path_;
  std::unique_ptr<rocksdb::Env> env_;  // null: the default; outlives db_
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  bool read_only_;
};

namespace {

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
Result<std::vector<MergeRecord>> ReadMerges(const Store::Impl& impl, const rocksdb::Snapshot* snapshot = nullptr) {
  std::vector<MergeRecord> out;
  Status bad;
  GEOKG_RETURN_IF_ERROR(impl.Scan(kMeta, kMergePrefix, [&](std::string_view key, std::string_view value) {
    std::optional<MergeValue> v = key.size() == kMergePrefix.size() + 4 ? DecodeMerge(value) : std::nullopt;
    if (!v) {
      bad = Status::Corruption(impl.path().string() + ": a merge record is unreadable");
      return false;
    }
    out.push_back({ReadU32(key, kMergePrefix.size()), std::move(v->merged), v->into, 0, std::move(v->when)});
    return true;
  }, snapshot));
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

// Now, in UTC, ISO 8601 to the second.
std::string UtcNow() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

// One document's write: everything it adds or removes, staged in memory and written as one
// WriteBatch, so a crash leaves either all of it or none. Counters and caches reach the Impl
// only after the batch is written.
class Transaction {
 public:
  explicit Transaction(Store::Impl& impl) : impl_(impl), counters_(impl.counters) {}

  Result<EntityId> EntityFor(const Entity& e) {
    const std::string norm = NormalizeName(e.name);
    // An alias merges only within a type, so the type is part of the cache key.
    const std::string cache_key = norm + '\0' + static_cast<char>(e.type);
    if (auto it = pending_entities_.find(cache_key); it != pending_entities_.end()) return it->second;
    if (auto it = impl_.entity_cache.find(cache_key); it != impl_.entity_cache.end()) {
      GEOKG_RETURN_IF_ERROR(MergeAliases(it->second, e));
      return pending_entities_[cache_key] = it->second;
    }
    auto found = LookupEntity(norm, e.type);
    if (!found.ok()) return found.status();
    EntityId id;
    if (found.value()) {
      id = *found.value();
      GEOKG_RETURN_IF_ERROR(MergeAliases(id, e));
    } else {
      id = static_cast<EntityId>(++counters_[kNextEntity]);
      ++counters_[kEntities_];
      entities_[id] = e;
      changed_entities_.insert(id);
      for (const std::string& n : NamesOf(e)) batch_.Put(impl_.cf(kNames), NameKey(n, id), "");
    }
    return pending_entities_[cache_key] = id;
  }

  // The fact for (s, r, o, m), existing or new; symmetric relations keep the smaller id first.
  Result<FactId> FactFor(EntityId s, Relation r, EntityId o, Modality m, const Triple& t) {
    if (Info(r).symmetric && o < s) std::swap(s, o);
    IndexEntry entry{s, o, r, m, 0};
    const std::string prefix = SpoKey(entry).substr(0, 10);
    if (auto it = pending_facts_.find(prefix); it != pending_facts_.end()) return it->second;
    std::optional<FactId> existing;
    if (auto it = impl_.fact_cache.find(prefix); it != impl_.fact_cache.end()) {
      existing = it->second;
    } else {
      GEOKG_RETURN_IF_ERROR(impl_.Scan(kSpo, prefix, [&](std::string_view key, std::string_view) {
        if (auto e = DecodeSpo(key)) existing = e->fact;
        return false;
      }));
    }
    if (existing) {
      GEOKG_RETURN_IF_ERROR(LoadFact(*existing));
      return pending_facts_[prefix] = *existing;
    }
    entry.fact = ++counters_[kNextFact];
    ++counters_[kFacts_];
    FactValue f;
    f.subject = s;
    f.object = o;
    f.relation = r;
    f.modality = m;
    f.predicate = t.predicate;
    f.cameo = t.cameo;
    batch_.Put(impl_.cf(kSpo), SpoKey(entry), "");
    batch_.Put(impl_.cf(kPos), PosKey(entry), "");
    batch_.Put(impl_.cf(kOsp), OspKey(entry), "");
    new_links_.push_back({entry.fact, s, o, r, m});
    facts_[entry.fact] = std::move(f);
    return pending_facts_[prefix] = entry.fact;
  }

  // Removes the evidence rows a document added and recomputes the facts they touched.
  Status RemoveContribution(const DocValue& doc) {
    std::set<FactId> touched;
    for (const DocValue::Row& row : doc.rows) {
      const std::string key = EvidenceKey(row.fact, doc.number, row.sentence);
      batch_.Delete(impl_.cf(kEvidence), key);
      removed_evidence_.insert(key);
      touched.insert(row.fact);
    }
    for (FactId id : touched) {
      GEOKG_RETURN_IF_ERROR(LoadFact(id));
      FactValue& f = facts_.at(id);
      Unfold(&f);
      Status bad;
      GEOKG_RETURN_IF_ERROR(impl_.Scan(kEvidence, U64Key(id), [&](std::string_view key, std::string_view value) {
        if (removed_evidence_.count(std::string(key))) return true;
        auto e = DecodeEvidence(value);
        if (!e) {
          bad = Status::Corruption(impl_.path().string() + ": an evidence row of fact " + std::to_string(id) +
                                   " is unreadable");
          return false;
        }
        Fold(&f, e->time, e->date, e->confidence);
        return true;
      }));
      GEOKG_RETURN_IF_ERROR(bad);
    }
    return Status();
  }

  void AddEvidence(FactId id, uint32_t doc_number, const Triple& t, DocValue* doc) {
    const std::string key = EvidenceKey(id, doc_number, t.evidence.sentence);
    if (!added_evidence_.insert(key).second) return;  // the same fact twice in one sentence
    if (removed_evidence_.erase(key) == 0) ++counters_[kEvidence_];
    EvidenceValue v{t.evidence.doc, t.evidence.begin, t.evidence.end, t.confidence, t.predicate,
                    t.attribution,  t.time,           t.evidence.text,   t.time_text, doc->date};
    batch_.Put(impl_.cf(kEvidence), key, Encode(v));
    Fold(&facts_.at(id), t.time, doc->date, t.confidence);
    doc->rows.push_back({id, t.evidence.sentence});
  }

  // Writes the touched facts (deleting those left without evidence), entities and counters,
  // then publishes the new state to the writer's caches. With `undoable_merge`, the batch also
  // records how to take itself back (UndoValue).
  Status Commit(std::optional<EntityId> undoable_merge = std::nullopt) {
    counters_[kEvidence_] -= removed_evidence_.size();
    std::vector<std::string> dropped;
    for (auto& [id, f] : facts_) {
      if (f.mentions == 0) {
        const IndexEntry e{f.subject, f.object, f.relation, f.modality, id};
        batch_.Delete(impl_.cf(kFacts), U64Key(id));
        batch_.Delete(impl_.cf(kSpo), SpoKey(e));
        batch_.Delete(impl_.cf(kPos), PosKey(e));
        batch_.Delete(impl_.cf(kOsp), OspKey(e));
        dropped.push_back(SpoKey(e).substr(0, 10));
        dropped_facts_.push_back(id);
        --counters_[kFacts_];
      } else {
        batch_.Put(impl_.cf(kFacts), U64Key(id), Encode(f));
      }
    }
    for (EntityId id : changed_entities_) batch_.Put(impl_.cf(kEntities), U32Key(id), Encode(EntityValue{entities_.at(id)}));
    for (size_t i = 0; i < kCounters; ++i)
      if (counters_[i] != impl_.counters[i]) batch_.Put(impl_.cf(kMeta), kCounterNames[i], U64Key(counters_[i]));
    if (undoable_merge) GEOKG_RETURN_IF_ERROR(RecordUndo(*undoable_merge));
    if (Status written = FromRocks(impl_.db()->Write(rocksdb::WriteOptions(), &batch_), impl_.path()); !written.ok()) {
      impl_.write_failure = written;
      return written;
    }

    impl_.counters = counters_;
    impl_.wrote = true;
    impl_.link_changes.Count(new_links_, dropped_facts_, batch_.Count());
    if (relinked_) impl_.link_changes.complete = false;
    if (impl_.entity_cache.size() + pending_entities_.size() > kMaxCached) impl_.entity_cache.clear();
    impl_.entity_cache.insert(pending_entities_.begin(), pending_entities_.end());
    if (impl_.fact_cache.size() + pending_facts_.size() > kMaxCached) impl_.fact_cache.clear();
    for (auto& [prefix, id] : pending_facts_) impl_.fact_cache[prefix] = id;
    for (const std::string& prefix : dropped) impl_.fact_cache.erase(prefix);
    return Status();
  }

  // Makes entity `from` one with `into` (Store::MergeEntities) and records it; `report`
  // counts what changed.
  Status Merge(EntityId into, EntityId from, MergeReport* report) {
    auto merged = LoadEntity(from);
    if (!merged.ok()) return merged.status();
    report->merged = {from, *merged.value()};
    GEOKG_RETURN_IF_ERROR(TakeNames(into, from));
    GEOKG_RETURN_IF_ERROR(MoveFacts(into, from, report));
    batch_.Put(impl_.cf(kMeta), MergeKey(from), Encode(MergeValue{into, report->merged.entity, UtcNow()}));
    batch_.Put(impl_.cf(kMeta), "schema", std::to_string(kSchemaVersion));
    return Status();
  }

  uint32_t NewDocNumber() {
    ++counters_[kDocuments];
    return static_cast<uint32_t>(++counters_[kNextDoc]);
  }
  void ForgetDocument() { --counters_[kDocuments]; }
  rocksdb::WriteBatch& batch() { return batch_; }

 private:
  // The stored entity `norm` names: the one whose canonical name it is; else the one a user
  // merged the entity so named into, whatever the mention's type (of that type when several
  // were); else one of the same type that lists it as an alias or code (names derived from words
  // never merge entities).
  Result<std::optional<EntityId>> LookupEntity(const std::string& norm, EntityType type) {
    std::vector<EntityId> candidates;
    GEOKG_RETURN_IF_ERROR(impl_.Scan(kNames, norm + '\0', [&](std::string_view key, std::string_view) {
      if (key.size() == norm.size() + 5) candidates.push_back(ReadU32(key, norm.size() + 1));
      return true;
    }));
    std::optional<EntityId> by_alias;
    for (EntityId id : candidates) {
      auto e = LoadEntity(id);
      if (!e.ok()) return e.status();
      const Entity& entity = *e.value();
      if (NormalizeName(entity.name) == norm) return std::optional<EntityId>(id);
      if (by_alias || entity.type != type) continue;
      if (NormalizeName(entity.code) == norm) by_alias = id;
      for (const std::string& a : entity.aliases)
        if (NormalizeName(a) == norm) by_alias = id;
    }
    if (auto merged = impl_.merged_names.find(norm); merged != impl_.merged_names.end()) {
      for (const auto& [merged_type, id] : merged->second)
        if (merged_type == type) return std::optional<EntityId>(id);
      return std::optional<EntityId>(merged->second.front().second);
    }
    return by_alias;
  }

  Result<Entity*> LoadEntity(EntityId id) {
    if (auto it = entities_.find(id); it != entities_.end()) return &it->second;
    auto value = impl_.Get(kEntities, U32Key(id));
    if (!value.ok()) return value.status();
    std::optional<EntityValue> v = value.value() ? DecodeEntity(*value.value()) : std::nullopt;
    if (!v) return Status::Corruption(impl_.path().string() + ": entity " + std::to_string(id) + " is missing or unreadable");
    return &(entities_[id] = std::move(v->entity));
  }

  // Adds the aliases and code of `e` that entity `id` does not list yet.
  Status MergeAliases(EntityId id, const Entity& e) {
    if (e.aliases.empty() && e.code.empty()) return Status();
    auto loaded = LoadEntity(id);
    if (!loaded.ok()) return loaded.status();
    Entity& stored = *loaded.value();
    const std::set<std::string> before = NamesOf(stored);
    bool changed = false;
    for (const std::string& a : e.aliases)
      if (std::find(stored.aliases.begin(), stored.aliases.end(), a) == stored.aliases.end() && a != stored.name) {
        stored.aliases.push_back(a);
        changed = true;
      }
    if (stored.code.empty() && !e.code.empty()) {
      stored.code = e.code;
      changed = true;
    }
    if (!changed) return Status();
    changed_entities_.insert(id);
    for (const std::string& n : NamesOf(stored))
      if (!before.count(n)) batch_.Put(impl_.cf(kNames), NameKey(n, id), "");
    return Status();
  }

  // `into` takes the names of `from` (its name, aliases and code as aliases; its code when it
  // has none) and every names key; `from` is deleted.
  Status TakeNames(EntityId into, EntityId from) {
    auto loaded = LoadEntity(into);
    if (!loaded.ok()) return loaded.status();
    Entity& target = *loaded.value();
    const Entity merged = entities_.at(from);
    const std::set<std::string> before = NamesOf(target);
    std::set<std::string> own = OwnNames(target);
    auto add = [&](const std::string& name) {
      if (own.insert(NormalizeName(name)).second) target.aliases.push_back(name);
    };
    add(merged.name);
    for (const std::string& a : merged.aliases) add(a);
    if (target.code.empty()) target.code = merged.code;
    else if (merged.type != EntityType::kPerson && !merged.code.empty()) add(merged.code);
    changed_entities_.insert(into);
    for (const std::string& n : NamesOf(target))
      if (!before.count(n)) batch_.Put(impl_.cf(kNames), NameKey(n, into), "");
    // Every key, not only those NamesOf gives today: each must lead somewhere after the merge.
    GEOKG_RETURN_IF_ERROR(impl_.Scan(kNames, "", [&](std::string_view key, std::string_view) {
      if (key.size() >= 5 && key[key.size() - 5] == '\0' && ReadU32(key, key.size() - 4) == from) {
        batch_.Delete(impl_.cf(kNames), key);
        batch_.Put(impl_.cf(kNames), NameKey(key.substr(0, key.size() - 5), into), "");
      }
      return true;
    }));
    batch_.Delete(impl_.cf(kEntities), U32Key(from));
    entities_.erase(from);
    changed_entities_.erase(from);
    --counters_[kEntities_];
    return Status();
  }

  // Every fact of `from` becomes `into`'s. Facts that become the same (s, r, o, m), with one of
  // `into` or with each other, are combined into the oldest of them, as ingest would have
  // stored them: one evidence row per sentence, merge state recomputed from the rows, the
  // oldest fact's predicate and CAMEO code.
  Status MoveFacts(EntityId into, EntityId from, MergeReport* report) {
    std::set<FactId> moving;
    for (Family index : {kSpo, kOsp})
      GEOKG_RETURN_IF_ERROR(impl_.Scan(index, U32Key(from), [&](std::string_view key, std::string_view) {
        auto e = index == kSpo ? DecodeSpo(key) : DecodeOsp(key);
        if (e) moving.insert(e->fact);
        return true;
      }));
    report->facts_moved = moving.size();
    std::map<std::string, std::vector<FactId>> groups;  // by the spo prefix each fact will have
    std::map<std::string, IndexEntry> entries;
    for (FactId id : moving) {
      GEOKG_RETURN_IF_ERROR(LoadFact(id));
      const FactValue& f = facts_.at(id);
      IndexEntry e{f.subject == from ? into : f.subject, f.object == from ? into : f.object, f.relation, f.modality, 0};
      if (Info(e.relation).symmetric && e.object < e.subject) std::swap(e.subject, e.object);
      const std::string prefix = SpoKey(e).substr(0, 10);
      groups[prefix].push_back(id);
      entries[prefix] = e;
    }
    for (auto& group : groups) {
      // Named, not bound: Debian's clang 14 (the fuzz build) cannot capture a structured binding.
      const std::string& prefix = group.first;
      std::vector<FactId>& ids = group.second;
      // A fact `into` already has: its key holds no `from`, so it is not one of those moving.
      GEOKG_RETURN_IF_ERROR(impl_.Scan(kSpo, prefix, [&](std::string_view key, std::string_view) {
        if (auto e = DecodeSpo(key)) ids.push_back(e->fact);
        return true;
      }));
      std::sort(ids.begin(), ids.end());
      const IndexEntry& e = entries.at(prefix);
      if (e.subject == e.object) ++report->self_loops;
      report->facts_combined += ids.size() - 1;
      const FactId survivor = ids.front();
      GEOKG_RETURN_IF_ERROR(LoadFact(survivor));
      FactValue& f = facts_.at(survivor);
      if (f.subject != e.subject || f.object != e.object) {
        const IndexEntry old{f.subject, f.object, f.relation, f.modality, survivor};
        const IndexEntry now{e.subject, e.object, e.relation, e.modality, survivor};
        for (const auto& [family, key] : {std::pair{kSpo, SpoKey(old)}, {kPos, PosKey(old)}, {kOsp, OspKey(old)}})
          batch_.Delete(impl_.cf(family), key);
        batch_.Put(impl_.cf(kSpo), SpoKey(now), "");
        batch_.Put(impl_.cf(kPos), PosKey(now), "");
        batch_.Put(impl_.cf(kOsp), OspKey(now), "");
        f.subject = e.subject;
        f.object = e.object;
        relinked_ = true;
      }
      if (ids.size() > 1) GEOKG_RETURN_IF_ERROR(Combine(survivor, std::span(ids).subspan(1), report));
    }
    return RewriteDocumentRows();
  }

  // Moves the evidence rows of `absorbed` to `survivor`, dropping a row when `survivor` already
  // has one for that sentence, and recomputes `survivor` from its rows. The absorbed facts are
  // left without mentions, so Commit deletes them and their index keys.
  Status Combine(FactId survivor, std::span<const FactId> absorbed, MergeReport* report) {
    FactValue& f = facts_.at(survivor);
    Unfold(&f);
    std::set<std::string> rows;
    std::vector<FactId> order = {survivor};  // the survivor's own rows first: they are kept
    order.insert(order.end(), absorbed.begin(), absorbed.end());
    for (const FactId from : order) {
      GEOKG_RETURN_IF_ERROR(LoadFact(from));
      Status bad;
      GEOKG_RETURN_IF_ERROR(impl_.Scan(kEvidence, U64Key(from), [&](std::string_view key, std::string_view value) {
        auto e = key.size() == 16 ? DecodeEvidence(value) : std::nullopt;
        if (!e) {
          bad = Status::Corruption(impl_.path().string() + ": an evidence row of fact " + std::to_string(from) +
                                   " is unreadable");
          return false;
        }
        const uint32_t sentence = ReadU32(key, 12);
        const std::string moved = EvidenceKey(survivor, ReadU32(key, 8), sentence);
        const bool kept = rows.insert(moved).second;
        if (kept) Fold(&f, e->time, e->date, e->confidence);
        if (from == survivor) return true;
        batch_.Delete(impl_.cf(kEvidence), key);
        if (kept) {
          batch_.Put(impl_.cf(kEvidence), moved, value);
        } else {
          --counters_[kEvidence_];
          ++report->evidence_dropped;
        }
        row_moves_[e->doc][{from, sentence}] = kept ? survivor : 0;
        return true;
      }));
      GEOKG_RETURN_IF_ERROR(bad);
      if (from != survivor) facts_.at(from).mentions = 0;
    }
    return Status();
  }

  // Each document whose evidence rows Combine moved lists them under their new fact.
  Status RewriteDocumentRows() {
    for (const auto& [doc_id, moves] : row_moves_) {
      auto doc = LoadDocument(impl_, doc_id);
      if (!doc.ok()) return doc.status();
      if (!doc.value()) return Status::Corruption(impl_.path().string() + ": document \"" + doc_id + "\" is not stored");
      DocValue& d = *doc.value();
      std::vector<DocValue::Row> rows;
      for (DocValue::Row row : d.rows) {
        if (auto it = moves.find({row.fact, row.sentence}); it != moves.end()) {
          if (it->second == 0) continue;
          row.fact = it->second;
        }
        rows.push_back(row);
      }
      d.rows = std::move(rows);
      batch_.Put(impl_.cf(kDocs), doc_id, Encode(d));
    }
    return Status();
  }

  // Puts into the batch, under "undo", the batch that gives every key it writes the value it has
  // now (or deletes it), and the sequence number the store will be at once it is written.
  Status RecordUndo(EntityId merged) {
    class Inverse : public rocksdb::WriteBatch::Handler {
     public:
      explicit Inverse(Store::Impl& impl) : impl_(impl) {
        for (size_t f = 0; f < kFamilies; ++f) families_[impl.cf(Family(f))->GetID()] = Family(f);
      }
      rocksdb::Status PutCF(uint32_t id, const rocksdb::Slice& key, const rocksdb::Slice&) override { return Restore(id, key); }
      rocksdb::Status DeleteCF(uint32_t id, const rocksdb::Slice& key) override { return Restore(id, key); }
      // The first write of a key in the batch finds the value it had before the batch.
      rocksdb::Status Restore(uint32_t id, const rocksdb::Slice& key) {
        if (!seen_.insert({id, key.ToString()}).second) return rocksdb::Status::OK();
        const Family family = families_.at(id);
        auto value = impl_.Get(family, std::string_view(key.data(), key.size()));
        if (!value.ok()) return rocksdb::Status::IOError(value.status().message());
        return value.value() ? batch.Put(impl_.cf(family), key, *value.value()) : batch.Delete(impl_.cf(family), key);
      }
      rocksdb::WriteBatch batch;

     private:
      Store::Impl& impl_;
      std::map<uint32_t, Family> families_;
      std::set<std::pair<uint32_t, std::string>> seen_;
    } inverse(impl_);
    GEOKG_RETURN_IF_ERROR(FromRocks(batch_.Iterate(&inverse), impl_.path()));
    GEOKG_RETURN_IF_ERROR(FromRocks(inverse.Restore(impl_.cf(kMeta)->GetID(), "undo"), impl_.path()));
    // Every key written takes one sequence number: the batch's, and the undo record's own.
    const uint64_t after = impl_.db()->GetLatestSequenceNumber() + batch_.Count() + 1;
    batch_.Put(impl_.cf(kMeta), "undo", Encode(UndoValue{merged, after, inverse.batch.Data()}));
    return Status();
  }

  Status LoadFact(FactId id) {
    if (facts_.count(id)) return Status();
    auto value = impl_.Get(kFacts, U64Key(id));
    if (!value.ok()) return value.status();
    std::optional<FactValue> f = value.value() ? DecodeFact(*value.value()) : std::nullopt;
    if (!f) return Status::Corruption(impl_.path().string() + ": fact " + std::to_string(id) + " is indexed but missing or unreadable");
    facts_[id] = std::move(*f);
    return Status();
  }

  Store::Impl& impl_;
  Counters counters_;
  rocksdb::WriteBatch batch_;
  std::unordered_map<std::string, EntityId> pending_entities_;
  std::unordered_map<std::string, FactId> pending_facts_;
  std::map<EntityId, Entity> entities_;
  std::set<EntityId> changed_entities_;
  std::map<FactId, FactValue> facts_;
  std::set<std::string> added_evidence_;
  std::set<std::string> removed_evidence_;
  // Documents' evidence rows a merge moved: (old fact, sentence) -> new fact, 0 when dropped.
  std::map<std::string, std::map<std::pair<FactId, uint32_t>, FactId>> row_moves_;
  std::vector<Link> new_links_;        // facts created, and
  std::vector<FactId> dropped_facts_;  // deleted: what the link view must learn
  bool relinked_ = false;              // a merge gave a fact new ends: the view must be rebuilt
};

}  // namespace

Store::Store(fs::path path, std::unique_ptr<Impl> impl) : path_(std::move(path)), impl_(std::move(impl)) {}
Store::~Store() { (void)Close(); }

namespace {

rocksdb::Options DbOptions() {
  rocksdb::Options o;
  o.max_open_files = 256;
  o.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  o.keep_log_file_num = 2;
  o.db_write_buffer_size = 96 << 20;  // all memtables together: bounds memory on any corpus
  o.max_background_jobs = 2;
  o.max_total_wal_size = 128 << 20;
  // A record torn by a kill at the end of the log is dropped (it was never acknowledged), but
  // a damaged record inside it refuses the open: the default, kPointInTimeRecovery, would
  // silently drop everything after the damage (docs/STORE.md, "Recovery guarantees").
  o.wal_recovery_mode = rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
  return o;
}

// Holds an exclusive flock on a directory while it lives: serialises the processes (and
// threads) creating stores in it, without leaving a lock file behind.
class DirectoryLock {
 public:
  explicit DirectoryLock(const fs::path& dir) : fd_(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~DirectoryLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  DirectoryLock(const DirectoryLock&) = delete;
  DirectoryLock& operator=(const DirectoryLock&) = delete;
  bool locked() const { return fd_ >= 0; }

 private:
  int fd_;
};

// Creates an empty store in `dir` unless another process has just done so: built beside it
// with every family and the schema version, then renamed into place, so that a crash never
// leaves a half-created store; under a lock on the parent, so that two creators never share
// (or delete) one staging directory.
Status Create(const fs::path& dir, rocksdb::Options options) {
  const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
  const DirectoryLock lock(parent);
  if (!lock.locked()) return Status::IOError(dir.string() + ": cannot create store: cannot lock " + parent.string());
  std::error_code ec;
  if (fs::exists(dir / "CURRENT", ec)) return Status();
  const fs::path staging = dir.string() + ".creating";
  fs::remove_all(staging, ec);  // left by a creator that was killed
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(options, staging.string(), FamilyDescriptors(options), &handles, &raw);
  if (!s.ok()) return FromRocks(s, dir);
  std::unique_ptr<rocksdb::DB> db(raw);
  rocksdb::WriteOptions sync;
  sync.sync = true;
  s = db->Put(sync, handles[kMeta], "schema", std::to_string(kSchemaWithoutMerges));
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  if (s.ok()) s = db->Close();
  db.reset();
  if (!s.ok()) return FromRocks(s, dir);
  fs::rename(staging, dir, ec);
  if (ec) return Status::IOError(dir.string() + ": cannot create store: " + ec.message());
  return Status();
}

// The Env of GEOKG_TEST_DISK_BUDGET (store.h), or null for RocksDB's default.
std::unique_ptr<rocksdb::Env> TestEnv() {
  const char* budget = std::getenv(kDiskBudgetVariable);
  if (budget == nullptr || *budget == '\0') return nullptr;
  return NewDiskBudgetEnv(std::strtoull(budget, nullptr, 10));
}

// Whether RocksDB's error says that a write-ahead log is damaged (not a table file).
bool DamagedLog(const rocksdb::Status& s) {
  const std::string text = s.ToString();
  return s.IsCorruption() && text.find(".sst") == std::string::npos && text.find("MANIFEST") == std::string::npos;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const fs::path& dir, const Options& options) {
  std::error_code ec;
  const bool exists = fs::exists(dir, ec);
  const bool has_current = fs::exists(dir / "CURRENT", ec);
  if (options.read_only || !options.create_if_missing) {
    if (!exists) return Status::NotFound(dir.string() + ": no store here (create one with 'geokg ingest')");
  }
  if (exists && !fs::is_directory(dir, ec)) return Status::InvalidInput(dir.string() + ": not a directory, so not a geokg store");
  if (exists && !has_current && !fs::is_empty(dir, ec))
    return Status::InvalidInput(dir.string() + ": not a geokg store (a non-empty directory without a database)");
  if (exists && !has_current && (options.read_only || !options.create_if_missing))
    return Status::NotFound(dir.string() + ": no store here (create one with 'geokg ingest')");
  if (!exists) {
    const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
    if (!fs::is_directory(parent, ec))
      return Status::InvalidInput(dir.string() + ": cannot create store: directory " + parent.string() + " does not exist");
  }
  if (has_current) {
    std::vector<std::string> families;
    rocksdb::Status s = rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir.string(), &families);
    if (!s.ok()) return FromRocks(s, dir);
    if (std::find(families.begin(), families.end(), "meta") == families.end())
      return Status::InvalidInput(dir.string() + ": a RocksDB database, but not a geokg store");
  }

  std::unique_ptr<rocksdb::Env> env = TestEnv();
  rocksdb::Options db_options = DbOptions();
  if (env) db_options.env = env.get();
  if (!has_current && !options.read_only) GEOKG_RETURN_IF_ERROR(Create(dir, db_options));
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  const auto descriptors = FamilyDescriptors(db_options);
  rocksdb::Status s;
  for (int attempt = 0; attempt < 5; ++attempt) {
    s = options.read_only ? rocksdb::DB::OpenForReadOnly(db_options, dir.string(), descriptors, &handles, &raw)
                          : rocksdb::DB::Open(db_options, dir.string(), descriptors, &handles, &raw);
    // A reader can race with the writer removing a log file it was about to read: look again.
    if (!options.read_only || !(s.IsIOError() || s.IsNotFound())) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (DamagedLog(s))
    return Status::Corruption(dir.string() + ": the write-ahead log is damaged (" + s.ToString() +
                              "); not opened, so nothing more is lost: 'geokg repair --db " + dir.string() +
                              "' keeps the articles written before the damage");
  if (!s.ok()) return FromRocks(s, dir);
  auto impl = std::make_unique<Impl>(dir, std::move(env), std::unique_ptr<rocksdb::DB>(raw), std::move(handles),
                                     options.read_only);

  auto version = impl->Get(kMeta, "schema");
  if (!version.ok()) return version.status();
  if (!version.value()) return Status::InvalidInput(dir.string() + ": not a geokg store (no schema version)");
  int found = 0;
  try {
    found = std::stoi(*version.value());
  } catch (const std::exception&) {
    return Status::Corruption(dir.string() + ": unreadable schema version \"" + *version.value() + "\"");
  }
  const std::string readable = "this geokg reads schemas " + std::to_string(kSchemaWithoutMerges) + " and " +
                               std::to_string(kSchemaVersion);
  if (found > kSchemaVersion)
    return Status::Unsupported(dir.string() + ": written by a newer geokg (store schema " + std::to_string(found) + ", " +
                               readable + "); upgrade geokg");
  if (found < kSchemaWithoutMerges)
    return Status::Unsupported(dir.string() + ": written by an older geokg (store schema " + std::to_string(found) + ", " +
                               readable + "); ingest the articles again into a new store");
  if (!options.read_only) {
    auto counters = impl->ReadCounters();
    if (!counters.ok()) return counters.status();
    impl->counters = counters.value();
    impl->schema = *version.value();
    GEOKG_RETURN_IF_ERROR(LoadMergedNames(*impl));
    impl->opened_at = impl->db()->GetLatestSequenceNumber();
  }
  return std::unique_ptr<Store>(new Store(dir, std::move(impl)));
}

Result<Store::RepairReport> Store::Repair(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir / "CURRENT", ec)) return Status::NotFound(dir.string() + ": no store here");
  rocksdb::Options options = DbOptions();
  const auto descriptors = FamilyDescriptors(options);
  auto documents = [&](Impl& impl) -> Result<uint64_t> {
    auto counters = impl.ReadCounters();
    if (!counters.ok()) return counters.status();
    return counters.value()[kDocuments];
  };
  // How many documents the log says the store held: every intact record replayed, the damaged
  // ones skipped, read-only so that nothing changes. Its last counter is the writer's last.
  uint64_t logged = 0;
  {
    rocksdb::Options skip = options;
    skip.wal_recovery_mode = rocksdb::WALRecoveryMode::kSkipAnyCorruptedRecords;
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    if (rocksdb::DB::OpenForReadOnly(skip, dir.string(), descriptors, &handles, &raw).ok()) {
      Impl impl(dir, nullptr, std::unique_ptr<rocksdb::DB>(raw), std::move(handles), true);
      if (auto n = documents(impl); n.ok()) logged = n.value();
    }
  }
  // Replays the log up to its first damaged record (each article is one record, so the store is
  // consistent there) and flushes, after which the damaged log is no longer needed.
  options.wal_recovery_mode = rocksdb::WALRecoveryMode::kPointInTimeRecovery;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(options, dir.string(), descriptors, &handles, &raw);
  if (!s.ok()) return FromRocks(s, dir);
  Impl impl(dir, nullptr, std::unique_ptr<rocksdb::DB>(raw), std::move(handles), false);
  // The link view may describe a state the repair dropped: it is rebuilt when next needed.
  fs::remove(LinkViewPath(dir), ec);
  auto kept = documents(impl);
  if (!kept.ok()) return kept.status();
  // Even when nothing before the damage survived, the close's flush must retire the damaged log.
  if (auto schema = impl.Get(kMeta, "schema"); schema.ok() && schema.value()) impl.schema = *schema.value();
  GEOKG_RETURN_IF_ERROR(impl.Close());
  return RepairReport{kept.value(), logged > kept.value() ? logged - kept.value() : 0};
}

Status Store::Close() {
  if (impl_->db() == nullptr) return Status();  // closed already
  // A writer leaves the link view describing the state it closes with (store/link_view.h).
  // Before the flush, the sequence numbers used since the open are those of this writer's
  // batches; when the batches it counted used fewer, some write went untracked.
  const uint64_t before_flush = impl_->read_only() ? 0 : impl_->db()->GetLatestSequenceNumber();
  return impl_->Close([&] {
    LinkChanges& changes = impl_->link_changes;
    if (before_flush - impl_->opened_at != changes.sequence_used) changes.complete = false;
    (void)RefreshLinkView(*this, impl_->opened_at, changes);
  });
}

uint64_t ContentHash(const Document& d) {
  uint64_t h = Fnv1a(d.text);
  h = Fnv1a(d.title, h ^ 0x9e3779b97f4a7c15ull);
  h = Fnv1a(d.date, h ^ 0x9e3779b97f4a7c15ull);
  h = Fnv1a(d.source, h ^ 0x9e3779b97f4a7c15ull);
  return Fnv1a(d.url, h ^ 0x9e3779b97f4a7c15ull);
}

Result<PutOutcome> Store::PutDocument(const Document& document, std::span<const Triple> triples) {
  return PutDocument(document, ContentHash(document), triples);
}

Result<PutOutcome> Store::PutDocument(const Document& document, uint64_t hash, std::span<const Triple> triples) {
  assert(!impl_->read_only());
  GEOKG_RETURN_IF_ERROR(impl_->write_failure);
  auto existing = LoadDocument(*impl_, document.id);
  if (!existing.ok()) return existing.status();
  Transaction tx(*impl_);
  DocValue doc{0, hash, document.title, document.date, document.source, document.url, {}};
  PutOutcome outcome = PutOutcome::kNew;
  if (const std::optional<DocValue>& old = existing.value()) {
    if (old->hash == hash) return PutOutcome::kUnchanged;
    GEOKG_RETURN_IF_ERROR(tx.RemoveContribution(*old));
    doc.number = old->number;
    outcome = PutOutcome::kReplaced;
  } else {
    doc.number = tx.NewDocNumber();
  }
  for (const Triple& t : triples) {
    assert(t.evidence.doc == document.id);
    auto s = tx.EntityFor(t.subject);
    if (!s.ok()) return s.status();
    auto o = tx.EntityFor(t.object);
    if (!o.ok()) return o.status();
    auto fact = tx.FactFor(s.value(), t.relation, o.value(), t.modality, t);
    if (!fact.ok()) return fact.status();
    tx.AddEvidence(fact.value(), doc.number, t, &doc);
  }
  tx.batch().Put(impl_->cf(kDocs), document.id, Encode(doc));
  GEOKG_RETURN_IF_ERROR(tx.Commit());
  return outcome;
}

Result<bool> Store::IsStored(const Document& document) const {
  auto existing = LoadDocument(*impl_, document.id);
  if (!existing.ok()) return existing.status();
  return existing.value() && existing.value()->hash == ContentHash(document);
}

Status Store::DeleteDocument(const std::string& doc_id) {
  assert(!impl_->read_only());
  GEOKG_RETURN_IF_ERROR(impl_->write_failure);
  auto existing = LoadDocument(*impl_, doc_id);
  if (!existing.ok()) return existing.status();
  if (!existing.value()) return Status::NotFound(path_.string() + ": no document \"" + doc_id + "\"");
  Transaction tx(*impl_);
  GEOKG_RETURN_IF_ERROR(tx.RemoveContribution(*existing.value()));
  tx.ForgetDocument();
  tx.batch().Delete(impl_->cf(kDocs), doc_id);
  return tx.Commit();
}

Result<MergeReport> Store::MergeEntities(EntityId into, EntityId from) {
  assert(!impl_->read_only());
  GEOKG_RETURN_IF_ERROR(impl_->write_failure);
  if (into == from)
    return Status::InvalidInput(path_.string() + ": entity " + std::to_string(into) + " cannot be merged with itself");
  for (EntityId id : {into, from}) {
    auto found = FindEntity(id);
    if (!found.ok()) return found.status();
    if (!found.value()) return Status::NotFound(path_.string() + ": no entity #" + std::to_string(id));
  }
  MergeReport report;
  Transaction tx(*impl_);
  GEOKG_RETURN_IF_ERROR(tx.Merge(into, from, &report));
  GEOKG_RETURN_IF_ERROR(tx.Commit(from));
  impl_->schema = std::to_string(kSchemaVersion);
  // The writer's caches may hold `from` and the facts that are gone.
  impl_->entity_cache.clear();
  impl_->fact_cache.clear();
  GEOKG_RETURN_IF_ERROR(LoadMergedNames(*impl_));
  auto merged = GetEntity(into);
  if (!merged.ok()) return merged.status();
  report.into = std::move(merged).value();
  return report;
}

Result<MergeRecord> Store::UndoLastMerge() {
  assert(!impl_->read_only());
  GEOKG_RETURN_IF_ERROR(impl_->write_failure);
  auto value = impl_->Get(kMeta, "undo");
  if (!value.ok()) return value.status();
  if (!value.value()) return Status::NotFound(path_.string() + ": no merge to undo");
  std::optional<UndoValue> undo = DecodeUndo(*value.value());
  if (!undo) return Status::Corruption(path_.string() + ": the record of the last merge is unreadable");
  auto merges = ReadMerges(*impl_);
  if (!merges.ok()) return merges.status();
  auto record = std::find_if(merges.value().begin(), merges.value().end(),
                             [&](const MergeRecord& m) { return m.merged_id == undo->merged; });
  if (record == merges.value().end()) return Status::NotFound(path_.string() + ": no merge to undo");
  if (impl_->db()->GetLatestSequenceNumber() != undo->sequence)
    return Status::Unsupported(path_.string() + ": the merge of \"" + record->merged.name +
                               "\" cannot be undone exactly: the store was written since; to split them, ingest "
                               "the articles again into a new store");
  rocksdb::WriteBatch inverse(undo->batch);
  if (Status written = FromRocks(impl_->db()->Write(rocksdb::WriteOptions(), &inverse), path_); !written.ok()) {
    impl_->write_failure = written;
    return written;
  }
  impl_->wrote = true;
  auto counters = impl_->ReadCounters();
  if (!counters.ok()) return counters.status();
  impl_->counters = counters.value();
  auto schema = impl_->Get(kMeta, "schema");
  if (!schema.ok()) return schema.status();
  impl_->schema = schema.value().value_or(impl_->schema);
  impl_->entity_cache.clear();
  impl_->fact_cache.clear();
  GEOKG_RETURN_IF_ERROR(LoadMergedNames(*impl_));
  return *record;
}

Result<std::vector<MergeRecord>> Store::Merges() const { return ReadMerges(*impl_); }

namespace {

Status EntityDoesNotResolve(const fs::path& path, EntityId id) {
  return Status::Corruption(path.string() + ": entity " + std::to_string(id) + " does not resolve");
}

Result<EntityRecord> ParseEntity(const fs::path& path, EntityId id, std::string_view value) {
  std::optional<EntityValue> v = DecodeEntity(value);
  if (!v) return Status::Corruption(path.string() + ": entity " + std::to_string(id) + " is unreadable");
  return EntityRecord{id, std::move(v->entity)};
}

}  // namespace

Result<EntityRecord> Store::GetEntity(EntityId id) const {
  auto found = FindEntity(id);
  if (!found.ok()) return found.status();
  if (!found.value()) return EntityDoesNotResolve(path_, id);
  return std::move(*found.value());
}

Result<std::optional<EntityRecord>> Store::FindEntity(EntityId id) const {
  auto value = impl_->Get(kEntities, U32Key(id));
  if (!value.ok()) return value.status();
  if (!value.value()) return std::optional<EntityRecord>();
  auto record = ParseEntity(path_, id, *value.value());
  if (!record.ok()) return record.status();
  return std::optional<EntityRecord>(std::move(record).value());
}

Status Store::ForEachEntity(std::span<const EntityId> ids,
                            const std::function<Status(const EntityRecord&)>& visit) const {
  assert(std::adjacent_find(ids.begin(), ids.end(), std::greater_equal<EntityId>()) == ids.end());
  // Ids a few apart are a few keys apart: stepping there is cheaper than seeking.
  constexpr int kSteps = 16;
  std::unique_ptr<rocksdb::Iterator> it(impl_->db()->NewIterator(rocksdb::ReadOptions(), impl_->cf(kEntities)));
  std::string key;
  for (EntityId id : ids) {
    key.clear();
    AppendU32(&key, id);
    for (int step = 0; step < kSteps && it->Valid() && it->key().compare(key) < 0; ++step) it->Next();
    if (!it->Valid() || it->key().compare(key) < 0) it->Seek(key);
    GEOKG_RETURN_IF_ERROR(FromRocks(it->status(), path_));
    if (!it->Valid() || it->key() != key) return EntityDoesNotResolve(path_, id);
    auto record = ParseEntity(path_, id, std::string_view(it->value().data(), it->value().size()));
    if (!record.ok()) return record.status();
    GEOKG_RETURN_IF_ERROR(visit(record.value()));
  }
  return Status();
}

Result<std::vector<EntityRecord>> Store::FindEntities(std::string_view name) const {
  const std::string norm = NormalizeName(name);
  std::vector<EntityId> ids;
  GEOKG_RETURN_IF_ERROR(impl_->Scan(kNames, norm + '\0', [&](std::string_view key, std::string_view) {
    if (key.size() == norm.size() + 5) ids.push_back(ReadU32(key, norm.size() + 1));
    return true;
  }));
  std::vector<EntityRecord> out;
  for (EntityId id : ids) {
    auto r = GetEntity(id);
    if (!r.ok()) return r.status();
    out.push_back(std::move(r).value());
  }
  // The entity whose canonical name it is comes first: "Lee" the person named Lee, if any.
  std::stable_sort(out.begin(), out.end(), [&](const EntityRecord& a, const EntityRecord& b) {
    return (NormalizeName(a.entity.name) == norm) > (NormalizeName(b.entity.name) == norm);
  });
  return out;
}

namespace {

Result<Fact> ParseFact(const fs::path& path, FactId id, std::string_view value) {
  std::optional<FactValue> v = DecodeFact(value);
  if (!v) return Status::Corruption(path.string() + ": fact " + std::to_string(id) + " is unreadable");
  return ToFact(id, *v);
}

}  // namespace

Result<Fact> Store::GetFact(FactId id) const {
  auto value = impl_->Get(kFacts, U64Key(id));
  if (!value.ok()) return value.status();
  if (!value.value()) return Status::NotFound(path_.string() + ": no fact " + std::to_string(id));
  return ParseFact(path_, id, *value.value());
}

namespace {

// Which index answers `p`, the key prefix that selects it, and how to decode its keys.
struct IndexScan {
  Family family = kFacts;
  std::string prefix;
  std::optional<IndexEntry> (*decode)(std::string_view) = nullptr;
};

IndexScan ScanFor(const FactPattern& p) {
  IndexScan scan;
  if (p.subject) {
    scan = {kSpo, "", DecodeSpo};
    AppendU32(&scan.prefix, *p.subject);
    if (p.relation) {
      scan.prefix.push_back(static_cast<char>(*p.relation));
      if (p.object) AppendU32(&scan.prefix, *p.object);
    }
  } else if (p.relation) {
    scan = {kPos, "", DecodePos};
    scan.prefix.push_back(static_cast<char>(*p.relation));
    if (p.object) AppendU32(&scan.prefix, *p.object);
  } else if (p.object) {
    scan = {kOsp, "", DecodeOsp};
    AppendU32(&scan.prefix, *p.object);
  }
  return scan;
}

bool Fits(const FactPattern& p, const IndexEntry& e) {
  return (!p.subject || e.subject == *p.subject) && (!p.object || e.object == *p.object) &&
         (!p.relation || e.relation == *p.relation);
}

}  // namespace

Status Store::ForEachFact(const FactPattern& p, const std::function<Status(const Fact&)>& visit) const {
  const IndexScan index = ScanFor(p);
  Status result;
  Status scan = impl_->Scan(index.family, index.prefix, [&](std::string_view key, std::string_view value) {
    Result<Fact> fact = Status::Corruption(path_.string() + ": malformed index key");
    if (index.decode == nullptr) {
      if (key.size() == 8) fact = ParseFact(path_, ReadU64(key, 0), value);
    } else if (auto e = index.decode(key)) {
      if (!Fits(p, *e)) return true;
      fact = GetFact(e->fact);
    }
    result = fact.ok() ? visit(fact.value()) : fact.status();
    return result.ok();
  });
  GEOKG_RETURN_IF_ERROR(scan);
  return result;
}

namespace {

// The sentence of evidence row `key` (fact, document number, sentence) whose value is `e`.
FactEvidence ToFactEvidence(std::string_view key, EvidenceValue&& e) {
  return {std::move(e.doc),  ReadU32(key, 12),       e.begin,          e.end,
          std::move(e.text), std::move(e.predicate), std::move(e.attribution), std::move(e.time),
          e.confidence,      std::move(e.time_text), std::move(e.date)};
}

}  // namespace

Result<std::vector<FactEvidence>> Store::Evidence(FactId id) const {
  std::vector<FactEvidence> out;
  Status bad;
  GEOKG_RETURN_IF_ERROR(impl_->Scan(kEvidence, U64Key(id), [&](std::string_view key, std::string_view value) {
    std::optional<EvidenceValue> e = key.size() == 16 ? DecodeEvidence(value) : std::nullopt;
    if (!e) {
      bad = Status::Corruption(path_.string() + ": an evidence row of fact " + std::to_string(id) + " is unreadable");
      return false;
    }
    out.push_back(ToFactEvidence(key, std::move(*e)));
    return true;
  }));
  GEOKG_RETURN_IF_ERROR(bad);
  return out;
}

uint64_t Store::Sequence() const { return impl_->db()->GetLatestSequenceNumber(); }

bool Store::Durable() const {
  for (size_t f = 0; f < kFamilies; ++f) {
    uint64_t entries = 0, immutable = 0;
    if (!impl_->db()->GetIntProperty(impl_->cf(static_cast<Family>(f)), "rocksdb.num-entries-active-mem-table", &entries) ||
        !impl_->db()->GetIntProperty(impl_->cf(static_cast<Family>(f)), "rocksdb.num-entries-imm-mem-tables", &immutable) ||
        entries + immutable > 0)
      return false;
  }
  return true;
}

Result<StoreStats> Store::Stats() const {
  auto c = impl_->ReadCounters();
  if (!c.ok()) return c.status();
  const Counters& n = c.value();
  return StoreStats{n[kDocuments], n[kEntities_], n[kFacts_], n[kEvidence_]};
}

Result<VerifyReport> Store::Verify(size_t max_problems) const {
  VerifyReport report;
  const rocksdb::Snapshot* snapshot = impl_->db()->GetSnapshot();
  struct Release {
    rocksdb::DB* db;
    const rocksdb::Snapshot* snapshot;
    ~Release() { db->ReleaseSnapshot(snapshot); }
  } release{impl_->db(), snapshot};
  rocksdb::ReadOptions read;
  read.snapshot = snapshot;
  auto problem = [&](const std::string& what) {
    if (report.problems.size() < max_problems) report.problems.push_back(what);
    ++report.problems_found;
  };
  auto has = [&](Family f, const std::string& key) -> Result<std::optional<std::string>> {
    std::string value;
    rocksdb::Status s = impl_->db()->Get(read, impl_->cf(f), key, &value);
    if (s.IsNotFound()) return std::optional<std::string>();
    if (!s.ok()) return FromRocks(s, path_);
    return std::optional<std::string>(std::move(value));
  };
  Status failure;  // a read error stops the walk: the report would be meaningless
  auto check = [&](Family f, const std::string& key) -> std::optional<std::string> {
    auto v = has(f, key);
    if (!v.ok()) {
      if (failure.ok()) failure = v.status();
      return std::nullopt;
    }
    return std::move(v.value());
  };
  auto scan = [&](Family f, auto&& visit) {
    return impl_->Scan(f, "", [&](std::string_view k, std::string_view v) {
      visit(k, v);
      return failure.ok();
    }, snapshot);
  };
  Counters counters{};
  for (size_t i = 0; i < kCounters; ++i) {
    std::optional<std::string> v = check(kMeta, kCounterNames[i]);
    if (v && v->size() == 8) counters[i] = ReadU64(*v, 0);
    else if (v) problem(std::string("counter ") + kCounterNames[i] + " is unreadable");
  }
  auto entity_resolves = [&](EntityId id) {
    std::optional<std::string> v = check(kEntities, U32Key(id));
    return v && DecodeEntity(*v);
  };

  // Facts: decodable, in all three indexes, entities resolve, merge state equals its evidence.
  GEOKG_RETURN_IF_ERROR(scan(kFacts, [&](std::string_view key, std::string_view value) {
    ++report.counted.facts;
    if (key.size() != 8) return problem("facts: a key of " + std::to_string(key.size()) + " bytes");
    const FactId id = ReadU64(key, 0);
    const std::string name = "fact " + std::to_string(id);
    std::optional<FactValue> f = DecodeFact(value);
    if (!f) return problem(name + " is unreadable");
    if (id > counters[kNextFact]) problem(name + " is beyond next_fact " + std::to_string(counters[kNextFact]));
    const IndexEntry e{f->subject, f->object, f->relation, f->modality, id};
    if (!check(kSpo, SpoKey(e))) problem(name + " is missing from spo");
    if (!check(kPos, PosKey(e))) problem(name + " is missing from pos");
    if (!check(kOsp, OspKey(e))) problem(name + " is missing from osp");
    if (!entity_resolves(f->subject)) problem(name + ": subject entity " + std::to_string(f->subject) + " does not resolve");
    if (!entity_resolves(f->object)) problem(name + ": object entity " + std::to_string(f->object) + " does not resolve");
    FactValue merged;
    Status rows = impl_->Scan(kEvidence, std::string(key), [&](std::string_view, std::string_view row) {
      std::optional<EvidenceValue> ev = DecodeEvidence(row);
      if (!ev) return true;  // reported by the evidence walk
      Fold(&merged, ev->time, ev->date, ev->confidence);
      return true;
    }, snapshot);
    if (!rows.ok() && failure.ok()) failure = rows;
    if (merged.mentions == 0) problem(name + " has no evidence");
    if (merged.mentions != f->mentions)
      problem(name + " counts " + std::to_string(f->mentions) + " mentions but has " + std::to_string(merged.mentions) +
              " evidence rows");
    if (merged.first_time != f->first_time || merged.last_time != f->last_time)
      problem(name + ": first/last time " + f->first_time + "/" + f->last_time + " differ from its evidence's " +
              merged.first_time + "/" + merged.last_time);
    if (merged.first_reported != f->first_reported || merged.last_reported != f->last_reported)
      problem(name + ": first/last report date " + f->first_reported + "/" + f->last_reported +
              " differ from its evidence's " + merged.first_reported + "/" + merged.last_reported);
    if (merged.confidence != f->confidence) problem(name + ": confidence differs from the best of its evidence");
  }));
  GEOKG_RETURN_IF_ERROR(failure);

  // Index keys: decodable and pointing back at a fact that says the same.
  using Decoder = std::optional<IndexEntry> (*)(std::string_view);
  const std::tuple<Family, const char*, Decoder> indexes[] = {
      {kSpo, "spo", DecodeSpo}, {kPos, "pos", DecodePos}, {kOsp, "osp", DecodeOsp}};
  for (const auto& [family, index, decode] : indexes) {
    GEOKG_RETURN_IF_ERROR(scan(family, [&, index = index, decode = decode](std::string_view key, std::string_view) {
      std::optional<IndexEntry> e = decode(key);
      if (!e) return problem(std::string(index) + ": a malformed key");
      std::optional<std::string> v = check(kFacts, U64Key(e->fact));
      std::optional<FactValue> f = v ? DecodeFact(*v) : std::nullopt;
      if (!f) return problem(std::string(index) + ": fact " + std::to_string(e->fact) + " does not resolve");
      if (f->subject != e->subject || f->object != e->object || f->relation != e->relation || f->modality != e->modality)
        problem(std::string(index) + ": the key of fact " + std::to_string(e->fact) + " disagrees with the fact");
    }));
    GEOKG_RETURN_IF_ERROR(failure);
  }

  // Evidence rows: decodable, their fact exists, their document is stored under their number.
  // Each document's number is decoded once: its value lists all its rows, so decoding it per
  // row made verify quadratic in the rows of one document.
  std::unordered_map<std::string, std::optional<uint32_t>> doc_numbers;
  auto doc_number = [&](const std::string& doc_id) -> std::optional<uint32_t> {
    auto [it, added] = doc_numbers.try_emplace(doc_id);
    if (added) {
      std::optional<std::string> d = check(kDocs, doc_id);
      std::optional<DocValue> doc = d ? DecodeDoc(*d) : std::nullopt;
      if (doc) it->second = doc->number;
    }
    return it->second;
  };
  GEOKG_RETURN_IF_ERROR(scan(kEvidence, [&](std::string_view key, std::string_view value) {
    ++report.counted.evidence;
    if (key.size() != 16) return problem("evidence: a key of " + std::to_string(key.size()) + " bytes");
    const std::string name = "evidence of fact " + std::to_string(ReadU64(key, 0)) + " (document number " +
                             std::to_string(ReadU32(key, 8)) + ", sentence " + std::to_string(ReadU32(key, 12)) + ")";
    std::optional<EvidenceValue> ev = DecodeEvidence(value);
    if (!ev) return problem(name + " is unreadable");
    if (!check(kFacts, std::string(key.substr(0, 8)))) problem(name + ": the fact does not exist");
    const std::optional<uint32_t> number = doc_number(ev->doc);
    if (!number) return problem(name + ": document \"" + ev->doc + "\" is not stored");
    if (*number != ReadU32(key, 8)) problem(name + ": document \"" + ev->doc + "\" has another number");
  }));
  GEOKG_RETURN_IF_ERROR(failure);

  // Documents: each row they list exists (so an article is all there or absent), numbers unique.
  uint64_t listed = 0;
  std::set<uint32_t> numbers;
  GEOKG_RETURN_IF_ERROR(scan(kDocs, [&](std::string_view key, std::string_view value) {
    ++report.counted.documents;
    const std::string name = "document \"" + std::string(key) + "\"";
    std::optional<DocValue> doc = DecodeDoc(value);
    if (!doc) return problem(name + " is unreadable");
    if (!numbers.insert(doc->number).second) problem(name + " shares its number " + std::to_string(doc->number));
    if (doc->number == 0 || doc->number > counters[kNextDoc]) problem(name + ": number beyond next_doc");
    std::set<std::pair<uint64_t, uint32_t>> rows;
    for (const DocValue::Row& row : doc->rows) {
      if (!rows.insert({row.fact, row.sentence}).second) problem(name + " lists an evidence row twice");
      if (!check(kEvidence, EvidenceKey(row.fact, doc->number, row.sentence)))
        problem(name + ": evidence of fact " + std::to_string(row.fact) + ", sentence " + std::to_string(row.sentence) +
                " is missing");
    }
    listed += rows.size();
  }));
  GEOKG_RETURN_IF_ERROR(failure);
  if (listed != report.counted.evidence)
    problem("documents list " + std::to_string(listed) + " evidence rows but the store holds " +
            std::to_string(report.counted.evidence));

  // Entities and names: decodable, within the counter, every name resolves, canonical names listed.
  GEOKG_RETURN_IF_ERROR(scan(kEntities, [&](std::string_view key, std::string_view value) {
    ++report.counted.entities;
    if (key.size() != 4) return problem("entities: a key of " + std::to_string(key.size()) + " bytes");
    const EntityId id = ReadU32(key, 0);
    std::optional<EntityValue> e = DecodeEntity(value);
    if (!e) return problem("entity " + std::to_string(id) + " is unreadable");
    if (id > counters[kNextEntity]) problem("entity " + std::to_string(id) + " is beyond next_entity");
    if (!check(kNames, NameKey(NormalizeName(e->entity.name), id)))
      problem("entity " + std::to_string(id) + " (" + e->entity.name + ") cannot be found by its name");
  }));
  GEOKG_RETURN_IF_ERROR(scan(kNames, [&](std::string_view key, std::string_view) {
    const size_t zero = key.find('\0');
    if (zero == std::string_view::npos || key.size() != zero + 5) return problem("names: a malformed key");
    if (!entity_resolves(ReadU32(key, zero + 1)))
      problem("name \"" + std::string(key.substr(0, zero)) + "\": entity " + std::to_string(ReadU32(key, zero + 1)) +
              " does not resolve");
  }));
  GEOKG_RETURN_IF_ERROR(failure);

  // Merges: each record readable, in a schema-5 store, its entity gone, each of its own names
  // leading to the entity its chain of merges ends in.
  auto merges = ReadMerges(*impl_, snapshot);
  if (!merges.ok() && merges.status().code() != Code::kCorruption) return merges.status();
  if (!merges.ok()) problem(merges.status().message());
  if (std::optional<std::string> undo = check(kMeta, "undo"); undo && !DecodeUndo(*undo))
    problem("the record of the last merge, to undo it, is unreadable");
  const std::string schema = check(kMeta, "schema").value_or("");
  if (merges.ok() && !merges.value().empty() && schema != std::to_string(kSchemaVersion))
    problem("merge records in a store of schema " + schema + " (a merge makes it " + std::to_string(kSchemaVersion) + ")");
  for (const MergeRecord& m : merges.ok() ? merges.value() : std::vector<MergeRecord>{}) {
    const std::string name = "merge of entity " + std::to_string(m.merged_id) + " (" + m.merged.name + ")";
    if (m.merged_id > counters[kNextEntity]) problem(name + ": the id is beyond next_entity");
    if (check(kEntities, U32Key(m.merged_id))) problem(name + ": the entity still exists");
    if (m.now_in == 0) {
      problem(name + ": its chain of merges never ends in an entity");
    } else if (!entity_resolves(m.now_in)) {
      problem(name + ": entity " + std::to_string(m.now_in) + ", which it went into, does not resolve");
    } else {
      for (const std::string& n : OwnNames(m.merged))
        if (!check(kNames, NameKey(n, m.now_in)))
          problem(name + ": its name \"" + n + "\" does not lead to entity " + std::to_string(m.now_in));
    }
  }
  GEOKG_RETURN_IF_ERROR(failure);

  const std::pair<CounterId, uint64_t> counted[] = {{kDocuments, report.counted.documents},
                                                   {kEntities_, report.counted.entities},
                                                   {kFacts_, report.counted.facts},
                                                   {kEvidence_, report.counted.evidence}};
  for (const auto& [counter, n] : counted)
    if (counters[counter] != n)
      problem(std::string("counter ") + kCounterNames[counter] + " is " + std::to_string(counters[counter]) +
              " but the store holds " + std::to_string(n));
  return report;
}

Status Store::ForEachLink(const FactPattern& p, const std::function<Status(const Link&)>& visit) const {
  IndexScan index = ScanFor(p);
  if (index.decode == nullptr) index = {kSpo, "", DecodeSpo};  // every fact: the spo index holds them all
  Status result;
  Status scan = impl_->Scan(index.family, index.prefix, [&](std::string_view key, std::string_view) {
    const std::optional<IndexEntry> e = index.decode(key);
    if (!e) {
      result = Status::Corruption(path_.string() + ": malformed index key");
      return false;
    }
    if (!Fits(p, *e)) return true;
    result = visit(Link{e->fact, e->subject, e->object, e->relation, e->modality});
    return result.ok();
  });
  GEOKG_RETURN_IF_ERROR(scan);
  return result;
}

Status Store::ForEachName(const std::function<Status(std::string_view name, EntityId id)>& visit) const {
  Status result;
  Status scan = impl_->Scan(kNames, "", [&](std::string_view key, std::string_view) {
    if (key.size() < 5 || key[key.size() - 5] != '\0') return true;
    result = visit(key.substr(0, key.size() - 5), ReadU32(key, key.size() - 4));
    return result.ok();
  });
  GEOKG_RETURN_IF_ERROR(scan);
  return result;
}

Result<Document> Store::GetDocument(const std::string& doc_id) const {
  auto doc = LoadDocument(*impl_, doc_id);
  if (!doc.ok()) return doc.status();
  if (!doc.value()) return Status::NotFound(path_.string() + ": no document \"" + doc_id + "\"");
  const DocValue& v = *doc.value();
  return Document{doc_id, v.title, v.date, v.source, v.url, ""};
}

Result<std::vector<std::pair<FactId, uint32_t>>> Store::SentenceFacts(const std::string& doc_id) const {
  auto doc = LoadDocument(*impl_, doc_id);
  if (!doc.ok()) return doc.status();
  if (!doc.value()) return Status::NotFound(path_.string() + ": no document \"" + doc_id + "\"");
  std::vector<std::pair<FactId, uint32_t>> rows;
  rows.reserve(doc.value()->rows.size());
  for (const DocValue::Row& row : doc.value()->rows) rows.emplace_back(row.fact, row.sentence);
  return rows;
}

Status Store::ForEachFactOf(std::span<const FactId> ids, const std::function<Status(const Fact&)>& visit) const {
  assert(std::adjacent_find(ids.begin(), ids.end(), std::greater_equal<FactId>()) == ids.end());
  // One MultiGet of sorted keys: RocksDB reads each block they share once.
  std::vector<std::string> keys;
  keys.reserve(ids.size());
  for (FactId id : ids) keys.push_back(U64Key(id));
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<rocksdb::PinnableSlice> values(ids.size());
  std::vector<rocksdb::Status> statuses(ids.size());
  impl_->db()->MultiGet(rocksdb::ReadOptions(), impl_->cf(kFacts), ids.size(), slices.data(), values.data(),
                        statuses.data(), /*sorted_input=*/true);
  for (size_t i = 0; i < ids.size(); ++i) {
    if (statuses[i].IsNotFound()) return Status::NotFound(path_.string() + ": no fact " + std::to_string(ids[i]));
    GEOKG_RETURN_IF_ERROR(FromRocks(statuses[i], path_));
    auto fact = ParseFact(path_, ids[i], std::string_view(values[i].data(), values[i].size()));
    if (!fact.ok()) return fact.status();
    GEOKG_RETURN_IF_ERROR(visit(fact.value()));
  }
  return Status();
}

Status Store::ForEachFirstEvidence(std::span<const FactId> ids,
                                   const std::function<Status(FactId, const FactEvidence&)>& visit) const {
  for (FactId id : ids) {
    std::optional<FactEvidence> first;
    Status bad;
    GEOKG_RETURN_IF_ERROR(impl_->Scan(kEvidence, U64Key(id), [&](std::string_view key, std::string_view value) {
      std::optional<EvidenceValue> e = key.size() == 16 ? DecodeEvidence(value) : std::nullopt;
      if (!e) bad = Status::Corruption(path_.string() + ": an evidence row of fact " + std::to_string(id) + " is unreadable");
      else first = ToFactEvidence(key, std::move(*e));
      return false;  // the first row only
    }));
    GEOKG_RETURN_IF_ERROR(bad);
    if (first) GEOKG_RETURN_IF_ERROR(visit(id, *first));
  }
  return Status();
}

}  // namespace geokg::store
