#include "graph/json_fields.h"

#include <cmath>

namespace geokg {

using nlohmann::json;

json NullIfEmpty(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

double Round3(double x) { return std::round(x * 1000.0) / 1000.0; }

json EntityNameJson(const Entity& e) { return {{"name", e.name}, {"type", EntityTypeName(e.type)}}; }

json EntityToJson(const Entity& e) {
  json j = EntityNameJson(e);
  if (!e.code.empty()) j["code"] = e.code;
  if (!e.aliases.empty()) j["aliases"] = e.aliases;
  return j;
}

}  // namespace geokg
