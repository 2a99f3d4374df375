// The question commands and the export formats, end to end on a store built from our example
// articles (examples/, written by us) and our hostile-name fixtures.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.h"

using geokg::testing::Fixture;
using geokg::testing::RunCli;
using geokg::testing::TempDir;
using geokg::testing::WriteFile;
using nlohmann::json;

namespace {

const std::string kExamples = std::string(GEOKG_SOURCE_DIR) + "/examples/";

// One store of the example articles for the whole test program (ingest takes a moment).
const std::string& ExampleDb() {
  static TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "examples.db";
    REQUIRE(RunCli({"ingest", kExamples, "--db", path}).code == 0);
    return path;
  }();
  return db;
}

json Json(const std::vector<std::string>& args) {
  auto r = RunCli(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  return json::parse(r.out);
}

bool Has(const json& rows, const std::string& field, const std::string& value) {
  for (const json& row : rows) {
    const json& v = row[field];
    if ((v.is_string() && v == value) || (v.is_object() && v["name"] == value)) return true;
  }
  return false;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool Installed(const std::string& check) { return std::system((check + " >/dev/null 2>&1").c_str()) == 0; }

// Debian's python3 sees python3-networkx even when another python3 comes first on PATH.
std::string Python() { return Installed("test -x /usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

}  // namespace

TEST_CASE("met lists whom Lee met, with dates, evidence and the place a sentence names", "[cli][query]") {
  const json rows = Json({"met", "lee", "--db", ExampleDb(), "--format", "json"});
  CHECK(Has(rows, "met", "Donald Trump"));
  CHECK(Has(rows, "met", "Xi Jinping"));
  for (const json& row : rows) {
    CHECK(row["entity"]["name"] == "Lee Jae-myung");
    for (const char* field : {"fact", "relation", "modality", "first_time", "place", "mentions", "evidence", "doc"})
      CHECK(row.contains(field));
    CHECK(row["modality"] != "negated");
  }
  SECTION("--since keeps only later meetings") {
    for (const json& row : Json({"met", "Trump", "--since", "2025-10", "--db", ExampleDb(), "--format", "json"}))
      CHECK(row["first_time"].get<std::string>() >= "2025-10");
  }
  SECTION("--modality asserted drops expected meetings") {
    for (const json& row : Json({"met", "Trump", "--modality", "asserted", "--db", ExampleDb(), "--format", "json"}))
      CHECK(row["modality"] == "asserted");
  }
  SECTION("a place is given only when the same sentence states a visit") {
    const json trump = Json({"met", "Trump", "--db", ExampleDb(), "--format", "json"});
    bool tokyo = false;
    for (const json& row : trump) tokyo = tokyo || (row["met"]["name"] == "Naruhito" && row["place"] == "Tokyo");
    CHECK(tokyo);
  }
}

TEST_CASE("query answers a triple pattern from names in any case and a relation list", "[cli][query]") {
  const json rows = Json({"query", "--subject", "UNITED STATES", "--relation", "accuse,criticize", "--db", ExampleDb(),
                          "--format", "json"});
  REQUIRE(!rows.empty());
  for (const json& row : rows) {
    CHECK(row["subject"]["name"] == "United States");
    CHECK((row["relation"] == "accuse" || row["relation"] == "criticize"));
  }
  CHECK(Has(rows, "object", "North Korea"));
  SECTION("an unknown relation is a usage error that names it") {
    auto r = RunCli({"query", "--relation", "hug", "--db", ExampleDb()});
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown relation \"hug\"") != std::string::npos);
  }
}

TEST_CASE("neighbors, timeline and path walk the graph around the entities asked about", "[cli][query][graph]") {
  const json near = Json({"neighbors", "Pyongyang", "--depth", "2", "--db", ExampleDb(), "--format", "json"});
  CHECK(Has(near, "entity", "Vladimir Putin"));
  for (const json& row : near) CHECK((row["depth"] == 1 || row["depth"] == 2));
  const json timeline = Json({"timeline", "Takaichi", "--db", ExampleDb(), "--format", "json"});
  REQUIRE(timeline.size() >= 2);
  for (size_t i = 1; i < timeline.size(); ++i)
    if (!timeline[i]["first_time"].is_null())
      CHECK(timeline[i - 1]["first_time"].get<std::string>() <= timeline[i]["first_time"].get<std::string>());
  const json hops = Json({"path", "Pyongyang", "China", "--db", ExampleDb(), "--format", "json"});
  REQUIRE(!hops.empty());
  CHECK(hops.front()["from"]["name"] == "Pyongyang");
  for (const json& hop : hops) {
    CHECK(!hop["evidence"].get<std::string>().empty());
    if (hop["hop"] == hops.front()["hop"].get<int>() + 2) CHECK(hop["to"]["name"] == "China");
  }
  SECTION("no chain within the depth is an empty answer, not a failure") {
    auto r = RunCli({"path", "Pyongyang", "China", "--max-depth", "1", "--db", ExampleDb()});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.find("no chain of at most 1 facts") != std::string::npos);
  }
}

