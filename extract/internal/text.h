// extract/internal/text.h -- small text helpers the extraction stages share.
#pragma once

#include <string>
#include <string_view>

namespace geokg::extract::internal {

// `s` with ASCII capitals in lower case; other bytes (UTF-8 included) unchanged. The same as
// std::tolower in the "C" locale geokg runs in, without a call per byte.
inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Whether `t` opens with a capital: an ASCII one, an accented one or a non-Latin script's letter.
inline bool Capitalized(std::string_view t) {
  if (t.empty()) return false;
  const auto c = static_cast<unsigned char>(t[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0xC3;
}

// A lower-case word (letters and hyphens): what may stand inside a noun phrase before its head.
inline bool IsLowerWord(std::string_view t) {
  if (t.empty()) return false;
  for (char c : t)
    if (!((c >= 'a' && c <= 'z') || c == '-')) return false;
  return true;
}

// Whether `c` continues a UTF-8 character (is not its first byte).
inline bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Calls f(key, rest) for every "KEY<TAB>REST" line of an embedded data file, skipping blank
// lines, '#' comments and lines without a tab.
template <typename F>
void ForEachKeyedLine(std::string_view text, F&& f) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    const size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
    f(line.substr(0, tab), line.substr(tab + 1));
  }
}

}  // namespace geokg::extract::internal
