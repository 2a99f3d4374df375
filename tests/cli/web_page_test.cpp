// Saved web pages in (issue 17): .html/.htm files, a JSONL "html" field and standard input are
// read with an HTML5 parser; each page gives its title, date, canonical URL and source, and
// only its article's paragraphs are extracted from. Pages under tests/data/web/ are ours,
// imitating the layouts of news sites.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.h"
#include "tests/support/shared_data.h"

using geokg::testing::Contains;
using geokg::testing::HasTriple;
using geokg::testing::JsonLines;
using geokg::testing::ReadFile;
using geokg::testing::RunCli;
using geokg::testing::TempDir;
using geokg::testing::Triples;
using geokg::testing::WriteFile;
using nlohmann::json;

namespace {

std::string Page(const std::string& name) { return geokg::testing::Fixture("web/" + name); }

// The document line of `geokg extract` output (the first).
json DocumentOf(const std::string& out) {
  for (const json& j : JsonLines(out))
    if (j.contains("document")) return j["document"];
  return json();
}

// Whether any triple names `word` in a party or its evidence: what the page's furniture says
// must not become facts.
bool Mentions(const std::vector<json>& triples, const std::string& word) {
  for (const json& t : triples)
    if (Contains(t.dump(), word)) return true;
  return false;
}

}  // namespace

TEST_CASE("a page with its article in nested divs gives its metadata and only the article's facts", "[cli][web]") {
  auto r = RunCli({"extract", Page("2031-04-07-oslo-pact.html")});
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  const json doc = DocumentOf(r.out);
  CHECK(doc["id"] == "2031-04-07-oslo-pact");
  CHECK(doc["title"] == "Norway and Finland sign Arctic fisheries pact in Oslo");
  CHECK(doc["date"] == "2031-04-07");
  CHECK(doc["url"] == "https://example.org/news/world/article/31337/oslo-pact");
  CHECK(doc["source"] == "North Post");
  const auto triples = Triples(r.out);
  CHECK(HasTriple(triples, "Norway", "host", "Finland"));
  CHECK(HasTriple(triples, "Sweden", "accuse", "Norway"));
  // Navigation, caption, related links, sidebar, footer headlines, cookie banner and scripts.
  for (const char* furniture : {"Kenya", "Ghana", "Egypt", "Chile", "Japan", "India", "Turkey", "Argentina", "Canada",
                                "cookies", "newsletter", "Share this", "Advertisement"})
    CHECK_FALSE(Mentions(triples, furniture));
}

TEST_CASE("a page's triples equal those of its article given as .txt", "[cli][web]") {
  auto page = RunCli({"extract", Page("2031-04-07-oslo-pact.html")});
  auto text = RunCli({"extract", Page("2031-04-07-oslo-pact.txt")});
  REQUIRE(page.code == 0);
  REQUIRE(text.code == 0);
  REQUIRE(!Triples(text.out).empty());
  CHECK(Triples(page.out) == Triples(text.out));
}

TEST_CASE("a page with a headline footer and <time> gives the date of its article, not of the links", "[cli][web]") {
  auto r = RunCli({"extract", Page("2031-05-12-bbc-like.html")});
  REQUIRE(r.code == 0);
  const json doc = DocumentOf(r.out);
  CHECK(doc["title"] == "Kenya and Ghana agree to open their markets");  // <title> without " - World Desk"
  CHECK(doc["date"] == "2031-05-12");
  CHECK(doc["source"] == "World Desk");
  CHECK(doc["url"] == "https://example.org/news/world-africa-1234");
  const auto triples = Triples(r.out);
  CHECK(HasTriple(triples, "Kenya", "host", "Ghana"));
  for (const char* furniture : {"Chile", "Japan", "Egypt", "Turkey", "India", "Argentina"})
    CHECK_FALSE(Mentions(triples, furniture));
}

