#include "query/output.h"

#include <algorithm>
#include <iterator>

#include "graph/json_fields.h"
#include "graph/printable.h"
#include "graph/text.h"

namespace geokg::query {
namespace {

using nlohmann::json;

// How one value reads in a table cell or CSV field.
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
  std::vector<size_t> width;
  for (const std::string& c : names) width.push_back(DisplayWidth(c));
  // Every cell of every row, row after row.
  std::vector<std::string> cells;
  cells.reserve(answer.rows.size() * columns);
  static const json kNull;
  for (const json& row : answer.rows) {
    for (size_t i = 0; i < columns; ++i) {
      const auto value = row.find(names[i]);
      std::string text = ForTable(Cell(value == row.end() ? kNull : *value), cell_width);
      if (text.empty()) text.assign(1, '-');
      width[i] = std::max(width[i], DisplayWidth(text));
      cells.push_back(std::move(text));
    }
  }
  auto line = [&](const std::string* values) {
    for (size_t i = 0; i < columns; ++i) {
      out << values[i];
      if (i + 1 < columns)
        std::fill_n(std::ostreambuf_iterator<char>(out), width[i] - DisplayWidth(values[i]) + 2, ' ');
    }
    out << "\n";
  };
  line(names.data());
  for (size_t first = 0; first < cells.size(); first += columns) line(&cells[first]);
}

json TimeSourceJson(TimeSource source) {
  return source == TimeSource::kNone ? json(nullptr) : json(TimeSourceName(source));
}

// The keys of FactFields, in CSV order.
const std::vector<std::string> kFactColumns = {
    "fact",      "subject",     "relation",       "object",        "predicate", "cameo",      "modality", "first_time",
    "last_time", "time_source", "first_reported", "last_reported", "mentions",  "confidence", "doc",      "evidence"};

json FactFields(const FactRow& r) {
  const store::Fact& f = r.fact;
  // Filled field by field, as NeighborAnswer's rows: a braced list builds and takes apart a
  // [key, value] array per field, a sixth of timeline's time at ten million facts.
  json row(json::value_t::object);
  row["fact"] = f.id;
  row["subject"] = EntityNameJson(r.subject);
  row["relation"] = Info(f.relation).name;
  row["object"] = EntityNameJson(r.object);
  row["predicate"] = f.predicate;
  row["cameo"] = NullIfEmpty(f.cameo);
  row["modality"] = ModalityName(f.modality);
  row["first_time"] = NullIfEmpty(f.first_time);
  row["last_time"] = NullIfEmpty(f.last_time);
  row["time_source"] = TimeSourceJson(f.time_source);
  row["first_reported"] = NullIfEmpty(f.first_reported);
  row["last_reported"] = NullIfEmpty(f.last_reported);
  row["mentions"] = f.mentions;
  row["confidence"] = Round3(f.confidence);
  row["doc"] = NullIfEmpty(r.doc);
  row["evidence"] = NullIfEmpty(r.evidence);
  return row;
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
    case Format::kJson:
      out << json(answer.rows).dump(2) << "\n";
      return;
    case Format::kJsonl:
      for (const json& row : answer.rows) out << row.dump() << "\n";
      return;
    case Format::kCsv:
      for (size_t i = 0; i < answer.columns.size(); ++i) out << (i ? "," : "") << CsvField(answer.columns[i]);
      out << "\n";
      for (const json& row : answer.rows) {
        for (size_t i = 0; i < answer.columns.size(); ++i)
          out << (i ? "," : "") << CsvField(Cell(row.value(answer.columns[i], json(nullptr))));
        out << "\n";
      }
      return;
  }
}

Answer MetAnswer(const std::vector<MetRow>& rows) {
  Answer a{{"entity", "met", "relation", "modality", "first_time", "last_time", "time_source", "place", "mentions",
            "confidence", "fact", "doc", "evidence"},
           {},
           {"entity", "met", "relation", "modality", "first_time", "last_time", "place", "mentions", "confidence",
            "fact", "doc", "evidence"}};
  for (const MetRow& r : rows)
    a.rows.push_back({{"fact", r.fact},
                      {"entity", EntityNameJson(r.a)},
                      {"met", EntityNameJson(r.b)},
                      {"relation", Info(r.relation).name},
                      {"modality", ModalityName(r.modality)},
                      {"first_time", NullIfEmpty(r.first_time)},
                      {"last_time", NullIfEmpty(r.last_time)},
                      {"time_source", TimeSourceJson(r.time_source)},
                      {"place", NullIfEmpty(r.place)},
                      {"mentions", r.mentions},
                      {"confidence", Round3(r.confidence)},
                      {"doc", NullIfEmpty(r.doc)},
                      {"evidence", NullIfEmpty(r.evidence)}});
  return a;
}

