#include "store/key_codec.h"

#include "graph/fold.h"

namespace geokg::store::internal {

void AppendU32(std::string* dst, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) dst->push_back(static_cast<char>((v >> shift) & 0xFF));
}

void AppendU64(std::string* dst, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) dst->push_back(static_cast<char>((v >> shift) & 0xFF));
}

uint32_t ReadU32(std::string_view src, size_t at) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(src[at + i]);
  return v;
}

uint64_t ReadU64(std::string_view src, size_t at) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(src[at + i]);
  return v;
}

namespace {

char Byte(Relation r) { return static_cast<char>(r); }
char Byte(Modality m) { return static_cast<char>(m); }

bool ValidBytes(unsigned char relation, unsigned char modality) {
  return relation <= static_cast<unsigned char>(Relation::kOther) &&
         modality <= static_cast<unsigned char>(Modality::kNegated);
}

}  // namespace

std::string SpoKey(const IndexEntry& e) {
  std::string k;
  k.reserve(kIndexKeySize);
  AppendU32(&k, e.subject);
  k.push_back(Byte(e.relation));
  AppendU32(&k, e.object);
  k.push_back(Byte(e.modality));
  AppendU64(&k, e.fact);
  return k;
}

std::string PosKey(const IndexEntry& e) {
  std::string k;
  k.reserve(kIndexKeySize);
  k.push_back(Byte(e.relation));
  AppendU32(&k, e.object);
  AppendU32(&k, e.subject);
  k.push_back(Byte(e.modality));
  AppendU64(&k, e.fact);
  return k;
}

std::string OspKey(const IndexEntry& e) {
  std::string k;
  k.reserve(kIndexKeySize);
  AppendU32(&k, e.object);
  AppendU32(&k, e.subject);
  k.push_back(Byte(e.relation));
  k.push_back(Byte(e.modality));
  AppendU64(&k, e.fact);
  return k;
}

std::optional<IndexEntry> DecodeSpo(std::string_view k) {
  if (k.size() != kIndexKeySize) return std::nullopt;
  const auto r = static_cast<unsigned char>(k[4]), m = static_cast<unsigned char>(k[9]);
  if (!ValidBytes(r, m)) return std::nullopt;
  return IndexEntry{ReadU32(k, 0), ReadU32(k, 5), static_cast<Relation>(r), static_cast<Modality>(m), ReadU64(k, 10)};
}

std::optional<IndexEntry> DecodePos(std::string_view k) {
  if (k.size() != kIndexKeySize) return std::nullopt;
  const auto r = static_cast<unsigned char>(k[0]), m = static_cast<unsigned char>(k[9]);
  if (!ValidBytes(r, m)) return std::nullopt;
  return IndexEntry{ReadU32(k, 5), ReadU32(k, 1), static_cast<Relation>(r), static_cast<Modality>(m), ReadU64(k, 10)};
}

std::optional<IndexEntry> DecodeOsp(std::string_view k) {
  if (k.size() != kIndexKeySize) return std::nullopt;
  const auto r = static_cast<unsigned char>(k[8]), m = static_cast<unsigned char>(k[9]);
  if (!ValidBytes(r, m)) return std::nullopt;
  return IndexEntry{ReadU32(k, 4), ReadU32(k, 0), static_cast<Relation>(r), static_cast<Modality>(m), ReadU64(k, 10)};
}

std::string EvidenceKey(uint64_t fact, uint32_t doc, uint32_t sentence) {
  std::string k;
  k.reserve(16);
  AppendU64(&k, fact);
  AppendU32(&k, doc);
  AppendU32(&k, sentence);
  return k;
}

std::string NormalizeName(std::string_view name) { return FoldName(name); }

std::string NameKey(std::string_view normalized, uint32_t entity) {
  std::string k(normalized);
  k.push_back('\0');
  AppendU32(&k, entity);
  return k;
}

}  // namespace geokg::store::internal