TEST_CASE("rank and communities summarise the filtered graph", "[cli][query][graph]") {
  for (const char* by : {"degree", "pagerank", "betweenness"}) {
    const json rows = Json({"rank", "--by", by, "--top", "3", "--db", ExampleDb(), "--format", "json"});
    CAPTURE(by);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0]["score"].get<double>() >= rows[2]["score"].get<double>());
  }
  const json meets =
      Json({"rank", "--by", "degree", "--relation", "meet", "--top", "3", "--db", ExampleDb(), "--format", "json"});
  CHECK(Has(meets, "entity", "Donald Trump"));
  CHECK(Has(meets, "entity", "Xi Jinping"));
  for (const char* method : {"components", "modularity"}) {
    const json groups = Json({"communities", "--method", method, "--db", ExampleDb(), "--format", "json"});
    REQUIRE(!groups.empty());
    CHECK(groups[0]["size"].get<int>() >= groups.back()["size"].get<int>());
  }
}

TEST_CASE("entity shows names and counts, evidence shows sentences, unknown names get suggestions", "[cli][query]") {
  const json card = Json({"entity", "kor", "--db", ExampleDb(), "--format", "json"});
  REQUIRE(card.size() == 1);
  CHECK(card[0]["name"] == "South Korea");
  CHECK(card[0]["facts"].get<int>() > 0);
  auto miss = RunCli({"entity", "Pyongyan", "--db", ExampleDb()});
  CHECK(miss.code == 1);
  CHECK(miss.err.find("did you mean \"Pyongyang\"") != std::string::npos);
  const json met = Json({"met", "Lee", "--db", ExampleDb(), "--format", "json"});
  const json sentences =
      Json({"evidence", std::to_string(met[0]["fact"].get<long>()), "--db", ExampleDb(), "--format", "json"});
  REQUIRE(!sentences.empty());
  CHECK(!sentences[0]["text"].get<std::string>().empty());
  CHECK(!sentences[0]["title"].is_null());
  SECTION("csv and jsonl carry the same rows") {
    auto csv = RunCli({"met", "Lee", "--db", ExampleDb(), "--format", "csv"});
    auto jsonl = RunCli({"met", "Lee", "--db", ExampleDb(), "--format", "jsonl"});
    CHECK(csv.out.rfind("entity,met,relation", 0) == 0);
    CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') >= static_cast<long>(met.size()) + 1);
    CHECK(static_cast<size_t>(std::count(jsonl.out.begin(), jsonl.out.end(), '\n')) == met.size());
  }
}

TEST_CASE("an empty store says so instead of answering nothing", "[cli][query]") {
  TempDir dir;
  const std::string db = dir / "empty.db";
  WriteFile(dir / "quiet.txt", "Nothing happened here today.\n");
  REQUIRE(RunCli({"ingest", dir / "quiet.txt", "--db", db}).code == 0);
  auto met = RunCli({"met", "--db", db});
  CHECK(met.code == 0);
  CHECK(met.err.find("holds no facts yet") != std::string::npos);
  auto entity = RunCli({"entity", "Lee", "--db", db});
  CHECK(entity.code == 1);
  CHECK(entity.err.find("holds no facts yet") != std::string::npos);
}

