#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/internal/cues.h"

using namespace geokg::extract::internal;

TEST_CASE("every cue list the rules read is in the embedded cue file", "[extract][cues]") {
  CHECK(IsCue(Cue::kReportingVerb, "said"));
  CHECK(IsCue(Cue::kClauseReportingVerb, "announced"));
  CHECK_FALSE(IsCue(Cue::kClauseReportingVerb, "told"));  // "told Macron that": an object first
  CHECK(IsCue(Cue::kHonorific, "Sir"));
  CHECK(IsCue(Cue::kRank, "Gen"));
  CHECK(IsCue(Cue::kDictionaryHonorific, "ACTING"));
  CHECK(IsCue(Cue::kWeekday, "Tuesday"));
  CHECK_FALSE(IsCue(Cue::kMonth, "march"));  // exact: the lower-case word is a verb
  CHECK(CueIndex(Cue::kMonth, "march") == 2);
  CHECK(CueIndex(Cue::kMonth, "DECEMBER") == 11);
  CHECK(CueIndex(Cue::kWeekday, "sunday") == 6);
  CHECK(CueIndex(Cue::kWeekday, "someday") == -1);
}

TEST_CASE("every list and table of the embedded cue file loads and is non-empty", "[extract][cues]") {
  const CueData& cues = Cues();
  for (size_t k = 0; k < kCueLists; ++k) {
    INFO("list " << k);
    CHECK_FALSE(CueWords(static_cast<Cue>(k)).empty());
  }
  REQUIRE_FALSE(cues.wordings.empty());
  REQUIRE_FALSE(cues.titles.empty());
  REQUIRE_FALSE(cues.verbs.empty());
  REQUIRE_FALSE(cues.goods_names.empty());
  // In the file's order: the first wording that matches wins, and titles run longest first.
  CHECK(cues.wordings.front().words == "entry|accession|membership talks|negotiations with @");
  CHECK(cues.titles.front().words[2] == "minister");
  CHECK(IsCue(Cue::kWeapons, "fighter jets"));
  CHECK(IsCue(Cue::kFurniturePrefix, "(c) "));  // the space is the prefix's
}

TEST_CASE("the cue parser reads each kind of row", "[extract][cues]") {
  const std::string text =
      "# a comment\n"
      "\n"
      "months\tJanuary|February\n"
      "wording\tsanctions on @\tsanction\timposes sanctions on\tforward\tstrict_agent\n"
      "wording\tally\tally\tis an ally of\tappositive\n"
      "title\tchief executive\tleads\tneeds_owner\n"
      "title\tmayor\tleads\n"
      "verb\tsell\tto\tsupply\tsells to\n"
      "verb\tpraise\t-\tsupport\tpraises\n"
      "goods_name\tchip\tchips\n";
  const CueData cues = ParseCues(text);
  CHECK(cues.lists[static_cast<size_t>(Cue::kMonth)] == std::vector<std::string_view>{"January", "February"});
  REQUIRE(cues.wordings.size() == 2);
  CHECK(cues.wordings[0].relation == geokg::Relation::kSanction);
  CHECK(cues.wordings[0].frame == Frame::kForward);
  CHECK(cues.wordings[0].strict_agent);
  CHECK_FALSE(cues.wordings[0].reuse_object);
  CHECK(cues.wordings[1].frame == Frame::kAppositive);
  REQUIRE(cues.titles.size() == 2);
  CHECK(cues.titles[0].words[1] == "executive");
  CHECK(cues.titles[0].needs_owner);
  CHECK_FALSE(cues.titles[1].needs_owner);
  REQUIRE(cues.verbs.size() == 2);
  CHECK(cues.verbs[0].preposition == "to");
  CHECK(cues.verbs[1].preposition.empty());
  CHECK(cues.verbs[1].relation.predicate == "praises");
  CHECK(cues.goods_names.at(0).second == "chips");
}

TEST_CASE("a malformed cue row fails the load, naming cues.tsv and its line", "[extract][cues]") {
  const auto fails = [](const std::string& row, const std::string& message) {
    INFO(row);
    CHECK_THROWS_WITH(ParseCues("# header\nmonths\tJanuary\n" + row + "\n"), "cues.tsv:3: " + message);
  };
  fails("wording\tmet @\tmeeet\tmeets\tforward", "unknown relation 'meeet'");
  fails("wording\tmet @\tmeet\tmeets\tsideways", "unknown frame 'sideways'");
  fails("wording\tmet @\tmeet\tmeets\tforward\tstrict", "unknown flag 'strict'");
  fails("wording\tmet @\tmeet\tmeets", "a wording needs WORDS, RELATION, PREDICATE and FRAME");
  fails("wording\t@ met\tmeet\tmeets\tforward", "a wording starts with a word, not '@'");
  fails("wording\tmet|= @\tmeet\tmeets\tforward", "a wording's '=' needs a lemma after it");
  fails("title\tprime minister", "a title is WORDS<TAB>RELATION[<TAB>needs_owner]");
  fails("title\ta b c d e f\tleads", "a title has at most five words");
  fails("verb\tpraise\tsupport\tpraises", "a verb is LEMMA<TAB>PREPOSITION<TAB>RELATION<TAB>PREDICATE");
  fails("goods_name\tchip", "a goods name is PHRASE<TAB>NORMAL");
  fails("monthz\tJanuary", "unknown list 'monthz'");
  fails("months\tJanuary||March", "empty word in list 'months'");
  fails("months\tJanuary\tFebruary", "a list is NAME<TAB>word|word|...");
  fails("months January", "a row is NAME<TAB>...");
  fails("months\t", "empty field");
}