TEST_CASE("a page whose metadata is only in JSON-LD gives its date, URL and publisher", "[cli][web]") {
  auto r = RunCli({"extract", Page("wire-jsonld.html")});
  REQUIRE(r.code == 0);
  const json doc = DocumentOf(r.out);
  CHECK(doc["title"] == "Brazil and Argentina pledge to cut tariffs");
  CHECK(doc["date"] == "2031-06-01");  // 09:15 in Tokyo's offset: the day as written
  CHECK(doc["url"] == "https://example.org/world/americas/brazil-argentina-tariffs-2031-06-01/");
  CHECK(doc["source"] == "Wire Service");
  const auto triples = Triples(r.out);
  CHECK(HasTriple(triples, "Brazil", "host", "Argentina"));
  CHECK_FALSE(Mentions(triples, "Chile"));
  CHECK_FALSE(Mentions(triples, "Advertisement"));
}

TEST_CASE("a page declared in ISO-8859-1 is converted to UTF-8 as browsers read it", "[cli][web]") {
  auto r = RunCli({"extract", Page("2031-07-04-besancon-latin1.html")});
  REQUIRE(r.code == 0);
  CHECK(DocumentOf(r.out)["title"] == "Leaders meet in Besan\xC3\xA7on");
  const auto triples = Triples(r.out);
  REQUIRE(!triples.empty());
  CHECK(HasTriple(triples, "France", "host", "Switzerland"));
  CHECK_FALSE(Mentions(triples, "\xEF\xBF\xBD"));  // no U+FFFD: every byte converted
  // windows-1252's curly quotes (0x93, 0x94), which ISO-8859-1 proper lacks.
  CHECK(Contains(r.out,
                 "\xE2\x80\x9C"
                 "frank and useful"
                 "\xE2\x80\x9D"));
}

TEST_CASE("a page in a character set that cannot be converted is refused by name, the rest is read", "[cli][web]") {
  TempDir dir;
  WriteFile(dir / "klingon.html",
            "<html><head><meta charset=\"x-klingon\"></head><body><p>Norway met Finland in Oslo.</p></body></html>");
  std::filesystem::copy_file(Page("2031-05-12-bbc-like.html"), dir / "kenya.html");
  auto r = RunCli({"extract", dir.path().string()});
  CHECK(r.code == 1);
  CHECK(Contains(r.err, "klingon.html: declares the character set \"x-klingon\", which cannot be converted to UTF-8"));
  CHECK(HasTriple(Triples(r.out), "Kenya", "host", "Ghana"));
}

TEST_CASE("a directory of web pages is ingested: .htm, a JSONL html field and standard input are pages too",
          "[cli][web]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "pages");
  std::filesystem::copy_file(Page("2031-05-12-bbc-like.html"), dir / "pages/kenya.HTM");
  std::filesystem::copy_file(Page("wire-jsonld.html"), dir / "pages/brazil.html");
  auto ingest = RunCli({"ingest", dir / "pages", "--db", dir / "kg.db"});
  REQUIRE(ingest.code == 0);
  auto stats = RunCli({"stats", "--db", dir / "kg.db", "--format", "json"});
  CHECK(json::parse(stats.out)["documents"] == 2);

  SECTION("a JSONL html field: the line's own fields win over the page's") {
    json line = {{"id", "p1"}, {"html", ReadFile(Page("2031-04-07-oslo-pact.html"))}, {"source", "Our Archive"}};
    WriteFile(dir / "pages.jsonl", line.dump() + "\n");
    auto r = RunCli({"extract", dir / "pages.jsonl"});
    REQUIRE(r.code == 0);
    const json doc = DocumentOf(r.out);
    CHECK(doc["id"] == "p1");
    CHECK(doc["title"] == "Norway and Finland sign Arctic fisheries pact in Oslo");
    CHECK(doc["source"] == "Our Archive");
    CHECK(doc["date"] == "2031-04-07");
    CHECK(HasTriple(Triples(r.out), "Norway", "host", "Finland"));
  }
  SECTION("standard input that starts with '<'") {
    auto r = RunCli({"extract"}, ReadFile(Page("wire-jsonld.html")));
    REQUIRE(r.code == 0);
    CHECK(DocumentOf(r.out)["source"] == "Wire Service");
    CHECK(HasTriple(Triples(r.out), "Brazil", "host", "Argentina"));
  }
}

