// Output safety (issue 8): entity names written by whoever wrote the web page cannot break out of
// their field in any output format. Each writer gets the same hostile names; each test parses the
// output back (or lexes it) and finds every name intact and nothing injected.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>

#include <nlohmann/json.hpp>

#include "graph/dot_writer.h"
#include "graph/event_tables.h"
#include "graph/graph_view.h"
#include "graph/triple_format.h"
#include "query/output.h"
#include "tests/support/run_cli.h"

using namespace geokg;
using geokg::testing::JsonLines;
using geokg::testing::ReadFile;
using geokg::testing::TempDir;
using geokg::testing::WriteFile;
using nlohmann::json;

namespace {

const std::vector<std::string>& HostileNames() {
  static const std::vector<std::string> names = {
      "Quote \"Q\" Back\\slash",
      "Line\nBreak",
      "Carriage\rReturn",
      "Tab\tbed",
      "Close ] bracket [",
      "<b>Angle & Amp</b> &amp;",
      "\"; rankdir=TB; injected=\"",
      "}; digraph evil {",
      "trailing backslash\\",
      "\xE2\x80\xAE"
      "dnalsI"
      "\xE2\x80\xAC right-to-left",  // U+202E ... U+202C
      "\\N \\G \\l escapes",
      "<http://example.org/x> .",
  };
  return names;
}

// A graph with one edge from each hostile name to a plain one.
Graph HostileGraph() {
  GraphBuilder builder;
  const Vertex plain = builder.VertexFor(0, Entity{"Norway", EntityType::kCountry, "NOR", {}});
  uint32_t key = 1;
  for (const std::string& name : HostileNames()) {
    const Vertex v = builder.VertexFor(key, Entity{name, EntityType::kPerson, "", {}});
    EdgeProperties edge;
    edge.fact = key;
    edge.relation = Relation::kMeet;
    edge.predicate = "meets " + name;
    edge.mentions = 1;
    edge.confidence = 0.5f;
    builder.AddEdge(v, plain, edge);
    ++key;
  }
  return builder.Take();
}

// The DOT text outside quoted strings, with each quoted string (unescaped) in `*strings`. FAILs
// on a line break inside a string or a string left open: either would let a name escape.
std::string DotOutsideStrings(const std::string& dot, std::vector<std::string>* strings) {
  std::string outside;
  for (size_t i = 0; i < dot.size(); ++i) {
    if (dot[i] != '"') {
      outside += dot[i];
      continue;
    }
    std::string value;
    for (++i; i < dot.size() && dot[i] != '"'; ++i) {
      REQUIRE(dot[i] != '\n');
      if (dot[i] == '\\') {
        REQUIRE(i + 1 < dot.size());
        ++i;
        value += dot[i] == 'n' ? '\n' : dot[i];
      } else {
        value += dot[i];
      }
    }
    REQUIRE(i < dot.size());  // closed
    strings->push_back(value);
    outside += "\"\"";
  }
  return outside;
}

std::string UnescapeTsv(std::string_view field) {
  std::string out;
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\' || i + 1 == field.size()) {
      out += field[i];
      continue;
    }
    const char c = field[++i];
    out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
  }
  return out;
}

