#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/support/run_cli.h"

using geokg::testing::Contains;
using geokg::testing::ReadFile;
using geokg::testing::TempDir;
using geokg::testing::WriteFile;

namespace {

// Our own articles and gold triples: enough for geokg-train-relations to find labelled pairs.
const char* kArticles =
    R"({"id": "t-1", "date": "2031-05-07", "text": "Norwegian Prime Minister Ole Haugen met Finnish President Liisa Virtanen in Oslo on Tuesday."})"
    "\n"
    R"({"id": "t-2", "date": "2031-05-08", "text": "Sweden criticised Denmark over the fishing quotas. Danish ministers rejected the claim."})"
    "\n"
    R"({"id": "t-3", "date": "2031-05-09", "text": "Estonia accused Latvia of closing the border. Latvian officials met Estonian envoys in Riga."})"
    "\n"
    R"({"id": "t-4", "date": "2031-05-10", "text": "Iceland supplied fish to Norway. Norway thanked Iceland for the shipment."})"
    "\n";

std::string Gold(const std::string& doc, const std::string& s, const std::string& r, const std::string& o) {
  return R"({"doc": ")" + doc + R"(", "s": [")" + s + R"("], "r": ")" + r + R"(", "o": [")" + o +
         R"("], "modality": "asserted", "optional": false, "why": "P1"})" + "\n";
}

int Train(const std::string& args, const TempDir& dir) {
  const std::string command = std::string(GEOKG_TRAIN_RELATIONS_BINARY) + " --corpus '" + (dir / "corpus") + "' " +
                              args + " --epochs 2 --seeds 1 2>'" + (dir / "err") + "' >/dev/null";
  return std::system(command.c_str());
}

}  // namespace

TEST_CASE("geokg-train-relations reads several --train files as one and refuses an article in two", "[cli]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "corpus");
  WriteFile(dir / "corpus/articles.jsonl", kArticles);
  const std::string first =
      Gold("t-1", "Ole Haugen", "meet", "Liisa Virtanen") + Gold("t-2", "Sweden", "criticize", "Denmark");
  const std::string second = Gold("t-3", "Estonia", "accuse", "Latvia");
  WriteFile(dir / "first.jsonl", first);
  WriteFile(dir / "second.jsonl", second);
  WriteFile(dir / "both.jsonl", first + second);
  WriteFile(dir / "dev.jsonl", Gold("t-4", "Iceland", "supply", "Norway"));

  REQUIRE(Train("--train '" + (dir / "both.jsonl") + "' --dev '" + (dir / "dev.jsonl") + "' --out '" +
                    (dir / "one.bin") + "'",
                dir) == 0);
  REQUIRE(Train("--train '" + (dir / "first.jsonl") + "' '" + (dir / "second.jsonl") + "' --dev '" +
                    (dir / "dev.jsonl") + "' --out '" + (dir / "two.bin") + "'",
                dir) == 0);
  CHECK(!ReadFile(dir / "one.bin").empty());
  CHECK(ReadFile(dir / "one.bin") == ReadFile(dir / "two.bin"));

  CHECK(Train("--train '" + (dir / "both.jsonl") + "' '" + (dir / "second.jsonl") + "' --dev '" + (dir / "dev.jsonl") +
                  "' --out '" + (dir / "three.bin") + "'",
              dir) != 0);
  CHECK(Contains(ReadFile(dir / "err"), "t-3 is in another --train file"));
  CHECK(!std::filesystem::exists(dir / "three.bin"));
}
