#include "graph/graph_writers.h"

#include <cstdio>
#include <set>
#include <string>

#include "graph/json_fields.h"
#include "graph/text.h"

namespace geokg {
namespace {

std::string Number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", Round3(x));
  return buf;
}

// XML text: markup escaped, control characters XML 1.0 forbids dropped.
std::string Xml(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

// An N-Triples string literal, ASCII only: non-ASCII as \u or \U escapes.
std::string Literal(std::string_view s) {
  std::string out = "\"";
  ForEachCodePoint(s, [&out](uint32_t cp) {
    char buf[16];
    if (cp == '"')
      out += "\\\"";
    else if (cp == '\\')
      out += "\\\\";
    else if (cp == '\n')
      out += "\\n";
    else if (cp == '\r')
      out += "\\r";
    else if (cp == '\t')
      out += "\\t";
    else if (cp >= 0x20 && cp < 0x7F)
      out += static_cast<char>(cp);
    else {
      std::snprintf(buf, sizeof buf, cp <= 0xFFFF ? "\\u%04X" : "\\U%08X", cp);
      out += buf;
    }
  });
  return out + "\"";
}

std::string Typed(const std::string& value, std::string_view type) {
  return "\"" + value + "\"^^<http://www.w3.org/2001/XMLSchema#" + std::string(type) + ">";
}

// A path segment: unreserved ASCII kept, every other byte percent-encoded, so the IRI is ASCII
// and the same name always gives the same IRI.
std::string Segment(std::string_view s) { return PercentEncode(s, "-._~"); }

std::string Iri(std::string_view path) { return "<" + std::string(kRdfNamespace) + std::string(path) + ">"; }
std::string EntityIri(const VertexProperties& v) { return Iri("entity/" + Segment(v.name)); }
std::string FactIri(uint64_t fact) { return Iri("fact/" + std::to_string(fact)); }
std::string Vocab(std::string_view term) { return Iri("ns#" + std::string(term)); }
std::string Rdf(std::string_view term) {
  return "<http://www.w3.org/1999/02/22-rdf-syntax-ns#" + std::string(term) + ">";
}

// The article of an edge's first sentence: what the one-row-per-fact formats cite.
const EdgeEvidence& Cited(const EdgeProperties& e) {
  static const EdgeEvidence kNone;
  return e.evidence.empty() ? kNone : e.evidence.front();
}

// The fact columns every CSV file shares after its own leading ones, and their values.
constexpr std::string_view kFactCsvHeader =
    "predicate,cameo,modality,mentions,first_time,last_time,time_source,confidence,doc,doc_date,doc_title,"
    "doc_url,doc_source,evidence";

void WriteFactCsv(const EdgeProperties& e, std::ostream& out) {
  const EdgeEvidence& c = Cited(e);
  out << CsvField(e.predicate) << "," << e.cameo << "," << ModalityName(e.modality) << "," << e.mentions << ","
      << e.first_time << "," << e.last_time << "," << TimeSourceName(e.time_source) << "," << Number(e.confidence)
      << "," << CsvField(c.doc) << "," << CsvField(c.date) << "," << CsvField(c.title) << "," << CsvField(c.url) << ","
      << CsvField(c.source) << "," << CsvField(c.text) << "\n";
}

std::string DocumentIri(std::string_view doc) { return Iri("document/" + Segment(doc)); }

std::string TypeClass(EntityType t) {
  std::string name(EntityTypeName(t));
  name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}

}  // namespace

void WriteGraphMl(const Graph& graph, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
  const char* node_keys[][2] = {{"name", "string"}, {"type", "string"}, {"code", "string"}};
  const char* edge_keys[][2] = {
      {"fact", "long"},          {"relation", "string"},   {"predicate", "string"},  {"cameo", "string"},
      {"modality", "string"},    {"mentions", "int"},      {"first_time", "string"}, {"last_time", "string"},
      {"time_source", "string"}, {"confidence", "double"}, {"evidence", "string"},   {"doc", "string"},
      {"doc_date", "string"},    {"doc_title", "string"},  {"doc_url", "string"},    {"doc_source", "string"}};
  for (auto& [name, type] : node_keys)
    out << "  <key id=\"" << name << "\" for=\"node\" attr.name=\"" << name << "\" attr.type=\"" << type << "\"/>\n";
  for (auto& [name, type] : edge_keys)
    out << "  <key id=\"" << name << "\" for=\"edge\" attr.name=\"" << name << "\" attr.type=\"" << type << "\"/>\n";
  out << "  <graph id=\"geokg\" edgedefault=\"directed\">\n";
  for (auto [it, end] = boost::vertices(graph); it != end; ++it) {
    const VertexProperties& v = graph[*it];
    out << "    <node id=\"n" << v.key << "\"><data key=\"name\">" << Xml(v.name) << "</data><data key=\"type\">"
        << EntityTypeName(v.type) << "</data><data key=\"code\">" << Xml(v.code) << "</data></node>\n";
  }
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const EdgeProperties& e = graph[*it];
    out << "    <edge id=\"f" << e.fact << "\" source=\"n" << graph[boost::source(*it, graph)].key << "\" target=\"n"
        << graph[boost::target(*it, graph)].key << "\">";
    auto data = [&out](const char* key, const std::string& value) {
      out << "<data key=\"" << key << "\">" << Xml(value) << "</data>";
    };
    data("fact", std::to_string(e.fact));
    data("relation", std::string(Info(e.relation).name));
    data("predicate", e.predicate);
    data("cameo", e.cameo);
    data("modality", std::string(ModalityName(e.modality)));
    data("mentions", std::to_string(e.mentions));
    data("first_time", e.first_time);
    data("last_time", e.last_time);
    data("time_source", std::string(TimeSourceName(e.time_source)));
    data("confidence", Number(e.confidence));
    const EdgeEvidence& c = Cited(e);
    data("evidence", c.text);
    data("doc", c.doc);
    data("doc_date", c.date);
    data("doc_title", c.title);
    data("doc_url", c.url);
    data("doc_source", c.source);
    out << "</edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

void WriteNeo4jNodes(const Graph& graph, std::ostream& out) {
  out << "entity:ID,name,type,code,:LABEL\n";
  for (auto [it, end] = boost::vertices(graph); it != end; ++it) {
    const VertexProperties& v = graph[*it];
    out << "e" << v.key << "," << CsvField(v.name) << "," << EntityTypeName(v.type) << "," << CsvField(v.code)
        << ",Entity;" << TypeClass(v.type) << "\n";
  }
}

void WriteNeo4jRelationships(const Graph& graph, std::ostream& out) {
  out << ":START_ID,:END_ID,:TYPE,fact:long,predicate,cameo,modality,mentions:int,first_time,last_time,time_source,"
         "confidence:float,doc,doc_date,doc_title,doc_url,doc_source,evidence\n";
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const EdgeProperties& e = graph[*it];
    std::string type(Info(e.relation).name);
    for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    out << "e" << graph[boost::source(*it, graph)].key << ",e" << graph[boost::target(*it, graph)].key << "," << type
        << "," << e.fact << ",";
    WriteFactCsv(e, out);
  }
}

void WriteNeo4jDocuments(const Graph& graph, std::ostream& out) {
  out << "document:ID,doc,date,title,url,source,:LABEL\n";
  std::set<std::string> written;
  for (auto [it, end] = boost::edges(graph); it != end; ++it)
    for (const EdgeEvidence& x : graph[*it].evidence)
      if (written.insert(x.doc).second)
        out << CsvField("d:" + x.doc) << "," << CsvField(x.doc) << "," << CsvField(x.date) << "," << CsvField(x.title)
            << "," << CsvField(x.url) << "," << CsvField(x.source) << ",Document\n";
}

void WriteNeo4jEvidence(const Graph& graph, std::ostream& out) {
  out << ":START_ID,:END_ID,:TYPE,fact:long,sentence:int,text,time,attribution,confidence:float\n";
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const EdgeProperties& e = graph[*it];
    for (const EdgeEvidence& x : e.evidence)
      out << CsvField("d:" + x.doc) << ",e" << graph[boost::source(*it, graph)].key << ",EVIDENCE," << e.fact << ","
          << x.sentence << "," << CsvField(x.text) << "," << x.time << "," << CsvField(x.attribution) << ","
          << Number(x.confidence) << "\n";
  }
}

