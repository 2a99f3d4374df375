// geokg-train-relations -- trains the relation model (extract/internal/relation_model.h) on our gold
// annotations of news articles (tools/eval/gold/, docs/EXTRACTION.md): every pair of parties the
// extractor finds in a sentence is an example, labelled with the gold relation between them
// where the annotator's paragraph holds it. Trains on --train, keeps the epoch that scores best
// on --dev and calibrates probabilities on --dev. The articles' text is read from --corpus (the
// JSON Lines corpora of ../shared/data/news); gold files hold ids and triples only.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "extract/extractor.h"
#include "extract/internal/perceptron_train.h"
#include "extract/internal/relation_model_train.h"

namespace {

namespace internal = geokg::extract::internal;
using geokg::Document;
using geokg::extract::RelationCandidate;
using nlohmann::json;

// A name as the scorer (../shared/tools/score_triples.py) compares it: lower case, runs of
// anything but letters and digits as one space, no leading "the", common aliases merged.
std::string Norm(const std::string& name) {
  std::string out;
  bool space = false;
  for (unsigned char c : name) {
    if (std::isalnum(c) || c >= 0x80) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(static_cast<char>(std::tolower(c)));
    } else {
      space = true;
    }
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  static const std::vector<std::set<std::string>> kAliases = {
      {"united states", "us", "usa", "u s", "united states of america", "america", "washington"},
      {"united kingdom", "uk", "u k", "britain", "great britain"},
      {"south korea", "republic of korea", "rok"},
      {"north korea", "dprk", "democratic people s republic of korea"},
      {"china", "people s republic of china", "prc"},
      {"russia", "russian federation"},
      {"european union", "eu"},
      {"united nations", "un"}};
  for (const auto& group : kAliases)
    if (group.count(out)) return *group.begin();
  return out;
}

struct Gold {
  std::set<std::string> s, o;
  geokg::Relation relation;
  bool optional = false;
  int paragraph = 0;  // 1-based paragraph the annotator cited ("P3: ..."), 0 when none
  json line;          // as the gold file gives it, for the --uncovered report
};

struct Example {
  std::vector<uint64_t> features;
  std::set<uint32_t> labels;  // empty: no relation
};

int Fail(const std::string& message) {
  std::cerr << "geokg-train-relations: " << message << '\n';
  return 1;
}

std::map<std::string, std::vector<Gold>> ReadGold(const std::string& path, std::string* error) {
  std::map<std::string, std::vector<Gold>> gold;
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open";
    return gold;
  }
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("doc")) {
      *error = path + ":" + std::to_string(n) + ": not a gold line";
      return gold;
    }
    std::vector<Gold>& doc = gold[j["doc"].get<std::string>()];
    if (j.value("docs_only", false)) continue;
    const auto relation = geokg::ParseRelation(j.value("r", ""));
    if (!relation) {
      *error = path + ":" + std::to_string(n) + ": unknown relation";
      return gold;
    }
    Gold g{{}, {}, *relation, j.value("optional", false), 0, j};
    for (const auto& name : j["s"]) g.s.insert(Norm(name.get<std::string>()));
    for (const auto& name : j["o"]) g.o.insert(Norm(name.get<std::string>()));
    const std::string why = j.value("why", "");
    if (why.size() > 1 && why[0] == 'P' && std::isdigit(static_cast<unsigned char>(why[1])))
      g.paragraph = std::stoi(why.substr(1));
    doc.push_back(std::move(g));
  }
  return gold;
}

// The 1-based paragraph (non-blank text between blank lines) that holds byte `offset`.
int ParagraphAt(const std::string& text, uint32_t offset) {
  int paragraph = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    if (text.find_first_not_of(" \t\r\n", pos) < end) ++paragraph;
    if (offset < end) return paragraph;
    pos = end + 2;
  }
  return paragraph;
}

