// Store::MergeEntities: two entities made one in one write, the facts that become the same
// combined as ingest combines them, and the merge recorded for later writes (issue 14).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <tuple>

#include <rocksdb/db.h>

#include "store/key_codec.h"
#include "store/store.h"
#include "tests/support/raw_store.h"
#include "tests/support/run_cli.h"
#include "tests/support/triples.h"

using geokg::Document;
using geokg::EntityType;
using geokg::Relation;
using geokg::Triple;
using geokg::store::EntityId;
using geokg::store::Store;
using geokg::store::internal::NameKey;
using geokg::testing::TempDir;

namespace {

// The date is the article's: PutDocument takes it from the Document.
Triple Stated(const std::string& doc, uint32_t sentence, const std::string& s, Relation r, const std::string& o,
              float confidence = 0.8f) {
  return geokg::testing::Stated(doc, sentence, s, r, o, {"meets", confidence, "a sentence"});
}

Document Article(const std::string& id, const std::string& date) { return {id, "", date, "", "", "text of " + id}; }

// Valdoria and the Republic of Valdoria, kept apart: both met Norway (once in the same sentence
// of c) and each other, and only Valdoria criticised Sweden.
void PutArticles(Store& store) {
  REQUIRE(store
              .PutDocument(Article("a", "2031-01-01"),
                           std::vector<Triple>{Stated("a", 0, "Valdoria", Relation::kMeet, "Norway"),
                                               Stated("a", 1, "Valdoria", Relation::kCriticize, "Sweden")})
              .ok());
  REQUIRE(store
              .PutDocument(Article("b", "2031-02-01"),
                           std::vector<Triple>{Stated("b", 0, "Republic of Valdoria", Relation::kMeet, "Norway", 0.9f),
                                               Stated("b", 1, "Republic of Valdoria", Relation::kMeet, "Valdoria")})
              .ok());
  REQUIRE(store
              .PutDocument(Article("c", "2031-03-01"),
                           std::vector<Triple>{Stated("c", 0, "Valdoria", Relation::kMeet, "Norway"),
                                               Stated("c", 0, "Republic of Valdoria", Relation::kMeet, "Norway")})
              .ok());
}

EntityId Id(const Store& store, const std::string& name) { return store.FindEntities(name).value().front().id; }

// Every fact as (subject, relation, object, mentions, first reported, last reported), by name.
using FactKey = std::tuple<std::string, Relation, std::string, uint32_t, std::string, std::string>;
std::set<FactKey> Facts(const Store& store) {
  std::set<FactKey> out;
  REQUIRE(store
              .ForEachFact({},
                           [&](const geokg::store::Fact& f) {
                             out.insert({store.GetEntity(f.subject).value().entity.name, f.relation,
                                         store.GetEntity(f.object).value().entity.name, f.mentions, f.first_reported,
                                         f.last_reported});
                             return geokg::Status();
                           })
              .ok());
  return out;
}

}  // namespace

