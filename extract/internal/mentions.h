// extract/internal/mentions.h -- finds the entities a sentence mentions and resolves them
// against what the document said before (surnames, pronouns, "the two leaders", "his Chinese
// counterpart", capitals that act for their country). One MentionFinder per document; not
// thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/internal/ner.h"
#include "extract/tokenizer.h"
#include "graph/entity.h"
#include "graph/relation.h"

namespace geokg::extract::internal {

struct Title;  // extract/internal/cues.h

// How a mention names its entity; kUnknownName is a name neither the lexicon nor a title vouches
// for: a person's full name ("Robert Kilroy-Silk") or an organisation the named-entity tagger
// found ("Baltic Grain Alliance").
enum class Evidence : uint8_t { kNamed, kTitled, kAlias, kPronoun, kDescription, kUnknownName };

struct Mention {
  uint32_t begin = 0;  // token range [begin, end) in the sentence
  uint32_t end = 0;
  std::vector<Entity> entities;  // one, or two for "the two leaders"
  Entity country;                // a capital's country: the actor when the capital acts
  bool is_capital = false;
  bool is_demonym = false;  // "Chinese": names the country only as a modifier
  Evidence evidence = Evidence::kNamed;
};

// A role fact read from a title: "South Korean President Lee Jae-myung" (leads), "South Korea's
// national security adviser, Wi Sung-lac" (official_of).
struct RoleFact {
  Entity person;
  Relation relation = Relation::kLeads;  // kLeads, kOfficialOf, or kMemberOf for a legislator
  std::string office;                    // "President", "national security adviser"
  Entity country;
  uint32_t begin = 0;  // token range of the whole phrase
  uint32_t end = 0;
  bool from_lexicon = false;   // the text gave the title only; the lexicon gave the country
  bool undated = false;        // from the lexicon's latest term: the article has no date
  bool from_dateline = false;  // the text gave the title only; the story's dateline gave the state
};

struct SentenceMentions {
  std::vector<Mention> mentions;  // in token order, not overlapping
  std::vector<RoleFact> roles;
};

class MentionFinder {
 public:
  // `when` is the article's day, 0 when unknown: names, offices and capitals resolve as of that
  // day ("the German chancellor", "Moscow" in 1987). `ner`, when not null, finds the people and
  // organisations that the lexicon, titles and aliases miss; it must outlive the finder.
  MentionFinder(const Gazetteer& gazetteer, Day when, const NerTagger* ner = nullptr)
      : gazetteer_(gazetteer), when_(when), ner_(ner) {}
  MentionFinder(const MentionFinder&) = delete;
  MentionFinder& operator=(const MentionFinder&) = delete;

  // The mentions of the next sentence of the document; remembers its people for the sentences
  // that follow.
  SentenceMentions Find(const std::vector<Token>& tokens);

  // The tokens of a wire story's dateline that opens `tokens` ("TOKYO, June 16 -", "BRUSSELS
  // (Reuters) -"): where the story was filed, which acts in none of its sentences. Returns the
  // end of the place's name and the end of the dateline; {0, 0} when there is none.
  static std::pair<uint32_t, uint32_t> Dateline(const std::vector<Token>& tokens);

 private:
  struct Person {
    Entity entity;
    std::string country;
    std::string office;
  };

