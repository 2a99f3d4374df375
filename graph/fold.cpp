#include "graph/fold.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace geokg {
namespace {

bool Ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// utf8proc_map with `options`; nullopt-like empty result and false when `s` is not valid UTF-8.
bool Map(std::string_view s, int options, std::string* out) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                   &mapped, static_cast<utf8proc_option_t>(options));
  if (n < 0) return false;
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
  out->assign(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
  return true;
}

}  // namespace

std::string StripMarks(std::string_view text) {
  if (Ascii(text)) return std::string(text);
  std::string out;
  if (!Map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK, &out)) return std::string(text);
  return out;
}

namespace {

std::string FoldOnce(std::string_view name) {
  std::string folded;
  if (Ascii(name) || !Map(name, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, &folded))
    folded.assign(name);
  std::string out;
  out.reserve(folded.size());
  bool space = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    if (c == '\'') continue;
    if (folded.compare(i, 3, "\xE2\x80\x99") == 0) {  // right single quotation mark
      i += 2;
      continue;
    }
    if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::string FoldName(std::string_view name) {
  // One pass does not always reach a fixed point: a folded letter may fold or compose again,
  // and dropping an apostrophe may join bytes into another one. Fold until the name stops
  // changing; past the first passes each one only shortens it.
  std::string out = FoldOnce(name);
  for (size_t pass = 0, most = out.size() + 4; pass < most; ++pass) {
    std::string again = FoldOnce(out);
    if (again == out) break;
    out = std::move(again);
  }
  return out;
}

}  // namespace geokg