void WritePlainNodes(const Graph& graph, std::ostream& out) {
  out << "id,name,type,code\n";
  for (auto [it, end] = boost::vertices(graph); it != end; ++it) {
    const VertexProperties& v = graph[*it];
    out << v.key << "," << CsvField(v.name) << "," << EntityTypeName(v.type) << "," << CsvField(v.code) << "\n";
  }
}

void WritePlainEdges(const Graph& graph, std::ostream& out) {
  out << "fact,source,target,relation," << kFactCsvHeader << "\n";
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const EdgeProperties& e = graph[*it];
    out << e.fact << "," << graph[boost::source(*it, graph)].key << "," << graph[boost::target(*it, graph)].key << ","
        << Info(e.relation).name << ",";
    WriteFactCsv(e, out);
  }
}

void WriteNTriples(const Graph& graph, std::ostream& out) {
  const std::string rdf_type = Rdf("type");
  std::set<std::string> documents;
  for (auto [it, end] = boost::vertices(graph); it != end; ++it) {
    const VertexProperties& v = graph[*it];
    const std::string iri = EntityIri(v);
    out << iri << " " << rdf_type << " " << Vocab(TypeClass(v.type)) << " .\n";
    out << iri << " <http://www.w3.org/2000/01/rdf-schema#label> " << Literal(v.name) << " .\n";
    if (!v.code.empty()) out << iri << " " << Vocab("code") << " " << Literal(v.code) << " .\n";
  }
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const EdgeProperties& e = graph[*it];
    const std::string s = EntityIri(graph[boost::source(*it, graph)]);
    const std::string o = EntityIri(graph[boost::target(*it, graph)]);
    const std::string p = Vocab(Info(e.relation).name);
    const std::string f = FactIri(e.fact);
    // Only what the text asserts is stated plainly; expected and negated facts live only as statements.
    if (e.modality == Modality::kAsserted) out << s << " " << p << " " << o << " .\n";
    out << f << " " << rdf_type << " " << Rdf("Statement") << " .\n";
    out << f << " " << Rdf("subject") << " " << s << " .\n";
    out << f << " " << Rdf("predicate") << " " << p << " .\n";
    out << f << " " << Rdf("object") << " " << o << " .\n";
    out << f << " " << Vocab("modality") << " " << Literal(ModalityName(e.modality)) << " .\n";
    out << f << " " << Vocab("predicatePhrase") << " " << Literal(e.predicate) << " .\n";
    if (!e.cameo.empty()) out << f << " " << Vocab("cameo") << " " << Literal(e.cameo) << " .\n";
    out << f << " " << Vocab("mentions") << " " << Typed(std::to_string(e.mentions), "integer") << " .\n";
    out << f << " " << Vocab("confidence") << " " << Typed(Number(e.confidence), "decimal") << " .\n";
    if (!e.first_time.empty()) out << f << " " << Vocab("firstTime") << " " << Literal(e.first_time) << " .\n";
    if (!e.last_time.empty()) out << f << " " << Vocab("lastTime") << " " << Literal(e.last_time) << " .\n";
    if (e.time_source != TimeSource::kNone)
      out << f << " " << Vocab("timeSource") << " " << Literal(TimeSourceName(e.time_source)) << " .\n";
    for (size_t i = 0; i < e.evidence.size(); ++i) {
      const EdgeEvidence& x = e.evidence[i];
      const std::string ev = Iri("fact/" + std::to_string(e.fact) + "/evidence/" + std::to_string(i));
      out << f << " " << Vocab("evidence") << " " << ev << " .\n";
      const std::string d = DocumentIri(x.doc);
      out << ev << " " << Vocab("document") << " " << d << " .\n";
      out << f << " " << Vocab("document") << " " << d << " .\n";
      if (documents.insert(x.doc).second) {
        out << d << " " << rdf_type << " " << Vocab("Document") << " .\n";
        out << d << " " << Vocab("docId") << " " << Literal(x.doc) << " .\n";
        if (!x.title.empty()) out << d << " " << Vocab("title") << " " << Literal(x.title) << " .\n";
        if (!x.date.empty()) out << d << " " << Vocab("date") << " " << Literal(x.date) << " .\n";
        if (!x.url.empty()) out << d << " " << Vocab("url") << " " << Literal(x.url) << " .\n";
        if (!x.source.empty()) out << d << " " << Vocab("source") << " " << Literal(x.source) << " .\n";
      }
      out << ev << " " << Vocab("sentence") << " " << Typed(std::to_string(x.sentence), "integer") << " .\n";
      out << ev << " " << Vocab("text") << " " << Literal(x.text) << " .\n";
      if (!x.attribution.empty()) out << ev << " " << Vocab("attribution") << " " << Literal(x.attribution) << " .\n";
      if (!x.time.empty()) out << ev << " " << Vocab("time") << " " << Literal(x.time) << " .\n";
    }
  }
}

}  // namespace geokg
