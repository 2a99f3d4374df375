#include "extract/internal/ner.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "embedded/ner_model.h"
#include "extract/internal/model_file.h"
#include "extract/internal/word_features.h"

namespace geokg::extract::internal {
namespace {

constexpr char kMagic[] = "GKNE";
constexpr uint32_t kFormatVersion = 1;
constexpr uint8_t kNoLabel = 255;  // previous-label value before the sentence start
constexpr size_t kMaxFeatures = 40;
constexpr size_t kMaxLabels = 32;

bool StartsUpper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }
bool StartsLower(std::string_view s) { return !s.empty() && s[0] >= 'a' && s[0] <= 'z'; }

std::vector<std::string_view> Views(const std::vector<std::string>& forms) {
  return std::vector<std::string_view>(forms.begin(), forms.end());
}

}  // namespace

struct NerTagger::WordHashes {
  uint64_t form = 0, lower = 0, shape = 0, flags = 0, common = 0;
  uint64_t prefix[3] = {}, suffix[4] = {};
};

namespace {

// Features of word i (hashes index i + 2) given the two previous labels.
template <class Hashes>
size_t Features(const std::vector<Hashes>& h, size_t i, uint8_t p1, uint8_t p2, uint64_t* f) {
  const Hashes& w = h[i + 2];
  const Hashes& l1 = h[i + 1];
  const Hashes& l2 = h[i];
  const Hashes& r1 = h[i + 3];
  const Hashes& r2 = h[i + 4];
  size_t n = 0;
  uint32_t t = 0;
  f[n++] = FeatureKey(t++, w.lower);
  f[n++] = FeatureKey(t++, w.form);
  for (uint64_t s : w.suffix) f[n++] = FeatureKey(t++, s);
  for (uint64_t p : w.prefix) f[n++] = FeatureKey(t++, p);
  f[n++] = FeatureKey(t++, w.shape);
  f[n++] = FeatureKey(t++, w.flags, w.common);
  f[n++] = FeatureKey(t++, p1);
  f[n++] = FeatureKey(t++, p1, p2);
  f[n++] = FeatureKey(t++, p1, w.shape);
  f[n++] = FeatureKey(t++, p1, w.lower);
  f[n++] = FeatureKey(t++, p1, w.flags, w.common);
  f[n++] = FeatureKey(t++, l1.lower);
  f[n++] = FeatureKey(t++, l1.shape, l1.common);
  f[n++] = FeatureKey(t++, l1.lower, w.lower);
  f[n++] = FeatureKey(t++, l1.lower, w.shape);
  f[n++] = FeatureKey(t++, l2.lower);
  f[n++] = FeatureKey(t++, l2.lower, l1.lower);
  f[n++] = FeatureKey(t++, r1.lower);
  f[n++] = FeatureKey(t++, r1.shape, r1.common);
  f[n++] = FeatureKey(t++, w.lower, r1.lower);
  f[n++] = FeatureKey(t++, w.shape, r1.lower);
  f[n++] = FeatureKey(t++, r1.suffix[2]);
  f[n++] = FeatureKey(t++, r2.lower);
  f[n++] = FeatureKey(t++, r1.lower, r2.lower);
  f[n++] = FeatureKey(t++, l1.shape, w.shape, r1.shape);
  f[n++] = FeatureKey(t++, w.flags, l1.flags, r1.flags);
  f[n++] = FeatureKey(t++, p1, r1.shape, r1.common);
  return n;
}

// Index of the best score among the labels `allowed` accepts.
template <class Score, class Allowed>
uint8_t BestAllowed(const Score* scores, uint32_t num_labels, Allowed allowed) {
  uint8_t best = 0;  // "O" is always allowed
  for (uint32_t c = 1; c < num_labels; ++c)
    if (allowed(static_cast<uint8_t>(c)) && scores[c] > scores[best]) best = static_cast<uint8_t>(c);
  return best;
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

void NerTagger::HashWords(std::span<const std::string_view> forms, size_t begin, size_t end,
                          std::vector<WordHashes>& hashes) const {
  hashes.assign(end - begin + 4, WordHashes{});
  for (size_t k = 0; k < hashes.size(); ++k) {
    const size_t i = begin + k;  // the word's index + 2
    WordHashes& h = hashes[k];
    if (i < 2 || i >= forms.size() + 2) {
      h.form = h.lower = h.shape = h.flags = 0x5a5a + i % 2;
      continue;
    }
    const std::string_view s = forms[i - 2];
    h.form = HashString(s);
    h.lower = HashLower(s);
    h.shape = Shape(s);
    h.flags = Flags(s, i == 2);
    h.common = common_.count(h.lower) ? 1 : 2;
    for (size_t n = 0; n < 3; ++n) h.prefix[n] = Affix(s, n + 1, false);
    for (size_t n = 0; n < 4; ++n) h.suffix[n] = Affix(s, n + 1, true);
  }
}

bool NerTagger::Allowed(uint8_t previous, uint8_t label) const {
  if (inside_of_[label] == label) return true;  // O or B-
  return previous != kNoLabel && (previous == label || previous == inside_of_[label]);
}

uint8_t NerTagger::Decide(const std::vector<WordHashes>& hashes, size_t k, uint8_t p1, uint8_t p2) const {
  const auto num_labels = static_cast<uint32_t>(label_names_.size());
  int32_t scores[kMaxLabels] = {};
  uint64_t f[kMaxFeatures];
  const size_t n = Features(hashes, k, p1, p2, f);
  weights_.Score({f, n}, scores);
  return BestAllowed(scores, num_labels, [&](uint8_t c) { return Allowed(p1, c); });
}

void NerTagger::Tag(std::span<const std::string_view> forms, std::span<uint8_t> labels) const {
  std::vector<WordHashes> hashes;
  HashWords(forms, 0, forms.size(), hashes);
  uint8_t p1 = kNoLabel, p2 = kNoLabel;
  for (size_t i = 0; i < forms.size(); ++i) {
    labels[i] = Decide(hashes, i, p1, p2);
    p2 = p1;
    p1 = labels[i];
  }
}

std::optional<NamedSpan> NerTagger::SpanAt(std::span<const std::string_view> forms, uint32_t begin) const {
  const auto end = static_cast<uint32_t>(std::min<size_t>(forms.size(), begin + kMaxSpanWords));
  if (begin >= end) return std::nullopt;
  std::vector<WordHashes> hashes;
  HashWords(forms, begin, end, hashes);
  constexpr uint8_t kOutside = 0;
  uint8_t p1 = begin == 0 ? kNoLabel : kOutside, p2 = begin <= 1 ? kNoLabel : kOutside;
  const uint8_t first = Decide(hashes, 0, p1, p2);
  if (first == kOutside) return std::nullopt;
  uint32_t k = begin + 1;
  for (p2 = p1, p1 = first; k < end; ++k) {
    const uint8_t label = Decide(hashes, k - begin, p1, p2);
    if (label == first || inside_of_[label] != first) break;
    p2 = p1;
    p1 = label;
  }
  return NamedSpan{begin, k, std::string_view(label_names_[first]).substr(2)};
}

std::vector<NamedSpan> NerTagger::Spans(std::span<const std::string_view> forms) const {
  std::vector<uint8_t> labels(forms.size());
  Tag(forms, labels);
  std::vector<NamedSpan> spans;
  for (uint32_t i = 0; i < labels.size();) {
    if (labels[i] == 0) {
      ++i;
      continue;
    }
    uint32_t end = i + 1;
    while (end < labels.size() && labels[end] != labels[i] && inside_of_[labels[end]] == labels[i]) ++end;
    spans.push_back({i, end, std::string_view(label_names_[labels[i]]).substr(2)});
    i = end;
  }
  return spans;
}

Result<std::shared_ptr<const NerTagger>> NerTagger::LoadDefault() {
  static const Result<std::shared_ptr<const NerTagger>> model = LoadBytes(embedded::ner_model(), "built-in model ner.bin");
  return model;
}

Result<std::shared_ptr<const NerTagger>> NerTagger::LoadBytes(std::string_view compressed, const std::string& origin) {
  Result<std::string> bytes = DecompressModel(compressed, origin);
  if (!bytes.ok()) return bytes.status();
  BinaryReader in(bytes.value(), origin);
  GEOKG_RETURN_IF_ERROR(in.ExpectHeader(kMagic, kFormatVersion));
  auto tagger = std::make_shared<NerTagger>();
  GEOKG_RETURN_IF_ERROR(in.GetStrings(tagger->label_names_));
  GEOKG_RETURN_IF_ERROR(in.GetVector(tagger->inside_of_));
  std::vector<uint64_t> common;
  GEOKG_RETURN_IF_ERROR(in.GetVector(common));
  tagger->common_.insert(common.begin(), common.end());
  GEOKG_RETURN_IF_ERROR(tagger->weights_.Read(in));
  if (!in.AtEnd()) return in.Invalid("has trailing bytes");
  const size_t n = tagger->label_names_.size();
  if (n == 0 || n > kMaxLabels || tagger->label_names_[0] != "O" || tagger->inside_of_.size() != n ||
      tagger->weights_.num_classes() != n ||
      std::any_of(tagger->inside_of_.begin(), tagger->inside_of_.end(), [&](uint8_t b) { return b >= n; }))
    return in.Invalid("has label tables that do not match its weights");
  return std::shared_ptr<const NerTagger>(std::move(tagger));
}

std::string NerTagger::Save() const {
  BinaryWriter out;
  for (int i = 0; i < 4; ++i) out.Put<char>(kMagic[i]);
  out.Put<uint32_t>(kFormatVersion);
  out.PutStrings(label_names_);
  out.PutVector(inside_of_);
  std::vector<uint64_t> common(common_.begin(), common_.end());
  std::sort(common.begin(), common.end());
  out.PutVector(common);
  weights_.Write(out);
  return CompressModel(out.bytes());
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
      sc.correct += std::count(truth.begin(), truth.end(), std::make_tuple(span.begin, span.end, std::string(span.type)));
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

}  // namespace geokg::extract::internal
