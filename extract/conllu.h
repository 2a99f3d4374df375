// extract/conllu.h -- CoNLL-U in and out, JSON Lines out, and the whole `geokg parse` job.
//
// Reading keeps every line of a sentence: comments, multiword-token ranges ("1-2") and empty
// nodes ("1.1") come out again unchanged; only the syntactic words (integer ids) are analysed.
// Functions here keep no state between calls and are safe to call from several threads on
// different streams. Malformed input is an InvalidInput Status naming the input and line.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "extract/syntax.h"
#include "extract/tokenizer.h"
#include "graph/status.h"

namespace geokg::extract {

enum ConlluColumn : int { kId, kForm, kLemma, kUpos, kXpos, kFeats, kHead, kDeprel, kDeps, kMisc };

struct ConlluSentence {
  std::vector<std::string> comments;              // "# ..." lines, in order, without newline
  std::vector<std::array<std::string, 10>> rows;  // every token line, in order
  std::vector<uint32_t> words;                    // rows index of each syntactic word
  uint64_t line = 0;                              // 1-based line of the first line

  const std::string& Word(size_t i, ConlluColumn c) const { return rows[words[i]][c]; }
};

// Reads sentences one at a time, so memory does not grow with the input.
class ConlluReader {
 public:
  // `name` is used in error messages ("train.conllu:12: ...").
  ConlluReader(std::istream& in, std::string name);

  // The next sentence into `out`: true, or false at the end of the input.
  Result<bool> Next(ConlluSentence& out);

 private:
  Status Error(const std::string& what) const;

  std::istream& in_;
  std::string name_;
  uint64_t line_ = 0;
};

// All sentences of a file.
Result<std::vector<ConlluSentence>> ReadConlluFile(const std::filesystem::path& path);

void WriteConllu(const ConlluSentence& sentence, std::ostream& out);

// The sentence's words as a gold-tokenised Sentence, for Analyze(): the forms are joined by
// single spaces into `text`, which the returned tokens view.
Sentence GoldTokens(const ConlluSentence& sentence, std::string& text);

// Replaces LEMMA, UPOS, XPOS, HEAD and DEPREL of the words with `parsed` (one Word per word).
void ApplyParse(const ParsedSentence& parsed, ConlluSentence& sentence);

// One JSON object on one line: {"text", "begin", "end", "tokens": [{"id", "form", "begin",
// "end", "upos", "xpos", "lemma", "head", "deprel"}]}. `text` is the sentence's own text and
// `offset` is added to every byte offset (the position of the text's start in the input).
void WriteJsonl(const ParsedSentence& parsed, std::string_view text, uint64_t offset, std::ostream& out);

enum class InputFormat { kText, kConllu };
enum class OutputFormat { kConllu, kJsonl };

// The `geokg parse` job: reads `in` (raw text: split into paragraphs at blank lines, then
// Segment() and Analyze(); or CoNLL-U: the given tokens and sentences are kept and only UPOS,
// XPOS, LEMMA, HEAD and DEPREL are replaced) and writes the analyses to `out`. Streams
// paragraph by paragraph or sentence by sentence. `input_name` names the input in errors.
Status ParseStream(std::istream& in, std::string_view input_name, InputFormat input_format, OutputFormat output_format,
                   const SyntaxModel& model, std::ostream& out);

}  // namespace geokg::extract
