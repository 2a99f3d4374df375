// query/engine.h -- answers analysts' questions from a store: who met whom, triple patterns,
// neighbourhoods, timelines, entity cards and evidence straight from the store's indexes;
// paths, centrality and communities on a Boost.Graph view (graph/link_graph.h) of the facts a
// FactFilter selects; subgraphs for export. An Engine only reads; it may be shared by threads
// as long as its Store is.
//
//   query::Engine engine(*store);
//   auto rows = engine.Met("Lee", filter);        // any alias, any case
//   auto paths = engine.Paths("Pyongyang", "Beijing", {}, 4, 3);
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/graph_view.h"
#include "graph/link_graph.h"
#include "graph/status.h"
#include "query/fact_filter.h"
#include "store/store.h"

namespace geokg::query {

namespace internal {
class EntityCache;
}  // namespace internal

// One merged fact with its entities and the first sentence that states it.
struct FactRow {
  store::Fact fact;
  Entity subject;
  Entity object;
  std::string evidence;  // empty only if the store lost its evidence rows
  std::string doc;
};

// One meeting or call between two entities (a merged fact).
struct MetRow {
  store::FactId fact = 0;
  Entity a;  // for `met NAME`: the entity asked about
  Entity b;
  Relation relation = Relation::kMeet;  // kMeet or kCall
  Modality modality = Modality::kAsserted;
  std::string first_time;
  std::string last_time;
  TimeSource time_source = TimeSource::kNone;
  uint32_t mentions = 0;
  float confidence = 0;
  // Where they met, when a sentence stating the meeting also says one of them visited or
  // attended a place (visit/attend fact with a location or country object); else empty.
  std::string place;
  std::string evidence;  // the first sentence that states it
  std::string doc;       // and its article
};

// An entity within `depth` hops of the one asked about.
struct NeighborRow {
  Entity entity;
  uint32_t depth = 0;
  uint32_t facts = 0;               // selected facts joining it to entities one hop nearer
  std::vector<Relation> relations;  // their relations, ascending
  std::string via;                  // of the entities one hop nearer joined to it, the one
                                    // stored first (the centre at depth 1)
};

// One hop of a path: the fact joining two consecutive entities (stored direction kept).
struct PathHop {
  FactRow row;
  Entity from;  // the entity nearer the path's start
  Entity to;
  uint32_t alternatives = 0;  // selected facts joining the same two entities
};
using Path = std::vector<PathHop>;

enum class Centrality : uint8_t { kDegree, kPageRank, kBetweenness };

struct RankRow {
  Entity entity;
  double score = 0;
  uint32_t degree = 0;  // distinct entities it shares a selected fact with
};

struct GroupRow {
  uint32_t group = 0;  // 0-based, largest first
  size_t size = 0;
  std::vector<Entity> members;  // the best-connected members first, at most the limit asked
};
struct GroupingAnswer {
  std::string method;  // "components" or "modularity"
  double modularity = 0;
  size_t groups = 0;
  std::vector<GroupRow> rows;
};

struct EntityCard {
  store::EntityRecord record;
  uint64_t facts = 0;  // distinct facts it takes part in: a fact about itself counts once
  uint64_t as_subject = 0;
  uint64_t as_object = 0;  // symmetric facts count where the store keeps them; a fact about
                           // itself counts here and in as_subject
  std::map<Relation, uint64_t> by_relation;
  // Dated offices and roles ("General Secretary of Soviet Union, 1985-03-11 to 1991-08-24"),
  // from the lexicon: the store does not keep them, so the caller that has one fills them in.
  std::vector<std::string> roles;
};

struct EvidenceAnswer {
  FactRow fact;
  std::vector<store::FactEvidence> sentences;
  std::map<std::string, Document> articles;  // by doc id; metadata only
};

class Engine {
 public:
  explicit Engine(const store::Store& store) : store_(store) {}

  // The entity a user means by `name` (canonical name, alias, code; any case). kNotFound names
  // the missing entity and suggests up to five close names ("did you mean ..."); when several
  // share the name, the one named so canonically wins.
  Result<store::EntityRecord> Resolve(const std::string& name) const;
  // The one entity `name` means, for commands that change the store: "#ID" is the entity with
  // that id (`geokg entity` shows it); a name, the entity whose canonical name it is, else the
  // only entity it names at all (an alias, a code, a surname). kNotFound as Resolve;
  // kInvalidInput when it names several, listing up to five with their ids.
  Result<store::EntityRecord> ResolveOne(const std::string& name) const;
  // Names close to `name`: aliases containing it, then canonical names within a small edit
  // distance, best first; at most `limit`.
  Result<std::vector<std::string>> Suggest(const std::string& name, size_t limit) const;

