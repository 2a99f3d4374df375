// graph/text.h -- the byte-level text rules every layer shares, written once: strict UTF-8
// decoding, the width of a string in a monospace terminal, and RFC 4180 CSV fields.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace geokg {

// Length (1-4) of the UTF-8 sequence starting at s[i], or 0 when the bytes there are not
// well-formed UTF-8 (RFC 3629): stray continuation bytes, truncated sequences, overlong forms,
// surrogates (U+D800-DFFF) and anything above U+10FFFF are all rejected. `i` < s.size().
size_t Utf8Length(std::string_view s, size_t i);

// The code point of the well-formed sequence of `length` bytes at s[i] (see Utf8Length).
uint32_t CodePointAt(std::string_view s, size_t i, size_t length);

// Calls f(code point) for each well-formed sequence of `s` in order, and f(0xFFFD) once for each
// byte that does not start one.
template <class F>
void ForEachCodePoint(std::string_view s, F f) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = Utf8Length(s, i);
    f(n == 0 ? 0xFFFDu : CodePointAt(s, i, n));
    i += n == 0 ? 1 : n;
  }
}

// Terminal columns of one code point: 0 for combining marks and zero-width characters, 2 for
// East Asian wide and fullwidth ones (Hangul, Han, kana, fullwidth forms, emoji), 1 otherwise.
int CodePointWidth(uint32_t cp);
// The columns `s` takes in a monospace terminal (invalid bytes count as U+FFFD, width 1).
size_t DisplayWidth(std::string_view s);

// The edit distance between `a` and `b` in bytes: insertions, deletions, substitutions and swaps
// of two neighbouring bytes count 1 each ("mett"/"met", "sinse"/"since", "teh"/"the": 1). Gives
// up once it must exceed `limit`, returning limit + 1: the measure of "did you mean".
size_t EditDistance(std::string_view a, std::string_view b, size_t limit);

// `s` as one CSV field (RFC 4180): as is, or in double quotes with quotes doubled when it holds
// the separator (a comma, or a tab for tab-separated tables), a quote or a line break.
std::string CsvField(std::string_view s, char separator = ',');

// `s` with every byte but ASCII letters, digits and those of `keep` written as %XX: an ASCII
// identifier (IRI segment, KGTK symbol) that the same name always gives.
std::string PercentEncode(std::string_view s, std::string_view keep);

}  // namespace geokg