TEST_CASE("a page that nests elements thousands deep is read, and one deeper than any article is refused quickly",
          "[cli][web]") {
  TempDir dir;
  auto nested = [](int depth) {
    std::string page = "<html><body>";
    for (int i = 0; i < depth; ++i) page += "<div><img src=x><br>";
    return page + "<p>Norway met Finland in Oslo on Tuesday.</p></body></html>";
  };
  WriteFile(dir / "deep.html", nested(4000));
  auto r = RunCli({"extract", dir / "deep.html"});
  CHECK(r.code == 0);
  CHECK(HasTriple(Triples(r.out), "Norway", "meet", "Finland"));
  // 8 MiB of <div> would keep the HTML5 parser busy for hours.
  WriteFile(dir / "deeper.html", nested(300000));
  auto refused = RunCli({"extract", dir / "deeper.html"});
  CHECK(refused.code == 1);
  CHECK(Contains(refused.err, "deeper.html: nests elements more than 5000 deep, which no article page does; skipped"));
}

// The seed article (../shared, not ours, so not committed) saved as a web page of our own making:
// its paragraphs inside a news site's layout, between furniture that must not count.
TEST_CASE("the seed article as a web page gives the same triples as the seed text", "[cli][web][shared]") {
  GEOKG_REQUIRE_SHARED(seed, "seeds/000_fa6316789514db15.txt");
  const std::string text = ReadFile(seed.string());
  std::istringstream lines(text);
  std::string title, line;
  std::getline(lines, title);
  std::string body;
  auto escape = [](const std::string& s) {
    std::string out;
    for (char c : s) out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
    return out;
  };
  while (std::getline(lines, line))
    if (!line.empty())
      body += "<div class=\"para\"><p>" + escape(line) + "</p></div>\n<div class=\"ad\"><p>Advertisement</p></div>\n";
  const std::string page =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta property=\"og:title\" content=\"" + escape(title) +
      "\"><meta property=\"og:site_name\" content=\"Seed Post\"></head><body><nav><a href=\"/\">Home</a></nav>"
      "<article><h1>" +
      escape(title) + "</h1><div class=\"body\">" + body +
      "</div></article><footer><ul><li><a href=\"/1\">Japan sanctions Brazil over trade row</a></li>"
      "<li><a href=\"/2\">Chile accuses Peru of border incursion</a></li></ul></footer></body></html>";
  TempDir dir;
  WriteFile(dir / "000_fa6316789514db15.html", page);
  auto from_page = RunCli({"extract", dir / "000_fa6316789514db15.html"});
  auto from_text = RunCli({"extract", seed.string()});
  REQUIRE(from_page.code == 0);
  REQUIRE(from_text.code == 0);
  REQUIRE(!Triples(from_text.out).empty());
  CHECK(Triples(from_page.out) == Triples(from_text.out));
}

TEST_CASE("a page whose text grows past the size limit in conversion is cut at a character", "[cli][web]") {
  TempDir dir;
  // 3000 bytes of ISO-8859-1 'é' are 6000 bytes of UTF-8.
  WriteFile(dir / "long.html", "<meta charset=\"iso-8859-1\"><p>Norway met Finland in Oslo on Tuesday. " +
                                   std::string(3000, '\xE9') + ".</p>");
  auto r = RunCli({"extract", "--max-document-bytes", "4000", dir / "long.html"});
  CHECK(r.code == 0);
  CHECK(Contains(r.err,
                 "long.html: the page's text is longer than the limit of 4000 bytes (--max-document-bytes); "
                 "only the first 3999 bytes are read"));
  CHECK(HasTriple(Triples(r.out), "Norway", "meet", "Finland"));
}

TEST_CASE("a page in a legacy character set of mostly non-ASCII letters is text, not binary", "[cli][web]") {
  TempDir dir;
  // windows-1251 Cyrillic: every letter a byte that is not UTF-8.
  std::string cyrillic;
  for (int i = 0; i < 2000; ++i) cyrillic += static_cast<char>(i % 7 == 6 ? ' ' : '\xE0' + i % 32);
  WriteFile(dir / "ru.html",
            "<meta charset=\"windows-1251\"><p>" + cyrillic + ".</p><p>Norway met Finland in Oslo on Tuesday.</p>");
  auto r = RunCli({"extract", dir / "ru.html"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(Contains(r.out, "Norway met Finland"));
}
