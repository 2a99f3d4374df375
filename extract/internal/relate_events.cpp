#include <algorithm>
#include <cctype>

#include "extract/internal/cues.h"
#include "extract/internal/sentence_relator.h"
#include "extract/internal/text.h"

namespace geokg::extract::internal {

namespace {

// What an attendance the words state is worth: on train, 23 of 31 were right.
constexpr float kAttendConfidence = 0.6f;

bool IsDeterminer(std::string_view t) { return IsCue(Cue::kEventDeterminer, Lower(t)); }

bool IsYear(std::string_view t) {
  return t.size() == 4 &&
         std::all_of(t.begin(), t.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

std::string SentenceRelator::EventName(uint32_t begin, uint32_t end) const {
  // "ADB's annual meeting" is named "ADB annual meeting", as one writes it without the article;
  // "the National People's Congress session" keeps the possessive inside the name.
  std::string name;
  for (uint32_t k = begin; k < end; ++k) {
    const bool possessive = IsPossessive(tokens_[k].text);
    if (possessive && k + 1 < end && IsLowerWord(tokens_[k + 1].text)) continue;
    if (!name.empty() && !possessive) name += ' ';
    name.append(tokens_[k].text);
  }
  return name;
}

std::vector<SentenceRelator::EventPhrase> SentenceRelator::EventPhrases() const {
  const auto n = static_cast<uint32_t>(tokens_.size());
  // Any mention, places included ("the Venice summit"), unlike ArgumentFinder's actors.
  const auto mention_ending_at = [&](uint32_t end) -> const Mention* {
    for (const Mention& m : found_.mentions)
      if (m.end == end) return &m;
    return nullptr;
  };
  std::vector<EventPhrase> events;
  for (uint32_t head = 1; head < n; ++head) {
    if (!IsCue(Cue::kEventHead, Lower(tokens_[head].text))) continue;
    EventPhrase e{head, head + 1, head, {}, {}};
    // A head inside a name the mentions hold ("Offshore Technology Conference") is that name.
    const auto inside = std::find_if(found_.mentions.begin(), found_.mentions.end(),
                                     [&](const Mention& m) { return m.begin < head && head < m.end; });
    if (inside != found_.mentions.end()) {
      if (inside->end != head + 1 || inside->entities.size() != 1 ||
          inside->entities[0].type != EntityType::kOrganization)
        continue;
      e.begin = inside->begin;
      e.event = inside->entities[0];
      events.push_back(std::move(e));
      continue;
    }
    // Its organisers before it: "a BNP meeting", "a House Agriculture subcommittee hearing",
    // "Labour's spring conference", "the 2026 NATO summit"; a person among them makes it a
    // meeting of people ("Trump's summit with Kim"), which is no event one attends.
    bool named = false;
    bool person = false;
    uint32_t lower = 0;
    uint32_t b = head;
    while (b > 0 && head - b < 7) {
      const std::string_view t = tokens_[b - 1].text;
      if (const Mention* m = mention_ending_at(b); m != nullptr) {
        if (m->entities.size() != 1 || m->entities[0].type == EntityType::kPerson) {
          person = true;
          break;
        }
        named = true;
        e.organisers.push_back(m);
        b = m->begin;
      } else if ((IsPossessive(t) || (t == "and" && named)) && b >= 2 && mention_ending_at(b - 1) != nullptr) {
        // "Labour's spring conference", "the IMF and World Bank annual meeting".
        --b;
      } else if (IsYear(t) ||
                 (Capitalized(t) && !IsMonthOrDay(t) && !IsDeterminer(t) && !IsCue(Cue::kFunctionWord, Lower(t)))) {
        named = named || !IsYear(t);
        --b;
      } else if (IsLowerWord(t) && !IsDeterminer(t) && !IsCue(Cue::kFunctionWord, t) &&
                 !IsCue(Cue::kReportingVerb, t) && ++lower <= 3) {
        --b;
      } else {
        break;
      }
    }
    // Lower-case words before the organisers describe, they do not name: "the annual BNP
    // meeting" is the BNP meeting.
    const uint32_t described = b;
    while (b < head && IsLowerWord(tokens_[b].text)) ++b;
    if (person) continue;
    // A news conference is where one speaks, not an event of its own.
    if (std::any_of(tokens_.begin() + described, tokens_.begin() + head,
                    [](const Token& t) { return IsCue(Cue::kNotEventWord, t.text); }))
      continue;
    if (named && b < head) {
      e.begin = b;
      e.event = Entity{EventName(b, head + 1), EntityType::kOther, "", {}};
      events.push_back(std::move(e));
      continue;
    }
    // "a meeting of the Metropolitan Police Authority", "the annual meeting of the National
    // People's Congress": a meeting of a body, not of "EC foreign ministers".
    uint32_t of = head + 1;
    if (of + 1 < n && tokens_[of].text == "of") {
      uint32_t at = of + 1;
      if (Lower(tokens_[at].text) == "the") ++at;
      for (const Mention& m : found_.mentions)
        if (m.begin == at && m.entities.size() == 1 && m.entities[0].type == EntityType::kOrganization &&
            !m.is_demonym &&
            std::none_of(tokens_.begin() + m.end, tokens_.begin() + std::min(m.end + 2, n),
                         [](const Token& t) { return IsCue(Cue::kParticipantNoun, Lower(t.text)); })) {
          e.begin = described;
          e.end = m.end;
          // "a meeting of the Commission" is the Commission sitting; "the annual meeting of the
          // Trilateral Commission" is an event of its own, named as written.
          e.event = described < head ? Entity{EventName(described, m.end), EntityType::kOther, "", {}} : m.entities[0];
          e.organisers.push_back(&m);
          events.push_back(std::move(e));
          break;
        }
    }
  }
  return events;
}

void SentenceRelator::RelateAttendance(size_t first, std::vector<Triple>* out) {
  const std::vector<EventPhrase> events = EventPhrases();
  if (events.empty()) return;
  const auto n = static_cast<uint32_t>(tokens_.size());
  const auto word = [&](uint32_t k) { return k < n ? Lower(tokens_[k].text) : std::string(); };
  // `m` when it names one person, else null.
  const auto person = [](const Mention* m) -> const Mention* {
    return m != nullptr && m->entities.size() == 1 && m->entities[0].type == EntityType::kPerson ? m : nullptr;
  };
  // The parse's subject of a verb far from it ("X, chairman of Y, said at ..."): a person only,
  // since a state or firm there is more often a word of the quotation.
  const auto parsed_person = [&](uint32_t verb) {
    bool has_subject = false;
    return person(ParsedSubject(verb, &has_subject));
  };
  // An organiser is no event of its own: a wording's "attended the Venice summit" attends the
  // summit, not Venice, and "attended a NATO meeting" the meeting, not NATO.
  const auto rest = out->begin() + static_cast<std::ptrdiff_t>(first);
  for (const EventPhrase& e : events)
    for (auto t = rest; t != out->end(); ++t)
      if (t->relation == Relation::kAttend &&
          std::any_of(e.organisers.begin(), e.organisers.end(),
                      [&](const Mention* m) { return m->entities[0].name == t->object.name; })) {
        // The model judged the organiser as a place one goes to; the event is the rule's own.
        t->object = e.event;
        t->confidence = std::max(t->confidence, kAttendConfidence);
      }
  const auto same_attendance = [](const Triple& a, const Triple& b) {
    return a.relation == Relation::kAttend && b.relation == Relation::kAttend && a.subject.name == b.subject.name &&
           a.object.name == b.object.name;
  };
  // Two wordings' triples may now be one.
  for (auto t = rest; t != out->end();)
    t = std::any_of(rest, t, [&](const Triple& u) { return same_attendance(u, *t); }) ? out->erase(t) : t + 1;
  std::vector<Triple> found;
  for (const EventPhrase& e : events) {
    uint32_t d = e.begin;
    if (d > 0 && IsDeterminer(tokens_[d - 1].text)) --d;
    if (d == 0) continue;
    const std::string before = word(d - 1);
    const Mention* attendee = nullptr;
    uint32_t trigger = d - 1;
    if (IsCue(Cue::kAttendingVerb, before)) {
      // "attended a BNP meeting", "told a House subcommittee hearing", "will not attend the meeting".
      attendee = args_.SubjectBefore(trigger);
      if (attendee == nullptr) attendee = parsed_person(trigger);
    } else if (d >= 2 && ((before == "in" && IsCue(Cue::kParticipatingWord, word(d - 2))) ||
                          ((before == "before" || before == "to") && IsCue(Cue::kTestifyingVerb, word(d - 2))))) {
      // "took part in the summit", "testified before a Senate hearing".
      trigger = d - 2;
      attendee = args_.SubjectBefore(trigger);
      if (attendee == nullptr) attendee = parsed_person(trigger);
    } else if (before == "at" || before == "during") {
      if (d == 1) {
        // "At the NATO summit, Trump said ...": the actor the sentence opens its clause with,
        // past the place of the summit ("At the summit in Ankara, Turkey, Trump said").
        for (uint32_t k = e.end; k < n && k < e.end + 12 && attendee == nullptr; ++k) {
          if (tokens_[k].text != ",") continue;
          for (const Mention& m : found_.mentions)
            if (m.begin > k && m.begin <= k + 3 && IsActor(m)) {
              attendee = &m;
              break;
            }
          const bool place = attendee != nullptr && attendee->end < n && tokens_[attendee->end].text == "," &&
                             attendee->entities[0].type == EntityType::kCountry && k > 0 &&
                             args_.MentionEndingAt(k) != nullptr && IsPlace(*args_.MentionEndingAt(k));
          if (!place) break;
          attendee = nullptr;
        }
      } else {
        // "said in a press briefing at the conference", "Speaking at Labour's spring conference,
        // Mr Brown said": a speaker at the event.
        for (uint32_t k = d - 1; k-- > 0 && d - 1 - k <= 6;) {
          if (tokens_[k].text == "," || tokens_[k].text == ";") break;
          if (!IsCue(Cue::kSpeakingWord, word(k))) continue;
          trigger = k;
          attendee = args_.OpeningParticipleSubject(k);
          if (attendee == nullptr) attendee = args_.SubjectBefore(k);
          if (attendee == nullptr) attendee = parsed_person(k);
          // "Barber Conable, speaking at the World Bank's annual meeting, said": the name the
          // participle's apposition describes.
          if (attendee == nullptr && k >= 2 && tokens_[k - 1].text == ",")
            attendee = person(args_.MentionEndingAt(k - 1));
          break;
        }
        // "Five unions met John Prescott at Labour's spring conference": the person met there
        // was there.
        if (const Mention* met = person(args_.MentionEndingAt(d - 1));
            attendee == nullptr && met != nullptr && met->evidence != Evidence::kPronoun)
          attendee = met;
      }
    }
    if (attendee == nullptr || !IsActor(*attendee) || attendee->entities.size() != 1) continue;
    const Entity& who = attendee->is_capital ? attendee->country : attendee->entities[0];
    if (who.name == e.event.name) continue;
    Triple t = Base(Relation::kAttend, "attends", kAttendConfidence * Certainty(*attendee), trigger);
    t.subject = who;
    t.object = e.event;
    if (std::none_of(rest, out->end(), [&](const Triple& u) { return same_attendance(u, t); }))
      found.push_back(std::move(t));
  }
  for (Triple& t : found) out->push_back(std::move(t));
}

}  // namespace geokg::extract::internal
