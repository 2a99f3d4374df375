// extract/extractor.h -- turns one article into triples: the whole pipeline of
// docs/ARCHITECTURE.md (boilerplate, segmentation, mentions, in-document resolution,
// relations, modality, attribution, time, confidence). An Extractor is immutable after Create
// and may be shared by threads; Extract() is pure (no I/O, no globals).
//
//   auto extractor = Extractor::Create({}).value();
//   for (const Triple& t : extractor->Extract(document)) ...
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/syntax.h"
#include "graph/document.h"
#include "graph/status.h"
#include "graph/triple.h"

namespace geokg::extract {
namespace internal {
class NerTagger;
class RelationModel;
}  // namespace internal

struct ExtractorOptions {
  // Lexicon files (docs/LEXICON.md) added to the built-in gazetteer, in order.
  std::vector<std::filesystem::path> lexicons;
  // Sentences with more tokens or bytes than these are skipped: they are tables, run-on text or
  // binary junk, and the limits keep time and memory bounded on any input.
  size_t max_sentence_tokens = 400;
  size_t max_sentence_bytes = 8192;
  // The learned relation model (docs/EXTRACTION.md): the built-in one when `relation_model` is
  // empty, else that model file (one written by geokg-train-relations). Without it
  // (`learned_relations` false) only the wordings of the rules relate parties.
  bool learned_relations = true;
  std::filesystem::path relation_model;
  // The built-in named-entity tagger (docs/EXTRACTION.md) finds the people and organisations
  // the lexicon lacks; without it only the lexicon and the rules' name patterns do.
  bool named_entities = true;
};

// One pair of parties mentioned in a sentence, as the relation model sees it: what
// geokg-train-relations learns from.
struct RelationCandidate {
  uint32_t sentence = 0;
  uint32_t sentence_begin = 0;  // byte offset of the sentence in the article text
  // The names each party may go by: its entity, and for a capital also its country.
  std::vector<std::string> first_names, second_names;
  std::vector<uint64_t> features;
};

// What Extract() left out of a document because of the limits of ExtractorOptions.
struct ExtractReport {
  size_t sentences_over_limit = 0;  // sentences skipped: over max_sentence_tokens or max_sentence_bytes
};

class Extractor {
 public:
  // Loads the built-in gazetteer, the lexicons of `options` and the built-in syntax models.
  // Fails with the lexicon parser's message (file:line: problem) when a lexicon file is
  // missing or malformed.
  static Result<std::unique_ptr<Extractor>> Create(const ExtractorOptions& options);

  // The triples of `document`, in sentence order, each with its evidence: one per subject,
  // relation, object and modality in a sentence, one per pair for a symmetric relation. The
  // document's `date` (ISO) resolves relative times; without it, times stay empty. When
  // `report` is not null, it receives what the limits made Extract skip.
  std::vector<Triple> Extract(const Document& document, ExtractReport* report = nullptr) const;
  // The pairs of parties of `document` that the relation model judges, in sentence order.
  std::vector<RelationCandidate> Candidates(const Document& document) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }

 private:
  Extractor(Gazetteer gazetteer, std::shared_ptr<const SyntaxModel> syntax,
            std::shared_ptr<const internal::RelationModel> relations, std::shared_ptr<const internal::NerTagger> ner,
            ExtractorOptions options)
      : gazetteer_(std::move(gazetteer)),
        syntax_(std::move(syntax)),
        relations_(std::move(relations)),
        ner_(std::move(ner)),
        options_(std::move(options)) {}

  // Runs the pipeline on `document`; `candidates`, when not null, receives the pairs judged.
  std::vector<Triple> Run(const Document& document, ExtractReport* report,
                          std::vector<RelationCandidate>* candidates) const;

  Gazetteer gazetteer_;
  std::shared_ptr<const SyntaxModel> syntax_;                 // the built-in models, loaded once per process
  std::shared_ptr<const internal::RelationModel> relations_;  // null without learned relations
  std::shared_ptr<const internal::NerTagger> ner_;            // null without named entities
  ExtractorOptions options_;
};

}  // namespace geokg::extract
