// tests/support/small_store.h -- a store of a few hand-written facts, written through the
// Store API, for tests of what a writer leaves beside the store.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "store/store.h"
#include "tests/support/triples.h"

namespace geokg::testing {

// Stores article `doc` with `triples` in the store at `db` (created when missing), and closes it.
// The article's text is its sentences': other triples under the same id replace the article.
inline void PutArticle(const std::filesystem::path& db, const std::string& doc, const std::vector<Triple>& triples) {
  std::string text;
  for (const Triple& t : triples) text += t.evidence.text + ". ";
  auto store = store::Store::Open(db, {}).value();
  REQUIRE(store->PutDocument({doc, "", "2025-01-01", "", "", text}, triples).ok());
  REQUIRE(store->Close().ok());
}

// The store `dir`/kg.db of two articles: France meets Spain (a), Spain accuses Italy (b).
inline std::filesystem::path TwoArticleStore(const std::filesystem::path& dir) {
  const std::filesystem::path db = dir / "kg.db";
  PutArticle(db, "a", {Stated("a", 0, "France", Relation::kMeet, "Spain")});
  PutArticle(db, "b", {Stated("b", 0, "Spain", Relation::kAccuse, "Italy")});
  return db;
}

}  // namespace geokg::testing
