#include <catch2/catch.hpp>

#include <string>

#include "extract/syntax.h"
#include "extract/tokenizer.h"

namespace {

using geokg::extract::ParsedSentence;
using geokg::extract::SyntaxModel;

const SyntaxModel& Shipped() {
  static const std::unique_ptr<SyntaxModel> model = [] {
    auto m = SyntaxModel::LoadDefault();
    REQUIRE(m.ok());
    return std::move(m).value();
  }();
  return *model;
}

// `text` must outlive the result, whose forms view it (the literals below are static).
ParsedSentence Parse(std::string_view text) {
  const auto sentences = geokg::extract::Segment(text);
  REQUIRE(sentences.size() == 1);
  return Shipped().Analyze(sentences[0]);
}

// The 1-based index of the word `form`.
int Index(const ParsedSentence& p, std::string_view form) {
  for (size_t i = 0; i < p.words.size(); ++i)
    if (p.words[i].form == form) return static_cast<int>(i + 1);
  FAIL("no word " << form);
  return 0;
}

void CheckArc(const ParsedSentence& p, std::string_view dependent, std::string_view head, std::string_view deprel) {
  INFO(dependent << " <-" << deprel << "- " << head);
  const auto& w = p.words[Index(p, dependent) - 1];
  CHECK(w.head == Index(p, head));
  CHECK(w.deprel == deprel);
}

}  // namespace

// How fast the models load is measured by geokg-bench-parse ("model load"), not here: tests
// assert behaviour, never timings.
TEST_CASE("The built-in model loads", "[extract]") {
  auto m = SyntaxModel::LoadDefault();
  REQUIRE(m.ok());
  CHECK(!m.value()->Analyze(geokg::extract::Segment("Norway met Finland.").front()).words.empty());
}

TEST_CASE("The built-in model finds subjects and objects of news sentences", "[extract]") {
  const auto a = Parse("The Portuguese minister accused Morocco of delaying the talks.");
  CheckArc(a, "minister", "accused", "nsubj");
  CheckArc(a, "Morocco", "accused", "obj");
  CHECK(a.words[Index(a, "accused") - 1].head == 0);
  CHECK(a.words[Index(a, "accused") - 1].lemma == "accuse");
  CHECK(a.words[Index(a, "Morocco") - 1].upos == "PROPN");

  const auto b = Parse("Chinese officials criticised the new sanctions on Tuesday.");
  CheckArc(b, "officials", "criticised", "nsubj");
  CheckArc(b, "sanctions", "criticised", "obj");

  const auto c = Parse("The president of Kenya met the delegation in Nairobi.");
  CheckArc(c, "president", "met", "nsubj");
  CheckArc(c, "delegation", "met", "obj");
  CheckArc(c, "Kenya", "president", "nmod");
}

TEST_CASE("The built-in model marks passive subjects", "[extract]") {
  const auto p = Parse("The embassy was closed by the authorities.");
  CheckArc(p, "embassy", "closed", "nsubj:pass");
  CheckArc(p, "authorities", "closed", "obl:agent");
  CHECK(p.words[Index(p, "was") - 1].lemma == "be");
}

TEST_CASE("Words keep the token offsets of the text", "[extract]") {
  const std::string text = "Rebels seized the airport.";
  const auto p = Parse(text);
  REQUIRE(p.words.size() == 5);
  for (const auto& w : p.words) CHECK(text.substr(w.begin, w.end - w.begin) == w.form);
  CHECK(p.begin == 0);
  CHECK(p.end == text.size());
}
