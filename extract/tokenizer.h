// extract/tokenizer.h -- sentence segmentation and tokenisation of news English, with byte
// offsets into the original text. Pure functions: thread-safe.
//
//   for (const Sentence& s : Segment(text))
//     for (const Token& t : s.tokens) std::cout << t.text << '\n';
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace geokg::extract {

struct Token {
  // A view into the segmented text, valid as long as that text is; or, for a function word that
  // old wire copy capitalised after "U.S." ("the U.S. And Japan"), the word in lower case.
  std::string_view text;
  uint32_t begin = 0;  // [begin, end): byte offsets in the segmented text
  uint32_t end = 0;
  bool space_after = true;  // whether white space follows in the text
};

struct Sentence {
  uint32_t begin = 0;  // [begin, end): byte span of the sentence in the text
  uint32_t end = 0;
  std::vector<Token> tokens;  // never empty
};

// Splits UTF-8 `text` into tokens: words (hyphenated names such as "Lee Jae-myung" keep their
// hyphen), numbers with separators, abbreviations with their periods ("U.S.", "Mr."),
// possessive "'s" and the clitic "n't" as tokens of their own, each punctuation mark (curly
// quotes, dashes) as one token. White space, including non-breaking and other Unicode spaces,
// separates tokens and is never part of one. Invalid UTF-8 bytes become single-byte tokens.
std::vector<Token> Tokenize(std::string_view text);

// Splits `text` into sentences: at '.', '!' or '?' (with closing quotes or brackets) before a
// word that can start a sentence, never after a title abbreviation or an initial; always at a
// blank line, and at a line break unless the next line continues in lower case.
std::vector<Sentence> Segment(std::string_view text);

// Drops from `sentence` the stock codes of wire copy, which are no part of its words ("Motorola
// Inc <MOT> and", "Siemens AG <SIEG.F>"): angle brackets around tokens without a lower-case
// letter, with those tokens. A company's name in brackets ("<Olin Corp> said") stays whole, its
// brackets marking where the name begins and ends. Other tokens keep their offsets; a sentence
// of nothing but markup stays as it was.
void DropStockCodes(Sentence* sentence);

}  // namespace geokg::extract
