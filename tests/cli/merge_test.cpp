// `geokg merge` end to end: two entities the store keeps apart made one, the merge kept by
// later ingests, listed, verified, and refused with one line when it cannot be done (issue 14).
// Articles and lexicon written for this test.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "store/store.h"
#include "tests/support/run_cli.h"

using geokg::testing::Contains;
using geokg::testing::RunCli;
using geokg::testing::TempDir;
using nlohmann::json;

namespace {

// Teodor Valk and "Teo Valk", whom our lexicon keeps apart, each meeting Norway's prime minister.
struct Corpus {
  explicit Corpus(const TempDir& dir)
      : lexicon(dir / "lexicon.tsv"), articles(dir / "articles.jsonl"), db(dir / "kg.db") {
    std::ofstream(lexicon) << "person\tTeodor Valk\tcountry=Norway\toffice=Minister of Trade\tfrom=2020\n"
                           << "person\tTeo Valk\tcountry=Norway\n";
    std::ofstream(articles)
        << R"({"id":"a1","date":"2024-03-01","text":"Teodor Valk met Jonas Gahr Støre in Oslo."})"
           "\n"
        << R"({"id":"a2","date":"2024-03-08","text":"Teo Valk met Jonas Gahr Støre in Bergen."})"
           "\n"
        << R"({"id":"a3","date":"2024-03-15","text":"Teodor Valk criticised Teo Valk over the budget."})"
           "\n";
  }
  geokg::testing::CliResult Ingest(const std::string& file) const {
    return RunCli({"ingest", file, "--lexicon", lexicon, "--db", db});
  }
  std::string lexicon, articles, db;
};

json Card(const std::string& name, const std::string& db) {
  auto r = RunCli({"entity", name, "--db", db, "--format", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  return json::parse(r.out).at(0);
}

json Stats(const std::string& db) { return json::parse(RunCli({"stats", "--db", db, "--format", "json"}).out); }

}  // namespace

TEST_CASE("merge makes two entities one that queries, verify and later ingests see as one", "[cli][merge]") {
  TempDir dir;
  const Corpus corpus(dir);
  REQUIRE(corpus.Ingest(corpus.articles).code == 0);
  const json teodor = Card("Teodor Valk", corpus.db), teo = Card("Teo Valk", corpus.db);
  REQUIRE(teodor["id"] != teo["id"]);
  const int entities = Stats(corpus.db)["entities"].get<int>();

  auto merged = RunCli({"merge", "teodor valk", "Teo Valk", "--db", corpus.db});
  INFO(merged.err);
  REQUIRE(merged.code == 0);
  CHECK(Contains(merged.err, "geokg: merged \"Teo Valk\" (person, #" + std::to_string(teo["id"].get<int>()) +
                                 ") into \"Teodor Valk\" (person, #" + std::to_string(teodor["id"].get<int>()) +
                                 "): 2 facts moved, 1 combined with a fact that became the same\n"));
  CHECK(Contains(merged.err, "1 fact now joins \"Teodor Valk\" to itself"));
  CHECK(Contains(merged.err, "later ingests and loads store Teo Valk's names as \"Teodor Valk\""));
  CHECK(Stats(corpus.db)["entities"].get<int>() == entities - 1);

  // One entity under either name, with both articles' meetings in one fact.
  const json card = Card("Teo Valk", corpus.db);
  CHECK(card["name"] == "Teodor Valk");
  CHECK(card["aliases"] == json::array({"Teo Valk"}));
  auto met = RunCli({"met", "Teo Valk", "--db", corpus.db, "--format", "json"});
  REQUIRE(met.code == 0);
  const json meetings = json::parse(met.out);
  REQUIRE(meetings.size() == 1);
  CHECK(meetings[0]["mentions"] == 2);
  CHECK(RunCli({"verify", "--db", corpus.db}).code == 0);

  auto list = RunCli({"merge", "--list", "--db", corpus.db, "--format", "json"});
  REQUIRE(list.code == 0);
  const json merges = json::parse(list.out);
  REQUIRE(merges.size() == 1);
  CHECK(merges[0]["merged"] == "Teo Valk");
  CHECK(merges[0]["now_in"] == "Teodor Valk");
  CHECK(merges[0]["into_id"] == teodor["id"]);

  SECTION("--undo takes the last merge back exactly, until the store is written again") {
    // A mistyped merge does not open the store for writing, so the undo still can be exact.
    CHECK(RunCli({"merge", "Teodor Valk", "Nobody Known", "--db", corpus.db}).code == 1);
    auto undone = RunCli({"merge", "--undo", "--db", corpus.db});
    INFO(undone.err);
    REQUIRE(undone.code == 0);
    CHECK(Contains(undone.err, "geokg: undid the merge of Teo Valk (#" + std::to_string(teo["id"].get<int>()) +
                                   ") into #" + std::to_string(teodor["id"].get<int>()) + ": " + corpus.db +
                                   " is as it was before it\n"));
    CHECK(Card("Teo Valk", corpus.db) == teo);
    CHECK(Card("Teodor Valk", corpus.db) == teodor);
    CHECK(Stats(corpus.db)["entities"].get<int>() == entities);
    CHECK(RunCli({"verify", "--db", corpus.db}).code == 0);
    CHECK(RunCli({"merge", "--undo", "--db", corpus.db}).err == "geokg: " + corpus.db + ": no merge to undo\n");

    REQUIRE(RunCli({"merge", "Teodor Valk", "Teo Valk", "--db", corpus.db}).code == 0);
    REQUIRE(corpus.Ingest(corpus.articles).code == 0);  // nothing new, but the store was opened to write
    auto refused = RunCli({"merge", "--undo", "--db", corpus.db});
    CHECK(refused.code == 1);
    CHECK(Contains(refused.err, "cannot be undone exactly: the store was written since"));
  }
  SECTION("the same articles again, changed ones and new ones keep the two one") {
    CHECK(corpus.Ingest(corpus.articles).code == 0);  // unchanged: skipped
    const std::string more = dir / "more.jsonl";
    std::ofstream(more)
        << R"({"id":"a2","date":"2024-03-08","text":"Teo Valk met Jonas Gahr Støre in Bergen on Friday."})"
           "\n"
        << R"({"id":"a4","date":"2024-04-02","text":"Teo Valk visited Sweden."})"
           "\n";
    auto again = corpus.Ingest(more);
    INFO(again.err);
    REQUIRE(again.code == 0);
    CHECK(Contains(again.err, "(1 new, 0 unchanged, 1 replaced, 0 failed)"));
    CHECK(Stats(corpus.db)["entities"].get<int>() == entities);  // Sweden is new, Teo Valk is not
    CHECK(Card("Teodor Valk", corpus.db)["by_relation"]["visit"] == 1);
    CHECK(json::parse(RunCli({"met", "Teodor Valk", "--db", corpus.db, "--format", "json"}).out)[0]["mentions"] == 2);
    CHECK(RunCli({"verify", "--db", corpus.db}).code == 0);
  }
  SECTION("a load of extracted articles keeps the two one, as an ingest does") {
    const std::string more = dir / "more.jsonl";
    std::ofstream(more) << R"({"id":"a5","date":"2024-04-09","text":"Teo Valk visited Denmark."})"
                           "\n";
    auto extracted = RunCli({"extract", more, "--lexicon", corpus.lexicon});
    REQUIRE(extracted.code == 0);
    REQUIRE(RunCli({"load", "--db", corpus.db}, extracted.out).code == 0);
    CHECK(Card("Teodor Valk", corpus.db)["by_relation"]["visit"] == 1);
    CHECK(Stats(corpus.db)["entities"].get<int>() == entities);  // Denmark is new, Teo Valk is not
  }
  SECTION("an ingest into a store without the merge keeps them apart, as before") {
    const std::string other = dir / "other.db";
    REQUIRE(RunCli({"ingest", corpus.articles, "--lexicon", corpus.lexicon, "--db", other}).code == 0);
    CHECK(Card("Teo Valk", other)["name"] == "Teo Valk");
  }
}

TEST_CASE("merge refuses, in one line, what it cannot do", "[cli][merge]") {
  TempDir dir;
  const Corpus corpus(dir);
  REQUIRE(corpus.Ingest(corpus.articles).code == 0);
  const json before = Stats(corpus.db);
  auto refused = [&](const std::vector<std::string>& args) {
    std::vector<std::string> all = {"merge"};
    all.insert(all.end(), args.begin(), args.end());
    all.insert(all.end(), {"--db", corpus.db});
    auto r = RunCli(all);
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    return r.err;
  };
  CHECK(Contains(refused({"Teodor Valk", "Nobody Known"}), "geokg: no entity named \"Nobody Known\" in " + corpus.db));
  CHECK(Contains(refused({"Teodor Valk", "TEODOR VALK"}), "are the same entity, \"Teodor Valk\" (person, #"));
  CHECK(Contains(refused({"Teodor Valk", "Valk"}), "geokg: \"Valk\" names 2 entities in " + corpus.db + ": "));
  CHECK(Contains(refused({"Teodor Valk", "Valk"}), "; give a fuller name or the #id"));
  CHECK(Contains(refused({"Teodor Valk", "#4000"}), "geokg: no entity #4000 in " + corpus.db));
  {
    auto writer = geokg::store::Store::Open(corpus.db, {}).value();  // another writer holds the store
    CHECK(refused({"Teodor Valk", "Teo Valk"}) == "geokg: " + corpus.db + ": store is in use by another process\n");
  }
  CHECK(Contains(RunCli({"merge", "A", "B", "--db", dir / "none.db"}).err, "no store here"));
  CHECK(Stats(corpus.db) == before);
  CHECK(RunCli({"merge", "--list", "--db", corpus.db}).err == "geokg: no merges recorded in " + corpus.db + "\n");
  CHECK(RunCli({"merge", "Teodor Valk", "--db", corpus.db}).code == 2);  // usage: two entities or --list
  CHECK(RunCli({"merge", "--list", "Teodor Valk", "--db", corpus.db}).code == 2);

  // By id, when a name will not do; of another type, said so.
  const std::string more = dir / "more.jsonl";
  std::ofstream(more) << R"({"id":"a9","date":"2024-05-01","text":"Sweden criticised Denmark over the budget."})"
                         "\n";
  REQUIRE(corpus.Ingest(more).code == 0);
  // Appended rather than "#" + ..., which GCC 12 misreads as an overlapping copy (-Wrestrict).
  std::string sweden = "#";
  sweden += std::to_string(Card("Sweden", corpus.db)["id"].get<int>());
  auto typed = RunCli({"merge", "Teodor Valk", sweden, "--db", corpus.db});
  CHECK(typed.code == 0);
  CHECK(Contains(typed.err, "; the types differ: \"Teodor Valk\" stays a person\n"));
}
