// Issue 20: `geokg verify` checks the saved link view against the indexes whenever the view
// claims to describe the store's state.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "store/link_view.h"
#include "store/store.h"
#include "tests/support/run_cli.h"
#include "tests/support/small_store.h"

using geokg::LinkGraph;
using geokg::Relation;
using geokg::store::LinkViewPath;
using geokg::testing::RunCli;
using geokg::testing::TempDir;
using geokg::testing::TwoArticleStore;
namespace fs = std::filesystem;

TEST_CASE("verify reports a link view that claims the store's state but is wrong or damaged", "[cli][link_view]") {
  TempDir dir;
  const fs::path db = TwoArticleStore(dir.path());
  const fs::path view = LinkViewPath(db);
  uint64_t sequence = 0;
  {
    auto store = geokg::store::Store::Open(db, {.read_only = true}).value();
    sequence = store->Sequence();
  }
  SECTION("a fact missing") {
    REQUIRE(LinkGraph::Build({{1, 1, 2, false, Relation::kMeet}}).Save(view, sequence).ok());
    const auto verify = RunCli({"verify", "--db", db.string()});
    CHECK(verify.code == 1);
    CHECK(verify.out.find("link view: " + view.string() + " claims the store's state") != std::string::npos);
    CHECK(verify.out.find("1 facts and 2 entities in the view, 2 and 3 in the indexes") != std::string::npos);
  }
  SECTION("cut short") {
    fs::resize_file(view, fs::file_size(view) - 4);
    const auto verify = RunCli({"verify", "--db", db.string()});
    CHECK(verify.code == 1);
    CHECK(verify.out.find("the saved link view is damaged") != std::string::npos);
    // Questions do not use it: they build the graph from the indexes, and save it again.
    CHECK(geokg::testing::JsonLines(RunCli({"rank", "--by", "degree", "--db", db.string(), "--format", "jsonl"}).out)
              .size() == 3);
    CHECK(RunCli({"verify", "--db", db.string()}).code == 0);
  }
}
