// Store::Verify: one walk of a snapshot, one check per family (docs/STORE.md, "Invariants").
#include <algorithm>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "store/key_codec.h"
#include "store/store_impl.h"

namespace geokg::store {
using namespace internal;

namespace {

// The checks of one Verify call, all reading the same snapshot. A broken invariant is a
// problem in the report; a failed read stops the walk (the report would be meaningless), and
// each check returns it.
class Verifier {
 public:
  Verifier(const Store::Impl& impl, size_t max_problems)
      : impl_(impl), max_problems_(max_problems), snapshot_(impl.db()->GetSnapshot()) {}
  ~Verifier() { impl_.db()->ReleaseSnapshot(snapshot_); }
  Verifier(const Verifier&) = delete;
  Verifier& operator=(const Verifier&) = delete;

  Result<VerifyReport> Run() {
    ReadCounters();
    GEOKG_RETURN_IF_ERROR(CheckEntities());
    GEOKG_RETURN_IF_ERROR(CheckFacts());
    GEOKG_RETURN_IF_ERROR(CheckIndexes());
    GEOKG_RETURN_IF_ERROR(CheckEvidence());
    GEOKG_RETURN_IF_ERROR(CheckDocuments());
    GEOKG_RETURN_IF_ERROR(CheckNames());
    GEOKG_RETURN_IF_ERROR(CheckMerges());
    CheckCounters();
    return std::move(report_);
  }

 private:
  void Problem(const std::string& what) {
    if (report_.problems.size() < max_problems_) report_.problems.push_back(what);
    ++report_.problems_found;
  }

  // The value at `key` of `f` in the snapshot, or nullopt (also after a failed read, which is
  // kept in failure_).
  std::optional<std::string> Find(Family f, const std::string& key) {
    rocksdb::ReadOptions read;
    read.snapshot = snapshot_;
    std::string value;
    const rocksdb::Status s = impl_.db()->Get(read, impl_.cf(f), key, &value);
    if (s.IsNotFound()) return std::nullopt;
    if (!s.ok()) {
      if (failure_.ok()) failure_ = FromRocks(s, impl_.path());
      return std::nullopt;
    }
    return value;
  }

  // Calls visit(key, value) for every key of `f`, until a read fails.
  template <class Visit>
  Status ScanAll(Family f, Visit&& visit) {
    GEOKG_RETURN_IF_ERROR(impl_.Scan(
        f, "",
        [&](std::string_view k, std::string_view v) {
          visit(k, v);
          return failure_.ok();
        },
        snapshot_));
    return failure_;
  }

  // Filled by CheckEntities, which runs first: one walk instead of a lookup per fact end.
  bool EntityResolves(EntityId id) const { return Has(entities_, id); }
  bool FactExists(FactId id) const { return Has(facts_, id); }

  // Ids that exist, by id up to the counter; ids beyond it (a problem of their own) in a set, so
  // that a damaged id never sizes the table.
  struct Ids {
    std::vector<bool> upto_counter;
    std::set<uint64_t> beyond;
  };
  static bool Has(const Ids& ids, uint64_t id) {
    return id < ids.upto_counter.size() ? ids.upto_counter[id] : ids.beyond.count(id) > 0;
  }
  static void Insert(Ids* ids, uint64_t id, uint64_t counter) {
    if (id > counter) {
      ids->beyond.insert(id);
      return;
    }
    if (ids->upto_counter.size() <= counter) ids->upto_counter.resize(counter + 1);
    ids->upto_counter[id] = true;
  }

  // Which keys one family holds, as an order-free sum of their hashes: two walks in different
  // orders (the facts, an index) can then be compared without a lookup per key. Equal multisets
  // give equal sums; a lost, extra or altered key changes the sum but with chance 2^-64.
  struct KeySum {
    uint64_t keys = 0, sum = 0;
    void Add(std::string_view key) {
      uint64_t h = 1469598103934665603ull;
      for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
      h ^= h >> 33;  // FNV-1a, then a finaliser (MurmurHash3's) so that sums mix every bit
      h *= 0xff51afd7ed558ccdull;
      h ^= h >> 33;
      ++keys;
      sum += h;
    }
    bool operator==(const KeySum&) const = default;
  };

  void ReadCounters() {
    for (size_t i = 0; i < kCounters; ++i) {
      std::optional<std::string> v = Find(kMeta, kCounterNames[i]);
      if (v && v->size() == 8)
        counters_[i] = ReadU64(*v, 0);
      else if (v)
        Problem(std::string("counter ") + kCounterNames[i] + " is unreadable");
    }
  }

