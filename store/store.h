// store/store.h -- the on-disk triple store: one RocksDB directory holding articles, canonical
// entities, merged facts, their indexes and provenance (layout: docs/STORE.md). A Store may be
// shared by threads for reading; writes come from one thread at a time.
//
//   auto store = Store::Open("geokg.db", {}).value();
//   store->PutDocument(document, extractor->Extract(document));
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/document.h"
#include "graph/entity.h"
#include "graph/status.h"
#include "graph/triple.h"

namespace geokg::store {

// The schemas this build reads and writes (docs/STORE.md): 5 is 4 plus the records of entity
// merges. A store is created at 4 and becomes 5 with its first merge, so that an older geokg,
// which would ignore the merges, refuses it, while stores without merges stay readable to it.
// A store of any other schema is refused with a message naming the versions, never misread.
inline constexpr int kSchemaVersion = 5;
inline constexpr int kSchemaWithoutMerges = 4;

using EntityId = uint32_t;
using FactId = uint64_t;

struct Options {
  bool read_only = false;         // open for queries; other processes may be writing
  bool create_if_missing = true;  // ignored when read_only
};

struct EntityRecord {
  EntityId id = 0;
  Entity entity;  // canonical name, type, code, aliases
};

// One fact: the same (subject, relation, object, modality) merged across every sentence that
// states it. For symmetric relations the subject is the entity with the smaller id.
struct Fact {
  FactId id = 0;
  EntityId subject = 0;
  EntityId object = 0;
  Relation relation = Relation::kOther;
  Modality modality = Modality::kAsserted;
  std::string predicate;  // the phrase of the first sentence that stated it
  std::string cameo;
  uint32_t mentions = 0;  // evidence rows
  // Earliest and latest time of its events: those its sentences give when any does
  // (time_source kEvent), else its articles' dates (kReport); empty only when neither exists.
  std::string first_time;
  std::string last_time;
  float confidence = 0;  // the best of its evidence
  TimeSource time_source = TimeSource::kNone;
  std::string first_reported;  // earliest and latest date of the articles stating it
  std::string last_reported;
};

// One sentence behind a fact.
struct FactEvidence {
  std::string doc;
  uint32_t sentence = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string text;
  std::string predicate;
  std::string attribution;
  std::string time;
  float confidence = 0;
  std::string time_text;  // the time as the sentence wrote it ("on Sunday"); may be empty
  std::string date;       // the article's date; may be empty
};

enum class PutOutcome : uint8_t { kNew, kUnchanged, kReplaced };

struct StoreStats {
  uint64_t documents = 0;
  uint64_t entities = 0;
  uint64_t facts = 0;
  uint64_t evidence = 0;
};

// What Verify found: the rows it counted and each broken invariant, one line each.
struct VerifyReport {
  StoreStats counted;
  uint64_t problems_found = 0;
  std::vector<std::string> problems;  // the first `max_problems` of them
  bool ok() const { return problems_found == 0; }
};

// Which index a fact scan walks: facts with this subject, with this object, or of this
// relation; each optionally narrowed by the others.
struct FactPattern {
  std::optional<EntityId> subject;
  std::optional<EntityId> object;
  std::optional<Relation> relation;
};

// A fact's place in the indexes: its ends, relation and modality, read from the key alone.
struct Link {
  FactId fact = 0;
  EntityId subject = 0;
  EntityId object = 0;
  Relation relation = Relation::kOther;
  Modality modality = Modality::kAsserted;
};

// What MergeEntities did (docs/STORE.md, "Merging entities").
struct MergeReport {
  EntityRecord into;              // as it is after the merge: the merged entity's names are its aliases
  EntityRecord merged;            // as it was
  uint64_t facts_moved = 0;       // facts of the merged entity, now the other's
  uint64_t facts_combined = 0;    // of those, folded into a fact that had become the same
  uint64_t self_loops = 0;        // facts now joining `into` to itself (A met B became A met A)
  uint64_t evidence_dropped = 0;  // rows that duplicated one of the fact they joined (same sentence)
};

// A recorded merge: `merged` went into entity `into`, which may itself have gone into another
// since (`now_in` is where its names lead today).
struct MergeRecord {
  EntityId merged_id = 0;
  Entity merged;  // as it was
  EntityId into = 0;
  EntityId now_in = 0;
  std::string when;  // UTC, ISO 8601
};

// What PutDocument keeps to tell a changed document from an unchanged one: FNV-1a over text,
// title, date, source and url. Stable across builds and machines (it is part of the schema).
uint64_t ContentHash(const Document& document);

class Store {
 public:
  // Opens the store in `dir`. kNotFound: no store there (read-only, or create_if_missing off).
  // kInvalidInput: `dir` holds something that is not a geokg store, or its parent is missing.
  // kBusy: another process has it open for writing. kUnsupported: a newer geokg wrote it (the
  // message names both schema versions). kCorruption: a damaged write-ahead log (never replayed
  // only in part: the message says to run Repair) or damaged table files. kIOError: as RocksDB
  // says, with the path. Creating a new store is atomic and exclusive: processes racing to
  // create the same one end with one store, each either opening it or getting kBusy.
  // Test hook: with GEOKG_TEST_DISK_BUDGET=N in the environment, the store's files take N more
  // bytes and then the disk counts as full (store/disk_budget.h).
  static Result<std::unique_ptr<Store>> Open(const std::filesystem::path& dir, const Options& options);

