// Store's open, close and repair, and its reads. Writes are in transaction.cpp, Verify in
// verify.cpp; what they share is store_impl.h.
#include "store/store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>

#include "store/disk_budget.h"
#include "store/key_codec.h"
#include "store/link_view.h"
#include "store/store_impl.h"

namespace geokg::store {
namespace fs = std::filesystem;
using namespace internal;

namespace {

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

Fact ToFact(FactId id, const FactValue& v) {
  const bool event = !v.first_time.empty();
  const TimeSource source = event                      ? TimeSource::kEvent
                            : v.first_reported.empty() ? TimeSource::kNone
                                                       : TimeSource::kReport;
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
    // Facts and evidence rows are read one block per printed row (timeline, met): LZ4 unpacks
    // them at a fraction of ZSTD's CPU, for 24-32 % more bytes (docs/STORE.md, "Tuning").
    cf.bottommost_compression = f == kEvidence || f == kFacts ? rocksdb::kLZ4Compression : rocksdb::kZSTD;
    cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
    out.emplace_back(kFamilyNames[f], cf);
  }
  return out;
}

}  // namespace

Store::Store(fs::path path, std::unique_ptr<Impl> impl) : path_(std::move(path)), impl_(std::move(impl)) {}
Store::~Store() { (void)Close(); }

namespace {

rocksdb::Options DbOptions() {
  rocksdb::Options o;
  o.max_open_files = -1;
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
  if (exists && !fs::is_directory(dir, ec))
    return Status::InvalidInput(dir.string() + ": not a directory, so not a geokg store");
  if (exists && !has_current && !fs::is_empty(dir, ec))
    return Status::InvalidInput(dir.string() + ": not a geokg store (a non-empty directory without a database)");
  if (exists && !has_current && (options.read_only || !options.create_if_missing))
    return Status::NotFound(dir.string() + ": no store here (create one with 'geokg ingest')");
  if (!exists) {
    const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
    if (!fs::is_directory(parent, ec))
      return Status::InvalidInput(dir.string() + ": cannot create store: directory " + parent.string() +
                                  " does not exist");
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
  const std::string readable =
      "this geokg reads schemas " + std::to_string(kSchemaWithoutMerges) + " and " + std::to_string(kSchemaVersion);
  if (found > kSchemaVersion)
    return Status::Unsupported(dir.string() + ": written by a newer geokg (store schema " + std::to_string(found) +
                               ", " + readable + "); upgrade geokg");
  if (found < kSchemaWithoutMerges)
    return Status::Unsupported(dir.string() + ": written by an older geokg (store schema " + std::to_string(found) +
                               ", " + readable + "); ingest the articles again into a new store");
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
  if (ids.size() > 1 && (ids.back() - ids.front()) / (ids.size() - 1) > kSteps) {
    // Scattered ids (a timeline's partners lie hundreds apart): the steps would be wasted, and
    // one MultiGet of the sorted keys reads each block they share once.
    std::vector<std::string> keys;
    keys.reserve(ids.size());
    for (EntityId id : ids) keys.push_back(U32Key(id));
    return impl_->MultiGetSorted(kEntities, keys, [&](size_t i, std::optional<std::string_view> value) -> Status {
      if (!value) return EntityDoesNotResolve(path_, ids[i]);
      auto record = ParseEntity(path_, ids[i], *value);
      if (!record.ok()) return record.status();
      return visit(record.value());
    });
  }
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
  return {std::move(e.doc),       ReadU32(key, 12),         e.begin,           e.end,        std::move(e.text),
          std::move(e.predicate), std::move(e.attribution), std::move(e.time), e.confidence, std::move(e.time_text),
          std::move(e.date)};
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
    if (!impl_->db()->GetIntProperty(impl_->cf(static_cast<Family>(f)), "rocksdb.num-entries-active-mem-table",
                                     &entries) ||
        !impl_->db()->GetIntProperty(impl_->cf(static_cast<Family>(f)), "rocksdb.num-entries-imm-mem-tables",
                                     &immutable) ||
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
  std::vector<std::string> keys;
  keys.reserve(ids.size());
  for (FactId id : ids) keys.push_back(U64Key(id));
  return impl_->MultiGetSorted(kFacts, keys, [&](size_t i, std::optional<std::string_view> value) -> Status {
    if (!value) return Status::NotFound(path_.string() + ": no fact " + std::to_string(ids[i]));
    auto fact = ParseFact(path_, ids[i], *value);
    if (!fact.ok()) return fact.status();
    return visit(fact.value());
  });
}

Status Store::ForEachFirstEvidence(std::span<const FactId> ids,
                                   const std::function<Status(FactId, const FactEvidence&)>& visit) const {
  assert(std::adjacent_find(ids.begin(), ids.end(), std::greater_equal<FactId>()) == ids.end());
  // One iterator sought forward through the ascending ids: making one per fact cost more than
  // the seek itself (timeline reads a first sentence per printed row).
  std::unique_ptr<rocksdb::Iterator> it(impl_->db()->NewIterator(rocksdb::ReadOptions(), impl_->cf(kEvidence)));
  for (FactId id : ids) {
    const std::string prefix = U64Key(id);
    it->Seek(prefix);
    GEOKG_RETURN_IF_ERROR(FromRocks(it->status(), path_));
    if (!it->Valid() || !it->key().starts_with(prefix)) continue;
    const std::string_view key(it->key().data(), it->key().size());
    std::optional<EvidenceValue> e =
        key.size() == 16 ? DecodeEvidence(std::string_view(it->value().data(), it->value().size())) : std::nullopt;
    if (!e)
      return Status::Corruption(path_.string() + ": an evidence row of fact " + std::to_string(id) + " is unreadable");
    GEOKG_RETURN_IF_ERROR(visit(id, ToFactEvidence(key, std::move(*e))));
  }
  return Status();
}

}  // namespace geokg::store