  // Facts: decodable, entities resolve, merge state equals its evidence; the index keys they
  // imply are summed for CheckIndexes. Facts and evidence rows both sort by fact id, so one
  // iterator walks the evidence alongside: no lookup per fact, time proportional to the store.
  Status CheckFacts() {
    rocksdb::ReadOptions read;
    read.snapshot = snapshot_;
    read.total_order_seek = true;
    std::unique_ptr<rocksdb::Iterator> rows(impl_.db()->NewIterator(read, impl_.cf(kEvidence)));
    rows->SeekToFirst();
    GEOKG_RETURN_IF_ERROR(ScanAll(kFacts, [&](std::string_view key, std::string_view value) {
      ++report_.counted.facts;
      if (key.size() != 8) return Problem("facts: a key of " + std::to_string(key.size()) + " bytes");
      const FactId id = ReadU64(key, 0);
      FactValue merged;
      // Rows of smaller ids have no fact: CheckEvidence reports them.
      for (; rows->Valid() && rows->key().compare(rocksdb::Slice(key.data(), key.size())) < 0; rows->Next()) {
      }
      for (; rows->Valid() && rows->key().starts_with(rocksdb::Slice(key.data(), key.size())); rows->Next()) {
        std::optional<EvidenceValue> ev = DecodeEvidence(std::string_view(rows->value().data(), rows->value().size()));
        if (ev) Fold(&merged, ev->time, ev->date, ev->confidence);  // an unreadable row: CheckEvidence
      }
      const std::string name = "fact " + std::to_string(id);
      std::optional<FactValue> f = DecodeFact(value);
      if (!f) return Problem(name + " is unreadable");
      if (id > counters_[kNextFact]) Problem(name + " is beyond next_fact " + std::to_string(counters_[kNextFact]));
      Insert(&facts_, id, counters_[kNextFact]);
      const IndexEntry e{f->subject, f->object, f->relation, f->modality, id};
      implied_[0].Add(SpoKey(e));
      implied_[1].Add(PosKey(e));
      implied_[2].Add(OspKey(e));
      if (!EntityResolves(f->subject))
        Problem(name + ": subject entity " + std::to_string(f->subject) + " does not resolve");
      if (!EntityResolves(f->object))
        Problem(name + ": object entity " + std::to_string(f->object) + " does not resolve");
      if (merged.mentions == 0) Problem(name + " has no evidence");
      if (merged.mentions != f->mentions)
        Problem(name + " counts " + std::to_string(f->mentions) + " mentions but has " +
                std::to_string(merged.mentions) + " evidence rows");
      if (merged.first_time != f->first_time || merged.last_time != f->last_time)
        Problem(name + ": first/last time " + f->first_time + "/" + f->last_time + " differ from its evidence's " +
                merged.first_time + "/" + merged.last_time);
      if (merged.first_reported != f->first_reported || merged.last_reported != f->last_reported)
        Problem(name + ": first/last report date " + f->first_reported + "/" + f->last_reported +
                " differ from its evidence's " + merged.first_reported + "/" + merged.last_reported);
      if (merged.confidence != f->confidence) Problem(name + ": confidence differs from the best of its evidence");
    }));
    return FromRocks(rows->status(), impl_.path());
  }

  // Index keys (spo, pos, osp): decodable and, together, exactly the keys the facts imply, so
  // that each names a fact that says the same. Compared by their sums; only an index whose sum
  // differs is checked key by key, to name what is wrong.
  Status CheckIndexes() {
    using Decoder = std::optional<IndexEntry> (*)(std::string_view);
    using Encoder = std::string (*)(const IndexEntry&);
    const std::tuple<Family, const char*, Decoder, Encoder> indexes[] = {
        {kSpo, "spo", DecodeSpo, SpoKey}, {kPos, "pos", DecodePos, PosKey}, {kOsp, "osp", DecodeOsp, OspKey}};
    for (size_t i = 0; i < 3; ++i) {
      // Plain variables, not a structured binding: clang 14 (the fuzz build) refuses to capture one.
      const Family family = std::get<0>(indexes[i]);
      const char* const index = std::get<1>(indexes[i]);
      const Decoder decode = std::get<2>(indexes[i]);
      const Encoder encode = std::get<3>(indexes[i]);
      KeySum held;
      GEOKG_RETURN_IF_ERROR(ScanAll(family, [&](std::string_view key, std::string_view) {
        if (!decode(key)) return Problem(std::string(index) + ": a malformed key");
        held.Add(key);
      }));
      if (held == implied_[i]) continue;
      GEOKG_RETURN_IF_ERROR(ScanAll(kFacts, [&](std::string_view key, std::string_view value) {
        std::optional<FactValue> f = key.size() == 8 ? DecodeFact(value) : std::nullopt;
        if (!f) return;  // reported by CheckFacts
        const FactId id = ReadU64(key, 0);
        if (!Find(family, encode({f->subject, f->object, f->relation, f->modality, id})))
          Problem("fact " + std::to_string(id) + " is missing from " + index);
      }));
      GEOKG_RETURN_IF_ERROR(ScanAll(family, [&](std::string_view key, std::string_view) {
        std::optional<IndexEntry> e = decode(key);
        if (!e) return;  // reported above
        std::optional<std::string> v = Find(kFacts, U64Key(e->fact));
        std::optional<FactValue> f = v ? DecodeFact(*v) : std::nullopt;
        if (!f) return Problem(std::string(index) + ": fact " + std::to_string(e->fact) + " does not resolve");
        if (f->subject != e->subject || f->object != e->object || f->relation != e->relation ||
            f->modality != e->modality)
          Problem(std::string(index) + ": the key of fact " + std::to_string(e->fact) + " disagrees with the fact");
      }));
    }
    return Status();
  }

