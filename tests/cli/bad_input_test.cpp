// The bad-input matrix of issue 8, end to end: for each hostile input or hard fault, no crash, one
// line naming the file (and line) and the problem, the documented exit code, nothing
// half-written, and the rest of the input processed. Cases already covered by cli_test.cpp
// (missing file, empty file, invalid UTF-8, a malformed JSONL line, a directory that is not a
// store, a missing parent directory) are not repeated here.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <streambuf>

#include <nlohmann/json.hpp>

#include "store/store.h"
#include "tests/support/raw_store.h"
#include "tests/support/run_cli.h"

using geokg::testing::ReadFile;
using geokg::testing::RunCli;
using geokg::testing::TempDir;
using geokg::testing::Triples;
using geokg::testing::WriteFile;
using nlohmann::json;

namespace {

bool HasTriple(const std::string& jsonl, const std::string& s, const std::string& r, const std::string& o) {
  for (const json& t : Triples(jsonl))
    if (t["subject"]["name"] == s && t["relation"] == r && t["object"]["name"] == o) return true;
  return false;
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The number of documents the store at `db` holds, through the CLI.
int StoredDocuments(const std::string& db) {
  auto r = RunCli({"stats", "--db", db, "--format", "json"});
  REQUIRE(r.code == 0);
  return json::parse(r.out)["documents"].get<int>();
}

// Runs the real binary through /bin/sh with `setup` (shell commands) before it; returns its exit
// status, with stderr in `*err`.
int RunBinary(const TempDir& dir, const std::string& setup, const std::string& args, std::string* err) {
  const std::string command = setup + " exec '" + std::string(GEOKG_BINARY) + "' " + args + " >'" + (dir / "out") +
                              "' 2>'" + (dir / "err") + "'";
  const int status = std::system(("/bin/sh -c \"" + command + "\"").c_str());
  *err = ReadFile(dir / "err");
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

constexpr const char* kMeeting = "Norway met Finland in Oslo on Tuesday.";

}  // namespace

TEST_CASE("binary junk is skipped as not text, never stored as an article", "[cli][bad-input]") {
  TempDir dir;
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919 + 13) % 256));
  WriteFile(dir / "junk.txt", junk);
  auto r = RunCli({"extract", dir / "junk.txt"});
  CHECK(r.code == 1);
  CHECK(Contains(r.err, "junk.txt: binary data, not text; skipped"));
  CHECK(r.out.empty());
}

TEST_CASE("overlong, surrogate and out-of-range UTF-8 and NUL bytes are replaced and the prose around them is read",
          "[cli][bad-input]") {
  auto [name, bad] = GENERATE(table<std::string, std::string>({
      {"overlong slash", "\xC0\xAF"},
      {"overlong three-byte", "\xE0\x80\xAF"},
      {"overlong four-byte", "\xF0\x80\x80\xAF"},
      {"surrogate", "\xED\xA0\x80"},
      {"above U+10FFFF", "\xF4\x90\x80\x80"},
      {"lone continuation", "\x80"},
      {"NUL", std::string(1, '\0')},
  }));
  CAPTURE(name);
  TempDir dir;
  WriteFile(dir / "a.txt", "Talks\n\nThe minister" + bad + " spoke. " + kMeeting + "\n" + bad);
  auto r = RunCli({"extract", dir / "a.txt"});
  CHECK(r.code == 0);
  CHECK(Contains(r.err, "a.txt: invalid UTF-8 at byte 19, replaced by U+FFFD"));
  CHECK(HasTriple(r.out, "Norway", "meet", "Finland"));
}

TEST_CASE("a NUL escaped inside a JSONL text is kept as text and escaped again on output", "[cli][bad-input]") {
  auto r = RunCli({"extract"}, R"({"id":"nul","text":"Sweden\u0000 said so. )" + std::string(kMeeting) + "\"}\n");
  CHECK(r.code == 0);
  CHECK(HasTriple(r.out, "Norway", "meet", "Finland"));
}

