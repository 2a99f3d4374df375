#include "extract/gazetteer.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

namespace geokg::extract {
namespace {

const Gazetteer& Default() {
  static const Gazetteer gazetteer = [] {
    Result<Gazetteer> loaded = Gazetteer::LoadDefault();
    REQUIRE(loaded.ok());
    return std::move(loaded).value();
  }();
  return gazetteer;
}

// The match at the first token of `text`, if any.
std::optional<NameMatch> MatchAtStart(const Gazetteer& gazetteer, std::string_view text) {
  const std::vector<Token> tokens = Tokenize(text);
  return gazetteer.LongestMatch(tokens, 0);
}

std::string NameAtStart(const Gazetteer& gazetteer, std::string_view text) {
  const std::optional<NameMatch> match = MatchAtStart(gazetteer, text);
  return match ? gazetteer.entry(match->entry).entity.name : "";
}

}  // namespace

TEST_CASE("the built-in lexicon loads with more than a thousand entries", "[extract][gazetteer]") {
  REQUIRE(Default().size() > 1000);
}

TEST_CASE("names, codes, demonyms, capitals and seats resolve to their entry and kind", "[extract][gazetteer]") {
  auto [text, name, kind, length] = GENERATE(table<std::string, std::string, NameKind, size_t>({
      {"South Korea said", "South Korea", NameKind::kName, 2},
      {"ROK forces", "South Korea", NameKind::kName, 1},
      {"KOR won", "South Korea", NameKind::kName, 1},
      {"South Korean officials", "South Korea", NameKind::kDemonym, 2},
      {"Seoul accused", "Seoul", NameKind::kCapital, 1},
      {"Blue House officials", "South Korea", NameKind::kSeat, 2},
      {"Peking said", "Beijing", NameKind::kCapital, 1},
      {"Kremlin spokesman", "Russia", NameKind::kSeat, 1},
      {"USSR and", "Soviet Union", NameKind::kName, 1},
      {"Burma's junta", "Myanmar", NameKind::kName, 1},
      {"NATO allies", "North Atlantic Treaty Organization", NameKind::kName, 1},
      {"Xi Jinping met", "Xi Jinping", NameKind::kName, 2},
      {"Xi said", "Xi Jinping", NameKind::kName, 1},
      {"Lee said", "Lee Jae-myung", NameKind::kName, 1},
      {"Lee Jae-myung said", "Lee Jae-myung", NameKind::kName, 2},
      {"Takaichi said", "Sanae Takaichi", NameKind::kName, 1},
      {"Zelensky said", "Volodymyr Zelenskyy", NameKind::kName, 1},
  }));
  CAPTURE(text);
  const std::optional<NameMatch> match = MatchAtStart(Default(), text);
  REQUIRE(match);
  CHECK(Default().entry(match->entry).entity.name == name);
  CHECK(match->kind == kind);
  CHECK(match->length == length);
}

TEST_CASE("a capital's entry names the country it stands for", "[extract][gazetteer]") {
  const std::optional<NameMatch> match = MatchAtStart(Default(), "Seoul");
  REQUIRE(match);
  const GazetteerEntry& city = Default().entry(match->entry);
  CHECK(city.entity.type == EntityType::kLocation);
  CHECK(city.country == "South Korea");
}

TEST_CASE("the longest name wins", "[extract][gazetteer]") {
  CHECK(NameAtStart(Default(), "South Korea and Japan") == "South Korea");
  CHECK(NameAtStart(Default(), "North Korea fired") == "North Korea");
  const std::vector<Token> tokens = Tokenize("leaders of South Korea");
  const std::optional<NameMatch> match = Default().LongestMatch(tokens, 2);
  REQUIRE(match);
  CHECK(match->length == 2);
  CHECK_FALSE(Default().LongestMatch(tokens, 0));
  CHECK_FALSE(Default().LongestMatch(tokens, tokens.size()));
}

TEST_CASE("case decides: US matches, us does not, capitals match mixed-case names", "[extract][gazetteer]") {
  SECTION("an abbreviation in its own case") {
    CHECK(NameAtStart(Default(), "US troops") == "United States");
    CHECK(NameAtStart(Default(), "U.S. troops") == "United States");
  }
  SECTION("a lower-case common word never matches") {
    const std::vector<Token> tokens = Tokenize("let us talk");
    CHECK_FALSE(Default().LongestMatch(tokens, 1));
    CHECK(NameAtStart(Default(), "china plates") == "");
  }
  SECTION("all-caps headline text matches a mixed-case name") {
    CHECK(NameAtStart(Default(), "SOUTH KOREA SAYS") == "South Korea");
    CHECK(NameAtStart(Default(), "REAGAN SAYS") == "Ronald Reagan");
  }
  SECTION("a bare country code in all-caps text is a word, not a country") {
    const std::vector<Token> tokens = Tokenize("CANADA AND JAPAN");
    CHECK_FALSE(Default().LongestMatch(tokens, 1));
    CHECK(NameAtStart(Default(), "AND") == "Andorra");
  }
}

TEST_CASE("an ambiguous name prefers a country over a place and the office holder", "[extract][gazetteer]") {
  auto [text, name] = GENERATE(table<std::string, std::string>({
      {"Georgia", "Georgia"},
      {"Singapore", "Singapore"},
      {"Kim", "Kim Jong-un"},
      {"Congo", "Democratic Republic of the Congo"},
  }));
  CAPTURE(text);
  const std::optional<NameMatch> match = MatchAtStart(Default(), text);
  REQUIRE(match);
  CHECK(Default().entry(match->entry).entity.name == name);
  if (name == text) CHECK(Default().entry(match->entry).entity.type == EntityType::kCountry);
}

TEST_CASE("Find looks up canonical names, aliases and codes in any case", "[extract][gazetteer]") {
  auto [query, name] = GENERATE(table<std::string, std::string>({
      {"south korea", "South Korea"},
      {"ROK", "South Korea"},
      {"kor", "South Korea"},
      {"Zelensky", "Volodymyr Zelenskyy"},
      {"nato", "North Atlantic Treaty Organization"},
      {"Seoul", "Seoul"},
  }));
  CAPTURE(query);
  const std::optional<uint32_t> index = Default().Find(query);
  REQUIRE(index);
  CHECK(Default().entry(*index).entity.name == name);
  CHECK_FALSE(Default().Find("Atlantis"));
}

TEST_CASE("OfficeHolder names who held an office in a year", "[extract][gazetteer]") {
  auto [country, office, year, name] = GENERATE(table<std::string, std::string, int, std::string>({
      {"China", "President", 2026, "Xi Jinping"},
      {"China", "President", 1987, "Li Xiannian"},
      {"China", "president", 0, "Xi Jinping"},
      {"Chinese", "President", 2026, ""},
      {"United States", "President", 1987, "Ronald Reagan"},
      {"US", "President", 2020, "Donald Trump"},
      {"United States", "President", 2026, "Donald Trump"},
      {"South Korea", "President", 2025, "Lee Jae-myung"},
      {"Japan", "Prime Minister", 2026, "Sanae Takaichi"},
      {"Japan", "Prime Minister", 1987, "Noboru Takeshita"},
      {"United Nations", "Secretary-General", 2005, "Kofi Annan"},
      {"Atlantis", "King", 2026, ""},
  }));
  CAPTURE(country, office, year);
  const std::optional<uint32_t> holder = Default().OfficeHolder(country, office, year);
  CHECK((holder ? Default().entry(*holder).entity.name : "") == name);
}

TEST_CASE("a person with several offices shows the latest and keeps every term", "[extract][gazetteer]") {
  const std::optional<uint32_t> putin = Default().Find("Vladimir Putin");
  REQUIRE(putin);
  const GazetteerEntry& entry = Default().entry(*putin);
  CHECK(entry.office == "President");
  CHECK(entry.from_year == 2012);
  CHECK(entry.until_year == 0);
  CHECK(entry.country == "Russia");
  CHECK(Default().OfficeHolder("Russia", "Prime Minister", 2010) == putin);
}

TEST_CASE("a user lexicon adds entries that are then found", "[extract][gazetteer]") {
  Gazetteer gazetteer = Default();
  const size_t before = gazetteer.size();
  REQUIRE(gazetteer
              .AddText("# my people\n\n"
                       "person\tJane Q. Envoy\talias=Envoy Jane|Jane Envoy\tcountry=Canada\t"
                       "office=Special Envoy\tfrom=2026\n"
                       "person\tXi Jinping\talias=Chairman Xi\n",
                       "mine.tsv")
              .ok());
  CHECK(gazetteer.size() == before + 1);
  CHECK(NameAtStart(gazetteer, "Jane Q. Envoy arrived") == "Jane Q. Envoy");
  CHECK(NameAtStart(gazetteer, "Jane Envoy arrived") == "Jane Q. Envoy");
  CHECK(NameAtStart(gazetteer, "Chairman Xi said") == "Xi Jinping");
  const std::optional<uint32_t> xi = gazetteer.Find("Chairman Xi");
  REQUIRE(xi);
  CHECK(gazetteer.entry(*xi).office == "President");  // the new line added a name only
  CHECK(gazetteer.OfficeHolder("Canada", "Special Envoy", 2026) == gazetteer.Find("Jane Envoy"));
}

TEST_CASE("AddFile reads a lexicon file from disk", "[extract][gazetteer]") {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "geokg_gazetteer_test_people.tsv";
  {
    std::ofstream out(path);
    out << "person\tAlex Placeholder\tcountry=Chile\r\n";
  }
  Gazetteer gazetteer;
  REQUIRE(gazetteer.AddFile(path).ok());
  CHECK(gazetteer.size() == 1);
  CHECK(NameAtStart(gazetteer, "Alex Placeholder said") == "Alex Placeholder");
  std::filesystem::remove(path);

  const Status missing = gazetteer.AddFile(path);
  CHECK(missing.code() == Code::kIOError);
  CHECK(gazetteer.size() == 1);
}

TEST_CASE("a bad lexicon line is reported with file and line, and nothing is added", "[extract][gazetteer]") {
  auto [line, message] = GENERATE(table<std::string, std::string>({
      {"contry\tAtlantis", "my.tsv:3: unknown entity type \"contry\""},
      {"country", "my.tsv:3: missing canonical name"},
      {"country\t\tcode=ATL", "my.tsv:3: missing canonical name"},
      {"country\tAtlantis\taliasAtlantica", "my.tsv:3: field without \"=\": \"aliasAtlantica\""},
      {"country\tAtlantis\tcapitol=Poseidonia", "my.tsv:3: unknown key \"capitol\""},
      {"country\tAtlantis\tcode=", "my.tsv:3: empty value for \"code\""},
      {"person\tAtlas\toffice=King\tfrom=20x5",
       "my.tsv:3: \"from\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD): \"20x5\""},
      {"person\tAtlas\toffice=King\tuntil=85",
       "my.tsv:3: \"until\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD): \"85\""},
      {"person\tAtlas\toffice=King\tuntil=1985-13-01",
       "my.tsv:3: \"until\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD): \"1985-13-01\""},
      {"person\tAtlas\tfrom=2020", "my.tsv:3: \"from\" or \"until\" without \"office\", \"role\" or \"country\""},
      {"country\tAtlantis\trole=ATLGOV", "my.tsv:3: \"role\" on a line that is not a person's"},
      {"person\tAtlas\trole=ATLGOV\toffice=King", "my.tsv:3: \"role\" and \"office\" on one line"},
      {"person\tAtlas\toffice=King\tfrom=2020-05-02\tuntil=2020-05-01", "my.tsv:3: \"until\" is before \"from\""},
      {"person\tAtlas\toffice=King\tfrom=2020\tuntil=2019", "my.tsv:3: \"until\" is before \"from\""},
  }));
  CAPTURE(line);
  Gazetteer gazetteer;
  const Status status =
      gazetteer.AddText("person\tGood Person\n# comment\n" + line + "\nperson\tOther Person\n", "my.tsv");
  CHECK(status.code() == Code::kInvalidInput);
  CHECK(status.message() == message);
  CHECK(gazetteer.size() == 0);
  CHECK_FALSE(gazetteer.Find("Good Person"));
}

TEST_CASE("a failed file leaves the lexicon as it was", "[extract][gazetteer]") {
  Gazetteer gazetteer = Default();
  const size_t before = gazetteer.size();
  const Status status = gazetteer.AddText("person\tNew Person\talias=Newcomer\nbogus\tLine\n", "bad.tsv");
  CHECK(status.message() == "bad.tsv:2: unknown entity type \"bogus\"");
  CHECK(gazetteer.size() == before);
  CHECK_FALSE(gazetteer.Find("Newcomer"));
  CHECK(NameAtStart(gazetteer, "Newcomer said") == "");
}

TEST_CASE("offices, states and capitals resolve as of a day", "[extract][gazetteer][dated]") {
  const Gazetteer& g = Default();
  auto name = [&](std::optional<uint32_t> e) { return e ? g.entry(*e).entity.name : std::string(); };
  CHECK(name(g.OfficeHolder("Canada", "Prime Minister", 19800502)) == "Pierre Trudeau");
  CHECK(name(g.OfficeHolder("Canada", "Prime Minister", 20200210)) == "Justin Trudeau");
  CHECK(name(g.OfficeHolder("Canada", "Prime Minister", 19841001)) == "Brian Mulroney");
  CHECK(name(g.OfficeHolder("Germany", "Chancellor", 19850610)) == "Helmut Kohl");  // West Germany then
  CHECK(name(g.OfficeHolder("Germany", "Chancellor", 19981101)) == "Gerhard Schroeder");
  CHECK(name(g.OfficeHolder("Germany", "Chancellor", 19980601)) == "Helmut Kohl");
  const uint32_t russia = *g.Find("Russia");
  CHECK(g.entry(g.AtDate(russia, 19871120)).entity.name == "Soviet Union");
  CHECK(g.entry(g.AtDate(russia, 19911226)).entity.name == "Russia");
  CHECK(g.entry(g.AtDate(russia, 0)).entity.name == "Russia");
  CHECK(g.CountryAt(*g.Find("Moscow"), 19871120) == "Soviet Union");
  CHECK(g.CountryAt(*g.Find("Moscow"), 20200101) == "Russia");
  CHECK(g.CountryAt(*g.Find("Bonn"), 19860203) == "West Germany");
  CHECK(g.CountryAt(*g.Find("Bonn"), 19960203) == "Germany");
  CHECK(g.CountryAt(*g.Find("Bonn"), 20050101).empty());  // a city like any other since 1999
  CHECK(g.CountryAt(*g.Find("Kinshasa"), 19900110) == "Zaire");
}

TEST_CASE("a name several people had is the one of the article's day", "[extract][gazetteer][dated]") {
  const std::vector<Token> tokens = Tokenize("Trudeau said");
  auto at = [&](Day when) { return Default().entry(Default().LongestMatch(tokens, 0, when)->entry).entity.name; };
  CHECK(at(19800502) == "Pierre Trudeau");
  CHECK(at(20200210) == "Justin Trudeau");
  CHECK(at(0) == "Justin Trudeau");  // undated: the later of the two
  const std::vector<Token> bush = Tokenize("George Bush said");
  CHECK(Default().entry(Default().LongestMatch(bush, 0, 19880914)->entry).entity.name == "George H. W. Bush");
  CHECK(Default().entry(Default().LongestMatch(bush, 0, 20030501)->entry).entity.name == "George W. Bush");
}

TEST_CASE("terms and roles of a person carry dates and CAMEO codes", "[extract][gazetteer][dated]") {
  const Gazetteer& g = Default();
  const uint32_t gorbachev = *g.Find("Mikhail Gorbachev");
  const Term* president = g.TermOf(gorbachev, "President", 19910101);
  REQUIRE(president != nullptr);
  CHECK(president->from == 19900315);
  CHECK(president->until == 19911225);
  CHECK(president->country == "Soviet Union");
  CHECK(g.TermOf(gorbachev, "President", 19920101) == nullptr);
  CHECK(g.CodeAt(gorbachev, 19870101) == "USRGOV");  // the dictionaries' RUS, repaired
  CHECK(g.CodeAt(*g.Find("Helmut Kohl"), 19850101) == "DEUGOV");
  CHECK(g.CodeAt(*g.Find("Sanae Takaichi"), 20260101) == "JPNGOV");  // from her office
  CHECK(g.CodeAt(*g.Find("South Korea"), 20260101) == "KOR");
  bool dated_role = false;
  for (const Term& term : g.TermsOf(gorbachev))
    dated_role = dated_role || (term.code == "USRGOV" && term.from == 19850311);
  CHECK(dated_role);
}

TEST_CASE("names match and look up without case, diacritics, apostrophes or hyphens", "[extract][gazetteer][folding]") {
  const Gazetteer& g = Default();
  for (const char* query : {"Sanchez", "SÁNCHEZ", "pedro sanchez", "Pedro Sánchez"}) {
    CAPTURE(query);
    REQUIRE(g.Find(query));
    CHECK(g.entry(*g.Find(query)).entity.name == "Pedro Sánchez");
  }
  CHECK(g.entry(*g.Find("tayyip erdoğan")).entity.name == "Recep Tayyip Erdogan");
  CHECK(g.entry(*g.Find("america")).entity.name == "United States");
  CHECK(g.entry(*g.Find("UN")).entity.name == "United Nations");
  CHECK(NameAtStart(g, "Embalo said") == "Umaro Sissoco Embaló");
  CHECK(NameAtStart(g, "Embaló said") == "Umaro Sissoco Embaló");
  CHECK(NameAtStart(g, "Tayyip Erdoğan said") == "Recep Tayyip Erdogan");
  CHECK(NameAtStart(g, "ERDOĞAN SAYS") == "Recep Tayyip Erdogan");
  CHECK(NameAtStart(g, "Lee Jae-Myung said") == "Lee Jae-myung");
  CHECK(NameAtStart(g, "us and them").empty());  // lower case never finds a name in capitals
}

TEST_CASE("a PETRARCH/Phoenix actor file is read as it is", "[extract][gazetteer][phoenix]") {
  // Written for this test in the dictionaries' format: a record broken by a line without `+`,
  // Soviet-era roles coded RUS, a description and a lone surname that must not become names.
  const std::string phoenix =
      "# test actors\n"
      "IVAN_PETROVICH_TESTOV_  # CountryInfo.txt\n"
      "+TESTOV\n"
      "+PRESIDENT_TESTOV\n"
      "IVAN_P._TESTOV\n"
      "\t[RUSELI 500101-850311]\n"
      "\t[RUSGOV 850311-920101]\n"
      "\t[RUSELI]\n"
      "MARIA_EXAMPLOVA_\n"
      "\t[FRAGOV >20100101]\n";
  Gazetteer g;
  REQUIRE(g.AddText(phoenix, "test.actors").ok());
  REQUIRE(g.Find("Ivan Petrovich Testov"));
  const uint32_t testov = *g.Find("Ivan Petrovich Testov");
  CHECK(g.Find("Ivan P. Testov") == testov);  // the line without `+` is a synonym
  CHECK_FALSE(g.Find("Testov"));              // a lone surname is no name
  CHECK_FALSE(g.Find("President Testov"));
  CHECK(g.CodeAt(testov, 19870101) == "USRGOV");
  CHECK(g.CodeAt(testov, 19911230) == "RUSGOV");
  CHECK(g.CodeAt(testov, 20000101) == "RUSELI");
  CHECK(g.CodeAt(*g.Find("Maria Examplova"), 20150101) == "FRAGOV");
  CHECK(g.CodeAt(*g.Find("Maria Examplova"), 20050101).empty());

  const Status bad = Gazetteer().AddText("SOME_ONE_\n\t[USAGOV 8503-9001]\n", "bad.actors");
  CHECK(bad.code() == Code::kInvalidInput);
  CHECK(bad.message() == "bad.actors:2: bad role \"[USAGOV 8503-9001]\"");
}

TEST_CASE("lexicon dates take years, months and days", "[extract][gazetteer][dated]") {
  Gazetteer g;
  REQUIRE(g.AddText("person\tAda Example\tcountry=Chile\toffice=President\tfrom=2010-03\tuntil=2014\n"
                    "person\tBea Example\tcountry=Chile\toffice=President\tfrom=2014-03-11\n",
                    "mine.tsv")
              .ok());
  auto holder = [&](Day when) {
    const auto e = g.OfficeHolder("Chile", "President", when);
    return e ? g.entry(*e).entity.name : std::string();
  };
  CHECK(holder(20100228).empty());
  CHECK(holder(20100301) == "Ada Example");
  CHECK(holder(20140310) == "Ada Example");
  CHECK(holder(20140311) == "Bea Example");
  CHECK(holder(2014) == "Bea Example");  // a year: the holder who began last in it
}
}  // namespace geokg::extract
