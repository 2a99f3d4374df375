#include "extract/internal/cues.h"

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "embedded/cues_tsv.h"
#include "extract/internal/text.h"

namespace geokg::extract::internal {
namespace {

constexpr std::array<std::string_view, 7> kNames = {
    "reporting_verbs", "clause_reporting_verbs", "honorifics", "ranks", "dictionary_honorifics", "months", "weekdays"};

using Lists = std::array<std::vector<std::string>, kNames.size()>;

// Parsed once; the embedded file is part of the build, so a list it lacks is a build bug that the
// tests of every list's users catch.
const Lists& Parsed() {
  static const Lists lists = [] {
    Lists out;
    ForEachKeyedLine(embedded::cues_tsv(), [&](std::string_view name, std::string_view words) {
      for (size_t k = 0; k < kNames.size(); ++k) {
        if (name != kNames[k]) continue;
        while (!words.empty()) {
          const size_t bar = words.find('|');
          out[k].emplace_back(words.substr(0, bar));
          words = bar == std::string_view::npos ? std::string_view() : words.substr(bar + 1);
        }
      }
    });
    return out;
  }();
  return lists;
}

}  // namespace

bool IsCue(Cue list, std::string_view word) {
  for (const std::string& w : Parsed()[static_cast<size_t>(list)])
    if (w == word) return true;
  return false;
}

int CueIndex(Cue list, std::string_view word) {
  const std::string lower = Lower(word);
  const auto& words = Parsed()[static_cast<size_t>(list)];
  for (size_t k = 0; k < words.size(); ++k)
    if (Lower(words[k]) == lower) return static_cast<int>(k);
  return -1;
}

}  // namespace geokg::extract::internal
