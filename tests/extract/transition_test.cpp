#include <catch2/catch.hpp>

#include <vector>

#include "extract/internal/train.h"
#include "extract/internal/transition_train.h"
#include "tests/extract/toy_treebank.h"
#include "tests/support/shared_data.h"

namespace {

using geokg::extract::internal::Configuration;
using geokg::extract::internal::IsProjective;
using geokg::extract::internal::Move;
using geokg::extract::internal::OracleCost;

// Follows zero-cost actions of the dynamic oracle from the start; returns the tree built (heads
// and labels at index 1..n).
std::pair<std::vector<int>, std::vector<uint8_t>> FollowOracle(const std::vector<int>& heads,
                                                               const std::vector<uint8_t>& labels) {
  Configuration c(static_cast<int>(heads.size()) - 1);
  while (!c.Terminal()) {
    bool moved = false;
    for (Move m : {Move::kShift, Move::kLeft, Move::kRight}) {
      if (!c.Can(m)) continue;
      const uint8_t label = m == Move::kShift ? 0 : labels[c.Stack(0)];
      if (OracleCost(c, m, label, heads, labels) != 0) continue;
      c.Apply(m, label);
      moved = true;
      break;
    }
    REQUIRE(moved);
  }
  return {c.heads(), c.labels()};
}

size_t CheckOracleOn(const geokg::extract::internal::Treebank& bank) {
  size_t checked = 0;
  for (const auto& s : bank.sentences) {
    std::vector<int> heads{0};
    heads.insert(heads.end(), s.heads.begin(), s.heads.end());
    std::vector<uint8_t> labels{0};
    labels.insert(labels.end(), s.labels.begin(), s.labels.end());
    if (!IsProjective(heads)) continue;
    auto [got_heads, got_labels] = FollowOracle(heads, labels);
    for (size_t i = 1; i < heads.size(); ++i) {
      REQUIRE(got_heads[i] == heads[i]);
      REQUIRE(got_labels[i] == labels[i]);
    }
    ++checked;
  }
  return checked;
}

}  // namespace

TEST_CASE("Crossing arcs make a tree non-projective and nested arcs do not", "[extract]") {
  CHECK(IsProjective(std::vector<int>{0, 2, 0, 2}));
  CHECK(IsProjective(std::vector<int>{0, 3, 3, 0, 3}));
  CHECK_FALSE(IsProjective(std::vector<int>{0, 3, 0, 2, 1}));  // 3->1 spans the root word 2
}

TEST_CASE("The dynamic oracle rebuilds every projective tree of our toy treebank", "[extract]") {
  geokg::extract::internal::Treebank bank;
  REQUIRE(AddToTreebank(geokg::testing::ToyTreebank(), "toy", bank).ok());
  CHECK(CheckOracleOn(bank) == 8);
}

TEST_CASE("The dynamic oracle rebuilds every projective tree of EWT train", "[extract]") {
  GEOKG_REQUIRE_SHARED(path, "data/ud/UD_English-EWT/en_ewt-ud-train.conllu");
  auto sentences = geokg::extract::ReadConlluFile(path);
  REQUIRE(sentences.ok());
  geokg::extract::internal::Treebank bank;
  REQUIRE(AddToTreebank(sentences.value(), path.string(), bank).ok());
  CHECK(CheckOracleOn(bank) > 12000);
}

TEST_CASE("After a wrong move the dynamic oracle still reaches every other gold arc", "[extract]") {
  // "Officials want to reopen the border ." where "to" gets wrongly attached to "want".
  const std::vector<int> heads{0, 2, 0, 4, 2, 6, 4, 2};
  const std::vector<uint8_t> labels(8, 0);
  Configuration c(7);
  c.Apply(Move::kShift, 0);                                   // Officials
  c.Apply(Move::kLeft, 0);                                    // Officials <- want
  c.Apply(Move::kShift, 0);                                   // want
  c.Apply(Move::kShift, 0);                                   // to
  CHECK(OracleCost(c, Move::kRight, 0, heads, labels) == 1);  // want -> to loses to's gold head "reopen"
  CHECK(OracleCost(c, Move::kLeft, 0, heads, labels) == 0);   // to <- reopen is gold
  c.Apply(Move::kRight, 0);                                   // the mistake
  while (!c.Terminal()) {
    Move best = Move::kShift;
    int best_cost = 1000;
    for (Move m : {Move::kShift, Move::kLeft, Move::kRight})
      if (c.Can(m) && OracleCost(c, m, 0, heads, labels) < best_cost)
        best = m, best_cost = OracleCost(c, m, 0, heads, labels);
    CHECK(best_cost == 0);
    c.Apply(best, 0);
  }
  size_t wrong = 0;
  for (int i = 1; i <= 7; ++i) wrong += c.heads()[i] != heads[i];
  CHECK(wrong == 1);
}

TEST_CASE("Projectivizing lifts crossing arcs and leaves projective trees alone", "[extract]") {
  std::vector<int> crossing{0, 3, 0, 2, 1};  // 3->1 spans the root word 2; 1->4 crosses it too
  geokg::extract::internal::Projectivize(crossing);
  CHECK(IsProjective(crossing));
  CHECK(crossing[2] == 0);
  std::vector<int> projective{0, 2, 0, 2};
  geokg::extract::internal::Projectivize(projective);
  CHECK(projective == std::vector<int>{0, 2, 0, 2});
}
