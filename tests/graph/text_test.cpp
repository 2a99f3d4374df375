// The shared text rules: strict UTF-8, terminal widths, CSV fields; and the CAMEO lookups.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "graph/cameo.h"
#include "graph/text.h"

using geokg::CsvField;
using geokg::DisplayWidth;
using geokg::Utf8Length;

namespace {

std::vector<uint32_t> CodePoints(std::string_view s) {
  std::vector<uint32_t> out;
  geokg::ForEachCodePoint(s, [&out](uint32_t cp) { out.push_back(cp); });
  return out;
}

}  // namespace

TEST_CASE("UTF-8 is decoded strictly: overlong forms, surrogates and out-of-range sequences are invalid", "[text]") {
  // Accepted: the first and last code point of each sequence length, and around the surrogates.
  const std::pair<std::string, uint32_t> good[] = {{"\x7F", 0x7F},
                                                   {"\xC2\x80", 0x80},
                                                   {"\xDF\xBF", 0x7FF},
                                                   {"\xE0\xA0\x80", 0x800},
                                                   {"\xED\x9F\xBF", 0xD7FF},
                                                   {"\xEE\x80\x80", 0xE000},
                                                   {"\xEF\xBF\xBF", 0xFFFF},
                                                   {"\xF0\x90\x80\x80", 0x10000},
                                                   {"\xF4\x8F\xBF\xBF", 0x10FFFF}};
  for (const auto& [bytes, cp] : good) {
    INFO(cp);
    REQUIRE(Utf8Length(bytes, 0) == bytes.size());
    CHECK(CodePoints(bytes) == std::vector<uint32_t>{cp});
  }
  const std::string bad[] = {"\xC0\x80",          // overlong NUL
                             "\xC1\xBF",          // overlong U+007F
                             "\xE0\x80\x80",      // overlong in three bytes
                             "\xE0\x9F\xBF",      // overlong U+07FF
                             "\xF0\x8F\xBF\xBF",  // overlong U+FFFF
                             "\xED\xA0\x80",      // U+D800, a surrogate
                             "\xED\xBF\xBF",      // U+DFFF
                             "\xF4\x90\x80\x80",  // U+110000
                             "\xF5\x80\x80\x80",  // beyond Unicode
                             "\xFF",              // never in UTF-8
                             "\x80",              // a stray continuation byte
                             "\xE2\x82",          // truncated
                             "\xE2\x28\xA1"};     // a non-continuation inside
  for (const std::string& bytes : bad) {
    INFO(bytes.size());
    CHECK(Utf8Length(bytes, 0) == 0);
    CHECK(CodePoints(bytes).front() == 0xFFFD);
  }
  CHECK(CodePoints("a\xC0\x80z") == std::vector<uint32_t>{'a', 0xFFFD, 0xFFFD, 'z'});  // one U+FFFD a bad byte
}

TEST_CASE("display width counts wide East Asian characters twice and combining marks not at all", "[text]") {
  CHECK(DisplayWidth("Norway") == 6);
  CHECK(DisplayWidth("김민준") == 6);
  CHECK(DisplayWidth("習近平") == 6);
  CHECK(DisplayWidth("e\xCC\x81") == 1);  // e + combining acute
  CHECK(DisplayWidth("ＡＢ") == 4);       // fullwidth forms
  CHECK(DisplayWidth("\xC0") == 1);       // an invalid byte shows as one U+FFFD
}

TEST_CASE("CSV fields are quoted only when they must be, with quotes doubled", "[text]") {
  CHECK(CsvField("plain") == "plain");
  CHECK(CsvField("a,b") == "\"a,b\"");
  CHECK(CsvField("say \"no\"") == "\"say \"\"no\"\"\"");
  CHECK(CsvField("two\nlines") == "\"two\nlines\"");
  CHECK(CsvField("a,b", '\t') == "a,b");
  CHECK(CsvField("a\tb", '\t') == "\"a\tb\"");
  CHECK(CsvField("") == "");
}

TEST_CASE("CAMEO codes give GDELT's root, base, QuadClass and Goldstein scale", "[cameo]") {
  CHECK(geokg::CameoRoot("0431") == "04");
  CHECK(geokg::CameoBase("0431") == "043");
  CHECK(geokg::CameoRoot("").empty());
  CHECK(geokg::QuadClass("040") == 1);
  CHECK(geokg::QuadClass("057") == 1);
  CHECK(geokg::QuadClass("061") == 2);
  CHECK(geokg::QuadClass("112") == 3);
  CHECK(geokg::QuadClass("130") == 3);
  CHECK(geokg::QuadClass("190") == 4);
  CHECK(geokg::QuadClass("") == 0);
  CHECK(geokg::QuadClass("99") == 0);
  CHECK(geokg::GoldsteinScale("040") == 1.0);
  CHECK(geokg::GoldsteinScale("042") == 1.9);
  CHECK(geokg::GoldsteinScale("112") == -2.0);
  CHECK(geokg::GoldsteinScale("190") == -10.0);
  CHECK(geokg::GoldsteinScale("0874") == 10.0);
  CHECK(!geokg::GoldsteinScale("999").has_value());
  CHECK(!geokg::GoldsteinScale("").has_value());
}

TEST_CASE("edit distance counts a swap of neighbours as one edit and gives up past its limit", "[graph][text]") {
  CHECK(geokg::EditDistance("mett", "met", 3) == 1);
  CHECK(geokg::EditDistance("sinse", "since", 3) == 1);
  CHECK(geokg::EditDistance("teh", "the", 3) == 1);
  CHECK(geokg::EditDistance("verison", "version", 3) == 1);
  CHECK(geokg::EditDistance("kitten", "sitting", 5) == 3);
  CHECK(geokg::EditDistance("", "abc", 5) == 3);
  CHECK(geokg::EditDistance("kitten", "sitting", 2) == 3);  // limit + 1
  CHECK(geokg::EditDistance("a", "abcdefgh", 2) == 3);
}
