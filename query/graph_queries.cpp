// The Engine's graph questions: neighbourhoods and subgraphs by walking the indexes; paths,
// centrality and groups on a LinkGraph (Boost.Graph) of the selected facts.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "graph/graph_algorithms.h"
#include "query/engine.h"
#include "query/entity_cache.h"
#include "store/link_view.h"

namespace geokg::query {
using internal::EntityCache;
using store::ArcOf;

namespace {

// How an entity was reached from the centre of `neighbors`.
struct Reached {
  uint32_t depth = 0;
  store::EntityId via = 0;  // of the entities one hop nearer joined to it, the smallest id
  uint32_t facts = 0;
  uint32_t relations = 0;  // bit per Relation
};
using Rings = std::vector<std::pair<store::EntityId, Reached>>;  // in the order reached

// The entities within `depth` hops of `center` on the saved view of every fact: its arcs already
// count the facts joining each pair and their relations, so no fact is read.
Result<Rings> RingsInView(const MappedLinkGraph& graph, store::EntityId center, int depth) {
  constexpr uint32_t kCentre = std::numeric_limits<uint32_t>::max();
  Rings rings;
  const std::optional<LinkVertex> start = graph.VertexOf(center);
  if (!start) return rings;
  std::unordered_map<LinkVertex, uint32_t> index = {{*start, kCentre}};  // vertex -> its place in rings
  std::vector<LinkVertex> frontier = {*start};
  for (uint32_t d = 0; d < static_cast<uint32_t>(depth) && !frontier.empty(); ++d) {
    std::vector<LinkVertex> next;
    for (LinkVertex v : frontier) {
      const store::EntityId from = graph.KeyOf(v);
      GEOKG_RETURN_IF_ERROR(graph.ForEachArc(v, [&](LinkVertex w, const ArcProperty& arc) {
        auto [place, inserted] = index.try_emplace(w, static_cast<uint32_t>(rings.size()));
        if (inserted) {
          rings.push_back({graph.KeyOf(w), Reached{d + 1, from}});
          next.push_back(w);
        }
        if (place->second == kCentre) return;
        Reached& r = rings[place->second].second;
        if (r.depth != d + 1) return;
        r.facts += arc.weight;
        r.relations |= arc.relations;
        r.via = std::min(r.via, from);
      }));
    }
    frontier = std::move(next);
  }
  return rings;
}

std::vector<Relation> RelationsIn(uint32_t mask) {
  std::vector<Relation> out;
  for (const RelationInfo& info : AllRelations())
    if (mask & (1u << static_cast<unsigned>(info.relation))) out.push_back(info.relation);
  return out;
}

}  // namespace

Result<bool> Engine::Selected(const store::Link& link, const FactFilter& filter) const {
  if (!filter.MatchesLink(link)) return false;
  if (!filter.NeedsFact()) return true;
  auto fact = store_.GetFact(link.fact);
  if (!fact.ok()) return fact.status();
  return filter.Matches(fact.value());
}

Status Engine::ForEachIndexedLink(store::EntityId v, const FactFilter& filter,
                                  const std::function<Status(const store::Link&, store::EntityId)>& visit) const {
  auto each = [&](bool as_object) {
    return [&, as_object](const store::Link& link) -> Status {
      if (as_object && link.subject == v) return Status();  // a self-loop, already seen as subject
      return filter.MatchesLink(link) ? visit(link, as_object ? link.subject : link.object) : Status();
    };
  };
  if (filter.relations.empty()) {
    GEOKG_RETURN_IF_ERROR(store_.ForEachLink({v, std::nullopt, std::nullopt}, each(false)));
    return store_.ForEachLink({std::nullopt, v, std::nullopt}, each(true));
  }
  for (Relation r : filter.relations) {
    GEOKG_RETURN_IF_ERROR(store_.ForEachLink({v, std::nullopt, r}, each(false)));
    GEOKG_RETURN_IF_ERROR(store_.ForEachLink({std::nullopt, v, r}, each(true)));
  }
  return Status();
}

Status Engine::ForEachSelectedLink(store::EntityId v, const FactFilter& filter,
                                   const std::function<Status(const store::Link&, store::EntityId)>& visit) const {
  return ForEachIndexedLink(v, filter, [&](const store::Link& link, store::EntityId other) -> Status {
    auto selected = Selected(link, filter);
    if (!selected.ok()) return selected.status();
    return selected.value() ? visit(link, other) : Status();
  });
}

Result<std::vector<NeighborRow>> Engine::Neighbors(const std::string& name, int depth, const FactFilter& filter) const {
  auto center = Resolve(name);
  if (!center.ok()) return center.status();
  Rings rings;
  std::optional<MappedLinkGraph> view;
  // Beyond one hop the rings reach much of the graph: walking the saved view, when it is
  // current, beats reading the index keys of every entity on the way.
  if (depth >= 2 && filter.Empty()) view = store::MappedLinkViewOf(store_);
  if (view) {
    auto walked = RingsInView(*view, center.value().id, depth);
    if (!walked.ok()) return walked.status();
    rings = std::move(walked).value();
  } else {
    std::unordered_map<store::EntityId, size_t> index = {{center.value().id, SIZE_MAX}};
    std::vector<store::EntityId> frontier = {center.value().id};
    for (uint32_t d = 0; d < static_cast<uint32_t>(depth) && !frontier.empty(); ++d) {
      std::vector<store::EntityId> next;
      for (store::EntityId v : frontier) {
        GEOKG_RETURN_IF_ERROR(ForEachSelectedLink(v, filter, [&](const store::Link& link, store::EntityId other) {
          auto [place, inserted] = index.try_emplace(other, rings.size());
          if (inserted) {
            rings.push_back({other, Reached{d + 1, v}});
            next.push_back(other);
          }
          if (place->second == SIZE_MAX) return Status();  // the centre
          Reached& r = rings[place->second].second;
          if (r.depth == d + 1) {
            ++r.facts;
            r.relations |= 1u << static_cast<unsigned>(link.relation);
            r.via = std::min(r.via, v);
          }
          return Status();
        }));
      }
      frontier = std::move(next);
    }
  }
  // Every entity named in the answer, read in one walk of the store.
  EntityCache cache(store_);
  std::vector<store::EntityId> named;
  named.reserve(rings.size() * 2);
  for (const auto& [id, r] : rings) {
    named.push_back(id);
    named.push_back(r.via);
  }
  GEOKG_RETURN_IF_ERROR(cache.Load(std::move(named)));
  std::vector<NeighborRow> rows;
  rows.reserve(rings.size());
  for (const auto& [id, r] : rings) {
    auto entity = cache.Get(id);
    if (!entity.ok()) return entity.status();
    auto via = cache.Get(r.via);
    if (!via.ok()) return via.status();
    rows.push_back({std::move(entity).value(), r.depth, r.facts, RelationsIn(r.relations), via.value().name});
  }
  std::sort(rows.begin(), rows.end(), [](const NeighborRow& x, const NeighborRow& y) {
    if (x.depth != y.depth) return x.depth < y.depth;
    if (x.facts != y.facts) return x.facts > y.facts;
    return x.entity.name < y.entity.name;
  });
  return rows;
}

Result<std::vector<Path>> Engine::Paths(const std::string& a, const std::string& b, const FactFilter& filter,
                                        int max_depth, size_t limit) const {
  auto start = Resolve(a);
  if (!start.ok()) return start.status();
  auto end = Resolve(b);
  if (!end.ok()) return end.status();
  const store::EntityId from = start.value().id, to = end.value().id;
  if (from == to) return std::vector<Path>{Path{}};
  // Breadth-first from both ends, one whole level at a time on the side with the smaller
  // frontier, until the two meet: every fact on a shortest chain is then among those loaded.
  struct Side {
    std::unordered_set<store::EntityId> seen;
    std::vector<store::EntityId> frontier;
    int level = 0;
  };
  Side sides[2] = {{{from}, {from}, 0}, {{to}, {to}, 0}};
  std::vector<LinkArc> links;
  std::unordered_set<store::FactId> loaded;
  bool met = false;
  while (!met && sides[0].level + sides[1].level < max_depth) {
    const int s = sides[0].frontier.size() <= sides[1].frontier.size() ? 0 : 1;
    Side& side = sides[s];
    const Side& other_side = sides[1 - s];
    if (side.frontier.empty()) break;
    std::vector<store::EntityId> next;
    for (store::EntityId v : side.frontier) {
      GEOKG_RETURN_IF_ERROR(ForEachSelectedLink(v, filter, [&](const store::Link& link, store::EntityId other) {
        if (loaded.insert(link.fact).second) links.push_back(ArcOf(link));
        if (side.seen.insert(other).second) next.push_back(other);
        if (other_side.seen.count(other)) met = true;
        return Status();
      }));
    }
    side.frontier = std::move(next);
    ++side.level;
  }
  if (!met) return std::vector<Path>{};
  const LinkGraph graph = LinkGraph::Build(std::move(links));
  EntityCache cache(store_);
  std::vector<Path> paths;
  for (const std::vector<uint32_t>& hops : ShortestPaths(graph, *graph.VertexOf(from), *graph.VertexOf(to), limit)) {
    Path path;
    store::EntityId here = from;
    for (uint32_t index : hops) {
      const LinkArc& arc = graph.link(index);
      const store::EntityId there = arc.from == here ? arc.to : arc.from;
      auto fact = store_.GetFact(arc.fact);
      if (!fact.ok()) return fact.status();
      auto row = MakeFactRow(fact.value(), cache);
      if (!row.ok()) return row.status();
      auto near = cache.Get(here);
      if (!near.ok()) return near.status();
      auto far = cache.Get(there);
      if (!far.ok()) return far.status();
      const auto by_ends = [](const LinkArc& x, const LinkArc& y) {
        return std::tie(x.from, x.to) < std::tie(y.from, y.to);
      };
      uint32_t alternatives = 0;
      for (auto [u, v] : {std::pair{here, there}, std::pair{there, here}}) {
        const LinkArc probe{0, u, v, true};
        auto [lo, hi] = std::equal_range(graph.links().begin(), graph.links().end(), probe, by_ends);
        alternatives += static_cast<uint32_t>(hi - lo);
      }
      path.push_back({std::move(row).value(), near.value(), far.value(), alternatives});
      here = there;
    }
    paths.push_back(std::move(path));
  }
  return paths;
}

Result<LinkGraph> Engine::BuildLinkGraph(const FactFilter& filter, bool with_links) const {
  if (!filter.NeedsFact()) {
    // The saved view of every fact, narrowed to the relations and modalities asked for.
    auto view = store::LinkViewOf(store_, with_links || !filter.Empty());
    if (!view.ok() || filter.Empty()) return view;
    std::vector<LinkArc> links;
    for (const LinkArc& arc : view.value().links())
      if (filter.MatchesLink({arc.fact, arc.from, arc.to, arc.relation, arc.modality})) links.push_back(arc);
    return LinkGraph::Build(std::move(links));
  }
  auto stats = store_.Stats();
  if (!stats.ok()) return stats.status();
  std::vector<LinkArc> links;
  links.reserve(filter.relations.empty() && filter.modalities.empty() ? stats.value().facts : 0);
  auto add = [&](const store::Link& link) -> Status {
    auto selected = Selected(link, filter);
    if (!selected.ok()) return selected.status();
    if (selected.value()) links.push_back(ArcOf(link));
    return Status();
  };
  if (filter.relations.empty()) {
    GEOKG_RETURN_IF_ERROR(store_.ForEachLink({}, add));
  } else {
    for (Relation r : filter.relations) GEOKG_RETURN_IF_ERROR(store_.ForEachLink({std::nullopt, std::nullopt, r}, add));
  }
  return LinkGraph::Build(std::move(links));
}

Result<Engine::WholeGraph> Engine::SelectGraph(const FactFilter& filter, bool may_map) const {
  // Read in place, the view needs no load: loading it into a LinkGraph was a quarter of rank's
  // time and four fifths of components' at ten million facts.
  WholeGraph g;
  if (may_map && filter.Empty()) g.view = store::MappedLinkViewOf(store_);
  if (g.view) return g;
  auto built = BuildLinkGraph(filter, /*with_links=*/false);
  if (!built.ok()) return built.status();
  g.graph = std::move(built).value();
  return g;
}

Result<std::vector<RankRow>> Engine::Rank(Centrality by, const FactFilter& filter, size_t top) const {
  // Betweenness runs on Boost's graph only.
  auto selected = SelectGraph(filter, /*may_map=*/by != Centrality::kBetweenness);
  if (!selected.ok()) return selected.status();
  const WholeGraph& g = selected.value();
  std::vector<double> degree, score;
  if (g.view) {
    auto degrees = DegreeCentrality(*g.view);
    if (!degrees.ok()) return degrees.status();
    degree = std::move(degrees).value();
    if (by == Centrality::kPageRank) {
      auto ranks = PageRank(*g.view);
      if (!ranks.ok()) return ranks.status();
      score = std::move(ranks).value();
    }
  } else {
    degree = DegreeCentrality(*g.graph);
    if (by == Centrality::kPageRank) score = PageRank(*g.graph);
    if (by == Centrality::kBetweenness) score = Betweenness(*g.graph);
  }
  if (by == Centrality::kDegree) score = degree;
  std::vector<LinkVertex> order(score.size());
  for (LinkVertex v = 0; v < order.size(); ++v) order[v] = v;
  const size_t n = std::min(top, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<ptrdiff_t>(n), order.end(),
                    [&](LinkVertex x, LinkVertex y) { return score[x] != score[y] ? score[x] > score[y] : x < y; });
  EntityCache cache(store_);
  std::vector<RankRow> rows;
  for (size_t i = 0; i < n; ++i) {
    auto entity = cache.Get(g.KeyOf(order[i]));
    if (!entity.ok()) return entity.status();
    rows.push_back({entity.value(), score[order[i]], static_cast<uint32_t>(degree[order[i]])});
  }
  return rows;
}

Result<GroupingAnswer> Engine::Groups(bool modularity, const FactFilter& filter, size_t top, size_t members) const {
  auto selected = SelectGraph(filter, /*may_map=*/true);
  if (!selected.ok()) return selected.status();
  const WholeGraph& g = selected.value();
  Grouping grouping;
  std::vector<double> degree;
  if (g.view) {
    auto groups = modularity ? ModularityGroups(*g.view) : Components(*g.view);
    if (!groups.ok()) return groups.status();
    grouping = std::move(groups).value();
    auto degrees = DegreeCentrality(*g.view);
    if (!degrees.ok()) return degrees.status();
    degree = std::move(degrees).value();
  } else {
    grouping = modularity ? ModularityGroups(*g.graph) : Components(*g.graph);
    degree = DegreeCentrality(*g.graph);
  }
  const size_t shown = std::min(top, grouping.groups);
  std::vector<std::vector<LinkVertex>> in_group(shown);
  for (LinkVertex v = 0; v < grouping.group.size(); ++v)
    if (grouping.group[v] < shown) in_group[grouping.group[v]].push_back(v);
  GroupingAnswer answer{modularity ? "modularity" : "components", grouping.modularity, grouping.groups, {}};
  EntityCache cache(store_);
  for (uint32_t c = 0; c < shown; ++c) {
    std::vector<LinkVertex>& vs = in_group[c];
    std::stable_sort(vs.begin(), vs.end(), [&](LinkVertex x, LinkVertex y) { return degree[x] > degree[y]; });
    GroupRow row{c, vs.size(), {}};
    for (size_t i = 0; i < vs.size() && i < members; ++i) {
      auto entity = cache.Get(g.KeyOf(vs[i]));
      if (!entity.ok()) return entity.status();
      row.members.push_back(entity.value());
    }
    answer.rows.push_back(std::move(row));
  }
  return answer;
}

Result<Graph> Engine::Subgraph(const std::optional<std::string>& center, int depth, const FactFilter& filter,
                               bool with_evidence) const {
  std::vector<store::FactId> facts;
  std::optional<store::EntityRecord> start;
  if (!center) {
    auto all = BuildLinkGraph(filter);
    if (!all.ok()) return all.status();
    for (const LinkArc& arc : all.value().links()) facts.push_back(arc.fact);
  } else {
    auto found = Resolve(*center);
    if (!found.ok()) return found.status();
    start = found.value();
    std::unordered_set<store::EntityId> seen = {start->id};
    std::unordered_set<store::FactId> added;
    std::vector<store::EntityId> frontier = {start->id};
    for (int d = 0; d < depth && !frontier.empty(); ++d) {
      std::vector<store::EntityId> next;
      for (store::EntityId v : frontier)
        GEOKG_RETURN_IF_ERROR(ForEachSelectedLink(v, filter, [&](const store::Link& link, store::EntityId other) {
          if (added.insert(link.fact).second) facts.push_back(link.fact);
          if (seen.insert(other).second) next.push_back(other);
          return Status();
        }));
      frontier = std::move(next);
    }
  }
  std::sort(facts.begin(), facts.end());
  GraphBuilder builder;
  EntityCache cache(store_);
  std::unordered_map<std::string, Document> articles;  // the cited ones, read once each
  if (start) builder.VertexFor(start->id, start->entity);
  for (store::FactId id : facts) {
    auto fact = store_.GetFact(id);
    if (!fact.ok()) return fact.status();
    const store::Fact& f = fact.value();
    auto s = cache.Get(f.subject);
    if (!s.ok()) return s.status();
    auto o = cache.Get(f.object);
    if (!o.ok()) return o.status();
    EdgeProperties edge{f.id,         f.relation,   f.predicate, f.cameo,       f.modality, f.mentions,
                        f.confidence, f.first_time, f.last_time, f.time_source, {}};
    if (with_evidence) {
      auto sentences = store_.Evidence(f.id);
      if (!sentences.ok()) return sentences.status();
      for (store::FactEvidence& e : sentences.value()) {
        auto article = articles.find(e.doc);
        if (article == articles.end()) {
          auto stored = store_.GetDocument(e.doc);
          if (!stored.ok()) return stored.status();
          article = articles.emplace(e.doc, std::move(stored.value())).first;
        }
        const Document& d = article->second;
        edge.evidence.push_back({std::move(e.doc), e.sentence, std::move(e.text), std::move(e.attribution),
                                 std::move(e.time), e.confidence, d.date, d.title, d.url, d.source});
      }
    }
    const Vertex from = builder.VertexFor(f.subject, s.value());
    const Vertex to = builder.VertexFor(f.object, o.value());
    builder.AddEdge(from, to, std::move(edge));
  }
  return builder.Take();
}

}  // namespace geokg::query
