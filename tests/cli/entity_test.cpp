// `geokg entity` end to end: dated roles from the lexicon, names found without diacritics or
// case, one entity for one person spelt two ways (issue 14). Articles written for this test.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.h"

using geokg::testing::RunCli;
using geokg::testing::TempDir;
using nlohmann::json;

namespace {

// A store of four short dated articles, one per line of JSONL.
std::string Store(const TempDir& dir) {
  const std::string articles = dir / "articles.jsonl";
  std::ofstream(articles)
      << R"({"id":"a1","date":"1987-12-08","text":"Mikhail Gorbachev met Ronald Reagan in Washington."})"
         "\n"
      << R"({"id":"a2","date":"2023-07-10","text":"Pedro Sánchez met Emmanuel Macron in Paris."})"
         "\n"
      << R"({"id":"a3","date":"2023-07-12","text":"Olaf Scholz met PEDRO SÁNCHEZ in Berlin."})"
         "\n"
      << R"({"id":"a4","date":"2024-01-05","text":"Tayyip Erdoğan met Pedro Sanchez in Ankara."})"
         "\n";
  const std::string db = dir / "entity.db";
  REQUIRE(RunCli({"ingest", articles, "--db", db}).code == 0);
  return db;
}

json Card(const std::string& name, const std::string& db) {
  auto r = RunCli({"entity", name, "--db", db, "--format", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json rows = json::parse(r.out);
  REQUIRE(rows.size() == 1);
  return rows[0];
}

bool Lists(const json& values, const std::string& value) {
  for (const json& v : values)
    if (v == value) return true;
  return false;
}

}  // namespace

TEST_CASE("entity lists a person's offices with their dates", "[cli][entity]") {
  TempDir dir;
  const std::string db = Store(dir);
  const json gorbachev = Card("Mikhail Gorbachev", db);
  CHECK(gorbachev["name"] == "Mikhail Gorbachev");
  CHECK(gorbachev["code"] == "USRGOV");
  CHECK(Lists(gorbachev["roles"], "General Secretary of Soviet Union, 1985-03-11 to 1991-08-24"));
  CHECK(Lists(gorbachev["roles"], "President of Soviet Union, 1990-03-15 to 1991-12-25"));
  auto table = RunCli({"entity", "gorbachev", "--db", db});
  CHECK(table.code == 0);
  CHECK(table.out.find("General Secretary of Soviet Union, 1985-03-11") != std::string::npos);
}

TEST_CASE("entity finds a person without diacritics or case, and one spelling is one entity", "[cli][entity]") {
  TempDir dir;
  const std::string db = Store(dir);
  // Three articles, three spellings, one person: every spelling finds all of his facts.
  const int facts = Card("Pedro Sánchez", db)["facts"].get<int>();
  CHECK(facts >= 3);
  for (const char* name : {"Sanchez", "sánchez", "PEDRO SANCHEZ", "Pedro Sánchez"}) {
    CAPTURE(name);
    const json card = Card(name, db);
    CHECK(card["name"] == "Pedro Sánchez");
    CHECK(card["facts"].get<int>() == facts);
  }
  const auto met = RunCli({"met", "Sanchez", "--db", db});
  for (const char* other : {"Emmanuel Macron", "Olaf Scholz", "Recep Tayyip Erdogan"}) {
    CAPTURE(other);
    CHECK(met.out.find(other) != std::string::npos);
  }
  CHECK(Card("Erdogan", db)["name"] == "Recep Tayyip Erdogan");
}
