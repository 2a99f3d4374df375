#include <catch2/catch.hpp>

#include <rocksdb/db.h>

#include "store/key_codec.h"
#include "store/store.h"
#include "tests/support/run_cli.h"

using geokg::Document;
using geokg::Entity;
using geokg::EntityType;
using geokg::Modality;
using geokg::Relation;
using geokg::Triple;
using geokg::store::PutOutcome;
using geokg::store::Store;
using geokg::testing::TempDir;

namespace {

Triple MakeTriple(const std::string& doc, uint32_t sentence, const std::string& s, Relation r, const std::string& o) {
  Triple t;
  t.subject = Entity{s, EntityType::kCountry, "", {}};
  t.object = Entity{o, EntityType::kCountry, "", {}};
  t.relation = r;
  t.predicate = "meets";
  t.confidence = 0.8f;
  t.evidence = {doc, sentence, 0, 10, "a sentence"};
  return t;
}

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

}  // namespace

TEST_CASE("facts merge across articles and an article's contribution can be replaced or removed", "[store]") {
  TempDir dir;
  auto store = Store::Open(dir / "kg.db", {}).value();
  Document a{"a", "", "2031-01-01", "", "", "Norway met Finland."};
  Document b{"b", "", "2031-01-02", "", "", "Finland met Norway again."};
  std::vector<Triple> ta = {MakeTriple("a", 0, "Norway", Relation::kMeet, "Finland")};
  std::vector<Triple> tb = {MakeTriple("b", 0, "Finland", Relation::kMeet, "Norway")};
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
    std::vector<Triple> changed = {MakeTriple("a", 0, "Norway", Relation::kMeet, "Sweden")};
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

TEST_CASE("a store is refused when another process writes it or a newer geokg made it", "[store]") {
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
  {
    rocksdb::DB* raw = nullptr;
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    std::vector<std::string> names;
    REQUIRE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names).ok());
    for (const auto& n : names) families.emplace_back(n, rocksdb::ColumnFamilyOptions());
    REQUIRE(rocksdb::DB::Open(rocksdb::Options(), path, families, &handles, &raw).ok());
    for (size_t i = 0; i < names.size(); ++i)
      if (names[i] == "meta") REQUIRE(raw->Put(rocksdb::WriteOptions(), handles[i], "schema", "99").ok());
    for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
    delete raw;
  }
  auto newer = Store::Open(path, {.read_only = true});
  REQUIRE(!newer.ok());
  CHECK(newer.status().code() == geokg::Code::kUnsupported);
  CHECK(newer.status().message().find("store schema 99, this geokg reads schema 1") != std::string::npos);
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
