// graph/document.h -- one article as read from a file: the unit of extraction and of ingest.
#pragma once

#include <string>

namespace geokg {

struct Document {
  std::string id;      // unique per corpus: file name without extension, or the JSONL "id"
  std::string title;   // may be empty
  std::string date;    // ISO 8601 (YYYY-MM-DD, optionally with a time); empty when unknown
  std::string source;  // publisher, may be empty
  std::string url;     // may be empty
  std::string text;    // valid UTF-8 body, paragraphs separated by blank lines
};

}  // namespace geokg
