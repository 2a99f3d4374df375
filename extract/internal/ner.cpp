#include "extract/internal/ner.h"

#include <algorithm>

#include "embedded/ner_model.h"
#include "extract/internal/model_file.h"
#include "extract/internal/ner_features.h"
#include "extract/internal/word_features.h"

namespace geokg::extract::internal {
using namespace ner_features;

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
    const SpellingHashes spelling = HashSpelling(forms[i - 2], i == 2);
    h.form = spelling.form;
    h.lower = spelling.lower;
    h.shape = spelling.shape;
    h.flags = spelling.flags;
    h.common = common_.count(h.lower) ? 1 : 2;
    std::copy_n(spelling.prefix, 3, h.prefix);
    std::copy_n(spelling.suffix, 4, h.suffix);
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
  static const Result<std::shared_ptr<const NerTagger>> model =
      LoadBytes(embedded::ner_model(), "built-in model ner.bin");
  return model;
}

Result<std::shared_ptr<const NerTagger>> NerTagger::LoadBytes(std::string_view compressed, const std::string& origin) {
  Result<ModelBytes> bytes = DecompressModel(compressed, origin);
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

}  // namespace geokg::extract::internal
