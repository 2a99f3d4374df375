#include "graph/entity.h"

#include <array>

namespace geokg {
namespace {
constexpr auto kTypeNames =
    std::to_array<std::string_view>({"person", "country", "organization", "location", "group", "other"});
}  // namespace

std::string_view EntityTypeName(EntityType type) { return kTypeNames[static_cast<size_t>(type)]; }

std::optional<EntityType> ParseEntityType(std::string_view name) {
  for (size_t i = 0; i < kTypeNames.size(); ++i)
    if (kTypeNames[i] == name) return static_cast<EntityType>(i);
  return std::nullopt;
}

}  // namespace geokg
