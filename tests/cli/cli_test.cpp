#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.h"

using geokg::testing::Fixture;
using geokg::testing::HasTriple;
using geokg::testing::JsonLines;
using geokg::testing::ReadFile;
using geokg::testing::RunCli;
using geokg::testing::TempDir;
using geokg::testing::Triples;
using nlohmann::json;

namespace {

const json* Find(const std::vector<json>& triples, const std::string& s, const std::string& r, const std::string& o) {
  for (const json& t : triples)
    if (t["subject"]["name"] == s && t["relation"] == r && t["object"]["name"] == o) return &t;
  return nullptr;
}

}  // namespace

TEST_CASE("extract prints one JSON object per triple with every documented field", "[cli]") {
  auto r = RunCli({"extract", Fixture("articles/2031-03-02-ribeiro-rabat.txt")});
  REQUIRE(r.code == 0);
  const auto triples = Triples(r.out);
  REQUIRE(!triples.empty());
  for (const json& t : triples) {
    for (const char* field : {"doc", "sentence", "span", "subject", "object", "predicate", "relation", "cameo",
                              "modality", "attribution", "time", "confidence", "evidence"})
      CHECK(t.contains(field));
    CHECK(t["doc"] == "2031-03-02-ribeiro-rabat");
    CHECK(t["span"].size() == 2);
    CHECK(t["confidence"].get<double>() > 0.0);
    CHECK(t["confidence"].get<double>() <= 1.0);
  }
  SECTION("a state visit yields a visit to the city and to its country, dated by the article") {
    const json* city = Find(triples, "Ana Ribeiro", "visit", "Rabat");
    REQUIRE(city != nullptr);
    CHECK((*city)["time"] == "2031-03-01");  // "on Saturday", the day before the article
    CHECK(HasTriple(triples, "Ana Ribeiro", "visit", "Morocco"));
  }
  SECTION("titles give roles, surnames resolve to the full name") {
    CHECK(HasTriple(triples, "Ana Ribeiro", "official_of", "Portugal"));
    CHECK(HasTriple(triples, "Karim Alaoui", "leads", "Morocco"));
    const json* meeting = Find(triples, "Ana Ribeiro", "meet", "Karim Alaoui");
    REQUIRE(meeting != nullptr);
    CHECK((*meeting)["time"] == "2031-03-02");  // "on Sunday", the article's own day
  }
  SECTION("capitals that act are their countries and negation is kept") {
    CHECK(HasTriple(triples, "Portugal", "accuse", "Spain"));
    const json* recognize = Find(triples, "Portugal", "recognize", "Spain");
    CHECK(recognize == nullptr);
  }
  SECTION("the link list after 'Related stories' yields nothing") {
    for (const json& t : triples) CHECK(t["evidence"].get<std::string>().find("sardines") == std::string::npos);
  }
}

TEST_CASE("extract --format tsv prints a header and one escaped row per triple", "[cli]") {
  auto r = RunCli({"extract", "--format", "tsv", Fixture("articles/2031-03-02-ribeiro-rabat.txt")});
  REQUIRE(r.code == 0);
  std::istringstream in(r.out);
  std::string header;
  std::getline(in, header);
  CHECK(header.rfind("doc\tsentence\tbegin\tend\tsubject", 0) == 0);
  std::string row;
  while (std::getline(in, row))
    CHECK(std::count(row.begin(), row.end(), '\t') == std::count(header.begin(), header.end(), '\t'));
}

TEST_CASE("extract reads standard input when given no file", "[cli]") {
  auto r = RunCli({"extract", "--date", "2031-05-07"}, "Norway hosted Finland in Oslo on Tuesday.\n");
  REQUIRE(r.code == 0);
  const auto triples = Triples(r.out);
  const json* host = Find(triples, "Norway", "host", "Finland");
  REQUIRE(host != nullptr);
  CHECK((*host)["doc"] == "stdin");
  CHECK((*host)["time"] == "2031-05-06");
}

TEST_CASE("a malformed JSONL line is reported with its number and skipped, the rest is processed", "[cli]") {
  auto r = RunCli({"extract", Fixture("articles.jsonl")});
  CHECK(r.code == 1);
  CHECK(r.err.find(
            "articles.jsonl:2: \"date\" is not a date (YYYY-MM-DD, RFC 3339 or RFC 2822): \"2031\"; line skipped") !=
        std::string::npos);
  CHECK(r.err.find("articles.jsonl:3: not valid JSON") != std::string::npos);
  const auto triples = Triples(r.out);
  CHECK(HasTriple(triples, "Norway", "host", "Finland"));
  CHECK(HasTriple(triples, "Finland", "host", "Norway"));
  CHECK(Find(triples, "Finland", "host", "Norway")->at("modality") == "expected");
}

