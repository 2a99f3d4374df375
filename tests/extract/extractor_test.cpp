#include <catch2/catch.hpp>

#include "extract/extractor.h"

using namespace geokg;

namespace {

const extract::Extractor& Shared() {
  static const auto extractor = extract::Extractor::Create({}).value();
  return *extractor;
}

std::vector<Triple> Extract(const std::string& date, const std::string& text) {
  return Shared().Extract(Document{"test", "", date, "", "", text});
}

const Triple* Find(const std::vector<Triple>& triples, const std::string& s, Relation r, const std::string& o) {
  for (const Triple& t : triples)
    if (t.subject.name == s && t.relation == r && t.object.name == o) return &t;
  return nullptr;
}

}  // namespace

TEST_CASE("modality follows the verb phrase", "[extract][modality]") {
  auto [sentence, expected] = GENERATE(table<std::string, Modality>({
      {"Portugal signed a fisheries deal with Morocco.", Modality::kAsserted},
      {"Portugal will sign a fisheries deal with Morocco.", Modality::kExpected},
      {"Portugal is expected to sign a fisheries deal with Morocco.", Modality::kExpected},
      {"Portugal did not sign the fisheries deal with Morocco.", Modality::kNegated},
      {"The planned talks between Portugal and Morocco were cancelled.", Modality::kNegated},
  }));
  CAPTURE(sentence);
  const auto triples = Extract("2031-03-02", sentence);
  REQUIRE(!triples.empty());
  CHECK(triples.front().modality == expected);
}

TEST_CASE("times resolve against the article date, and stay empty without one", "[extract][time]") {
  auto [sentence, time] = GENERATE(table<std::string, std::string>({
      {"Norway met Finland on Sunday.", "2031-03-02"},
      {"Norway met Finland on Friday.", "2031-02-28"},
      {"Norway will meet Finland on Friday.", "2031-03-07"},
      {"Norway met Finland on November 1.", "2030-11-01"},
      {"Norway will meet Finland later this month.", "2031-03"},
      {"Norway met Finland last June.", "2030-06"},
      {"Norway met Finland this year.", "2031"},
  }));
  CAPTURE(sentence);
  const auto dated = Extract("2031-03-02", sentence);
  REQUIRE(!dated.empty());
  CHECK(dated.front().time == time);
  const auto undated = Extract("", sentence);
  REQUIRE(!undated.empty());
  CHECK(undated.front().time.empty());
}

TEST_CASE("a capital that acts is its country, one travelled to stays the city", "[extract][entities]") {
  const auto triples = Extract("2031-03-02", "Oslo accused Stockholm of spying. Finnish President Liisa Virtanen visited Oslo.");
  CHECK(Find(triples, "Norway", Relation::kAccuse, "Sweden") != nullptr);
  CHECK(Find(triples, "Liisa Virtanen", Relation::kVisit, "Oslo") != nullptr);
  CHECK(Find(triples, "Liisa Virtanen", Relation::kVisit, "Norway") != nullptr);
  CHECK(Find(triples, "Liisa Virtanen", Relation::kLeads, "Finland") != nullptr);
}

TEST_CASE("conjoined actors each get their triple", "[extract][relations]") {
  const auto triples = Extract("2031-03-02", "Norway and Denmark do not recognise the new government of Atlantis. "
                                             "Finland sanctioned Norway and Sweden.");
  CHECK(Find(triples, "Finland", Relation::kSanction, "Norway") != nullptr);
  CHECK(Find(triples, "Finland", Relation::kSanction, "Sweden") != nullptr);
}

TEST_CASE("reported speech carries its source and imports read as supply", "[extract][relations]") {
  const auto triples = Extract("2031-03-02",
                               "According to the state news agency, Norway will host Finland in May. "
                               "Nearly half of Finland's rare earth minerals come from Norway.");
  const Triple* host = Find(triples, "Norway", Relation::kHost, "Finland");
  REQUIRE(host != nullptr);
  CHECK(host->attribution == "the state news agency");
  CHECK(host->modality == Modality::kExpected);
  const Triple* supply = Find(triples, "Norway", Relation::kSupply, "Finland");
  REQUIRE(supply != nullptr);
  CHECK(supply->predicate == "supplies rare earths to");
}

TEST_CASE("evidence spans point at the sentence in the article text", "[extract]") {
  const std::string text = "A quiet week.\n\nNorway hosted Finland in Oslo.";
  const auto triples = Shared().Extract(Document{"d", "", "", "", "", text});
  REQUIRE(!triples.empty());
  const Evidence& e = triples.front().evidence;
  CHECK(e.sentence == 1);
  CHECK(text.substr(e.begin, e.end - e.begin) == "Norway hosted Finland in Oslo.");
  CHECK(e.text == "Norway hosted Finland in Oslo.");
}