  // What Repair kept and what it had to drop.
  struct RepairReport {
    uint64_t documents = 0;  // documents the repaired store holds
    uint64_t dropped = 0;    // documents the log recorded past its damage (lost; ingest them again)
  };
  // Recovers the store in `dir` after Open reported a damaged write-ahead log: keeps every
  // article written before the first damaged record and drops the rest, so that the store is
  // consistent again (each article whole or absent). kBusy when another process has it open;
  // kCorruption when table files are damaged too (nothing is changed then).
  static Result<RepairReport> Repair(const std::filesystem::path& dir);

  // Writes what is still only in the write-ahead log to table files and closes the store. A
  // failure (a full disk) is returned, not hidden: the log still holds every write then, and
  // the next open replays it. The destructor does the same when Close was not called, silently.
  // After Close only the destructor may be called.
  Status Close();
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Stores `document` and its `triples` in one atomic write: after an error none of it is
  // visible. An unchanged document (same id and content) is a no-op (kUnchanged); a changed
  // one replaces its earlier contribution (kReplaced). REQUIRES: read-write; every triple's
  // evidence.doc is document.id.
  Result<PutOutcome> PutDocument(const Document& document, std::span<const Triple> triples);
  // The same for a document whose text is not at hand (`geokg load` of extracted triples):
  // `content_hash` stands for ContentHash of the whole document as it was extracted.
  Result<PutOutcome> PutDocument(const Document& document, uint64_t content_hash, std::span<const Triple> triples);

  // True when `document` is stored with this same content, so that PutDocument would be a
  // no-op: lets a caller skip extracting it. Thread-safe; may run beside the writer.
  Result<bool> IsStored(const Document& document) const;

  // Removes a document's contribution atomically. kNotFound when no such document is stored.
  Status DeleteDocument(const std::string& doc_id);

  // Makes entity `from` one with entity `into`, in one atomic write: `into` keeps its canonical
  // name and type and takes `from`'s names as aliases (and its code when it has none); every
  // fact, evidence row and name of `from` becomes `into`'s; facts that become the same are
  // combined as ingest combines them. The merge is recorded, so that later writes map
  // `from`'s names to `into` whatever the type of the mention; UndoLastMerge can take it back
  // until the store is written again. kInvalidInput when the two are the same; kNotFound when
  // either does not exist. REQUIRES: read-write.
  Result<MergeReport> MergeEntities(EntityId into, EntityId from);
  // Takes back the last merge exactly, when nothing was written to the store since it: every
  // row it changed gets the value it had before, its record included. kNotFound when there is
  // no merge to undo; kUnsupported when the store was written since (an ingest, a load, a
  // delete, another merge or undo, or an open for writing that wrote nothing): later rows may
  // then depend on the merge. Returns the record of the merge undone. REQUIRES: read-write.
  Result<MergeRecord> UndoLastMerge();
  // The recorded merges, by merged entity id.
  Result<std::vector<MergeRecord>> Merges() const;

