#include "store/store.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>
#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>

#include "store/key_codec.h"

namespace geokg::store {
namespace fs = std::filesystem;
using nlohmann::json;
using namespace internal;

namespace {

// Column families, in handle order.
enum Family : size_t { kDefault, kMeta, kDocs, kEntities, kNames, kFacts, kSpo, kPos, kOsp, kEvidence, kFamilies };
constexpr const char* kFamilyNames[kFamilies] = {"default", "meta", "docs", "entities", "names",
                                                 "facts",   "spo",  "pos",  "osp",      "evidence"};

Status FromRocks(const rocksdb::Status& s, const fs::path& path) {
  if (s.ok()) return Status();
  const std::string where = path.string() + ": ";
  if (s.IsIOError() && s.ToString().find("lock") != std::string::npos)
    return Status::Busy(where + "store is in use by another process");
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

std::string ContentHash(const Document& d) {
  uint64_t h = Fnv1a(d.text);
  h = Fnv1a(d.title, h ^ 0x9e3779b97f4a7c15ull);
  h = Fnv1a(d.date, h ^ 0x9e3779b97f4a7c15ull);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

json FactToJson(const Fact& f) {
  return {{"s", f.subject},   {"o", f.object},          {"r", static_cast<int>(f.relation)},
          {"m", static_cast<int>(f.modality)}, {"p", f.predicate}, {"c", f.cameo},
          {"n", f.mentions},  {"t0", f.first_time},     {"t1", f.last_time}, {"conf", f.confidence}};
}

Result<Fact> FactFromJson(FactId id, std::string_view value) {
  json j = json::parse(value, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption("fact " + std::to_string(id) + " is not readable");
  Fact f;
  f.id = id;
  try {
    f.subject = j.at("s").get<EntityId>();
    f.object = j.at("o").get<EntityId>();
    f.relation = static_cast<Relation>(j.at("r").get<int>());
    f.modality = static_cast<Modality>(j.at("m").get<int>());
    f.predicate = j.at("p").get<std::string>();
    f.cameo = j.at("c").get<std::string>();
    f.mentions = j.at("n").get<uint32_t>();
    f.first_time = j.at("t0").get<std::string>();
    f.last_time = j.at("t1").get<std::string>();
    f.confidence = j.at("conf").get<float>();
  } catch (const json::exception& e) {
    return Status::Corruption("fact " + std::to_string(id) + ": " + e.what());
  }
  return f;
}

json EvidenceToJson(const Triple& t) {
  return {{"doc", t.evidence.doc}, {"begin", t.evidence.begin}, {"end", t.evidence.end}, {"text", t.evidence.text},
          {"p", t.predicate},      {"a", t.attribution},        {"t", t.time},           {"conf", t.confidence}};
}

void Widen(const std::string& time, std::string* first, std::string* last) {
  if (time.empty()) return;
  if (first->empty() || time < *first) *first = time;
  if (last->empty() || time > *last) *last = time;
}

}  // namespace

class Store::Impl {
 public:
  Impl(fs::path path, std::unique_ptr<rocksdb::DB> db, std::vector<rocksdb::ColumnFamilyHandle*> handles, bool read_only)
      : path_(std::move(path)), db_(std::move(db)), handles_(std::move(handles)), read_only_(read_only) {}
  ~Impl() {
    for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h);
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

  // Calls visit(key, value) for each key of `f` starting with `prefix`; stops when it returns false.
  template <class Visit>
  Status Scan(Family f, std::string_view prefix, Visit&& visit) const {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(f)));
    for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size())); it->Valid() && it->key().starts_with(rocksdb::Slice(prefix.data(), prefix.size())); it->Next())
      if (!visit(std::string_view(it->key().data(), it->key().size()), std::string_view(it->value().data(), it->value().size())))
        break;
    return FromRocks(it->status(), path_);
  }

 private:
  fs::path path_;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  bool read_only_;
};

namespace {

// One document's write: everything it adds or removes, staged in memory and written as one
// WriteBatch. Counters and entities created earlier in the same batch are remembered here.
class Transaction {
 public:
  explicit Transaction(Store::Impl& impl) : impl_(impl) {}

