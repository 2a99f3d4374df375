#include "extract/extractor.h"

#include <algorithm>
#include <cctype>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "extract/boilerplate.h"
#include "extract/internal/cues.h"
#include "extract/internal/mentions.h"
#include "extract/internal/model_file.h"
#include "extract/internal/qualifiers.h"
#include "extract/internal/relation_model.h"
#include "extract/internal/sentence_relator.h"
#include "extract/tokenizer.h"

namespace geokg::extract {
namespace {

using internal::Cue;
using internal::IsCue;

// Whether `text` reports sport: three or more distinct words of sport. There teams and players
// "meet", "visit", "host" and "attack" each other, and no state does (BBC sport pages: 66%
// flagged; politics and business pages: at most 1%).
bool IsSportsReport(std::string_view text) {
  std::set<std::string> seen;
  std::string word;
  for (size_t k = 0; k <= text.size(); ++k) {
    const char c = k < text.size() ? text[k] : ' ';
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '-') {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      continue;
    }
    if (IsCue(Cue::kSportWord, word) && seen.insert(word).second && seen.size() >= 3) return true;
    word.clear();
  }
  return false;
}

bool InRanges(const std::vector<TextRange>& ranges, uint32_t offset) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), offset,
                             [](uint32_t o, const TextRange& r) { return o < r.begin; });
  return it != ranges.begin() && offset < std::prev(it)->end;
}

// One triple per (subject, relation, object, modality) and sentence: the most confident, with
// the most specific predicate any of them has. A symmetric relation's two directions are one
// triple ("France negotiates with Iran" is "Iran negotiates with France").
void Deduplicate(std::vector<Triple>* triples) {
  std::map<std::tuple<uint32_t, std::string, Relation, std::string, Modality>, size_t> best;
  std::vector<Triple> kept;
  for (Triple& t : *triples) {
    const bool swap = Info(t.relation).symmetric && t.object.name < t.subject.name;
    auto key = std::make_tuple(t.evidence.sentence, swap ? t.object.name : t.subject.name, t.relation,
                               swap ? t.subject.name : t.object.name, t.modality);
    auto [it, inserted] = best.emplace(key, kept.size());
    if (inserted) {
      kept.push_back(std::move(t));
      continue;
    }
    Triple& most = kept[it->second];
    if (t.confidence > most.confidence) std::swap(most, t);
    // A wording says more than the learned model's plain predicate: "lends to", not "supplies".
    if (most.predicate == internal::SentenceRelator::PredicateOf(most.relation))
      most.predicate = std::move(t.predicate);
  }
  *triples = std::move(kept);
}

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractorOptions& options) {
  // Immutable and thread-safe once loaded: every extractor of the process shares one copy. It
  // loads on another thread while this one reads the lexicons: the load takes the longer of
  // the two, not their sum.
  std::future<const Result<std::shared_ptr<const SyntaxModel>>*> syntax_loading = std::async(std::launch::async, [] {
    static const Result<std::shared_ptr<const SyntaxModel>> syntax =
        []() -> Result<std::shared_ptr<const SyntaxModel>> {
      Result<std::unique_ptr<SyntaxModel>> loaded = SyntaxModel::LoadDefault();
      if (!loaded.ok()) return loaded.status();
      return std::shared_ptr<const SyntaxModel>(std::move(loaded).value());
    }();
    return &syntax;
  });
  // The cue file is parsed here rather than on the first sentence, so that a malformed row
  // (a build bug: internal/cues.h) fails at load.
  internal::Cues();
  Result<Gazetteer> gazetteer = Gazetteer::LoadDefault();
  if (!gazetteer.ok()) return gazetteer.status();
  for (const std::filesystem::path& lexicon : options.lexicons)
    GEOKG_RETURN_IF_ERROR(gazetteer.value().AddFile(lexicon));
  const Result<std::shared_ptr<const SyntaxModel>>& syntax = *syntax_loading.get();
  if (!syntax.ok()) return syntax.status();
  std::shared_ptr<const internal::RelationModel> relations;
  if (options.learned_relations) {
    Result<std::shared_ptr<const internal::RelationModel>> loaded = internal::RelationModel::LoadDefault();
    if (!options.relation_model.empty()) {
      Result<std::string> bytes = internal::ReadModelFile(options.relation_model);
      if (!bytes.ok()) return bytes.status();
      loaded = internal::RelationModel::LoadBytes(bytes.value(), options.relation_model.string());
    }
    if (!loaded.ok()) return loaded.status();
    relations = loaded.value();
  }
  std::shared_ptr<const internal::NerTagger> ner;
  if (options.named_entities) {
    Result<std::shared_ptr<const internal::NerTagger>> loaded = internal::NerTagger::LoadDefault();
    if (!loaded.ok()) return loaded.status();
    ner = loaded.value();
  }
  return std::unique_ptr<Extractor>(
      new Extractor(std::move(gazetteer).value(), syntax.value(), std::move(relations), std::move(ner), options));
}

std::vector<Triple> Extractor::Extract(const Document& document, ExtractReport* report) const {
  return Run(document, report, nullptr);
}

std::vector<RelationCandidate> Extractor::Candidates(const Document& document) const {
  std::vector<RelationCandidate> candidates;
  Run(document, nullptr, &candidates);
  return candidates;
}

std::vector<Triple> Extractor::Run(const Document& document, ExtractReport* report,
                                   std::vector<RelationCandidate>* candidates) const {
  std::vector<Triple> triples;
  ExtractReport skipped;
  const std::optional<internal::Date> date = internal::ParseIsoDate(document.date);
  std::vector<TextRange> prose, headings;
  for (const ClassifiedLine& line : ClassifyLines(document.text))
    if (line.kind != LineKind::kFurniture) (line.kind == LineKind::kProse ? prose : headings).push_back(line.range);
  internal::MentionFinder finder(gazetteer_, date ? date->year * 10000 + date->month * 100 + date->day : 0, ner_.get());
  std::vector<Sentence> sentences = Segment(document.text);
  const bool sports = IsSportsReport(document.text);
  for (uint32_t i = 0; i < sentences.size(); ++i) {
    Sentence& sentence = sentences[i];
    DropStockCodes(&sentence);
    const bool heading = InRanges(headings, sentence.begin);
    if (!heading && !InRanges(prose, sentence.begin)) continue;
    if (sentence.tokens.size() > options_.max_sentence_tokens ||
        sentence.end - sentence.begin > options_.max_sentence_bytes) {
      ++skipped.sentences_over_limit;
      continue;
    }
    const internal::SentenceMentions found = finder.Find(sentence.tokens);
    const size_t first = triples.size();
    // A heading is a noun phrase: of what it names ("Russian invasion of Ukraine", "2026
    // Iranian strikes on Bahrain", "United States naval blockade of Iran") only the use of force
    // and sanctions, as the wordings read them, are events the page takes as given; a topic
    // label ("Afghanistan-Pakistan conflict") names no agent, and the learned model, trained on
    // sentences, would guess one.
    internal::SentenceRelator(sentence, found, document, i, date, *syntax_, sports,
                              heading ? nullptr : relations_.get(), heading ? nullptr : candidates)
        .Run(&triples);
    if (heading)
      triples.erase(std::remove_if(triples.begin() + static_cast<std::ptrdiff_t>(first), triples.end(),
                                   [](const Triple& t) {
                                     return t.relation != Relation::kAttack && t.relation != Relation::kSanction;
                                   }),
                    triples.end());
  }
  Deduplicate(&triples);
  if (report != nullptr) *report = skipped;
  return triples;
}

}  // namespace geokg::extract
