// Issue 19, hostile and unlucky input, end to end: file names that are not UTF-8, inputs that
// never end, hard-wrapped text and foreign line ends, control characters in a lexicon, and the
// JSONL rules (numbers as text, duplicate ids, one file per --lexicon, UTF-16).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <regex>
#include <sstream>
#include <streambuf>
#include <thread>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.h"
#include "tools/cli/cli.h"

using geokg::testing::Contains;
using geokg::testing::JsonLines;
using geokg::testing::RunCli;
using geokg::testing::TempDir;
using geokg::testing::Triples;
using geokg::testing::WriteFile;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// An input that never ends: `head`, then `fill` forever.
class EndlessBuffer : public std::streambuf {
 public:
  EndlessBuffer(std::string head, char fill) : head_(std::move(head)), block_(1 << 16, fill) {
    setg(head_.data(), head_.data(), head_.data() + head_.size());
  }

 protected:
  int_type underflow() override {
    setg(block_.data(), block_.data(), block_.data() + block_.size());
    return traits_type::to_int_type(block_[0]);
  }

 private:
  std::string head_, block_;
};

geokg::testing::CliResult RunWithInput(const std::vector<std::string>& args, std::istream& in) {
  std::ostringstream out, err;
  const int code = geokg::cli::Run(args, in, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("a file name that is not UTF-8 gives a valid UTF-8 document id, with a warning", "[cli]") {
  TempDir dir;
  const std::string latin1 = dir / "Caf\xE9.txt";
  WriteFile(latin1, "Norway hosted Finland for talks in Oslo on Monday.\n");
  auto r = RunCli({"extract", latin1});
  CHECK(r.code == 0);
  const auto triples = Triples(r.out);
  REQUIRE_FALSE(triples.empty());
  CHECK(triples.front()["doc"] == "Caf%E9");
  CHECK(Contains(r.err, "the file name is not UTF-8; document id \"Caf%E9\""));

  const std::string db = dir / "kg.db";
  REQUIRE(RunCli({"ingest", latin1, "--db", db}).code == 0);
  for (const char* format : {"jsonl", "graphml", "ntriples"}) {
    CAPTURE(format);
    CHECK(RunCli({"export", "--db", db, "--format", format}).code == 0);
  }
  const auto exported = JsonLines(RunCli({"export", "--db", db, "--format", "jsonl"}).out);
  REQUIRE_FALSE(exported.empty());
  CHECK(Contains(exported.front().dump(), "Caf%E9"));
}

TEST_CASE("the document size limit holds for devices, pipes and endless standard input", "[cli]") {
  SECTION("a device that never ends") {
    auto r = RunCli({"extract", "--max-document-bytes", "200000", "/dev/zero"});
    CHECK(r.code == 1);  // NUL bytes: binary, so no article
    CHECK(Contains(r.err, "/dev/zero: longer than the limit of 200000 bytes"));
    CHECK(Contains(r.err, "/dev/zero: binary data, not text; skipped"));
  }
  SECTION("endless text on standard input") {
    EndlessBuffer endless("Norway hosted Finland. ", 'a');
    std::istream in(&endless);
    auto r = RunWithInput({"extract", "--max-document-bytes", "100000"}, in);
    CHECK(Contains(r.err, "<stdin>: longer than the limit of 100000 bytes"));
  }
  SECTION("an endless JSONL line on standard input") {
    EndlessBuffer endless("{\"id\":\"a\",\"text\":\"Norway hosted Finland.\"}\n{\"id\":\"b\",\"text\":\"", 'a');
    std::istream in(&endless);
    auto r = RunWithInput({"extract", "--max-document-bytes", "100000"}, in);
    CHECK(r.code == 1);
    CHECK(Contains(r.err, "<stdin>:2: longer than the limit of 100000 bytes"));
    CHECK(Contains(r.out, "\"doc\":\"a\""));
  }
  SECTION("a pipe that keeps writing one JSONL line") {
    TempDir dir;
    const std::string fifo = dir / "feed.jsonl";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    const auto previous = std::signal(SIGPIPE, SIG_IGN);  // the writer learns of the end by EPIPE
    std::thread writer([&] {
      const int fd = ::open(fifo.c_str(), O_WRONLY);
      if (fd < 0) return;
      const std::string line = "{\"id\":\"x\",\"text\":\"";
      (void)!::write(fd, line.data(), line.size());
      const std::string block(1 << 14, 'a');
      while (::write(fd, block.data(), block.size()) > 0) {
      }
      ::close(fd);
    });
    auto r = RunCli({"extract", "--max-document-bytes", "100000", fifo});
    writer.join();
    std::signal(SIGPIPE, previous);
    CHECK(r.code == 1);
    CHECK(Contains(r.err, "feed.jsonl:1: longer than the limit of 100000 bytes"));
  }
}

TEST_CASE("hard-wrapped text reads like unwrapped text, whatever the line ends", "[cli]") {
  TempDir dir;
  const std::string flat =
      "Putin and Modi in Moscow\n\nRussian President Vladimir Putin met Indian Prime Minister Narendra Modi in Moscow "
      "on Monday. Putin invited "
      "Modi to visit Russia again.\n\nIndia will host Russia next year.\n";
  const std::string wrapped =
      "Putin and Modi in Moscow\n\nRussian President Vladimir Putin met Indian Prime Minister\nNarendra Modi in Moscow "
      "on Monday. Putin invited "
      "Modi to\nvisit Russia again.\n\nIndia will host Russia next year.\n";
  auto triples = [&](const std::string& name, const std::string& text) {
    fs::create_directories(dir / name);
    WriteFile(dir / (name + "/article.txt"), text);
    auto r = RunCli({"extract", dir / (name + "/article.txt")});
    REQUIRE(r.code == 0);
    return Triples(r.out);
  };
  const auto expected = triples("flat", flat);
  REQUIRE(expected.size() >= 5);
  CHECK(triples("wrapped", wrapped) == expected);
  auto with_ends = [&](const std::string& end) { return std::regex_replace(wrapped, std::regex("\n"), end); };
  CHECK(triples("crlf", with_ends("\r\n")) == expected);
  CHECK(triples("cr", with_ends("\r")) == expected);

  // Lines that are not wrapped prose stay apart: a list of short items gives no sentence
  // running across them.
  const auto list = triples("list", "Norway\nFinland\nSweden hosted Denmark.\n");
  for (const json& t : list) CHECK(t["subject"]["name"] != "Norway");
}

TEST_CASE("a lexicon line with a NUL or control character is refused with file:line", "[cli]") {
  TempDir dir;
  const std::string text = dir / "in.txt";
  WriteFile(text, "Norway hosted Finland.\n");
  for (const std::string& name :
       {std::string("Bad\0Name", 8), std::string("Bell\x07Name"), std::string("Esc\x1b[2J")}) {
    const std::string lexicon = dir / "people.tsv";
    WriteFile(lexicon, "# people\nperson\tGood Name\nperson\t" + name + "\n");
    auto r = RunCli({"extract", "--lexicon", lexicon, text});
    CHECK(r.code == 1);
    CHECK(Contains(r.err, lexicon + ":3: control character"));
    CHECK(r.out.empty());
  }
}

TEST_CASE("JSONL input rules: numbers as text, duplicate ids, one lexicon per flag, UTF-16", "[cli]") {
  TempDir dir;
  SECTION("a numeric date is read as text like a numeric id, then checked") {
    auto r = RunCli({"extract"}, R"({"id": 5, "date": 20310401, "text": "Norway hosted Finland."})"
                                 "\n"
                                 R"({"id": 6, "date": 2031, "text": "Norway hosted Finland."})"
                                 "\n");
    CHECK(r.code == 1);
    CHECK(Contains(r.err,
                   "<stdin>:1: \"date\" is not a date (YYYY-MM-DD, RFC 3339 or RFC 2822): \"20310401\"; line skipped"));
    CHECK(Contains(r.err,
                   "<stdin>:2: \"date\" is not a date (YYYY-MM-DD, RFC 3339 or RFC 2822): \"2031\"; line skipped"));
    auto fine = RunCli({"extract"}, R"({"id": 7, "title": 2031, "text": "Norway hosted Finland."})"
                                    "\n");
    CHECK(fine.code == 0);
    CHECK(Triples(fine.out).at(0)["doc"] == "7");
  }
  SECTION("a duplicate id in the input is named with both places") {
    const std::string input = dir / "dup.jsonl";
    WriteFile(input, R"({"id": "a", "text": "Norway hosted Finland."})"
                     "\n"
                     R"({"id": "b", "text": "Sweden hosted Denmark."})"
                     "\n"
                     R"({"id": "a", "text": "Norway hosted Estonia."})"
                     "\n");
    auto r = RunCli({"ingest", input, "--db", dir / "kg.db"});
    CHECK(r.code == 0);
    CHECK(Contains(r.err, input + ":3: id \"a\" already given at " + input + ":1; this article replaces that one"));
  }
  SECTION("--lexicon takes one file; the next argument is an input") {
    const std::string lexicon = dir / "extra.tsv", input = dir / "in.jsonl";
    WriteFile(lexicon, "country\tFreedonia\tcode=FRD\n");
    WriteFile(input, R"({"id": "a", "text": "Freedonia hosted Finland."})"
                     "\n");
    auto r = RunCli({"extract", "--lexicon", lexicon, input});
    CHECK(r.code == 0);
    CHECK(Contains(r.out, "Freedonia"));
  }
  SECTION("UTF-16 input is named as such, not as invalid UTF-8") {
    const std::string input = dir / "wide.txt";
    std::string utf16 = "\xFF\xFE";
    for (char c : std::string("Norway hosted Finland.")) utf16 += {c, '\0'};
    WriteFile(input, utf16);
    auto r = RunCli({"extract", input});
    CHECK(r.code == 1);
    CHECK(Contains(r.err, input + ": UTF-16 is not supported, convert to UTF-8"));
    CHECK_FALSE(Contains(r.err, "invalid UTF-8"));
    auto piped = RunCli({"extract"}, "\xFE\xFF" + std::string("\0N\0o", 4));
    CHECK(piped.code == 1);
    CHECK(Contains(piped.err, "<stdin>: UTF-16 is not supported"));
  }
}
