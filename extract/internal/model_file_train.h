// extract/internal/model_file_train.h -- writing model files: the little-endian writer that
// BinaryReader (binary_io.h) reads back and the zstd framing that DecompressModel
// (model_file.h) undoes. Library geokg_extract_train (the runtime only reads models).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace geokg::extract::internal {

// Appends to a string; not thread-safe, one per file written.
class BinaryWriter {
 public:
  template <class T>
  void Put(T v) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void PutString(std::string_view s) {
    Put<uint32_t>(static_cast<uint32_t>(s.size()));
    bytes_.append(s);
  }
  template <class Vector>
  void PutVector(const Vector& v) {
    using T = typename Vector::value_type;
    static_assert(std::is_trivially_copyable_v<T>);
    Put<uint64_t>(v.size());
    bytes_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void PutStrings(const std::vector<std::string>& v) {
    Put<uint32_t>(static_cast<uint32_t>(v.size()));
    for (const std::string& s : v) PutString(s);
  }
  // The 4-byte magic and the version number that BinaryReader::ExpectHeader checks.
  void PutHeader(const char* magic, uint32_t version) {
    for (int i = 0; i < 4; ++i) Put<char>(magic[i]);
    Put<uint32_t>(version);
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

// The model file of `bytes`.
std::string CompressModel(std::string_view bytes);

}  // namespace geokg::extract::internal
