// graph/triple_format.h -- the documented text forms of a triple (docs/FORMATS.md): one JSON
// object (the `extract --format jsonl` line) and one TSV row under a fixed header.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "graph/status.h"
#include "graph/triple.h"

namespace geokg {

// The JSON object of `triple`: doc, sentence, span, subject, object, predicate, relation, cameo,
// modality, attribution, time, time_text, date (the article's), confidence, evidence. Absent
// values are null.
nlohmann::json TripleToJson(const Triple& triple);
// The triple `json` describes, as TripleToJson writes it. kInvalidInput names the first field
// that is missing or of the wrong type.
Result<Triple> TripleFromJson(const nlohmann::json& json);

// The TSV header line (no newline) and one row for `triple`; tabs, newlines and backslashes in
// values are escaped as \t, \n and \\.
std::string TsvHeader();
std::string TripleToTsv(const Triple& triple);

}  // namespace geokg
