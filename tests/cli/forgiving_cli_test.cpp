// A command line that forgives mistakes (issue 17): one line in our words for every usage error,
// the closest command, option or value when one was mistyped, exit 2 for all of them; calendar
// dates checked; inputs without articles, binary files and warnings during progress reported
// cleanly; entity suggestions that ignore accents.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.h"
#include "tools/cli/store_writer.h"

using geokg::testing::Contains;
using geokg::testing::JsonLines;
using geokg::testing::RunCli;
using geokg::testing::TempDir;
using geokg::testing::Triples;
using geokg::testing::WriteFile;
using nlohmann::json;

namespace {

size_t Lines(const std::string& text) { return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')); }

constexpr const char* kMeeting = "Norway met Finland in Oslo on Tuesday.";

}  // namespace

TEST_CASE("a usage error is one line in our words, with the closest command or option, and exits 2", "[cli][usage]") {
  auto [args, expected] = GENERATE(table<std::vector<std::string>, std::string>({
      {{"mett", "Putin"}, "geokg: unknown command 'mett'; did you mean 'met'?\n"},
      {{"met", "Putin", "--sinse", "2025"}, "geokg met: unknown option --sinse; did you mean --since?\n"},
      {{"met", "Putin", "--since=2025", "--untill", "2026"},
       "geokg met: unknown option --untill; did you mean --until?\n"},
      {{"--verison"}, "geokg: unknown option --verison; did you mean --version?\n"},
      {{"evidence", "abc"}, "geokg evidence: FACT must be a whole number, not 'abc'\n"},
      {{"export", "--format", "svgg"},
       "geokg export: --format must be dot, svg, png, pdf, graphml, csv, ntriples, jsonl, gdelt or kgtk, not 'svgg'; "
       "did you mean 'svg'?\n"},
      {{"ingest", "--threads", "0"}, "geokg ingest: --threads must be a number from 1 to 256, not '0'\n"},
      {{"rank", "--top", "many"}, "geokg rank: --top must be a whole number of at least 1, not 'many'\n"},
      {{"query", "--relation", "meet,meat"},
       "geokg query: --relation has an unknown relation \"meat\" (see docs/RELATIONS.md); did you mean 'meet'?\n"},
      {{"met", "--no-truncate", "--width", "20"}, "geokg met: --width and --no-truncate cannot be used together\n"},
  }));
  CAPTURE(args);
  auto r = RunCli(args);
  CHECK(r.code == 2);
  CHECK(r.err == expected);
  CHECK(r.out.empty());
}

TEST_CASE("every usage error exits 2 with one line and no help dump", "[cli][usage]") {
  auto args =
      GENERATE(as<std::vector<std::string>>{}, std::vector<std::string>{}, std::vector<std::string>{"frobnicate"},
               std::vector<std::string>{"path", "Putin"}, std::vector<std::string>{"export"},
               std::vector<std::string>{"met", "--db"}, std::vector<std::string>{"met", "--since", "2025-02-31"},
               std::vector<std::string>{"query", "--until", "2025-13"},
               std::vector<std::string>{"extract", "--date", "2025-02-31"},
               std::vector<std::string>{"query", "--min-confidence", "2"},
               std::vector<std::string>{"query", "--min-mentions", "many"},
               std::vector<std::string>{"met", "--modality", "asserted,expectd"},
               std::vector<std::string>{"extract", "--lexicon", "/no/such/lexicon.tsv"},
               std::vector<std::string>{"met", "Xi", "Jinping"});
  CAPTURE(args);
  auto r = RunCli(args);
  CHECK(r.code == 2);
  CHECK(r.err.rfind("geokg", 0) == 0);
  CHECK(Lines(r.err) == 1);
  for (const char* raw : {"is required", "Could not convert", "not expected", "Value ", "Usage:", "[Option"})
    CHECK_FALSE(Contains(r.err, raw));
}

TEST_CASE("help names value types in our words", "[cli][usage]") {
  for (const char* command : {"ingest", "export", "path", "met"}) {
    auto r = RunCli({command, "--help"});
    REQUIRE(r.code == 0);
    CHECK_FALSE(Contains(r.out, "UINT"));
    CHECK_FALSE(Contains(r.out, ":INT"));
    CHECK_FALSE(Contains(r.out, " in ["));
  }
}

TEST_CASE("article dates are checked against the calendar: RFC 3339 and RFC 2822 dates keep their day", "[cli][date]") {
  TempDir dir;
  WriteFile(dir / "dated.jsonl",
            json({{"id", "a"}, {"date", "2025-13-45"}, {"text", kMeeting}}).dump() + "\n" +
                json({{"id", "b"}, {"date", "2025-02-31"}, {"text", kMeeting}}).dump() + "\n" +
                json({{"id", "c"}, {"date", "2025-03-01T10:00:00+02:00"}, {"text", kMeeting}}).dump() + "\n" +
                json({{"id", "d"}, {"date", "Sat, 01 Mar 2025 10:00:00 GMT"}, {"text", kMeeting}}).dump() + "\n");
  auto r = RunCli({"extract", dir / "dated.jsonl"});
  CHECK(r.code == 1);
  CHECK(Contains(
      r.err, "dated.jsonl:1: \"date\" is not a date (YYYY-MM-DD, RFC 3339 or RFC 2822): \"2025-13-45\"; line skipped"));
  CHECK(Contains(r.err, "dated.jsonl:2: \"date\" is not a date"));
  std::vector<std::string> dates;
  for (const json& j : JsonLines(r.out))
    if (j.contains("document"))
      dates.push_back(j["document"]["id"].get<std::string>() + " " + j["document"]["date"].get<std::string>());
  CHECK(dates == std::vector<std::string>{"c 2025-03-01", "d 2025-03-01"});

  SECTION("--date takes the same forms and keeps the day") {
    auto d = RunCli({"extract", "--date", "Sat, 01 Mar 2025 10:00:00 GMT"}, kMeeting);
    REQUIRE(d.code == 0);
    CHECK(JsonLines(d.out).front()["document"]["date"] == "2025-03-01");
  }
}

TEST_CASE("inputs without articles say so and exit 1: ingest leaves no empty store", "[cli][usage]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "empty");
  std::filesystem::create_directories(dir / "pdfs");
  WriteFile(dir / "pdfs/report.pdf", "%PDF-1.4 not an article");
  for (const char* input : {"empty", "pdfs"}) {
    CAPTURE(input);
    auto e = RunCli({"extract", dir / input});
    CHECK(e.code == 1);
    CHECK(Contains(e.err, "geokg: no articles found in " + (dir / input)));
    auto i = RunCli({"ingest", dir / input, "--db", dir / "kg.db"});
    CHECK(i.code == 1);
    CHECK(Contains(i.err, "geokg: no articles found in " + (dir / input)));
    CHECK_FALSE(std::filesystem::exists(dir / "kg.db"));
  }
  SECTION("empty standard input") {
    auto r = RunCli({"extract"}, "");
    CHECK(r.code == 1);
    CHECK(Contains(r.err, "no articles found in standard input"));
  }
  SECTION("a store that exists is kept") {
    WriteFile(dir / "a.txt", kMeeting);
    REQUIRE(RunCli({"ingest", dir / "a.txt", "--db", dir / "kg.db"}).code == 0);
    CHECK(RunCli({"ingest", dir / "empty", "--db", dir / "kg.db"}).code == 1);
    CHECK(std::filesystem::exists(dir / "kg.db"));
  }
}

TEST_CASE("binary files are skipped with one warning each: a binary .jsonl gives one message", "[cli][bad-input]") {
  TempDir dir;
  std::string junk;
  for (int i = 0; i < 20000; ++i) junk.push_back(static_cast<char>((i * 7919 + 13) % 256));
  for (size_t i = 100; i < junk.size(); i += 150) junk[i] = '\n';  // many "lines" in the .jsonl
  WriteFile(dir / "a.txt", kMeeting);
  WriteFile(dir / "image.txt", junk);
  WriteFile(dir / "dump.jsonl", junk);
  auto r = RunCli({"extract", dir.path().string()});
  CHECK(r.code == 1);
  CHECK(Contains(r.err, "image.txt: binary data, not text; skipped"));
  CHECK(Contains(r.err, "dump.jsonl:1: binary data, not JSON Lines; the rest of the file skipped"));
  CHECK(Lines(r.err) == 2);
  CHECK(Triples(r.out).size() >= 1);
  CHECK(JsonLines(r.out).front()["document"]["id"] == "a");
}

TEST_CASE("a warning is printed on a clean line, never after the progress line", "[cli][usage]") {
  std::ostringstream err;
  geokg::cli::Progress progress(err, 10);
  progress.Update(3, 7);
  progress.Warn("geokg: b.txt: binary data, not text; skipped\n");
  const std::string text = err.str();
  const size_t warning = text.find("geokg: b.txt");
  REQUIRE(warning != std::string::npos);
  REQUIRE(warning > 0);
  CHECK(text[warning - 1] == '\r');
  // What the terminal shows: the progress line overwritten with blanks before the warning.
  const std::string shown =
      text.substr(text.rfind('\r', warning - 2) + 1, warning - 1 - text.rfind('\r', warning - 2) - 1);
  CHECK(shown.find_first_not_of(' ') == std::string::npos);
}

TEST_CASE("entity suggestions ignore accents and case", "[cli][query]") {
  TempDir dir;
  WriteFile(dir / "2031-01-05-ankara.txt",
            "Turkish President Recep Tayyip Erdo\xC4\x9F"
            "an met Greek Prime Minister Kyriakos Mitsotakis in Ankara on Tuesday.\n");
  REQUIRE(RunCli({"ingest", dir / "2031-01-05-ankara.txt", "--db", dir / "kg.db"}).code == 0);
  for (const char* typed : {"ERDO\xC4\x9E", "erdo\xC4\x9F", "Erdog"}) {
    CAPTURE(typed);
    auto r = RunCli({"entity", typed, "--db", dir / "kg.db"});
    CHECK(r.code == 1);
    CHECK(Contains(r.err, "did you mean \"Recep Tayyip Erdogan\""));  // the lexicon's canonical spelling
  }
}
