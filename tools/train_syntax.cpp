// geokg-train -- trains the syntax models (tagger, lemmatizer, parser) from CoNLL-U, or scores
// a model on a gold CoNLL-U file with gold tokenisation; trains or scores the named-entity
// tagger on IOB2 files (--ner-*). See docs/MODELS.md for the commands that made the shipped
// models.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>

#include "extract/conllu.h"
#include "extract/internal/model_file.h"
#include "extract/internal/ner_train.h"
#include "extract/internal/train.h"
#include "extract/syntax.h"

namespace {

using geokg::extract::ConlluSentence;
using geokg::extract::SyntaxModel;
namespace internal = geokg::extract::internal;

double SecondsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

int Fail(const geokg::Status& s) {
  std::cerr << "geokg-train: " << s.message() << '\n';
  return 1;
}

// The mean of the models in `dirs` (see internal::MeanModel).
geokg::Result<std::unique_ptr<SyntaxModel>> LoadMean(const std::vector<std::string>& dirs) {
  std::vector<std::unique_ptr<SyntaxModel>> models;
  std::vector<const SyntaxModel*> views;
  for (const std::string& dir : dirs) {
    auto m = SyntaxModel::LoadFiles(dir);
    if (!m.ok()) return m.status();
    models.push_back(std::move(m).value());
    views.push_back(models.back().get());
  }
  return internal::MeanModel(views);
}

void PrintNerScores(const std::string& file, const internal::NerScores& s) {
  std::printf("%s: %zu gold entities, %zu found, %zu right  P %.2f  R %.2f  F1 %.2f\n", file.c_str(), s.gold,
              s.predicted, s.correct, s.precision, s.recall, s.f1);
}

struct NerOptions {
  std::string train, dev, out, model, eval;
  int epochs = 12;
  float prune = 0;
  uint32_t seed = 1;
};

// --ner-train FILE --ner-out FILE [--ner-dev FILE], or --ner-eval FILE [--ner-model FILE].
int RunNer(const NerOptions& o) {
  if (!o.train.empty()) {
    if (o.out.empty()) {
      std::cerr << "geokg-train: --ner-train needs --ner-out FILE\n";
      return 2;
    }
    auto train = internal::ReadIob2File(o.train);
    if (!train.ok()) return Fail(train.status());
    std::vector<internal::IobSentence> dev;
    if (!o.dev.empty()) {
      auto d = internal::ReadIob2File(o.dev);
      if (!d.ok()) return Fail(d.status());
      dev = std::move(d).value();
    }
    const auto start = std::chrono::steady_clock::now();
    auto tagger = internal::TrainNer(train.value(), dev, o.epochs, o.seed, [&](const std::string& line) {
      std::printf("[%6.0fs] %s\n", SecondsSince(start), line.c_str());
      std::fflush(stdout);
    });
    if (!tagger.ok()) return Fail(tagger.status());
    if (!dev.empty()) PrintNerScores(o.dev + " (before pruning)", internal::EvaluateNer(tagger.value(), dev));
    internal::NerTrainer::Prune(tagger.value(), o.prune, 0);
    const std::string bytes = internal::NerTrainer::Save(tagger.value());
    std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return Fail(geokg::Status::IOError(o.out + ": cannot write the model file"));
    std::printf("wrote %s: %zu features, %zu bytes\n", o.out.c_str(), tagger.value().num_features(), bytes.size());
    if (!dev.empty()) PrintNerScores(o.dev + " (as saved)", internal::EvaluateNer(tagger.value(), dev));
    return 0;
  }
  geokg::Result<std::shared_ptr<const internal::NerTagger>> tagger = internal::NerTagger::LoadDefault();
  if (!o.model.empty()) {
    auto bytes = internal::ReadModelFile(o.model);
    if (!bytes.ok()) return Fail(bytes.status());
    tagger = internal::NerTagger::LoadBytes(bytes.value(), o.model);
  }
  if (!tagger.ok()) return Fail(tagger.status());
  auto gold = internal::ReadIob2File(o.eval);
  if (!gold.ok()) return Fail(gold.status());
  PrintNerScores(o.eval, internal::EvaluateNer(*tagger.value(), gold.value()));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train or evaluate the geokg POS tagger, lemmatizer and dependency parser."};
  std::string train_file, dev_file, out_dir, model_dir, eval_file, output_file;
  internal::TrainOptions options;
  app.add_option("--train", train_file, "CoNLL-U training treebank");
  app.add_option("--dev", dev_file, "CoNLL-U development treebank: keeps the best epoch of each model");
  app.add_option("--out", out_dir, "directory to write tagger.bin, lemmatizer.bin, parser.bin into");
  app.add_option("--tagger-epochs", options.tagger_epochs, "tagger training epochs")->capture_default_str();
  app.add_option("--parser-epochs", options.parser_epochs, "parser training epochs")->capture_default_str();
  app.add_option("--folds", options.jackknife_folds, "jackknifing folds for the parser's tags (1 = gold)")
      ->capture_default_str();
  app.add_option("--tagger-prune", options.tagger_min_weight,
                 "drop tagger features whose largest averaged weight is below this")
      ->capture_default_str();
  app.add_option("--tagger-prune-entries", options.tagger_min_entry, "and tagger weights below this")
      ->capture_default_str();
  app.add_option("--parser-prune", options.parser_min_weight,
                 "drop parser features whose largest averaged weight is below this")
      ->capture_default_str();
  app.add_option("--parser-prune-entries", options.parser_min_entry, "and parser weights below this")
      ->capture_default_str();
  app.add_option("--supertagger-prune", options.supertagger_min_weight,
                 "drop supertagger features whose largest averaged weight is below this")
      ->capture_default_str();
  app.add_option("--supertagger-prune-entries", options.supertagger_min_entry, "and supertagger weights below this")
      ->capture_default_str();
  app.add_option("--seed", options.seed, "random seed")->capture_default_str();
  app.add_option("--model", model_dir, "model directory to evaluate (default: the built-in models)");
  std::vector<std::string> mean_dirs;
  app.add_option("--mean", mean_dirs,
                 "model directories trained with different seeds: use the mean of their taggers and parsers")
      ->excludes("--model");
  app.add_option("--eval", eval_file, "gold CoNLL-U file to score the model on (gold tokenisation)");
  app.add_option("--output", output_file, "with --eval: write the predicted CoNLL-U here");
  NerOptions ner;
  app.add_option("--ner-train", ner.train, "IOB2 file to train the named-entity tagger on");
  app.add_option("--ner-dev", ner.dev, "IOB2 development file: keeps the NER epoch that scores best on it");
  app.add_option("--ner-out", ner.out, "NER model file to write");
  app.add_option("--ner-epochs", ner.epochs, "NER training epochs")->capture_default_str();
  app.add_option("--ner-prune", ner.prune, "drop NER features whose largest averaged weight is below this")
      ->capture_default_str();
  app.add_option("--ner-model", ner.model, "NER model file to score (default: the built-in one)");
  app.add_option("--ner-eval", ner.eval, "IOB2 file to score the NER model on (exact-match entity F1)");
  CLI11_PARSE(app, argc, argv);
  if (!ner.train.empty() || !ner.eval.empty()) {
    ner.seed = options.seed;
    return RunNer(ner);
  }
  if (!train_file.empty() && !eval_file.empty()) {
    std::cerr << "geokg-train: give either --train FILE --out DIR, or --eval FILE, or --model DIR --out DIR\n";
    return 2;
  }

  if (!train_file.empty()) {
    if (out_dir.empty()) {
      std::cerr << "geokg-train: --train needs --out DIR\n";
      return 2;
    }
    auto train = geokg::extract::ReadConlluFile(train_file);
    if (!train.ok()) return Fail(train.status());
    std::vector<ConlluSentence> dev;
    if (!dev_file.empty()) {
      auto d = geokg::extract::ReadConlluFile(dev_file);
      if (!d.ok()) return Fail(d.status());
      dev = std::move(d).value();
    }
    const auto start = std::chrono::steady_clock::now();
    auto model = internal::TrainSyntaxModel(train.value(), dev, options, [&](const std::string& line) {
      std::printf("[%6.0fs] %s\n", SecondsSince(start), line.c_str());
      std::fflush(stdout);
    });
    if (!model.ok()) return Fail(model.status());
    if (geokg::Status s = internal::SaveSyntaxModel(*model.value(), out_dir); !s.ok()) return Fail(s);
    std::printf("wrote %s/{tagger,lemmatizer,parser}.bin in %.0f s\n", out_dir.c_str(), SecondsSince(start));
    return 0;
  }

  const auto load_start = std::chrono::steady_clock::now();
  auto model = !mean_dirs.empty()  ? LoadMean(mean_dirs)
               : model_dir.empty() ? SyntaxModel::LoadDefault()
                                   : SyntaxModel::LoadFiles(model_dir);
  if (!model.ok()) return Fail(model.status());
  const double load_seconds = SecondsSince(load_start);
  if (!out_dir.empty()) {
    // Re-prune a trained model (pruning thresholds are tuned on dev after training).
    internal::SyntaxModelAccess::Parts parts = internal::SyntaxModelAccess::PartsOf(*model.value());
    internal::PruneParts(options, parts);
    model = internal::SyntaxModelAccess::FromParts(std::move(parts));
    if (geokg::Status s = internal::SaveSyntaxModel(*model.value(), out_dir); !s.ok()) return Fail(s);
    const auto& m = internal::SyntaxModelAccess::PartsOf(*model.value());
    std::printf("wrote %s: tagger %zu features %zu weights, parser %zu features %zu weights\n", out_dir.c_str(),
                m.tagger.num_features(), m.tagger.num_weights(), m.parser.num_features(), m.parser.num_weights());
    if (eval_file.empty()) return 0;
  }
  auto gold = geokg::extract::ReadConlluFile(eval_file);
  if (!gold.ok()) return Fail(gold.status());
  std::vector<ConlluSentence> predicted;
  const auto start = std::chrono::steady_clock::now();
  const internal::Scores s = internal::Evaluate(*model.value(), gold.value(), &predicted);
  const double seconds = SecondsSince(start);
  std::printf("%s: %zu words  UPOS %.2f  XPOS %.2f  LEMMA %.2f  UAS %.2f  LAS %.2f\n", eval_file.c_str(), s.words,
              s.upos, s.xpos, s.lemma, s.uas, s.las);
  std::printf("model load %.3f s; tag+parse %.0f words/s\n", load_seconds, s.words / std::max(seconds, 1e-9));
  if (!output_file.empty()) {
    std::ofstream out(output_file);
    for (const ConlluSentence& c : predicted) geokg::extract::WriteConllu(c, out);
    if (!out) return Fail(geokg::Status::IOError(output_file + ": cannot write"));
  }
  return 0;
}
