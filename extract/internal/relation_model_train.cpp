#include "extract/internal/relation_model_train.h"

#include "extract/internal/model_file.h"

namespace geokg::extract::internal {

std::string SaveRelationModel(const RelationModel& model) {
  BinaryWriter out;
  for (int i = 0; i < 4; ++i) out.Put<char>(RelationModel::kMagic[i]);
  out.Put<uint32_t>(RelationModel::kFormatVersion);
  out.Put<float>(model.a_);
  out.Put<float>(model.b_);
  model.weights_.Write(out);
  return CompressModel(out.bytes());
}

}  // namespace geokg::extract::internal
