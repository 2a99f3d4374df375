#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "extract/extractor.h"
#include "extract/internal/ner.h"
#include "extract/internal/ner_train.h"

namespace {

using geokg::Document;
using geokg::Relation;
using geokg::Triple;
namespace extract = geokg::extract;
namespace internal = geokg::extract::internal;

internal::IobSentence Sentence(std::vector<std::string> forms, std::vector<std::string> labels) {
  return {std::move(forms), std::move(labels), 0};
}

// A few sentences of our own: people, organisations and places in the usual contexts.
std::vector<internal::IobSentence> ToyNerData() {
  return {
      Sentence({"Talks", "with", "Mara", "Quill", "ended", "."}, {"O", "O", "B-PER", "I-PER", "O", "O"}),
      Sentence({"The", "Harbour", "Workers", "Guild", "met", "in", "Velden", "."},
               {"O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-LOC", "O"}),
      Sentence({"Tomas", "Brell", "flew", "to", "Velden", "."}, {"B-PER", "I-PER", "O", "O", "B-LOC", "O"}),
      Sentence({"Officials", "of", "the", "Harbour", "Workers", "Guild", "praised", "Mara", "Quill", "."},
               {"O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-PER", "I-PER", "O"}),
  };
}

internal::NerTagger TrainToyNer() {
  auto tagger = internal::TrainNer(ToyNerData(), {}, 10, 1, [](const std::string&) {});
  REQUIRE(tagger.ok());
  return std::move(tagger).value();
}

std::vector<std::string> SpanTexts(const internal::NerTagger& tagger, const std::vector<std::string>& words) {
  const std::vector<std::string_view> forms(words.begin(), words.end());
  std::vector<std::string> out;
  for (const internal::NamedSpan& s : tagger.Spans(forms)) {
    std::string text(s.type);
    for (uint32_t k = s.begin; k < s.end; ++k) text += " " + words[k];
    out.push_back(text);
  }
  return out;
}

const Triple* Find(const std::vector<Triple>& triples, const std::string& s, const std::string& o) {
  for (const Triple& t : triples)
    if (t.subject.name == s && t.object.name == o) return &t;
  return nullptr;
}

}  // namespace

TEST_CASE("the NER tagger learns its toy sentences and survives a save and load", "[extract][ner]") {
  const internal::NerTagger tagger = TrainToyNer();
  const std::vector<std::string> words = {"Officials", "of",      "the",  "Harbour", "Workers",
                                          "Guild",     "praised", "Mara", "Quill",   "."};
  const std::vector<std::string> expected = {"ORG Harbour Workers Guild", "PER Mara Quill"};
  CHECK(SpanTexts(tagger, words) == expected);
  // Tagging from one word on finds the same entities.
  const std::vector<std::string_view> forms(words.begin(), words.end());
  const auto organisation = tagger.SpanAt(forms, 3);
  REQUIRE(organisation.has_value());
  CHECK((organisation->end == 6 && organisation->type == "ORG"));
  const auto person = tagger.SpanAt(forms, 7);
  REQUIRE(person.has_value());
  CHECK((person->end == 9 && person->type == "PER"));
  CHECK(!tagger.SpanAt(forms, 6).has_value());
  CHECK(tagger.IsCommonWord("TALKS") == false);  // seen once only
  auto loaded = internal::NerTagger::LoadBytes(internal::NerTrainer::Save(tagger), "toy ner.bin");
  REQUIRE(loaded.ok());
  CHECK(loaded.value()->label_names() == tagger.label_names());
  for (const internal::IobSentence& s : ToyNerData())
    CHECK(SpanTexts(*loaded.value(), s.forms) == SpanTexts(tagger, s.forms));
  const internal::NerScores scores = internal::EvaluateNer(*loaded.value(), ToyNerData());
  CHECK(scores.gold == 7);
  CHECK(scores.f1 == Approx(100.0));
}

TEST_CASE("damaged NER models and IOB2 files are refused with their name", "[extract][ner]") {
  const std::string bytes = internal::NerTrainer::Save(TrainToyNer());
  auto truncated = internal::NerTagger::LoadBytes(bytes.substr(0, bytes.size() / 2), "half.bin");
  REQUIRE(!truncated.ok());
  CHECK(truncated.status().message().find("half.bin") != std::string::npos);
  const auto path = std::filesystem::temp_directory_path() / "geokg_ner_test_bad.iob2";
  std::ofstream(path) << "1\tMara\tB-PER\n2\tQuill\tX-PER\n";
  auto read = internal::ReadIob2File(path);
  REQUIRE(!read.ok());
  CHECK(read.status().message().find(path.string() + ":2:") != std::string::npos);
  std::filesystem::remove(path);
}

TEST_CASE("the built-in NER tagger finds people and organisations the lexicon lacks", "[extract][ner]") {
  auto tagger = internal::NerTagger::LoadDefault();
  REQUIRE(tagger.ok());
  const std::vector<std::string> words = {"Anneli", "Saar",    "of",      "the", "Tallstone", "Foundation",
                                          "met",    "Hendrik", "Volmaro", "in",  "Tartu",     "."};
  const std::vector<std::string> expected = {"PER Anneli Saar", "ORG Tallstone Foundation", "PER Hendrik Volmaro",
                                             "LOC Tartu"};
  CHECK(SpanTexts(*tagger.value(), words) == expected);
}

TEST_CASE("the extractor relates people and organisations only the NER tagger finds", "[extract][ner]") {
  // A name opening a sentence and an organisation without a head word escape the rules.
  const Document doc{
      "test", "", "2031-03-02",
      "",     "", "Hendrik Volmaro joined the Baltic Grain Alliance in 2019. Volmaro later visited Norway."};
  const auto with = extract::Extractor::Create({}).value()->Extract(doc);
  extract::ExtractorOptions rules_only;
  rules_only.named_entities = false;
  const auto without = extract::Extractor::Create(rules_only).value()->Extract(doc);
  const Triple* joined = Find(with, "Hendrik Volmaro", "Baltic Grain Alliance");
  REQUIRE(joined != nullptr);
  CHECK(joined->relation == Relation::kMemberOf);
  CHECK(joined->object.type == geokg::EntityType::kOrganization);
  CHECK(joined->confidence < 0.9f);
  // The surname alone points back to the person the tagger found.
  const Triple* visit = Find(with, "Hendrik Volmaro", "Norway");
  REQUIRE(visit != nullptr);
  CHECK(visit->relation == Relation::kVisit);
  CHECK(without.empty());
  // A middle initial is left out of the name, as later references leave it out.
  const Document initial{
      "test", "", "2031-03-02",
      "",     "", "Hendrik J. Volmaro joined the Baltic Grain Alliance in 2019. Volmaro later visited Norway."};
  const auto with_initial = extract::Extractor::Create({}).value()->Extract(initial);
  CHECK(Find(with_initial, "Hendrik Volmaro", "Baltic Grain Alliance") != nullptr);
  CHECK(Find(with_initial, "Hendrik Volmaro", "Norway") != nullptr);
}
