// query/entity_cache.h -- internal: entities read from the store once per query, since one
// entity often appears in many rows. Not thread-safe; one per query.
#pragma once

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "store/store.h"

namespace geokg::query::internal {

class EntityCache {
 public:
  explicit EntityCache(const store::Store& store) : store_(store) {}
  // Reads the entities of `ids` not read yet in one read of the store (Store::ForEachEntity), so
  // that Get finds them: for answers naming hundreds of entities. Errors as ForEachEntity.
  Status Load(std::vector<store::EntityId> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::erase_if(ids, [&](store::EntityId id) { return entities_.count(id) != 0; });
    return store_.ForEachEntity(ids, [&](const store::EntityRecord& record) {
      entities_.emplace(record.id, record.entity);
      return Status();
    });
  }
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