  // Everyone `name` met or called (without a name, every pair) among the facts `filter` passes
  // (its relations are ignored). Ordered by date, undated last, then name.
  Result<std::vector<MetRow>> Met(const std::optional<std::string>& name, const FactFilter& filter) const;
  // Facts matching a triple pattern: subject and object by name, relations and the rest from
  // `filter`, answered from the spo, pos or osp index that fits. Ordered as Timeline.
  Result<std::vector<FactRow>> Query(const std::optional<std::string>& subject,
                                     const std::optional<std::string>& object, const FactFilter& filter) const;
  // Every selected fact with `name` as subject or object, by first date (undated last).
  Result<std::vector<FactRow>> Timeline(const std::string& name, const FactFilter& filter) const;
  // The graph questions, from here to Subgraph, are implemented in graph_queries.cpp.
  // Entities within `depth` hops of `name` over selected facts, nearest first. Beyond one hop
  // over every fact, walked on the saved link view when it is current (store/link_view.h).
  Result<std::vector<NeighborRow>> Neighbors(const std::string& name, int depth, const FactFilter& filter) const;
  // Up to `limit` shortest chains of selected facts from `a` to `b` of at most `max_depth` hops;
  // empty when there is none. Searches from both ends through the indexes, then runs
  // breadth-first search on a LinkGraph of the region it explored.
  Result<std::vector<Path>> Paths(const std::string& a, const std::string& b, const FactFilter& filter, int max_depth,
                                  size_t limit) const;
  // The `top` most central entities of the selected graph.
  Result<std::vector<RankRow>> Rank(Centrality by, const FactFilter& filter, size_t top) const;
  // Groups of the selected graph: connected components, or modularity groups; each row lists
  // at most `members` names.
  Result<GroupingAnswer> Groups(bool modularity, const FactFilter& filter, size_t top, size_t members) const;
  // The name card of `name`: record and fact counts.
  Result<EntityCard> Card(const std::string& name) const;
  // Every sentence and article behind fact `id`. kNotFound when there is no such fact.
  Result<EvidenceAnswer> EvidenceFor(store::FactId id) const;

  // The LinkGraph of every selected fact: from the saved link view unless the filter needs the
  // facts themselves (dates, confidence, mentions), then from index keys and facts. Without
  // `with_links` the view's facts may be left unread (LinkGraph::Load): for arcs-only analyses.
  Result<LinkGraph> BuildLinkGraph(const FactFilter& filter, bool with_links = true) const;
  // The selected facts: all of them, or those within `depth` hops of `center`. With
  // `with_evidence`, each edge carries its sentences (for exports that cite them).
  Result<Graph> Subgraph(const std::optional<std::string>& center, int depth, const FactFilter& filter,
                         bool with_evidence) const;

 private:
  Result<FactRow> MakeFactRow(const store::Fact& fact, internal::EntityCache& cache) const;
  // Calls visit(link, other end) for each fact touching `v` whose index key passes `filter`'s
  // relations and modalities, each fact once, without reading the facts.
  Status ForEachIndexedLink(store::EntityId v, const FactFilter& filter,
                            const std::function<Status(const store::Link&, store::EntityId)>& visit) const;
  // Calls visit(link, other end) for each selected fact touching `v`, each fact once.
  Status ForEachSelectedLink(store::EntityId v, const FactFilter& filter,
                             const std::function<Status(const store::Link&, store::EntityId)>& visit) const;
  Result<bool> Selected(const store::Link& link, const FactFilter& filter) const;
  // The graph a whole-graph question reads: the saved view mapped in place (`view`) when
  // `filter` selects every fact, `may_map` and the view is current; else the LinkGraph of the
  // selected facts, without their links (`graph`).
  struct WholeGraph {
    std::optional<MappedLinkGraph> view;
    std::optional<LinkGraph> graph;
    uint32_t KeyOf(LinkVertex v) const { return view ? view->KeyOf(v) : graph->KeyOf(v); }
  };
  Result<WholeGraph> SelectGraph(const FactFilter& filter, bool may_map) const;
  using FirstSentences = std::unordered_map<store::FactId, store::FactEvidence>;
  // The first sentence of each fact of `ids` that has one. REQUIRES: `ids` strictly ascending.
  Result<FirstSentences> FirstSentencesOf(const std::vector<store::FactId>& ids) const;
  // The rows of `facts` with their entities and first sentences, by date then id;
  // `first_sentences` gives the sentences, called once the entities are read.
  Result<std::vector<FactRow>> Rows(const std::vector<store::Fact>& facts) const;
  Result<std::vector<FactRow>> Rows(const std::vector<store::Fact>& facts,
                                    const std::function<Result<FirstSentences>()>& first_sentences) const;
  // The rows of the facts of `ids` that `filter` passes, the facts read in one batch; with many
  // rows and no filter on the facts' own fields, their sentences are read meanwhile on a second
  // thread.
  Result<std::vector<FactRow>> RowsOf(std::vector<store::FactId> ids, const FactFilter& filter) const;
  const store::Store& store_;
};

}  // namespace geokg::query
