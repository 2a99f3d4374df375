// Dates and citations end to end, on a small dated corpus of ours (tests/data/dated-articles.jsonl):
// every fact dated, timelines in order, --since/--until by those dates, every export citing its
// articles, query CSV with every JSON field, and the GDELT-style and KGTK tables.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.h"

using geokg::testing::Fixture;
using geokg::testing::ReadFile;
using geokg::testing::RunCli;
using geokg::testing::TempDir;
using nlohmann::json;

namespace {

const std::string& DatedDb() {
  static TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "dated.db";
    REQUIRE(RunCli({"ingest", Fixture("dated-articles.jsonl"), "--db", path}).code == 0);
    return path;
  }();
  return db;
}

json Json(std::vector<std::string> args) {
  args.insert(args.end(), {"--db", DatedDb(), "--format", "json"});
  auto r = RunCli(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  return json::parse(r.out);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> Split(const std::string& line, char separator) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == separator)
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

std::set<std::string> Fields(const std::vector<std::string>& args) {
  std::vector<std::string> full = args;
  full.insert(full.end(), {"--db", DatedDb(), "--format", "csv"});
  auto r = RunCli(full);
  REQUIRE(r.code == 0);
  const auto header = Split(Lines(r.out).at(0), ',');
  return {header.begin(), header.end()};
}

bool Installed(const std::string& check) { return std::system((check + " >/dev/null 2>&1").c_str()) == 0; }
std::string Python() { return Installed("test -x /usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

}  // namespace

TEST_CASE("every fact from a dated article has a date and says whether it is the event's own", "[cli][dates]") {
  const json facts = Json({"query"});
  REQUIRE(facts.size() >= 5);
  for (const json& f : facts) {
    INFO(f.dump());
    CHECK(f["first_time"].is_string());
    CHECK(f["last_time"].is_string());
    CHECK(f["first_reported"].is_string());
    CHECK((f["time_source"] == "event" || f["time_source"] == "report"));
  }
  const json accused = Json({"query", "--subject", "Finland", "--relation", "accuse", "--object", "Russia"});
  REQUIRE(accused.size() == 1);
  CHECK(accused[0]["first_time"] == "2031-06-07");  // "on Saturday", before the Monday it was reported
  CHECK(accused[0]["time_source"] == "event");
  CHECK(accused[0]["first_reported"] == "2031-06-09");
  const json met = Json({"met", "Haugen"});
  REQUIRE(met.size() == 1);
  CHECK(met[0]["first_time"] == "2031-06-02");
  CHECK(met[0]["last_time"] == "2031-07-14");
  CHECK(met[0]["time_source"] == "report");
}

TEST_CASE("timeline is in date order and --since/--until keep the facts of their period", "[cli][dates]") {
  const json timeline = Json({"timeline", "Russia"});
  REQUIRE(timeline.size() >= 3);
  for (size_t i = 1; i < timeline.size(); ++i)
    CHECK(timeline[i - 1]["first_time"].get<std::string>() <= timeline[i]["first_time"].get<std::string>());
  for (const json& f : Json({"query", "--since", "2031-07"})) CHECK(f["last_time"].get<std::string>() >= "2031-07");
  const json june = Json({"query", "--relation", "criticize,accuse", "--until", "2031-06"});
  CHECK(june.size() == 2);                                           // Norway's and Finland's, not Sweden's of July
  CHECK(Json({"met", "Haugen", "--since", "2031-07"}).size() == 1);  // met again in July
  CHECK(Json({"query", "--relation", "host", "--since", "2031-08"}).size() == 1);  // Riga, expected
}

TEST_CASE("query CSV has every field its JSON has", "[cli][query]") {
  const json fact = Json({"query"}).at(0);
  const std::string id = std::to_string(fact["fact"].get<long>());
  const std::vector<std::vector<std::string>> commands = {{"query"},
                                                          {"timeline", "Russia"},
                                                          {"met"},
                                                          {"evidence", id},
                                                          {"entity", "Norway"},
                                                          {"neighbors", "Russia"},
                                                          {"path", "Norway", "Finland"},
                                                          {"rank"},
                                                          {"communities"}};
  for (const auto& command : commands) {
    INFO(command.front());
    const json rows = Json(command);
    REQUIRE(!rows.empty());
    std::set<std::string> keys;
    for (const auto& [key, value] : rows[0].items()) keys.insert(key);
    CHECK(Fields(command) == keys);
  }
}

TEST_CASE("tables cut long cells only on a terminal or when asked, and align wide characters", "[cli][query]") {
  const auto whole = RunCli({"query", "--db", DatedDb()});
  CHECK(whole.out.find("Norway criticised Russia over the fishing dispute.") != std::string::npos);
  const auto cut = RunCli({"query", "--db", DatedDb(), "--width", "20"});
  CHECK(cut.out.find("Norway criticised Russia over the fishing dispute.") == std::string::npos);
  CHECK(cut.out.find("...") != std::string::npos);
  CHECK(RunCli({"query", "--db", DatedDb(), "--width", "20", "--no-truncate"}).code == 2);
}

TEST_CASE("every export cites the article's id, date, title, URL and source", "[cli][graph][dates]") {
  TempDir dir;
  const std::string url = "https://news.example.org/2031/06/02/haugen-helsinki";
  auto run = [&](const std::string& format, const std::string& out) {
    auto r = RunCli({"export", "--format", format, "--db", DatedDb(), "-o", dir / out});
    INFO(r.err);
    REQUIRE(r.code == 0);
  };
  SECTION("jsonl: each evidence sentence with its article") {
    run("jsonl", "facts.jsonl");
    for (const std::string& line : Lines(ReadFile(dir / "facts.jsonl"))) {
      const json fact = json::parse(line);
      CHECK(fact["time_source"].is_string());
      for (const json& e : fact["evidence"]) {
        CHECK(e["doc_date"].is_string());
        CHECK(e["doc_url"].is_string());
        CHECK(e["doc_title"].is_string());
        CHECK(e["doc_source"].is_string());
      }
    }
  }
  SECTION("csv: the article of each fact, Document nodes and EVIDENCE relationships for Neo4j") {
    run("csv", "csv");
    const auto edges = Lines(ReadFile(dir / "csv/edges.csv"));
    CHECK(edges.at(0).find(",doc,doc_date,doc_title,doc_url,doc_source,") != std::string::npos);
    CHECK(ReadFile(dir / "csv/edges.csv").find("," + url + ",") != std::string::npos);
    CHECK(ReadFile(dir / "csv/neo4j-relationships.csv").find(",2031-06-02,") != std::string::npos);
    CHECK(ReadFile(dir / "csv/neo4j-documents.csv")
              .find("d:dated-3,dated-3,2031-07-14,\"Haugen and Virtanen, \"\"again\"\"\"") != std::string::npos);
    CHECK(Lines(ReadFile(dir / "csv/neo4j-evidence.csv")).at(0).rfind(":START_ID,:END_ID,:TYPE,fact:long", 0) == 0);
  }
  SECTION("graphml: edge attributes") {
    run("graphml", "g.graphml");
    const std::string g = ReadFile(dir / "g.graphml");
    CHECK(g.find("attr.name=\"doc_url\"") != std::string::npos);
    CHECK(g.find("<data key=\"doc_url\">" + url + "</data>") != std::string::npos);
    CHECK(g.find("<data key=\"doc_date\">2031-06-02</data>") != std::string::npos);
  }
  SECTION("ntriples: Document resources linked from each fact") {
    run("ntriples", "g.nt");
    const std::string nt = ReadFile(dir / "g.nt");
    const std::string doc = "<https://geokg.example.org/document/dated-1>";
    CHECK(nt.find(doc + " <https://geokg.example.org/ns#url> \"" + url + "\" .") != std::string::npos);
    CHECK(nt.find(doc + " <https://geokg.example.org/ns#date> \"2031-06-02\" .") != std::string::npos);
    CHECK(nt.find("<https://geokg.example.org/ns#document> " + doc + " .") != std::string::npos);
  }
}

TEST_CASE("the GDELT-style table keeps CAMEO codes as text and loads in pandas with the documented dtypes",
          "[cli][gdelt]") {
  TempDir dir;
  REQUIRE(RunCli({"export", "--format", "gdelt", "--db", DatedDb(), "-o", dir / "events.tsv"}).code == 0);
  const auto rows = Lines(ReadFile(dir / "events.tsv"));
  const auto header = Split(rows.at(0), '\t');
  REQUIRE(header.at(0) == "GLOBALEVENTID");
  bool accuse = false;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto row = Split(rows[i], '\t');
    REQUIRE(row.size() == header.size());
    std::map<std::string, std::string> field;
    for (size_t k = 0; k < header.size(); ++k) field[header[k]] = row[k];
    CHECK(!field["SQLDATE"].empty());
    if (field["relation"] != "accuse") continue;
    accuse = true;
    CHECK(field["SQLDATE"] == "20310607");
    CHECK(field["Actor1CountryCode"] == "FIN");
    CHECK(field["EventCode"] == "112");
    CHECK(field["EventRootCode"] == "11");
    CHECK(field["QuadClass"] == "3");
    CHECK(field["GoldsteinScale"] == "-2.0");
    CHECK(field["DATEADDED"] == "20310609");
    CHECK(field["SOURCEURL"] == "https://news.example.org/2031/06/09/signals");
  }
  CHECK(accuse);
  if (!Installed(Python() + " -c 'import pandas'")) {
    WARN("skipped: pandas is not installed (tools/setup.sh installs python3-pandas)");
    return;
  }
  // The dtypes docs/FORMATS.md gives for --format gdelt.
  const std::string script =
      "import pandas as pd, sys\n"
      "codes = ['Actor1Code', 'Actor1CountryCode', 'Actor1Type1Code', 'Actor2Code', 'Actor2CountryCode',\n"
      "         'Actor2Type1Code', 'EventCode', 'EventBaseCode', 'EventRootCode']\n"
      "df = pd.read_csv(sys.argv[1], sep='\\t', dtype={c: 'string' for c in codes})\n"
      "assert str(df['EventCode'].dtype) == 'string', df.dtypes\n"
      "assert set(df['EventRootCode'].dropna()) <= {'%02d' % n for n in range(1, 21)}, df['EventRootCode']\n"
      "for c in ['GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'IsRootEvent', 'NumMentions', 'NumSources',\n"
      "          'NumArticles', 'DATEADDED']:\n"
      "    assert str(df[c].dtype) == 'int64', (c, df[c].dtype)\n"
      "for c in ['FractionDate', 'GoldsteinScale', 'confidence']:\n"
      "    assert str(df[c].dtype) == 'float64', (c, df[c].dtype)\n"
      "assert (df.loc[df['relation'] == 'accuse', 'EventCode'] == '112').all()\n";
  { std::ofstream(dir / "check.py") << script; }
  CHECK(std::system((Python() + " '" + (dir / "check.py") + "' '" + (dir / "events.tsv") + "'").c_str()) == 0);
}

TEST_CASE("the KGTK edge file has the required columns, unique ids and qualifiers on fact edges", "[cli][kgtk]") {
  auto r = RunCli({"extract", "--format", "kgtk", Fixture("dated-articles.jsonl")});
  REQUIRE(r.code == 0);
  const auto lines = Lines(r.out);
  REQUIRE(lines.at(0) == "node1\tlabel\tnode2\tid");
  std::set<std::string> ids;
  std::set<std::string> qualified;
  for (size_t i = 1; i < lines.size(); ++i) {
    const auto row = Split(lines[i], '\t');
    REQUIRE(row.size() == 4);
    for (const std::string& cell : row) {
      CHECK(!cell.empty());
      const bool symbol = cell[0] != '"' && cell[0] != '\'';
      CHECK((!symbol || cell.find(' ') == std::string::npos));  // symbols hold no blanks
    }
    CHECK(ids.insert(row[3]).second);
    if (row[0].rfind("geokg:fact/", 0) == 0) qualified.insert(row[0] + " " + row[1]);
  }
  CHECK(qualified.count("geokg:fact/1 modality") == 1);
  CHECK(qualified.count("geokg:fact/1 doc_url") == 1);
  CHECK(r.out.find("\tfirst_time\t^2031-06-02T00:00:00Z/11\t") != std::string::npos);
  CHECK(r.out.find("\tcameo\t\"040\"\t") != std::string::npos);
}