  Status Load() {
    GEOKG_RETURN_IF_ERROR(Counter("next_entity", &next_entity_));
    GEOKG_RETURN_IF_ERROR(Counter("next_fact", &next_fact_));
    uint64_t next_doc = 0;
    GEOKG_RETURN_IF_ERROR(Counter("next_doc", &next_doc));
    next_doc_ = static_cast<uint32_t>(next_doc);
    return Status();
  }

  Result<EntityId> EntityFor(const Entity& e) {
    const std::string norm = NormalizeName(e.name);
    if (auto it = pending_entities_.find(norm); it != pending_entities_.end()) return it->second;
    std::optional<EntityId> found;
    GEOKG_RETURN_IF_ERROR(impl_.Scan(kNames, norm + '\0', [&](std::string_view key, std::string_view) {
      if (key.size() != norm.size() + 5) return true;
      const EntityId id = ReadU32(key, norm.size() + 1);
      auto record = impl_.Get(kEntities, EntityKey(id));
      if (record.ok() && record.value()) {
        json j = json::parse(*record.value(), nullptr, false);
        if (!j.is_discarded() && NormalizeName(j.value("name", "")) == norm) {
          found = id;
          return false;
        }
      }
      return true;
    }));
    EntityId id;
    if (found) {
      id = *found;
    } else {
      id = static_cast<EntityId>(++next_entity_);
      json aliases = json::array();
      std::set<std::string> names = {norm};
      for (const std::string& a : e.aliases) aliases.push_back(a);
      batch_.Put(impl_.cf(kEntities), EntityKey(id),
                 json{{"name", e.name}, {"type", EntityTypeName(e.type)}, {"code", e.code}, {"aliases", aliases}}.dump());
      for (const std::string& a : e.aliases) names.insert(NormalizeName(a));
      if (!e.code.empty()) names.insert(NormalizeName(e.code));
      // A person can be asked for by surname: "Lee" for "Lee Jae-myung".
      if (e.type == EntityType::kPerson) {
        size_t space = e.name.rfind(' ');
        if (space != std::string::npos) {
          names.insert(NormalizeName(e.name.substr(space + 1)));
          names.insert(NormalizeName(e.name.substr(0, e.name.find(' '))));
        }
      }
      for (const std::string& n : names)
        if (!n.empty()) batch_.Put(impl_.cf(kNames), NameKey(n, id), "");
    }
    pending_entities_[norm] = id;
    return id;
  }

  // The fact for (s, r, o, m), existing or new; symmetric relations keep the smaller id first.
  Result<Fact*> FactFor(EntityId s, Relation r, EntityId o, Modality m, const Triple& t) {
    if (Info(r).symmetric && o < s) std::swap(s, o);
    IndexEntry probe{s, o, r, m, 0};
    std::string prefix = SpoKey(probe).substr(0, 10);
    for (auto& [id, fact] : facts_)
      if (fact.subject == s && fact.object == o && fact.relation == r && fact.modality == m) return &fact;
    std::optional<FactId> existing;
    GEOKG_RETURN_IF_ERROR(impl_.Scan(kSpo, prefix, [&](std::string_view key, std::string_view) {
      if (auto e = DecodeSpo(key)) existing = e->fact;
      return false;
    }));
    if (existing) {
      GEOKG_RETURN_IF_ERROR(LoadFact(*existing));
      return &facts_.at(*existing);
    }
    Fact f;
    f.id = ++next_fact_;
    f.subject = s;
    f.object = o;
    f.relation = r;
    f.modality = m;
    f.predicate = t.predicate;
    f.cameo = t.cameo;
    probe.fact = f.id;
    batch_.Put(impl_.cf(kSpo), SpoKey(probe), "");
    batch_.Put(impl_.cf(kPos), PosKey(probe), "");
    batch_.Put(impl_.cf(kOsp), OspKey(probe), "");
    return &(facts_[f.id] = f);
  }

