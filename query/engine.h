// query/engine.h -- answers analysts' questions from a store: who met whom, and subgraphs for
// export. Lookups go through the store's indexes. An Engine only reads; it may be shared by
// threads as long as its Store is.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "graph/graph_view.h"
#include "graph/status.h"
#include "store/store.h"

namespace geokg::query {

// One meeting or call between two entities (a merged fact).
struct MetRow {
  store::FactId fact = 0;
  Entity a;  // for `met NAME`: the entity asked about
  Entity b;
  Relation relation = Relation::kMeet;  // kMeet or kCall
  Modality modality = Modality::kAsserted;
  std::string first_time;
  std::string last_time;
  uint32_t mentions = 0;
  float confidence = 0;
  std::string evidence;  // the first sentence that states it
  std::string doc;       // and its article
};

class Engine {
 public:
  explicit Engine(const store::Store& store) : store_(store) {}

  // The entity a user means by `name` (canonical name, alias, code; any case). kNotFound names
  // the missing entity; when several share the name, the one named so canonically wins.
  Result<store::EntityRecord> Resolve(const std::string& name) const;

  // Everyone `name` met or called; without a name, every pair. Ordered by date, then name.
  Result<std::vector<MetRow>> Met(const std::optional<std::string>& name) const;

  // The whole graph, or the facts within `depth` hops of `center`.
  Result<Graph> Subgraph(const std::optional<std::string>& center, int depth) const;

 private:
  Result<MetRow> MakeRow(const store::Fact& fact, std::optional<store::EntityId> first) const;
  const store::Store& store_;
};

}  // namespace geokg::query
