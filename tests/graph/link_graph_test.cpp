#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <tuple>
#include <utility>
#include <vector>

#include <boost/graph/page_rank.hpp>

#include "graph/graph_algorithms.h"
#include "graph/link_graph.h"
#include "tests/support/run_cli.h"

using namespace geokg;
using geokg::testing::TempDir;

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
  std::sort(sorted.begin(), sorted.end(), [](const LinkArc& x, const LinkArc& y) {
    return std::tie(x.from, x.to, x.fact) < std::tie(y.from, y.to, y.fact);
  });
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
    links.push_back(
        {fact * 7919 % 100003, key(rng) * key_step, key(rng) * key_step, fact % 3 != 0});  // ids unique, unordered
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

TEST_CASE("PageRank on the pair arcs equals Boost's page_rank on one arc per fact", "[graph]") {
  // The arcs-only computation must give what Boost gives on the graph it stands for.
  for (uint32_t step : {1u, 1'000'003u}) {
    const std::vector<LinkArc> links = RandomLinks(200, 3000, step);
    const LinkGraph g = LinkGraph::Build(links);
    using Directed = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                        boost::no_property, uint32_t, uint32_t>;
    std::vector<std::pair<uint32_t, uint32_t>> arcs;
    for (const LinkArc& l : links) {
      if (l.from == l.to) continue;
      arcs.emplace_back(*g.VertexOf(l.from), *g.VertexOf(l.to));
      if (!l.one_way) arcs.emplace_back(*g.VertexOf(l.to), *g.VertexOf(l.from));
    }
    const Directed d(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(),
                     static_cast<uint32_t>(g.vertex_count()));
    std::vector<double> expected(g.vertex_count());
    boost::graph::page_rank(d, boost::make_iterator_property_map(expected.begin(), boost::get(boost::vertex_index, d)),
                            boost::graph::n_iterations(30), 0.85);
    const std::vector<double> got = PageRank(g);
    REQUIRE(got.size() == expected.size());
    for (size_t v = 0; v < got.size(); ++v) CHECK(got[v] == Approx(expected[v]).epsilon(1e-12));
  }
}

TEST_CASE("the saved view read in place splits into the same groups as the loaded graph", "[graph][link_view]") {
  TempDir dir;
  const std::filesystem::path path = dir.path() / "view";
  // Few facts among many entities: many components of different sizes, pairs, loops.
  for (size_t facts : {40u, 150u, 2000u}) {
    const LinkGraph g = LinkGraph::Build(RandomLinks(300, facts, 1));
    REQUIRE(g.Save(path, 1).ok());
    uint64_t tag = 0;
    const MappedLinkGraph mapped = MappedLinkGraph::Open(path, &tag).value();
    const Grouping expected = Components(g);
    for (const auto& [got, loaded] : {std::pair{Components(mapped).value(), expected},
                                      std::pair{ModularityGroups(mapped).value(), ModularityGroups(g)}}) {
      CHECK(got.group == loaded.group);
      CHECK(got.groups == loaded.groups);
      CHECK(got.modularity == loaded.modularity);
    }
    // Components are exact: every arc joins two vertices of one group, largest group first.
    for (LinkVertex u = 0; u < g.vertex_count(); ++u)
      for (auto [it, end] = boost::out_edges(u, g.csr()); it != end; ++it)
        CHECK(expected.group[u] == expected.group[boost::target(*it, g.csr())]);
    std::vector<size_t> size(expected.groups, 0);
    for (uint32_t c : expected.group) ++size[c];
    CHECK(std::is_sorted(size.rbegin(), size.rend()));
    if (facts == 40) CHECK(expected.groups > 10);
  }
}

TEST_CASE("a saved link graph loads as it was, and a damaged one is refused", "[graph][link_view]") {
  TempDir dir;
  const std::filesystem::path path = dir.path() / "view";
  const LinkGraph g = LinkGraph::Build(RandomLinks(300, 2000, 1));
  REQUIRE(g.Save(path, 42).ok());
  uint64_t tag = 0;
  CHECK(LinkGraph::Load(path, &tag).value() == g);
  CHECK(tag == 42);
  CHECK(LinkGraph::SavedTag(path).value() == 42);
  const LinkGraph arcs_only = LinkGraph::Load(path, &tag, /*with_links=*/false).value();
  CHECK(arcs_only.link_count() == 0);
  CHECK(DegreeCentrality(arcs_only) == DegreeCentrality(g));
  CHECK(PageRank(arcs_only) == PageRank(g));
  {
    // Read in place (rank of every fact), the same numbers.
    const MappedLinkGraph mapped = MappedLinkGraph::Open(path, &tag).value();
    CHECK(DegreeCentrality(mapped).value() == DegreeCentrality(g));
    CHECK(PageRank(mapped).value() == PageRank(g));
  }
  CHECK(LinkGraph::Retag(path, 41, 43).code() == geokg::Code::kNotFound);  // not tagged 41: unchanged
  REQUIRE(LinkGraph::Retag(path, 42, 43).ok());
  CHECK(LinkGraph::SavedTag(path).value() == 43);
  // An arc pointing outside the graph: the last target set far beyond the vertices.
  {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    const auto arcs = boost::num_edges(g.csr());
    file.seekp(static_cast<std::streamoff>(std::filesystem::file_size(path) - arcs * sizeof(ArcProperty) - 4));
    const uint32_t outside = 1'000'000;
    file.write(reinterpret_cast<const char*>(&outside), 4);
  }
  CHECK(LinkGraph::Load(path, &tag).status().code() == geokg::Code::kCorruption);
  CHECK(PageRank(MappedLinkGraph::Open(path, &tag).value()).status().code() == geokg::Code::kCorruption);
  CHECK(Components(MappedLinkGraph::Open(path, &tag).value()).status().code() == geokg::Code::kCorruption);
  CHECK(ModularityGroups(MappedLinkGraph::Open(path, &tag).value()).status().code() == geokg::Code::kCorruption);
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 1);
  CHECK(LinkGraph::Load(path, &tag).status().code() == geokg::Code::kCorruption);
  CHECK(LinkGraph::Load(dir.path() / "none", &tag).status().code() == geokg::Code::kNotFound);
}

TEST_CASE("modularity groups find communities planted in a graph", "[graph]") {
  // Four groups of 25 entities, each joined to 6 others of its group, and 12 facts across.
  std::mt19937 rng(11);
  std::uniform_int_distribution<uint32_t> member(0, 24), group(0, 3);
  std::vector<LinkArc> links;
  uint64_t fact = 0;
  for (uint32_t c = 0; c < 4; ++c)
    for (uint32_t v = 0; v < 25; ++v)
      for (int k = 0; k < 6; ++k) links.push_back({++fact, 100 * c + v + 1, 100 * c + member(rng) + 1, true});
  for (int k = 0; k < 12; ++k)
    links.push_back({++fact, 100 * group(rng) + member(rng) + 1, 100 * group(rng) + 1, true});
  const LinkGraph g = LinkGraph::Build(links);
  const Grouping found = ModularityGroups(g);
  CHECK(found.modularity > 0.6);
  CHECK(found.groups == 4);
  for (uint32_t c = 0; c < 4; ++c) {
    std::map<uint32_t, int> votes;
    for (uint32_t v = 0; v < 25; ++v) ++votes[found.group[*g.VertexOf(100 * c + v + 1)]];
    CHECK(std::max_element(votes.begin(), votes.end(), [](auto& a, auto& b) { return a.second < b.second; })->second >=
          24);
  }
}
