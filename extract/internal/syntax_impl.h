// extract/internal/syntax_impl.h -- what a SyntaxModel holds: the three trained components.
#pragma once

#include "extract/internal/lemmatizer.h"
#include "extract/internal/parser.h"
#include "extract/internal/tagger.h"
#include "extract/syntax.h"

namespace geokg::extract {

struct SyntaxModel::Impl {
  internal::Tagger tagger;
  internal::Lemmatizer lemmatizer;
  internal::Parser parser;
};

}  // namespace geokg::extract