TEST_CASE("a 50 MB single line is cut or skipped at the document limit and the rest is read", "[cli][bad-input]") {
  TempDir dir;
  std::string line;
  line.reserve(50u << 20);
  while (line.size() < (50u << 20)) line += "Atlantis talks with the council of the islands ";
  SECTION("a .txt article is cut to --max-document-bytes, with a warning") {
    WriteFile(dir / "long.txt", kMeeting + std::string(" ") + line);
    auto r = RunCli({"extract", "--max-document-bytes", "100000", dir / "long.txt"});
    CHECK(r.code == 0);
    CHECK(Contains(r.err, "long.txt: longer than the limit of 100000 bytes (--max-document-bytes); only the first"));
    CHECK(Contains(r.err, "document \"long\": 1 sentence(s) over the limit"));
    CHECK(HasTriple(r.out, "Norway", "meet", "Finland"));
  }
  SECTION("a JSONL line over the limit is skipped by number and the next line is read") {
    WriteFile(dir / "feed.jsonl",
              R"({"id":"long","text":")" + line + "\"}\n" + R"({"id":"ok","text":")" + kMeeting + "\"}\n");
    auto r = RunCli({"extract", dir / "feed.jsonl"});
    CHECK(r.code == 1);
    CHECK(Contains(r.err, "feed.jsonl:1: longer than the limit of 8388608 bytes (--max-document-bytes); line skipped"));
    CHECK(HasTriple(r.out, "Norway", "meet", "Finland"));
  }
}

TEST_CASE("a 1 MB sentence without punctuation is skipped with a warning naming the document", "[cli][bad-input]") {
  TempDir dir;
  std::string run_on;
  while (run_on.size() < (1u << 20)) run_on += "delegates from Atlantis kept talking ";
  WriteFile(dir / "runon.txt",
            "Talks\n\n" + std::string(kMeeting) + "\n\n" + run_on + "\n\nSweden hosted Denmark in Stockholm.\n");
  auto r = RunCli({"extract", dir / "runon.txt"});
  CHECK(r.code == 0);
  CHECK(r.err ==
        "geokg: document \"runon\": 1 sentence(s) over the limit of 400 tokens or 8192 bytes skipped "
        "(--max-sentence-tokens, --max-sentence-bytes)\n");
  CHECK(HasTriple(r.out, "Norway", "meet", "Finland"));
  CHECK(HasTriple(r.out, "Sweden", "host", "Denmark"));
  SECTION("the limits are options") {
    // A sentence over both default limits but far shorter, so that reading it stays quick under
    // the sanitizers: what is shown is that the options move the limits.
    WriteFile(dir / "long.txt", "Talks\n\n" + run_on.substr(0, 20000) + "\n");
    CHECK(RunCli({"extract", dir / "long.txt"}).err != "");
    auto loose =
        RunCli({"extract", "--max-sentence-tokens", "100000", "--max-sentence-bytes", "100000", dir / "long.txt"});
    CHECK(loose.code == 0);
    CHECK(loose.err.empty());
    CHECK(RunCli({"extract", "--max-sentence-tokens", "0", dir / "runon.txt"}).code == 2);
  }
}