TEST_CASE("bad inputs get one clear line and the right exit code", "[cli]") {
  SECTION("a missing file") {
    auto r = RunCli({"extract", Fixture("no-such-file.txt")});
    CHECK(r.code == 1);
    CHECK(r.err == "geokg: " + Fixture("no-such-file.txt") + ": no such file or directory\n");
    CHECK(r.out.empty());
  }
  SECTION("an empty file is reported, and as the only input it leaves no articles: a failure") {
    auto r = RunCli({"extract", Fixture("empty.txt")});
    CHECK(r.code == 1);
    CHECK(r.err.find("empty.txt: empty, no article to read") != std::string::npos);
    CHECK(r.err.find("geokg: no articles found in " + Fixture("empty.txt")) != std::string::npos);
    CHECK(r.out.empty());
  }
  SECTION("invalid UTF-8 is reported and replaced, and the article is still read") {
    auto r = RunCli({"extract", Fixture("invalid-utf8.txt")});
    CHECK(r.code == 0);
    CHECK(r.err.find("invalid-utf8.txt: invalid UTF-8 at byte 28, replaced by U+FFFD") != std::string::npos);
    CHECK(HasTriple(Triples(r.out), "Norway", "meet", "Finland"));
  }
}

TEST_CASE("usage mistakes exit 2 with the problem on stderr, help and version exit 0", "[cli]") {
  auto data = GENERATE(table<std::vector<std::string>, int>({
      {{"frobnicate"}, 2},
      {{"extract", "--bogus"}, 2},
      {{"extract", "--format", "xml"}, 2},
      {{"extract", "--date", "03/02/2031"}, 2},
      {{"export"}, 2},
      {{"--help"}, 0},
      {{"met", "--help"}, 0},
      {{"--version"}, 0},
  }));
  const std::vector<std::string>& args = std::get<0>(data);
  CAPTURE(args);
  auto r = RunCli(args);
  CHECK(r.code == std::get<1>(data));
  if (r.code == 2) {
    CHECK(r.err.rfind("geokg", 0) == 0);
    CHECK(r.out.empty());
  } else {
    CHECK(!r.out.empty());
  }
}

TEST_CASE("ingest stores articles once: re-ingesting the same articles changes nothing", "[cli][store]") {
  TempDir dir;
  const std::string db = dir / "kg.db";
  auto first = RunCli({"ingest", Fixture("articles/"), "--db", db});
  REQUIRE(first.code == 0);
  CHECK(first.err.find("1 new, 0 unchanged") != std::string::npos);
  auto stats1 = RunCli({"stats", "--db", db, "--format", "json"});
  auto again = RunCli({"ingest", Fixture("articles/"), "--db", db});
  REQUIRE(again.code == 0);
  CHECK(again.err.find("0 new, 1 unchanged") != std::string::npos);
  auto stats2 = RunCli({"stats", "--db", db, "--format", "json"});
  CHECK(stats1.out == stats2.out);
  CHECK(json::parse(stats1.out)["documents"] == 1);
  CHECK(json::parse(stats1.out)["facts"].get<int>() > 3);
}

TEST_CASE("met answers who met whom from the store, by any alias and in any case", "[cli][query]") {
  TempDir dir;
  const std::string db = dir / "kg.db";
  REQUIRE(RunCli({"ingest", Fixture("articles/2031-03-02-ribeiro-rabat.txt"), Fixture("articles.jsonl"), "--db", db})
              .code == 1);
  SECTION("one entity, table") {
    auto r = RunCli({"met", "ribeiro", "--db", db});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("Ana Ribeiro") != std::string::npos);
    CHECK(r.out.find("Karim Alaoui") != std::string::npos);
    CHECK(r.out.find("2031-03-02") != std::string::npos);
  }
  SECTION("every pair, JSON") {
    auto r = RunCli({"met", "--db", db, "--format", "json"});
    REQUIRE(r.code == 0);
    const json rows = json::parse(r.out);
    REQUIRE(rows.size() >= 2);
    for (const json& row : rows)
      for (const char* field : {"entity", "met", "relation", "modality", "first_time", "mentions", "evidence", "doc"})
        CHECK(row.contains(field));
  }
  SECTION("an unknown entity is a failure that names it") {
    auto r = RunCli({"met", "Atlantis", "--db", db});
    CHECK(r.code == 1);
    CHECK(r.err.find("no entity named \"Atlantis\"") != std::string::npos);
  }
}

