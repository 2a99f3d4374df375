// Issue 19, the store's side of "nothing lost in silence", end to end: a damaged write-ahead
// log is refused rather than silently cut, `geokg repair` keeps what came before the damage, and
// an ingest that fills the disk stops with a summary; in each case re-running the same ingest
// ends with exactly the store an undisturbed one gives.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "extract/document_reader.h"
#include "extract/extractor.h"
#include "store/store.h"
#include "tests/support/run_cli.h"

using geokg::testing::Contains;
using geokg::testing::RunCli;
using geokg::testing::TempDir;
using geokg::testing::WriteFile;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// `n` short articles, each with a meeting or a visit between two of a few countries.
std::string Articles(int n, const std::string& prefix = "g") {
  static const char* kCountries[] = {"Norway", "Finland", "Sweden", "Denmark", "Estonia", "Latvia", "Poland"};
  std::string out;
  for (int i = 0; i < n; ++i) {
    const std::string a = kCountries[i % 7], b = kCountries[(i / 7 + i + 1) % 7];
    out += json{{"id", prefix + "-" + std::to_string(i)},
                {"date", "2031-04-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1)},
                {"text", a + " hosted " + b + " for talks on trade on Monday. The ministers of " + a + " and " + b +
                             " met again in the evening, article " + std::to_string(i) + "."}}
               .dump() +
           "\n";
  }
  return out;
}

json Stats(const std::string& db) {
  auto r = RunCli({"stats", "--db", db, "--format", "json"});
  return r.code == 0 ? json::parse(r.out) : json();
}

std::vector<fs::path> LogFiles(const fs::path& db) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(db))
    if (entry.path().extension() == ".log") out.push_back(entry.path());
  return out;
}

// Sets an environment variable for the life of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) { setenv(name, value.c_str(), 1); }
  ~ScopedEnv() { unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
};

}  // namespace

TEST_CASE("a damaged write-ahead log is refused, and repair keeps what was written before the damage", "[cli][store]") {
  TempDir dir;
  const std::string input = dir / "in.jsonl", live = dir / "live.db", crashed = dir / "crashed.db";
  WriteFile(input, Articles(300));
  {
    // A writer that has written everything to its log and not yet flushed: copying its
    // directory now gives what a kill would leave.
    auto extractor = geokg::extract::Extractor::Create({}).value();
    auto store = geokg::store::Store::Open(live, {}).value();
    std::istringstream none;
    auto read = geokg::extract::ReadDocuments(
        std::vector<std::string>{input}, none, {},
        [&](geokg::Document&& d) { return store->PutDocument(d, extractor->Extract(d)).status(); },
        [](const geokg::Status&) {});
    REQUIRE(read.ok());
    fs::copy(live, crashed, fs::copy_options::recursive);
  }
  std::vector<fs::path> logs = LogFiles(crashed);
  REQUIRE(logs.size() == 1);
  {
    const auto size = fs::file_size(logs.front());
    REQUIRE(size > 20000);
    std::fstream log(logs.front(), std::ios::in | std::ios::out | std::ios::binary);
    log.seekp(static_cast<std::streamoff>(size / 2));
    log.write("\xde\xad\xbe\xef\xde\xad\xbe\xef", 8);
  }

  auto refused = RunCli({"stats", "--db", crashed});
  CHECK(refused.code == 1);
  CHECK(Contains(refused.err, crashed + ": the write-ahead log is damaged"));
  CHECK(Contains(refused.err, "geokg repair --db " + crashed));
  CHECK(std::count(refused.err.begin(), refused.err.end(), '\n') == 1);
  CHECK(RunCli({"verify", "--db", crashed}).code == 1);
  CHECK(RunCli({"ingest", input, "--db", crashed}).code == 1);

  auto repaired = RunCli({"repair", "--db", crashed});
  REQUIRE(repaired.code == 0);
  std::smatch m;
  REQUIRE(std::regex_search(repaired.err, m, std::regex(R"((\d+) documents kept, (\d+) dropped)")));
  const int kept = std::stoi(m[1]), dropped = std::stoi(m[2]);
  CHECK(kept > 0);
  CHECK(dropped > 0);
  CHECK(kept + dropped == 300);
  CHECK(Stats(crashed)["documents"] == kept);
  CHECK(RunCli({"verify", "--db", crashed}).code == 0);

  // Ingesting the same input again adds exactly the dropped ones.
  auto resumed = RunCli({"ingest", input, "--db", crashed});
  CHECK(resumed.code == 0);
  std::string counts = "(";  // appended, not concatenated: GCC 12 warns (-Wrestrict) on "(" + ...
  counts += std::to_string(dropped) + " new, " + std::to_string(kept) + " unchanged";
  CHECK(Contains(resumed.err, counts));
  const std::string reference = dir / "reference.db";
  REQUIRE(RunCli({"ingest", input, "--db", reference}).code == 0);
  CHECK(Stats(crashed) == Stats(reference));
  CHECK(RunCli({"export", "--db", crashed, "--format", "jsonl"}).out ==
        RunCli({"export", "--db", reference, "--format", "jsonl"}).out);
}

TEST_CASE("an ingest that fills the disk stops cleanly, says so, and the same command finishes it later",
          "[cli][store]") {
  TempDir dir;
  const std::string input = dir / "in.jsonl";
  WriteFile(input, Articles(40));
  const std::string reference = dir / "reference.db";
  REQUIRE(RunCli({"ingest", input, "--db", reference}).code == 0);
  const std::regex full(
      "^geokg: disk full while writing (.*): (\\d+) documents stored, the rest not; free space "
      "and run the same command again\n$");
  int before_any = 0, midway = 0, at_close = 0;
  // Disks of growing size (a new store alone takes a few hundred KiB, mostly RocksDB's options
  // files): the disk fills while the store is created, in the middle of the ingest, in the
  // close's flush, or never. Whatever happens is said, and nothing stored is lost.
  for (int kib = 256;; kib += 8) {
    REQUIRE(kib < 2048);
    CAPTURE(kib);
    const std::string db = dir / ("disk-" + std::to_string(kib) + ".db");
    geokg::testing::CliResult r;
    {
      const ScopedEnv budget("GEOKG_TEST_DISK_BUDGET", std::to_string(kib * 1024));
      r = RunCli({"ingest", input, "--db", db});
    }
    CAPTURE(r.err);
    if (r.code == 0) {
      // Exit 0 means everything reached table files: no log is left holding data.
      for (const fs::path& log : LogFiles(db)) CHECK(fs::file_size(log) == 0);
      CHECK(Stats(db) == Stats(reference));
      break;
    }
    CHECK(r.code == 1);
    std::smatch m;
    REQUIRE(std::regex_match(r.err, m, full));
    CHECK(m[1] == db);
    if (!fs::exists(db)) continue;  // full before the store existed
    const int stored = std::stoi(m[2]);
    ++(stored == 0 ? before_any : stored == 40 ? at_close : midway);
    CHECK(Stats(db)["documents"] == stored);
    CHECK(RunCli({"verify", "--db", db}).code == 0);
    CHECK(RunCli({"ingest", input, "--db", db}).code == 0);
    CHECK(Stats(db) == Stats(reference));
  }
  CHECK(midway > 0);
  CHECK(at_close > 0);
}
