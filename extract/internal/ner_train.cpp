#include "extract/internal/ner_train.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "extract/internal/model_file_train.h"
#include "extract/internal/ner_features.h"

namespace geokg::extract::internal {
using namespace ner_features;

namespace {

bool StartsUpper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }
bool StartsLower(std::string_view s) { return !s.empty() && s[0] >= 'a' && s[0] <= 'z'; }

std::vector<std::string_view> Views(const std::vector<std::string>& forms) {
  return std::vector<std::string_view>(forms.begin(), forms.end());
}

}  // namespace

Result<std::vector<IobSentence>> ReadIob2File(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path.string() + ": cannot open the IOB2 file");
  std::vector<IobSentence> out;
  IobSentence current;
  std::string line;
  size_t number = 0;
  auto flush = [&] {
    if (!current.forms.empty()) out.push_back(std::move(current));
    current = IobSentence{};
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    const size_t tab1 = line.find('\t');
    const size_t tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string::npos)
      return Status::InvalidInput(path.string() + ":" + std::to_string(number) + ": expected index, word and label");
    const size_t tab3 = line.find('\t', tab2 + 1);
    std::string label = line.substr(tab2 + 1, tab3 == std::string::npos ? std::string::npos : tab3 - tab2 - 1);
    if (label != "O" && (label.size() < 3 || (label[0] != 'B' && label[0] != 'I') || label[1] != '-'))
      return Status::InvalidInput(path.string() + ":" + std::to_string(number) + ": bad label '" + label + "'");
    if (current.forms.empty()) current.line = number;
    current.forms.push_back(line.substr(tab1 + 1, tab2 - tab1 - 1));
    current.labels.push_back(std::move(label));
  }
  flush();
  if (in.bad()) return Status::IOError(path.string() + ": cannot read the IOB2 file");
  return out;
}

NerTrainer::NerTrainer(const std::vector<IobSentence>& train, NerTagger shape)
    : train_(train), shape_(std::move(shape)), model_(static_cast<uint32_t>(shape_.label_names_.size())) {
  std::unordered_map<std::string, uint8_t> ids;
  for (size_t k = 0; k < shape_.label_names_.size(); ++k) ids[shape_.label_names_[k]] = static_cast<uint8_t>(k);
  for (const IobSentence& s : train_) {
    std::vector<uint8_t>& gold = gold_.emplace_back();
    for (const std::string& label : s.labels) gold.push_back(ids.at(label));
  }
}

Result<std::unique_ptr<NerTrainer>> NerTrainer::Create(const std::vector<IobSentence>& train) {
  if (train.empty()) return Status::InvalidInput("NER training data: no sentences");
  NerTagger shape;
  shape.label_names_ = {"O"};
  // Every type gets both its B- and I- label, B- first, whatever order the data shows them in.
  for (const IobSentence& s : train)
    for (const std::string& label : s.labels) {
      if (label == "O") continue;
      const std::string b = "B-" + label.substr(2);
      if (std::find(shape.label_names_.begin(), shape.label_names_.end(), b) != shape.label_names_.end()) continue;
      shape.label_names_.push_back(b);
      shape.label_names_.push_back("I-" + label.substr(2));
    }
  if (shape.label_names_.size() > kMaxLabels) return Status::InvalidInput("NER training data: more than 32 labels");
  for (size_t k = 0; k < shape.label_names_.size(); ++k)
    shape.inside_of_.push_back(static_cast<uint8_t>(shape.label_names_[k][0] == 'I' ? k - 1 : k));
  // Lower-cased words written in lower case at least as often as capitalised (seen twice or more).
  std::unordered_map<uint64_t, std::pair<uint32_t, uint32_t>> casing;  // (lower, capitalised)
  for (const IobSentence& s : train)
    for (size_t i = 0; i < s.forms.size(); ++i) {
      auto& [lower, upper] = casing[HashLower(s.forms[i])];
      lower += StartsLower(s.forms[i]);
      upper += StartsUpper(s.forms[i]) && i > 0;  // a sentence's first word says nothing
    }
  for (const auto& [word, counts] : casing)
    if (counts.first >= 2 && counts.first >= counts.second) shape.common_.insert(word);
  return std::unique_ptr<NerTrainer>(new NerTrainer(train, std::move(shape)));
}

