// extract/internal/text.h -- internal: small text helpers the extraction stages share.
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

}  // namespace geokg::extract::internal
