#include "extract/internal/model_file_train.h"

#include <zstd.h>

namespace geokg::extract::internal {
namespace {
// Model files are zstd-compressed (a third smaller: the size budget is what limits accuracy).
constexpr int kCompressionLevel = 19;
}  // namespace

std::string CompressModel(std::string_view bytes) {
  std::string compressed(ZSTD_compressBound(bytes.size()), '\0');
  const size_t n = ZSTD_compress(compressed.data(), compressed.size(), bytes.data(), bytes.size(), kCompressionLevel);
  compressed.resize(ZSTD_isError(n) ? 0 : n);  // cannot fail with a bound-sized buffer
  return compressed;
}

}  // namespace geokg::extract::internal
