#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "extract/conllu.h"
#include "extract/internal/train.h"
#include "extract/syntax.h"
#include "tests/extract/toy_treebank.h"

namespace {

using geokg::extract::ConlluSentence;
using geokg::extract::SyntaxModel;
namespace internal = geokg::extract::internal;

std::unique_ptr<SyntaxModel> TrainToyModel(uint32_t seed) {
  internal::TrainOptions options;
  options.tagger_epochs = 10;
  options.parser_epochs = 20;
  options.jackknife_folds = 1;
  options.seed = seed;
  auto m = internal::TrainSyntaxModel(geokg::testing::ToyTreebank(), {}, options, [](const std::string&) {});
  REQUIRE(m.ok());
  return std::move(m).value();
}

// A model trained on the toy treebank: it memorises its eight sentences.
const SyntaxModel& ToyModel() {
  static const std::unique_ptr<SyntaxModel> model = TrainToyModel(1);
  return *model;
}

std::unique_ptr<SyntaxModel> Mean(const std::vector<const SyntaxModel*>& models) {
  auto m = internal::MeanModel(models);
  REQUIRE(m.ok());
  return std::move(m).value();
}

void CheckSameAnalyses(const SyntaxModel& a, const SyntaxModel& b) {
  std::string text;
  for (const ConlluSentence& s : geokg::testing::ToyTreebank()) {
    const auto x = a.Analyze(geokg::extract::GoldTokens(s, text));
    const auto y = b.Analyze(geokg::extract::GoldTokens(s, text));
    REQUIRE(x.words.size() == y.words.size());
    for (size_t i = 0; i < x.words.size(); ++i) {
      CHECK(x.words[i].upos == y.words[i].upos);
      CHECK(x.words[i].xpos == y.words[i].xpos);
      CHECK(x.words[i].lemma == y.words[i].lemma);
      CHECK(x.words[i].head == y.words[i].head);
      CHECK(x.words[i].deprel == y.words[i].deprel);
    }
  }
}

std::filesystem::path TempDir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("geokg_syntax_test_" + name);
  std::filesystem::remove_all(dir);
  return dir;
}

}  // namespace

TEST_CASE("A toy model learns its training sentences", "[extract]") {
  const internal::Scores s = internal::Evaluate(ToyModel(), geokg::testing::ToyTreebank());
  CHECK(s.words == 73);
  CHECK(s.upos > 95);
  CHECK(s.uas > 90);
  CHECK(s.las > 85);
  CHECK(s.lemma > 90);
}

TEST_CASE("A saved model loads back and analyses exactly as before", "[extract]") {
  const auto dir = TempDir("roundtrip");
  REQUIRE(internal::SaveSyntaxModel(ToyModel(), dir).ok());
  auto loaded = SyntaxModel::LoadFiles(dir);
  REQUIRE(loaded.ok());
  CheckSameAnalyses(ToyModel(), *loaded.value());
  std::filesystem::remove_all(dir);
}

TEST_CASE("The mean of a model with itself analyses exactly as the model", "[extract]") {
  CheckSameAnalyses(ToyModel(), *Mean({&ToyModel(), &ToyModel()}));
}

TEST_CASE("The mean of toy models trained with different seeds learns the training sentences", "[extract]") {
  const auto other = TrainToyModel(7);
  const auto mean = Mean({&ToyModel(), other.get()});
  const internal::Scores s = internal::Evaluate(*mean, geokg::testing::ToyTreebank());
  CHECK(s.upos > 95);
  CHECK(s.uas > 90);
  CHECK(s.las > 85);
}