  Status LoadFact(FactId id) {
    if (facts_.count(id)) return Status();
    std::string key;
    AppendU64(&key, id);
    auto value = impl_.Get(kFacts, key);
    if (!value.ok()) return value.status();
    if (!value.value()) return Status::Corruption(impl_.path().string() + ": fact " + std::to_string(id) + " is indexed but missing");
    auto fact = FactFromJson(id, *value.value());
    if (!fact.ok()) return fact.status();
    facts_[id] = fact.value();
    return Status();
  }

  // Removes the evidence rows a document added and recomputes the facts they touched.
  Status RemoveContribution(const json& doc_record) {
    const uint32_t doc_number = doc_record.at("n").get<uint32_t>();
    std::set<FactId> touched;
    for (const json& row : doc_record.at("evidence")) {
      const FactId fact = row.at(0).get<FactId>();
      const uint32_t sentence = row.at(1).get<uint32_t>();
      const std::string key = EvidenceKey(fact, doc_number, sentence);
      batch_.Delete(impl_.cf(kEvidence), key);
      removed_evidence_.insert(key);
      touched.insert(fact);
    }
    for (FactId id : touched) {
      GEOKG_RETURN_IF_ERROR(LoadFact(id));
      Fact& f = facts_.at(id);
      f.mentions = 0;
      f.first_time.clear();
      f.last_time.clear();
      f.confidence = 0;
      std::string prefix;
      AppendU64(&prefix, id);
      GEOKG_RETURN_IF_ERROR(impl_.Scan(kEvidence, prefix, [&](std::string_view key, std::string_view value) {
        if (removed_evidence_.count(std::string(key))) return true;
        json j = json::parse(value, nullptr, false);
        if (j.is_discarded()) return true;
        ++f.mentions;
        Widen(j.value("t", ""), &f.first_time, &f.last_time);
        f.confidence = std::max(f.confidence, j.value("conf", 0.0f));
        return true;
      }));
    }
    return Status();
  }

  Status AddEvidence(Fact* f, uint32_t doc_number, const Triple& t, json* doc_evidence) {
    const std::string key = EvidenceKey(f->id, doc_number, t.evidence.sentence);
    if (!added_evidence_.insert(key).second) return Status();  // same fact twice in one sentence
    removed_evidence_.erase(key);
    batch_.Put(impl_.cf(kEvidence), key, EvidenceToJson(t).dump());
    ++f->mentions;
    Widen(t.time, &f->first_time, &f->last_time);
    f->confidence = std::max(f->confidence, t.confidence);
    doc_evidence->push_back({f->id, t.evidence.sentence});
    return Status();
  }

  // Writes the touched facts (deleting those left without evidence) and the counters.
  Status Commit() {
    for (auto& [id, f] : facts_) {
      std::string key;
      AppendU64(&key, id);
      if (f.mentions == 0) {
        const IndexEntry e{f.subject, f.object, f.relation, f.modality, id};
        batch_.Delete(impl_.cf(kFacts), key);
        batch_.Delete(impl_.cf(kSpo), SpoKey(e));
        batch_.Delete(impl_.cf(kPos), PosKey(e));
        batch_.Delete(impl_.cf(kOsp), OspKey(e));
      } else {
        batch_.Put(impl_.cf(kFacts), key, FactToJson(f).dump());
      }
    }
    PutCounter("next_entity", next_entity_);
    PutCounter("next_fact", next_fact_);
    PutCounter("next_doc", next_doc_);
    rocksdb::WriteOptions options;
    return FromRocks(impl_.db()->Write(options, &batch_), impl_.path());
  }

  uint32_t NewDocNumber() { return ++next_doc_; }
  rocksdb::WriteBatch& batch() { return batch_; }

  static std::string EntityKey(EntityId id) {
    std::string k;
    AppendU32(&k, id);
    return k;
  }

 private:
  Status Counter(const std::string& name, uint64_t* out) {
    auto v = impl_.Get(kMeta, name);
    if (!v.ok()) return v.status();
    *out = v.value() && v.value()->size() == 8 ? ReadU64(*v.value(), 0) : 0;
    return Status();
  }
  void PutCounter(const std::string& name, uint64_t value) {
    std::string v;
    AppendU64(&v, value);
    batch_.Put(impl_.cf(kMeta), name, v);
  }

