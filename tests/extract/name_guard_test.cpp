// A partial name (a surname, a given name) stands for a known person only when the rest of the
// name agrees: no other name word before or after it (issue 14).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/extractor.h"

using namespace geokg;

namespace {

const extract::Extractor& Shared() {
  static const auto extractor = extract::Extractor::Create({}).value();
  return *extractor;
}

// Every person named in the triples of `text`, dated `date`.
std::vector<std::string> People(const std::string& date, const std::string& text) {
  std::vector<std::string> people;
  for (const Triple& t : Shared().Extract(Document{"guard", "", date, "", "", text}))
    for (const Entity* e : {&t.subject, &t.object})
      if (e->type == EntityType::kPerson) people.push_back(e->name);
  return people;
}

bool Has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

TEST_CASE("a surname inside another name is not the known person", "[extract][guards]") {
  auto [text, wrong] = GENERATE(table<std::string, std::string>({
      {"Ginger Baker met Tony Blair in London.", "James Baker"},
      {"The drummer Ginger Baker visited Moscow.", "James Baker"},
      {"Arroyo Grande officials accused Mexico of fraud.", "Gloria Macapagal Arroyo"},
      {"Officials said Arroyo Grande accused Mexico of fraud.", "Gloria Macapagal Arroyo"},
      {"James Baker met Shevardnadze. Ginger Baker visited Moscow later.", "James Baker"},
  }));
  CAPTURE(text);
  const std::vector<std::string> people = People("1990-05-01", text);
  if (text.starts_with("James Baker")) {
    // The first sentence's Baker is him; the second sentence's is someone else.
    size_t baker = std::count(people.begin(), people.end(), "James Baker");
    CHECK(baker == 1);
  } else {
    CHECK_FALSE(Has(people, wrong));
  }
}

TEST_CASE("a partial name whose rest agrees is still the known person", "[extract][guards]") {
  auto [text, person] = GENERATE(table<std::string, std::string>({
      {"Baker met Shevardnadze in Moscow.", "James Baker"},
      {"Later Baker met Shevardnadze in Moscow.", "James Baker"},
      {"Mr Baker met Shevardnadze in Moscow.", "James Baker"},
      {"James A. Baker met Shevardnadze in Moscow.", "James Baker"},
      {"Arroyo met Koizumi in Tokyo.", "Gloria Macapagal Arroyo"},
  }));
  CAPTURE(text);
  CHECK(Has(People(text.find("Arroyo") != std::string::npos ? "2003-05-01" : "1990-05-01", text), person));
}

TEST_CASE("a longer name is its own person, not the known one inside it", "[extract][guards]") {
  const std::vector<std::string> people = People("1962-05-01", "John F. Kennedy met Nikita Khrushchev in Vienna.");
  CHECK(Has(people, "John F. Kennedy"));
  CHECK_FALSE(Has(people, "John"));
  const std::vector<std::string> kims =
      People("2018-05-01", "Kim Jong Un met Moon Jae-in. Kim Yo Jong visited Seoul on Friday.");
  CHECK(Has(kims, "Kim Yo-jong"));
}

TEST_CASE("an honorific is no part of a name", "[extract][guards]") {
  const std::vector<std::string> howe =
      People("1987-04-09", "Foreign Secretary Sir Geoffrey Howe met George Shultz in London.");
  CHECK(Has(howe, "Geoffrey Howe"));
  CHECK_FALSE(Has(howe, "Sir Geoffrey Howe"));
  const std::vector<std::string> dame =
      People("2004-06-01", "Officials said Dame Alma Placeholder met Tony Blair in London.");
  CHECK(Has(dame, "Alma Placeholder"));
  CHECK_FALSE(Has(dame, "Dame Alma Placeholder"));
}
