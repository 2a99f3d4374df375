// Issue 19, output that stays what it claims to be: control characters from articles and file
// names are shown, never obeyed, by every table and warning; two exports to one file leave one
// whole export.
#include <catch2/catch.hpp>

#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.h"

using geokg::testing::Contains;
using geokg::testing::Fixture;
using geokg::testing::ReadFile;
using geokg::testing::RunCli;
using geokg::testing::TempDir;
using geokg::testing::WriteFile;
using nlohmann::json;
namespace fs = std::filesystem;

TEST_CASE("control characters from articles and file names never reach the terminal raw", "[cli]") {
  TempDir dir;
  const std::string db = dir / "kg.db", input = dir / "hostile.jsonl";
  WriteFile(input, json{{"id", "evil\x1b]0;owned\x07id"},
                        {"title", "Title \x1b[2J cleared"},
                        {"date", "2031-04-01"},
                        {"text",
                         "Norway met Finland in Oslo on Monday \x1b[31mred\x1b[0m \xC2\x9B"
                         "2J. Norway hosted Finland."}}
                           .dump() +
                       "\n");
  REQUIRE(RunCli({"ingest", input, "--db", db}).code == 0);
  auto raw = [](const std::string& s) {
    return s.find('\x1b') != std::string::npos || s.find('\x07') != std::string::npos ||
           s.find("\xC2\x9B") != std::string::npos;
  };
  auto met = RunCli({"met", "Norway", "--db", db});
  CHECK(Contains(met.out, "evil\\x1b]0;owned\\x07id"));
  for (const std::vector<std::string>& args : {std::vector<std::string>{"met", "Norway"},
                                               {"query", "--subject", "Norway"},
                                               {"evidence", "1"},
                                               {"timeline", "Norway"},
                                               {"neighbors", "Norway"},
                                               {"rank", "--top", "5"}}) {
    std::vector<std::string> full = args;
    full.insert(full.end(), {"--db", db});
    auto r = RunCli(full);
    CAPTURE(args.front());
    CHECK(r.code == 0);
    CHECK_FALSE(r.out.empty());
    CHECK_FALSE(raw(r.out));
    CHECK_FALSE(raw(r.err));
  }
  // Warnings name files and documents: the escape in the name is shown, not obeyed.
  const std::string named = dir / "a\x1b[2Jb.txt";
  WriteFile(named, "");
  auto warned = RunCli({"extract", named});
  CHECK(Contains(warned.err, "a\\x1b[2Jb.txt: empty"));
  CHECK_FALSE(raw(warned.err));
}

TEST_CASE("two exports to the same file at once leave one whole export", "[cli]") {
  TempDir dir;
  const std::string db = dir / "kg.db", out = dir / "graph.nt";
  REQUIRE(RunCli({"ingest", Fixture("store-articles.jsonl"), "--db", db}).code == 0);
  const std::string expected = RunCli({"export", "--db", db, "--format", "ntriples"}).out;
  REQUIRE_FALSE(expected.empty());

  // Another export in progress: its temporary file is not ours to write or move.
  WriteFile(out + ".tmp", "half of another export");
  REQUIRE(RunCli({"export", "--db", db, "--format", "ntriples", "-o", out}).code == 0);
  CHECK(ReadFile(out) == expected);
  CHECK(ReadFile(out + ".tmp") == "half of another export");

  for (int round = 0; round < 5; ++round) {
    std::vector<std::thread> exports;
    for (int i = 0; i < 4; ++i)
      exports.emplace_back([&] { (void)RunCli({"export", "--db", db, "--format", "ntriples", "-o", out}); });
    for (auto& t : exports) t.join();
    CHECK(ReadFile(out) == expected);
  }
  size_t leftovers = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) leftovers += entry.path().extension() == ".tmp";
  CHECK(leftovers == 1);  // only the one we planted
}
