#include "extract/boilerplate.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "extract/internal/cues.h"
#include "extract/internal/text.h"

namespace geokg::extract {
namespace {

using internal::Cue;
using internal::CueWords;
using internal::Lower;

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool IsListHeader(std::string_view lower) {
  std::string_view t = lower;
  while (!t.empty() && (t.back() == ':' || t.back() == '.')) t.remove_suffix(1);
  for (std::string_view h : CueWords(Cue::kListHeader))
    if (t == h || (h != "related" && StartsWith(t, h) && t.size() < h.size() + 30)) return true;
  return false;
}

bool IsFurniture(std::string_view line, std::string_view lower) {
  for (std::string_view p : CueWords(Cue::kFurniturePrefix))
    if (StartsWith(lower, p)) return true;
  // Photo captions end with their credit: "... on November 1. Photo: Xinhua".
  if (lower.find("photo:") != std::string_view::npos || lower.find("(photo") != std::string_view::npos ||
      lower.find("file photo") != std::string_view::npos || lower.find("photo credit") != std::string_view::npos)
    return true;
  // A byline: "By Jane Doe" or "By Jane Doe and John Roe", short and without a verb after it.
  if (StartsWith(line, "By ") && line.size() < 60 && line.find('.') == std::string_view::npos) return true;
  return false;
}

bool EndsLikeSentence(std::string_view line) {
  static constexpr auto kEnds =
      std::to_array<std::string_view>({".", "!", "?", "\"", "'", ")", ":", "\xE2\x80\x9D", "\xE2\x80\x99"});
  for (std::string_view e : kEnds)
    if (line.size() >= e.size() && line.substr(line.size() - e.size()) == e) return true;
  return false;
}

}  // namespace

std::vector<ClassifiedLine> ClassifyLines(std::string_view text) {
  std::vector<ClassifiedLine> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = Trim(text.substr(pos, eol - pos));
    if (!line.empty()) {
      auto begin = static_cast<uint32_t>(line.data() - text.data());
      lines.push_back({{begin, static_cast<uint32_t>(begin + line.size())}, LineKind::kProse});
    }
    pos = eol + 1;
  }
  const auto line_text = [&](size_t i) {
    return text.substr(lines[i].range.begin, lines[i].range.end - lines[i].range.begin);
  };
  const auto short_label = [&](size_t i, size_t limit) {
    return line_text(i).size() < limit && !EndsLikeSentence(line_text(i));
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string lower = Lower(line_text(i));
    if (IsListHeader(lower)) {
      // The list runs to the end of the page, unless real prose comes back (a long line that
      // ends like a sentence), as when a "Related" box sits in the middle of an article.
      lines[i].kind = LineKind::kFurniture;
      size_t j = i + 1;
      while (j < lines.size() && !(line_text(j).size() > 200 && EndsLikeSentence(line_text(j))))
        lines[j++].kind = LineKind::kFurniture;
      i = j - 1;
      continue;
    }
    if (IsFurniture(line_text(i), lower)) lines[i].kind = LineKind::kFurniture;
  }
  // Runs of three or more short lines that do not end like sentences are link lists or
  // headline blocks, even without a header; unless prose follows them: then they are the
  // headings above it ("Middle Eastern crisis / 2026 Iran war / 2026 Iranian strikes on Bahrain").
  for (size_t i = 0; i < lines.size();) {
    size_t j = i;
    while (j < lines.size() && short_label(j, 120)) ++j;
    if (j - i >= 3) {
      const bool headings = j < lines.size() && lines[j].kind == LineKind::kProse && !short_label(j, 150);
      for (size_t k = i; k < j; ++k)
        if (lines[k].kind == LineKind::kProse) lines[k].kind = headings ? LineKind::kHeading : LineKind::kFurniture;
    }
    i = std::max(j, i + 1);
  }
  // A short line that does not end like a sentence, among other lines, is a heading or a topic
  // label ("Estonia-Russia relations"): not a statement of the article.
  if (lines.size() > 1)
    for (size_t i = 0; i < lines.size(); ++i)
      if (lines[i].kind == LineKind::kProse && short_label(i, 150)) lines[i].kind = LineKind::kHeading;
  return lines;
}

std::vector<TextRange> ProseRanges(std::string_view text) {
  std::vector<TextRange> out;
  for (const ClassifiedLine& l : ClassifyLines(text))
    if (l.kind == LineKind::kProse) out.push_back(l.range);
  return out;
}

}  // namespace geokg::extract
