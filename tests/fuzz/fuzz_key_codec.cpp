// Fuzz target: the store's key decoding. A key that decodes re-encodes to the same bytes;
// anything else is refused, never misread; name normalisation is idempotent.
#include <cstdint>
#include <string_view>

#include "store/key_codec.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace geokg::store::internal;
  const std::string_view key(reinterpret_cast<const char*>(data), size);
  if (auto e = DecodeSpo(key)) FUZZ_CHECK(SpoKey(*e) == key);
  if (auto e = DecodePos(key)) FUZZ_CHECK(PosKey(*e) == key);
  if (auto e = DecodeOsp(key)) FUZZ_CHECK(OspKey(*e) == key);
  if (size != kIndexKeySize) FUZZ_CHECK(!DecodeSpo(key) && !DecodePos(key) && !DecodeOsp(key));
  const std::string normalized = NormalizeName(key);
  FUZZ_CHECK(NormalizeName(normalized) == normalized);
  FUZZ_CHECK(NameKey(normalized, 7).size() == normalized.size() + 5);
  return 0;
}
