#include <catch2/catch.hpp>

#include <algorithm>

#include <rocksdb/db.h>

#include "store/key_codec.h"
#include "store/store.h"
#include "tests/support/raw_store.h"
#include "tests/support/run_cli.h"
#include "tests/support/small_store.h"

using geokg::Document;
using geokg::Entity;
using geokg::EntityType;
using geokg::Modality;
using geokg::Relation;
using geokg::Triple;
using geokg::store::PutOutcome;
using geokg::store::Store;
using geokg::testing::EditRaw;
using geokg::testing::SetSchema;
using geokg::testing::Stated;
using geokg::testing::TempDir;

namespace {

uint32_t Mentions(const Store& store, const std::string& name) {
  uint32_t total = 0;
  auto entity = store.FindEntities(name).value().front();
  auto add = [&](const geokg::store::Fact& f) {
    total += f.mentions;
    return geokg::Status();
  };
  REQUIRE(store.ForEachFact({entity.id, std::nullopt, std::nullopt}, add).ok());
  REQUIRE(store.ForEachFact({std::nullopt, entity.id, std::nullopt}, add).ok());
  return total;
}

// Stores the undated article `doc`, whose text is its id, with `triples`.
bool Put(Store& store, const std::string& doc, const std::vector<Triple>& triples) {
  return store.PutDocument({doc, "", "", "", "", doc}, triples).ok();
}

}  // namespace

TEST_CASE("facts merge across articles and an article's contribution can be replaced or removed", "[store]") {
  TempDir dir;
  auto store = Store::Open(dir / "kg.db", {}).value();
  Document a{"a", "", "2031-01-01", "", "", "Norway met Finland."};
  Document b{"b", "", "2031-01-02", "", "", "Finland met Norway again."};
  std::vector<Triple> ta = {Stated("a", 0, "Norway", Relation::kMeet, "Finland")};
  std::vector<Triple> tb = {Stated("b", 0, "Finland", Relation::kMeet, "Norway")};
  CHECK(store->PutDocument(a, ta).value() == PutOutcome::kNew);
  CHECK(store->PutDocument(b, tb).value() == PutOutcome::kNew);
  // meet is symmetric: both articles support one fact.
  CHECK(store->Stats().value().facts == 1);
  CHECK(Mentions(*store, "norway") == 2);

  SECTION("the same article again is a no-op") {
    CHECK(store->PutDocument(a, ta).value() == PutOutcome::kUnchanged);
    CHECK(Mentions(*store, "Norway") == 2);
  }
  SECTION("a changed article replaces what it said") {
    a.text = "Norway met Sweden.";
    std::vector<Triple> changed = {Stated("a", 0, "Norway", Relation::kMeet, "Sweden")};
    CHECK(store->PutDocument(a, changed).value() == PutOutcome::kReplaced);
    CHECK(store->Stats().value().facts == 2);
    CHECK(Mentions(*store, "Finland") == 1);
    CHECK(store->Stats().value().evidence == 2);
  }
  SECTION("deleting an article removes its evidence and facts left without any") {
    REQUIRE(store->DeleteDocument("b").ok());
    CHECK(Mentions(*store, "Finland") == 1);
    REQUIRE(store->DeleteDocument("a").ok());
    CHECK(store->Stats().value().facts == 0);
    CHECK(store->DeleteDocument("a").code() == geokg::Code::kNotFound);
  }
}

TEST_CASE("a store is refused when another process writes it or another schema made it", "[store]") {
  TempDir dir;
  const std::string path = dir / "kg.db";
  {
    auto writer = Store::Open(path, {}).value();
    auto second = Store::Open(path, {});
    REQUIRE(!second.ok());
    CHECK(second.status().code() == geokg::Code::kBusy);
    CHECK(second.status().message() == path + ": store is in use by another process");
    // Readers are welcome while the writer holds the store.
    CHECK(Store::Open(path, {.read_only = true}).ok());
  }
  SetSchema(path, "99");
  auto newer = Store::Open(path, {.read_only = true});
  REQUIRE(!newer.ok());
  CHECK(newer.status().code() == geokg::Code::kUnsupported);
  CHECK(newer.status().message().find("store schema 99, this geokg reads schemas 4 and 5") != std::string::npos);
  // Schema 3 stored no report dates and folded names to ASCII only: read as 4 they would be corrupt.
  SetSchema(path, "3");
  auto older = Store::Open(path, {.read_only = true});
  REQUIRE(!older.ok());
  CHECK(older.status().code() == geokg::Code::kUnsupported);
  CHECK(older.status().message() == path +
                                        ": written by an older geokg (store schema 3, this geokg reads schemas 4 "
                                        "and 5); ingest the articles again into a new store");
}