void NerTrainer::TrainEpoch(std::mt19937& rng) {
  std::vector<size_t> order(train_.size());
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  const uint32_t num_labels = model_.num_classes();
  std::vector<NerTagger::WordHashes> hashes;
  std::vector<float> scores(num_labels);
  uint64_t f[kMaxFeatures];
  for (size_t index : order) {
    const std::vector<std::string_view> forms = Views(train_[index].forms);
    const std::vector<uint8_t>& gold = gold_[index];
    shape_.HashWords(forms, 0, forms.size(), hashes);
    uint8_t p1 = kNoLabel, p2 = kNoLabel;
    for (size_t i = 0; i < forms.size(); ++i) {
      const size_t n = Features(hashes, i, p1, p2, f);
      std::fill(scores.begin(), scores.end(), 0.f);
      model_.Score({f, n}, scores.data());
      const uint8_t guess = BestAllowed(scores.data(), num_labels, [&](uint8_t c) { return shape_.Allowed(p1, c); });
      model_.Update({f, n}, gold[i], guess);
      model_.Tick();
      p2 = p1;
      p1 = guess;  // condition on our own guesses, as at run time
    }
  }
}

NerTagger NerTrainer::Freeze() const {
  NerTagger t = shape_;
  t.weights_ = model_.Freeze();
  return t;
}

NerScores EvaluateNer(const NerTagger& tagger, const std::vector<IobSentence>& gold) {
  NerScores sc;
  for (const IobSentence& s : gold) {
    const std::vector<std::string_view> forms = Views(s.forms);
    // Gold spans in the same form as the tagger's, keyed by (begin, end, type).
    std::vector<std::tuple<uint32_t, uint32_t, std::string>> truth;
    for (uint32_t i = 0; i < s.labels.size(); ++i) {
      if (s.labels[i] == "O") continue;
      const std::string type = s.labels[i].substr(2);
      uint32_t end = i + 1;
      while (end < s.labels.size() && s.labels[end] == "I-" + type) ++end;
      truth.emplace_back(i, end, type);
      i = end - 1;
    }
    const std::vector<NamedSpan> found = tagger.Spans(forms);
    sc.gold += truth.size();
    sc.predicted += found.size();
    for (const NamedSpan& span : found)
      sc.correct +=
          std::count(truth.begin(), truth.end(), std::make_tuple(span.begin, span.end, std::string(span.type)));
  }
  sc.precision = 100.0 * sc.correct / std::max<size_t>(sc.predicted, 1);
  sc.recall = 100.0 * sc.correct / std::max<size_t>(sc.gold, 1);
  sc.f1 = sc.precision + sc.recall > 0 ? 2 * sc.precision * sc.recall / (sc.precision + sc.recall) : 0;
  return sc;
}

Result<NerTagger> TrainNer(const std::vector<IobSentence>& train, const std::vector<IobSentence>& dev, int epochs,
                           uint32_t seed, const std::function<void(const std::string&)>& progress) {
  Result<std::unique_ptr<NerTrainer>> trainer = NerTrainer::Create(train);
  if (!trainer.ok()) return trainer.status();
  std::mt19937 rng(seed);
  NerTagger best;
  double best_f1 = -1;
  for (int e = 1; e <= epochs; ++e) {
    trainer.value()->TrainEpoch(rng);
    if (dev.empty() && e < epochs) continue;
    NerTagger candidate = trainer.value()->Freeze();
    if (dev.empty()) return candidate;
    const NerScores s = EvaluateNer(candidate, dev);
    char line[160];
    std::snprintf(line, sizeof line, "ner epoch %d: dev P %.2f R %.2f F1 %.2f", e, s.precision, s.recall, s.f1);
    progress(line);
    if (s.f1 > best_f1) {
      best_f1 = s.f1;
      best = std::move(candidate);
    }
  }
  return best;
}

void NerTrainer::Prune(NerTagger& tagger, float min_feature_weight, float min_entry_weight) {
  tagger.weights_ = PrunedWeights(tagger.weights_, min_feature_weight, min_entry_weight);
}

std::string NerTrainer::Save(const NerTagger& tagger) {
  BinaryWriter out;
  out.PutHeader(NerTagger::kMagic, NerTagger::kFormatVersion);
  out.PutStrings(tagger.label_names_);
  out.PutVector(tagger.inside_of_);
  std::vector<uint64_t> common(tagger.common_.begin(), tagger.common_.end());
  std::sort(common.begin(), common.end());
  out.PutVector(common);
  WriteWeights(tagger.weights_, out);
  return CompressModel(out.bytes());
}

}  // namespace geokg::extract::internal
