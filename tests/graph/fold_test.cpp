#include "graph/fold.h"

#include <catch2/catch.hpp>

namespace geokg {

TEST_CASE("FoldName ignores case, diacritics, apostrophes and hyphens", "[graph][fold]") {
  CHECK(FoldName("Erdoğan") == "erdogan");
  CHECK(FoldName("ERDOĞAN") == "erdogan");
  CHECK(FoldName("Embaló") == FoldName("Embalo"));
  CHECK(FoldName("Pedro Sánchez") == "pedro sanchez");
  CHECK(FoldName("Lee Jae-myung") == "lee jae myung");
  CHECK(FoldName("O'Neill") == "oneill");
  CHECK(FoldName("O\xE2\x80\x99Neill") == "oneill");
  CHECK(FoldName("  Côte   d'Ivoire ") == "cote divoire");
  CHECK(FoldName("Straße") == "strasse");
  CHECK(FoldName("") == "");
}

TEST_CASE("FoldName and StripMarks survive invalid UTF-8", "[graph][fold]") {
  const std::string bad = "Ab\xC3(";
  CHECK(FoldName(bad) == "ab\xC3(");
  CHECK(StripMarks(bad) == bad);
}

TEST_CASE("StripMarks keeps case and punctuation", "[graph][fold]") {
  CHECK(StripMarks("Embaló") == "Embalo");
  CHECK(StripMarks("ÉLYSÉE-Palast") == "ELYSEE-Palast");
  CHECK(StripMarks("plain") == "plain");
}

}  // namespace geokg