// The examples of one article: its candidate pairs labelled by the gold triples.
// `covered` counts the required gold triples some pair stands for: the most the model can find.
// `uncovered`, when not null, gets the others, each with whether its subject and its object
// were among the paragraph's parties: what the mention finder missed.
void Label(const Document& doc, const std::vector<RelationCandidate>& candidates, const std::vector<Gold>& gold,
           std::vector<Example>* out, size_t* covered, size_t* required, std::ostream* uncovered) {
  std::set<size_t> hit;
  std::map<int, std::set<std::string>> parties;  // paragraph -> normalised names of its pairs' parties
  for (const RelationCandidate& c : candidates) {
    const int paragraph = ParagraphAt(doc.text, c.sentence_begin);
    for (const auto* names : {&c.first_names, &c.second_names})
      for (const std::string& n : *names) parties[paragraph].insert(Norm(n));
    Example e{c.features, {}};
    bool optional_only = false;
    const auto any = [](const std::vector<std::string>& names, const std::set<std::string>& gold_names) {
      return std::any_of(names.begin(), names.end(),
                         [&](const std::string& n) { return gold_names.count(Norm(n)) > 0; });
    };
    for (size_t k = 0; k < gold.size(); ++k) {
      const Gold& g = gold[k];
      if (g.paragraph != 0 && g.paragraph != paragraph) continue;
      const bool forward = any(c.first_names, g.s) && any(c.second_names, g.o);
      const bool reverse = any(c.second_names, g.s) && any(c.first_names, g.o);
      if (!forward && !reverse) continue;
      if (g.optional) {
        optional_only = true;
        continue;
      }
      e.labels.insert(internal::RelationLabel(g.relation, !forward));
      hit.insert(k);
    }
    // A pair only optional gold names is neither right nor wrong: no example.
    if (e.labels.empty() && optional_only) continue;
    out->push_back(std::move(e));
  }
  *covered += hit.size();
  *required += std::count_if(gold.begin(), gold.end(), [](const Gold& g) { return !g.optional; });
  if (uncovered == nullptr) return;
  for (size_t k = 0; k < gold.size(); ++k) {
    if (gold[k].optional || hit.count(k)) continue;
    const std::set<std::string>& seen = parties[gold[k].paragraph];
    const auto found = [&](const std::set<std::string>& names) {
      return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return seen.count(n) > 0; });
    };
    json line = gold[k].line;
    line["s_found"] = found(gold[k].s);
    line["o_found"] = found(gold[k].o);
    *uncovered << line.dump() << '\n';
  }
}

struct Scores {
  int found = 0, right = 0, gold = 0;
  double f1() const { return found && gold && right ? 2.0 * right / (found + gold) : 0; }
};

uint32_t Best(const float* scores, uint32_t from) {
  uint32_t best = from;
  for (uint32_t l = from; l < internal::kNumRelationLabels; ++l)
    if (scores[l] > scores[best]) best = l;
  return best;
}

Scores Evaluate(const internal::RelationModel& model, const std::vector<Example>& examples) {
  Scores s;
  for (const Example& e : examples) {
    const auto decision = model.Decide(e.features);
    s.gold += e.labels.empty() ? 0 : 1;
    if (decision.label == internal::kNoRelation) continue;
    ++s.found;
    s.right += e.labels.count(decision.label) ? 1 : 0;
  }
  return s;
}

// Fits p = 1 / (1 + e^-(a m + b)) to (margin, right) pairs by Newton's method on the log-loss,
// with a weak prior that keeps it finite on separable data.
std::pair<float, float> FitCalibration(const std::vector<std::pair<double, bool>>& points) {
  double scale = 1;
  for (const auto& [m, y] : points) scale = std::max(scale, std::abs(m));
  double a = 1, b = 0;
  for (int iteration = 0; iteration < 50; ++iteration) {
    double ga = 0.01 * a, gb = 0.01 * b, haa = 0.01, hab = 0, hbb = 0.01;
    for (const auto& [m, y] : points) {
      const double x = m / scale;
      const double p = 1 / (1 + std::exp(-(a * x + b)));
      const double r = p - (y ? 1 : 0), w = p * (1 - p);
      ga += r * x;
      gb += r;
      haa += w * x * x;
      hab += w * x;
      hbb += w;
    }
    const double det = haa * hbb - hab * hab;
    if (det <= 0) break;
    a -= (hbb * ga - hab * gb) / det;
    b -= (haa * gb - hab * ga) / det;
  }
  return {static_cast<float>(a / scale), static_cast<float>(b)};
}

struct TrainOptions {
  int epochs = 20;
  bool logistic = true;
  float rate = 0.5f;
  float prune = 0.01f;
};