std::vector<std::string> SplitTabs(const std::string& row) {
  std::vector<std::string> fields(1);
  for (char c : row) {
    if (c == '\t') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

Triple HostileTriple(const std::string& name) {
  Triple t;
  t.subject = {name, EntityType::kPerson, "", {}};
  t.object = {"Norway", EntityType::kCountry, "NOR", {}};
  t.relation = Relation::kMeet;
  t.predicate = "meets";
  t.attribution = name;
  t.confidence = 0.5f;
  t.evidence = {"doc\t\"1\"", 0, 0, 10, name + " met Norway.", "2031-01-01"};
  return t;
}

}  // namespace

TEST_CASE("DOT output keeps every hostile name inside its quoted label", "[graph][output]") {
  std::ostringstream out;
  WriteDot(HostileGraph(), "title \"; rankdir=TB", out);
  std::vector<std::string> strings;
  const std::string outside = DotOutsideStrings(out.str(), &strings);
  // Outside strings only our own syntax: one rankdir, one graph, braces balanced.
  CHECK(std::count(outside.begin(), outside.end(), '{') == std::count(outside.begin(), outside.end(), '}'));
  size_t rankdirs = 0;
  for (size_t at = outside.find("rankdir="); at != std::string::npos; at = outside.find("rankdir=", at + 1)) ++rankdirs;
  CHECK(rankdirs == 1);
  CHECK(outside.find("injected") == std::string::npos);
  CHECK(outside.find("evil") == std::string::npos);
  for (const std::string& name : HostileNames()) {
    CAPTURE(name);
    // A carriage return is dropped from DOT labels (GraphViz would print it raw); all else stays.
    std::string expected = name;
    std::erase(expected, '\r');
    CHECK(std::find(strings.begin(), strings.end(), expected) != strings.end());
  }
  if (std::system("command -v dot >/dev/null 2>&1") != 0) {
    WARN("skipped: GraphViz 'dot' is not installed, so the file was not parsed by GraphViz");
    return;
  }
  TempDir dir;
  WriteFile(dir / "g.dot", out.str());
  const std::string command =
      "dot -Tjson '" + (dir / "g.dot") + "' -o '" + (dir / "g.json") + "' 2>'" + (dir / "dot.err") + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  CHECK(ReadFile(dir / "dot.err").empty());
  const json rendered = json::parse(ReadFile(dir / "g.json"));
  CHECK(rendered["rankdir"] == "LR");
  CHECK(rendered["edges"].size() == HostileNames().size());
}

TEST_CASE("JSON and JSON Lines forms of triples and graphs give back every hostile name", "[graph][output]") {
  for (const std::string& name : HostileNames()) {
    CAPTURE(name);
    const std::string line = TripleToJson(HostileTriple(name)).dump();
    CHECK(line.find('\n') == std::string::npos);
    auto back = TripleFromJson(json::parse(line));
    REQUIRE(back.ok());
    CHECK(back.value().subject.name == name);
    CHECK(back.value().attribution == name);
    CHECK(back.value().evidence.doc == "doc\t\"1\"");
  }
  std::ostringstream out;
  query::WriteGraphJsonl(HostileGraph(), out);
  const std::vector<json> lines = JsonLines(out.str());
  REQUIRE(lines.size() == HostileNames().size());
  std::vector<std::string> subjects;
  for (const json& j : lines) subjects.push_back(j["subject"]["name"]);
  for (const std::string& name : HostileNames()) {
    CAPTURE(name);
    CHECK(std::find(subjects.begin(), subjects.end(), name) != subjects.end());
  }
}

TEST_CASE("a TSV row keeps hostile names in their columns and unescapes to them", "[graph][output]") {
  const size_t columns = SplitTabs(TsvHeader()).size();
  for (const std::string& name : HostileNames()) {
    CAPTURE(name);
    const std::string row = TripleToTsv(HostileTriple(name));
    CHECK(row.find('\n') == std::string::npos);
    CHECK(row.find('\r') == std::string::npos);
    const std::vector<std::string> fields = SplitTabs(row);
    REQUIRE(fields.size() == columns);
    CHECK(UnescapeTsv(fields[0]) == "doc\t\"1\"");
    CHECK(std::count_if(fields.begin(), fields.end(), [&](const std::string& f) { return UnescapeTsv(f) == name; }) >=
          2);
  }
}

namespace {

// Records of a tab-separated table quoted as RFC 4180 quotes CSV (what --format gdelt writes).
std::vector<std::vector<std::string>> ParseQuotedTsv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record(1);
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        record.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        record.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == '\t') {
      record.emplace_back();
    } else if (c == '\n') {
      records.push_back(std::move(record));
      record.assign(1, "");
    } else {
      record.back() += c;
    }
  }
  return records;
}

}  // namespace

TEST_CASE("GDELT-style rows and KGTK edges keep hostile names in their columns", "[graph][output]") {
  const std::vector<geokg::CitedFact> facts = geokg::FactsOf(HostileGraph());
  std::ostringstream gdelt;
  geokg::WriteGdeltHeader(gdelt);
  geokg::WriteGdeltRows(facts, {}, gdelt);
  const auto records = ParseQuotedTsv(gdelt.str());
  REQUIRE(records.size() == HostileNames().size() + 1);
  const auto& header = records.front();
  const size_t name = std::find(header.begin(), header.end(), "Actor1Name") - header.begin();
  REQUIRE(name < header.size());
  for (size_t i = 1; i < records.size(); ++i) {
    REQUIRE(records[i].size() == header.size());
    CHECK(records[i][name] == HostileNames()[i - 1]);
  }
  std::ostringstream kgtk;
  geokg::KgtkWriter(kgtk).Write(facts);
  std::istringstream lines(kgtk.str());
  for (std::string line; std::getline(lines, line);) {
    CAPTURE(line);
    CHECK(SplitTabs(line).size() == 4);
    CHECK(line.find('\r') == std::string::npos);
  }
}
