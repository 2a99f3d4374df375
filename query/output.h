// query/output.h -- the text forms of query answers. Every command turns its answer into an
// Answer (named columns, one JSON object per row) and prints it as a readable table, one JSON
// document, JSON Lines or CSV, so that field names are the same in every format
// (docs/QUERIES.md). Writing only; thread-compatible.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/graph_view.h"
#include "query/engine.h"

namespace geokg::query {

enum class Format : uint8_t { kTable, kJson, kJsonl, kCsv };
// "table", "json", "jsonl", "csv"; nullopt for anything else.
std::optional<Format> ParseFormat(std::string_view name);

struct Answer {
  std::vector<std::string> columns;  // every key of each row, in CSV column order
  std::vector<nlohmann::json> rows;  // objects; values may be null, numbers, strings, arrays or
                                     // {"name", "type"} entities (shown by name in table and CSV)
  std::vector<std::string> table;    // the columns a table shows, when fewer than all fit a screen
};

// Writes `answer`. Table: the `table` columns (else all) aligned in terminal columns (wide CJK
// counts 2, combining marks 0), each cell cut to `cell_width` columns with "..." (0: never cut),
// nothing for no rows (the CLI says so on stderr); CSV: every column, RFC 4180, a header; JSON:
// an array of the rows; JSON Lines: one row per line. Only tables are ever cut.
void WriteAnswer(const Answer& answer, Format format, std::ostream& out, size_t cell_width = 0);

// The answers of each question (fields documented in docs/QUERIES.md).
Answer MetAnswer(const std::vector<MetRow>& rows);
Answer FactAnswer(const std::vector<FactRow>& rows);
Answer NeighborAnswer(const std::vector<NeighborRow>& rows);
Answer PathAnswer(const std::vector<Path>& paths);  // one row per hop, numbered by path
Answer RankAnswer(const std::vector<RankRow>& rows, std::string_view measure);
Answer GroupAnswer(const GroupingAnswer& grouping);
Answer EntityAnswer(const EntityCard& card);
Answer EvidenceRows(const EvidenceAnswer& answer);  // one row per sentence

// One JSON object per edge: fact, subject, relation, predicate, cameo, object, modality,
// mentions, first_time, last_time, confidence, evidence (docs/FORMATS.md).
void WriteGraphJsonl(const Graph& graph, std::ostream& out);

}  // namespace geokg::query