  // Evidence rows: decodable, their fact exists, their document is stored under their number.
  // Each document's number is decoded once: its value lists all its rows, so decoding it per
  // row made verify quadratic in the rows of one document.
  Status CheckEvidence() {
    std::unordered_map<std::string, std::optional<uint32_t>> doc_numbers;
    auto doc_number = [&](const std::string& doc_id) -> std::optional<uint32_t> {
      auto [it, added] = doc_numbers.try_emplace(doc_id);
      if (added) {
        std::optional<std::string> d = Find(kDocs, doc_id);
        std::optional<DocValue> doc = d ? DecodeDoc(*d) : std::nullopt;
        if (doc) it->second = doc->number;
      }
      return it->second;
    };
    return ScanAll(kEvidence, [&](std::string_view key, std::string_view value) {
      ++report_.counted.evidence;
      if (key.size() != 16) return Problem("evidence: a key of " + std::to_string(key.size()) + " bytes");
      const std::string name = "evidence of fact " + std::to_string(ReadU64(key, 0)) + " (document number " +
                               std::to_string(ReadU32(key, 8)) + ", sentence " + std::to_string(ReadU32(key, 12)) + ")";
      std::optional<EvidenceValue> ev = DecodeEvidence(value);
      if (!ev) return Problem(name + " is unreadable");
      held_rows_.Add(key);
      if (!FactExists(ReadU64(key, 0))) Problem(name + ": the fact does not exist");
      const std::optional<uint32_t> number = doc_number(ev->doc);
      if (!number) return Problem(name + ": document \"" + ev->doc + "\" is not stored");
      if (*number != ReadU32(key, 8)) Problem(name + ": document \"" + ev->doc + "\" has another number");
    });
  }

  // Documents: each row they list exists (so an article is all there or absent), numbers unique,
  // and together they list every evidence row. The rows listed are compared with those held by
  // their sums; only when they differ is each listed row looked up, to name the missing ones.
  Status CheckDocuments() {
    uint64_t listed = 0;
    KeySum listed_rows;
    std::set<uint32_t> numbers;
    GEOKG_RETURN_IF_ERROR(ScanAll(kDocs, [&](std::string_view key, std::string_view value) {
      ++report_.counted.documents;
      const std::string name = "document \"" + std::string(key) + "\"";
      std::optional<DocValue> doc = DecodeDoc(value);
      if (!doc) return Problem(name + " is unreadable");
      if (!numbers.insert(doc->number).second) Problem(name + " shares its number " + std::to_string(doc->number));
      if (doc->number == 0 || doc->number > counters_[kNextDoc]) Problem(name + ": number beyond next_doc");
      std::set<std::pair<uint64_t, uint32_t>> rows;
      for (const DocValue::Row& row : doc->rows) {
        if (!rows.insert({row.fact, row.sentence}).second)
          Problem(name + " lists an evidence row twice");
        else
          listed_rows.Add(EvidenceKey(row.fact, doc->number, row.sentence));
      }
      listed += rows.size();
    }));
    if (!(listed_rows == held_rows_)) {
      GEOKG_RETURN_IF_ERROR(ScanAll(kDocs, [&](std::string_view key, std::string_view value) {
        std::optional<DocValue> doc = DecodeDoc(value);
        if (!doc) return;  // reported above
        for (const DocValue::Row& row : doc->rows)
          if (!Find(kEvidence, EvidenceKey(row.fact, doc->number, row.sentence)))
            Problem("document \"" + std::string(key) + "\": evidence of fact " + std::to_string(row.fact) +
                    ", sentence " + std::to_string(row.sentence) + " is missing");
      }));
    }
    if (listed != report_.counted.evidence)
      Problem("documents list " + std::to_string(listed) + " evidence rows but the store holds " +
              std::to_string(report_.counted.evidence));
    return Status();
  }