TEST_CASE("deeply nested, huge and ill-typed JSON lines are skipped or read by their known fields",
          "[cli][bad-input]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  std::string many_fields;
  for (int i = 0; i < 20000; ++i) many_fields += ",\"f" + std::to_string(i) + "\":" + std::to_string(i);
  const std::string feed =
      R"({"id":"deep","text":"Norway met Finland.","extra":)" + deep + "}\n" +
      R"({"id":"wide","text":"Sweden hosted Denmark.")" + many_fields + "}\n" + std::string(200000, '[') + "\n" +
      R"({"id":{"a":1},"text":"x"})" + "\n" + R"({"id":"t","text":42})" + "\n" +
      R"({"id":"u","text":"x","title":["a"]})" + "\n" + R"({"id":"v","text":"x","url":false})" + "\n" +
      R"({"id":"","text":"x"})" + "\n" + R"(["id","text"])" + "\n" +
      R"({"id":"known","text":"Estonia accused Latvia of spying.","mood":"unknown field","tags":[1,{"x":null}]})" +
      "\n";
  auto r = RunCli({"extract"}, feed);
  CHECK(r.code == 1);
  CHECK(HasTriple(r.out, "Norway", "meet", "Finland"));
  CHECK(HasTriple(r.out, "Sweden", "host", "Denmark"));
  CHECK(HasTriple(r.out, "Estonia", "accuse", "Latvia"));
  for (const char* problem :
       {"<stdin>:3: not valid JSON (or not UTF-8); line skipped",
        "<stdin>:4: \"id\" is neither a string nor an integer; line skipped",
        "<stdin>:5: \"text\" is not a string; line skipped",
        "<stdin>:6: \"title\" is neither a string nor an integer; line skipped",
        "<stdin>:7: \"url\" is neither a string nor an integer; line skipped",
        "<stdin>:8: \"id\" is empty; line skipped", "<stdin>:9: not a JSON object; line skipped"}) {
    CAPTURE(problem);
    CHECK(Contains(r.err, problem));
  }
}

TEST_CASE("files in a directory that cannot be read are named and skipped, the others are read", "[cli][bad-input]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "in/sub");
  WriteFile(dir / "in/sub/good.txt", kMeeting);
  std::filesystem::create_symlink(dir / "nowhere.txt", dir / "in/dangling.txt");
  REQUIRE(mkfifo((dir / "in/pipe.jsonl").c_str(), 0600) == 0);
  WriteFile(dir / "in/locked.txt", "Sweden hosted Denmark.");
  std::filesystem::permissions(dir / "in/locked.txt", std::filesystem::perms::none);
  const std::string db = dir / "kg.db";
  auto r = RunCli({"ingest", dir / "in", "--db", db});
  CHECK(r.code == 1);
  CHECK(Contains(r.err, "dangling.txt: not a regular file; skipped"));
  CHECK(Contains(r.err, "pipe.jsonl: not a regular file; skipped"));
  // root reads any file, so the permission case shows only for other users.
  if (geteuid() != 0) CHECK(Contains(r.err, "locked.txt: cannot open file"));
  const int readable = geteuid() == 0 ? 2 : 1;
  CHECK(Contains(r.err, std::to_string(readable) + " new"));
  CHECK(StoredDocuments(db) == readable);
}

TEST_CASE("a store of a newer schema is refused and left as it was", "[cli][bad-input][store]") {
  TempDir dir;
  const std::string db = dir / "kg.db";
  WriteFile(dir / "a.txt", kMeeting);
  REQUIRE(RunCli({"ingest", dir / "a.txt", "--db", db}).code == 0);
  geokg::testing::SetSchema(db, "99");
  WriteFile(dir / "b.txt", "Sweden hosted Denmark.");
  for (const std::string command : {"ingest", "stats"}) {
    CAPTURE(command);
    auto r = command == "ingest" ? RunCli({"ingest", dir / "b.txt", "--db", db}) : RunCli({"stats", "--db", db});
    CHECK(r.code == 1);
    CHECK(Contains(r.err, "store schema 99, this geokg reads schemas 4 and 5"));
    CHECK(r.out.empty());
  }
}

TEST_CASE("a store another process is writing is refused, and it stays intact", "[cli][bad-input][store]") {
  TempDir dir;
  const std::string db = dir / "kg.db";
  WriteFile(dir / "a.txt", kMeeting);
  auto writer = geokg::store::Store::Open(db, {}).value();
  std::string err;
  CHECK(RunBinary(dir, "", "ingest '" + (dir / "a.txt") + "' --db '" + db + "'", &err) == 1);
  CHECK(err == "geokg: " + db + ": store is in use by another process\n");
  writer.reset();
  CHECK(StoredDocuments(db) == 0);
  CHECK(RunCli({"ingest", dir / "a.txt", "--db", db}).code == 0);
}