  // A lexicon entry as of the article's day: a state's name of that day (Russia in 1987 is the
  // Soviet Union), a person with the CAMEO code of their role then.
  Entity EntityOf(uint32_t entry) const;
  // Whether tokens [begin, end), a person's partial name, sit inside a longer name that is not
  // that person's: a name word right after, or a given name right before ("Ginger Baker").
  bool InLongerName(const std::vector<Token>& tokens, uint32_t begin, uint32_t end,
                    const SentenceMentions& sentence) const;
  // The CAMEO code of an official of `of`: a country's code and GOV ("USAGOV"), an
  // organisation's own code; empty when `of` has none.
  static std::string RoleCode(const Entity& of);
  Entity CountryNamed(const std::string& name) const;
  // The country and office a known person had on the article's day (the office empty when
  // none of the lexicon's terms covers it).
  std::pair<std::string, std::string> RoleOfDay(uint32_t person) const;
  // The person named by tokens [begin, end): the lexicon's when the whole run is a known
  // person's name, else a new person of that name.
  Entity PersonNamed(const std::vector<Token>& tokens, uint32_t begin, uint32_t end) const;
  // The people_ index of the first person `sentence` names so far: its likely subject ("Lee's
  // state visit unfolds ..." is about Lee).
  std::optional<size_t> FirstPerson(const SentenceMentions& sentence) const;
  size_t Remember(const Entity& person, const std::string& country, const std::string& office);
  const Person* LeaderOf(const std::string& country) const;
  // The length of an unknown person's name that opens a sentence, when a comma and an office
  // follow it ("Ammar Siamwalla, head of ..."); 0 otherwise.
  uint32_t OpeningPersonRun(const std::vector<Token>& tokens) const;
  bool TryTitle(const std::vector<Token>& tokens, uint32_t i, const Mention* before, SentenceMentions* out,
                uint32_t* next);
  // The state a known person holds the office `office` of, as the lexicon has it for the
  // article's day, into `country`; `relation` becomes leads or official_of when the lexicon's
  // office is worded otherwise. With `held_before`, an office of that name the person held
  // before the day counts too. False when the lexicon does not say.
  bool StateOfTitle(uint32_t person, const std::string& office, Entity* country, Relation* relation,
                    bool held_before = false) const;
  // "Patrice Talon of Benin" at tokens[i], after a plural title: a person with a role.
  bool TryNamedOfCountry(const std::vector<Token>& tokens, uint32_t i, Relation relation, const std::string& office,
                         SentenceMentions* out, uint32_t* next);
  // The organisation that capitalised words the lexicon does not know name in tokens [from,
  // title), right before a title ("Citicorp chairman", "Ways and Means chairman"): the
  // organisation the article named in full when they begin its name ("Drexel" for "Drexel
  // Burnham Lambert Inc"), else one of that name. Nothing when the words look like anything else.
  std::optional<Mention> UnknownOwner(const std::vector<Token>& tokens, uint32_t from, uint32_t title) const;
  // Whether a known place's name (a country's, a city's) starts at tokens[i].
  bool NamesPlace(const std::vector<Token>& tokens, uint32_t i) const;
  // The end of the organisation's name that the place or state `m` found at tokens[i] opens
  // ("Japan Bond Research Institute", not "Japan"; "the Japanese Foreign Ministry" acts for
  // Japan and is none), or 0.
  uint32_t OrganizationOpenedBy(const std::vector<Token>& tokens, uint32_t i, const NameMatch& m) const;
  // The owner of an office named after it at tokens[at] ("foreign minister of Egypt", "chair
  // of the ASEAN", "managing director of Japan Bond Research Institute", "analyst at Brandt
  // Fischer & Co"), and where the phrase ends; nothing when none stands there.
  std::optional<std::pair<Entity, uint32_t>> OwnerAfter(const std::vector<Token>& tokens, uint32_t at,
                                                        const Title& title) const;
  // "Rodrigo de Rato, the IMF's managing director" at tokens[i]: a name, then its title in
  // an apposition, with the state or organisation as possessor or after "of".
  bool TryAppositiveTitle(const std::vector<Token>& tokens, uint32_t i, SentenceMentions* out, uint32_t* next);
  // "his Greek, Cypriot and French counterparts, A, B and C, respectively" at tokens[i]: each
  // name holds the office of the person named last, for its country.
  bool TryCounterpartList(const std::vector<Token>& tokens, uint32_t i, SentenceMentions* out, uint32_t* next);
  // The end of "of Texas" after a name at `at` (a place, not a state: a legislator's home), or `at`.
  uint32_t HomeStateEnd(const std::vector<Token>& tokens, uint32_t at) const;
  // The people a plural title's list names after its first, from tokens[at] on (", Ann Poe and
  // John Doe"): each holds `office` of `of`. Returns the end of the list.
  uint32_t NameList(const std::vector<Token>& tokens, uint32_t at, Relation relation, const std::string& office,
                    const Entity& of, SentenceMentions* out);
  bool TryDescription(const std::vector<Token>& tokens, uint32_t i, SentenceMentions* out, uint32_t* next);
  // A person or organisation the named-entity tagger finds at tokens[i], which no rule took.
  // Only capitalised words are tagged, a few words from i on: the tagger costs little where
  // the rules found the names.
  bool TryNamedEntity(const std::vector<Token>& tokens, uint32_t i, SentenceMentions* out, uint32_t* next);
  // Whether tokens [begin, end) hold a name the lexicon or the article knows after `begin`.
  bool KnownInside(const std::vector<Token>& tokens, uint32_t begin, uint32_t end) const;
  // Whether a mention names a political party: an organisation named as an adjective
  // ("Republican") or called a party.
  static bool IsParty(const Mention& m);
  // Whether an entity is a political party, named by its adjective or called a party.
  static bool NamesParty(const Entity& e, bool as_adjective);
  // "Following his visit to Ghana, Erik Dahl returned": a possessive pronoun in an opening phrase
  // points forward to the person who opens the main clause.
  void PronounsBeforeSubject(const std::vector<Token>& tokens, SentenceMentions* out) const;
  // Memberships the order of mentions states: "OPEC member Venezuela", "NATO members Turkey and
  // Greece", "Democrat Chuck Schumer", "Labour's Paul Flynn".
  void FindMemberships(const std::vector<Token>& tokens, SentenceMentions* out) const;
  // "Cameroonians vote to elect their president, with the incumbent Paul Biya seeking an eighth
  // term": an election's incumbent leads the one state the sentence names.
  void FindIncumbents(const std::vector<Token>& tokens, SentenceMentions* out) const;
  // Roles in an organisation the order of mentions states, for people no title placed:
  // "Jane Roe, chief economist at Acme Capital", "Acme Capital's senior dealer Jane Roe",
  // "Jane Roe of Amnesty International".
  void FindAffiliations(const std::vector<Token>& tokens, SentenceMentions* out) const;
  // Offices the sentence gives someone: "X is elected President of Greece", "X was appointed
  // chairman of Norlink", "Senegal's president appoints X as prime minister" (the appointer's
  // state, where the office names none).
  void FindAppointments(const std::vector<Token>& tokens, SentenceMentions* out) const;
  void NotePerson(size_t index);
  void NoteActor(const Entity& actor);
  void NoteSubject(const std::vector<Token>& tokens, const SentenceMentions& sentence);

  const Gazetteer& gazetteer_;
  Day when_;
  const NerTagger* ner_;
  std::vector<Person> people_;
  std::unordered_map<std::string, size_t> aliases_;  // surname or given name -> people_ index
  std::vector<size_t> recent_;                       // people_ indices, most recent last
  std::optional<size_t> last_subject_;               // the first person of the last sentence with one
  std::vector<Entity> recent_actors_;                // countries and organisations, most recent last
  bool first_sentence_ = true;
  std::optional<Mention> dateline_;  // the dateline's place, which "here" names in the story
};

}  // namespace geokg::extract::internal
