#include "extract/internal/relation_model_train.h"

#include "extract/internal/model_file_train.h"
#include "extract/internal/perceptron_train.h"

namespace geokg::extract::internal {

std::string SaveRelationModel(const RelationModel& model) {
  BinaryWriter out;
  out.PutHeader(RelationModel::kMagic, RelationModel::kFormatVersion);
  out.Put<float>(model.a_);
  out.Put<float>(model.b_);
  WriteWeights(model.weights_, out);
  return CompressModel(out.bytes());
}

}  // namespace geokg::extract::internal
