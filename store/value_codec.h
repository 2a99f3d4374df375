// store/value_codec.h -- internal: the binary values of the docs, entities, facts and evidence
// families (layout: docs/STORE.md). Integers are LEB128 varints, strings are a varint length and
// the bytes, confidences are IEEE float32 little-endian. Decoders check every length and return
// nullopt on a malformed value instead of reading past it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/entity.h"
#include "graph/relation.h"
#include "graph/triple.h"

namespace geokg::store::internal {

// The counted facts value (keyed by fact id): identity, merge state and the first predicate.
struct FactValue {
  uint32_t subject = 0;
  uint32_t object = 0;
  Relation relation = Relation::kOther;
  Modality modality = Modality::kAsserted;
  uint32_t mentions = 0;
  float confidence = 0;
  std::string first_time, last_time;  // of the events its sentences date themselves
  std::string predicate, cameo;
  std::string first_reported, last_reported;  // of its articles' dates (schema 4)
};

// Counts one evidence row into `f`: mentions, best confidence, event and report dates. The
// writer and `verify` both merge with it, so they cannot disagree.
void Fold(FactValue* f, const std::string& time, const std::string& date, float confidence);
// Forgets every row counted into `f`, so that its rows can be counted again.
void Unfold(FactValue* f);

// One evidence row (keyed by fact id, document number, sentence).
struct EvidenceValue {
  std::string doc;
  uint32_t begin = 0, end = 0;
  float confidence = 0;
  std::string predicate, attribution, time, text;
  std::string time_text;  // schema 3
  std::string date;       // the article's date, so a fact's report dates merge from its rows (schema 4)
};

// A stored article (keyed by document id): its number in evidence keys, its content hash, its
// metadata and the evidence rows it added, so that replace and delete can undo them.
struct DocValue {
  struct Row {
    uint64_t fact = 0;
    uint32_t sentence = 0;
  };
  uint32_t number = 0;
  uint64_t hash = 0;
  std::string title, date, source, url;
  std::vector<Row> rows;
};

struct EntityValue {
  Entity entity;  // canonical name, type, code, explicit aliases
};

// A merge a user asked for (keyed by the merged entity's id, in `meta`; schema 5): the entity it
// went into and the merged entity as it was, so that later ingests map its names there too.
struct MergeValue {
  uint32_t into = 0;
  Entity merged;
  std::string when;  // UTC, ISO 8601 to the second
};

std::string Encode(const FactValue& v);
std::string Encode(const EvidenceValue& v);
std::string Encode(const DocValue& v);
// How to take back the last merge exactly (in `meta` under "undo"): the batch that restores
// every row it wrote, and the store's sequence number right after it, which tells whether
// anything was written since.
struct UndoValue {
  uint32_t merged = 0;
  uint64_t sequence = 0;
  std::string batch;  // a RocksDB WriteBatch, serialised
};

std::string Encode(const EntityValue& v);
std::string Encode(const MergeValue& v);
std::string Encode(const UndoValue& v);
std::optional<FactValue> DecodeFact(std::string_view bytes);
std::optional<EvidenceValue> DecodeEvidence(std::string_view bytes);
std::optional<DocValue> DecodeDoc(std::string_view bytes);
std::optional<EntityValue> DecodeEntity(std::string_view bytes);
std::optional<MergeValue> DecodeMerge(std::string_view bytes);
std::optional<UndoValue> DecodeUndo(std::string_view bytes);

}  // namespace geokg::store::internal
