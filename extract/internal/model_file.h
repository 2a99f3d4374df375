// extract/internal/model_file.h -- the zstd framing shared by every model file (syntax models,
// relation model): a file is the zstd compression of a component's bytes. Training compresses
// (CompressModel, model_file_train.h); the runtime only decompresses.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace geokg::extract::internal {

// Decompressed model bytes, left unset when allocated: zstd writes each of them, and zeroing the
// megabytes first cost about a fortieth of loading the syntax models.
class ModelBytes {
 public:
  explicit ModelBytes(size_t size) : bytes_(new char[size]), size_(size) {}
  char* data() { return bytes_.get(); }
  size_t size() const { return size_; }
  operator std::string_view() const { return {bytes_.get(), size_}; }

 private:
  std::unique_ptr<char[]> bytes_;
  size_t size_;
};

// The bytes of a model file; Corruption naming `name` when they are not a zstd frame or are
// damaged.
Result<ModelBytes> DecompressModel(std::string_view bytes, const std::string& name);
// The bytes of the file at `path`; NotFound or IOError naming it.
Result<std::string> ReadModelFile(const std::filesystem::path& path);

}  // namespace geokg::extract::internal
