#include <algorithm>

#include "extract/internal/cues.h"
#include "extract/internal/sentence_relator.h"
#include "extract/internal/text.h"

namespace geokg::extract::internal {

void SentenceRelator::RelateReportedSpeech(size_t first, std::vector<Triple>* out) {
  const SentenceClauses& clauses = Clauses();
  const uint32_t units = clauses.NumUnits();
  // An actor, or a state or party named by its adjective ("the Tory plans").
  const auto party_of = [&](int unit) -> const Mention* {
    if (const Mention* actor = ActorOfUnit(unit); actor != nullptr || unit < 0) return actor;
    for (const Mention& m : found_.mentions)
      if (m.is_demonym && m.entities.size() == 1 && m.end == clauses.EndToken(static_cast<uint32_t>(unit))) return &m;
    return nullptr;
  };
  const auto has_child = [&](uint32_t unit, std::string_view deprel, Cue lemmas) {
    for (uint32_t u = 0; u < units; ++u)
      if (clauses.Head(u) == static_cast<int>(unit) && clauses.Deprel(u) == deprel && IsCue(lemmas, clauses.Lemma(u)))
        return true;
    return false;
  };
  const size_t end = out->size();
  for (uint32_t verb = 0; verb < units; ++verb) {
    if (clauses.Upos(verb) != "VERB" || !IsCue(Cue::kSpeechLemma, clauses.Lemma(verb))) continue;
    bool spoken_passive = false;
    const Mention* speaker = ActorOfUnit(clauses.SubjectOf(verb, &spoken_passive));
    if (spoken_passive) continue;
    if (speaker == nullptr || speaker->evidence == Evidence::kPronoun) continue;
    for (uint32_t complement = 0; complement < units; ++complement) {
      if (clauses.Head(complement) != static_cast<int>(verb) ||
          (clauses.Deprel(complement) != "ccomp" && clauses.Deprel(complement) != "parataxis"))
        continue;
      // The complement's own predicate condemns: "had failed the test", "were a shambles", "was
      // unworkable"; not a word deeper in it ("despite its failure to convince"), and "failed to
      // reach a deal" only reports.
      const std::string predicate = clauses.Lemma(complement);
      const bool condemns = IsCue(Cue::kNegativeEvaluation, predicate) &&
                            !(predicate == "fail" && clauses.EndToken(complement) < tokens_.size() &&
                              Lower(tokens_[clauses.EndToken(complement)].text) == "to");
      // Or it says what the subject must do: "Iran must release the sailors".
      const bool obliges = clauses.Upos(complement) == "VERB" && has_child(complement, "aux", Cue::kObligationModal);
      if (!condemns && !obliges) continue;
      const Relation relation = condemns ? Relation::kCriticize : Relation::kDemand;
      // The complement's subject, or, for a verdict, the one whose plans or record it is
      // ("Labour's plans").
      bool passive = false;
      const int subject = clauses.SubjectOf(complement, &passive);
      if (subject < 0 || passive) continue;
      const Mention* target = party_of(subject);
      for (uint32_t u = 0; u < units && target == nullptr && condemns; ++u)
        if (clauses.Head(u) == subject &&
            (clauses.Deprel(u) == "nmod:poss" || clauses.Deprel(u) == "compound" || clauses.Deprel(u) == "amod"))
          target = party_of(static_cast<int>(u));
      // "Putin said Russia must strengthen its army": a state's own officer speaks for it.
      if (target == nullptr || target->evidence == Evidence::kPronoun || IsHome(*speaker, *target)) continue;
      const Entity& s = speaker->is_capital ? speaker->country : speaker->entities[0];
      const Entity& o = target->is_capital ? target->country : target->entities[0];
      if (s.name == o.name || std::any_of(out->begin() + static_cast<std::ptrdiff_t>(first),
                                          out->begin() + static_cast<std::ptrdiff_t>(end), [&](const Triple& t) {
                                            return t.relation == relation && t.subject.name == s.name &&
                                                   t.object.name == o.name;
                                          }))
        continue;
      Triple t = Base(relation, condemns ? "criticizes" : "demands of",
                      0.6f * std::min(Certainty(*speaker), Certainty(*target)), clauses.FirstToken(verb));
      t.attribution.clear();  // the speaker's own words are the criticism or demand, not a report of it
      t.subject = s;
      t.object = o;
      out->push_back(std::move(t));
    }
  }
}

}  // namespace geokg::extract::internal
