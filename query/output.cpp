#include "query/output.h"

#include <algorithm>
#include <cassert>
#include <iterator>
#include <type_traits>

#include "graph/json_fields.h"
#include "graph/printable.h"
#include "graph/text.h"

namespace geokg::query {
namespace {

using nlohmann::json;

// How one JSON value reads in a table cell or CSV field.
std::string Cell(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) return v.contains("name") ? Cell(v["name"]) : v.dump();
  if (v.is_array()) {
    std::string out;
    for (const json& item : v) out += (out.empty() ? "" : ", ") + Cell(item);
    return out;
  }
  if (v.is_number_float()) {
    std::string s = std::to_string(v.get<double>());
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  }
  return v.dump();
}

// How one value reads in a table cell or CSV field: as Cell would read its JSON value.
std::string Cell(const Value& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
          return "";
        } else if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<T, uint64_t>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<T, Value::EntityName>) {
          return v.name;
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          std::string out;
          for (const std::string& item : v) out += (out.empty() ? "" : ", ") + item;
          return out;
        } else {
          return Cell(json(v));
        }
      },
      value.variant());
}

json ToJson(const Value& value) {
  return std::visit(
      [](const auto& v) -> json {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, Value::EntityName>)
          return {{"name", v.name}, {"type", EntityTypeName(v.type)}};
        else
          return json(v);
      },
      value.variant());
}

json RowJson(const std::vector<std::string>& columns, const Row& row) {
  assert(row.size() == columns.size());
  json out(json::value_t::object);
  for (size_t i = 0; i < columns.size(); ++i) out[columns[i]] = ToJson(row[i]);
  return out;
}

// One line, cut to `limit` terminal columns (0: whole) with "..." marking the cut.
std::string ForTable(std::string_view text, size_t limit) {
  // Control characters made inert (a line break, tab or CR becomes a space: one line).
  const std::string s = Printable(text);
  if (limit == 0 || DisplayWidth(s) <= limit) return s;
  const size_t room = limit > 3 ? limit - 3 : 0;
  size_t bytes = 0, columns = 0;
  while (bytes < s.size()) {
    const size_t n = std::max<size_t>(1, Utf8Length(s, bytes));
    const size_t w = DisplayWidth(std::string_view(s).substr(bytes, n));
    if (columns + w > room) break;
    columns += w;
    bytes += n;
  }
  return s.substr(0, bytes) + "...";
}

void WriteTable(const Answer& answer, size_t cell_width, std::ostream& out) {
  if (answer.rows.empty()) return;
  const std::vector<std::string>& names = answer.table.empty() ? answer.columns : answer.table;
  const size_t columns = names.size();
  // Where each shown column is in a row (none: a column no row has, shown as null).
  std::vector<size_t> field;
  for (const std::string& c : names)
    field.push_back(
        static_cast<size_t>(std::find(answer.columns.begin(), answer.columns.end(), c) - answer.columns.begin()));
  std::vector<size_t> name_widths;
  for (const std::string& c : names) name_widths.push_back(DisplayWidth(c));
  std::vector<size_t> width = name_widths;
  // Every cell of every row, row after row, with its width.
  std::vector<std::string> cells;
  std::vector<size_t> cell_widths;
  cells.reserve(answer.rows.size() * columns);
  cell_widths.reserve(cells.capacity());
  for (const Row& row : answer.rows) {
    for (size_t i = 0; i < columns; ++i) {
      std::string text;
      if (field[i] < row.size()) {
        const Value& value = row[field[i]];
        const auto* s = std::get_if<std::string>(&value.variant());
        text = s ? ForTable(*s, cell_width) : ForTable(Cell(value), cell_width);
      }
      if (text.empty()) text.assign(1, '-');
      cell_widths.push_back(DisplayWidth(text));
      width[i] = std::max(width[i], cell_widths.back());
      cells.push_back(std::move(text));
    }
  }
  auto line = [&](const std::string* values, const size_t* widths) {
    for (size_t i = 0; i < columns; ++i) {
      out << values[i];
      if (i + 1 < columns) std::fill_n(std::ostreambuf_iterator<char>(out), width[i] - widths[i] + 2, ' ');
    }
    out << "\n";
  };
  line(names.data(), name_widths.data());
  for (size_t first = 0; first < cells.size(); first += columns) line(&cells[first], &cell_widths[first]);
}

Value TimeSourceValue(TimeSource source) {
  return source == TimeSource::kNone ? Value() : Value(TimeSourceName(source));
}

// The fields of a fact (AppendFactFields), in CSV order.
const std::vector<std::string> kFactColumns = {
    "fact",      "subject",     "relation",       "object",        "predicate", "cameo",      "modality", "first_time",
    "last_time", "time_source", "first_reported", "last_reported", "mentions",  "confidence", "doc",      "evidence"};
