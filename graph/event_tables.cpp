#include "graph/event_tables.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>
#include <set>

#include "graph/cameo.h"
#include "graph/json_fields.h"
#include "graph/text.h"

namespace geokg {
namespace {

std::string Decimal(double x, int places) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", places, x);
  return buf;
}

// The digits of an ISO date or period ("2025-03-02", "2025-03", "2025"), missing parts as zero:
// {year, month, day}; all zero when `iso` does not start with a year.
struct Ymd {
  int year = 0, month = 0, day = 0;
};
Ymd ParseYmd(std::string_view iso) {
  auto number = [&iso](size_t at, size_t len) {
    int n = 0;
    for (size_t i = at; i < at + len; ++i) {
      if (i >= iso.size() || iso[i] < '0' || iso[i] > '9') return -1;
      n = n * 10 + (iso[i] - '0');
    }
    return n;
  };
  Ymd d;
  d.year = number(0, 4);
  if (d.year < 0) return {};
  if (iso.size() >= 7 && iso[4] == '-') d.month = std::max(0, number(5, 2));
  if (d.month > 0 && iso.size() >= 10 && iso[7] == '-') d.day = std::max(0, number(8, 2));
  return d;
}

std::string Digits(int n, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, n);
  return buf;
}

// GDELT's FractionDate: the year plus the elapsed fraction of it (day of year / 365).
double FractionDate(const Ymd& d) {
  static constexpr int kDaysBefore[] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  const int day_of_year = (d.month > 0 ? kDaysBefore[d.month] : 0) + std::max(d.day, 1);
  return d.year + day_of_year / 365.0;
}

constexpr std::string_view kGdeltColumns[] = {
    "GLOBALEVENTID",   "SQLDATE",           "MonthYear",       "Year",          "FractionDate",  "Actor1Code",
    "Actor1Name",      "Actor1CountryCode", "Actor1Type1Code", "Actor2Code",    "Actor2Name",    "Actor2CountryCode",
    "Actor2Type1Code", "IsRootEvent",       "EventCode",       "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale",  "NumMentions",       "NumSources",      "NumArticles",   "DATEADDED",     "SOURCEURL",
    "relation",        "predicate",         "modality",        "time_source",   "confidence",    "doc",
    "doc_date",        "doc_title",         "doc_source",      "evidence"};

// A date as GDELT's integer YYYYMMDD, missing parts as 00; empty when there is no date.
std::string SqlDate(const Ymd& d) {
  return d.year == 0 ? "" : Digits(d.year, 4) + Digits(d.month, 2) + Digits(d.day, 2);
}

// Actor1/2 Code, CountryCode and Type1Code: a country is its own code; a person holding office in
// one is that country's government (CAMEO "GOV"), as GDELT composes it ("USAGOV").
struct ActorCodes {
  std::string code, country, type;
};
ActorCodes CodesOf(const Entity& e, const RoleCountries& roles) {
  if (e.type == EntityType::kCountry && !e.code.empty()) return {e.code, e.code, ""};
  if (auto role = roles.find(e.name); role != roles.end()) return {role->second + "GOV", role->second, "GOV"};
  return {};
}

// KGTK values (kgtk.readthedocs.io, "KGTK File Format"): strings in double quotes and
// language-qualified strings in single quotes, with backslash escapes for the quote, backslash,
// "|" (it separates list items) and line breaks; dates as ^ISO/precision; symbols bare.
std::string KgtkQuoted(std::string_view s, char quote) {
  std::string out(1, quote);
  for (char c : s) {
    if (c == quote || c == '\\' || c == '|') out += '\\';
    out += c == '\t'   ? std::string("\\t")
           : c == '\n' ? std::string("\\n")
           : c == '\r' ? std::string("\\r")
                       : std::string(1, c);
  }
  return out + quote;
}
std::string KgtkString(std::string_view s) { return KgtkQuoted(s, '"'); }
std::string KgtkLanguageString(std::string_view s) { return KgtkQuoted(s, '\'') + "@en"; }

