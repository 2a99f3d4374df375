#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "extract/extractor.h"
#include "extract/internal/perceptron_train.h"
#include "extract/internal/relation_model_train.h"

using namespace geokg;
namespace internal = geokg::extract::internal;

namespace {

const Triple* Find(const std::vector<Triple>& triples, const std::string& s, Relation r, const std::string& o) {
  for (const Triple& t : triples)
    if (t.subject.name == s && t.relation == r && t.object.name == o) return &t;
  return nullptr;
}

bool Holds(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

TEST_CASE("relation labels name a relation and its direction, and symmetric ones have no reverse",
          "[extract][relation-model]") {
  for (const RelationInfo& info : AllRelations()) {
    if (info.relation == Relation::kOther) continue;
    for (bool reverse : {false, true}) {
      const uint32_t label = internal::RelationLabel(info.relation, reverse);
      REQUIRE(label < internal::kNumRelationLabels);
      CHECK(label != internal::kNoRelation);
      CHECK(internal::LabelRelation(label) == info.relation);
      CHECK(internal::LabelReversed(label) == (reverse && !info.symmetric));
    }
  }
  CHECK(internal::LabelRelation(internal::kNoRelation) == Relation::kOther);
}

TEST_CASE("the built-in relation model loads, and a damaged model file is refused by name",
          "[extract][relation-model]") {
  REQUIRE(internal::RelationModel::LoadDefault().ok());
  const auto damaged = internal::RelationModel::LoadBytes("not a model", "my-relations.bin");
  REQUIRE(!damaged.ok());
  CHECK(damaged.status().message().find("my-relations.bin") != std::string::npos);
  extract::ExtractorOptions options;
  options.relation_model = "/nonexistent/relations.bin";
  const auto missing = extract::Extractor::Create(options);
  REQUIRE(!missing.ok());
  CHECK(missing.status().message().find("/nonexistent/relations.bin") != std::string::npos);
}

// A model trained here on sentences of our own, written to a file and used by an extractor:
// the learned relation reaches the output for a wording the rules do not know, its confidence
// is the model's calibrated probability, and the model file reads back the same.
TEST_CASE("a relation model trained on our own sentences finds the relation in a new sentence",
          "[extract][relation-model]") {
  extract::ExtractorOptions rules_only;
  rules_only.learned_relations = false;
  const auto extractor = extract::Extractor::Create(rules_only).value();
  // "bolsters" is in no wording of the rules: the training pairs teach it as support.
  const std::vector<std::string> training = {
      "Norway bolsters Iceland with a new loan.", "Finland bolsters Estonia with grain.",
      "Sweden bolsters Latvia with fuel.",        "Denmark bolsters Lithuania with credit.",
      "Norway thanked Iceland for the loan.",     "Finland thanked Estonia for the grain.",
      "Sweden thanked Latvia for the fuel.",      "Denmark thanked Lithuania for the credit."};
  internal::AveragedPerceptron perceptron(internal::kNumRelationLabels);
  std::vector<float> delta(internal::kNumRelationLabels);
  size_t pairs = 0;
  for (int epoch = 0; epoch < 5; ++epoch)
    for (const std::string& sentence : training) {
      for (const extract::RelationCandidate& c :
           extractor->Candidates(Document{"t", "", "2031-03-02", "", "", sentence})) {
        const bool support = sentence.find("bolsters") != std::string::npos;
        const uint32_t truth = support ? internal::RelationLabel(Relation::kSupport, false) : internal::kNoRelation;
        std::fill(delta.begin(), delta.end(), 0.0f);
        std::vector<float> scores(internal::kNumRelationLabels);
        perceptron.Score(c.features, scores.data());
        const uint32_t guess = static_cast<uint32_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        perceptron.Update(c.features, truth, guess);
        perceptron.Tick();
        pairs += epoch == 0;
      }
    }
  REQUIRE(pairs == training.size());
  const internal::RelationModel model(perceptron.Freeze(), 0.001f, 0.0f);
  const auto path = std::filesystem::temp_directory_path() / "geokg-test-relations.bin";
  {
    std::ofstream out(path, std::ios::binary);
    const std::string bytes = internal::SaveRelationModel(model);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  extract::ExtractorOptions learned;
  learned.relation_model = path;
  const auto with_model = extract::Extractor::Create(learned).value();
  const Document test{"t", "", "2031-03-02", "", "", "Poland bolsters Ukraine with new funds."};
  const auto triples = with_model->Extract(test);
  std::filesystem::remove(path);
  const Triple* support = Find(triples, "Poland", Relation::kSupport, "Ukraine");
  REQUIRE(support != nullptr);
  const auto candidates = extractor->Candidates(test);
  REQUIRE(candidates.size() == 1);
  CHECK(Holds(candidates[0].first_names, "Poland"));
  CHECK(Holds(candidates[0].second_names, "Ukraine"));
  CHECK(support->confidence ==
        Approx(model.Probability(candidates[0].features, internal::RelationLabel(Relation::kSupport, false))));
  CHECK(Find(extractor->Extract(test), "Poland", Relation::kSupport, "Ukraine") == nullptr);
}

TEST_CASE("a capital in a pair may go by its country's name", "[extract][relation-model]") {
  extract::ExtractorOptions rules_only;
  rules_only.learned_relations = false;
  const auto extractor = extract::Extractor::Create(rules_only).value();
  const auto candidates =
      extractor->Candidates(Document{"t", "", "2031-03-02", "", "", "Oslo accused Stockholm of spying."});
  REQUIRE(candidates.size() == 1);
  CHECK(Holds(candidates[0].first_names, "Norway"));
  CHECK(Holds(candidates[0].second_names, "Sweden"));
}