  // Entities: decodable, within the counter, found by their canonical name.
  Status CheckEntities() {
    return ScanAll(kEntities, [&](std::string_view key, std::string_view value) {
      ++report_.counted.entities;
      if (key.size() != 4) return Problem("entities: a key of " + std::to_string(key.size()) + " bytes");
      const EntityId id = ReadU32(key, 0);
      std::optional<EntityValue> e = DecodeEntity(value);
      if (!e) return Problem("entity " + std::to_string(id) + " is unreadable");
      Insert(&entities_, id, counters_[kNextEntity]);
      if (id > counters_[kNextEntity]) Problem("entity " + std::to_string(id) + " is beyond next_entity");
      if (!Find(kNames, NameKey(NormalizeName(e->entity.name), id)))
        Problem("entity " + std::to_string(id) + " (" + e->entity.name + ") cannot be found by its name");
    });
  }

  // Names: well-formed, each leading to an entity that resolves.
  Status CheckNames() {
    return ScanAll(kNames, [&](std::string_view key, std::string_view) {
      const size_t zero = key.find('\0');
      if (zero == std::string_view::npos || key.size() != zero + 5) return Problem("names: a malformed key");
      if (!EntityResolves(ReadU32(key, zero + 1)))
        Problem("name \"" + std::string(key.substr(0, zero)) + "\": entity " + std::to_string(ReadU32(key, zero + 1)) +
                " does not resolve");
    });
  }

  // Merges: each record readable, in a schema-5 store, its entity gone, each of its own names
  // leading to the entity its chain of merges ends in.
  Status CheckMerges() {
    auto merges = ReadMerges(impl_, snapshot_);
    if (!merges.ok() && merges.status().code() != Code::kCorruption) return merges.status();
    if (!merges.ok()) Problem(merges.status().message());
    if (std::optional<std::string> undo = Find(kMeta, "undo"); undo && !DecodeUndo(*undo))
      Problem("the record of the last merge, to undo it, is unreadable");
    const std::string schema = Find(kMeta, "schema").value_or("");
    if (merges.ok() && !merges.value().empty() && schema != std::to_string(kSchemaVersion))
      Problem("merge records in a store of schema " + schema + " (a merge makes it " + std::to_string(kSchemaVersion) +
              ")");
    for (const MergeRecord& m : merges.ok() ? merges.value() : std::vector<MergeRecord>{}) {
      const std::string name = "merge of entity " + std::to_string(m.merged_id) + " (" + m.merged.name + ")";
      if (m.merged_id > counters_[kNextEntity]) Problem(name + ": the id is beyond next_entity");
      if (Find(kEntities, U32Key(m.merged_id))) Problem(name + ": the entity still exists");
      if (m.now_in == 0) {
        Problem(name + ": its chain of merges never ends in an entity");
      } else if (!EntityResolves(m.now_in)) {
        Problem(name + ": entity " + std::to_string(m.now_in) + ", which it went into, does not resolve");
      } else {
        for (const std::string& n : OwnNames(m.merged))
          if (!Find(kNames, NameKey(n, m.now_in)))
            Problem(name + ": its name \"" + n + "\" does not lead to entity " + std::to_string(m.now_in));
      }
    }
    return failure_;
  }

  // The counters in `meta` equal the rows counted by the checks.
  void CheckCounters() {
    const std::pair<CounterId, uint64_t> counted[] = {{kDocuments, report_.counted.documents},
                                                      {kEntities_, report_.counted.entities},
                                                      {kFacts_, report_.counted.facts},
                                                      {kEvidence_, report_.counted.evidence}};
    for (const auto& [counter, n] : counted)
      if (counters_[counter] != n)
        Problem(std::string("counter ") + kCounterNames[counter] + " is " + std::to_string(counters_[counter]) +
                " but the store holds " + std::to_string(n));
  }

  const Store::Impl& impl_;
  const size_t max_problems_;
  const rocksdb::Snapshot* const snapshot_;
  Counters counters_{};
  Ids entities_, facts_;  // those that exist and decode
  KeySum implied_[3];     // the spo, pos and osp keys the facts imply
  KeySum held_rows_;      // the evidence keys the store holds
  VerifyReport report_;
  Status failure_;  // the first failed read
};

}  // namespace

Result<VerifyReport> Store::Verify(size_t max_problems) const { return Verifier(*impl_, max_problems).Run(); }

}  // namespace geokg::store
