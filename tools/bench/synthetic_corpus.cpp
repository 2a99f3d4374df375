#include "tools/bench/synthetic_corpus.h"

#include <algorithm>
#include <cmath>

#include "graph/relation.h"

namespace geokg::bench {
namespace {

constexpr const char* kSyllables[] = {"ka", "lo", "ver", "mi",  "dan",  "so", "ri", "tel", "an", "bor",
                                      "ze", "nu", "pa",  "qui", "ston", "ma", "el", "dor", "vi", "sha"};
constexpr const char* kCountries[] = {
    "Norway", "Finland",  "Sweden", "Denmark", "Estonia", "Latvia",    "Lithuania", "Poland",  "Germany", "France",
    "Spain",  "Portugal", "Italy",  "Greece",  "Turkey",  "Egypt",     "Morocco",   "Japan",   "China",   "India",
    "Brazil", "Canada",   "Mexico", "Kenya",   "Nigeria", "Australia", "Russia",    "Ukraine", "Iran",    "Israel"};
constexpr const char* kTopics[] = {"border incident",    "fishing dispute", "cyber attack",
                                   "airspace violation", "trade tariffs",   "detention of journalists",
                                   "pipeline project"};
constexpr const char* kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

std::string InventedName(std::mt19937_64& random, size_t syllables) {
  std::string name;
  for (size_t i = 0; i < syllables; ++i) name += kSyllables[random() % std::size(kSyllables)];
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

template <class T, size_t N>
const T& Pick(std::mt19937_64& random, const T (&items)[N]) {
  return items[random() % N];
}

}  // namespace

Zipf::Zipf(size_t n, double exponent) {
  cumulative_.reserve(n);
  double sum = 0;
  for (size_t i = 0; i < n; ++i) cumulative_.push_back(sum += 1.0 / std::pow(static_cast<double>(i + 1), exponent));
}

size_t Zipf::operator()(std::mt19937_64& random) const {
  const double x = std::uniform_real_distribution<double>(0, cumulative_.back())(random);
  return std::min<size_t>(std::lower_bound(cumulative_.begin(), cumulative_.end(), x) - cumulative_.begin(),
                          cumulative_.size() - 1);
}

SyntheticCorpus::SyntheticCorpus(uint64_t seed, size_t actors)
    : random_(seed),
      pick_actor_(actors, 0.9),
      pick_relation_(AllRelations().size() - 1, 1.1),  // every relation but kOther
      pick_country_(std::size(kCountries), 0.8) {
  actors_.reserve(actors);
  for (size_t i = 0; i < actors; ++i) {
    Entity e;
    switch (random_() % 10) {
      case 0:
      case 1:
      case 2:
        e.type = EntityType::kCountry;
        e.name = "Republic of " + InventedName(random_, 3) + std::to_string(i);
        // Appended rather than "R" + ...: GCC 12 warns falsely on literal + string (bug 105329).
        e.code = std::to_string(i);
        e.code.insert(e.code.begin(), 'R');
        break;
      case 3:
      case 4:
        e.type = EntityType::kOrganization;
        e.name = InventedName(random_, 2) + " " + InventedName(random_, 3) + " Council " + std::to_string(i);
        break;
      default:
        e.type = EntityType::kPerson;
        e.name = InventedName(random_, 2) + " " + InventedName(random_, 3) + std::to_string(i);
        break;
    }
    actors_.push_back(std::move(e));
  }
}

std::string SyntheticCorpus::Date() {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 2020 + static_cast<int>(random_() % 12),
                1 + static_cast<int>(random_() % 12), 1 + static_cast<int>(random_() % 28));
  return buf;
}

std::pair<Document, std::vector<Triple>> SyntheticCorpus::NextWithTriples(size_t triples) {
  Document doc;
  doc.id = "synthetic-" + std::to_string(++next_doc_);
  doc.date = Date();
  doc.title = "Synthetic report " + std::to_string(next_doc_);
  std::vector<Triple> out;
  for (size_t i = 0; i < triples; ++i) {
    Triple t;
    t.subject = actors_[pick_actor_(random_)];
    do t.object = actors_[pick_actor_(random_)];
    while (t.object.name == t.subject.name);
    const RelationInfo& info = AllRelations()[pick_relation_(random_)];
    t.relation = info.relation;
    t.cameo = std::string(info.cameo);
    t.predicate = std::string(info.name) + "s";
    const uint64_t roll = random_() % 20;
    t.modality = roll < 17 ? Modality::kAsserted : roll < 19 ? Modality::kExpected : Modality::kNegated;
    t.time = doc.date;
    t.confidence = 0.5f + static_cast<float>(random_() % 50) / 100.0f;
    const std::string sentence = t.subject.name + " " + t.predicate + " " + t.object.name + " on " +
                                 Pick(random_, kWeekdays) + ", officials said after the meeting.";
    t.evidence = {doc.id,
                  static_cast<uint32_t>(i),
                  static_cast<uint32_t>(doc.text.size()),
                  static_cast<uint32_t>(doc.text.size() + sentence.size()),
                  sentence,
                  doc.date};
    doc.text += sentence + " ";
    out.push_back(std::move(t));
  }
  return {std::move(doc), std::move(out)};
}

Document SyntheticCorpus::NextArticle(size_t sentences) {
  Document doc;
  doc.id = "article-" + std::to_string(++next_doc_);
  doc.date = Date();
  for (size_t i = 0; i < sentences; ++i) {
    const std::string a = kCountries[pick_country_(random_)];
    std::string b = kCountries[pick_country_(random_)];
    while (b == a) b = kCountries[random_() % std::size(kCountries)];
    switch (random_() % 5) {
      case 0:
        doc.text += a + " hosted " + b + " for talks on " + Pick(random_, kWeekdays) + ". ";
        break;
      case 1:
        doc.text += a + " criticised " + b + " over the " + Pick(random_, kTopics) + ". ";
        break;
      case 2:
        doc.text += a + " accused " + b + " of violating the agreement. ";
        break;
      case 3:
        doc.text += a + " will host " + b + " next month. ";
        break;
      default:
        doc.text += "The ministers of " + a + " and " + b + " met on " + Pick(random_, kWeekdays) + ". ";
        break;
    }
  }
  return doc;
}

}  // namespace geokg::bench