TEST_CASE("a merge moves every fact, combines those that become the same and keeps the store valid", "[store][merge]") {
  TempDir dir;
  auto store = Store::Open(dir / "kg.db", {}).value();
  PutArticles(*store);
  CHECK(store->Stats().value().entities == 4);
  CHECK(store->Stats().value().facts == 4);
  CHECK(store->Stats().value().evidence == 6);
  const EntityId valdoria = Id(*store, "Valdoria"), republic = Id(*store, "Republic of Valdoria");

  const auto report = store->MergeEntities(valdoria, republic).value();
  CHECK(report.into.entity.name == "Valdoria");
  CHECK(report.into.entity.aliases == std::vector<std::string>{"Republic of Valdoria"});
  CHECK(report.merged.entity.name == "Republic of Valdoria");
  CHECK(report.facts_moved == 2);       // met Norway, met Valdoria
  CHECK(report.facts_combined == 1);    // met Norway: now Valdoria's own
  CHECK(report.self_loops == 1);        // Republic of Valdoria met Valdoria
  CHECK(report.evidence_dropped == 1);  // c's sentence stated both meetings

  const auto stats = store->Stats().value();
  CHECK(stats.entities == 3);
  CHECK(stats.facts == 3);
  CHECK(stats.evidence == 5);
  CHECK(Facts(*store) == std::set<FactKey>{{"Valdoria", Relation::kMeet, "Norway", 3, "2031-01-01", "2031-03-01"},
                                           {"Valdoria", Relation::kCriticize, "Sweden", 1, "2031-01-01", "2031-01-01"},
                                           {"Valdoria", Relation::kMeet, "Valdoria", 1, "2031-02-01", "2031-02-01"}});
  // The combined fact keeps the best confidence of its rows, from the merged entity's article.
  REQUIRE(store
              ->ForEachFact({valdoria, Id(*store, "Norway"), Relation::kMeet},
                            [](const geokg::store::Fact& f) {
                              CHECK(f.confidence == 0.9f);
                              return geokg::Status();
                            })
              .ok());
  const auto found = store->FindEntities("republic of valdoria").value();
  REQUIRE(found.size() == 1);
  CHECK(found.front().id == valdoria);
  CHECK_FALSE(store->FindEntity(republic).value());
  const auto verified = store->Verify().value();
  INFO((verified.problems.empty() ? "" : verified.problems.front()));
  CHECK(verified.ok());
  // Deleting an article afterwards undoes exactly its rows, wherever the merge moved them.
  REQUIRE(store->DeleteDocument("c").ok());
  CHECK(store->Stats().value().evidence == 4);
  CHECK(store->Verify().value().ok());
}

TEST_CASE("a recorded merge maps the merged entity's names in later writes, after reopening too", "[store][merge]") {
  TempDir dir;
  const std::string path = dir / "kg.db";
  EntityId valdoria = 0, republic = 0;
  {
    auto store = Store::Open(path, {}).value();
    PutArticles(*store);
    valdoria = Id(*store, "Valdoria");
    republic = Id(*store, "Republic of Valdoria");
    REQUIRE(store->MergeEntities(valdoria, republic).ok());
    // In the same session: the writer's caches knew the merged entity.
    REQUIRE(store
                ->PutDocument(Article("d", "2031-04-01"),
                              std::vector<Triple>{Stated("d", 0, "Republic of Valdoria", Relation::kMeet, "Sweden")})
                .ok());
    CHECK(store->Stats().value().entities == 3);
  }
  auto store = Store::Open(path, {}).value();
  // Another type: an alias would not merge it, a recorded merge does.
  Triple as_person = Stated("e", 0, "REPUBLIC OF VALDORIA", Relation::kVisit, "Sweden");
  as_person.subject.type = EntityType::kPerson;
  REQUIRE(store->PutDocument(Article("e", "2031-05-01"), std::vector<Triple>{as_person}).ok());
  CHECK(store->Stats().value().entities == 3);
  CHECK(Facts(*store).count({"Valdoria", Relation::kVisit, "Sweden", 1, "2031-05-01", "2031-05-01"}) == 1);

  const auto merges = store->Merges().value();
  REQUIRE(merges.size() == 1);
  CHECK(merges[0].merged_id == republic);
  CHECK(merges[0].merged.name == "Republic of Valdoria");
  CHECK(merges[0].into == valdoria);
  CHECK(merges[0].now_in == valdoria);
  CHECK(merges[0].when.size() == 20);  // 2031-05-01T12:00:00Z

  SECTION("a chain of merges leads the first one's names to the last entity") {
    const EntityId sweden = Id(*store, "Sweden");
    REQUIRE(store->MergeEntities(sweden, valdoria).ok());
    CHECK(store->Merges().value()[0].now_in == sweden);
    REQUIRE(store
                ->PutDocument(Article("f", "2031-06-01"),
                              std::vector<Triple>{Stated("f", 0, "Republic of Valdoria", Relation::kMeet, "Norway")})
                .ok());
    CHECK(store->Stats().value().entities == 2);
    CHECK(store->Verify().value().ok());
  }
  SECTION("an entity cannot be merged with itself") {
    auto same = store->MergeEntities(valdoria, valdoria);
    REQUIRE_FALSE(same.ok());
    CHECK(same.status().code() == geokg::Code::kInvalidInput);
  }
}

