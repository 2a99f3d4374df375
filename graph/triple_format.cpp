#include "graph/triple_format.h"

#include <cstdio>

#include "graph/json_fields.h"

namespace geokg {
namespace {

using nlohmann::json;

std::string EscapeTsv(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += c;
    }
  }
  return out;
}

Status ReadString(const json& j, const char* key, bool nullable, std::string* out) {
  auto it = j.find(key);
  if (it == j.end()) return Status::InvalidInput(std::string("missing field \"") + key + "\"");
  if (nullable && it->is_null()) {
    out->clear();
    return Status();
  }
  if (!it->is_string()) return Status::InvalidInput(std::string("field \"") + key + "\" is not a string");
  *out = it->get<std::string>();
  return Status();
}

Status ReadEntity(const json& j, const char* key, Entity* out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_object())
    return Status::InvalidInput(std::string("field \"") + key + "\" is not an object");
  GEOKG_RETURN_IF_ERROR(ReadString(*it, "name", false, &out->name));
  std::string type;
  GEOKG_RETURN_IF_ERROR(ReadString(*it, "type", false, &type));
  auto parsed = ParseEntityType(type);
  if (!parsed) return Status::InvalidInput("unknown entity type \"" + type + "\"");
  out->type = *parsed;
  if (auto code = it->find("code"); code != it->end() && code->is_string()) out->code = code->get<std::string>();
  if (auto aliases = it->find("aliases"); aliases != it->end()) {
    if (!aliases->is_array()) return Status::InvalidInput(std::string("field \"") + key + ".aliases\" is not an array");
    for (const json& a : *aliases) {
      if (!a.is_string()) return Status::InvalidInput(std::string("field \"") + key + ".aliases\" holds a non-string");
      out->aliases.push_back(a.get<std::string>());
    }
  }
  return Status();
}

}  // namespace

json TripleToJson(const Triple& t) {
  return json{
      {"doc", t.evidence.doc},
      {"sentence", t.evidence.sentence},
      {"span", {t.evidence.begin, t.evidence.end}},
      {"subject", EntityToJson(t.subject)},
      {"predicate", t.predicate},
      {"relation", Info(t.relation).name},
      {"cameo", NullIfEmpty(t.cameo)},
      {"object", EntityToJson(t.object)},
      {"modality", ModalityName(t.modality)},
      {"attribution", NullIfEmpty(t.attribution)},
      {"time", NullIfEmpty(t.time)},
      {"time_text", NullIfEmpty(t.time_text)},
      {"date", NullIfEmpty(t.evidence.date)},
      {"confidence", Round3(t.confidence)},
      {"evidence", t.evidence.text},
  };
}

Result<Triple> TripleFromJson(const json& j) {
  if (!j.is_object()) return Status::InvalidInput("a triple must be a JSON object");
  Triple t;
  GEOKG_RETURN_IF_ERROR(ReadString(j, "doc", false, &t.evidence.doc));
  GEOKG_RETURN_IF_ERROR(ReadEntity(j, "subject", &t.subject));
  GEOKG_RETURN_IF_ERROR(ReadEntity(j, "object", &t.object));
  GEOKG_RETURN_IF_ERROR(ReadString(j, "predicate", false, &t.predicate));
  std::string name;
  GEOKG_RETURN_IF_ERROR(ReadString(j, "relation", false, &name));
  auto relation = ParseRelation(name);
  if (!relation) return Status::InvalidInput("unknown relation \"" + name + "\"");
  t.relation = *relation;
  GEOKG_RETURN_IF_ERROR(ReadString(j, "cameo", true, &t.cameo));
  GEOKG_RETURN_IF_ERROR(ReadString(j, "modality", false, &name));
  auto modality = ParseModality(name);
  if (!modality) return Status::InvalidInput("unknown modality \"" + name + "\"");
  t.modality = *modality;
  GEOKG_RETURN_IF_ERROR(ReadString(j, "attribution", true, &t.attribution));
  GEOKG_RETURN_IF_ERROR(ReadString(j, "time", true, &t.time));
  if (auto text = j.find("time_text"); text != j.end() && text->is_string()) t.time_text = text->get<std::string>();
  if (auto date = j.find("date"); date != j.end() && date->is_string()) t.evidence.date = date->get<std::string>();
  GEOKG_RETURN_IF_ERROR(ReadString(j, "evidence", false, &t.evidence.text));
  auto sentence = j.find("sentence");
  auto span = j.find("span");
  auto confidence = j.find("confidence");
  if (sentence == j.end() || !sentence->is_number_unsigned())
    return Status::InvalidInput("field \"sentence\" is not a non-negative integer");
  if (span == j.end() || !span->is_array() || span->size() != 2 || !(*span)[0].is_number_unsigned() ||
      !(*span)[1].is_number_unsigned())
    return Status::InvalidInput("field \"span\" is not a pair of offsets");
  if (confidence == j.end() || !confidence->is_number())
    return Status::InvalidInput("field \"confidence\" is not a number");
  t.evidence.sentence = sentence->get<uint32_t>();
  t.evidence.begin = (*span)[0].get<uint32_t>();
  t.evidence.end = (*span)[1].get<uint32_t>();
  t.confidence = confidence->get<float>();
  return t;
}

