// graph/json_fields.h -- the JSON field conventions every output of geokg shares (docs/FORMATS.md):
// extract's triples and document lines, and the query commands' rows and exports.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "graph/entity.h"

namespace geokg {

// `s`, or null when it is empty: an absent value is null, never "".
nlohmann::json NullIfEmpty(const std::string& s);

// A confidence or score to three decimals, so that output is stable and short (three decimals
// rank as well as seven).
double Round3(double x);

// An entity as query rows name it: {name, type}.
nlohmann::json EntityNameJson(const Entity& e);
// An entity as a triple carries it: {name, type}, and its code and aliases when it has them
// (the store merges entities by alias: without them a load would not merge as ingest does).
nlohmann::json EntityToJson(const Entity& e);

}  // namespace geokg