TEST_CASE("index keys decode to what was encoded and sort by their leading id", "[store]") {
  using namespace geokg::store::internal;
  const IndexEntry e{258, 70000, Relation::kAccuse, Modality::kNegated, 1ull << 40};
  using Encode = std::string (*)(const IndexEntry&);
  using Decode = std::optional<IndexEntry> (*)(std::string_view);
  const std::pair<Encode, Decode> codecs[] = {{SpoKey, DecodeSpo}, {PosKey, DecodePos}, {OspKey, DecodeOsp}};
  for (auto [encode, decode] : codecs) {
    auto back = decode(encode(e));
    REQUIRE(back.has_value());
    CHECK(back->subject == e.subject);
    CHECK(back->object == e.object);
    CHECK(back->relation == e.relation);
    CHECK(back->modality == e.modality);
    CHECK(back->fact == e.fact);
  }
  IndexEntry small = e, big = e;
  small.subject = 255;
  big.subject = 256;
  CHECK(SpoKey(small) < SpoKey(big));
  CHECK(!DecodeSpo("short").has_value());
}

TEST_CASE("a fact keeps one evidence row per sentence, its first and last time and its best confidence", "[store]") {
  TempDir dir;
  auto store = Store::Open(dir / "kg.db", {}).value();
  Triple early = Stated("a", 2, "Norway", Relation::kCriticize, "Russia");
  early.time = "2031-02-01";
  early.time_text = "on Monday";
  early.confidence = 0.5f;
  early.evidence = {"a", 2, 40, 80, "Norway criticised Russia on Monday.", ""};
  Triple late = Stated("b", 0, "Norway", Relation::kCriticize, "Russia");
  late.time = "2031-03-09";
  late.confidence = 0.9f;
  REQUIRE(store->PutDocument({"a", "", "2031-02-01", "", "", "text a"}, std::vector<Triple>{early}).ok());
  REQUIRE(store->PutDocument({"b", "", "2031-03-09", "", "", "text b"}, std::vector<Triple>{late}).ok());
  std::vector<geokg::store::Fact> facts;
  REQUIRE(store
              ->ForEachFact({},
                            [&](const geokg::store::Fact& f) {
                              facts.push_back(f);
                              return geokg::Status();
                            })
              .ok());
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].mentions == 2);
  CHECK(facts[0].first_time == "2031-02-01");
  CHECK(facts[0].last_time == "2031-03-09");
  CHECK(facts[0].confidence == 0.9f);
  const auto evidence = store->Evidence(facts[0].id).value();
  REQUIRE(evidence.size() == 2);
  CHECK(evidence[0].doc == "a");
  CHECK(evidence[0].sentence == 2);
  CHECK(evidence[0].begin == 40);
  CHECK(evidence[0].end == 80);
  CHECK(evidence[0].text == "Norway criticised Russia on Monday.");
  CHECK(evidence[0].time == "2031-02-01");
  CHECK(evidence[0].time_text == "on Monday");
  CHECK(evidence[1].time_text.empty());
  CHECK(evidence[1].doc == "b");

  SECTION("deleting the later article narrows the time and confidence back") {
    REQUIRE(store->DeleteDocument("b").ok());
    const auto fact = store->GetFact(facts[0].id).value();
    CHECK(fact.mentions == 1);
    CHECK(fact.last_time == "2031-02-01");
    CHECK(fact.confidence == 0.5f);
  }
  CHECK(store->Verify().value().ok());
}