  // Entities whose canonical name, alias or code is `name`, ignoring case.
  Result<std::vector<EntityRecord>> FindEntities(std::string_view name) const;
  // The entity with `id`. kCorruption when the id does not resolve.
  Result<EntityRecord> GetEntity(EntityId id) const;
  // The entity with `id`, or nullopt when there is none: for ids a user gives (GetEntity is for
  // the ids the store itself refers to).
  Result<std::optional<EntityRecord>> FindEntity(EntityId id) const;
  // Calls `visit` with the entity of each of `ids` in that order, read in one walk of the
  // entities family when the ids lie close together, else in one MultiGet: far cheaper than a
  // GetEntity per id when there are hundreds. kCorruption when an id does not resolve; stops at,
  // and returns, the first non-OK status `visit` returns.
  // REQUIRES: `ids` strictly ascending.
  Status ForEachEntity(std::span<const EntityId> ids, const std::function<Status(const EntityRecord&)>& visit) const;
  // The fact with `id`; kNotFound when there is none.
  Result<Fact> GetFact(FactId id) const;

  // Calls `visit` for each fact matching `pattern`, from the index that fits it (spo, pos or
  // osp; every fact when the pattern is empty). Stops at, and returns, the first non-OK status
  // `visit` returns.
  Status ForEachFact(const FactPattern& pattern, const std::function<Status(const Fact&)>& visit) const;
  // Every sentence behind fact `id`, in document order.
  Result<std::vector<FactEvidence>> Evidence(FactId id) const;
  // Calls `visit` with each fact of `ids` in that order, read in one batch (RocksDB's MultiGet):
  // cheaper than a GetFact per id when there are hundreds. kNotFound names a missing fact;
  // stops at, and returns, the first non-OK status `visit` returns. REQUIRES: `ids` strictly
  // ascending.
  Status ForEachFactOf(std::span<const FactId> ids, const std::function<Status(const Fact&)>& visit) const;
  // Calls `visit` with the first sentence (Evidence(id).front()) of each fact of `ids` that has
  // one, reading no other sentence. Stops as ForEachFactOf. REQUIRES: `ids` strictly ascending.
  Status ForEachFirstEvidence(std::span<const FactId> ids,
                              const std::function<Status(FactId, const FactEvidence&)>& visit) const;

  // The counts kept in `meta`, updated with every write (constant time).
  Result<StoreStats> Stats() const;

  // Walks every family of one consistent snapshot and checks every invariant of
  // docs/STORE.md: each fact is in spo, pos and osp and each index key points back at it; its
  // mention count, first/last time and confidence equal its evidence rows; every entity,
  // fact and document id resolves; each document's evidence rows all exist; the counters equal
  // the rows. Broken invariants are the report, not an error; an error means a read failed.
  // Reads the whole store: time grows with its size.
  Result<VerifyReport> Verify(size_t max_problems = 100) const;
  const std::filesystem::path& path() const { return path_; }

  // The sequence number of the state this handle reads: every write changes it, so a file
  // derived from the store (the link view, store/link_view.h) can say which state it describes.
  uint64_t Sequence() const;
  // Whether everything this handle reads is in table files, none of it only in the write-ahead
  // log, so that no power cut can take this state back: only such a state may be described by
  // a file meant to outlive the process.
  bool Durable() const;

  // ---- Read-only walks for the query engine's graph commands (issue 6). ----

  // Calls `visit` for each index entry matching `pattern`, from the same index ForEachFact would
  // use, without reading the facts themselves: the cheap way to walk the graph. Stops at, and
  // returns, the first non-OK status `visit` returns; kCorruption for a malformed key.
  Status ForEachLink(const FactPattern& pattern, const std::function<Status(const Link&)>& visit) const;
  // Calls `visit` with every (normalised name, entity) pair users can ask by (canonical names,
  // aliases, codes), in name order; the view lives only during the call.
  Status ForEachName(const std::function<Status(std::string_view name, EntityId id)>& visit) const;
  // The stored metadata of article `doc_id` (id, title, date, source, url; text is empty).
  // kNotFound when no such article is stored.
  Result<Document> GetDocument(const std::string& doc_id) const;
  // The evidence rows article `doc_id` added, as (fact, sentence) in the order stored, from the
  // article's row alone: which facts each of its sentences states. kNotFound when no such
  // article is stored.
  Result<std::vector<std::pair<FactId, uint32_t>>> SentenceFacts(const std::string& doc_id) const;

  class Impl;  // opaque: defined in store/store_impl.h

 private:
  Store(std::filesystem::path path, std::unique_ptr<Impl> impl);
  std::filesystem::path path_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace geokg::store