  Store::Impl& impl_;
  rocksdb::WriteBatch batch_;
  uint64_t next_entity_ = 0;
  uint64_t next_fact_ = 0;
  uint32_t next_doc_ = 0;
  std::unordered_map<std::string, EntityId> pending_entities_;
  std::map<FactId, Fact> facts_;
  std::set<std::string> added_evidence_;
  std::set<std::string> removed_evidence_;
};

}  // namespace

Store::Store(fs::path path, std::unique_ptr<Impl> impl) : path_(std::move(path)), impl_(std::move(impl)) {}
Store::~Store() = default;

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

  rocksdb::Options db_options;
  db_options.create_if_missing = options.create_if_missing && !options.read_only;
  db_options.create_missing_column_families = !options.read_only;
  db_options.max_open_files = 256;
  db_options.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  db_options.keep_log_file_num = 2;
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const char* name : kFamilyNames) descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions(db_options));
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = options.read_only
                          ? rocksdb::DB::OpenForReadOnly(db_options, dir.string(), descriptors, &handles, &raw)
                          : rocksdb::DB::Open(db_options, dir.string(), descriptors, &handles, &raw);
  if (!s.ok()) return FromRocks(s, dir);
  auto impl = std::make_unique<Impl>(dir, std::unique_ptr<rocksdb::DB>(raw), std::move(handles), options.read_only);

  auto version = impl->Get(kMeta, "schema");
  if (!version.ok()) return version.status();
  if (!version.value()) {
    if (options.read_only) return Status::InvalidInput(dir.string() + ": not a geokg store (no schema version)");
    rocksdb::Status w = impl->db()->Put(rocksdb::WriteOptions(), impl->cf(kMeta), "schema", std::to_string(kSchemaVersion));
    if (!w.ok()) return FromRocks(w, dir);
  } else {
    int found = 0;
    try {
      found = std::stoi(*version.value());
    } catch (const std::exception&) {
      return Status::Corruption(dir.string() + ": unreadable schema version \"" + *version.value() + "\"");
    }
    if (found > kSchemaVersion)
      return Status::Unsupported(dir.string() + ": written by a newer geokg (store schema " + std::to_string(found) +
                                 ", this geokg reads schema " + std::to_string(kSchemaVersion) + "); upgrade geokg");
  }
  return std::unique_ptr<Store>(new Store(dir, std::move(impl)));
}

Result<PutOutcome> Store::PutDocument(const Document& document, std::span<const Triple> triples) {
  assert(!impl_->read_only());
  const std::string hash = ContentHash(document);
  auto existing = impl_->Get(kDocs, document.id);
  if (!existing.ok()) return existing.status();
  Transaction tx(*impl_);
  GEOKG_RETURN_IF_ERROR(tx.Load());
  uint32_t doc_number = 0;
  PutOutcome outcome = PutOutcome::kNew;
  if (existing.value()) {
    json old = json::parse(*existing.value(), nullptr, false);
    if (old.is_discarded()) return Status::Corruption(path_.string() + ": document \"" + document.id + "\" is unreadable");
    if (old.value("hash", "") == hash) return PutOutcome::kUnchanged;
    GEOKG_RETURN_IF_ERROR(tx.RemoveContribution(old));
    doc_number = old.at("n").get<uint32_t>();
    outcome = PutOutcome::kReplaced;
  } else {
    doc_number = tx.NewDocNumber();
  }
  json evidence = json::array();
  for (const Triple& t : triples) {
    assert(t.evidence.doc == document.id);
    auto s = tx.EntityFor(t.subject);
    if (!s.ok()) return s.status();
    auto o = tx.EntityFor(t.object);
    if (!o.ok()) return o.status();
    auto fact = tx.FactFor(s.value(), t.relation, o.value(), t.modality, t);
    if (!fact.ok()) return fact.status();
    GEOKG_RETURN_IF_ERROR(tx.AddEvidence(fact.value(), doc_number, t, &evidence));
  }
  json record = {{"n", doc_number},         {"hash", hash},         {"title", document.title},
                 {"date", document.date},   {"source", document.source}, {"url", document.url},
                 {"evidence", evidence}};
  tx.batch().Put(impl_->cf(kDocs), document.id, record.dump());
  GEOKG_RETURN_IF_ERROR(tx.Commit());
  return outcome;
}

