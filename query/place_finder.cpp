#include "query/place_finder.h"

#include <algorithm>
#include <tuple>

namespace geokg::query::internal {

Result<std::string> PlaceFinder::PlaceIn(store::EntityId who, const std::string& doc, uint32_t sentence) {
  auto rows = sentence_facts_.find(doc);
  if (rows == sentence_facts_.end()) {
    auto read = store_.SentenceFacts(doc);
    if (!read.ok()) return read.status();
    rows = sentence_facts_.emplace(doc, std::move(read).value()).first;
  }
  std::vector<store::Fact> visits;
  for (const auto& [id, in_sentence] : rows->second) {
    if (in_sentence != sentence) continue;
    auto fact = store_.GetFact(id);
    if (!fact.ok()) return fact.status();
    const store::Fact& f = fact.value();
    if (f.subject == who && (f.relation == Relation::kVisit || f.relation == Relation::kAttend) &&
        f.modality != Modality::kNegated)
      visits.push_back(f);
  }
  // In the order of the subject's index (relation, place, modality), so that a sentence naming
  // several places always gives the same one; a city is more precise than its country and wins.
  std::sort(visits.begin(), visits.end(), [](const store::Fact& x, const store::Fact& y) {
    return std::tie(x.relation, x.object, x.modality, x.id) < std::tie(y.relation, y.object, y.modality, y.id);
  });
  std::string place;
  for (const store::Fact& f : visits) {
    auto entity = cache_.Get(f.object);
    if (!entity.ok()) return entity.status();
    const EntityType type = entity.value().type;
    if (type != EntityType::kLocation && type != EntityType::kCountry) continue;
    if (place.empty() || type == EntityType::kLocation) place = entity.value().name;
  }
  return place;
}

Result<std::string> PlaceFinder::For(const store::Fact& fact) {
  auto sentences = store_.Evidence(fact.id);
  if (!sentences.ok()) return sentences.status();
  for (store::EntityId who : {fact.subject, fact.object})
    for (const store::FactEvidence& e : sentences.value()) {
      auto place = PlaceIn(who, e.doc, e.sentence);
      if (!place.ok()) return place.status();
      if (!place.value().empty()) return place;
    }
  return std::string();
}

}  // namespace geokg::query::internal
