#include "query/fact_filter.h"

#include <sstream>

namespace geokg::query {
namespace {

std::vector<std::string> SplitComma(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream ss(list);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

// Appends `item` to a comma-separated list.
void AppendListItem(std::string* list, std::string_view item) {
  if (!list->empty()) *list += ',';
  list->append(item);
}

}  // namespace

bool FactFilter::MatchesLink(const store::Link& link) const {
  return (relations.empty() || relations.count(link.relation)) &&
         (modalities.empty() || modalities.count(link.modality));
}

bool FactFilter::Matches(const store::Fact& fact) const {
  if (!MatchesLink({fact.id, fact.subject, fact.object, fact.relation, fact.modality})) return false;
  if (fact.confidence < min_confidence || fact.mentions < min_mentions) return false;
  // Periods compare as ISO strings: a prefix bound covers its whole year or month.
  if (!since.empty() && (fact.last_time.empty() || fact.last_time.compare(0, since.size(), since) < 0)) return false;
  if (!until.empty() && (fact.first_time.empty() || fact.first_time.compare(0, until.size(), until) > 0)) return false;
  return true;
}

std::string FactFilter::Describe() const {
  std::string out;
  auto part = [&out](const std::string& s) { out += (out.empty() ? "" : "; ") + s; };
  if (!relations.empty()) {
    std::string names;
    for (Relation r : relations) AppendListItem(&names, Info(r).name);
    part("relations " + names);
  }
  if (!modalities.empty()) {
    std::string names;
    for (Modality m : modalities) AppendListItem(&names, ModalityName(m));
    part("modality " + names);
  }
  if (!since.empty()) part("since " + since);
  if (!until.empty()) part("until " + until);
  if (min_confidence > 0) part("confidence >= " + std::to_string(min_confidence).substr(0, 4));
  if (min_mentions > 0) part("mentions >= " + std::to_string(min_mentions));
  return out;
}

Result<std::set<Relation>> ParseRelationList(const std::string& list) {
  std::set<Relation> out;
  for (const std::string& name : SplitComma(list)) {
    auto r = ParseRelation(name);
    if (!r) return Status::InvalidInput("unknown relation \"" + name + "\" (see docs/RELATIONS.md)");
    out.insert(*r);
  }
  return out;
}

Result<std::set<Modality>> ParseModalityList(const std::string& list) {
  std::set<Modality> out;
  if (list == "any") return out;
  for (const std::string& name : SplitComma(list)) {
    auto m = ParseModality(name);
    if (!m) return Status::InvalidInput("unknown modality \"" + name + "\" (asserted, expected, negated or any)");
    out.insert(*m);
  }
  return out;
}

}  // namespace geokg::query
