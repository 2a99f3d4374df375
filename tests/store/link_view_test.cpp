// Issue 20: the link view saved beside the store is used only when it describes the state the
// store reads; after an ingest, a delete or a writer killed before its refresh it is stale, and
// the graph comes from the indexes.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <string>
#include <vector>

#include "store/link_view.h"
#include "store/store.h"
#include "tests/support/run_cli.h"
#include "tests/support/small_store.h"

using geokg::LinkArc;
using geokg::LinkGraph;
using geokg::Relation;
using geokg::Triple;
using geokg::store::LinkViewOf;
using geokg::store::LinkViewPath;
using geokg::store::Store;
using geokg::testing::PutArticle;
using geokg::testing::Stated;
using geokg::testing::TempDir;
using geokg::testing::TwoArticleStore;
namespace fs = std::filesystem;

namespace {

// The graph the indexes give, built the slow way.
LinkGraph FromIndexes(const Store& store) {
  std::vector<LinkArc> links;
  REQUIRE(store
              .ForEachLink({},
                           [&](const geokg::store::Link& link) {
                             links.push_back(geokg::store::ArcOf(link));
                             return geokg::Status();
                           })
              .ok());
  return LinkGraph::Build(std::move(links));
}

ino_t Inode(const fs::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_ino;
}

}  // namespace

TEST_CASE("a writer leaves the link view describing the state it closed with", "[store][link_view]") {
  TempDir dir;
  const fs::path db = TwoArticleStore(dir.path());
  auto store = Store::Open(db, {.read_only = true}).value();
  CHECK(LinkGraph::SavedTag(LinkViewPath(db)).value() == store->Sequence());
  const LinkGraph view = LinkViewOf(*store).value();
  CHECK(view.link_count() == 2);
  CHECK(view.vertex_count() == 3);
  CHECK(view == FromIndexes(*store));
  CHECK(geokg::store::VerifyLinkView(*store).value().empty());
}

TEST_CASE("a stale link view is never used: after an ingest, after a delete", "[store][link_view]") {
  TempDir dir;
  const fs::path db = TwoArticleStore(dir.path());
  const fs::path view = LinkViewPath(db), old = dir / "old-view";
  fs::copy_file(view, old);
  size_t facts = 0;
  SECTION("ingest") {
    PutArticle(db, "c", {Stated("c", 0, "Italy", Relation::kCall, "Greece")});
    facts = 3;
  }
  SECTION("delete") {
    auto writer = Store::Open(db, {}).value();
    REQUIRE(writer->DeleteDocument("a").ok());
    REQUIRE(writer->Close().ok());
    facts = 1;
  }
  SECTION("replace, with other facts") {
    PutArticle(
        db, "b",
        {Stated("b", 0, "Greece", Relation::kAccuse, "Italy"), Stated("b", 1, "Spain", Relation::kVisit, "Greece")});
    facts = 3;
  }
  {
    auto store = Store::Open(db, {.read_only = true}).value();
    CHECK(LinkGraph::SavedTag(view).value() == store->Sequence());  // the writer brought it up to date
    CHECK(LinkViewOf(*store).value().link_count() == facts);
  }
  // As a writer killed after its last write but before its refresh leaves it: the view of the
  // state before. Readers see that it describes another state and build the graph again.
  fs::copy_file(old, view, fs::copy_options::overwrite_existing);
  auto store = Store::Open(db, {.read_only = true}).value();
  CHECK(LinkGraph::SavedTag(view).value() != store->Sequence());
  const LinkGraph graph = LinkViewOf(*store).value();
  CHECK(graph.link_count() == facts);
  CHECK(graph == FromIndexes(*store));
  CHECK(geokg::store::VerifyLinkView(*store).value().empty());
}

TEST_CASE("a writer that writes nothing keeps the view and only re-tags it", "[store][link_view]") {
  TempDir dir;
  const fs::path db = TwoArticleStore(dir.path());
  const ino_t before = Inode(LinkViewPath(db));
  {
    auto writer = Store::Open(db, {}).value();
    const std::vector<Triple> same = {Stated("a", 0, "France", Relation::kMeet, "Spain")};
    REQUIRE(writer->PutDocument({"a", "", "2025-01-01", "", "", "France and Spain. "}, same).value() ==
            geokg::store::PutOutcome::kUnchanged);
    REQUIRE(writer->Close().ok());
  }
  auto store = Store::Open(db, {.read_only = true}).value();
  CHECK(Inode(LinkViewPath(db)) == before);  // not rewritten
  CHECK(LinkGraph::SavedTag(LinkViewPath(db)).value() == store->Sequence());
  CHECK(LinkViewOf(*store).value() == FromIndexes(*store));
}

TEST_CASE("a view half-written by a killed process is ignored, and the next writer removes it", "[store][link_view]") {
  TempDir dir;
  const fs::path db = TwoArticleStore(dir.path());
  const fs::path view = LinkViewPath(db);
  // What SIGKILL during LinkGraph::Save leaves: the old view, and a temporary file cut short.
  const fs::path old = dir / "old-view";
  fs::copy_file(view, old);
  PutArticle(db, "c", {Stated("c", 0, "Italy", Relation::kCall, "Greece")});
  fs::copy_file(old, view, fs::copy_options::overwrite_existing);
  const fs::path partial = view.string() + ".tmp-4242";
  fs::copy_file(view, partial);
  fs::resize_file(partial, fs::file_size(partial) / 2);
  {
    auto store = Store::Open(db, {.read_only = true}).value();
    CHECK(LinkViewOf(*store).value().link_count() == 3);
    CHECK(geokg::store::VerifyLinkView(*store).value().empty());
  }
  {
    auto writer = Store::Open(db, {}).value();  // writes nothing, but the view was stale: rebuilt
    REQUIRE(writer->Close().ok());
  }
  CHECK_FALSE(fs::exists(partial));
  auto store = Store::Open(db, {.read_only = true}).value();
  CHECK(LinkGraph::SavedTag(view).value() == store->Sequence());
  CHECK(LinkViewOf(*store).value() == FromIndexes(*store));
}
