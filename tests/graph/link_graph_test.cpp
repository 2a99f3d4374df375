#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <tuple>
#include <utility>
#include <vector>

#include "graph/link_graph.h"

using namespace geokg;

namespace {

// The graph's arcs as (from key, to key) -> (facts joining the pair, first fact's id), read
// through the public view only.
std::map<std::pair<uint32_t, uint32_t>, std::pair<uint32_t, uint64_t>> ArcsOf(const LinkGraph& g) {
  std::map<std::pair<uint32_t, uint32_t>, std::pair<uint32_t, uint64_t>> out;
  const LinkCsr& csr = g.csr();
  for (LinkVertex u = 0; u < boost::num_vertices(csr); ++u) {
    uint32_t previous = 0;
    bool first = true;
    for (auto [it, end] = boost::out_edges(u, csr); it != end; ++it) {
      const LinkVertex v = boost::target(*it, csr);
      CHECK((first || v > previous));  // each vertex's arcs by target, one per pair
      first = false;
      previous = v;
      out[{g.KeyOf(u), g.KeyOf(v)}] = {csr[*it].weight, g.link(csr[*it].link).fact};
    }
  }
  return out;
}

// What the view must hold, computed the slow obvious way.
std::map<std::pair<uint32_t, uint32_t>, std::pair<uint32_t, uint64_t>> Expected(const std::vector<LinkArc>& links) {
  std::map<std::pair<uint32_t, uint32_t>, std::pair<uint32_t, uint64_t>> out;
  std::vector<LinkArc> sorted = links;
  std::sort(sorted.begin(), sorted.end(),
            [](const LinkArc& x, const LinkArc& y) { return std::tie(x.from, x.to, x.fact) < std::tie(y.from, y.to, y.fact); });
  for (const LinkArc& l : sorted) {
    if (l.from == l.to) continue;
    for (auto pair : {std::pair{l.from, l.to}, std::pair{l.to, l.from}}) {
      auto [it, inserted] = out.emplace(pair, std::pair<uint32_t, uint64_t>{0, l.fact});
      ++it->second.first;
    }
  }
  return out;
}

std::vector<LinkArc> RandomLinks(uint32_t keys, size_t count, uint32_t key_step) {
  std::mt19937 rng(5);
  std::uniform_int_distribution<uint32_t> key(1, keys);
  std::vector<LinkArc> links;
  for (uint64_t fact = 1; fact <= count; ++fact)
    links.push_back({fact * 7919 % 100003, key(rng) * key_step, key(rng) * key_step, fact % 3 != 0});  // ids unique, unordered
  return links;
}

}  // namespace

TEST_CASE("a link graph joins each pair of entities once per direction and counts the facts between them", "[graph]") {
  // Entities 10, 20, 30, 40: two facts 10-20 (one each way), one 20-30, a self-loop on 40.
  const std::vector<LinkArc> links = {{5, 20, 10, false}, {3, 10, 20, true}, {9, 30, 20, true}, {4, 40, 40, true}};
  const LinkGraph g = LinkGraph::Build(links);
  CHECK(g.vertex_count() == 4);
  CHECK(g.link_count() == 4);
  for (uint32_t key : {10u, 20u, 30u, 40u}) CHECK(g.KeyOf(*g.VertexOf(key)) == key);
  CHECK(!g.VertexOf(15).has_value());
  CHECK(!g.VertexOf(41).has_value());
  CHECK(std::is_sorted(g.links().begin(), g.links().end(), [](const LinkArc& x, const LinkArc& y) {
    return std::tie(x.from, x.to, x.fact) < std::tie(y.from, y.to, y.fact);
  }));
  const auto arcs = ArcsOf(g);
  CHECK(arcs.size() == 4);  // the self-loop is a fact but no arc
  CHECK(arcs.at({10, 20}) == std::pair<uint32_t, uint64_t>{2, 3});
  CHECK(arcs.at({20, 10}) == std::pair<uint32_t, uint64_t>{2, 3});
  CHECK(arcs.at({20, 30}) == std::pair<uint32_t, uint64_t>{1, 9});
  CHECK(arcs == Expected(links));
}

TEST_CASE("a link graph of sparse keys equals the one of dense keys", "[graph]") {
  // Dense keys (store ids) use a lookup table, keys far apart a binary search: same graph.
  const std::vector<LinkArc> dense = RandomLinks(300, 2000, 1);
  const std::vector<LinkArc> sparse = RandomLinks(300, 2000, 1'000'003);
  const LinkGraph a = LinkGraph::Build(dense);
  const LinkGraph b = LinkGraph::Build(sparse);
  REQUIRE(a.vertex_count() == b.vertex_count());
  REQUIRE(boost::num_edges(a.csr()) == boost::num_edges(b.csr()));
  for (LinkVertex v = 0; v < a.vertex_count(); ++v) {
    CHECK(a.KeyOf(v) * 1'000'003u == b.KeyOf(v));
    CHECK(b.VertexOf(b.KeyOf(v)) == v);
  }
  CHECK(!b.VertexOf(1'000'004).has_value());
  CHECK(ArcsOf(a) == Expected(dense));
  CHECK(ArcsOf(b) == Expected(sparse));
  // Facts grouped by subject, as the store's spo index yields them, take a shorter way: same graph.
  std::vector<LinkArc> grouped = dense;
  std::stable_sort(grouped.begin(), grouped.end(), [](const LinkArc& x, const LinkArc& y) { return x.from < y.from; });
  const LinkGraph c = LinkGraph::Build(grouped);
  CHECK(c.links() == a.links());
  CHECK(ArcsOf(c) == Expected(dense));
  CHECK(LinkGraph::Build({}).vertex_count() == 0);
}
