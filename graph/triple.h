// graph/triple.h -- one extracted fact with the context that makes it usable: canonical
// entities, modality, attribution, time, confidence and the sentence it came from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "graph/entity.h"
#include "graph/relation.h"

namespace geokg {

enum class Modality : uint8_t { kAsserted, kExpected, kNegated };

// "asserted", "expected", "negated".
std::string_view ModalityName(Modality modality);
// The modality named `name`, or nullopt.
std::optional<Modality> ParseModality(std::string_view name);

// Which time a fact's first/last time is: its events' own (a sentence dated them), else the
// dates of the articles that report it; kNone when neither is known.
enum class TimeSource : uint8_t { kNone, kEvent, kReport };

// "event", "report"; empty for kNone.
std::string_view TimeSourceName(TimeSource source);

// Where a triple was read: the article, the sentence and its byte span in the article text.
struct Evidence {
  std::string doc;
  uint32_t sentence = 0;  // 0-based index of the sentence in the document
  uint32_t begin = 0;     // [begin, end): byte offsets of the sentence in Document::text
  uint32_t end = 0;
  std::string text;  // the sentence
  std::string date;  // the article's publication date (Document::date); empty when unknown
};

struct Triple {
  Entity subject;
  std::string predicate;  // open phrase, present tense: "supplies rare earths to"
  Relation relation = Relation::kOther;
  std::string cameo;  // CAMEO code, empty when none applies
  Entity object;
  Modality modality = Modality::kAsserted;
  std::string attribution;  // who says so; empty when the article itself asserts it
  std::string time;         // the event's own time, ISO 8601 date or period, as the sentence
                            // gives it; empty when it gives none (evidence.date is the report date)
  std::string time_text;    // the time expression as written ("on Sunday"); kept when `time`
                            // cannot be resolved (no article date); empty when there is none
  float confidence = 0.0f;  // in [0, 1]; ranks triples
  Evidence evidence;
};

}  // namespace geokg
