#include "store/value_codec.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace geokg::store::internal {
namespace {

void PutVarint(std::string* dst, uint64_t v) {
  while (v >= 0x80) {
    dst->push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  dst->push_back(static_cast<char>(v));
}

void PutString(std::string* dst, std::string_view s) {
  PutVarint(dst, s.size());
  dst->append(s);
}

void PutFloat(std::string* dst, float f) {
  uint32_t bits = std::bit_cast<uint32_t>(f);
  for (int i = 0; i < 4; ++i) dst->push_back(static_cast<char>((bits >> (8 * i)) & 0xFF));
}

// Reads the encoding above; once a read fails, every later read fails too.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  bool ok() const { return ok_; }
  bool done() const { return ok_ && rest_.empty(); }

  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; ok_ && shift < 64; shift += 7) {
      if (rest_.empty()) break;
      const auto byte = static_cast<unsigned char>(rest_.front());
      rest_.remove_prefix(1);
      v |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return v;
    }
    ok_ = false;
    return 0;
  }
  uint32_t U32() {
    const uint64_t v = Varint();
    if (v > UINT32_MAX) ok_ = false;
    return static_cast<uint32_t>(v);
  }
  uint8_t Byte(uint8_t max) {
    const uint64_t v = Varint();
    if (v > max) ok_ = false;
    return static_cast<uint8_t>(v);
  }
  std::string String() {
    const uint64_t n = Varint();
    if (!ok_ || n > rest_.size()) {
      ok_ = false;
      return {};
    }
    std::string s(rest_.substr(0, n));
    rest_.remove_prefix(n);
    return s;
  }
  float Float() {
    if (!ok_ || rest_.size() < 4) {
      ok_ = false;
      return 0;
    }
    uint32_t bits = 0;
    for (int i = 0; i < 4; ++i) bits |= static_cast<uint32_t>(static_cast<unsigned char>(rest_[i])) << (8 * i);
    rest_.remove_prefix(4);
    return std::bit_cast<float>(bits);
  }

 private:
  std::string_view rest_;
  bool ok_ = true;
};

constexpr auto kMaxRelation = static_cast<uint8_t>(Relation::kOther);
constexpr auto kMaxModality = static_cast<uint8_t>(Modality::kNegated);
constexpr auto kMaxEntityType = static_cast<uint8_t>(EntityType::kOther);

template <class T>
std::optional<T> IfComplete(const Reader& r, T value) {
  return r.done() ? std::optional<T>(std::move(value)) : std::nullopt;
}

void Widen(const std::string& time, std::string* first, std::string* last) {
  if (time.empty()) return;
  if (first->empty() || time < *first) *first = time;
  if (last->empty() || time > *last) *last = time;
}

}  // namespace

void Fold(FactValue* f, const std::string& time, const std::string& date, float confidence) {
  ++f->mentions;
  Widen(time, &f->first_time, &f->last_time);
  Widen(date.substr(0, date.find_first_of("T ")), &f->first_reported, &f->last_reported);  // the day of a timestamp
  f->confidence = std::max(f->confidence, confidence);
}

void Unfold(FactValue* f) {
  f->mentions = 0;
  f->first_time.clear();
  f->last_time.clear();
  f->first_reported.clear();
  f->last_reported.clear();
  f->confidence = 0;
}

std::string Encode(const FactValue& v) {
  std::string out;
  out.reserve(32 + v.predicate.size() + v.first_time.size() + v.last_time.size());
  PutVarint(&out, v.subject);
  PutVarint(&out, v.object);
  PutVarint(&out, static_cast<uint8_t>(v.relation));
  PutVarint(&out, static_cast<uint8_t>(v.modality));
  PutVarint(&out, v.mentions);
  PutFloat(&out, v.confidence);
  PutString(&out, v.first_time);
  PutString(&out, v.last_time);
  PutString(&out, v.predicate);
  PutString(&out, v.cameo);
  PutString(&out, v.first_reported);
  PutString(&out, v.last_reported);
  return out;
}

std::optional<FactValue> DecodeFact(std::string_view bytes) {
  Reader r(bytes);
  FactValue v;
  v.subject = r.U32();
  v.object = r.U32();
  v.relation = static_cast<Relation>(r.Byte(kMaxRelation));
  v.modality = static_cast<Modality>(r.Byte(kMaxModality));
  v.mentions = r.U32();
  v.confidence = r.Float();
  v.first_time = r.String();
  v.last_time = r.String();
  v.predicate = r.String();
  v.cameo = r.String();
  v.first_reported = r.String();
  v.last_reported = r.String();
  return IfComplete(r, std::move(v));
}