Status Store::DeleteDocument(const std::string& doc_id) {
  assert(!impl_->read_only());
  auto existing = impl_->Get(kDocs, doc_id);
  if (!existing.ok()) return existing.status();
  if (!existing.value()) return Status::NotFound(path_.string() + ": no document \"" + doc_id + "\"");
  json old = json::parse(*existing.value(), nullptr, false);
  if (old.is_discarded()) return Status::Corruption(path_.string() + ": document \"" + doc_id + "\" is unreadable");
  Transaction tx(*impl_);
  GEOKG_RETURN_IF_ERROR(tx.Load());
  GEOKG_RETURN_IF_ERROR(tx.RemoveContribution(old));
  tx.batch().Delete(impl_->cf(kDocs), doc_id);
  return tx.Commit();
}

Result<EntityRecord> Store::GetEntity(EntityId id) const {
  auto value = impl_->Get(kEntities, Transaction::EntityKey(id));
  if (!value.ok()) return value.status();
  if (!value.value()) return Status::Corruption(path_.string() + ": entity " + std::to_string(id) + " does not resolve");
  json j = json::parse(*value.value(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption(path_.string() + ": entity " + std::to_string(id) + " is unreadable");
  EntityRecord r;
  r.id = id;
  r.entity.name = j.value("name", "");
  r.entity.type = ParseEntityType(j.value("type", "other")).value_or(EntityType::kOther);
  r.entity.code = j.value("code", "");
  if (auto a = j.find("aliases"); a != j.end() && a->is_array())
    for (const json& alias : *a)
      if (alias.is_string()) r.entity.aliases.push_back(alias.get<std::string>());
  return r;
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

Result<Fact> Store::GetFact(FactId id) const {
  std::string key;
  AppendU64(&key, id);
  auto value = impl_->Get(kFacts, key);
  if (!value.ok()) return value.status();
  if (!value.value()) return Status::NotFound(path_.string() + ": no fact " + std::to_string(id));
  return FactFromJson(id, *value.value());
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
      fact = key.size() == 8 ? FactFromJson(ReadU64(key, 0), value) : fact;
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

Result<std::vector<FactEvidence>> Store::Evidence(FactId id) const {
  std::string prefix;
  AppendU64(&prefix, id);
  std::vector<FactEvidence> out;
  GEOKG_RETURN_IF_ERROR(impl_->Scan(kEvidence, prefix, [&](std::string_view key, std::string_view value) {
    json j = json::parse(value, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return true;
    out.push_back({j.value("doc", ""), ReadU32(key, 12), j.value("begin", 0u), j.value("end", 0u), j.value("text", ""),
                   j.value("p", ""), j.value("a", ""), j.value("t", ""), j.value("conf", 0.0f)});
    return true;
  }));
  return out;
}

Result<StoreStats> Store::Stats() const {
  StoreStats stats;
  auto count = [&](Family f, uint64_t* n) {
    return impl_->Scan(f, "", [&](std::string_view, std::string_view) {
      ++*n;
      return true;
    });
  };
  GEOKG_RETURN_IF_ERROR(count(kDocs, &stats.documents));
  GEOKG_RETURN_IF_ERROR(count(kEntities, &stats.entities));
  GEOKG_RETURN_IF_ERROR(count(kFacts, &stats.facts));
  GEOKG_RETURN_IF_ERROR(count(kEvidence, &stats.evidence));
  return stats;
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
  auto value = impl_->Get(kDocs, doc_id);
  if (!value.ok()) return value.status();
  if (!value.value()) return Status::NotFound(path_.string() + ": no document \"" + doc_id + "\"");
  json j = json::parse(*value.value(), nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::Corruption(path_.string() + ": document \"" + doc_id + "\" is unreadable");
  Document d;
  d.id = doc_id;
  d.title = j.value("title", "");
  d.date = j.value("date", "");
  d.source = j.value("source", "");
  d.url = j.value("url", "");
  return d;
}

}  // namespace geokg::store
