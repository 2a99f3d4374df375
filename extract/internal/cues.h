// extract/internal/cues.h -- every English word list and wording table the extractor's rules
// read, in one embedded data file (extract/data/cues.tsv) so that a new wording is a data change.
// The file is parsed once, on first use, and shared read-only: thread-safe. A malformed row is a
// build bug: the parse throws std::logic_error naming cues.tsv and the line, and the cue tests fail.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/relation.h"

namespace geokg::extract::internal {

// The word lists, each a "NAME<TAB>word|word|..." row of the file (a name may repeat; its rows
// append). In the order of kCueListNames in cues.cpp.
enum class Cue : uint8_t {
  kReportingVerb,        // lower case
  kClauseReportingVerb,  // lower case; a clause follows them directly
  kHonorific,
  kRank,
  kDictionaryHonorific,  // upper case, as Phoenix dictionaries write them
  kMonth,                // capitalised
  kWeekday,              // capitalised
  kMetAsSatisfied,       // lower case: what is "met" without a meeting ("requirements")
  // The tokenizer's abbreviations that keep their period.
  kTitleAbbreviation,  // never end a sentence ("Mr.")
  kAbbreviation,       // end one when a sentence starter follows ("Inc.")
  kSentenceStarter,
  // The wording matcher's (relation_patterns.h), lower case.
  kPlaceKind,
  kSlotPreposition,
  kPossessivePronoun,
  kOtherClauseOpener,
  kRepresentativeHead,
  kPassiveAuxiliary,
  kPassiveAdverb,
  kIrregularParticiple,
  kGoodsStopWord,
  kGoodsDroppedWord,
  kWeapons,
  // The mention finder's (mentions.h); as written unless the file says lower case.
  kOrganizationHead,
  kStateCollective,
  kOrganizationOffice,
  kLocalOffice,
  kNameParticle,
  kThingWord,
  kPostNominal,
  kCommonCapitalized,
  kPlaceOrEventWord,
  kPlaceOpener,
  kStateOrgan,
  kPortfolioWord,
  kSurnameTitle,     // lower case: one-word titles that are common surnames too ("Stephen King")
  kPairOfLeaders,    // lower case: "the two leaders" are the last two leaders named
  kPairOfOfficials,  // lower case: "the two ministers" are the last two people given an office
  kPlaceContext,
  kTravelWord,
  kNameOpener,
  kPredicatingWord,
  kPartyOffice,
  kAdjectiveEnding,
  kPhraseOpener,
  kTitleLink,
  kSubordinator,
  kOccasionPreposition,
  kLocative,
  kMemberWord,
  kMemberNoun,
  kComprising,
  kGroupingVerb,
  kSecondRank,
  kOrganizationPart,
  kBodyNoun,
  kPortfolioArea,      // lower case: "trade": "the EC's trade chief" heads a portfolio, not the EC
  kShadowMark,         // lower case: "shadow": "Tory shadow chancellor X" holds the party's office
  kCabinetWord,        // lower case: "minister": an office of the state of a wire story's dateline
  kChamberWord,        // as written: "Senate": "Senate Democratic leader X" leads the party's caucus there
  kArticle,            // lower case: "a", "an", "the"
  kCopula,             // lower case: "is", "became": "Slovenia became the first EU country"
  kLawHead,            // as written: "Act": the last word of a law's name, which acts for no one
  kEventHead,          // lower case: "meeting", "summit": the head of an event one attends
  kEventDeterminer,    // lower case: "the", "a", "its": what opens an event's phrase
  kAttendingVerb,      // lower case: "attended", "told": X <verb> <event> attends it
  kParticipatingWord,  // lower case: "part", "participated": before "in" <event>
  kTestifyingVerb,     // lower case: "testified": before "before" or "to" <event>
  kSpeakingWord,       // lower case: "said", "speaking": before "at" <event>
  kNotEventWord,       // lower case: "news", "press": a conference one speaks at, no event
  kParticipantNoun,    // lower case: "ministers": "a meeting of EC ministers" is no body's meeting
  kObligationModal,    // lemmas: "must": "X said Y must go" is X's demand of Y
  kEnvoyTitle,         // lower case: "ambassador": a state's envoy to the organisation named before the title
  kOrganizationKind,   // lower case: "company", "broadcaster": what a descriptor before a name calls it
  kGenerationSuffix,
  kNotOwnerModifier,
  kFoundingParticiple,
  kElectedHeadOffice,
  kHeadedParticiple,
  kAppointingVerb,  // lower case: "elected", "appoints": what gives someone an office
  kOfficeModifier,  // lower case: "new", "interim": between "elected the" and the office
  kOrdinalWord,     // lower case: "first", "second": a rank in a series
  kListIntroducer,  // lower case: "including": after "X," or before a wording it names others
  kLegalForm,       // a company's legal form, which ends its name ("Ltd", "AG")
  // The argument finder's (arguments.h), lower case.
  kFunctionWord,
  kLightVerb,
  kAuxiliary,
  kParticipleOpener,
  kRequestWord,
  kClauseOpener,
  kClauseOpenerAfterComma,
  kConjunctFiller,
  // The sentence relator's (sentence_relator.h), lower case.
  kLightLemma,
  kHostilityNoun,
  kDirection,
  kPartyPreposition,
  kMeetForm,
  kEnvoyWord,
  kVerbalTarget,        // what one criticises of someone: words and policies ("plan", "record")
  kCriticisedAct,       // acts one criticises, which forces attack too ("attack", "crackdown")
  kSpeechLemma,         // lemmas of saying: what a speaker's complement clause hangs on
  kNegativeEvaluation,  // lemmas that condemn: "failed", "shambles", "unworkable"
  kTalksComplement,     // lower case: "with", "on": talks with a third party or on a subject
  // The qualifiers' (qualifiers.h), lower case.
  kExpectedCue,
  kIntentVerb,
  kBeForm,
  kIrregularPast,
  kNegationCue,
  kAnnouncing,
  kEventNoun,
  kEndingCue,
  kCalledOff,
  kTimeExpressionOpener,
  // The relation model's features (relation_model.h), lower case.
  kModelNegation,
  // The Phoenix dictionaries' (phoenix.h), upper case.
  kDictionaryNotName,
  kDictionaryParticle,
  // The document's: sport reports, page furniture (extractor.h, boilerplate.h, web_page.h).
  kSportWord,
  kListHeader,
  kFurniturePrefix,
  kFurnitureWord,
};
inline constexpr size_t kCueLists = static_cast<size_t>(Cue::kFurnitureWord) + 1;

// Where a wording's subject and object stand relative to it.
enum class Frame : uint8_t {
  kForward,     // subject: the clause's actor before; object: the slot '@', else the next actor after
  kReverse,     // subject: the slot '@', else the next actor after; object: the clause's actor before
  kBetween,     // both after: "talks between A and B"
  kModifier,    // object: the actor just before the trigger ("his China trip")
  kAppositive,  // object: the actor just before the trigger; subject: the actor the apposition
                // describes ("South Korea, a key US ally")
  kEnvoy,       // object: the state whose envoy the words name ("summons Russia's chargé
                // d'affaires", "expelled the Libyan ambassador"); subject: the clause's actor
};

// A wording that expresses a core relation ("accused X of", "arrived in X"): a "wording" row,
// "wording<TAB>WORDS<TAB>RELATION<TAB>PREDICATE<TAB>FRAME[<TAB>FLAG...]".
struct Pattern {
  std::string_view words;  // space-separated; "a|b" alternatives, "*" skips up to six tokens,
                           // "@" an actor slot, "#" goods (up to four lower-case words)
  Relation relation;
  std::string_view predicate;  // present tense; "{}" stands for the goods
  Frame frame;
  bool reuse_object = false;  // flag "reuse_object": "accused Tokyo ... and retaliated": the clause's last object
  // Flag "strict_agent": a noun that names a hostile act ("strikes on X", "sanctions against X")
  // takes as its agent only a possessor, a demonym ("Russian strikes") or the subject of a light
  // verb ("Iran launched strikes"): the clause's first actor is too often someone else.
  bool strict_agent = false;
};

// An office a title names: a "title<TAB>WORDS<TAB>RELATION[<TAB>needs_owner]" row.
struct Title {
  std::array<std::string_view, 5> words;  // lower case; unused slots empty
  Relation relation;                      // leads, official_of or member_of
  // Words too common to be read as a title unless a state or organisation comes right before
  // them: "IAEA chief Rafael Grossi", "Commerzbank analyst Carsten Fritsch".
  bool needs_owner = false;
};

// The core relation a verb names by itself with an actor as its object.
struct VerbRelation {
  Relation relation;
  std::string_view predicate;  // present tense
};
// A "verb<TAB>LEMMA<TAB>PREPOSITION<TAB>RELATION<TAB>PREDICATE" row; "-" for no preposition.
struct Verb {
  std::string_view lemma;
  std::string_view preposition;  // the object's; empty for a direct object
  VerbRelation relation;
};

// The parsed file. Its views point into the text it was parsed from.
struct CueData {
  std::vector<std::vector<std::string_view>> lists;  // by Cue, as written
  std::vector<std::vector<std::string>> lowered;     // the same in lower case, for CueIndex
  std::vector<Pattern> wordings;                     // in the file's order: the first match wins
  std::vector<Title> titles;                         // in the file's order: longest first
  std::vector<Verb> verbs;
  // "goods_name<TAB>PHRASE<TAB>NORMAL": the normal form of a goods phrase ("chip" -> "chips").
  std::vector<std::pair<std::string_view, std::string_view>> goods_names;
};

// Parses the text of a cue file; throws std::logic_error "cues.tsv:LINE: problem" on a row with
// an unknown name, a wrong number of fields, an empty word, or an unknown relation, frame or flag.
CueData ParseCues(std::string_view text);
// The embedded file, parsed on first use.
const CueData& Cues();

// Whether `word` is in the list, exactly as written there.
bool IsCue(Cue list, std::string_view word);
// The words of the list, in the file's order.
const std::vector<std::string_view>& CueWords(Cue list);
// The 0-based position of `word` in the list, compared without case ("march" is 2 of kMonth);
// -1 when it is not there.
int CueIndex(Cue list, std::string_view word);
// Whether `word` names a month or a weekday, capitalised as in running text ("March", "Monday").
inline bool IsMonthOrDay(std::string_view word) { return IsCue(Cue::kMonth, word) || IsCue(Cue::kWeekday, word); }

}  // namespace geokg::extract::internal
