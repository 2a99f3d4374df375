#include "extract/internal/cues.h"

#include <algorithm>
#include <stdexcept>

#include "embedded/cues_tsv.h"
#include "extract/internal/text.h"

namespace geokg::extract::internal {
namespace {

// The names of the word lists in the file, in the order of enum Cue.
constexpr auto kCueListNames = std::to_array<std::string_view>({
    "reporting_verbs",
    "clause_reporting_verbs",
    "honorifics",
    "ranks",
    "dictionary_honorifics",
    "months",
    "weekdays",
    "met_as_satisfied",
    "title_abbreviations",
    "abbreviations",
    "sentence_starters",
    "place_kinds",
    "slot_prepositions",
    "possessive_pronouns",
    "other_clause_openers",
    "representative_heads",
    "passive_auxiliaries",
    "passive_adverbs",
    "irregular_participles",
    "goods_stop_words",
    "goods_dropped_words",
    "weapons",
    "organization_heads",
    "state_collectives",
    "organization_offices",
    "local_offices",
    "name_particles",
    "thing_words",
    "post_nominals",
    "common_capitalized_words",
    "place_or_event_words",
    "place_openers",
    "state_organs",
    "portfolio_words",
    "surname_titles",
    "pair_of_leaders",
    "pair_of_officials",
    "place_context_words",
    "travel_words",
    "name_openers",
    "predicating_words",
    "party_offices",
    "adjective_endings",
    "phrase_openers",
    "title_links",
    "subordinators",
    "occasion_prepositions",
    "locatives",
    "member_words",
    "member_nouns",
    "comprising_words",
    "grouping_verbs",
    "second_ranks",
    "organization_parts",
    "body_nouns",
    "portfolio_areas",
    "shadow_marks",
    "cabinet_words",
    "chamber_words",
    "articles",
    "copulas",
    "law_heads",
    "event_heads",
    "event_determiners",
    "attending_verbs",
    "participating_words",
    "testifying_verbs",
    "speaking_words",
    "not_event_words",
    "participant_nouns",
    "obligation_modals",
    "envoy_titles",
    "organization_kinds",
    "generation_suffixes",
    "not_owner_modifiers",
    "founding_participles",
    "elected_head_offices",
    "headed_participles",
    "appointing_verbs",
    "office_modifiers",
    "ordinal_words",
    "list_introducers",
    "legal_forms",
    "function_words",
    "light_verbs",
    "auxiliaries",
    "participle_openers",
    "request_words",
    "clause_openers",
    "clause_openers_after_comma",
    "conjunct_fillers",
    "light_lemmas",
    "hostility_nouns",
    "directions",
    "party_prepositions",
    "meet_forms",
    "envoy_words",
    "verbal_targets",
    "criticised_acts",
    "speech_lemmas",
    "negative_evaluations",
    "talks_complements",
    "expected_cues",
    "intent_verbs",
    "be_forms",
    "irregular_pasts",
    "negation_cues",
    "announcing_words",
    "event_nouns",
    "ending_cues",
    "called_off_words",
    "time_expression_openers",
    "model_negations",
    "dictionary_not_names",
    "dictionary_particles",
    "sport_words",
    "list_headers",
    "furniture_prefixes",
    "furniture_words",
});
static_assert(kCueListNames.size() == kCueLists);

constexpr auto kFrameNames =
    std::to_array<std::string_view>({"forward", "reverse", "between", "modifier", "appositive", "envoy"});

// Reports a malformed row of the file.
class RowError {
 public:
  explicit RowError(size_t line) : line_(line) {}
  [[noreturn]] void operator()(const std::string& problem) const {
    throw std::logic_error("cues.tsv:" + std::to_string(line_) + ": " + problem);
  }

