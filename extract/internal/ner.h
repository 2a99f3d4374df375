// extract/internal/ner.h -- the named-entity tagger: a greedy left-to-right averaged perceptron
// that labels each word of a sentence in IOB2 over PER, ORG and LOC (the labels of Universal NER)
// from word, lower case, affix, shape, casing and context features, and from how the word is
// usually written (lower case or capitalised) in the training text. Trained on UNER English-EWT
// by geokg-train (docs/MODELS.md) and built into the binary (extract/models/ner.bin).
//
// An NerTagger is immutable after training or loading and safe to use from many threads; Tag()
// allocates only scratch of the sentence's size. Training: ner_train.h.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/internal/perceptron.h"
#include "graph/status.h"

namespace geokg::extract::internal {

// A named entity found in a sentence: words [begin, end) of type "PER", "ORG" or "LOC".
struct NamedSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string_view type;  // a view into the tagger's label table
};

class NerTagger {
 public:
  // The model built into the binary, loaded once per process.
  static Result<std::shared_ptr<const NerTagger>> LoadDefault();
  // A model file (written by NerTrainer::Save, ner_train.h); `origin` names it in error messages.
  static Result<std::shared_ptr<const NerTagger>> LoadBytes(std::string_view bytes, const std::string& origin);

  // The entities of the sentence `forms`, in order, not overlapping. Decoding never starts an
  // entity with I-, so every span is well formed.
  std::vector<NamedSpan> Spans(std::span<const std::string_view> forms) const;
  // Label ids into label_names(), one per word.
  void Tag(std::span<const std::string_view> forms, std::span<uint8_t> labels) const;
  // The entity that starts at word `begin` of the sentence `forms`, taking the word before it
  // as outside any entity, or nullopt. Tags only from `begin` until the entity ends (at most
  // kMaxSpanWords words), so it costs a few words' tagging, not the sentence's.
  std::optional<NamedSpan> SpanAt(std::span<const std::string_view> forms, uint32_t begin) const;
  static constexpr uint32_t kMaxSpanWords = 6;

  // Whether the training text writes `word` in lower case at least as often as capitalised:
  // "Officials" opening a sentence is no name.
  bool IsCommonWord(std::string_view word) const { return common_.count(HashLower(word)) > 0; }

  const std::vector<std::string>& label_names() const { return label_names_; }
  size_t num_features() const { return weights_.num_features(); }

 private:
  friend class NerTrainer;  // ner_train.h
  // The model file's header.
  static constexpr char kMagic[] = "GKNE";
  static constexpr uint32_t kFormatVersion = 1;
  struct WordHashes;  // ner_features.h
  // Fills hashes[k] for the words begin - 2 + k of the sentence, k < end - begin + 4: the words
  // [begin, end) and two on each side, pads beyond the sentence.
  void HashWords(std::span<const std::string_view> forms, size_t begin, size_t end,
                 std::vector<WordHashes>& hashes) const;
  // The label of word k + begin given the previous two labels (hashes as HashWords filled them).
  uint8_t Decide(const std::vector<WordHashes>& hashes, size_t k, uint8_t p1, uint8_t p2) const;
  // Whether `label` may follow `previous` in IOB2 (I-X only after B-X or I-X).
  bool Allowed(uint8_t previous, uint8_t label) const;

  std::vector<std::string> label_names_;  // "O" first
  std::vector<uint8_t> inside_of_;        // for each label: the B- label an I- label continues, else itself
  std::unordered_set<uint64_t> common_;   // HashLower of common words
  FrozenWeights weights_;
};

}  // namespace geokg::extract::internal
