// query/entity_cache.h -- internal: entities read from the store once per query, since one
// entity often appears in many rows. Not thread-safe; one per query.
#pragma once

#include <unordered_map>

#include "store/store.h"

namespace geokg::query::internal {

class EntityCache {
 public:
  explicit EntityCache(const store::Store& store) : store_(store) {}
  // The entity `id`, read on first use. Errors as Store::GetEntity.
  Result<Entity> Get(store::EntityId id) {
    if (auto it = entities_.find(id); it != entities_.end()) return it->second;
    auto record = store_.GetEntity(id);
    if (!record.ok()) return record.status();
    return entities_.emplace(id, std::move(record.value().entity)).first->second;
  }

 private:
  const store::Store& store_;
  std::unordered_map<store::EntityId, Entity> entities_;
};

}  // namespace geokg::query::internal