TEST_CASE("a merged entity's name that is another entity's canonical name stays that entity's", "[store][merge]") {
  TempDir dir;
  auto store = Store::Open(dir / "kg.db", {}).value();
  PutArticles(*store);
  Triple with_alias = Stated("x", 0, "Republic of Valdoria", Relation::kMeet, "Norway");
  with_alias.subject.aliases = {"Valdor"};
  Triple person = Stated("y", 0, "Valdor", Relation::kVisit, "Norway");
  person.subject.type = EntityType::kPerson;  // an alias merges only within a type: a person of its own
  REQUIRE(store->PutDocument(Article("x", "2031-04-01"), std::vector<Triple>{with_alias}).ok());
  REQUIRE(store->PutDocument(Article("y", "2031-04-02"), std::vector<Triple>{person}).ok());
  const EntityId valdor = store->FindEntities("Valdor").value().front().id;
  REQUIRE(store->GetEntity(valdor).value().entity.type == EntityType::kPerson);
  REQUIRE(store->MergeEntities(Id(*store, "Valdoria"), Id(*store, "Republic of Valdoria")).ok());
  REQUIRE(store
              ->PutDocument(Article("z", "2031-04-03"),
                            std::vector<Triple>{Stated("z", 0, "Valdor", Relation::kVisit, "Sweden")})
              .ok());
  CHECK(Facts(*store).count({"Valdor", Relation::kVisit, "Sweden", 1, "2031-04-03", "2031-04-03"}) == 1);
  CHECK(store->Verify().value().ok());
}

TEST_CASE("deleting and storing the same articles again after a merge gives the merged graph", "[store][merge]") {
  TempDir dir;
  auto store = Store::Open(dir / "kg.db", {}).value();
  PutArticles(*store);
  REQUIRE(store->MergeEntities(Id(*store, "Valdoria"), Id(*store, "Republic of Valdoria")).ok());
  const auto merged = Facts(*store);
  for (const char* doc : {"a", "b", "c"}) REQUIRE(store->DeleteDocument(doc).ok());
  CHECK(store->Stats().value().facts == 0);
  PutArticles(*store);
  CHECK(Facts(*store) == merged);
  CHECK(store->Stats().value().entities == 3);
  CHECK(store->Verify().value().ok());
}

TEST_CASE("verify checks the merge records: their schema and where their names lead", "[store][merge]") {
  TempDir dir;
  const std::string path = dir / "kg.db";
  {
    auto store = Store::Open(path, {}).value();
    PutArticles(*store);
    REQUIRE(store->MergeEntities(Id(*store, "Valdoria"), Id(*store, "Republic of Valdoria")).ok());
  }
  // What a geokg that knew nothing of merges could have done: write schema 4 and drop a name.
  geokg::testing::SetSchema(path, "4");
  geokg::testing::EditRaw(path, [](rocksdb::DB& db, const std::string& family, rocksdb::ColumnFamilyHandle* handle) {
    if (family == "names") REQUIRE(db.Delete(rocksdb::WriteOptions(), handle, NameKey("republic of valdoria", 1)).ok());
  });
  auto store = Store::Open(path, {.read_only = true}).value();
  const auto report = store->Verify().value();
  REQUIRE(report.problems.size() == 2);
  CHECK(report.problems[0] == "merge records in a store of schema 4 (a merge makes it 5)");
  CHECK(report.problems[1] ==
        "merge of entity 4 (Republic of Valdoria): its name \"republic of valdoria\" does not lead to entity 1");
}