TEST_CASE("stores that cannot be used are refused with a message naming them", "[cli][store]") {
  TempDir dir;
  SECTION("no store yet") {
    auto r = RunCli({"met", "--db", dir / "absent.db"});
    CHECK(r.code == 1);
    CHECK(r.err.find("absent.db: no store here") != std::string::npos);
  }
  SECTION("a directory that holds something else") {
    std::filesystem::create_directories(dir / "notes");
    std::ofstream(dir / "notes/todo.txt") << "buy milk\n";
    auto r = RunCli({"ingest", Fixture("articles/"), "--db", dir / "notes"});
    CHECK(r.code == 1);
    CHECK(r.err.find("not a geokg store") != std::string::npos);
    CHECK(!std::filesystem::exists(dir / "notes/CURRENT"));
  }
  SECTION("a store whose parent directory is missing") {
    auto r = RunCli({"ingest", Fixture("articles/"), "--db", dir / "missing/parent/kg.db"});
    CHECK(r.code == 1);
    CHECK(r.err.find("does not exist") != std::string::npos);
  }
}

TEST_CASE("export writes a DOT diagram that escapes hostile names and that dot accepts", "[cli][graph]") {
  TempDir dir;
  const std::string db = dir / "kg.db";
  REQUIRE(RunCli({"ingest", Fixture("hostile.txt"), Fixture("articles/"), "--lexicon", Fixture("hostile-lexicon.tsv"),
                  "--db", db})
              .code == 0);
  const std::string dot = dir / "graph.dot";
  auto r = RunCli({"export", "--format", "dot", "--db", db, "-o", dot});
  REQUIRE(r.code == 0);
  const std::string text = ReadFile(dot);
  CHECK(text.rfind("digraph", 0) == 0);
  CHECK(text.find("\"Quote \\\"Q\\\" Back\\\\slash\"") != std::string::npos);
  CHECK(!std::filesystem::exists(dot + ".tmp"));
  SECTION("the neighbourhood of one entity") {
    auto around = RunCli({"export", "--format", "jsonl", "--db", db, "--entity", "Rabat", "--depth", "1"});
    REQUIRE(around.code == 0);
    const auto facts = JsonLines(around.out);
    REQUIRE(!facts.empty());
    for (const json& f : facts) CHECK((f["subject"]["name"] == "Rabat" || f["object"]["name"] == "Rabat"));
  }
  if (std::system("command -v dot >/dev/null 2>&1") != 0) {
    WARN("skipped: GraphViz 'dot' is not installed, so the diagram was not rendered");
    return;
  }
  const std::string command = "dot -Tsvg '" + dot + "' -o '" + (dir / "graph.svg") + "' 2>'" + (dir / "dot.err") + "'";
  CHECK(std::system(command.c_str()) == 0);
  CHECK(ReadFile(dir / "dot.err").empty());
}

TEST_CASE("the installed binary runs the same commands as the library", "[cli]") {
  TempDir dir;
  const std::string command = std::string(GEOKG_BINARY) + " extract '" +
                              Fixture("articles/2031-03-02-ribeiro-rabat.txt") + "' > '" + (dir / "out.jsonl") + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  CHECK(HasTriple(Triples(ReadFile(dir / "out.jsonl")), "Ana Ribeiro", "visit", "Rabat"));
  CHECK(std::system((std::string(GEOKG_BINARY) + " nonsense 2>/dev/null").c_str()) != 0);
}

TEST_CASE("extract --threads prints the same triples in the same order as one thread", "[cli]") {
  const std::string examples = std::string(GEOKG_SOURCE_DIR) + "/examples";
  auto one = RunCli({"extract", "--threads", "1", examples, Fixture("articles/")});
  auto three = RunCli({"extract", "--threads", "3", examples, Fixture("articles/")});
  REQUIRE(one.code == 0);
  REQUIRE(three.code == 0);
  CHECK(!one.out.empty());
  CHECK(one.out == three.out);
}
