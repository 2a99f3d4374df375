#include "query/output.h"

#include <algorithm>
#include <cmath>
#include <iomanip>

#include <nlohmann/json.hpp>

namespace geokg::query {
namespace {

using nlohmann::json;

double Round3(float x) { return std::round(static_cast<double>(x) * 1000.0) / 1000.0; }

std::string When(const MetRow& r) {
  if (r.first_time.empty()) return "-";
  return r.first_time == r.last_time ? r.first_time : r.first_time + ".." + r.last_time;
}

json EntityJson(const Entity& e) { return {{"name", e.name}, {"type", EntityTypeName(e.type)}}; }

}  // namespace

void WriteMetTable(const std::vector<MetRow>& rows, std::ostream& out) {
  if (rows.empty()) return;
  size_t wa = 6, wb = 6;
  for (const MetRow& r : rows) {
    wa = std::max(wa, r.a.name.size());
    wb = std::max(wb, r.b.name.size());
  }
  out << std::left << std::setw(static_cast<int>(wa)) << "entity" << "  " << std::setw(static_cast<int>(wb)) << "met"
      << "  " << std::setw(8) << "relation" << "  " << std::setw(9) << "modality" << "  " << std::setw(10) << "date"
      << "  " << "sentences\n";
  for (const MetRow& r : rows)
    out << std::setw(static_cast<int>(wa)) << r.a.name << "  " << std::setw(static_cast<int>(wb)) << r.b.name << "  "
        << std::setw(8) << Info(r.relation).name << "  " << std::setw(9) << ModalityName(r.modality) << "  "
        << std::setw(10) << When(r) << "  " << r.mentions << "\n";
}

void WriteMetJson(const std::vector<MetRow>& rows, std::ostream& out) {
  json all = json::array();
  for (const MetRow& r : rows)
    all.push_back({{"fact", r.fact},
                   {"entity", EntityJson(r.a)},
                   {"met", EntityJson(r.b)},
                   {"relation", Info(r.relation).name},
                   {"modality", ModalityName(r.modality)},
                   {"first_time", r.first_time.empty() ? json(nullptr) : json(r.first_time)},
                   {"last_time", r.last_time.empty() ? json(nullptr) : json(r.last_time)},
                   {"mentions", r.mentions},
                   {"confidence", Round3(r.confidence)},
                   {"doc", r.doc},
                   {"evidence", r.evidence}});
  out << all.dump(2) << "\n";
}

void WriteGraphJsonl(const Graph& graph, std::ostream& out) {
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const EdgeProperties& e = graph[*it];
    const VertexProperties& s = graph[boost::source(*it, graph)];
    const VertexProperties& o = graph[boost::target(*it, graph)];
    json j = {{"fact", e.fact},
              {"subject", {{"name", s.name}, {"type", EntityTypeName(s.type)}}},
              {"relation", Info(e.relation).name},
              {"predicate", e.predicate},
              {"object", {{"name", o.name}, {"type", EntityTypeName(o.type)}}},
              {"modality", ModalityName(e.modality)},
              {"mentions", e.mentions},
              {"first_time", e.first_time.empty() ? json(nullptr) : json(e.first_time)},
              {"last_time", e.last_time.empty() ? json(nullptr) : json(e.last_time)},
              {"confidence", Round3(e.confidence)}};
    out << j.dump() << "\n";
  }
}

}  // namespace geokg::query
