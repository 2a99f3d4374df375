// extract/syntax.h -- part-of-speech tags, lemmas and labelled Universal Dependencies trees for
// tokenised sentences, from our own models trained on UD English-EWT (docs/MODELS.md).
//
//   auto model = SyntaxModel::LoadDefault();            // the models built into the binary
//   for (const Sentence& s : Segment(text)) {
//     ParsedSentence p = model.value()->Analyze(s);
//     for (const Word& w : p.words) ... w.upos, w.lemma, w.head, w.deprel ...
//   }
//
// Thread-safety: a loaded SyntaxModel is immutable; Analyze() is const and keeps no shared
// mutable state, so one model may serve many threads. Errors (missing or damaged model files)
// are reported as Status with a one-line message naming the file; nothing is thrown.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/tokenizer.h"
#include "graph/status.h"

namespace geokg::extract {
namespace internal {
struct SyntaxModelAccess;
}

struct Word {
  std::string_view form;  // the Token's text
  uint32_t begin = 0;     // [begin, end): byte offsets of the token, as in the Token
  uint32_t end = 0;
  std::string_view upos;  // "NOUN", "VERB", ...: views into the model's tables, valid
  std::string_view xpos;  // while the model lives ("NN", "VBD", ...)
  std::string lemma;
  int head = 0;             // 0 = root, else 1-based index into the sentence's words
  std::string_view deprel;  // "nsubj", "obl:tmod", ...: a view into the model's tables
};

struct ParsedSentence {
  uint32_t begin = 0, end = 0;  // the Sentence's byte span
  std::vector<Word> words;      // one per token, in order
};

class SyntaxModel {
 public:
  // The model files, in the order of kModelFiles: tagger, lemmatizer, parser.
  static constexpr const char* kModelFiles[] = {"tagger.bin", "lemmatizer.bin", "parser.bin"};

  // The models embedded into the binary at build time (extract/models/).
  static Result<std::unique_ptr<SyntaxModel>> LoadDefault();
  // tagger.bin, lemmatizer.bin and parser.bin from `dir`.
  static Result<std::unique_ptr<SyntaxModel>> LoadFiles(const std::filesystem::path& dir);
  // The same from their bytes; `origin` names them in error messages. Training writes them
  // (extract/internal/train.h).
  static Result<std::unique_ptr<SyntaxModel>> LoadBytes(std::string_view tagger, std::string_view lemmatizer,
                                                        std::string_view parser, const std::string& origin);

  // Tags, lemmatises and parses one sentence, keeping its tokenisation.
  ParsedSentence Analyze(const Sentence& sentence) const;

  ~SyntaxModel();

 private:
  // The trainer (geokg_extract_train, extract/internal/train.h) builds models from their parts
  // and reads them; nothing else sees the parts.
  friend struct internal::SyntaxModelAccess;
  struct Impl;
  explicit SyntaxModel(std::unique_ptr<Impl> impl);

  std::unique_ptr<const Impl> impl_;
};

}  // namespace geokg::extract
