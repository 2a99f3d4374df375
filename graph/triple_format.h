// graph/triple_format.h -- the documented text forms of a triple (docs/FORMATS.md): one JSON
// object (the `extract --format jsonl` line) and one TSV row under a fixed header.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "graph/document.h"
#include "graph/status.h"
#include "graph/triple.h"

namespace geokg {

// The JSON object of `triple`: doc, sentence, span, subject, object, predicate, relation, cameo,
// modality, attribution, time, time_text, date (the article's), confidence, evidence. Absent
// values are null; an entity's code and aliases are left out when it has none.
nlohmann::json TripleToJson(const Triple& triple);
// The triple `json` describes, as TripleToJson writes it. kInvalidInput names the first field
// that is missing or of the wrong type.
Result<Triple> TripleFromJson(const nlohmann::json& json);

// The line `extract --format jsonl` prints before the triples of each document, so that
// `geokg load` can store the document as `ingest` would: {"document": {id, title, date,
// source, url, content_hash (16 hex digits)}, "triples": count}. Absent values are null.
// The text of the document is not carried.
nlohmann::json DocumentLineToJson(const Document& document, uint64_t content_hash, size_t triples);
struct DocumentLine {
  Document document;  // text empty
  uint64_t content_hash = 0;
  size_t triples = 0;
};
// True when `json` is a document line rather than a triple.
bool IsDocumentLine(const nlohmann::json& json);
// The document line `json` describes. kInvalidInput names the first field that is wrong.
Result<DocumentLine> DocumentLineFromJson(const nlohmann::json& json);

// The TSV header line (no newline) and one row for `triple`; tabs, newlines and backslashes in
// values are escaped as \t, \n and \\.
std::string TsvHeader();
std::string TripleToTsv(const Triple& triple);

}  // namespace geokg