TEST_CASE("a fact no sentence dates takes its articles' dates, and says which dates it has", "[store]") {
  TempDir dir;
  auto store = Store::Open(dir / "kg.db", {}).value();
  auto undated = [](const std::string& doc) { return Stated(doc, 0, "Norway", Relation::kMeet, "Iceland"); };
  REQUIRE(store->PutDocument({"a", "", "2031-04-05", "", "", "text a"}, std::vector<Triple>{undated("a")}).ok());
  REQUIRE(
      store->PutDocument({"b", "", "2031-04-02T08:30:00Z", "", "", "text b"}, std::vector<Triple>{undated("b")}).ok());
  const geokg::store::FactId id = 1;
  auto fact = store->GetFact(id).value();
  CHECK(fact.time_source == geokg::TimeSource::kReport);
  CHECK(fact.first_time == "2031-04-02");  // the day of a timestamp
  CHECK(fact.last_time == "2031-04-05");
  CHECK(fact.first_reported == "2031-04-02");
  CHECK(fact.last_reported == "2031-04-05");
  CHECK(store->Evidence(id).value()[0].date == "2031-04-05");

  Triple dated = undated("c");
  dated.time = "2031-03-30";
  REQUIRE(store->PutDocument({"c", "", "2031-04-09", "", "", "text c"}, std::vector<Triple>{dated}).ok());
  fact = store->GetFact(id).value();
  CHECK(fact.time_source == geokg::TimeSource::kEvent);
  CHECK(fact.first_time == "2031-03-30");
  CHECK(fact.last_time == "2031-03-30");
  CHECK(fact.last_reported == "2031-04-09");
  CHECK(store->Verify().value().ok());

  REQUIRE(store->DeleteDocument("c").ok());
  fact = store->GetFact(id).value();
  CHECK(fact.time_source == geokg::TimeSource::kReport);
  CHECK(fact.last_time == "2031-04-05");
  REQUIRE(store
              ->PutDocument({"d", "", "", "", "", "text d"},
                            std::vector<Triple>{Stated("d", 0, "Norway", Relation::kCall, "Iceland")})
              .ok());
  const auto call = store->GetFact(2).value();
  CHECK(call.time_source == geokg::TimeSource::kNone);
  CHECK(call.first_time.empty());
  CHECK(store->Verify().value().ok());
}

TEST_CASE("an entity named by an alias of a stored entity of the same type is that entity", "[store]") {
  TempDir dir;
  auto store = Store::Open(dir / "kg.db", {}).value();
  Triple full = Stated("a", 0, "Republic of Valdoria", Relation::kMeet, "Norway");
  full.subject.aliases = {"Valdoria"};
  full.subject.code = "VLD";
  Triple by_alias = Stated("b", 0, "Valdoria", Relation::kMeet, "Norway");
  Triple by_code = Stated("c", 0, "VLD", Relation::kMeet, "Norway");
  Triple other_type = Stated("d", 0, "Valdoria", Relation::kMeet, "Norway");
  other_type.subject.type = EntityType::kPerson;
  REQUIRE(Put(*store, "a", {full}));
  REQUIRE(Put(*store, "b", {by_alias}));
  REQUIRE(Put(*store, "c", {by_code}));
  CHECK(store->Stats().value().entities == 2);
  CHECK(store->Stats().value().facts == 1);
  CHECK(Mentions(*store, "Republic of Valdoria") == 3);
  REQUIRE(Put(*store, "d", {other_type}));
  CHECK(store->Stats().value().entities == 3);
  CHECK(store->FindEntities("valdoria").value().size() == 2);
  CHECK(store->Verify().value().ok());
}