// ^YYYY-MM-DDT00:00:00Z/P with Wikidata's precisions: 11 day, 10 month, 9 year.
std::string KgtkDate(std::string_view iso) {
  const Ymd d = ParseYmd(iso);
  if (d.year == 0) return "";
  char buf[48];
  std::snprintf(buf, sizeof buf, "^%04d-%02d-%02dT00:00:00Z/%d", d.year, std::max(d.month, 1), std::max(d.day, 1),
                d.day > 0     ? 11
                : d.month > 0 ? 10
                              : 9);
  return buf;
}

// A symbol safe in every KGTK column: ASCII letters, digits and -_.:/ kept, the rest %XX.
std::string KgtkSymbol(std::string_view prefix, std::string_view name) {
  return std::string(prefix) + PercentEncode(name, "-_.");
}

}  // namespace

RoleCountries CountriesByRole(std::span<const CitedFact> facts) {
  RoleCountries roles;
  for (const CitedFact& f : facts)
    if ((f.relation == Relation::kLeads || f.relation == Relation::kOfficialOf) && f.modality == Modality::kAsserted &&
        f.object.type == EntityType::kCountry && !f.object.code.empty())
      roles.emplace(f.subject.name, f.object.code);
  return roles;
}

std::vector<CitedFact> FactsOf(const Graph& graph) {
  std::vector<CitedFact> out;
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const EdgeProperties& e = graph[*it];
    const VertexProperties& s = graph[boost::source(*it, graph)];
    const VertexProperties& o = graph[boost::target(*it, graph)];
    CitedFact f{std::to_string(e.fact),
                Entity{s.name, s.type, s.code, {}},
                Entity{o.name, o.type, o.code, {}},
                e.relation,
                e.predicate,
                e.cameo,
                e.modality,
                e.first_time,
                e.last_time,
                e.time_source,
                e.mentions,
                0,
                0,
                e.confidence,
                e.evidence.empty() ? EdgeEvidence{} : e.evidence.front()};
    std::set<std::string_view> docs, sources;
    for (const EdgeEvidence& x : e.evidence) {
      docs.insert(x.doc);
      sources.insert(x.source.empty() ? std::string_view(x.doc) : std::string_view(x.source));
    }
    f.articles = static_cast<uint32_t>(docs.size());
    f.sources = static_cast<uint32_t>(sources.size());
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<CitedFact> FactsOf(std::span<const Triple> triples, const Document& article, uint64_t first_id) {
  std::vector<CitedFact> out;
  for (const Triple& t : triples) {
    const std::string report = article.date.substr(0, article.date.find_first_of("T "));
    const bool event = !t.time.empty();
    const std::string& when = event ? t.time : report;
    out.push_back({std::to_string(first_id++), t.subject, t.object, t.relation, t.predicate, t.cameo, t.modality, when,
                   when,
                   event            ? TimeSource::kEvent
                   : report.empty() ? TimeSource::kNone
                                    : TimeSource::kReport,
                   1, 1, 1, t.confidence,
                   EdgeEvidence{t.evidence.doc, t.evidence.sentence, t.evidence.text, t.attribution, t.time,
                                t.confidence, article.date, article.title, article.url, article.source}});
  }
  return out;
}

void WriteGdeltHeader(std::ostream& out) {
  for (size_t i = 0; i < std::size(kGdeltColumns); ++i) out << (i ? "\t" : "") << kGdeltColumns[i];
  out << "\n";
}

void WriteGdeltRows(std::span<const CitedFact> facts, const RoleCountries& roles, std::ostream& out) {
  for (const CitedFact& f : facts) {
    const Ymd when = ParseYmd(f.first_time);
    const ActorCodes a1 = CodesOf(f.subject, roles), a2 = CodesOf(f.object, roles);
    const std::optional<double> goldstein = GoldsteinScale(f.cameo);
    const int quad = QuadClass(f.cameo);
    const std::string fields[] = {f.id,
                                  SqlDate(when),
                                  when.year == 0 ? "" : Digits(when.year, 4) + Digits(when.month, 2),
                                  when.year == 0 ? "" : Digits(when.year, 4),
                                  when.year == 0 ? "" : Decimal(FractionDate(when), 4),
                                  a1.code,
                                  f.subject.name,
                                  a1.country,
                                  a1.type,
                                  a2.code,
                                  f.object.name,
                                  a2.country,
                                  a2.type,
                                  f.cited.sentence == 0 && !f.cited.doc.empty() ? "1" : "0",
                                  f.cameo,
                                  std::string(CameoBase(f.cameo)),
                                  std::string(CameoRoot(f.cameo)),
                                  quad == 0 ? "" : std::to_string(quad),
                                  goldstein ? Decimal(*goldstein, 1) : "",
                                  std::to_string(f.mentions),
                                  std::to_string(f.sources),
                                  std::to_string(f.articles),
                                  SqlDate(ParseYmd(f.cited.date)),
                                  f.cited.url,
                                  std::string(Info(f.relation).name),
                                  f.predicate,
                                  std::string(ModalityName(f.modality)),
                                  std::string(TimeSourceName(f.time_source)),
                                  Decimal(Round3(f.confidence), 3),
                                  f.cited.doc,
                                  f.cited.date,
                                  f.cited.title,
                                  f.cited.source,
                                  f.cited.text};
    static_assert(std::size(fields) == std::size(kGdeltColumns));
    for (size_t i = 0; i < std::size(fields); ++i) out << (i ? "\t" : "") << CsvField(fields[i], '\t');
    out << "\n";
  }
}

KgtkWriter::KgtkWriter(std::ostream& out) : out_(out) { out_ << "node1\tlabel\tnode2\tid\n"; }

void KgtkWriter::Write(std::span<const CitedFact> facts) {
  auto edge = [this](const std::string& node1, std::string_view label, const std::string& node2,
                     const std::string& id) { out_ << node1 << "\t" << label << "\t" << node2 << "\t" << id << "\n"; };
  auto describe = [&](const Entity& e) {
    const std::string node = KgtkSymbol("geokg:entity/", e.name);
    if (!described_.insert(node).second) return node;
    edge(node, "label", KgtkLanguageString(e.name), node + "-label");
    edge(node, "type", std::string(EntityTypeName(e.type)), node + "-type");
    if (!e.code.empty()) edge(node, "code", KgtkString(e.code), node + "-code");
    return node;
  };
  for (const CitedFact& f : facts) {
    const std::string s = describe(f.subject), o = describe(f.object);
    const std::string id = "geokg:fact/" + f.id;
    edge(s, Info(f.relation).name, o, id);
    auto qualifier = [&](std::string_view label, const std::string& value) {
      if (!value.empty()) edge(id, label, value, id + "-" + std::string(label));
    };
    qualifier("modality", std::string(ModalityName(f.modality)));
    qualifier("predicate", KgtkString(f.predicate));
    if (!f.cameo.empty()) qualifier("cameo", KgtkString(f.cameo));  // a string: "040" is not 40
    qualifier("first_time", KgtkDate(f.first_time));
    qualifier("last_time", KgtkDate(f.last_time));
    qualifier("time_source", std::string(TimeSourceName(f.time_source)));
    qualifier("mentions", std::to_string(f.mentions));
    qualifier("confidence", Decimal(Round3(f.confidence), 3));
    if (!f.cited.text.empty()) qualifier("evidence", KgtkString(f.cited.text));
    if (!f.cited.attribution.empty()) qualifier("attribution", KgtkString(f.cited.attribution));
    if (!f.cited.doc.empty()) qualifier("doc", KgtkString(f.cited.doc));
    qualifier("doc_date", KgtkDate(f.cited.date));
    if (!f.cited.title.empty()) qualifier("doc_title", KgtkString(f.cited.title));
    if (!f.cited.url.empty()) qualifier("doc_url", KgtkString(f.cited.url));
    if (!f.cited.source.empty()) qualifier("doc_source", KgtkString(f.cited.source));
  }
}

}  // namespace geokg