TEST_CASE("Loading a missing or damaged model names the file", "[extract]") {
  const auto dir = TempDir("damaged");
  auto missing = SyntaxModel::LoadFiles(dir);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message().find("tagger.bin") != std::string::npos);

  REQUIRE(internal::SaveSyntaxModel(ToyModel(), dir).ok());
  std::filesystem::resize_file(dir / "parser.bin", std::filesystem::file_size(dir / "parser.bin") / 2);
  auto truncated = SyntaxModel::LoadFiles(dir);
  REQUIRE_FALSE(truncated.ok());
  CHECK(truncated.status().code() == geokg::Code::kCorruption);
  CHECK(truncated.status().message().find("parser.bin") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("An empty sentence analyses to no words", "[extract]") {
  CHECK(ToyModel().Analyze(geokg::extract::Sentence{}).words.empty());
}

TEST_CASE("CoNLL-U parsing keeps comments, multiword tokens and empty nodes", "[extract]") {
  const std::string input =
      "# sent_id = own-1\n# text = They're here.\n"
      "1-2\tThey're\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "1\tThey\tx\tX\tX\t_\t0\tdep\t_\t_\n"
      "2\t're\tx\tX\tX\t_\t0\tdep\t_\t_\n"
      "3\there\tx\tX\tX\t_\t0\tdep\t_\tSpaceAfter=No\n"
      "3.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t1:nsubj\t_\n"
      "4\t.\tx\tX\tX\t_\t0\tdep\t_\t_\n\n";
  std::istringstream in(input);
  std::ostringstream out;
  REQUIRE(geokg::extract::ParseStream(in, "own", geokg::extract::InputFormat::kConllu,
                                      geokg::extract::OutputFormat::kConllu, ToyModel(), out)
              .ok());
  const std::string s = out.str();
  CHECK(s.find("# sent_id = own-1\n# text = They're here.\n1-2\tThey're\t_") == 0);
  CHECK(s.find("\n3.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t1:nsubj\t_\n") != std::string::npos);
  CHECK(s.find("SpaceAfter=No") != std::string::npos);
  CHECK(s.find("\tX\t") == std::string::npos);  // every word was re-tagged
}

TEST_CASE("Malformed CoNLL-U is reported with its line", "[extract]") {
  std::istringstream in("1\tOne\tone\n");
  std::ostringstream out;
  const geokg::Status st = geokg::extract::ParseStream(in, "bad.conllu", geokg::extract::InputFormat::kConllu,
                                                       geokg::extract::OutputFormat::kConllu, ToyModel(), out);
  REQUIRE_FALSE(st.ok());
  CHECK(st.message() == "bad.conllu:1: expected 10 tab-separated columns");
}

TEST_CASE("Raw text is segmented and written as one JSON object per sentence", "[extract]") {
  std::istringstream in("The minister visited Rabat. Officials want to reopen the border.\n\nShe said that.\n");
  std::ostringstream out;
  REQUIRE(geokg::extract::ParseStream(in, "-", geokg::extract::InputFormat::kText, geokg::extract::OutputFormat::kJsonl,
                                      ToyModel(), out)
              .ok());
  std::istringstream lines(out.str());
  std::string line;
  std::vector<nlohmann::json> objects;
  while (std::getline(lines, line)) objects.push_back(nlohmann::json::parse(line));
  REQUIRE(objects.size() == 3);
  CHECK(objects[1]["text"] == "Officials want to reopen the border.");
  CHECK(objects[2]["begin"] == 66);  // offsets count from the start of the input
  CHECK(objects[2]["tokens"][0]["form"] == "She");
  CHECK(objects[2]["tokens"][0]["begin"] == 66);
  CHECK(objects[0]["tokens"].size() == 5);
  CHECK(objects[0]["tokens"][3]["head"] == 3);
}

TEST_CASE("Raw text keeps its forms as written where the models read a function word in lower case", "[extract]") {
  std::istringstream in("Peru and the U.S. And Chile met.\n");
  std::ostringstream out;
  REQUIRE(geokg::extract::ParseStream(in, "-", geokg::extract::InputFormat::kText, geokg::extract::OutputFormat::kJsonl,
                                      ToyModel(), out)
              .ok());
  const nlohmann::json sentence = nlohmann::json::parse(out.str());
  REQUIRE(sentence["tokens"].size() == 8);
  CHECK(sentence["tokens"][4]["form"] == "And");
}
