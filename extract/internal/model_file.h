// extract/internal/model_file.h -- the zstd framing shared by every model file (syntax models,
// relation model): a file is the zstd compression of a component's bytes. Training compresses
// (CompressModel, model_file_train.h); the runtime only decompresses.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace geokg::extract::internal {

// The bytes of a model file; Corruption naming `name` when they are not a zstd frame or are
// damaged.
Result<std::string> DecompressModel(std::string_view bytes, const std::string& name);
// The bytes of the file at `path`; NotFound or IOError naming it.
Result<std::string> ReadModelFile(const std::filesystem::path& path);

}  // namespace geokg::extract::internal