TEST_CASE("a merge that meets a full disk leaves the store as it was before the merge", "[store][merge]") {
  namespace fs = std::filesystem;
  TempDir dir;
  const std::string original = dir / "original.db", db = dir / "kg.db";
  std::set<FactKey> before, after;
  EntityId valdoria = 0, republic = 0;
  {
    auto store = Store::Open(original, {}).value();
    PutArticles(*store);
    before = Facts(*store);
    valdoria = Id(*store, "Valdoria");
    republic = Id(*store, "Republic of Valdoria");
  }
  // A copy of the store merged on a disk with `budget` bytes free: 0 when it could not even be
  // opened, 1 when the merge's write failed, 2 when it was written.
  auto merge_on_disk = [&](uint64_t budget) {
    fs::remove_all(db);
    fs::copy(original, db, fs::copy_options::recursive);
    setenv("GEOKG_TEST_DISK_BUDGET", std::to_string(budget).c_str(), 1);
    int outcome = 0;
    if (auto store = Store::Open(db, {}); store.ok()) {
      auto merged = store.value()->MergeEntities(valdoria, republic);
      outcome = merged.ok() ? 2 : 1;
      if (!merged.ok()) CHECK(merged.status().code() == geokg::Code::kNoSpace);
    }
    unsetenv("GEOKG_TEST_DISK_BUDGET");
    return outcome;
  };
  // The smallest disk the store opens on, then disks a little larger each time until the merge
  // is written: each failed merge left the store whole, as before it.
  uint64_t low = 0, high = uint64_t{8} << 20;
  REQUIRE(merge_on_disk(high) == 2);
  while (low + 1 < high) {
    const uint64_t middle = (low + high) / 2;
    (merge_on_disk(middle) == 0 ? low : high) = middle;
  }
  int failed = 0;
  for (uint64_t budget = high;; budget += 2048) {
    REQUIRE(budget < high + (64 << 10));
    const int outcome = merge_on_disk(budget);
    if (outcome == 0) continue;
    auto store = Store::Open(db, {.read_only = true}).value();
    CHECK(store->Verify().value().ok());
    if (outcome == 2) {
      CHECK(store->Stats().value().entities == 3);
      CHECK(store->Merges().value().size() == 1);
      break;
    }
    ++failed;
    CHECK(Facts(*store) == before);
    CHECK(store->Stats().value().entities == 4);
    CHECK(store->Merges().value().empty());
  }
  CHECK(failed > 0);
}

TEST_CASE("the last merge is undone exactly while nothing was written since, and refused after", "[store][merge]") {
  TempDir dir;
  const std::string path = dir / "kg.db";
  std::set<FactKey> before;
  std::vector<geokg::store::EntityRecord> entities;
  auto all_entities = [](const Store& store) {
    std::vector<geokg::store::EntityRecord> out;
    for (EntityId id = 1; id <= 4; ++id)
      if (auto e = store.FindEntity(id).value()) out.push_back(*e);
    return out;
  };
  {
    auto store = Store::Open(path, {}).value();
    PutArticles(*store);
    before = Facts(*store);
    entities = all_entities(*store);
    REQUIRE(store->MergeEntities(Id(*store, "Valdoria"), Id(*store, "Republic of Valdoria")).ok());
  }
  {
    auto store = Store::Open(path, {}).value();  // another process, as `geokg merge --undo` is
    const auto undone = store->UndoLastMerge().value();
    CHECK(undone.merged.name == "Republic of Valdoria");
    CHECK(Facts(*store) == before);
    const auto after = all_entities(*store);
    REQUIRE(after.size() == entities.size());
    for (size_t i = 0; i < after.size(); ++i) {
      CHECK(after[i].id == entities[i].id);
      CHECK(after[i].entity.aliases == entities[i].entity.aliases);
    }
    CHECK(store->Merges().value().empty());
    CHECK(store->Stats().value().entities == 4);
    CHECK(store->Verify().value().ok());
    // Its names are its own again, in later writes too.
    REQUIRE(store
                ->PutDocument(Article("d", "2031-04-01"),
                              std::vector<Triple>{Stated("d", 0, "Republic of Valdoria", Relation::kVisit, "Sweden")})
                .ok());
    CHECK(Facts(*store).count({"Republic of Valdoria", Relation::kVisit, "Sweden", 1, "2031-04-01", "2031-04-01"}) ==
          1);
    CHECK(store->UndoLastMerge().status().code() == geokg::Code::kNotFound);
  }
  {
    auto store = Store::Open(path, {}).value();
    REQUIRE(store->MergeEntities(Id(*store, "Valdoria"), Id(*store, "Republic of Valdoria")).ok());
    REQUIRE(store
                ->PutDocument(Article("e", "2031-05-01"),
                              std::vector<Triple>{Stated("e", 0, "Republic of Valdoria", Relation::kVisit, "Norway")})
                .ok());
    auto refused = store->UndoLastMerge();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.status().code() == geokg::Code::kUnsupported);
    CHECK(refused.status().message() ==
          path +
              ": the merge of \"Republic of Valdoria\" cannot be undone exactly: the store was written since; to "
              "split them, ingest the articles again into a new store");
    CHECK(store->Merges().value().size() == 1);
  }
}