TEST_CASE("exports of hostile and non-Latin names load in networkx, rapper and dot", "[cli][graph]") {
  TempDir dir;
  const std::string db = dir / "kg.db";
  REQUIRE(RunCli({"ingest", Fixture("hostile.txt"), kExamples, "--lexicon", Fixture("hostile-lexicon.tsv"), "--db", db})
              .code == 0);
  SECTION("jsonl: one fact per line with its evidence") {
    auto r = RunCli({"export", "--format", "jsonl", "--db", db, "--relation", "meet"});
    REQUIRE(r.code == 0);
    std::istringstream lines(r.out);
    std::string line;
    bool korean = false;
    while (std::getline(lines, line)) {
      const json fact = json::parse(line);
      CHECK(fact["relation"] == "meet");
      REQUIRE(!fact["evidence"].empty());
      korean = korean || fact["subject"]["name"] == "김민준" || fact["object"]["name"] == "김민준";
    }
    CHECK(korean);
  }
  SECTION("csv: Neo4j import headers and a pandas pair") {
    REQUIRE(RunCli({"export", "--format", "csv", "--db", db, "-o", dir / "csv"}).code == 0);
    CHECK(ReadFile(dir / "csv/neo4j-nodes.csv").rfind("entity:ID,", 0) == 0);
    CHECK(ReadFile(dir / "csv/neo4j-relationships.csv").rfind(":START_ID,:END_ID,:TYPE,", 0) == 0);
    CHECK(ReadFile(dir / "csv/nodes.csv").find("\"Quote \"\"Q\"\" Back\\slash\"") != std::string::npos);
    CHECK(ReadFile(dir / "csv/edges.csv").rfind("fact,source,target,relation", 0) == 0);
    CHECK(RunCli({"export", "--format", "csv", "--db", db}).code == 1);
  }
  SECTION("graphml in networkx") {
    REQUIRE(RunCli({"export", "--format", "graphml", "--db", db, "-o", dir / "g.graphml"}).code == 0);
    if (!Installed(Python() + " -c 'import networkx'")) {
      WARN("skipped: networkx is not installed (tools/setup.sh installs python3-networkx)");
      return;
    }
    const std::string script =
        "import networkx as nx, sys; g = nx.read_graphml(sys.argv[1]); "
        "names = {d['name'] for _, d in g.nodes(data=True)}; "
        "assert 'Angle <&> Land' in names and '\u0644\u064a\u0644\u0649 \u062d\u062f\u0627\u062f' in names; "
        "assert all('relation' in d and 'mentions' in d and 'confidence' in d for _, _, d in g.edges(data=True))";
    CHECK(std::system((Python() + " -c \"" + script + "\" '" + (dir / "g.graphml") + "'").c_str()) == 0);
  }
  SECTION("ntriples in rapper") {
    REQUIRE(RunCli({"export", "--format", "ntriples", "--db", db, "-o", dir / "g.nt"}).code == 0);
    CHECK(ReadFile(dir / "g.nt").find("rdf-syntax-ns#Statement") != std::string::npos);
    if (!Installed("command -v rapper")) {
      WARN("skipped: rapper is not installed (tools/setup.sh installs raptor2-utils)");
      return;
    }
    CHECK(std::system(("rapper -q -i ntriples -c '" + (dir / "g.nt") + "' 2>'" + (dir / "rapper.err") + "'").c_str()) ==
          0);
    CHECK(ReadFile(dir / "rapper.err").empty());
  }
  SECTION("svg rendered by dot, with the selection in its title") {
    if (!Installed("command -v dot")) {
      auto r = RunCli({"export", "--format", "svg", "--db", db});
      CHECK(r.code == 1);
      CHECK(r.err.find("'dot' is not installed") != std::string::npos);
      WARN("skipped: GraphViz 'dot' is not installed");
      return;
    }
    REQUIRE(RunCli({"export", "--format", "svg", "--entity", "Quoteman", "--depth", "2", "--modality", "asserted",
                    "--db", db, "-o", dir / "g.svg"})
                .code == 0);
    const std::string svg = ReadFile(dir / "g.svg");
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("modality asserted") != std::string::npos);
    CHECK(svg.find("Angle &lt;&amp;&gt; Land") != std::string::npos);
  }
}

TEST_CASE("evidence shows the time as the sentence wrote it beside the resolved date", "[cli][query]") {
  TempDir dir;
  const std::string db = dir / "kg.db";
  REQUIRE(RunCli({"ingest", Fixture("store-articles.jsonl"), "--db", db}).code == 0);
  const json hosted = Json(
      {"query", "--subject", "Norway", "--relation", "host", "--object", "Finland", "--db", db, "--format", "json"});
  REQUIRE(!hosted.empty());
  const json sentences =
      Json({"evidence", std::to_string(hosted[0]["fact"].get<long>()), "--db", db, "--format", "json"});
  bool found = false;
  for (const json& s : sentences) {
    if (s["doc"] != "s-1") continue;
    found = true;
    CHECK(s["time"] == "2031-03-31");
    CHECK(s["time_text"] == "on Monday");
  }
  CHECK(found);
  const auto csv = RunCli({"evidence", std::to_string(hosted[0]["fact"].get<long>()), "--db", db, "--format", "csv"});
  CHECK(csv.out.find(",time,time_text,") != std::string::npos);
}