std::string Encode(const EvidenceValue& v) {
  std::string out;
  out.reserve(24 + v.doc.size() + v.predicate.size() + v.attribution.size() + v.time.size() + v.text.size() +
              v.time_text.size());
  PutString(&out, v.doc);
  PutVarint(&out, v.begin);
  PutVarint(&out, v.end);
  PutFloat(&out, v.confidence);
  PutString(&out, v.predicate);
  PutString(&out, v.attribution);
  PutString(&out, v.time);
  PutString(&out, v.text);
  PutString(&out, v.time_text);
  PutString(&out, v.date);
  return out;
}

std::optional<EvidenceValue> DecodeEvidence(std::string_view bytes) {
  Reader r(bytes);
  EvidenceValue v;
  v.doc = r.String();
  v.begin = r.U32();
  v.end = r.U32();
  v.confidence = r.Float();
  v.predicate = r.String();
  v.attribution = r.String();
  v.time = r.String();
  v.text = r.String();
  v.time_text = r.String();
  v.date = r.String();
  return IfComplete(r, std::move(v));
}

std::string Encode(const DocValue& v) {
  std::string out;
  PutVarint(&out, v.number);
  PutVarint(&out, v.hash);
  PutString(&out, v.title);
  PutString(&out, v.date);
  PutString(&out, v.source);
  PutString(&out, v.url);
  PutVarint(&out, v.rows.size());
  for (const DocValue::Row& row : v.rows) {
    PutVarint(&out, row.fact);
    PutVarint(&out, row.sentence);
  }
  return out;
}

std::optional<DocValue> DecodeDoc(std::string_view bytes) {
  Reader r(bytes);
  DocValue v;
  v.number = r.U32();
  v.hash = r.Varint();
  v.title = r.String();
  v.date = r.String();
  v.source = r.String();
  v.url = r.String();
  const uint64_t rows = r.Varint();
  for (uint64_t i = 0; r.ok() && i < rows; ++i) {
    DocValue::Row row;
    row.fact = r.Varint();
    row.sentence = r.U32();
    v.rows.push_back(row);
  }
  return IfComplete(r, std::move(v));
}

namespace {

void PutEntity(std::string* out, const Entity& e) {
  PutVarint(out, static_cast<uint8_t>(e.type));
  PutString(out, e.name);
  PutString(out, e.code);
  PutVarint(out, e.aliases.size());
  for (const std::string& alias : e.aliases) PutString(out, alias);
}

Entity ReadEntity(Reader& r) {
  Entity e;
  e.type = static_cast<EntityType>(r.Byte(kMaxEntityType));
  e.name = r.String();
  e.code = r.String();
  const uint64_t aliases = r.Varint();
  for (uint64_t i = 0; r.ok() && i < aliases; ++i) e.aliases.push_back(r.String());
  return e;
}

}  // namespace

std::string Encode(const EntityValue& v) {
  std::string out;
  PutEntity(&out, v.entity);
  return out;
}

std::optional<EntityValue> DecodeEntity(std::string_view bytes) {
  Reader r(bytes);
  EntityValue v{ReadEntity(r)};
  return IfComplete(r, std::move(v));
}

std::string Encode(const MergeValue& v) {
  std::string out;
  PutVarint(&out, v.into);
  PutEntity(&out, v.merged);
  PutString(&out, v.when);
  return out;
}

std::optional<MergeValue> DecodeMerge(std::string_view bytes) {
  Reader r(bytes);
  MergeValue v;
  v.into = r.U32();
  v.merged = ReadEntity(r);
  v.when = r.String();
  return IfComplete(r, std::move(v));
}

std::string Encode(const UndoValue& v) {
  std::string out;
  PutVarint(&out, v.merged);
  PutVarint(&out, v.sequence);
  PutString(&out, v.batch);
  return out;
}

std::optional<UndoValue> DecodeUndo(std::string_view bytes) {
  Reader r(bytes);
  UndoValue v;
  v.merged = r.U32();
  v.sequence = r.Varint();
  v.batch = r.String();
  return IfComplete(r, std::move(v));
}

}  // namespace geokg::store::internal