TEST_CASE("a full disk stops the ingest with a message, and what was stored stays readable",
          "[cli][bad-input][store]") {
  TempDir dir;
  const std::string db = dir / "kg.db";
  WriteFile(dir / "first.txt", kMeeting);
  REQUIRE(RunCli({"ingest", dir / "first.txt", "--db", db}).code == 0);
  // Many articles, each with its own sentences, so that the write-ahead log outgrows the limit.
  std::filesystem::create_directories(dir / "many");
  for (int i = 0; i < 400; ++i) {
    std::string text;
    for (int k = 0; k < 20; ++k) text += "Norway met Finland in Oslo for round " + std::to_string(i * 100 + k) + ". ";
    WriteFile(dir / ("many/" + std::to_string(1000 + i) + ".txt"), text);
  }
  // A file size limit makes every write past 256 KiB fail with EFBIG, as a full disk fails with
  // ENOSPC; ignoring SIGXFSZ turns the signal into that error.
  std::string err;
  const int code =
      RunBinary(dir, "trap '' XFSZ; ulimit -f 512;", "ingest '" + (dir / "many") + "' --db '" + db + "'", &err);
  CHECK(code == 1);
  CHECK(Contains(err, "geokg: " + db));
  CHECK(std::count(err.begin(), err.end(), '\n') == 1);
  const int stored = StoredDocuments(db);
  CHECK(stored >= 1);
  CHECK(stored < 401);
  auto met = RunCli({"met", "Norway", "--db", db});
  CHECK(met.code == 0);
  CHECK(Contains(met.out, "Finland"));
}

namespace {

// Standard input that sends this process SIGINT once the first line has been read, as a user's
// Ctrl-C would during a long ingest.
class InterruptingInput : public std::streambuf {
 public:
  explicit InterruptingInput(std::vector<std::string> lines) : lines_(std::move(lines)) {}

 protected:
  int_type underflow() override {
    if (next_ == lines_.size()) return traits_type::eof();
    if (next_ == 1) std::raise(SIGINT);
    current_ = lines_[next_++];
    setg(current_.data(), current_.data(), current_.data() + current_.size());
    return traits_type::to_int_type(current_[0]);
  }

 private:
  std::vector<std::string> lines_;
  size_t next_ = 0;
  std::string current_;
};

}  // namespace

TEST_CASE("SIGINT during an ingest stops after the current article with a summary and exit 130",
          "[cli][bad-input][store]") {
  TempDir dir;
  const std::string db = dir / "kg.db";
  struct sigaction before = {};
  REQUIRE(sigaction(SIGINT, nullptr, &before) == 0);
  InterruptingInput buffer({R"({"id":"one","text":"Norway met Finland in Oslo."})"
                            "\n",
                            R"({"id":"two","text":"Sweden hosted Denmark."})"
                            "\n",
                            R"({"id":"three","text":"Estonia accused Latvia of spying."})"
                            "\n"});
  std::istream in(&buffer);
  std::ostringstream out, err;
  const int code = geokg::cli::Run({"ingest", "-", "--db", db}, in, out, err);
  CHECK(code == 130);
  CHECK(err.str().rfind("geokg: interrupted; ingested 1 documents into " + db + " (1 new, 0 unchanged, 0 replaced",
                        0) == 0);
  CHECK(StoredDocuments(db) == 1);
  struct sigaction after = {};
  REQUIRE(sigaction(SIGINT, nullptr, &after) == 0);
  CHECK(after.sa_handler == before.sa_handler);
  SECTION("the next ingest goes on where it stopped") {
    const std::string rest = R"({"id":"one","text":"Norway met Finland in Oslo."})"
                             "\n"
                             R"({"id":"two","text":"Sweden hosted Denmark."})"
                             "\n";
    auto r = RunCli({"ingest", "-", "--db", db}, rest);
    CHECK(r.code == 0);
    CHECK(Contains(r.err, "(1 new, 1 unchanged"));
    CHECK(StoredDocuments(db) == 2);
  }
}
