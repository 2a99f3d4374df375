// graph/entity.h -- a canonical entity: what a triple's subject or object is.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geokg {

enum class EntityType : uint8_t { kPerson, kCountry, kOrganization, kLocation, kGroup, kOther };

// The lower-case name used in JSON, TSV and on the command line ("person", "country", ...).
std::string_view EntityTypeName(EntityType type);
// The type named `name`, or nullopt when it is not one of the names above.
std::optional<EntityType> ParseEntityType(std::string_view name);

struct Entity {
  std::string name;  // canonical: "Lee Jae-myung", "South Korea", "North Atlantic Treaty Organization"
  EntityType type = EntityType::kOther;
  std::string code;                  // ISO 3166 alpha-3 for countries, acronym for organisations; may be empty
  std::vector<std::string> aliases;  // other names a user may ask by ("Lee", "Seoul", "ROK")

  friend bool operator==(const Entity& a, const Entity& b) { return a.name == b.name && a.type == b.type; }
};

}  // namespace geokg
