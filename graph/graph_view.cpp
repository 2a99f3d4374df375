#include "graph/graph_view.h"

namespace geokg {

Vertex GraphBuilder::VertexFor(uint32_t key, const Entity& entity) {
  auto [it, inserted] = vertices_.emplace(key, 0);
  if (inserted) it->second = boost::add_vertex(VertexProperties{key, entity.name, entity.type, entity.code}, graph_);
  return it->second;
}

}  // namespace geokg
