#include "query/place_finder.h"

namespace geokg::query::internal {

Result<const std::map<PlaceFinder::SentenceKey, std::string>*> PlaceFinder::PlacesOf(store::EntityId entity) {
  if (auto it = places_.find(entity); it != places_.end()) return &it->second;
  std::map<SentenceKey, std::string> found;
  for (Relation r : {Relation::kVisit, Relation::kAttend}) {
    GEOKG_RETURN_IF_ERROR(store_.ForEachLink({entity, std::nullopt, r}, [&](const store::Link& link) -> Status {
      if (link.modality == Modality::kNegated) return Status();
      auto place = cache_.Get(link.object);
      if (!place.ok()) return place.status();
      if (place.value().type != EntityType::kLocation && place.value().type != EntityType::kCountry) return Status();
      auto sentences = store_.Evidence(link.fact);
      if (!sentences.ok()) return sentences.status();
      // A city is more precise than its country: it wins when one sentence names both.
      for (const store::FactEvidence& e : sentences.value()) {
        auto [it, inserted] = found.emplace(SentenceKey{e.doc, e.sentence}, place.value().name);
        if (!inserted && place.value().type == EntityType::kLocation) it->second = place.value().name;
      }
      return Status();
    }));
  }
  return &(places_[entity] = std::move(found));
}

Result<std::string> PlaceFinder::For(const store::Fact& fact) {
  auto sentences = store_.Evidence(fact.id);
  if (!sentences.ok()) return sentences.status();
  for (store::EntityId who : {fact.subject, fact.object}) {
    auto places = PlacesOf(who);
    if (!places.ok()) return places.status();
    for (const store::FactEvidence& e : sentences.value())
      if (auto it = places.value()->find({e.doc, e.sentence}); it != places.value()->end()) return it->second;
  }
  return std::string();
}

}  // namespace geokg::query::internal
