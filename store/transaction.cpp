// The write side of Store: each document put or deleted and each merge is one Transaction,
// written as one WriteBatch.
#include <algorithm>
#include <cassert>
#include <chrono>
#include <ctime>
#include <map>
#include <set>
#include <span>

#include <rocksdb/write_batch.h>

#include "store/key_codec.h"
#include "store/store_impl.h"

namespace geokg::store {
using namespace internal;

namespace {

// Entries each writer cache may hold before it is emptied: keeps memory bounded on any corpus
// (about 10 MB each when full; docs/STORE.md, "Tuning").
constexpr size_t kMaxCached = size_t{1} << 17;

// The key of the merge record of entity `merged` (kMergePrefix).
std::string MergeKey(uint32_t merged) {
  std::string k(kMergePrefix);
  AppendU32(&k, merged);
  return k;
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
    EvidenceValue v{t.evidence.doc, t.evidence.begin, t.evidence.end,  t.confidence, t.predicate,
                    t.attribution,  t.time,           t.evidence.text, t.time_text,  doc->date};
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
    for (EntityId id : changed_entities_)
      batch_.Put(impl_.cf(kEntities), U32Key(id), Encode(EntityValue{entities_.at(id)}));
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
    if (!v)
      return Status::Corruption(impl_.path().string() + ": entity " + std::to_string(id) + " is missing or unreadable");
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
    if (target.code.empty())
      target.code = merged.code;
    else if (merged.type != EntityType::kPerson && !merged.code.empty())
      add(merged.code);
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
      if (!doc.value())
        return Status::Corruption(impl_.path().string() + ": document \"" + doc_id + "\" is not stored");
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
      rocksdb::Status PutCF(uint32_t id, const rocksdb::Slice& key, const rocksdb::Slice&) override {
        return Restore(id, key);
      }
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
    if (!f)
      return Status::Corruption(impl_.path().string() + ": fact " + std::to_string(id) +
                                " is indexed but missing or unreadable");
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

}  // namespace geokg::store
