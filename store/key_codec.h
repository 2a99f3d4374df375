// store/key_codec.h -- internal: how ids and facts become RocksDB keys. Ids are fixed-width
// big-endian, so bytewise key order is numeric order and a prefix of a key selects a range.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "graph/relation.h"
#include "graph/triple.h"

namespace geokg::store::internal {

void AppendU32(std::string* dst, uint32_t v);
void AppendU64(std::string* dst, uint64_t v);
// The number at `src[at...]`. REQUIRES: src.size() >= at + 4 (or + 8).
uint32_t ReadU32(std::string_view src, size_t at);
uint64_t ReadU64(std::string_view src, size_t at);

// A fact's place in the three indexes. Each key ends in the fact id; the fields before it are
// the scan order of that index.
struct IndexEntry {
  uint32_t subject = 0;
  uint32_t object = 0;
  Relation relation = Relation::kOther;
  Modality modality = Modality::kAsserted;
  uint64_t fact = 0;
};

inline constexpr size_t kIndexKeySize = 4 + 1 + 4 + 1 + 8;

std::string SpoKey(const IndexEntry& e);  // subject, relation, object, modality, fact
std::string PosKey(const IndexEntry& e);  // relation, object, subject, modality, fact
std::string OspKey(const IndexEntry& e);  // object, subject, relation, modality, fact
// The entry a key of each index encodes, or nullopt when the key is malformed.
std::optional<IndexEntry> DecodeSpo(std::string_view key);
std::optional<IndexEntry> DecodePos(std::string_view key);
std::optional<IndexEntry> DecodeOsp(std::string_view key);

// Evidence rows: fact, document number, sentence.
std::string EvidenceKey(uint64_t fact, uint32_t doc, uint32_t sentence);

// The names family: a normalised name (FoldName: no case, diacritics, apostrophes or hyphens,
// so "Sanchez" finds "Sánchez"), a 0 byte, the entity id.
std::string NormalizeName(std::string_view name);
std::string NameKey(std::string_view normalized, uint32_t entity);

}  // namespace geokg::store::internal
