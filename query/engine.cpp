#include "query/engine.h"

#include <algorithm>
#include <charconv>
#include <future>
#include <set>
#include <unordered_map>

#include "graph/fold.h"
#include "query/entity_cache.h"
#include "query/name_suggestions.h"
#include "query/place_finder.h"

namespace geokg::query {
using internal::EntityCache;
using internal::NameSuggestions;
using internal::PlaceFinder;

Result<store::EntityRecord> Engine::Resolve(const std::string& name) const {
  auto found = store_.FindEntities(name);
  if (!found.ok()) return found.status();
  if (!found.value().empty()) return found.value().front();
  std::string message = "no entity named \"" + name + "\" in " + store_.path().string();
  auto suggestions = Suggest(name, 5);
  if (suggestions.ok() && !suggestions.value().empty()) {
    message += "; did you mean ";
    for (size_t i = 0; i < suggestions.value().size(); ++i)
      message += (i ? ", \"" : "\"") + suggestions.value()[i] + "\"";
    message += "?";
  }
  return Status::NotFound(message);
}

Result<store::EntityRecord> Engine::ResolveOne(const std::string& name) const {
  store::EntityId id = 0;
  const char* end = name.data() + name.size();
  if (name.size() > 1 && name[0] == '#' && std::from_chars(name.data() + 1, end, id).ptr == end) {
    auto found = store_.FindEntity(id);
    if (!found.ok()) return found.status();
    if (!found.value()) return Status::NotFound("no entity " + name + " in " + store_.path().string());
    return std::move(*found.value());
  }
  auto found = store_.FindEntities(name);
  if (!found.ok()) return found.status();
  if (found.value().empty()) return Resolve(name);
  const std::string folded = FoldName(name);
  std::vector<store::EntityRecord> canonical;
  for (const store::EntityRecord& r : found.value())
    if (FoldName(r.entity.name) == folded) canonical.push_back(r);
  if (canonical.size() == 1) return canonical.front();
  if (canonical.empty() && found.value().size() == 1) return found.value().front();
  const std::vector<store::EntityRecord>& several = canonical.empty() ? found.value() : canonical;
  constexpr size_t kShown = 5;
  std::string message =
      "\"" + name + "\" names " + std::to_string(several.size()) + " entities in " + store_.path().string() + ": ";
  for (size_t i = 0; i < several.size() && i < kShown; ++i)
    message += (i ? ", " : "") + several[i].entity.name + " (" + std::string(EntityTypeName(several[i].entity.type)) +
               ", #" + std::to_string(several[i].id) + ")";
  if (several.size() > kShown) message += " and " + std::to_string(several.size() - kShown) + " more";
  return Status::InvalidInput(message + "; give a fuller name or the #id");
}

Result<std::vector<std::string>> Engine::Suggest(const std::string& name, size_t limit) const {
  NameSuggestions suggestions(name);
  GEOKG_RETURN_IF_ERROR(store_.ForEachName([&](std::string_view alias, store::EntityId id) {
    suggestions.Consider(alias, id);
    return Status();
  }));
  std::vector<std::string> out;
  for (store::EntityId id : suggestions.Best(limit)) {
    auto record = store_.GetEntity(id);
    if (!record.ok()) return record.status();
    out.push_back(record.value().entity.name);
  }
  return out;
}

Result<FactRow> Engine::MakeFactRow(const store::Fact& fact, internal::EntityCache& cache) const {
  auto subject = cache.Get(fact.subject);
  if (!subject.ok()) return subject.status();
  auto object = cache.Get(fact.object);
  if (!object.ok()) return object.status();
  FactRow row{fact, subject.value(), object.value(), "", ""};
  auto evidence = store_.Evidence(fact.id);
  if (!evidence.ok()) return evidence.status();
  if (!evidence.value().empty()) {
    row.evidence = evidence.value().front().text;
    row.doc = evidence.value().front().doc;
  }
  return row;
}

namespace {

// From this many rows on, their first sentences are read on a second thread while the facts
// are read on the calling one: at ten million facts each is about half of a timeline's reads.
constexpr size_t kRowsReadApart = 64;

}  // namespace

Result<Engine::FirstSentences> Engine::FirstSentencesOf(const std::vector<store::FactId>& ids) const {
  FirstSentences first;
  first.reserve(ids.size());
  GEOKG_RETURN_IF_ERROR(store_.ForEachFirstEvidence(ids, [&](store::FactId id, const store::FactEvidence& e) {
    first.emplace(id, e);
    return Status();
  }));
  return first;
}

Result<std::vector<FactRow>> Engine::Rows(const std::vector<store::Fact>& facts) const {
  return Rows(facts, [&]() {
    std::vector<store::FactId> ids;
    for (const store::Fact& f : facts) ids.push_back(f.id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return FirstSentencesOf(ids);
  });
}

Result<std::vector<FactRow>> Engine::Rows(const std::vector<store::Fact>& facts,
                                          const std::function<Result<FirstSentences>()>& first_sentences) const {
  // Their entities in one read (a Get each was a tenth of timeline's time at ten million facts),
  // then their first sentences only, in id order.
  EntityCache cache(store_);
  std::vector<store::EntityId> ends;
  ends.reserve(2 * facts.size());
  for (const store::Fact& f : facts) ends.insert(ends.end(), {f.subject, f.object});
  const Status loaded = cache.Load(std::move(ends));
  auto first = first_sentences();
  GEOKG_RETURN_IF_ERROR(loaded);
  if (!first.ok()) return first.status();
  std::vector<FactRow> rows;
  rows.reserve(facts.size());
  for (const store::Fact& f : facts) {
    auto subject = cache.Get(f.subject);
    if (!subject.ok()) return subject.status();
    auto object = cache.Get(f.object);
    if (!object.ok()) return object.status();
    FactRow row{f, subject.value(), object.value(), "", ""};
    if (auto e = first.value().find(f.id); e != first.value().end()) {
      row.evidence = e->second.text;
      row.doc = e->second.doc;
    }
    rows.push_back(std::move(row));
  }
  // Dated facts by date, undated after them; then by fact id, which is ingest order.
  // Compared in place: make_tuple would copy both dates at every comparison.
  auto key = [](const FactRow& r) {
    return std::tuple<bool, const std::string&, const std::string&, store::FactId>(
        r.fact.first_time.empty(), r.fact.first_time, r.fact.last_time, r.fact.id);
  };
  std::sort(rows.begin(), rows.end(), [&](const FactRow& x, const FactRow& y) { return key(x) < key(y); });
  return rows;
}

Result<std::vector<FactRow>> Engine::RowsOf(std::vector<store::FactId> ids, const FactFilter& filter) const {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  // A filter on the facts' own fields may drop most of them: then only the kept ones' sentences
  // are read, after the facts.
  std::future<Result<FirstSentences>> apart;
  if (ids.size() >= kRowsReadApart && !filter.NeedsFact())
    apart = std::async(std::launch::async, [this, &ids] { return FirstSentencesOf(ids); });
  std::vector<store::Fact> facts;
  const Status read = store_.ForEachFactOf(ids, [&](const store::Fact& fact) {
    if (filter.Matches(fact)) facts.push_back(fact);
    return Status();
  });
  if (!read.ok()) {
    if (apart.valid()) apart.wait();
    return read;
  }
  if (apart.valid()) return Rows(facts, [&apart] { return apart.get(); });
  return Rows(facts);
}

Result<std::vector<MetRow>> Engine::Met(const std::optional<std::string>& name, const FactFilter& filter) const {
  std::optional<store::EntityId> who;
  if (name) {
    auto entity = Resolve(*name);
    if (!entity.ok()) return entity.status();
    who = entity.value().id;
  }
  FactFilter meetings = filter;
  meetings.relations = {Relation::kMeet, Relation::kCall};
  // The meetings' keys from the indexes, then only the facts that pass the modality.
  std::vector<store::FactId> ids;
  auto collect = [&](const store::Link& link) -> Status {
    if (meetings.MatchesLink(link)) ids.push_back(link.fact);
    return Status();
  };
  for (Relation r : meetings.relations) {
    if (who) {
      GEOKG_RETURN_IF_ERROR(store_.ForEachLink({who, std::nullopt, r}, collect));
      GEOKG_RETURN_IF_ERROR(store_.ForEachLink({std::nullopt, who, r}, collect));
    } else {
      GEOKG_RETURN_IF_ERROR(store_.ForEachLink({std::nullopt, std::nullopt, r}, collect));
    }
  }
  auto rows = RowsOf(std::move(ids), meetings);
  if (!rows.ok()) return rows.status();
  EntityCache cache(store_);
  PlaceFinder places(store_, cache);
  std::vector<MetRow> out;
  for (FactRow& r : rows.value()) {
    const store::Fact& f = r.fact;
    const bool swap = who && *who == f.object && *who != f.subject;
    MetRow row{f.id,
               swap ? r.object : r.subject,
               swap ? r.subject : r.object,
               f.relation,
               f.modality,
               f.first_time,
               f.last_time,
               f.time_source,
               f.mentions,
               f.confidence,
               "",
               std::move(r.evidence),
               std::move(r.doc)};
    auto place = places.For(f);
    if (!place.ok()) return place.status();
    row.place = place.value();
    out.push_back(std::move(row));
  }
  if (!who) {
    std::stable_sort(out.begin(), out.end(), [](const MetRow& x, const MetRow& y) {
      return std::make_tuple(x.first_time.empty(), x.first_time, x.a.name, x.b.name) <
             std::make_tuple(y.first_time.empty(), y.first_time, y.a.name, y.b.name);
    });
  }
  return out;
}

Result<std::vector<FactRow>> Engine::Query(const std::optional<std::string>& subject,
                                           const std::optional<std::string>& object, const FactFilter& filter) const {
  store::FactPattern pattern;
  for (const auto& [name, slot] : {std::pair{&subject, &pattern.subject}, std::pair{&object, &pattern.object}}) {
    if (!*name) continue;
    auto entity = Resolve(**name);
    if (!entity.ok()) return entity.status();
    *slot = entity.value().id;
  }
  std::vector<store::Fact> facts;
  auto collect = [&](const store::Fact& fact) -> Status {
    if (filter.Matches(fact)) facts.push_back(fact);
    return Status();
  };
  if (filter.relations.empty()) {
    GEOKG_RETURN_IF_ERROR(store_.ForEachFact(pattern, collect));
  } else {
    for (Relation r : filter.relations) {
      pattern.relation = r;
      GEOKG_RETURN_IF_ERROR(store_.ForEachFact(pattern, collect));
    }
  }
  return Rows(facts);
}

Result<std::vector<FactRow>> Engine::Timeline(const std::string& name, const FactFilter& filter) const {
  auto entity = Resolve(name);
  if (!entity.ok()) return entity.status();
  const store::EntityId id = entity.value().id;
  std::vector<store::FactId> ids;
  GEOKG_RETURN_IF_ERROR(ForEachIndexedLink(id, filter, [&](const store::Link& link, store::EntityId) {
    ids.push_back(link.fact);
    return Status();
  }));
  return RowsOf(std::move(ids), filter);
}

Result<EntityCard> Engine::Card(const std::string& name) const {
  auto entity = Resolve(name);
  if (!entity.ok()) return entity.status();
  EntityCard card{entity.value(), 0, 0, 0, {}, {}};
  const store::EntityId id = card.record.id;
  GEOKG_RETURN_IF_ERROR(store_.ForEachLink({id, std::nullopt, std::nullopt}, [&](const store::Link& link) {
    ++card.facts;
    ++card.as_subject;
    ++card.by_relation[link.relation];
    return Status();
  }));
  GEOKG_RETURN_IF_ERROR(store_.ForEachLink({std::nullopt, id, std::nullopt}, [&](const store::Link& link) {
    ++card.as_object;
    if (link.subject == id) return Status();  // about itself: counted as subject already
    ++card.facts;
    ++card.by_relation[link.relation];
    return Status();
  }));
  return card;
}

Result<EvidenceAnswer> Engine::EvidenceFor(store::FactId id) const {
  auto fact = store_.GetFact(id);
  if (!fact.ok()) return fact.status();
  EntityCache cache(store_);
  auto row = MakeFactRow(fact.value(), cache);
  if (!row.ok()) return row.status();
  auto sentences = store_.Evidence(id);
  if (!sentences.ok()) return sentences.status();
  EvidenceAnswer answer{std::move(row).value(), std::move(sentences).value(), {}};
  for (const store::FactEvidence& e : answer.sentences) {
    if (answer.articles.count(e.doc)) continue;
    auto doc = store_.GetDocument(e.doc);
    if (!doc.ok()) return doc.status();
    answer.articles.emplace(e.doc, std::move(doc).value());
  }
  return answer;
}

}  // namespace geokg::query
