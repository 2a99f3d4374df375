#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/tokenizer.h"

namespace {

using geokg::extract::DropStockCodes;
using geokg::extract::Segment;
using geokg::extract::Tokenize;

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : Tokenize(text)) out.emplace_back(t.text);
  return out;
}

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : Segment(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("Abbreviations keep their periods and do not end sentences", "[extract]") {
  CHECK(Texts("The U.S. envoy met Mr. Kim.") == V{"The", "U.S.", "envoy", "met", "Mr.", "Kim", "."});
  CHECK(Sentences("Mr. Kim met Gen. Park on Jan. 5 in Seoul. No. 2 came later.") ==
        V{"Mr. Kim met Gen. Park on Jan. 5 in Seoul.", "No. 2 came later."});
  CHECK(Sentences("He arrived from the U.S. The talks began.") == V{"He arrived from the U.S.", "The talks began."});
}

TEST_CASE("A function word that old wire copy capitalises after U.S. goes on the sentence in lower case", "[extract]") {
  const auto sentences = Segment("Peru, the U.S. And Chile agreed to a pact with the U.S. On fish. It holds.");
  REQUIRE(sentences.size() == 2);
  std::vector<std::string> words;
  for (const auto& t : sentences[0].tokens) words.emplace_back(t.text);
  CHECK(words == V{"Peru", ",", "the", "U.S.", "and", "Chile", "agreed", "to", "a", "pact", "with", "the", "U.S.", "on",
                   "fish", "."});
  // The offsets still point at the text as written.
  CHECK(sentences[0].tokens[4].begin == 15);
  // A word that starts sentences still ends the one before.
  CHECK(Sentences("He arrived from the U.S. He left.") == V{"He arrived from the U.S.", "He left."});
}

TEST_CASE("A period before a comma ends no sentence", "[extract]") {
  CHECK(Sentences("Bill Hanson, R-Minn., said the bill was weak. It passed.") ==
        V{"Bill Hanson, R-Minn., said the bill was weak.", "It passed."});
}

TEST_CASE("Initials stay with the name and do not end sentences", "[extract]") {
  CHECK(Texts("J. R. Smith spoke.") == V{"J.", "R.", "Smith", "spoke", "."});
  CHECK(Sentences("George W. Bush met envoys. They left.") == V{"George W. Bush met envoys.", "They left."});
}

TEST_CASE("Curly and straight quotes are tokens and close the sentence they end", "[extract]") {
  CHECK(Texts("\xE2\x80\x9CWe will not yield,\xE2\x80\x9D he said.") ==
        V{"\xE2\x80\x9C", "We", "will", "not", "yield", ",", "\xE2\x80\x9D", "he", "said", "."});
  CHECK(Sentences("\"We will stay.\" The minister left.") == V{"\"We will stay.\"", "The minister left."});
}

TEST_CASE("Dashes are tokens but hyphenated names stay whole", "[extract]") {
  CHECK(Texts("Lee Jae-myung \xE2\x80\x94 the president \xE2\x80\x93 spoke -- briefly.") ==
        V{"Lee", "Jae-myung", "\xE2\x80\x94", "the", "president", "\xE2\x80\x93", "spoke", "--", "briefly", "."});
  CHECK(Texts("a well-known Franco-German plan") == V{"a", "well-known", "Franco-German", "plan"});
}

TEST_CASE("Numbers keep their separators and currencies are separate tokens", "[extract]") {
  CHECK(Texts("It cost $1,200.50 or \xE2\x82\xAC"
              "3.5 billion, 12% more.") ==
        V{"It", "cost", "$", "1,200.50", "or", "\xE2\x82\xAC", "3.5", "billion", ",", "12", "%", "more", "."});
  CHECK(Sentences("Growth was 2.5 percent. Prices rose.") == V{"Growth was 2.5 percent.", "Prices rose."});
}

TEST_CASE("Possessive 's and the clitic n't are tokens of their own", "[extract]") {
  CHECK(Texts("Russia's army didn't move.") == V{"Russia", "'s", "army", "did", "n't", "move", "."});
  CHECK(Texts("Kyiv\xE2\x80\x99s mayor can\xE2\x80\x99t come.") ==
        V{"Kyiv", "\xE2\x80\x99s", "mayor", "ca", "n\xE2\x80\x99t", "come", "."});
  CHECK(Texts("O'Neill wasn't there.") == V{"O'Neill", "was", "n't", "there", "."});
}

TEST_CASE("Non-breaking and other Unicode spaces separate tokens", "[extract]") {
  const std::string text = "10\xC2\xA0km north\xE2\x80\xAFof Kharkiv";
  CHECK(Texts(text) == V{"10", "km", "north", "of", "Kharkiv"});
  const auto tokens = Tokenize(text);
  CHECK(tokens[1].begin == 4);  // byte offsets skip the two-byte space
  CHECK(tokens[1].end == 6);
}

TEST_CASE("Token offsets point at the token's bytes in the text", "[extract]") {
  const std::string text = "  Seoul, Tokyo.";
  for (const auto& t : Tokenize(text)) CHECK(text.substr(t.begin, t.end - t.begin) == t.text);
  const auto tokens = Tokenize(text);
  CHECK_FALSE(tokens[0].space_after);
  CHECK(tokens[1].space_after);
}

TEST_CASE("A blank line always ends a sentence, a single line break only before a capital", "[extract]") {
  CHECK(Sentences("Talks resumed\n\nNo deal yet") == V{"Talks resumed", "No deal yet"});
  CHECK(Sentences("talks resumed in\nthe capital") == V{"talks resumed in\nthe capital"});
}

TEST_CASE("URLs and e-mail addresses are single tokens and do not split sentences", "[extract]") {
  CHECK(Texts("See https://example.org/a.b?c=1, or www.example.com/news.html.") ==
        V{"See", "https://example.org/a.b?c=1", ",", "or", "www.example.com/news.html", "."});
  CHECK(Texts("Write to press.office@example.org.") == V{"Write", "to", "press.office@example.org", "."});
  CHECK(Sentences("Details at www.example.com/a.html today. More later.") ==
        V{"Details at www.example.com/a.html today.", "More later."});
}

TEST_CASE("A lower-case word after a full stop starts a sentence unless a quote closed it", "[extract]") {
  CHECK(Sentences("ok. i will call.") == V{"ok.", "i will call."});
  CHECK(Sentences("\"Why?\" he asked.") == V{"\"Why?\" he asked."});
  CHECK(Sentences("We waited... and waited.") == V{"We waited... and waited."});
}

TEST_CASE("Wire copy loses its stock codes but keeps a bracketed company name whole", "[extract]") {
  const std::string text = "Northern Telecom Ltd <NT> and <Delmar Capital Inc> signed, Siemens AG <SIEG.F> said.";
  auto sentences = Segment(text);
  REQUIRE(sentences.size() == 1);
  DropStockCodes(&sentences[0]);
  std::vector<std::string> kept;
  for (const auto& t : sentences[0].tokens) {
    kept.emplace_back(t.text);
    CHECK(text.substr(t.begin, t.end - t.begin) == t.text);  // offsets still point into the text
  }
  CHECK(kept == V{"Northern", "Telecom", "Ltd", "and", "<", "Delmar", "Capital", "Inc", ">", "signed", ",", "Siemens",
                  "AG", "said", "."});
  // A sentence of markup alone stays as it was.
  auto only = Segment("<NT>");
  REQUIRE(only.size() == 1);
  const size_t tokens = only[0].tokens.size();
  DropStockCodes(&only[0]);
  CHECK(only[0].tokens.size() == tokens);
}
