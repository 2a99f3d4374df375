// extract/internal/syntax_impl.h -- what a SyntaxModel holds: the three trained components; and
// the headers of their files.
#pragma once

#include <cstdint>

#include "extract/internal/lemmatizer.h"
#include "extract/internal/parser.h"
#include "extract/internal/tagger.h"
#include "extract/syntax.h"

namespace geokg::extract {
namespace internal {

inline constexpr char kTaggerMagic[] = "GKTG";
inline constexpr char kLemmatizerMagic[] = "GKLM";
inline constexpr char kParserMagic[] = "GKDP";
inline constexpr uint32_t kSyntaxFormatVersion = 3;

}  // namespace internal

struct SyntaxModel::Impl {
  internal::Tagger tagger;
  internal::Lemmatizer lemmatizer;
  internal::Parser parser;
};

}  // namespace geokg::extract
