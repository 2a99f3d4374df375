// End to end: `geokg extract | geokg load` builds the store `geokg ingest` builds, and load
// treats bad input as ingest does.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.h"

using geokg::testing::Fixture;
using geokg::testing::JsonLines;
using geokg::testing::ReadFile;
using geokg::testing::RunCli;
using geokg::testing::TempDir;
using geokg::testing::WriteFile;
using nlohmann::json;

namespace {

json Stats(const std::string& db) { return json::parse(RunCli({"stats", "--db", db, "--format", "json"}).out); }

std::string Export(const std::string& db) { return RunCli({"export", "--db", db, "--format", "jsonl"}).out; }

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Our own corpus: .txt articles (ids, dates and titles from files) and JSONL ones, some sharing
// actors, so that entities and facts merge across documents.
std::vector<std::string> Corpus() {
  return {std::string(GEOKG_SOURCE_DIR) + "/examples", Fixture("articles/"), Fixture("store-articles.jsonl")};
}

std::vector<std::string> Args(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

}  // namespace

TEST_CASE("extract writes a line per document before its triples", "[cli][load]") {
  auto r = RunCli({"extract", Fixture("articles/2031-03-02-ribeiro-rabat.txt")});
  REQUIRE(r.code == 0);
  const auto lines = JsonLines(r.out);
  REQUIRE(!lines.empty());
  const json& head = lines.front();
  REQUIRE(head.contains("document"));
  CHECK(head["document"]["id"] == "2031-03-02-ribeiro-rabat");
  CHECK(head["document"]["date"] == "2031-03-02");
  CHECK(head["document"]["content_hash"].get<std::string>().size() == 16);
  CHECK(head["triples"].get<size_t>() == lines.size() - 1);
  CHECK(r.out.rfind("{\"document\":", 0) == 0);  // what load's progress counts
}

TEST_CASE("a store built by extract | load equals the one ingest builds", "[cli][load]") {
  TempDir dir;
  const std::string ingested = dir / "ingested.db", loaded = dir / "loaded.db", triples = dir / "triples.jsonl";
  REQUIRE(RunCli(Args({"ingest", "--threads", "2", "--db", ingested}, Corpus())).code == 0);
  auto extracted = RunCli(Args({"extract", "--threads", "2"}, Corpus()));
  REQUIRE(extracted.code == 0);
  WriteFile(triples, extracted.out);

  auto load = RunCli({"load", triples, "--db", loaded});
  REQUIRE(load.code == 0);
  const json stats = Stats(ingested);
  CHECK(stats["documents"].get<int>() >= 17);
  CHECK(stats["facts"].get<int>() > 20);
  CHECK(Stats(loaded) == stats);
  CHECK(Export(loaded) == Export(ingested));
  CHECK(RunCli({"verify", "--db", loaded}).code == 0);
  CHECK(Contains(load.err,
                 "geokg: loaded " + std::to_string(stats["documents"].get<int>()) + " documents into " + loaded));

  SECTION("loading again changes nothing") {
    auto again = RunCli({"load", "--db", loaded}, extracted.out);  // standard input
    REQUIRE(again.code == 0);
    CHECK(Contains(again.err,
                   "(0 new, " + std::to_string(stats["documents"].get<int>()) + " unchanged, 0 replaced, 0 failed)"));
    CHECK(Stats(loaded) == stats);
    CHECK(Export(loaded) == Export(ingested));
  }
  SECTION("a changed document replaces its evidence, as with ingest") {
    const std::string changed = dir / "changed.jsonl";
    WriteFile(changed,
              R"({"id": "s-7", "date": "2031-06-01", "text": "Norway criticised Russia over the border incident."})"
              "\n");
    auto reload = RunCli({"load", "--db", loaded, "--progress"}, RunCli({"extract", changed}).out);
    REQUIRE(reload.code == 0);
    CHECK(Contains(reload.err, "(0 new, 0 unchanged, 1 replaced, 0 failed)"));
    CHECK(Contains(reload.err, "\rgeokg: 1 documents, "));  // standard input: no total
    REQUIRE(RunCli({"ingest", changed, "--db", ingested}).code == 0);
    CHECK(Stats(loaded) == Stats(ingested));
    CHECK(Export(loaded) == Export(ingested));
    CHECK(RunCli({"verify", "--db", loaded}).code == 0);
  }
}

TEST_CASE("load reports bad lines as file:line:, skips them and exits 1 at the end", "[cli][load][bad-input]") {
  TempDir dir;
  const std::string db = dir / "kg.db";
  const std::string good = RunCli({"extract", Fixture("store-articles.jsonl")}).out;
  std::vector<std::string> lines;
  std::istringstream in(good);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() > 10);
  // The first document keeps its line and loses its first triple; junk, a bad document line
  // and that orphan triple follow it.
  REQUIRE(json::parse(lines[0])["triples"].get<int>() > 0);
  std::string feed;
  size_t second = 0;  // the line number of "not json" in the feed
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i == 1) continue;
    if (i > 0 && second == 0 && json::parse(lines[i]).contains("document")) {
      second = i;
      feed += "not json\n";
      feed += R"({"document": {"id": "x"}, "triples": 0})"
              "\n";
      feed += lines[1] + "\n";
    }
    feed += lines[i] + "\n";
  }
  const std::string file = dir / "bad.jsonl";
  WriteFile(file, feed);
  auto r = RunCli({"load", file, "--db", db});
  CHECK(r.code == 1);
  CHECK(Contains(r.err,
                 file + ":1: document \"" + json::parse(lines[0])["document"]["id"].get<std::string>() + "\" has "));
  CHECK(Contains(r.err, "; not stored\n"));
  CHECK(Contains(r.err, file + ":" + std::to_string(second) + ": not valid JSON (or not UTF-8); line skipped\n"));
  CHECK(Contains(r.err, file + ":" + std::to_string(second + 1) + ": missing field \"title\"; line skipped\n"));
  CHECK(Contains(r.err, file + ":" + std::to_string(second + 2) + ": a triple of document \""));
  CHECK(Contains(r.err, "4 failed)"));
  const json stats = Stats(db);
  CHECK(stats["documents"].get<int>() == 7);  // every document but the first
  CHECK(RunCli({"verify", "--db", db}).code == 0);

  SECTION("the complete output then stores the missing document") {
    auto fixed = RunCli({"load", "--db", db}, good);
    CHECK(fixed.code == 0);
    CHECK(Contains(fixed.err, "(1 new, 7 unchanged, 0 replaced, 0 failed)"));
  }
  SECTION("a missing file is one line, and nothing is written") {
    const std::string none = dir / "none.db";
    auto missing = RunCli({"load", file, dir / "no-such.jsonl", "--db", none});
    CHECK(missing.code == 1);
    CHECK(missing.err == "geokg: " + (dir / "no-such.jsonl") + ": no such file or directory\n");
    CHECK(!std::filesystem::exists(none));
  }
}
