#include "extract/internal/train.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <random>

#include "extract/internal/lemmatizer_train.h"
#include "extract/internal/model_file_train.h"
#include "extract/internal/parser_train.h"
#include "extract/internal/tagger_train.h"

namespace geokg::extract::internal {
namespace {

std::string Format(const char* fmt, double a, double b = 0, double c = 0) {
  char buf[160];
  std::snprintf(buf, sizeof buf, fmt, a, b, c);
  return buf;
}

std::string_view Universal(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

// A component's file: header, the component as `write` appends it, compressed.
template <class Component>
std::string ComponentBytes(const Component& c, void (*write)(const Component&, BinaryWriter&), const char* magic) {
  BinaryWriter out;
  out.PutHeader(magic, kSyntaxFormatVersion);
  write(c, out);
  return CompressModel(out.bytes());
}

using SentenceTags = std::vector<std::vector<uint16_t>>;  // one TagPair per word of each sentence

// Tags every sentence of `train` with taggers trained on the other folds.
SentenceTags JackknifeTags(const Treebank& train, const TrainOptions& options, const std::string& what,
                           const Progress& progress) {
  SentenceTags tags(train.sentences.size());
  const int folds = std::max(1, options.jackknife_folds);
  if (folds == 1) {
    for (size_t i = 0; i < tags.size(); ++i) {
      const TreebankSentence& s = train.sentences[i];
      for (size_t w = 0; w < s.forms.size(); ++w) tags[i].push_back(TagPair(s.upos[w], s.xpos[w]));
    }
    return tags;
  }
  for (int k = 0; k < folds; ++k) {
    Treebank part;
    part.upos = train.upos;
    part.xpos = train.xpos;
    part.labels = train.labels;
    // Contiguous folds keep each document's sentences together, so that the held-out tags are
    // as wrong as on new text (interleaved folds leak document vocabulary).
    auto fold_of = [&](size_t i) { return static_cast<int>(i * folds / train.sentences.size()); };
    for (size_t i = 0; i < train.sentences.size(); ++i)
      if (fold_of(i) != k) part.sentences.push_back(train.sentences[i]);
    TaggerTrainer trainer(part);
    std::mt19937 rng(options.seed + k);
    for (int e = 0; e < options.tagger_epochs; ++e) trainer.TrainEpoch(rng);
    const Tagger tagger = trainer.Freeze();
    size_t right = 0, total = 0;
    for (size_t i = 0; i < train.sentences.size(); ++i) {
      if (fold_of(i) != k) continue;
      const TreebankSentence& s = train.sentences[i];
      std::vector<std::string_view> forms(s.forms.begin(), s.forms.end());
      std::vector<uint8_t> upos(forms.size()), xpos(forms.size());
      tagger.Tag(forms, upos, xpos);
      for (size_t w = 0; w < forms.size(); ++w) {
        tags[i].push_back(TagPair(upos[w], xpos[w]));
        right += xpos[w] == s.xpos[w];
      }
      total += forms.size();
    }
    progress(what + Format(": jackknife fold %.0f: XPOS %.2f", k + 1, 100.0 * right / std::max<size_t>(total, 1)));
  }
  return tags;
}

// UPOS and XPOS accuracy (percent) of `tagger` on `gold`.
std::pair<double, double> TagAccuracy(const Tagger& tagger, const Treebank& gold) {
  size_t upos_right = 0, xpos_right = 0, total = 0;
  for (const TreebankSentence& s : gold.sentences) {
    std::vector<std::string_view> forms(s.forms.begin(), s.forms.end());
    std::vector<uint8_t> upos(forms.size()), xpos(forms.size());
    tagger.Tag(forms, upos, xpos);
    for (size_t w = 0; w < forms.size(); ++w) {
      upos_right += upos[w] == s.upos[w];
      xpos_right += xpos[w] == s.xpos[w];
    }
    total += forms.size();
  }
  const double n = static_cast<double>(std::max<size_t>(total, 1)) / 100.0;
  return {upos_right / n, xpos_right / n};
}

// Trains a tagger on `bank`; when `dev` has sentences, keeps the epoch that tags it best (by
// XPOS with `by_xpos`, else by UPOS).
Tagger TrainTagger(const Treebank& bank, const Treebank& dev, int epochs, bool by_xpos, std::mt19937& rng,
                   const std::string& name, const Progress& progress) {
  TaggerTrainer trainer(bank);
  Tagger best_tagger;
  double best = -1;
  for (int e = 1; e <= epochs; ++e) {
    trainer.TrainEpoch(rng);
    if (dev.sentences.empty() && e < epochs) continue;
    Tagger candidate = trainer.Freeze();
    if (dev.sentences.empty()) return candidate;
    const auto [upos, xpos] = TagAccuracy(candidate, dev);
    progress(name + Format(" epoch %.0f: dev UPOS %.2f XPOS %.2f", e, upos, xpos));
    if ((by_xpos ? xpos : upos) > best) {
      best = by_xpos ? xpos : upos;
      best_tagger = std::move(candidate);
    }
  }
  progress(name + ": " + std::to_string(best_tagger.num_features()) + " features");
  return best_tagger;
}

}  // namespace

Status AddToTreebank(const std::vector<ConlluSentence>& sentences, const std::string& name, Treebank& treebank) {
  for (const ConlluSentence& c : sentences) {
    TreebankSentence s;
    const int n = static_cast<int>(c.words.size());
    for (int i = 0; i < n; ++i) {
      const std::string& head = c.Word(i, kHead);
      int h = -1;
      auto [end, ec] = std::from_chars(head.data(), head.data() + head.size(), h);
      if (ec != std::errc() || end != head.data() + head.size() || h < 0 || h > n || h == i + 1)
        return Status::InvalidInput(name + ":" + std::to_string(c.line) + ": word " + std::to_string(i + 1) +
                                    " has no valid head ('" + head + "')");
      if (c.Word(i, kDeprel) == "_" || c.Word(i, kUpos) == "_")
        return Status::InvalidInput(name + ":" + std::to_string(c.line) + ": word " + std::to_string(i + 1) +
                                    " has no UPOS or relation");
      s.forms.push_back(c.Word(i, kForm));
      s.lemmas.push_back(c.Word(i, kLemma));
      s.upos.push_back(treebank.upos.Add(c.Word(i, kUpos)));
      s.xpos.push_back(treebank.xpos.Add(c.Word(i, kXpos)));
      s.labels.push_back(treebank.labels.Add(c.Word(i, kDeprel)));
      s.heads.push_back(h);
    }
    if (treebank.labels.size() > 64 || treebank.xpos.size() > 250)
      return Status::InvalidInput(name + ": more than 64 relations or 250 tags");
    treebank.sentences.push_back(std::move(s));
  }
  return Status();
}

Result<std::unique_ptr<SyntaxModel>> MeanModel(std::span<const SyntaxModel* const> models) {
  if (models.empty()) return Status::InvalidInput("no models to average");
  std::vector<const Tagger*> taggers;
  std::vector<const Parser*> parsers;
  for (const SyntaxModel* m : models) {
    taggers.push_back(&SyntaxModelAccess::PartsOf(*m).tagger);
    parsers.push_back(&SyntaxModelAccess::PartsOf(*m).parser);
  }
  auto tagger = TaggerTrainer::Mean(taggers);
  if (!tagger.ok()) return tagger.status();
  auto parser = ParserTrainer::Mean(parsers);
  if (!parser.ok()) return parser.status();
  SyntaxModelAccess::Parts parts = SyntaxModelAccess::PartsOf(*models[0]);
  parts.tagger = std::move(tagger).value();
  parts.parser = std::move(parser).value();
  return SyntaxModelAccess::FromParts(std::move(parts));
}

void PruneParts(const TrainOptions& options, SyntaxModelAccess::Parts& parts) {
  TaggerTrainer::Prune(parts.tagger, options.tagger_min_weight, options.tagger_min_entry);
  ParserTrainer::Prune(parts.parser, options.parser_min_weight, options.parser_min_entry,
                       options.supertagger_min_weight, options.supertagger_min_entry);
}

Status SaveSyntaxModel(const SyntaxModel& model, const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError(dir.string() + ": cannot create the model directory: " + ec.message());
  const SyntaxModelAccess::Parts& parts = SyntaxModelAccess::PartsOf(model);
  const std::string bytes[3] = {ComponentBytes(parts.tagger, &TaggerTrainer::Write, kTaggerMagic),
                                ComponentBytes(parts.lemmatizer, &WriteLemmatizer, kLemmatizerMagic),
                                ComponentBytes(parts.parser, &ParserTrainer::Write, kParserMagic)};
  for (int i = 0; i < 3; ++i) {
    const std::filesystem::path path = dir / SyntaxModel::kModelFiles[i];
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes[i].data(), static_cast<std::streamsize>(bytes[i].size()));
    out.close();
    if (!out) return Status::IOError(path.string() + ": cannot write the model file");
  }
  return Status();
}

Scores Evaluate(const SyntaxModel& model, const std::vector<ConlluSentence>& gold,
                std::vector<ConlluSentence>* predicted) {
  Scores sc;
  size_t upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
  std::string text;
  for (const ConlluSentence& g : gold) {
    const ParsedSentence p = model.Analyze(GoldTokens(g, text));
    for (size_t i = 0; i < g.words.size(); ++i) {
      const Word& w = p.words[i];
      ++sc.words;
      upos += w.upos == g.Word(i, kUpos);
      xpos += w.xpos == g.Word(i, kXpos);
      lemma += w.lemma == g.Word(i, kLemma);
      if (std::to_string(w.head) == g.Word(i, kHead)) {
        ++uas;
        las += Universal(w.deprel) == Universal(g.Word(i, kDeprel));
      }
    }
    if (predicted) {
      predicted->push_back(g);
      ApplyParse(p, predicted->back());
    }
  }
  const double n = static_cast<double>(std::max<size_t>(sc.words, 1)) / 100.0;
  sc.upos = upos / n, sc.xpos = xpos / n, sc.lemma = lemma / n, sc.uas = uas / n, sc.las = las / n;
  return sc;
}

Result<std::unique_ptr<SyntaxModel>> TrainSyntaxModel(const std::vector<ConlluSentence>& train_conllu,
                                                      const std::vector<ConlluSentence>& dev,
                                                      const TrainOptions& options, const Progress& progress) {
  Treebank train;
  GEOKG_RETURN_IF_ERROR(AddToTreebank(train_conllu, "training data", train));
  if (train.sentences.empty()) return Status::InvalidInput("training data: no sentences");
  SyntaxModelAccess::Parts parts;
  parts.lemmatizer = TrainLemmatizer(train);
  progress("lemmatizer: " + std::to_string(parts.lemmatizer.num_rules()) + " rules, " +
           std::to_string(parts.lemmatizer.num_exceptions()) + " exceptions");

  Treebank dev_bank;  // dev in the training label ids; unseen labels get new ids
  dev_bank.upos = train.upos;
  dev_bank.xpos = train.xpos;
  dev_bank.labels = train.labels;
  GEOKG_RETURN_IF_ERROR(AddToTreebank(dev, "development data", dev_bank));
  std::mt19937 rng(options.seed);
  parts.tagger = TrainTagger(train, dev_bank, options.tagger_epochs, false, rng, "tagger", progress);
  const SentenceTags tags = JackknifeTags(train, options, "tags", progress);
  const Treebank supertag_train = SupertagBank(train, nullptr);
  const Treebank supertag_dev = SupertagBank(dev_bank, &supertag_train);
  Tagger supertagger =
      TrainTagger(supertag_train, supertag_dev, options.tagger_epochs, true, rng, "supertagger", progress);
  const SentenceTags supertags = JackknifeTags(supertag_train, options, "supertags", progress);
  ParserTrainer trainer(train, tags, supertags, std::move(supertagger));
  progress("parser: projectivized " + std::to_string(trainer.num_projectivized()) + " training trees");
  double best = -1;
  for (int e = 1; e <= options.parser_epochs; ++e) {
    trainer.TrainEpoch(rng, e > 1);
    if (dev.empty() && e < options.parser_epochs) continue;
    Parser candidate = trainer.Freeze();
    std::swap(parts.parser, candidate);
    if (dev.empty()) break;
    const Scores s = Evaluate(*SyntaxModelAccess::FromParts(parts), dev);
    progress(Format("parser epoch %.0f: dev UAS %.2f LAS %.2f", e, s.uas, s.las));
    if (s.las > best)
      best = s.las;
    else
      std::swap(parts.parser, candidate);
  }
  PruneParts(options, parts);
  progress("tagger: " + std::to_string(parts.tagger.num_features()) +
           " features, parser: " + std::to_string(parts.parser.num_features()) + " features after pruning");
  auto model = SyntaxModelAccess::FromParts(std::move(parts));
  if (!dev.empty()) {
    const Scores s = Evaluate(*model, dev);
    progress(Format("as saved: dev UPOS %.2f UAS %.2f LAS %.2f", s.upos, s.uas, s.las));
  }
  return model;
}

}  // namespace geokg::extract::internal