TEST_CASE("verify reports a fact missing from an index and counters that disagree with the rows", "[store]") {
  TempDir dir;
  const std::string path = dir / "kg.db";
  {
    auto store = Store::Open(path, {}).value();
    REQUIRE(Put(*store, "a", {Stated("a", 0, "Norway", Relation::kCriticize, "Russia")}));
    const auto report = store->Verify().value();
    CHECK(report.ok());
    CHECK(report.counted.facts == 1);
    CHECK(report.counted.evidence == 1);
    CHECK(report.counted.documents == 1);
  }
  EditRaw(path, [](rocksdb::DB& db, const std::string& family, rocksdb::ColumnFamilyHandle* handle) {
    if (family == "pos") {
      std::unique_ptr<rocksdb::Iterator> it(db.NewIterator(rocksdb::ReadOptions(), handle));
      it->SeekToFirst();
      REQUIRE(it->Valid());
      REQUIRE(db.Delete(rocksdb::WriteOptions(), handle, it->key()).ok());
    }
    if (family == "meta") {
      std::string two;
      geokg::store::internal::AppendU64(&two, 2);
      REQUIRE(db.Put(rocksdb::WriteOptions(), handle, "count_documents", two).ok());
    }
  });
  auto store = Store::Open(path, {.read_only = true}).value();
  const auto report = store->Verify().value();
  CHECK(report.problems_found == 2);
  REQUIRE(report.problems.size() == 2);
  CHECK(report.problems[0] == "fact 1 is missing from pos");
  CHECK(report.problems[1] == "counter count_documents is 2 but the store holds 1");
}

TEST_CASE(
    "verify compares each index and the documents' rows with what the facts and evidence hold, and names the "
    "difference",
    "[store]") {
  TempDir dir;
  const std::string path = dir / "kg.db";
  {
    auto store = Store::Open(path, {}).value();
    REQUIRE(Put(*store, "a", {Stated("a", 0, "Norway", Relation::kCriticize, "Russia")}));
    REQUIRE(Put(*store, "b", {Stated("b", 0, "Finland", Relation::kMeet, "Sweden")}));
    REQUIRE(store->Verify().value().ok());
  }
  EditRaw(path, [](rocksdb::DB& db, const std::string& family, rocksdb::ColumnFamilyHandle* handle) {
    using geokg::store::internal::IndexEntry;
    if (family == "spo")  // a key of a fact that does not exist
      REQUIRE(db.Put(rocksdb::WriteOptions(), handle,
                     geokg::store::internal::SpoKey(IndexEntry{1, 2, Relation::kMeet, Modality::kAsserted, 99}), "")
                  .ok());
    if (family == "osp") {  // fact 1's key with another relation
      const IndexEntry wrong{1, 2, Relation::kMeet, Modality::kAsserted, 1};
      REQUIRE(db.Delete(rocksdb::WriteOptions(), handle,
                        geokg::store::internal::OspKey(IndexEntry{1, 2, Relation::kCriticize, Modality::kAsserted, 1}))
                  .ok());
      REQUIRE(db.Put(rocksdb::WriteOptions(), handle, geokg::store::internal::OspKey(wrong), "").ok());
    }
    if (family == "evidence") {  // fact 2's only row, which document "b" lists
      std::unique_ptr<rocksdb::Iterator> it(db.NewIterator(rocksdb::ReadOptions(), handle));
      it->SeekToLast();
      REQUIRE(it->Valid());
      REQUIRE(db.Delete(rocksdb::WriteOptions(), handle, it->key()).ok());
    }
  });
  auto store = Store::Open(path, {.read_only = true}).value();
  const auto report = store->Verify().value();
  const auto found = [&](const std::string& line) {
    return std::find(report.problems.begin(), report.problems.end(), line) != report.problems.end();
  };
  CAPTURE(report.problems);
  CHECK(found("spo: fact 99 does not resolve"));
  CHECK(found("fact 1 is missing from osp"));
  CHECK(found("osp: the key of fact 1 disagrees with the fact"));
  CHECK(found("fact 2 has no evidence"));
  CHECK(found("document \"b\": evidence of fact 2, sentence 0 is missing"));
  CHECK(found("documents list 2 evidence rows but the store holds 1"));
  CHECK(!found("fact 1 is missing from spo"));  // the sums of spo and pos differ only where they do
  CHECK(!found("fact 2 is missing from pos"));
}

