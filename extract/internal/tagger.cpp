#include "extract/internal/tagger.h"

#include <algorithm>
#include <array>

#include "extract/internal/tagger_features.h"
#include "extract/internal/word_features.h"

namespace geokg::extract::internal {
using namespace tagger_features;

void HashWords(std::span<const std::string_view> forms, std::vector<TokenHashes>& hashes) {
  hashes.assign(forms.size() + 4, TokenHashes{});
  for (size_t k : {size_t{0}, size_t{1}, forms.size() + 2, forms.size() + 3}) {
    TokenHashes& pad = hashes[k];
    pad.form = pad.lower = pad.shape = pad.lexicon = 0x5a5a + k % 2;
  }
  for (size_t i = 0; i < forms.size(); ++i) {
    const SpellingHashes spelling = HashSpelling(forms[i], i == 0);
    TokenHashes& h = hashes[i + 2];
    h.form = spelling.form;
    h.lower = spelling.lower;
    h.shape = spelling.shape;
    h.flags = spelling.flags;
    std::copy_n(spelling.prefix, 3, h.prefix);
    std::copy_n(spelling.suffix, 4, h.suffix);
  }
  for (size_t i = 0; i < forms.size(); ++i) {
    TokenHashes& h = hashes[i + 2];
    h.num_shared_keys =
        static_cast<uint32_t>(Features<Part::kShared, KeyBatch::Order::kAny>(hashes, i, kNoTag, kNoTag, h.shared_keys));
  }
}

void Tagger::LookUpLexicon(std::vector<TokenHashes>& hashes) const {
  for (size_t i = 2; i + 2 < hashes.size(); ++i) {
    auto it = lexicon_.find(hashes[i].lower);
    hashes[i].lexicon = it == lexicon_.end() ? 0 : it->second + 1;
  }
}

void Tagger::HashTokens(std::span<const std::string_view> forms, std::vector<TokenHashes>& hashes) const {
  HashWords(forms, hashes);
  LookUpLexicon(hashes);
}

void Tagger::Tag(std::span<const std::string_view> forms, std::span<uint8_t> upos, std::span<uint8_t> xpos) const {
  std::vector<TokenHashes> hashes;
  HashWords(forms, hashes);
  Tag(hashes, upos, xpos);
}

void Tagger::Tag(std::vector<TokenHashes>& hashes, std::span<uint8_t> upos, std::span<uint8_t> xpos) const {
  LookUpLexicon(hashes);
  const size_t num_words = hashes.size() - 4;
  const uint32_t nu = static_cast<uint32_t>(upos_names_.size());
  std::vector<int32_t> scores(weights_.num_classes());
  uint64_t f[kMaxFeatures];
  uint8_t p1 = kNoTag, p2 = kNoTag;
  for (size_t i = 0; i < num_words; ++i) {
    const TokenHashes& w = hashes[i + 2];
    std::copy_n(w.shared_keys, w.num_shared_keys, f);
    const size_t n =
        w.num_shared_keys + Features<Part::kOwn, KeyBatch::Order::kAny>(hashes, i, p1, p2, f + w.num_shared_keys);
    weights_.Score({f, n}, scores.data());
    upos[i] = static_cast<uint8_t>(Argmax(scores.data(), 0, nu));
    xpos[i] = static_cast<uint8_t>(Argmax(scores.data(), nu, weights_.num_classes()) - nu);
    p2 = p1;
    p1 = xpos[i];
  }
}

Status Tagger::Read(BinaryReader& in) {
  GEOKG_RETURN_IF_ERROR(in.GetStrings(upos_names_));
  GEOKG_RETURN_IF_ERROR(in.GetStrings(xpos_names_));
  std::vector<uint64_t> keys;
  std::vector<uint16_t> values;
  GEOKG_RETURN_IF_ERROR(in.GetVector(keys));
  GEOKG_RETURN_IF_ERROR(in.GetVector(values));
  if (keys.size() != values.size()) return in.Invalid("has a damaged tag lexicon");
  lexicon_.clear();
  lexicon_.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) lexicon_.emplace(keys[i], values[i]);
  GEOKG_RETURN_IF_ERROR(weights_.Read(in));
  if (upos_names_.empty() || xpos_names_.empty() || weights_.num_classes() != upos_names_.size() + xpos_names_.size())
    return in.Invalid("has tag tables that do not match its weights");
  return Status();
}

}  // namespace geokg::extract::internal
