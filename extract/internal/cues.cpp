#include "extract/internal/cues.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "embedded/cues_tsv.h"
#include "extract/internal/text.h"

namespace geokg::extract::internal {
namespace {

constexpr std::array<std::string_view, 8> kNames = {"reporting_verbs", "clause_reporting_verbs", "honorifics",
                                                    "ranks",           "dictionary_honorifics",  "months",
                                                    "weekdays",        "met_as_satisfied"};

struct List {
  std::vector<std::string> words;    // as written in the file
  std::vector<std::string> lowered;  // the same in lower case, for CueIndex
};
using Lists = std::array<List, kNames.size()>;

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
          out[k].words.emplace_back(words.substr(0, bar));
          out[k].lowered.push_back(Lower(out[k].words.back()));
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
  const std::vector<std::string>& words = Parsed()[static_cast<size_t>(list)].words;
  return std::find(words.begin(), words.end(), word) != words.end();
}

int CueIndex(Cue list, std::string_view word) {
  const std::vector<std::string>& lowered = Parsed()[static_cast<size_t>(list)].lowered;
  const auto it = std::find(lowered.begin(), lowered.end(), Lower(word));
  return it == lowered.end() ? -1 : static_cast<int>(it - lowered.begin());
}

}  // namespace geokg::extract::internal
