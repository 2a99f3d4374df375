#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "extract/internal/parser.h"
#include "extract/internal/parser_features.h"
#include "extract/internal/parser_train.h"
#include "extract/internal/perceptron.h"
#include "extract/internal/perceptron_train.h"
#include "extract/internal/train.h"
#include "tests/extract/toy_treebank.h"

namespace {

namespace internal = geokg::extract::internal;

internal::Treebank ToyBank() {
  internal::Treebank bank;
  REQUIRE(internal::AddToTreebank(geokg::testing::ToyTreebank(), "toy", bank).ok());
  return bank;
}

TEST_CASE("Supertags name each word's relation and the sides of its head and dependents", "[extract]") {
  const internal::Treebank bank = ToyBank();
  const internal::Treebank st = internal::SupertagBank(bank, nullptr);
  REQUIRE(st.sentences.size() == bank.sentences.size());
  const internal::TreebankSentence& s = st.sentences[0];  // The minister visited Rabat .
  auto tags = [&](size_t i) { return st.upos.names()[s.upos[i]] + " " + st.xpos.names()[s.xpos[i]]; };
  CHECK(tags(0) == "> det>");
  CHECK(tags(1) == ">L nsubj>");
  CHECK(tags(2) == "rootLR root");
  CHECK(tags(3) == "< obj<");
  CHECK(tags(4) == "< punct<");

  // Development data reuses the training ids.
  const internal::Treebank again = internal::SupertagBank(bank, &st);
  CHECK(again.xpos.names() == st.xpos.names());
  CHECK(again.sentences[0].xpos == s.xpos);
}

// Scores of one feature, class by class (Score writes them over whatever the array held).
std::vector<int32_t> ScoresOf(const internal::FrozenWeights& w, uint64_t feature) {
  std::vector<int32_t> scores(w.num_classes(), 12345);
  w.Score({&feature, 1}, scores.data());
  return scores;
}

// Score() of `features` each twice, and the sum of their scores one by one.
std::pair<std::vector<int64_t>, std::vector<int64_t>> ScoredTwice(const internal::FrozenWeights& w,
                                                                  const std::vector<uint64_t>& features) {
  std::vector<uint64_t> all = features;
  all.insert(all.end(), features.begin(), features.end());
  std::vector<int64_t> expected(w.num_classes(), 0);
  for (uint64_t f : all) {
    const std::vector<int32_t> one = ScoresOf(w, f);
    for (uint32_t c = 0; c < w.num_classes(); ++c) expected[c] += one[c];
  }
  std::vector<int32_t> scores(w.num_classes(), -12345);
  w.Score(all, scores.data());
  return {std::vector<int64_t>(scores.begin(), scores.end()), expected};
}

// `w` written to bytes and read back.
internal::FrozenWeights SavedAndLoaded(const internal::FrozenWeights& w) {
  internal::BinaryWriter out;
  internal::WriteWeights(w, out);
  internal::FrozenWeights loaded;
  internal::BinaryReader in(out.bytes(), "weights");
  REQUIRE(loaded.Read(in).ok());
  return loaded;
}

TEST_CASE("Feature keys hashed together are those hashed one by one, in the order added or in any", "[extract]") {
  // Every count of each arity up to a few groups of four, interleaved, so that padding lanes
  // and the scattering of keys back to their places are exercised.
  for (uint32_t count = 1; count <= 13; ++count) {
    internal::KeyBatch batch, any_order(internal::KeyBatch::Order::kAny);
    std::vector<uint64_t> expected;
    for (uint32_t i = 0; i < count; ++i) {
      const uint64_t a = 0x9e37 * i + 1, b = ~a * 31, c = a << 40 | i;
      const uint32_t t = 3 * i;
      for (internal::KeyBatch* k : {&batch, &any_order}) k->Add(t, a);
      expected.push_back(internal::FeatureKey(t, a));
      if (i % 2 == 0) {
        for (internal::KeyBatch* k : {&batch, &any_order}) k->Add(t + 1, a, b);
        expected.push_back(internal::FeatureKey(t + 1, a, b));
      }
      if (i % 3 != 1) {
        for (internal::KeyBatch* k : {&batch, &any_order}) k->Add(t + 2, a, b, c);
        expected.push_back(internal::FeatureKey(t + 2, a, b, c));
      }
    }
    std::vector<uint64_t> keys(expected.size() + 1, 0);
    REQUIRE(batch.Hash(keys.data()) == expected.size());
    CHECK(keys.back() == 0);  // nothing written past the keys
    keys.pop_back();
    CHECK(keys == expected);
    // In any order: the same keys, padding lanes written past them.
    std::vector<uint64_t> any(expected.size() + 3, 0);
    REQUIRE(any_order.Hash(any.data()) == expected.size());
    any.resize(expected.size());
    std::sort(any.begin(), any.end());
    std::sort(expected.begin(), expected.end());
    CHECK(any == expected);
  }
}

TEST_CASE("The parser's one-label keys looked up are those hashed on each transition", "[extract]") {
  namespace pf = internal::parser_features;
  // Random valid moves with random labels (all 64 and none occur) over a sentence of 40 words:
  // at each step the run-time keys (in any order) are the training ones (in template order).
  const pf::LabelKeys labels = pf::HashLabelKeys();
  const int n = 40;
  std::vector<uint64_t> words(n);
  std::vector<uint16_t> tags(n), supertags(n);
  for (int i = 0; i < n; ++i) {
    words[i] = internal::HashString(std::to_string(i % 13));
    tags[i] = static_cast<uint16_t>(i % 7 << 8 | i % 5);
    supertags[i] = static_cast<uint16_t>(i % 3 << 8 | i % 11);
  }
  const pf::Sentence x{words, tags, supertags};
  uint32_t state = 12345;
  auto next = [&] { return state = state * 1103515245 + 12345, state >> 16; };
  for (int sentence = 0; sentence < 20; ++sentence) {
    internal::Configuration c(n);
    while (!c.Terminal()) {
      uint64_t expected[pf::kMaxFeatures], keys[pf::kMaxFeatures];
      const size_t k = pf::Features(c, x, expected);
      REQUIRE(pf::Features<internal::KeyBatch::Order::kAny, pf::Part::kRest>(c, x, keys, &labels) == k);
      std::sort(expected, expected + k);
      std::sort(keys, keys + k);
      CHECK(std::equal(keys, keys + k, expected));
      internal::Move m;
      do m = static_cast<internal::Move>(next() % 3);
      while (!c.Can(m));
      c.Apply(m, static_cast<uint8_t>(next() % 64));
    }
  }
}

TEST_CASE("Scores add each feature's weights to their own classes, dense rows and sparse alike", "[extract]") {
  // Every stride the adders are specialised for is covered by some of these class counts.
  for (uint32_t classes : {3u, 16u, 67u, 105u, 130u, 200u, 256u}) {
    internal::AveragedPerceptron model(classes);
    // Feature 0 has a weight for every class, growing with the class (a dense row); features
    // 1..300 one or two classes each (sparse rows).
    std::vector<float> delta(classes);
    for (uint32_t c = 0; c < classes; ++c) delta[c] = static_cast<float>(c) - static_cast<float>(classes / 2);
    std::vector<uint64_t> features{internal::FeatureKey(9, 0)};
    model.Add({features.data(), 1}, delta);
    for (uint64_t k = 1; k <= 300; ++k) {
      features.push_back(internal::FeatureKey(9, k));
      model.Update({&features.back(), 1}, static_cast<uint32_t>(k % classes), static_cast<uint32_t>(k * 7 % classes));
    }
    model.Tick();
    const internal::FrozenWeights w = model.Freeze();
    const std::vector<int32_t> dense = ScoresOf(w, features[0]);
    for (uint32_t c = 0; c < classes; ++c) {
      CHECK((dense[c] > 0) == (delta[c] > 0));
      if (c > 0) CHECK(dense[c] > dense[c - 1]);
    }
    // All features at once (more than one batch of lookups, each twice) score the sum.
    const auto [scores, expected] = ScoredTwice(w, features);
    CHECK(scores == expected);
  }
}

TEST_CASE("Scores are exact in a table whose keys crowd into a run of 65536 slots", "[extract]") {
  // 65536 features in 16 neighbouring buckets whose fingerprints share their low four bits all
  // have home slots 16-31 at first (key 0 is taken for none in training): loading doubles the slot table until no run
  // of taken slots could make two partial keys' checks equal, and each feature still finds its own row.
  internal::AveragedPerceptron model(3);
  std::vector<uint64_t> keys;
  for (uint64_t fingerprint = 0; fingerprint < 4096; ++fingerprint)
    for (uint64_t bucket = 0; bucket < 16; ++bucket) keys.push_back(fingerprint << 52 | (16 + bucket));
  for (size_t k = 0; k < keys.size(); ++k)
    model.Update({&keys[k], 1}, static_cast<uint32_t>(k % 3), static_cast<uint32_t>((k + 1) % 3));
  model.Tick();
  const internal::FrozenWeights w = model.Freeze();
  REQUIRE(w.num_features() == keys.size());
  for (size_t k = 0; k < keys.size(); k += 7) {
    const std::vector<int32_t> scores = ScoresOf(w, keys[k]);
    CHECK(scores[k % 3] > 0);
    CHECK(scores[(k + 1) % 3] < 0);
    CHECK(scores[(k + 2) % 3] == 0);
  }
}

TEST_CASE("Scores of many dense rows of large weights are exact, far beyond the int16 range", "[extract]") {
  // Dense rows are summed in int16 lanes while their largest weights allow it: forty rows whose
  // weights reach the table's largest (32767), with both signs, each scored twice.
  for (uint32_t classes : {16u, 67u, 105u}) {
    internal::AveragedPerceptron model(classes);
    std::vector<uint64_t> features;
    for (uint32_t k = 0; k < 40; ++k) {
      std::vector<float> delta(classes);
      for (uint32_t c = 0; c < classes; ++c)
        delta[c] = static_cast<float>((c * 7 + k * 13) % 23) * (c % 2 == 0 ? -1.f : 1.f) + 0.5f;
      features.push_back(internal::FeatureKey(5, k));
      model.Add({&features.back(), 1}, delta);
    }
    model.Tick();
    const internal::FrozenWeights w = model.Freeze();
    const auto [scores, expected] = ScoredTwice(w, features);
    REQUIRE(*std::max_element(expected.begin(), expected.end()) > 32767 * 8);
    REQUIRE(*std::min_element(expected.begin(), expected.end()) < -32768 * 4);
    CHECK(scores == expected);
  }
}

TEST_CASE("Argmax of integer scores is the first of the highest in its range", "[extract]") {
  // Few distinct values, so that ties are common, and every range length around the eight lanes.
  std::vector<int32_t> scores(80);
  for (size_t i = 0; i < scores.size(); ++i) scores[i] = static_cast<int32_t>((i * 37 + i / 7) % 11) - 5;
  scores[50] = scores[63] = 1 << 30;
  scores[3] = -(1 << 30);
  for (uint32_t begin = 0; begin < 20; ++begin)
    for (uint32_t end = begin; end <= scores.size(); ++end) {
      uint32_t expected = begin;
      for (uint32_t c = begin; c < end; ++c)
        if (scores[c] > scores[expected]) expected = c;
      INFO("range [" << begin << ", " << end << ")");
      CHECK(internal::Argmax(scores.data(), begin, end) == expected);
    }
}

TEST_CASE("Saved weights keep every weight's sign and size within a few percent", "[extract]") {
  // Features updated different numbers of times get averaged weights over a wide range.
  internal::AveragedPerceptron model(4);
  for (uint64_t k = 1; k <= 3000; ++k) {
    for (uint64_t r = 0; r < k % 97 + 1; ++r) {
      const uint64_t f = internal::FeatureKey(1, k);
      model.Update({&f, 1}, static_cast<uint32_t>(k % 4), static_cast<uint32_t>((k + 1) % 4));
      model.Tick();
    }
  }
  const internal::FrozenWeights exact = model.Freeze();
  const internal::FrozenWeights loaded = SavedAndLoaded(exact);
  const internal::FrozenWeights pruned = internal::PrunedWeights(exact, 0, 0);

  size_t rounded = 0;
  for (uint64_t k = 1; k <= 3000; ++k) {
    const uint64_t f = internal::FeatureKey(1, k);
    const std::vector<int32_t> a = ScoresOf(exact, f), b = ScoresOf(loaded, f), c = ScoresOf(pruned, f);
    for (size_t i = 0; i < a.size(); ++i) {
      CHECK(std::abs(b[i] - a[i]) <= std::abs(a[i]) / 20 + 1);
      CHECK((a[i] > 0) == (b[i] > 0));
      rounded += a[i] != b[i];
    }
    CHECK(b == c);  // the trainer's last step gives the model the file will hold
  }
  CHECK(rounded > 0);  // there were more distinct weights than levels
}

TEST_CASE("Weights with few distinct values are saved exactly", "[extract]") {
  internal::AveragedPerceptron model(3);
  for (uint64_t k = 1; k <= 50; ++k) {
    const uint64_t f = internal::FeatureKey(2, k);
    model.Update({&f, 1}, static_cast<uint32_t>(k % 3), static_cast<uint32_t>((k + 1) % 3));
    model.Tick();
  }
  const internal::FrozenWeights exact = model.Freeze();
  const internal::FrozenWeights loaded = SavedAndLoaded(exact);
  for (uint64_t k = 1; k <= 50; ++k) {
    const uint64_t f = internal::FeatureKey(2, k);
    CHECK(ScoresOf(exact, f) == ScoresOf(loaded, f));
  }
}

TEST_CASE("Weights pruned to nothing are saved and load back empty", "[extract]") {
  internal::AveragedPerceptron model(3);
  const uint64_t f = internal::FeatureKey(3, 1);
  model.Update({&f, 1}, 0, 1);
  model.Tick();
  const internal::FrozenWeights empty = internal::PrunedWeights(model.Freeze(), 1e9f, 0);
  REQUIRE(empty.num_features() == 0);
  const internal::FrozenWeights loaded = SavedAndLoaded(empty);
  CHECK(loaded.num_features() == 0);
  CHECK(ScoresOf(loaded, f) == std::vector<int32_t>(3, 0));
}

}  // namespace