 private:
  size_t line_;
};

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (;;) {
    const size_t at = s.find(sep);
    out.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return out;
    s.remove_prefix(at + 1);
  }
}

Relation RelationField(std::string_view name, const RowError& error) {
  const std::optional<Relation> relation = ParseRelation(name);
  if (!relation) error("unknown relation '" + std::string(name) + "'");
  return *relation;
}

Pattern ParseWording(const std::vector<std::string_view>& fields, const RowError& error) {
  if (fields.size() < 5) error("a wording needs WORDS, RELATION, PREDICATE and FRAME");
  const std::string_view first = fields[1].substr(0, fields[1].find(' '));
  if (first == "*" || first == "@" || first == "#")
    error("a wording starts with a word, not '" + std::string(first) + "'");
  for (const std::string_view word : SplitOn(fields[1], ' '))
    for (const std::string_view alternative : SplitOn(word, '|'))
      if (alternative == "=") error("a wording's '=' needs a lemma after it");
  const auto frame = std::find(kFrameNames.begin(), kFrameNames.end(), fields[4]);
  if (frame == kFrameNames.end()) error("unknown frame '" + std::string(fields[4]) + "'");
  Pattern pattern{fields[1], RelationField(fields[2], error), fields[3],
                  static_cast<Frame>(frame - kFrameNames.begin())};
  for (size_t k = 5; k < fields.size(); ++k) {
    if (fields[k] == "reuse_object")
      pattern.reuse_object = true;
    else if (fields[k] == "strict_agent")
      pattern.strict_agent = true;
    else
      error("unknown flag '" + std::string(fields[k]) + "'");
  }
  return pattern;
}

Title ParseTitle(const std::vector<std::string_view>& fields, const RowError& error) {
  if (fields.size() != 3 && !(fields.size() == 4 && fields[3] == "needs_owner"))
    error("a title is WORDS<TAB>RELATION[<TAB>needs_owner]");
  const std::vector<std::string_view> words = SplitOn(fields[1], ' ');
  Title title{{}, RelationField(fields[2], error), fields.size() == 4};
  if (words.size() > title.words.size()) error("a title has at most five words");
  std::copy(words.begin(), words.end(), title.words.begin());
  return title;
}

Verb ParseVerb(const std::vector<std::string_view>& fields, const RowError& error) {
  if (fields.size() != 5) error("a verb is LEMMA<TAB>PREPOSITION<TAB>RELATION<TAB>PREDICATE");
  return {fields[1], fields[2] == "-" ? std::string_view() : fields[2], {RelationField(fields[3], error), fields[4]}};
}

}  // namespace

CueData ParseCues(std::string_view text) {
  CueData out;
  out.lists.resize(kCueListNames.size());
  out.lowered.resize(kCueListNames.size());
  size_t line_number = 0;
  for (std::string_view line : SplitOn(text, '\n')) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    const RowError error(line_number);
    const std::vector<std::string_view> fields = SplitOn(line, '\t');
    if (fields.size() < 2) error("a row is NAME<TAB>...");
    for (std::string_view field : fields)
      if (field.empty()) error("empty field");
    const std::string_view name = fields[0];
    if (name == "wording") {
      out.wordings.push_back(ParseWording(fields, error));
    } else if (name == "title") {
      out.titles.push_back(ParseTitle(fields, error));
    } else if (name == "verb") {
      out.verbs.push_back(ParseVerb(fields, error));
    } else if (name == "goods_name") {
      if (fields.size() != 3) error("a goods name is PHRASE<TAB>NORMAL");
      out.goods_names.emplace_back(fields[1], fields[2]);
    } else {
      const auto list = std::find(kCueListNames.begin(), kCueListNames.end(), name);
      if (list == kCueListNames.end()) error("unknown list '" + std::string(name) + "'");
      if (fields.size() != 2) error("a list is NAME<TAB>word|word|...");
      const auto k = static_cast<size_t>(list - kCueListNames.begin());
      for (std::string_view word : SplitOn(fields[1], '|')) {
        if (word.empty()) error("empty word in list '" + std::string(name) + "'");
        out.lists[k].push_back(word);
        out.lowered[k].push_back(Lower(word));
      }
    }
  }
  return out;
}

const CueData& Cues() {
  static const CueData cues = ParseCues(embedded::cues_tsv());
  return cues;
}

bool IsCue(Cue list, std::string_view word) {
  const std::vector<std::string_view>& words = CueWords(list);
  return std::find(words.begin(), words.end(), word) != words.end();
}

const std::vector<std::string_view>& CueWords(Cue list) { return Cues().lists[static_cast<size_t>(list)]; }

int CueIndex(Cue list, std::string_view word) {
  const std::vector<std::string>& lowered = Cues().lowered[static_cast<size_t>(list)];
  const auto it = std::find(lowered.begin(), lowered.end(), Lower(word));
  return it == lowered.end() ? -1 : static_cast<int>(it - lowered.begin());
}

}  // namespace geokg::extract::internal