Answer FactAnswer(const std::vector<FactRow>& rows) {
  Answer a{kFactColumns,
           {},
           {"first_time", "subject", "relation", "object", "modality", "mentions", "confidence", "fact", "evidence"}};
  a.rows.reserve(rows.size());
  for (const FactRow& r : rows) a.rows.push_back(FactFields(r));
  return a;
}

Answer NeighborAnswer(const std::vector<NeighborRow>& rows) {
  Answer a{{"entity", "type", "depth", "facts", "relations", "via"}, {}, {}};
  a.rows.reserve(rows.size());
  for (const NeighborRow& r : rows) {
    // Filled field by field: a braced list would build and take apart a [key, value] array per
    // field, and depth 2 around a hub has thousands of rows.
    json& row = a.rows.emplace_back(json::value_t::object);
    row["entity"] = r.entity.name;
    row["type"] = EntityTypeName(r.entity.type);
    row["depth"] = r.depth;
    row["facts"] = r.facts;
    json& relations = row["relations"] = json::array();
    for (Relation rel : r.relations) relations.push_back(Info(rel).name);
    row["via"] = r.via;
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
      json row = FactFields(hop.row);
      row["path"] = p + 1;
      row["hop"] = h + 1;
      row["from"] = EntityNameJson(hop.from);
      row["to"] = EntityNameJson(hop.to);
      row["alternatives"] = hop.alternatives;
      a.rows.push_back(std::move(row));
    }
  return a;
}

Answer RankAnswer(const std::vector<RankRow>& rows, std::string_view measure) {
  Answer a{{"rank", "entity", "type", "score", "degree", "measure"}, {}, {}};
  for (size_t i = 0; i < rows.size(); ++i)
    a.rows.push_back({{"rank", i + 1},
                      {"entity", rows[i].entity.name},
                      {"type", EntityTypeName(rows[i].entity.type)},
                      {"score", rows[i].score},
                      {"degree", rows[i].degree},
                      {"measure", measure}});
  return a;
}

Answer GroupAnswer(const GroupingAnswer& grouping) {
  Answer a{{"method", "group", "size", "members", "groups", "modularity"}, {}, {}};
  for (const GroupRow& r : grouping.rows) {
    json members = json::array();
    for (const Entity& e : r.members) members.push_back(e.name);
    a.rows.push_back({{"method", grouping.method},
                      {"group", r.group + 1},
                      {"size", r.size},
                      {"members", members},
                      {"groups", grouping.groups},
                      {"modularity", Round3(grouping.modularity)}});
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
  a.rows.push_back({{"name", e.name},
                    {"type", EntityTypeName(e.type)},
                    {"code", NullIfEmpty(e.code)},
                    {"aliases", e.aliases},
                    {"roles", card.roles},
                    {"id", card.record.id},
                    {"facts", card.facts},
                    {"as_subject", card.as_subject},
                    {"as_object", card.as_object},
                    {"by_relation", by_relation}});
  return a;
}

Answer EvidenceRows(const EvidenceAnswer& answer) {
  Answer a{kFactColumns,
           {},
           {"fact", "doc", "title", "date", "sentence", "time", "time_text", "attribution", "confidence", "text"}};
  a.columns.erase(std::find(a.columns.begin(), a.columns.end(), "doc"), a.columns.end());  // doc, evidence
  a.columns.insert(a.columns.end(), {"doc", "title", "date", "source", "url", "sentence", "span", "text",
                                     "sentence_predicate", "time", "time_text", "attribution"});
  for (const store::FactEvidence& e : answer.sentences) {
    const Document& d = answer.articles.at(e.doc);
    json row = FactFields(answer.fact);
    row.erase("evidence");
    row.erase("doc");
    row.update(json{{"doc", e.doc},
                    {"title", NullIfEmpty(d.title)},
                    {"date", NullIfEmpty(d.date)},
                    {"source", NullIfEmpty(d.source)},
                    {"url", NullIfEmpty(d.url)},
                    {"sentence", e.sentence},
                    {"span", {e.begin, e.end}},
                    {"text", e.text},
                    {"sentence_predicate", e.predicate},
                    {"time", NullIfEmpty(e.time)},
                    {"time_text", NullIfEmpty(e.time_text)},
                    {"attribution", NullIfEmpty(e.attribution)},
                    {"confidence", Round3(e.confidence)}});
    a.rows.push_back(std::move(row));
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
              {"time_source", TimeSourceJson(e.time_source)},
              {"confidence", Round3(e.confidence)},
              {"evidence", evidence}};
    out << j.dump() << "\n";
  }
}

}  // namespace geokg::query
