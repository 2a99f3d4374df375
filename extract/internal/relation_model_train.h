// extract/internal/relation_model_train.h -- writing the relation model (relation_model.h) that
// geokg-train-relations trains. Library geokg_extract_train (the runtime never links it).
#pragma once

#include <string>

#include "extract/internal/relation_model.h"

namespace geokg::extract::internal {

// The model file's bytes (zstd-compressed, see model_file.h), for RelationModel::LoadBytes.
std::string SaveRelationModel(const RelationModel& model);

}  // namespace geokg::extract::internal
