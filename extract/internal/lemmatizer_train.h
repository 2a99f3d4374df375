// extract/internal/lemmatizer_train.h -- learning the lemmatizer (lemmatizer.h) from a treebank.
// Library geokg_extract_train (the runtime never links it).
#pragma once

#include "extract/internal/lemmatizer.h"
#include "extract/internal/model_file_train.h"
#include "extract/internal/treebank.h"

namespace geokg::extract::internal {

// Learns rules and exceptions from the gold lemmas of `train`.
Lemmatizer TrainLemmatizer(const Treebank& train);

// Appends the lemmatizer as Lemmatizer::Read reads it.
void WriteLemmatizer(const Lemmatizer& lemmatizer, BinaryWriter& out);

}  // namespace geokg::extract::internal
