// The dated check: short articles we wrote, dated 1980 to 2025, and the canonical names and
// roles of their day that the extractor must give (issue 14). Each row is one expectation; the
// last test prints the score so that docs/LEXICON.md can quote it.
#include <catch2/catch.hpp>

#include <iostream>
#include <string>
#include <vector>

#include "extract/extractor.h"

using namespace geokg;

namespace {

const extract::Extractor& Shared() {
  static const auto extractor = extract::Extractor::Create({}).value();
  return *extractor;
}

struct Expectation {
  std::string date;  // the article's date; empty: undated
  std::string text;
  std::string subject;
  Relation relation;
  std::string object;
  bool present = true;  // false: the triple must not be extracted
};

const std::vector<Expectation>& Expectations() {
  static const std::vector<Expectation> rows = {
      // Offices of the day, named by a title and a demonym only.
      {"1985-06-10", "The West German chancellor arrived in Paris on Monday.", "Helmut Kohl", Relation::kLeads,
       "West Germany"},
      {"1985-06-10", "The German chancellor arrived in Paris on Monday.", "Helmut Kohl", Relation::kLeads,
       "West Germany"},
      {"1995-03-01", "The German chancellor arrived in Paris on Monday.", "Helmut Kohl", Relation::kLeads, "Germany"},
      {"1981-02-01", "The German chancellor arrived in Paris on Monday.", "Helmut Schmidt", Relation::kLeads,
       "West Germany"},
      {"2010-02-01", "The German chancellor arrived in Paris on Monday.", "Angela Merkel", Relation::kLeads, "Germany"},
      {"1990-03-05", "The Saudi king flew to Cairo for talks.", "Fahd bin Abdulaziz", Relation::kLeads, "Saudi Arabia"},
      {"2010-03-05", "The Saudi king flew to Cairo for talks.", "King Abdullah of Saudi Arabia", Relation::kLeads,
       "Saudi Arabia"},
      {"2020-03-05", "The Saudi king flew to Cairo for talks.", "Salman bin Abdulaziz", Relation::kLeads,
       "Saudi Arabia"},
      {"1980-07-05", "The Saudi king flew to Cairo for talks.", "Khalid bin Abdulaziz", Relation::kLeads,
       "Saudi Arabia"},
      {"1985-04-11", "The Chinese premier arrived in Tokyo.", "Zhao Ziyang", Relation::kLeads, "China"},
      {"1995-04-11", "The Chinese premier arrived in Tokyo.", "Li Peng", Relation::kLeads, "China"},
      {"2015-04-11", "The Chinese premier arrived in Tokyo.", "Li Keqiang", Relation::kLeads, "China"},
      {"1998-06-10", "The Japanese prime minister arrived in Seoul.", "Ryutaro Hashimoto", Relation::kLeads, "Japan"},
      {"1999-06-10", "The Japanese prime minister arrived in Seoul.", "Keizo Obuchi", Relation::kLeads, "Japan"},
      {"1987-04-02", "The Russian foreign minister arrived in Bonn.", "Eduard Shevardnadze", Relation::kOfficialOf,
       "Soviet Union"},
      // One surname, several people: the one in office that day.
      {"1980-05-02", "Prime Minister Trudeau visited Washington.", "Pierre Trudeau", Relation::kLeads, "Canada"},
      {"1980-05-02", "Prime Minister Trudeau visited Washington.", "Pierre Trudeau", Relation::kVisit, "United States"},
      {"2020-02-10", "Prime Minister Trudeau visited Washington.", "Justin Trudeau", Relation::kLeads, "Canada"},
      {"1988-09-14", "George Bush met Yitzhak Shamir in Jerusalem.", "George H. W. Bush", Relation::kMeet,
       "Yitzhak Shamir"},
      {"1989-02-01", "President Bush met Chancellor Kohl in Washington.", "George H. W. Bush", Relation::kLeads,
       "United States"},
      {"1989-02-01", "President Bush met Chancellor Kohl in Washington.", "Helmut Kohl", Relation::kLeads,
       "West Germany"},
      {"2003-05-01", "George Bush met Tony Blair at Camp David.", "George W. Bush", Relation::kMeet, "Tony Blair"},
      {"2002-05-01", "President Bush spoke with President Putin.", "George W. Bush", Relation::kLeads, "United States"},
      {"1991-05-10", "Chancellor Kohl met President Gorbachev in Moscow.", "Helmut Kohl", Relation::kLeads, "Germany"},
      {"1991-05-10", "Chancellor Kohl met President Gorbachev in Moscow.", "Mikhail Gorbachev", Relation::kLeads,
       "Soviet Union"},
      {"1997-01-10", "Secretary-General Annan visited Nairobi.", "Kofi Annan", Relation::kLeads, "United Nations"},
      // A role is asserted only for the days it covers.
      {"2022-05-01", "President Biden criticised Trump.", "Joe Biden", Relation::kLeads, "United States"},
      {"2022-05-01", "Trump criticised President Biden.", "Donald Trump", Relation::kLeads, "United States", false},
      {"1986-05-01", "Prime Minister Trudeau visited Washington.", "Pierre Trudeau", Relation::kLeads, "Canada", false},
      // States and capitals of their day.
      {"1987-11-20", "Moscow accused Washington of breaking the treaty.", "Soviet Union", Relation::kAccuse,
       "United States"},
      {"1995-11-20", "Moscow accused Washington of breaking the treaty.", "Russia", Relation::kAccuse, "United States"},
      {"1987-11-20", "Russia accused the United States of breaking the treaty.", "Soviet Union", Relation::kAccuse,
       "United States"},
      {"1986-02-03", "Bonn criticised Paris over farm subsidies.", "West Germany", Relation::kCriticize, "France"},
      {"1996-02-03", "Bonn criticised Paris over farm subsidies.", "Germany", Relation::kCriticize, "France"},
      {"1990-01-10", "Kinshasa accused Brussels of meddling.", "Zaire", Relation::kAccuse, "Belgium"},
      {"2005-01-10", "Kinshasa accused Kigali of meddling.", "Democratic Republic of the Congo", Relation::kAccuse,
       "Rwanda"},
      {"1988-06-01", "Prague accused Vienna of meddling.", "Czechoslovakia", Relation::kAccuse, "Austria"},
      {"2015-06-01", "Prague accused Vienna of meddling.", "Czech Republic", Relation::kAccuse, "Austria"},
      {"1989-06-15", "Mikhail Gorbachev visited Bonn.", "Mikhail Gorbachev", Relation::kVisit, "West Germany"},
      {"1986-10-11", "Reagan met Gorbachev in Reykjavik.", "Ronald Reagan", Relation::kMeet, "Mikhail Gorbachev"},
  };
  return rows;
}

bool Found(const Expectation& e) {
  const std::vector<Triple> triples = Shared().Extract(Document{"dated", "", e.date, "", "", e.text});
  for (const Triple& t : triples)
    if (t.subject.name == e.subject && t.relation == e.relation && t.object.name == e.object) return true;
  return false;
}

}  // namespace

TEST_CASE("the dated check gives the names and roles of the article's day", "[extract][dated]") {
  size_t met = 0;
  for (const Expectation& e : Expectations()) {
    CAPTURE(e.date, e.text, e.subject, Info(e.relation).name, e.object, e.present);
    const bool ok = Found(e) == e.present;
    met += ok;
    CHECK(ok);
  }
  std::cout << "dated check: " << met << " of " << Expectations().size() << " expectations met\n";
  CHECK(Expectations().size() >= 35);
}

TEST_CASE("an undated article takes the latest role, with less confidence and a note", "[extract][dated]") {
  const std::vector<Triple> triples =
      Shared().Extract(Document{"undated", "", "", "", "", "Prime Minister Trudeau visited Washington."});
  const Triple* role = nullptr;
  for (const Triple& t : triples)
    if (t.relation == Relation::kLeads) role = &t;
  REQUIRE(role != nullptr);
  CHECK(role->subject.name == "Justin Trudeau");
  CHECK(role->object.name == "Canada");
  CHECK(role->confidence < 0.6f);
  CHECK(role->attribution.find("undated") != std::string::npos);
}
