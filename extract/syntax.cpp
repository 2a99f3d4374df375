#include "extract/syntax.h"

#include "embedded/lemmatizer_model.h"
#include "embedded/parser_model.h"
#include "embedded/tagger_model.h"
#include "extract/internal/model_file.h"
#include "extract/internal/syntax_impl.h"

namespace geokg::extract {
namespace {

template <class Component>
Status ReadComponent(std::string_view compressed, const std::string& name, const char* magic, Component& out) {
  Result<internal::ModelBytes> bytes = internal::DecompressModel(compressed, name);
  if (!bytes.ok()) return bytes.status();
  internal::BinaryReader in(bytes.value(), name);
  GEOKG_RETURN_IF_ERROR(in.ExpectHeader(magic, internal::kSyntaxFormatVersion));
  GEOKG_RETURN_IF_ERROR(out.Read(in));
  if (!in.AtEnd()) return in.Invalid("has trailing bytes");
  return Status();
}

}  // namespace

SyntaxModel::SyntaxModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SyntaxModel::~SyntaxModel() = default;

Result<std::unique_ptr<SyntaxModel>> SyntaxModel::LoadBytes(std::string_view tagger, std::string_view lemmatizer,
                                                            std::string_view parser, const std::string& origin) {
  auto impl = std::make_unique<Impl>();
  GEOKG_RETURN_IF_ERROR(ReadComponent(tagger, origin + kModelFiles[0], internal::kTaggerMagic, impl->tagger));
  GEOKG_RETURN_IF_ERROR(
      ReadComponent(lemmatizer, origin + kModelFiles[1], internal::kLemmatizerMagic, impl->lemmatizer));
  GEOKG_RETURN_IF_ERROR(ReadComponent(parser, origin + kModelFiles[2], internal::kParserMagic, impl->parser));
  return std::unique_ptr<SyntaxModel>(new SyntaxModel(std::move(impl)));
}

Result<std::unique_ptr<SyntaxModel>> SyntaxModel::LoadDefault() {
  return LoadBytes(embedded::tagger_model(), embedded::lemmatizer_model(), embedded::parser_model(), "built-in model ");
}

Result<std::unique_ptr<SyntaxModel>> SyntaxModel::LoadFiles(const std::filesystem::path& dir) {
  std::string bytes[3];
  for (int i = 0; i < 3; ++i) {
    Result<std::string> r = internal::ReadModelFile(dir / kModelFiles[i]);
    if (!r.ok()) return r.status();
    bytes[i] = std::move(r).value();
  }
  return LoadBytes(bytes[0], bytes[1], bytes[2], dir.string() + "/");
}

ParsedSentence SyntaxModel::Analyze(const Sentence& sentence) const {
  ParsedSentence out;
  out.begin = sentence.begin;
  out.end = sentence.end;
  const size_t n = sentence.tokens.size();
  if (n == 0) return out;
  std::vector<std::string_view> forms(n);
  for (size_t i = 0; i < n; ++i) forms[i] = sentence.tokens[i].text;
  // Hashed once for both taggers and the parser.
  std::vector<internal::TokenHashes> hashes;
  internal::HashWords(forms, hashes);
  std::vector<uint8_t> upos(n), xpos(n), labels(n);
  std::vector<uint16_t> tags(n);
  std::vector<int> heads(n);
  impl_->tagger.Tag(hashes, upos, xpos);
  for (size_t i = 0; i < n; ++i) tags[i] = internal::TagPair(upos[i], xpos[i]);
  impl_->parser.Parse(hashes, tags, heads, labels);
  const auto& upos_names = impl_->tagger.upos_names();
  const auto& xpos_names = impl_->tagger.xpos_names();
  const auto& label_names = impl_->parser.label_names();
  out.words.resize(n);
  for (size_t i = 0; i < n; ++i) {
    Word& w = out.words[i];
    const Token& t = sentence.tokens[i];
    w.form = t.text;
    w.begin = t.begin;
    w.end = t.end;
    w.upos = upos_names[upos[i]];
    w.xpos = xpos_names[xpos[i]];
    w.lemma = impl_->lemmatizer.Lemmatize(t.text, xpos[i]);
    w.head = heads[i];
    w.deprel = label_names[labels[i]];
  }
  return out;
}

}  // namespace geokg::extract
