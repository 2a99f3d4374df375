// query/output.h -- the text forms of query answers. Every command turns its answer into an
// Answer (named columns, a row of typed values each) and prints it as a readable table, one JSON
// document, JSON Lines or CSV, so that field names are the same in every format
// (docs/QUERIES.md). Writing only; thread-compatible.
#pragma once

#include <concepts>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/graph_view.h"
#include "query/engine.h"

namespace geokg::query {

enum class Format : uint8_t { kTable, kJson, kJsonl, kCsv };
// "table", "json", "jsonl", "csv"; nullopt for anything else.
std::optional<Format> ParseFormat(std::string_view name);

// One field of a row, kept typed rather than as JSON: a table or CSV prints it without building a
// JSON value (at ten million facts building and printing a JSON object per row was a quarter
// of timeline's time), and the JSON formats turn it into the JSON value it stands for. Tables and CSV show
// null as empty ("-" in a table), an entity by its name, a list as its items joined by ", ", a
// number as JSON writes it but a fraction with trailing zeros cut ("0.5"), and a JSON value
// (for what has no type here: an object of counts, a span) as its items or its JSON text.
class Value {
 public:
  struct EntityName {
    std::string name;
    EntityType type = EntityType::kOther;
  };
  using Variant =
      std::variant<std::nullptr_t, std::string, uint64_t, double, EntityName, std::vector<std::string>, nlohmann::json>;

  Value() = default;  // null
  Value(std::nullptr_t) {}
  Value(const std::string& text) : v_(text) {}
  Value(std::string&& text) : v_(std::move(text)) {}
  Value(std::string_view text) : v_(std::string(text)) {}
  Value(const char* text) : v_(std::string(text)) {}
  template <std::unsigned_integral T>
  Value(T number) : v_(uint64_t{number}) {}
  Value(double number) : v_(number) {}
  // Not numbers here: a JSON answer would print them differently (true, -1).
  Value(bool) = delete;
  template <std::signed_integral T>
  Value(T) = delete;
  Value(const Entity& entity) : v_(EntityName{entity.name, entity.type}) {}  // JSON {"name", "type"}
  Value(std::vector<std::string> items) : v_(std::move(items)) {}            // JSON an array of strings
  Value(nlohmann::json json) : v_(std::move(json)) {}

  const Variant& variant() const { return v_; }

 private:
  Variant v_;
};
// `text`, or null when it is empty: an absent value is null, never "" (as NullIfEmpty).
Value TextOrNull(std::string_view text);

using Row = std::vector<Value>;  // one value per column of its Answer, in that order

struct Answer {
  std::vector<std::string> columns;  // the fields of each row, in CSV column order
  std::vector<Row> rows;             // JSON prints each as an object of these fields
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