TEST_CASE("entities read in one pass are those GetEntity reads, and an id that does not resolve is corruption",
          "[store]") {
  TempDir dir;
  auto store = Store::Open(dir / "kg.db", {}).value();
  // 40 entities (ids 1..40): walks step over gaps and seek over long ones.
  for (uint32_t i = 0; i < 20; ++i) {
    const std::string n = std::to_string(i);
    const std::string doc = "d" + n;
    REQUIRE(Put(*store, doc, {Stated(doc, 0, "Left " + n, Relation::kMeet, "Right " + n)}));
  }
  REQUIRE(store->Stats().value().entities == 40);
  // Close ids are walked, scattered ones (more than 16 apart on average) read in one MultiGet.
  using Ids = std::vector<geokg::store::EntityId>;
  for (const Ids& ids : {Ids{1, 2, 3, 5, 8, 30, 31, 40}, Ids{1, 20, 40}, Ids{7}}) {
    std::vector<geokg::store::EntityRecord> read;
    REQUIRE(store
                ->ForEachEntity(ids,
                                [&](const geokg::store::EntityRecord& r) {
                                  read.push_back(r);
                                  return geokg::Status();
                                })
                .ok());
    REQUIRE(read.size() == ids.size());
    for (size_t i = 0; i < ids.size(); ++i) {
      CAPTURE(ids[i]);
      CHECK(read[i].id == ids[i]);
      CHECK(read[i].entity.name == store->GetEntity(ids[i]).value().entity.name);
    }
  }
  for (const Ids& missing : {Ids{4, 5, 6, 41}, Ids{4, 41}}) {
    const geokg::Status s =
        store->ForEachEntity(missing, [](const geokg::store::EntityRecord&) { return geokg::Status(); });
    CHECK(s.code() == geokg::Code::kCorruption);
    CHECK(s.message() == dir / "kg.db" + ": entity 41 does not resolve");
  }
}

TEST_CASE("the first sentences read in one pass are each fact's first evidence row, and facts without one are skipped",
          "[store]") {
  TempDir dir;
  auto store = Store::Open(dir / "kg.db", {}).value();
  // Facts 1..6, each stated by two articles, so that every fact has rows after its first.
  for (const std::string doc : {"a", "b"})
    for (uint32_t i = 0; i < 6; ++i)
      REQUIRE(Put(*store, doc + std::to_string(i),
                  {Stated(doc + std::to_string(i), i, "Left " + std::to_string(i), Relation::kMeet,
                          "Right " + std::to_string(i), {.text = doc + " sentence " + std::to_string(i)})}));
  REQUIRE(store->Stats().value().facts == 6);
  // 7 and 9 do not exist: skipped, as when a fact has no evidence.
  const std::vector<geokg::store::FactId> ids = {1, 2, 4, 6, 7, 9};
  std::vector<std::pair<geokg::store::FactId, std::string>> read;
  REQUIRE(store
              ->ForEachFirstEvidence(ids,
                                     [&](geokg::store::FactId id, const geokg::store::FactEvidence& e) {
                                       CHECK(e.doc == store->Evidence(id).value().front().doc);
                                       read.emplace_back(id, e.text);
                                       return geokg::Status();
                                     })
              .ok());
  const std::vector<std::pair<geokg::store::FactId, std::string>> expected = {
      {1, "a sentence 0"}, {2, "a sentence 1"}, {4, "a sentence 3"}, {6, "a sentence 5"}};
  CHECK(read == expected);
}

TEST_CASE("a closed writer leaves its writes in table files, so a reader opens without replaying a log", "[store]") {
  TempDir dir;
  const std::string path = dir / "kg.db";
  {
    auto store = Store::Open(path, {}).value();
    REQUIRE(Put(*store, "a", {Stated("a", 0, "Norway", Relation::kMeet, "Finland")}));
  }
  uint64_t log_bytes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(path))
    if (entry.path().extension() == ".log") log_bytes += entry.file_size();
  CHECK(log_bytes == 0);
  auto reader = Store::Open(path, {.read_only = true}).value();
  CHECK(reader->Stats().value().facts == 1);
  CHECK(reader->Verify().value().ok());
}
