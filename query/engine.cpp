#include "query/engine.h"

#include <algorithm>
#include <deque>
#include <set>

namespace geokg::query {

Result<store::EntityRecord> Engine::Resolve(const std::string& name) const {
  auto found = store_.FindEntities(name);
  if (!found.ok()) return found.status();
  if (found.value().empty()) return Status::NotFound("no entity named \"" + name + "\" in " + store_.path().string());
  return found.value().front();
}

Result<MetRow> Engine::MakeRow(const store::Fact& fact, std::optional<store::EntityId> first) const {
  store::EntityId a = fact.subject, b = fact.object;
  if (first && *first == b) std::swap(a, b);
  auto ea = store_.GetEntity(a);
  if (!ea.ok()) return ea.status();
  auto eb = store_.GetEntity(b);
  if (!eb.ok()) return eb.status();
  auto evidence = store_.Evidence(fact.id);
  if (!evidence.ok()) return evidence.status();
  MetRow row{fact.id, ea.value().entity, eb.value().entity, fact.relation, fact.modality, fact.first_time,
             fact.last_time, fact.mentions, fact.confidence, "", ""};
  if (!evidence.value().empty()) {
    row.evidence = evidence.value().front().text;
    row.doc = evidence.value().front().doc;
  }
  return row;
}

Result<std::vector<MetRow>> Engine::Met(const std::optional<std::string>& name) const {
  std::vector<MetRow> rows;
  std::optional<store::EntityId> who;
  if (name) {
    auto entity = Resolve(*name);
    if (!entity.ok()) return entity.status();
    who = entity.value().id;
  }
  std::set<store::FactId> seen;
  auto collect = [&](const store::Fact& fact) -> Status {
    if (!seen.insert(fact.id).second) return Status();
    auto row = MakeRow(fact, who);
    if (!row.ok()) return row.status();
    rows.push_back(std::move(row).value());
    return Status();
  };
  for (Relation r : {Relation::kMeet, Relation::kCall}) {
    if (who) {
      GEOKG_RETURN_IF_ERROR(store_.ForEachFact({who, std::nullopt, r}, collect));
      GEOKG_RETURN_IF_ERROR(store_.ForEachFact({std::nullopt, who, r}, collect));
    } else {
      GEOKG_RETURN_IF_ERROR(store_.ForEachFact({std::nullopt, std::nullopt, r}, collect));
    }
  }
  std::sort(rows.begin(), rows.end(), [](const MetRow& x, const MetRow& y) {
    return std::tie(x.first_time, x.a.name, x.b.name, x.relation, x.modality) <
           std::tie(y.first_time, y.a.name, y.b.name, y.relation, y.modality);
  });
  return rows;
}

Result<Graph> Engine::Subgraph(const std::optional<std::string>& center, int depth) const {
  GraphBuilder builder;
  auto add = [&](const store::Fact& f) -> Status {
    auto s = store_.GetEntity(f.subject);
    if (!s.ok()) return s.status();
    auto o = store_.GetEntity(f.object);
    if (!o.ok()) return o.status();
    Vertex from = builder.VertexFor(f.subject, s.value().entity);
    Vertex to = builder.VertexFor(f.object, o.value().entity);
    builder.AddEdge(from, to, {f.id, f.relation, f.predicate, f.modality, f.mentions, f.confidence, f.first_time, f.last_time});
    return Status();
  };
  if (!center) {
    GEOKG_RETURN_IF_ERROR(store_.ForEachFact({}, add));
    return builder.Take();
  }
  auto start = Resolve(*center);
  if (!start.ok()) return start.status();
  // Breadth-first over the spo and osp indexes: each fact is added once, when its first end
  // is reached.
  std::set<store::EntityId> visited = {start.value().id};
  std::set<store::FactId> added;
  std::deque<std::pair<store::EntityId, int>> queue = {{start.value().id, 0}};
  builder.VertexFor(start.value().id, start.value().entity);
  while (!queue.empty()) {
    auto [id, d] = queue.front();
    queue.pop_front();
    if (d >= depth) continue;
    auto visit = [&](const store::Fact& f) -> Status {
      if (!added.insert(f.id).second) return Status();
      GEOKG_RETURN_IF_ERROR(add(f));
      const store::EntityId other = f.subject == id ? f.object : f.subject;
      if (visited.insert(other).second) queue.emplace_back(other, d + 1);
      return Status();
    };
    GEOKG_RETURN_IF_ERROR(store_.ForEachFact({id, std::nullopt, std::nullopt}, visit));
    GEOKG_RETURN_IF_ERROR(store_.ForEachFact({std::nullopt, id, std::nullopt}, visit));
  }
  return builder.Take();
}

}  // namespace geokg::query
