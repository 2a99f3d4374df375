// Diagrams people can read (issue 17): one edge per pair and direction labelled with its
// relations and mention counts, a person's current office in their node instead of role edges,
// ego views, and a word before a diagram too large to read or draw.
#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "store/store.h"
#include "tests/support/run_cli.h"

using geokg::testing::Contains;
using geokg::testing::ReadFile;
using geokg::testing::RunCli;
using geokg::testing::TempDir;

namespace {

struct DotEdge {
  std::string from, to, label;
};

// The edges of a DOT file written by geokg ("1->2 [label=..."), and its node labels by id.
std::vector<DotEdge> EdgesOf(const std::string& dot, std::map<std::string, std::string>* nodes = nullptr) {
  static const std::regex kEdge(R"re(^(\d+)->(\d+) \[label="((?:[^"\\]|\\.)*)")re");
  static const std::regex kNode(R"re(^(\d+) \[label="((?:[^"\\]|\\.)*)")re");
  std::vector<DotEdge> edges;
  std::istringstream in(dot);
  std::string line;
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_search(line, m, kEdge))
      edges.push_back({m[1], m[2], m[3]});
    else if (nodes != nullptr && std::regex_search(line, m, kNode))
      (*nodes)[m[1]] = m[2];
  }
  return edges;
}

// A store of the example articles (ours), built once for all the tests here.
const std::string& ExampleStore() {
  static TempDir dir;
  static const std::string db = dir / "kg.db";
  static const int code = RunCli({"ingest", std::string(GEOKG_SOURCE_DIR) + "/examples", "--db", db}).code;
  REQUIRE(code == 0);
  return db;
}

}  // namespace

TEST_CASE("a diagram draws one edge per pair and direction, labelled with relations and mentions", "[cli][graph]") {
  auto r = RunCli({"export", "--format", "dot", "--db", ExampleStore()});
  REQUIRE(r.code == 0);
  const std::vector<DotEdge> edges = EdgesOf(r.out);
  REQUIRE(edges.size() > 5);
  std::set<std::pair<std::string, std::string>> pairs;
  bool several = false;
  for (const DotEdge& e : edges) {
    CAPTURE(e.from, e.to, e.label);
    CHECK(pairs.emplace(e.from, e.to).second);
    CHECK(std::regex_search(e.label, std::regex(R"(^[a-z_]+ \d+)")));
    several = several || Contains(e.label, "\\n");
  }
  CHECK(several);  // some pair has several relations, one line each

  SECTION("--edge-per-fact draws every fact") {
    auto all = RunCli({"export", "--format", "dot", "--edge-per-fact", "--role-edges", "--db", ExampleStore()});
    REQUIRE(all.code == 0);
    CHECK(EdgesOf(all.out).size() > edges.size());
  }
}

TEST_CASE("a person's current office is in their node, and role edges only on request", "[cli][graph]") {
  std::map<std::string, std::string> nodes;
  auto r = RunCli({"export", "--format", "dot", "--db", ExampleStore()});
  REQUIRE(r.code == 0);
  for (const DotEdge& e : EdgesOf(r.out, &nodes)) {
    CHECK_FALSE(Contains(e.label, "leads"));
    CHECK_FALSE(Contains(e.label, "official_of"));
  }
  bool xi = false;
  for (const auto& [id, label] : nodes) xi = xi || label == "Xi Jinping \xC2\xB7 China";
  CHECK(xi);

  auto with_roles = RunCli({"export", "--format", "dot", "--role-edges", "--db", ExampleStore()});
  REQUIRE(with_roles.code == 0);
  bool leads = false;
  for (const DotEdge& e : EdgesOf(with_roles.out)) leads = leads || Contains(e.label, "leads");
  CHECK(leads);
}

TEST_CASE("an ego view draws only the edges around the entity", "[cli][graph]") {
  std::map<std::string, std::string> nodes;
  auto r = RunCli({"export", "--format", "dot", "--entity", "Xi Jinping", "--depth", "1", "--db", ExampleStore()});
  REQUIRE(r.code == 0);
  const std::vector<DotEdge> edges = EdgesOf(r.out, &nodes);
  REQUIRE(!edges.empty());
  std::string xi;
  for (const auto& [id, label] : nodes)
    if (label.rfind("Xi Jinping", 0) == 0) xi = id;
  REQUIRE(!xi.empty());
  for (const DotEdge& e : edges) CHECK((e.from == xi || e.to == xi));
}

TEST_CASE("a diagram capped by --max-edges keeps the most mentioned edges and the title says so", "[cli][graph]") {
  auto r = RunCli({"export", "--format", "dot", "--max-edges", "3", "--db", ExampleStore()});
  REQUIRE(r.code == 0);
  CHECK(EdgesOf(r.out).size() == 3);
  CHECK(std::regex_search(r.out, std::regex(R"(the 3 most mentioned of \d+ edges)")));
}

TEST_CASE("a diagram too large to read is warned about, with the filters that make a readable one", "[cli][graph]") {
  TempDir dir;
  {
    auto store = geokg::store::Store::Open(dir / "kg.db", {});
    REQUIRE(store.ok());
    geokg::Document doc{"big", "", "2031-01-01", "", "", "Many meetings."};
    std::vector<geokg::Triple> triples;
    for (int i = 0; i < 2100; ++i) {
      geokg::Triple t;
      t.subject = {"Actor " + std::to_string(i), geokg::EntityType::kCountry, "", {}};
      t.object = {"Actor " + std::to_string(i + 1), geokg::EntityType::kCountry, "", {}};
      t.predicate = "meets";
      t.relation = geokg::Relation::kMeet;
      t.confidence = 0.9f;
      t.evidence = {"big", 0, 0, 14, "Many meetings.", "2031-01-01"};
      triples.push_back(t);
    }
    REQUIRE(store.value()->PutDocument(doc, triples).ok());
    REQUIRE(store.value()->Close().ok());
  }
  auto r = RunCli({"export", "--format", "dot", "--db", dir / "kg.db", "-o", dir / "big.dot"});
  REQUIRE(r.code == 0);
  CHECK(Contains(r.err, "geokg: the diagram has 2100 edges, too many to read"));
  CHECK(Contains(r.err, "--entity NAME --depth 1"));
  CHECK(Contains(r.err, "--max-edges N"));
  auto capped =
      RunCli({"export", "--format", "dot", "--max-edges", "100", "--db", dir / "kg.db", "-o", dir / "small.dot"});
  REQUIRE(capped.code == 0);
  CHECK(capped.err.empty());
  CHECK(EdgesOf(ReadFile(dir / "small.dot")).size() == 100);
}
