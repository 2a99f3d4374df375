// The query engine on small stores written directly through the store's API: answers that
// depend on the store's shape (facts about themselves, neighbourhoods with many entities).
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "query/engine.h"
#include "store/link_view.h"
#include "store/store.h"
#include "tests/support/run_cli.h"
#include "tests/support/triples.h"

using namespace geokg;
using geokg::testing::TempDir;

namespace {

// A fact worded as its relation's name.
Triple Fact(const std::string& doc, uint32_t sentence, const std::string& s, Relation r, const std::string& o) {
  return testing::Stated(doc, sentence, s, r, o, {std::string(Info(r).name), 0.8f, ""});
}

// "Spoke 7", "Leaf 7a": appended, as GCC 12 warns (-Wrestrict) on literal + to_string.
std::string Numbered(std::string prefix, int i, const char* suffix = "") {
  prefix.append(std::to_string(i)).append(suffix);
  return prefix;
}

}  // namespace

TEST_CASE("entity counts a fact about the entity itself once", "[query]") {
  TempDir dir;
  auto store = store::Store::Open(dir / "kg.db", {}).value();
  const std::vector<Triple> triples = {Fact("a", 0, "Valdoria", Relation::kCriticize, "Valdoria"),
                                       Fact("a", 1, "Valdoria", Relation::kMeet, "Norway")};
  REQUIRE(store->PutDocument({"a", "", "", "", "", "a"}, triples).ok());
  const query::Engine engine(*store);
  const query::EntityCard card = engine.Card("valdoria").value();
  CHECK(card.facts == 2);
  CHECK(card.as_subject + card.as_object == 3);  // the self-criticism is both
  CHECK(card.by_relation.at(Relation::kCriticize) == 1);
  CHECK(card.by_relation.at(Relation::kMeet) == 1);
}

TEST_CASE("neighbors at depth 2 names every entity two hops away with the facts that reach it", "[query][graph]") {
  // A hub joined to 30 spokes, each spoke to two leaves of its own: entity reads in one walk
  // must name every row as reading them one by one would.
  TempDir dir;
  auto store = store::Store::Open(dir / "kg.db", {}).value();
  for (int i = 0; i < 30; ++i) {
    const std::string doc = Numbered("d", i), spoke = Numbered("Spoke ", i);
    const std::vector<Triple> triples = {
        Fact(doc, 0, "Hub", Relation::kMeet, spoke), Fact(doc, 1, spoke, Relation::kAccuse, Numbered("Leaf ", i, "a")),
        Fact(doc, 2, Numbered("Leaf ", i, "b"), Relation::kVisit, spoke), Fact(doc, 3, spoke, Relation::kCall, "Hub")};
    REQUIRE(store->PutDocument({doc, "", "", "", "", doc}, triples).ok());
  }
  const query::Engine engine(*store);
  const auto rows = engine.Neighbors("Spoke 7", 2, {}).value();
  std::map<std::string, query::NeighborRow> by_name;
  for (const query::NeighborRow& r : rows) by_name[r.entity.name] = r;
  REQUIRE(rows.size() == 3 + 29);       // hub and two leaves, then the other spokes
  CHECK(rows[0].entity.name == "Hub");  // nearest first, then most facts
  CHECK(rows[0].facts == 2);
  CHECK(rows[0].relations == std::vector<Relation>{Relation::kMeet, Relation::kCall});
  CHECK(by_name.at("Leaf 7a").depth == 1);
  CHECK(by_name.at("Leaf 7a").via == "Spoke 7");
  CHECK(by_name.at("Leaf 7b").relations == std::vector<Relation>{Relation::kVisit});
  for (int i = 0; i < 30; ++i) {
    if (i == 7) continue;
    const query::NeighborRow& spoke = by_name.at(Numbered("Spoke ", i));
    CAPTURE(i);
    CHECK(spoke.depth == 2);
    CHECK(spoke.facts == 2);
    CHECK(spoke.via == "Hub");
    CHECK(spoke.entity.type == EntityType::kCountry);
  }
  for (size_t i = 1; i < rows.size(); ++i) {
    CAPTURE(i);
    CHECK(std::make_tuple(rows[i - 1].depth, -static_cast<int64_t>(rows[i - 1].facts), rows[i - 1].entity.name) <
          std::make_tuple(rows[i].depth, -static_cast<int64_t>(rows[i].facts), rows[i].entity.name));
  }
}