// Appends each of `values` to `row`, built in place (a braced list would copy each).
template <class... V>
void Append(Row& row, V&&... values) {
  (row.emplace_back(std::forward<V>(values)), ...);
}

// A fact's fields (kFactColumns), appended to `row`.
void AppendFactFields(const FactRow& r, Row& row) {
  const store::Fact& f = r.fact;
  Append(row, f.id, r.subject, Info(f.relation).name, r.object, f.predicate, TextOrNull(f.cameo),
         ModalityName(f.modality), TextOrNull(f.first_time), TextOrNull(f.last_time), TimeSourceValue(f.time_source),
         TextOrNull(f.first_reported), TextOrNull(f.last_reported), f.mentions, Round3(f.confidence), TextOrNull(r.doc),
         TextOrNull(r.evidence));
}

// An exported edge's end: {name, type, code}, the code null when it has none.
json VertexJson(const VertexProperties& v) {
  return {{"name", v.name}, {"type", EntityTypeName(v.type)}, {"code", NullIfEmpty(v.code)}};
}

}  // namespace

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "table") return Format::kTable;
  if (name == "json") return Format::kJson;
  if (name == "jsonl") return Format::kJsonl;
  if (name == "csv") return Format::kCsv;
  return std::nullopt;
}

void WriteAnswer(const Answer& answer, Format format, std::ostream& out, size_t cell_width) {
  switch (format) {
    case Format::kTable:
      WriteTable(answer, cell_width, out);
      return;
    case Format::kJson: {
      json rows = json::array();
      for (const Row& row : answer.rows) rows.push_back(RowJson(answer.columns, row));
      out << rows.dump(2) << "\n";
      return;
    }
    case Format::kJsonl:
      for (const Row& row : answer.rows) out << RowJson(answer.columns, row).dump() << "\n";
      return;
    case Format::kCsv:
      for (size_t i = 0; i < answer.columns.size(); ++i) out << (i ? "," : "") << CsvField(answer.columns[i]);
      out << "\n";
      for (const Row& row : answer.rows) {
        assert(row.size() == answer.columns.size());
        for (size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << CsvField(Cell(row[i]));
        out << "\n";
      }
      return;
  }
}

Value TextOrNull(std::string_view text) { return text.empty() ? Value() : Value(text); }

Answer MetAnswer(const std::vector<MetRow>& rows) {
  Answer a{{"entity", "met", "relation", "modality", "first_time", "last_time", "time_source", "place", "mentions",
            "confidence", "fact", "doc", "evidence"},
           {},
           {"entity", "met", "relation", "modality", "first_time", "last_time", "place", "mentions", "confidence",
            "fact", "doc", "evidence"}};
  a.rows.reserve(rows.size());
  for (const MetRow& r : rows)
    Append(a.rows.emplace_back(), r.a, r.b, Info(r.relation).name, ModalityName(r.modality), TextOrNull(r.first_time),
           TextOrNull(r.last_time), TimeSourceValue(r.time_source), TextOrNull(r.place), r.mentions,
           Round3(r.confidence), r.fact, TextOrNull(r.doc), TextOrNull(r.evidence));
  return a;
}

Answer FactAnswer(const std::vector<FactRow>& rows) {
  Answer a{kFactColumns,
           {},
           {"first_time", "subject", "relation", "object", "modality", "mentions", "confidence", "fact", "evidence"}};
  a.rows.reserve(rows.size());
  for (const FactRow& r : rows) {
    Row& row = a.rows.emplace_back();
    row.reserve(kFactColumns.size());
    AppendFactFields(r, row);
  }
  return a;
}

Answer NeighborAnswer(const std::vector<NeighborRow>& rows) {
  Answer a{{"entity", "type", "depth", "facts", "relations", "via"}, {}, {}};
  a.rows.reserve(rows.size());
  for (const NeighborRow& r : rows) {
    std::vector<std::string> relations;
    relations.reserve(r.relations.size());
    for (Relation rel : r.relations) relations.emplace_back(Info(rel).name);
    Append(a.rows.emplace_back(), r.entity.name, EntityTypeName(r.entity.type), r.depth, r.facts, std::move(relations),
           r.via);
  }
  return a;
}

Answer PathAnswer(const std::vector<Path>& paths) {
  Answer a{{"path", "hop", "from", "to", "alternatives"},
           {},
           {"path", "hop", "from", "relation", "to", "subject", "object", "modality", "first_time", "alternatives",
            "fact", "evidence"}};
  a.columns.insert(a.columns.end(), kFactColumns.begin(), kFactColumns.end());
  for (size_t p = 0; p < paths.size(); ++p)
    for (size_t h = 0; h < paths[p].size(); ++h) {
      const PathHop& hop = paths[p][h];
      Row& row = a.rows.emplace_back();
      Append(row, p + 1, h + 1, hop.from, hop.to, hop.alternatives);
      AppendFactFields(hop.row, row);
    }
  return a;
}

Answer RankAnswer(const std::vector<RankRow>& rows, std::string_view measure) {
  Answer a{{"rank", "entity", "type", "score", "degree", "measure"}, {}, {}};
  for (size_t i = 0; i < rows.size(); ++i)
    Append(a.rows.emplace_back(), i + 1, rows[i].entity.name, EntityTypeName(rows[i].entity.type), rows[i].score,
           rows[i].degree, measure);
  return a;
}

Answer GroupAnswer(const GroupingAnswer& grouping) {
  Answer a{{"method", "group", "size", "members", "groups", "modularity"}, {}, {}};
  for (const GroupRow& r : grouping.rows) {
    std::vector<std::string> members;
    for (const Entity& e : r.members) members.push_back(e.name);
    Append(a.rows.emplace_back(), grouping.method, r.group + 1, r.size, std::move(members), grouping.groups,
           Round3(grouping.modularity));
  }
  return a;
}

Answer EntityAnswer(const EntityCard& card) {
  const Entity& e = card.record.entity;
  json by_relation = json::object();
  for (const auto& [r, n] : card.by_relation) by_relation[std::string(Info(r).name)] = n;
  Answer a{{"name", "type", "code", "aliases", "roles", "id", "facts", "as_subject", "as_object", "by_relation"},
           {},
           {"name", "type", "code", "aliases", "roles", "facts", "as_subject", "as_object", "by_relation"}};
  Append(a.rows.emplace_back(), e.name, EntityTypeName(e.type), TextOrNull(e.code), e.aliases, card.roles,
         card.record.id, card.facts, card.as_subject, card.as_object, std::move(by_relation));
  return a;
}

Answer EvidenceRows(const EvidenceAnswer& answer) {
  Answer a{kFactColumns,
           {},
           {"fact", "doc", "title", "date", "sentence", "time", "time_text", "attribution", "confidence", "text"}};
  // The fact's fields but its doc and evidence, then the sentence's; confidence is the sentence's.
  const auto doc = std::find(a.columns.begin(), a.columns.end(), "doc");
  const auto confidence = std::find(a.columns.begin(), a.columns.end(), "confidence") - a.columns.begin();
  a.columns.erase(doc, a.columns.end());
  const size_t fact_fields = a.columns.size();
  a.columns.insert(a.columns.end(), {"doc", "title", "date", "source", "url", "sentence", "span", "text",
                                     "sentence_predicate", "time", "time_text", "attribution"});
  for (const store::FactEvidence& e : answer.sentences) {
    const Document& d = answer.articles.at(e.doc);
    Row& row = a.rows.emplace_back();
    AppendFactFields(answer.fact, row);
    row.resize(fact_fields);
    row[confidence] = Round3(e.confidence);
    Append(row, e.doc, TextOrNull(d.title), TextOrNull(d.date), TextOrNull(d.source), TextOrNull(d.url), e.sentence,
           json::array({e.begin, e.end}), e.text, e.predicate, TextOrNull(e.time), TextOrNull(e.time_text),
           TextOrNull(e.attribution));
  }
  return a;
}

void WriteGraphJsonl(const Graph& graph, std::ostream& out) {
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const EdgeProperties& e = graph[*it];
    const VertexProperties& s = graph[boost::source(*it, graph)];
    const VertexProperties& o = graph[boost::target(*it, graph)];
    json evidence = json::array();
    for (const EdgeEvidence& x : e.evidence)
      evidence.push_back({{"doc", x.doc},
                          {"sentence", x.sentence},
                          {"text", x.text},
                          {"attribution", NullIfEmpty(x.attribution)},
                          {"time", NullIfEmpty(x.time)},
                          {"confidence", Round3(x.confidence)},
                          {"doc_date", NullIfEmpty(x.date)},
                          {"doc_title", NullIfEmpty(x.title)},
                          {"doc_url", NullIfEmpty(x.url)},
                          {"doc_source", NullIfEmpty(x.source)}});
    json j = {{"fact", e.fact},
              {"subject", VertexJson(s)},
              {"relation", Info(e.relation).name},
              {"predicate", e.predicate},
              {"cameo", NullIfEmpty(e.cameo)},
              {"object", VertexJson(o)},
              {"modality", ModalityName(e.modality)},
              {"mentions", e.mentions},
              {"first_time", NullIfEmpty(e.first_time)},
              {"last_time", NullIfEmpty(e.last_time)},
              {"time_source", ToJson(TimeSourceValue(e.time_source))},
              {"confidence", Round3(e.confidence)},
              {"evidence", evidence}};
    out << j.dump() << "\n";
  }
}

}  // namespace geokg::query