// One model trained on `train` with shuffling seed `seed`: the weights of the epoch that finds
// pairs best on `dev` (pair-level F1).
internal::FrozenWeights TrainOne(const std::vector<Example>& train, const std::vector<Example>& dev, unsigned seed,
                                 const TrainOptions& options) {
  internal::AveragedPerceptron perceptron(internal::kNumRelationLabels);
  std::mt19937 rng(seed);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  internal::FrozenWeights best;
  double best_f1 = -1;
  int best_epoch = 0;
  std::vector<float> scores(internal::kNumRelationLabels), delta(internal::kNumRelationLabels);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t i : order) {
      const Example& e = train[i];
      std::fill(scores.begin(), scores.end(), 0.0f);
      perceptron.Score(e.features, scores.data());
      const uint32_t guess = Best(scores.data(), 0);
      uint32_t truth = internal::kNoRelation;
      // Of several gold labels, the one the model already prefers is the one to reward.
      for (uint32_t l : e.labels)
        if (truth == internal::kNoRelation || scores[l] > scores[truth]) truth = l;
      if (options.logistic) {
        // A gradient step of the log-loss of a softmax over the labels, toward `truth`.
        const float top = *std::max_element(scores.begin(), scores.end());
        float sum = 0;
        for (float& x : scores) sum += x = std::exp(x - top);
        for (uint32_t c = 0; c < internal::kNumRelationLabels; ++c)
          delta[c] = options.rate * ((c == truth ? 1.0f : 0.0f) - scores[c] / sum);
        perceptron.Add(e.features, delta);
      } else if (!e.labels.count(guess) && !(e.labels.empty() && guess == internal::kNoRelation)) {
        perceptron.Update(e.features, truth, guess);
      }
      perceptron.Tick();
    }
    internal::FrozenWeights weights = internal::PrunedWeights(perceptron.Freeze(), options.prune, 0);
    const Scores s = Evaluate(internal::RelationModel(weights, 1.0f, 0.0f), dev);
    std::cerr << "seed " << seed << " epoch " << epoch << ": dev pairs found " << s.found << " right " << s.right
              << " of " << s.gold << ", F1 " << s.f1() << '\n';
    if (s.f1() > best_f1) {
      best_f1 = s.f1();
      best_epoch = epoch;
      best = std::move(weights);
    }
  }
  std::cerr << "seed " << seed << ": best epoch " << best_epoch << " (dev pair F1 " << best_f1 << ")\n";
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train the geokg relation model on gold triples of news articles."};
  std::string corpus, dev_file, out_file;
  std::vector<std::string> train_files;
  TrainOptions options;
  unsigned seed = 1, seeds = 5;
  float prune = -1;
  std::string learner = "logistic", uncovered_file;
  app.add_option("--corpus", corpus, "directory of JSON Lines corpora holding the articles")->required();
  app.add_option("--train", train_files, "gold triples to train on (one or more files, no article in two)")->required();
  app.add_option("--dev", dev_file, "gold triples to choose the epoch and calibrate on")->required();
  app.add_option("--out", out_file, "model file to write")->required();
  app.add_option("--epochs", options.epochs, "most training epochs")->capture_default_str();
  app.add_option("--seed", seed, "first shuffling seed")->capture_default_str();
  app.add_option("--seeds", seeds, "models to average, with seeds --seed, --seed + 1, ...")->capture_default_str();
  app.add_option("--learner", learner, "logistic (averaged gradient steps of the log-loss) or perceptron")
      ->check(CLI::IsMember({"logistic", "perceptron"}))
      ->capture_default_str();
  app.add_option("--rate", options.rate, "logistic learner: step size")->capture_default_str();
  app.add_option("--prune", prune,
                 "drop features whose largest averaged weight is below this (default: 0.01 "
                 "for logistic, 0.5 for perceptron)");
  app.add_option("--uncovered", uncovered_file,
                 "write the required gold triples that no candidate pair stands for to this file (JSON Lines, "
                 "with s_found and o_found: whether each party was found in its paragraph)");
  CLI11_PARSE(app, argc, argv);
  options.logistic = learner == "logistic";
  options.prune = prune >= 0 ? prune : options.logistic ? 0.01f : 0.5f;

  std::string error;
  std::map<std::string, std::vector<Gold>> train_gold;
  for (const std::string& file : train_files) {
    auto gold = ReadGold(file, &error);
    if (!error.empty()) return Fail(error);
    for (auto& [doc, triples] : gold)
      if (!train_gold.emplace(doc, std::move(triples)).second)
        return Fail(file + ": " + doc + " is in another --train file");
  }
  const auto dev_gold = ReadGold(dev_file, &error);
  if (!error.empty()) return Fail(error);

  geokg::extract::ExtractorOptions rules_only;
  rules_only.learned_relations = false;
  auto extractor = geokg::extract::Extractor::Create(rules_only);
  if (!extractor.ok()) return Fail(extractor.status().message());

  std::ofstream uncovered;
  if (!uncovered_file.empty()) {
    uncovered.open(uncovered_file, std::ios::trunc);
    if (!uncovered) return Fail(uncovered_file + ": cannot write");
  }
  std::vector<Example> train, dev;
  size_t found_docs = 0, covered[2] = {0, 0}, required[2] = {0, 0};
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    if (entry.path().extension() != ".jsonl") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      const json j = json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("id")) continue;
      const std::string id = j["id"].get<std::string>();
      const bool in_train = train_gold.count(id) > 0;
      if (!in_train && !dev_gold.count(id)) continue;
      Document doc;
      doc.id = id;
      doc.text = j.value("text", "");
      if (j.contains("date") && j["date"].is_string()) doc.date = j["date"].get<std::string>().substr(0, 10);
      ++found_docs;
      Label(doc, extractor.value()->Candidates(doc), in_train ? train_gold.at(id) : dev_gold.at(id),
            in_train ? &train : &dev, &covered[in_train], &required[in_train],
            uncovered_file.empty() ? nullptr : &uncovered);
    }
  }
  const auto positives = [](const std::vector<Example>& v) {
    return std::count_if(v.begin(), v.end(), [](const Example& e) { return !e.labels.empty(); });
  };
  std::cerr << "articles found: " << found_docs << " of " << train_gold.size() + dev_gold.size() << "; train pairs "
            << train.size() << " (" << positives(train) << " related), dev pairs " << dev.size() << " ("
            << positives(dev) << " related); required gold triples that a pair stands for: train " << covered[1]
            << " of " << required[1] << ", dev " << covered[0] << " of " << required[0] << '\n';
  if (train.empty() || dev.empty()) return Fail("no training or development pairs: is --corpus right?");

  // The mean of models trained with different shuffling seeds: one table, steadier than any
  // of them (single runs differ by about 0.01 F1 on dev).
  std::vector<internal::FrozenWeights> models;
  for (unsigned k = 0; k < seeds; ++k) models.push_back(TrainOne(train, dev, seed + k, options));
  std::vector<const internal::FrozenWeights*> views;
  for (const auto& m : models) views.push_back(&m);
  internal::FrozenWeights mean = internal::MeanWeights(views);
  auto best = std::make_unique<internal::RelationModel>(mean, 1.0f, 0.0f);
  const Scores mean_scores = Evaluate(*best, dev);
  std::cerr << "mean of " << seeds << ": dev pair F1 " << mean_scores.f1() << '\n';

  // Calibration points: for each dev pair, its best relation label and every label a gold
  // triple gives it, as the extractor asks for them (the best label, and the wordings' labels).
  std::vector<std::pair<double, bool>> points;
  for (const Example& e : dev) {
    uint32_t top = 1;
    int32_t top_margin = best->Margin(e.features, 1);
    for (uint32_t l = 2; l < internal::kNumRelationLabels; ++l)
      if (const int32_t m = best->Margin(e.features, l); m > top_margin) {
        top = l;
        top_margin = m;
      }
    points.emplace_back(top_margin, e.labels.count(top) > 0);
    for (uint32_t l : e.labels)
      if (l != top) points.emplace_back(best->Margin(e.features, l), true);
  }
  const auto [a, b] = FitCalibration(points);
  std::cerr << "calibration a=" << a << " b=" << b << '\n';
  std::ofstream out(out_file, std::ios::binary | std::ios::trunc);
  const std::string bytes = internal::SaveRelationModel(internal::RelationModel(std::move(mean), a, b));
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Fail(out_file + ": cannot write the model file");
  std::cerr << "wrote " << out_file << " (" << bytes.size() << " bytes)\n";
  return 0;
}
