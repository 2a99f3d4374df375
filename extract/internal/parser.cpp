#include "extract/internal/parser.h"

#include <algorithm>

#include "extract/internal/parser_features.h"
#include "extract/internal/transition.h"

namespace geokg::extract::internal {
using namespace parser_features;

namespace {

constexpr uint64_t kUnknownWord = 0x756e6b;  // the key of words seen fewer than twice

}  // namespace

uint64_t Parser::WordKey(uint64_t word) const { return vocabulary_.count(word) ? word : kUnknownWord; }

void Parser::WordKeys(std::span<const uint64_t> words, std::vector<uint64_t>& keys) const {
  keys.resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) keys[i] = WordKey(words[i]);
}

void Parser::Parse(std::vector<TokenHashes>& hashes, std::span<const uint16_t> tags, std::span<int> heads,
                   std::span<uint8_t> labels) const {
  const int n = static_cast<int>(hashes.size() - 4);
  const uint32_t num_labels = static_cast<uint32_t>(label_names_.size());
  Configuration c(n);
  std::vector<uint64_t> keys(n);
  for (int i = 0; i < n; ++i) keys[i] = WordKey(hashes[i + 2].lower);
  std::vector<uint8_t> sides(n), relations(n);
  supertagger_.Tag(hashes, sides, relations);
  std::vector<uint16_t> supertags(n);
  for (int i = 0; i < n; ++i) supertags[i] = TagPair(sides[i], relations[i]);
  const Sentence x{keys, tags, supertags};
  static const LabelKeys kLabelKeys = HashLabelKeys();
  std::vector<int32_t> scores(weights_.num_classes());
  uint64_t f[kMaxFeatures];
  while (!c.Terminal()) {
    if (c.stack_depth() == 0) {  // the only possible move: no need to score
      c.Apply(Move::kShift, 0);
      continue;
    }
    const size_t k = Features<KeyBatch::Order::kAny, Part::kRest>(c, x, f, &kLabelKeys);
    weights_.Score({f, k}, scores.data());
    const uint32_t a = BestValid(c, scores.data(), num_labels);
    c.Apply(MoveOf(a, num_labels), LabelOf(a, num_labels));
  }
  for (int i = 1; i <= n; ++i) {
    heads[i - 1] = c.heads()[i];
    labels[i - 1] = c.labels()[i];
  }
}

Status Parser::Read(BinaryReader& in) {
  GEOKG_RETURN_IF_ERROR(in.GetStrings(label_names_));
  std::vector<uint64_t> vocabulary;
  GEOKG_RETURN_IF_ERROR(in.GetVector(vocabulary));
  vocabulary_ = std::unordered_set<uint64_t>(vocabulary.begin(), vocabulary.end());
  GEOKG_RETURN_IF_ERROR(supertagger_.Read(in));
  GEOKG_RETURN_IF_ERROR(weights_.Read(in));
  if (label_names_.empty() || label_names_.size() > 64 || weights_.num_classes() != 1 + 2 * label_names_.size())
    return in.Invalid("has relation tables that do not match its weights");
  return Status();
}

}  // namespace geokg::extract::internal
