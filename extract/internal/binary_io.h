// extract/internal/binary_io.h -- reading little-endian binary model files: a bounds-checked
// reader that reports truncated or malformed input as Corruption naming the model. Not
// thread-safe; each is used by one load. Training writes the files (BinaryWriter,
// model_file_train.h).
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "graph/status.h"

namespace geokg::extract::internal {

class BinaryReader {
 public:
  // `name` says which model the bytes are, for error messages.
  BinaryReader(std::string_view bytes, std::string name) : bytes_(bytes), name_(std::move(name)) {}

  template <class T>
  Status Get(T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (bytes_.size() - pos_ < sizeof v) return Truncated();
    std::memcpy(&v, bytes_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return Status();
  }
  Status GetString(std::string& s) {
    uint32_t n = 0;
    GEOKG_RETURN_IF_ERROR(Get(n));
    if (bytes_.size() - pos_ < n) return Truncated();
    s.assign(bytes_.substr(pos_, n));
    pos_ += n;
    return Status();
  }
  template <class Vector>
  Status GetVector(Vector& v) {
    using T = typename Vector::value_type;
    uint64_t n = 0;
    GEOKG_RETURN_IF_ERROR(Get(n));
    if ((bytes_.size() - pos_) / sizeof(T) < n) return Truncated();
    v.resize(n);
    if (n == 0) return Status();  // an empty vector's data() may be null, which memcpy forbids
    std::memcpy(v.data(), bytes_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return Status();
  }
  // The same for bytes, not copied: a view of the reader's bytes, valid while they are. The
  // weight tables' columns are megabytes of them.
  Status GetBytes(std::span<const uint8_t>& v) {
    uint64_t n = 0;
    GEOKG_RETURN_IF_ERROR(Get(n));
    if (bytes_.size() - pos_ < n) return Truncated();
    v = {reinterpret_cast<const uint8_t*>(bytes_.data() + pos_), n};
    pos_ += n;
    return Status();
  }
  Status GetStrings(std::vector<std::string>& v) {
    uint32_t n = 0;
    GEOKG_RETURN_IF_ERROR(Get(n));
    if (bytes_.size() - pos_ < n) return Truncated();
    v.resize(n);
    for (std::string& s : v) GEOKG_RETURN_IF_ERROR(GetString(s));
    return Status();
  }
  // Checks a 4-byte magic and a version number at the start of a model.
  Status ExpectHeader(std::string_view magic, uint32_t version) {
    if (bytes_.substr(pos_, 4) != magic) return Invalid("is not a " + std::string(magic) + " model");
    pos_ += 4;
    uint32_t v = 0;
    GEOKG_RETURN_IF_ERROR(Get(v));
    if (v != version)
      return Invalid("has format version " + std::to_string(v) + ", expected " + std::to_string(version));
    return Status();
  }
  Status Invalid(const std::string& what) const { return Status::Corruption(name_ + ": " + what); }
  bool AtEnd() const { return pos_ == bytes_.size(); }

 private:
  Status Truncated() const { return Invalid("is truncated"); }

  std::string_view bytes_;
  std::string name_;
  size_t pos_ = 0;
};

}  // namespace geokg::extract::internal
