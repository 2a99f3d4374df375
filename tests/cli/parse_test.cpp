#include <catch2/catch.hpp>

#include <sstream>

#include "tests/support/run_cli.h"

using geokg::testing::RunCli;

namespace {

// The rows of CoNLL-U output (no comments), split into columns.
std::vector<std::vector<std::string>> Rows(const std::string& conllu) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(conllu);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> columns;
    std::istringstream cells(line);
    std::string cell;
    while (std::getline(cells, cell, '\t')) columns.push_back(cell);
    rows.push_back(columns);
  }
  return rows;
}

}  // namespace

TEST_CASE("parse turns text into CoNLL-U with the subject and object on the verb", "[cli][parse]") {
  auto r = RunCli({"parse"}, "Norway accused Sweden of spying.\n");
  REQUIRE(r.code == 0);
  const auto rows = Rows(r.out);
  REQUIRE(rows.size() == 6);
  CHECK(rows[0][1] == "Norway");
  CHECK(rows[0][6] == "2");
  CHECK(rows[0][7] == "nsubj");
  CHECK(rows[2][6] == "2");
  CHECK(rows[2][7] == "obj");
  CHECK(rows[1][2] == "accuse");
}

TEST_CASE("parse --input conllu keeps the given tokens and replaces only the predicted columns", "[cli][parse]") {
  const std::string gold =
      "# text = Finland thanked Norway\n"
      "1\tFinland\t_\t_\t_\t_\t0\t_\t_\t_\n"
      "2\tthanked\t_\t_\t_\t_\t0\t_\t_\t_\n"
      "3\tNorway\t_\t_\t_\t_\t0\t_\t_\tSpaceAfter=No\n\n";
  auto r = RunCli({"parse", "--input", "conllu"}, gold);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("# text = Finland thanked Norway") != std::string::npos);
  const auto rows = Rows(r.out);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1][7] == "root");
  CHECK(rows[2][9] == "SpaceAfter=No");
  SECTION("as JSON Lines") {
    auto j = RunCli({"parse", "--input", "conllu", "--format", "jsonl"}, gold);
    REQUIRE(j.code == 0);
    CHECK(j.out.find("\"deprel\"") != std::string::npos);
  }
}

TEST_CASE("parse names a missing file", "[cli][parse]") {
  auto r = RunCli({"parse", "no-such.conllu"});
  CHECK(r.code == 1);
  CHECK(r.err == "geokg: no-such.conllu: cannot open file\n");
}
