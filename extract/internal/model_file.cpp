#include "extract/internal/model_file.h"

#include <zstd.h>

#include <fstream>
#include <sstream>

namespace geokg::extract::internal {
Result<ModelBytes> DecompressModel(std::string_view bytes, const std::string& name) {
  const unsigned long long size = ZSTD_getFrameContentSize(bytes.data(), bytes.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ULL << 32))
    return Status::Corruption(name + ": is not a compressed geokg model");
  ModelBytes out(size);
  const size_t got = ZSTD_decompress(out.data(), out.size(), bytes.data(), bytes.size());
  if (ZSTD_isError(got) || got != size)
    return Status::Corruption(name + ": is damaged (" + ZSTD_getErrorName(got) + ")");
  return out;
}

Result<std::string> ReadModelFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path.string() + ": cannot open the model file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return Status::IOError(path.string() + ": cannot read the model file");
  return bytes.str();
}

}  // namespace geokg::extract::internal
