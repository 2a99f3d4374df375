// End to end: ingest threads, progress and summary, delete and verify.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.h"

using geokg::testing::Fixture;
using geokg::testing::RunCli;
using geokg::testing::TempDir;
using nlohmann::json;

namespace {

json Stats(const std::string& db) { return json::parse(RunCli({"stats", "--db", db, "--format", "json"}).out); }

std::string Export(const std::string& db) { return RunCli({"export", "--db", db, "--format", "jsonl"}).out; }

}  // namespace

TEST_CASE("ingest stores the same facts whatever the number of threads", "[cli][store]") {
  TempDir dir;
  const std::string one = dir / "one.db", four = dir / "four.db";
  REQUIRE(RunCli({"ingest", Fixture("store-articles.jsonl"), "--threads", "1", "--db", one}).code == 0);
  REQUIRE(RunCli({"ingest", Fixture("store-articles.jsonl"), "--threads", "4", "--db", four}).code == 0);
  CHECK(Stats(one) == Stats(four));
  CHECK(Stats(one)["facts"].get<int>() > 4);
  CHECK(Export(one) == Export(four));
  CHECK(RunCli({"ingest", "--threads", "0", Fixture("store-articles.jsonl"), "--db", one}).code == 2);
}

TEST_CASE("ingest sums up new, unchanged, replaced and failed articles and shows progress on request", "[cli][store]") {
  TempDir dir;
  const std::string db = dir / "kg.db";
  auto first = RunCli({"ingest", Fixture("articles.jsonl"), "--db", db});
  CHECK(first.code == 1);  // two lines of the fixture are unusable
  CHECK(first.err.find("(2 new, 0 unchanged, 0 replaced, 2 failed)") != std::string::npos);
  CHECK(first.err.find("\r") == std::string::npos);  // not a terminal: no progress line
  CHECK(first.out.empty());

  const std::string changed = dir / "changed.jsonl";
  std::ofstream(changed)
      << R"({"id": "fixture-1", "date": "2031-05-07", "text": "Norway criticised Russia over the border incident."})"
      << "\n"
      << R"({"id": "fixture-3", "date": "2031-05-08", "text": "Finland will host Norway next month. Helsinki criticised Moscow over the border incident."})"
      << "\n";
  auto again = RunCli({"ingest", changed, "--db", db, "--progress"});
  REQUIRE(again.code == 0);
  CHECK(again.err.find("(0 new, 1 unchanged, 1 replaced, 0 failed)") != std::string::npos);
  CHECK(again.err.find("the store holds") != std::string::npos);
  CHECK(again.err.find("\rgeokg: 1/2 documents (50%), ") != std::string::npos);
  CHECK(RunCli({"verify", "--db", db}).code == 0);
}

TEST_CASE("delete removes an article and what it said, and verify still passes", "[cli][store]") {
  TempDir dir;
  const std::string db = dir / "kg.db";
  REQUIRE(RunCli({"ingest", Fixture("store-articles.jsonl"), "--db", db}).code == 0);
  const json before = Stats(db);
  auto ok = RunCli({"verify", "--db", db});
  REQUIRE(ok.code == 0);
  CHECK(ok.out.rfind("ok: 8 documents", 0) == 0);

  REQUIRE(RunCli({"delete", "s-7", "--db", db}).code == 0);
  const json after = Stats(db);
  CHECK(after["documents"] == 7);
  CHECK(after["facts"].get<int>() < before["facts"].get<int>());
  CHECK(after["evidence"].get<int>() < before["evidence"].get<int>());
  CHECK(RunCli({"met", "Germany", "--db", db}).out.find("France") == std::string::npos);
  CHECK(RunCli({"verify", "--db", db}).code == 0);

  SECTION("deleting an unknown article fails and names it") {
    auto r = RunCli({"delete", "s-99", "--db", db});
    CHECK(r.code == 1);
    CHECK(r.err.find("no document \"s-99\"") != std::string::npos);
  }
  SECTION("ingesting the article again restores exactly what it said") {
    REQUIRE(RunCli({"ingest", Fixture("store-articles.jsonl"), "--db", db}).code == 0);
    CHECK(Stats(db) == before);
  }
}

TEST_CASE("verify and delete refuse a directory that holds no store", "[cli][store]") {
  TempDir dir;
  auto verify = RunCli({"verify", "--db", dir / "absent.db"});
  CHECK(verify.code == 1);
  CHECK(verify.err.find("absent.db: no store here") != std::string::npos);
  auto del = RunCli({"delete", "x", "--db", dir / "absent.db"});
  CHECK(del.code == 1);
  CHECK(del.err.find("absent.db: no store here") != std::string::npos);
  CHECK(!std::filesystem::exists(dir / "absent.db"));
}
