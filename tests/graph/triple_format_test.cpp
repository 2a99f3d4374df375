#include <catch2/catch.hpp>

#include "graph/dot_writer.h"
#include "graph/relation.h"
#include "graph/triple_format.h"

using namespace geokg;

TEST_CASE("every relation has a name that parses back and symmetric ones are the documented set", "[graph]") {
  for (const RelationInfo& info : AllRelations()) {
    CAPTURE(info.name);
    CHECK(ParseRelation(info.name) == info.relation);
  }
  CHECK(Info(Relation::kMeet).symmetric);
  CHECK(Info(Relation::kAlly).symmetric);
  CHECK(!Info(Relation::kVisit).symmetric);
  CHECK(Info(Relation::kAttack).cameo == "190");
  CHECK(!ParseRelation("befriend").has_value());
}

TEST_CASE("a triple survives a round trip through its JSON line", "[graph]") {
  Triple t;
  t.subject = {"Ana Ribeiro", EntityType::kPerson, "", {}};
  t.object = {"Morocco", EntityType::kCountry, "MAR", {}};
  t.relation = Relation::kVisit;
  t.predicate = "visits";
  t.cameo = "042";
  t.modality = Modality::kExpected;
  t.time = "2031-03-02";
  t.confidence = 0.875f;
  t.evidence = {"doc-1", 3, 10, 60, "Ribeiro will visit Morocco.", "2031-02-27"};
  const nlohmann::json j = TripleToJson(t);
  CHECK(j["attribution"].is_null());
  Triple back = TripleFromJson(nlohmann::json::parse(j.dump())).value();
  CHECK(back.subject == t.subject);
  CHECK(back.object.code == "MAR");
  CHECK(back.relation == t.relation);
  CHECK(back.modality == t.modality);
  CHECK(back.time == t.time);
  CHECK(back.evidence.date == "2031-02-27");
  CHECK(back.evidence.begin == 10);
  CHECK(TripleToJson(back) == j);
  SECTION("a line with a wrong field names it") {
    nlohmann::json bad = j;
    bad["relation"] = "befriend";
    CHECK(TripleFromJson(bad).status().message() == "unknown relation \"befriend\"");
    bad = j;
    bad.erase("span");
    CHECK(TripleFromJson(bad).status().message() == "field \"span\" is not a pair of offsets");
  }
}

TEST_CASE("aliases and document lines survive a round trip, and a bad document line is named", "[graph]") {
  Triple t;
  t.subject = {"South Korea", EntityType::kCountry, "KOR", {"ROK", "Seoul"}};
  t.object = {"Ana Ribeiro", EntityType::kPerson, "", {}};
  t.evidence = {"doc-1", 0, 0, 10, "Seoul hosted Ribeiro.", ""};
  const nlohmann::json j = TripleToJson(t);
  CHECK(!j["object"].contains("aliases"));
  const Triple back = TripleFromJson(nlohmann::json::parse(j.dump())).value();
  CHECK(back.subject.aliases == t.subject.aliases);

  const Document doc{"doc-1", "Title", "2031-03-02", "", "https://example.org/1", "text not carried"};
  const nlohmann::json line = DocumentLineToJson(doc, 0x00ff00ff00ff00ffull, 2);
  CHECK(line.dump().rfind("{\"document\":", 0) == 0);
  CHECK(IsDocumentLine(line));
  CHECK(!IsDocumentLine(j));
  CHECK(line["document"]["content_hash"] == "00ff00ff00ff00ff");
  CHECK(line["document"]["source"].is_null());
  const DocumentLine read = DocumentLineFromJson(nlohmann::json::parse(line.dump())).value();
  CHECK(read.document.id == "doc-1");
  CHECK(read.document.title == "Title");
  CHECK(read.document.url == doc.url);
  CHECK(read.document.text.empty());
  CHECK(read.content_hash == 0x00ff00ff00ff00ffull);
  CHECK(read.triples == 2);
  nlohmann::json bad = line;
  bad["document"]["content_hash"] = "xyz";
  CHECK(DocumentLineFromJson(bad).status().message() == "field \"document.content_hash\" is not 16 hex digits");
  bad = line;
  bad["triples"] = -1;
  CHECK(DocumentLineFromJson(bad).status().message() == "field \"triples\" is not a non-negative integer");
}

TEST_CASE("TSV rows and DOT strings escape whatever a name contains", "[graph]") {
  Triple t;
  t.subject = {"Tab\there", EntityType::kPerson, "", {}};
  t.object = {"Line\nbreak\\", EntityType::kOther, "", {}};
  t.evidence.doc = "";
  const std::string row = TripleToTsv(t);
  CHECK(row.find('\n') == std::string::npos);
  CHECK(row.find("Tab\\there") != std::string::npos);
  CHECK(row.find("Line\\nbreak\\\\") != std::string::npos);
  const std::string header = TsvHeader();
  CHECK(std::count(row.begin(), row.end(), '\t') == std::count(header.begin(), header.end(), '\t'));
  CHECK(DotQuote("a \"b\" \\ c\nd") == "\"a \\\"b\\\" \\\\ c\\nd\"");
  CHECK(DotQuote("\"; rankdir=TB; x=\"") == "\"\\\"; rankdir=TB; x=\\\"\"");
}
