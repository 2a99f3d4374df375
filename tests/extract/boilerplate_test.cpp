#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/boilerplate.h"

using namespace geokg::extract;

namespace {

// Each non-blank line's text with its kind, in order.
std::vector<std::pair<std::string, LineKind>> Kinds(const std::string& text) {
  std::vector<std::pair<std::string, LineKind>> out;
  for (const ClassifiedLine& l : ClassifyLines(text))
    out.emplace_back(text.substr(l.range.begin, l.range.end - l.range.begin), l.kind);
  return out;
}

}  // namespace

TEST_CASE("headings over prose are headings, link lists are furniture", "[extract][boilerplate]") {
  const std::string page =
      "Baltic crisis\n"
      "2031 Norwegian strikes on Iceland\n"
      "Icelandic radar stations report two drones shot down near Akureyri.\n"
      "Fisheries dispute\n"
      "Talks in Bergen end without a deal after a week of meetings.\n"
      "Related\n"
      "Norway recalls envoy\n"
      "Iceland closes airspace\n"
      "Markets fall in Oslo\n";
  const auto kinds = Kinds(page);
  REQUIRE(kinds.size() == 9);
  CHECK(kinds[0].second == LineKind::kHeading);
  CHECK(kinds[1].second == LineKind::kHeading);
  CHECK(kinds[2].second == LineKind::kProse);
  CHECK(kinds[3].second == LineKind::kHeading);
  CHECK(kinds[4].second == LineKind::kProse);
  for (size_t i = 5; i < kinds.size(); ++i) CHECK(kinds[i].second == LineKind::kFurniture);
  // Prose ranges are the prose lines only.
  const std::vector<TextRange> prose = ProseRanges(page);
  REQUIRE(prose.size() == 2);
  CHECK(page.substr(prose[0].begin, prose[0].end - prose[0].begin) == kinds[2].first);
}

TEST_CASE("a run of short lines with no prose after it is a link list", "[extract][boilerplate]") {
  const auto kinds = Kinds(
      "The summit closed with a joint statement on shipping.\n"
      "Norway recalls envoy\n"
      "Iceland closes airspace\n"
      "Markets fall in Oslo\n");
  REQUIRE(kinds.size() == 4);
  CHECK(kinds[0].second == LineKind::kProse);
  for (size_t i = 1; i < kinds.size(); ++i) CHECK(kinds[i].second == LineKind::kFurniture);
}
