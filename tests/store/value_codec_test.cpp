#include <catch2/catch.hpp>

#include <string>

#include "store/value_codec.h"

using namespace geokg;
using namespace std::string_literals;
using namespace geokg::store::internal;

namespace {

// Every proper prefix of `bytes` and `bytes` with a byte more are refused by `decode`: a
// decoder reads exactly one whole value.
template <class Decode>
void RefusesAllButWhole(const std::string& bytes, Decode decode) {
  for (size_t n = 0; n < bytes.size(); ++n) {
    INFO("prefix of " << n << " of " << bytes.size() << " bytes");
    CHECK_FALSE(decode(std::string_view(bytes).substr(0, n)));
  }
  CHECK_FALSE(decode(bytes + '\0'));
}

void CheckSameEntity(const Entity& a, const Entity& b) {
  CHECK(a.name == b.name);
  CHECK(a.type == b.type);
  CHECK(a.code == b.code);
  CHECK(a.aliases == b.aliases);
}

Entity Korea() { return {"South Korea", EntityType::kCountry, "KOR", {"ROK", "Seoul", "대한민국"}}; }

}  // namespace

TEST_CASE("a fact value decodes to what was encoded", "[store][value_codec]") {
  FactValue v;
  v.subject = 4'000'000'000u;  // ids past 2^31 and 2^28 take the longest varints
  v.object = 300;
  v.relation = Relation::kOther;
  v.modality = Modality::kNegated;
  v.mentions = 128;
  v.confidence = 0.87f;
  v.first_time = "2025-10-29";
  v.last_time = "2025-10-30";
  v.predicate = "met with";
  v.cameo = "042";
  v.first_reported = "2025-10-28";
  v.last_reported = "2025-11-01";
  const std::string bytes = Encode(v);
  const std::optional<FactValue> d = DecodeFact(bytes);
  REQUIRE(d);
  CHECK(d->subject == v.subject);
  CHECK(d->object == v.object);
  CHECK(d->relation == v.relation);
  CHECK(d->modality == v.modality);
  CHECK(d->mentions == v.mentions);
  CHECK(d->confidence == v.confidence);
  CHECK(d->first_time == v.first_time);
  CHECK(d->last_time == v.last_time);
  CHECK(d->predicate == v.predicate);
  CHECK(d->cameo == v.cameo);
  CHECK(d->first_reported == v.first_reported);
  CHECK(d->last_reported == v.last_reported);
  RefusesAllButWhole(bytes, DecodeFact);
  CHECK(Encode(FactValue{}).size() == 5 + 4 + 6);  // five zero varints, a float, six empty strings
}

TEST_CASE("an evidence value decodes to what was encoded", "[store][value_codec]") {
  const EvidenceValue v{"2025-10-29-trump-lee-gyeongju",
                        1234,
                        1301,
                        0.5f,
                        "met",
                        "Yonhap",
                        "2025-10-29",
                        "a sentence\0with a zero byte"s,
                        "on Wednesday",
                        "2025-10-29T08:00:00Z"};
  const std::string bytes = Encode(v);
  const std::optional<EvidenceValue> d = DecodeEvidence(bytes);
  REQUIRE(d);
  CHECK(d->doc == v.doc);
  CHECK(d->begin == v.begin);
  CHECK(d->end == v.end);
  CHECK(d->confidence == v.confidence);
  CHECK(d->predicate == v.predicate);
  CHECK(d->attribution == v.attribution);
  CHECK(d->time == v.time);
  CHECK(d->text == v.text);
  CHECK(d->time_text == v.time_text);
  CHECK(d->date == v.date);
  RefusesAllButWhole(bytes, DecodeEvidence);
}

TEST_CASE("a document value decodes to what was encoded, rows in order", "[store][value_codec]") {
  const DocValue v{7,
                   0xFEDCBA9876543210ull,
                   "Lee and Xi meet",
                   "2025-11-01",
                   "Yonhap",
                   "https://example.org/a",
                   {{1, 0}, {uint64_t{1} << 40, 3}, {2, 0}}};
  const std::string bytes = Encode(v);
  const std::optional<DocValue> d = DecodeDoc(bytes);
  REQUIRE(d);
  CHECK(d->number == v.number);
  CHECK(d->hash == v.hash);
  CHECK(d->title == v.title);
  CHECK(d->date == v.date);
  CHECK(d->source == v.source);
  CHECK(d->url == v.url);
  REQUIRE(d->rows.size() == v.rows.size());
  for (size_t i = 0; i < v.rows.size(); ++i) {
    CHECK(d->rows[i].fact == v.rows[i].fact);
    CHECK(d->rows[i].sentence == v.rows[i].sentence);
  }
  RefusesAllButWhole(bytes, DecodeDoc);
}

TEST_CASE("entity, merge and undo values decode to what was encoded", "[store][value_codec]") {
  const std::string entity = Encode(EntityValue{Korea()});
  const std::optional<EntityValue> e = DecodeEntity(entity);
  REQUIRE(e);
  CheckSameEntity(e->entity, Korea());
  RefusesAllButWhole(entity, DecodeEntity);

  const MergeValue m{12, Korea(), "2026-01-02T03:04:05Z"};
  const std::string merge = Encode(m);
  const std::optional<MergeValue> dm = DecodeMerge(merge);
  REQUIRE(dm);
  CHECK(dm->into == m.into);
  CheckSameEntity(dm->merged, m.merged);
  CHECK(dm->when == m.when);
  RefusesAllButWhole(merge, DecodeMerge);

  const UndoValue u{12, 987654321, "\x01\x00\xff batch"s};
  const std::string undo = Encode(u);
  const std::optional<UndoValue> du = DecodeUndo(undo);
  REQUIRE(du);
  CHECK(du->merged == u.merged);
  CHECK(du->sequence == u.sequence);
  CHECK(du->batch == u.batch);
  RefusesAllButWhole(undo, DecodeUndo);
}

TEST_CASE("the value layout is the one docs/STORE.md gives: varints, length-prefixed strings", "[store][value_codec]") {
  // Stored values outlive the build that wrote them: the bytes, not only the round trip, are fixed.
  const Entity e{"ROK", EntityType::kCountry, "KOR", {"Seoul"}};
  CHECK(Encode(EntityValue{e}) == "\x01\x03ROK\x03KOR\x01\x05Seoul"s);
  CHECK(Encode(UndoValue{300, 1, "x"}) == "\xac\x02\x01\x01x"s);
}

TEST_CASE("values out of range are refused", "[store][value_codec]") {
  FactValue f;
  std::string bytes = Encode(f);
  bytes[2] = static_cast<char>(static_cast<uint8_t>(Relation::kOther) + 1);  // subject 0, object 0, relation
  CHECK_FALSE(DecodeFact(bytes));
  std::string entity = Encode(EntityValue{Korea()});
  entity[0] = static_cast<char>(static_cast<uint8_t>(EntityType::kOther) + 1);
  CHECK_FALSE(DecodeEntity(entity));
  // A document id past 32 bits in a field that holds one.
  DocValue d;
  d.number = 1;
  std::string doc = Encode(d);
  CHECK_FALSE(DecodeDoc("\x80\x80\x80\x80\x10"s + doc.substr(1)));
}