TEST_CASE("neighbors, rank and communities answer the same from the saved link view as from the indexes",
          "[query][link_view]") {
  TempDir dir;
  const std::filesystem::path db = dir / "kg.db";
  {
    auto store = store::Store::Open(db, {}).value();
    for (int i = 0; i < 12; ++i) {
      const std::string doc = Numbered("d", i), spoke = Numbered("Spoke ", i);
      const std::vector<Triple> triples = {
          Fact(doc, 0, "Hub", Relation::kMeet, spoke),
          Fact(doc, 1, spoke, Relation::kAccuse, Numbered("Leaf ", i, "a")),
          Fact(doc, 2, Numbered("Leaf ", i, "a"), Relation::kVisit, Numbered("Spoke ", (i + 1) % 12)),
          Fact(doc, 3, spoke, Relation::kCriticize, spoke)};
      REQUIRE(store->PutDocument({doc, "", "", "", "", doc}, triples).ok());
    }
    REQUIRE(store->Close().ok());  // saves the view
  }
  struct Answers {
    std::vector<std::tuple<std::string, uint32_t, uint32_t, std::vector<Relation>, std::string>> neighbors;
    std::vector<std::pair<std::string, double>> rank;
    std::vector<size_t> groups;
  };
  auto ask = [&]() {
    auto store = store::Store::Open(db, {.read_only = true}).value();
    const query::Engine engine(*store);
    Answers a;
    for (int depth : {2, 3}) {
      const auto rows = engine.Neighbors("Leaf 3a", depth, {}).value();
      for (const query::NeighborRow& r : rows)
        a.neighbors.emplace_back(r.entity.name, r.depth, r.facts, r.relations, r.via);
    }
    const auto ranked = engine.Rank(query::Centrality::kPageRank, {}, 30).value();
    for (const query::RankRow& r : ranked) a.rank.emplace_back(r.entity.name, r.score);
    const auto grouped = engine.Groups(true, {}, 10, 5).value();
    for (const query::GroupRow& g : grouped.rows) a.groups.push_back(g.size);
    return a;
  };
  const std::filesystem::path view = store::LinkViewPath(db);
  REQUIRE(std::filesystem::exists(view));
  const Answers from_view = ask();
  std::filesystem::remove(view);
  const Answers from_indexes = ask();  // rank saves a view again; neighbors ran before it
  CHECK(from_view.neighbors == from_indexes.neighbors);
  CHECK(from_view.rank == from_indexes.rank);
  CHECK(from_view.groups == from_indexes.groups);
  CHECK(from_view.neighbors.size() >= 20);
}

TEST_CASE("a timeline of many facts gives each its own first sentence, with or without a date filter", "[query]") {
  // 150 meetings: more than Engine::RowsOf reads on one thread, so the sentences come from the
  // second one; every row must still carry its own fact's sentence, in date order.
  TempDir dir;
  auto store = store::Store::Open(dir / "kg.db", {}).value();
  for (int i = 0; i < 150; ++i) {
    const std::string doc = Numbered("d", i), partner = Numbered("Partner ", i);
    Triple t = Fact(doc, 0, "Hub", Relation::kMeet, partner);
    t.evidence.text = Numbered("Hub met partner ", i, ".");
    t.time = (i % 2 == 0 ? "2025-01-" : "2025-02-") + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1);
    REQUIRE(store->PutDocument({doc, "", "", "", "", doc}, std::vector<Triple>{t}).ok());
  }
  const query::Engine engine(*store);
  for (const bool january : {false, true}) {
    query::FactFilter filter;
    if (january) filter.until = "2025-01";
    const std::vector<query::FactRow> rows = engine.Timeline("Hub", filter).value();
    CHECK(rows.size() == (january ? 75u : 150u));
    for (size_t k = 0; k < rows.size(); ++k) {
      const query::FactRow& row = rows[k];
      const std::string partner = row.subject.name == "Hub" ? row.object.name : row.subject.name;
      CHECK(row.evidence == "Hub met partner " + partner.substr(std::string("Partner ").size()) + ".");
      CHECK(row.doc == "d" + partner.substr(std::string("Partner ").size()));
      if (k > 0) CHECK(rows[k - 1].fact.first_time <= row.fact.first_time);
    }
  }
}
