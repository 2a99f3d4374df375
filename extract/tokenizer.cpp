#include "extract/tokenizer.h"

#include <algorithm>
#include <cctype>

#include "extract/internal/cues.h"
#include "graph/text.h"

namespace geokg::extract {
namespace {

using internal::Cue;
using internal::IsCue;

bool IsSpace(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// Letters, digits and every non-ASCII code point that is not a space or known punctuation
// (Hangul, Han, accented Latin) make words.
bool IsWordChar(uint32_t cp) {
  if (cp < 0x80) return std::isalnum(static_cast<int>(cp)) != 0;
  if (cp >= 0x2010 && cp <= 0x205E) return false;  // dashes, quotes, bullets, primes
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp == 0xAB || cp == 0xBB || cp == 0xA3 || cp == 0xA7 || cp == 0xB7 || cp == 0x20AC || cp == 0xA9) return false;
  return !IsSpace(cp);
}

bool IsApostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019; }

struct Char {
  uint32_t cp;
  size_t begin;
  size_t len;  // 1 for an invalid byte
  bool valid;
};

Char Peek(std::string_view text, size_t at) {
  if (at >= text.size()) return {0, at, 0, false};
  size_t n = Utf8Length(text, at);
  if (n == 0) return {0xFFFD, at, 1, false};
  return {CodePointAt(text, at, n), at, n, true};
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Extends a word that ends at `end` with a period when it is an abbreviation: "U.S.", "Mr.",
// "J." or "e.g.".
size_t AbbreviationEnd(std::string_view text, size_t begin, size_t end) {
  if (end >= text.size() || text[end] != '.') return end;
  std::string_view word = text.substr(begin, end - begin);
  bool dotted = word.find('.') != std::string_view::npos;  // "U.S", "e.g"
  bool initial = word.size() == 1 && IsUpperAscii(word[0]);
  if (dotted || initial || IsCue(Cue::kTitleAbbreviation, word) || IsCue(Cue::kAbbreviation, word)) return end + 1;
  return end;
}

// The end of a URL ("https://...", "www....") or e-mail address starting at `begin`, or
// `begin` when there is none there. Both run to white space, minus trailing punctuation.
size_t LinkEnd(std::string_view text, size_t begin) {
  size_t end = begin;
  while (end < text.size() && static_cast<unsigned char>(text[end]) > ' ' && text[end] != '"' && text[end] != '<' &&
         text[end] != '>')
    ++end;
  std::string_view chunk = text.substr(begin, end - begin);
  const bool url = chunk.starts_with("http://") || chunk.starts_with("https://") || chunk.starts_with("www.");
  const size_t at = chunk.find('@');
  const bool email = at != std::string_view::npos && at > 0 && chunk.find('.', at) != std::string_view::npos;
  if (!url && !email) return begin;
  while (end > begin && std::string_view(".,;:!?)]'").find(text[end - 1]) != std::string_view::npos) --end;
  return end;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  auto push = [&](size_t b, size_t e) {
    tokens.push_back({text.substr(b, e - b), static_cast<uint32_t>(b), static_cast<uint32_t>(e), false});
  };
  while (i < text.size()) {
    Char c = Peek(text, i);
    if (c.valid && IsSpace(c.cp)) {
      if (!tokens.empty()) tokens.back().space_after = true;
      i += c.len;
      continue;
    }
    if (!c.valid) {
      push(i, i + 1);
      ++i;
      continue;
    }
    if (!IsWordChar(c.cp)) {
      // Currency-free punctuation: one mark per token, except runs of the same ASCII mark
      // ("--", "...") which stay together.
      size_t e = i + c.len;
      if (c.cp < 0x80 && (c.cp == '.' || c.cp == '-'))
        while (e < text.size() && text[e] == static_cast<char>(c.cp)) ++e;
      push(i, e);
      i = e;
      continue;
    }
    if (const size_t link = LinkEnd(text, i); link > i) {
      push(i, link);
      i = link;
      continue;
    }
    // A word: word characters, joined by '-', '.', ',' or an apostrophe when a word character
    // follows ("Jae-myung", "U.S", "1,000.5", "O'Neill").
    size_t e = i;
    while (e < text.size()) {
      Char w = Peek(text, e);
      if (w.valid && IsWordChar(w.cp)) {
        e += w.len;
        continue;
      }
      if (!w.valid || e == i) break;
      Char next = Peek(text, e + w.len);
      if (!next.valid || !IsWordChar(next.cp)) break;
      const char prev = text[e - 1];
      if (w.cp == '-' || w.cp == 0x2011) {
        e += w.len;
        continue;
      }
      if ((w.cp == '.' || w.cp == ',') && IsDigit(prev) && IsDigit(text[e + 1])) {
        e += w.len;
        continue;
      }
      if (w.cp == '.' && std::isalpha(static_cast<unsigned char>(prev)) &&
          std::isalpha(static_cast<unsigned char>(text[e + 1])) && e + 2 <= text.size() &&
          (e + 2 == text.size() || text[e + 2] == '.')) {
        e += w.len;  // "U.S", "e.g": single letters between periods
        continue;
      }
      if (IsApostrophe(w.cp)) {
        // Keep "O'Neill", split "Lee's" and "don't" below.
        std::string_view rest = text.substr(e + w.len);
        bool clitic = (rest.size() >= 1 && (rest[0] == 's' || rest[0] == 'S') &&
                       (rest.size() == 1 || !std::isalnum(static_cast<unsigned char>(rest[1])))) ||
                      (rest.size() >= 2 &&
                       (rest.substr(0, 2) == "ll" || rest.substr(0, 2) == "re" || rest.substr(0, 2) == "ve") &&
                       (rest.size() == 2 || !std::isalnum(static_cast<unsigned char>(rest[2])))) ||
                      (rest.size() >= 1 && (rest[0] == 'd' || rest[0] == 'm') &&
                       (rest.size() == 1 || !std::isalnum(static_cast<unsigned char>(rest[1]))));
        if (clitic) break;
        e += w.len;
        continue;
      }
      break;
    }
    size_t word_end = AbbreviationEnd(text, i, e);
    // "don't" -> "do" "n't"
    std::string_view word = text.substr(i, word_end - i);
    if (word.size() > 3 && word_end == e) {
      size_t apos = word.rfind("n't");
      if (apos == std::string_view::npos) apos = word.rfind("n\xE2\x80\x99t");
      if (apos != std::string_view::npos && apos > 0 && i + apos + (word[apos + 1] == '\'' ? 3 : 5) == word_end) {
        push(i, i + apos);
        push(i + apos, word_end);
        i = word_end;
        continue;
      }
    }
    push(i, word_end);
    i = word_end;
    // A clitic after an apostrophe: "'s", "'ll", "'re", "'ve", "'d", "'m".
    Char a = Peek(text, i);
    if (a.valid && IsApostrophe(a.cp) && i > 0) {
      size_t k = i + a.len;
      while (k < text.size() && std::isalpha(static_cast<unsigned char>(text[k]))) ++k;
      if (k > i + a.len && k - (i + a.len) <= 2) {
        push(i, k);
        i = k;
      }
    }
  }
  return tokens;
}

namespace {

bool IsClosing(std::string_view t) {
  return t == "\"" || t == ")" || t == "]" || t == "'" || t == "\xE2\x80\x9D" || t == "\xE2\x80\x99" || t == "\xC2\xBB";
}

bool IsTerminal(std::string_view t) { return t == "." || t == "!" || t == "?" || t == "..." || t == "\xE2\x80\xA6"; }

bool StartsLower(std::string_view t) { return !t.empty() && IsLowerAscii(t[0]); }

// `word` itself, or the lower-case function word ("and", "of") it capitalises: a view into the
// cue list, which lives as long as the program.
std::string_view FunctionWordCase(std::string_view word) {
  if (word.empty() || !std::isupper(static_cast<unsigned char>(word[0]))) return word;
  const int k = internal::CueIndex(Cue::kFunctionWord, word);
  return k < 0 ? word : internal::CueWords(Cue::kFunctionWord)[static_cast<size_t>(k)];
}

// Whether the gap between two tokens holds a blank line, or a line break.
int LineBreaks(std::string_view text, size_t from, size_t to) {
  int n = 0;
  for (size_t i = from; i < to; ++i)
    if (text[i] == '\n') ++n;
  return n;
}

}  // namespace

std::vector<Sentence> Segment(std::string_view text) {
  std::vector<Token> tokens = Tokenize(text);
  std::vector<Sentence> sentences;
  Sentence current;
  auto close = [&]() {
    if (current.tokens.empty()) return;
    current.begin = current.tokens.front().begin;
    current.end = current.tokens.back().end;
    sentences.push_back(std::move(current));
    current = Sentence();
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& tok = tokens[i];
    if (!current.tokens.empty()) {
      const Token& prev = current.tokens.back();
      int breaks = LineBreaks(text, prev.end, tok.begin);
      if (breaks >= 2 || (breaks == 1 && !StartsLower(tok.text))) close();
    }
    current.tokens.push_back(tok);
    const bool abbreviation_end = tok.text.size() > 1 && tok.text.back() == '.';
    if (!IsTerminal(tok.text) && !abbreviation_end) continue;
    // A period inside a word ends nothing: the stock code "<SIEG.F>", "reuters.com".
    if (tok.text == "." && current.tokens.size() > 1 && current.tokens[current.tokens.size() - 2].end == tok.begin &&
        i + 1 < tokens.size() && tokens[i + 1].begin == tok.end && !IsClosing(tokens[i + 1].text))
      continue;
    // Take closing quotes and brackets along.
    size_t j = i + 1;
    while (j < tokens.size() && IsClosing(tokens[j].text) && LineBreaks(text, tokens[j - 1].end, tokens[j].begin) == 0)
      current.tokens.push_back(tokens[j++]);
    const bool quoted = j > i + 1;
    i = j - 1;
    if (j >= tokens.size()) break;
    std::string_view next = tokens[j].text;
    // No sentence starts with a comma or a semicolon: "Bill Frenzel, R-Minn., said".
    if (next == "," || next == ";") continue;
    // A lower-case word after a bare '.', '!' or '?' starts a sentence in informal text ("ok.
    // i will"), but not after a closing quote ('"Why?" he asked') or an ellipsis.
    const bool ellipsis = tok.text == "..." || tok.text == "\xE2\x80\xA6";
    bool can_start = !StartsLower(next) || (!quoted && !ellipsis);
    if (abbreviation_end) {
      std::string_view word = tok.text.substr(0, tok.text.size() - 1);
      if (IsCue(Cue::kTitleAbbreviation, word) || (word.size() == 1 && IsUpperAscii(word[0]))) continue;
      can_start = IsCue(Cue::kSentenceStarter, next);
      // "the U.S. And West Germany": old wire copy capitalises any word after "U.S."; a function
      // word that goes on the sentence is read in its own case.
      if (!can_start) tokens[j].text = FunctionWordCase(next);
    }
    if (can_start) close();
  }
  close();
  return sentences;
}

void DropStockCodes(Sentence* sentence) {
  const std::vector<Token>& in = sentence->tokens;
  if (std::none_of(in.begin(), in.end(), [](const Token& t) { return t.text == "<"; })) return;
  std::vector<Token> kept;
  kept.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    size_t close = i + 1;
    if (in[i].text == "<")
      while (close < in.size() && close <= i + 8 && in[close].text != ">" && in[close].text != "<") ++close;
    if (in[i].text != "<" || close >= in.size() || in[close].text != ">" || close == i + 1) {
      kept.push_back(in[i]);
      continue;
    }
    // A stock code has no lower-case letter: "NT", "SIEG.F", "CAPH.HKG".
    const bool code =
        std::all_of(in.begin() + static_cast<std::ptrdiff_t>(i) + 1, in.begin() + static_cast<std::ptrdiff_t>(close),
                    [](const Token& t) {
                      return std::none_of(t.text.begin(), t.text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
                    });
    if (!code) {
      kept.push_back(in[i]);
      continue;
    }
    i = close;
  }
  if (!kept.empty()) sentence->tokens = std::move(kept);  // nothing but markup: keep it as it was
}

}  // namespace geokg::extract