json DocumentLineToJson(const Document& d, uint64_t content_hash, size_t triples) {
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(content_hash));
  return json{{"document",
               {{"id", d.id},
                {"title", NullIfEmpty(d.title)},
                {"date", NullIfEmpty(d.date)},
                {"source", NullIfEmpty(d.source)},
                {"url", NullIfEmpty(d.url)},
                {"content_hash", hash}}},
              {"triples", triples}};
}

bool IsDocumentLine(const json& j) { return j.is_object() && j.contains("document"); }

Result<DocumentLine> DocumentLineFromJson(const json& j) {
  if (!IsDocumentLine(j) || !j["document"].is_object())
    return Status::InvalidInput("field \"document\" is not an object");
  const json& d = j["document"];
  DocumentLine line;
  GEOKG_RETURN_IF_ERROR(ReadString(d, "id", false, &line.document.id));
  if (line.document.id.empty()) return Status::InvalidInput("field \"document.id\" is empty");
  GEOKG_RETURN_IF_ERROR(ReadString(d, "title", true, &line.document.title));
  GEOKG_RETURN_IF_ERROR(ReadString(d, "date", true, &line.document.date));
  GEOKG_RETURN_IF_ERROR(ReadString(d, "source", true, &line.document.source));
  GEOKG_RETURN_IF_ERROR(ReadString(d, "url", true, &line.document.url));
  std::string hash;
  GEOKG_RETURN_IF_ERROR(ReadString(d, "content_hash", false, &hash));
  if (hash.size() != 16 || hash.find_first_not_of("0123456789abcdef") != std::string::npos)
    return Status::InvalidInput("field \"document.content_hash\" is not 16 hex digits");
  line.content_hash = std::stoull(hash, nullptr, 16);
  auto triples = j.find("triples");
  if (triples == j.end() || !triples->is_number_unsigned())
    return Status::InvalidInput("field \"triples\" is not a non-negative integer");
  line.triples = triples->get<size_t>();
  return line;
}

std::string TsvHeader() {
  return "doc\tsentence\tbegin\tend\tsubject\tsubject_type\tpredicate\trelation\tcameo\tobject\t"
         "object_type\tmodality\tattribution\ttime\ttime_text\tdate\tconfidence\tevidence";
}

std::string TripleToTsv(const Triple& t) {
  std::string row;
  bool first = true;
  auto field = [&row, &first](std::string_view v) {
    if (!first) row += '\t';
    first = false;
    row += EscapeTsv(v);
  };
  field(t.evidence.doc);
  field(std::to_string(t.evidence.sentence));
  field(std::to_string(t.evidence.begin));
  field(std::to_string(t.evidence.end));
  field(t.subject.name);
  field(EntityTypeName(t.subject.type));
  field(t.predicate);
  field(Info(t.relation).name);
  field(t.cameo);
  field(t.object.name);
  field(EntityTypeName(t.object.type));
  field(ModalityName(t.modality));
  field(t.attribution);
  field(t.time);
  field(t.time_text);
  field(t.evidence.date);
  field(nlohmann::json(Round3(t.confidence)).dump());
  field(t.evidence.text);
  return row;
}

}  // namespace geokg
