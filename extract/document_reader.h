// extract/document_reader.h -- reads articles from the inputs a user names: .txt files (id = file
// name without extension; a first line followed by a blank line is the title; a file name that
// starts with YYYY-MM-DD gives the date), .html and .htm web pages (id as for .txt; title, date,
// URL, source and the article's paragraphs from the page: extract/internal/web_page.h), .jsonl
// files (one article a line: "id", "text" or "html" (a web page, read as a .html file), and
// optional "title", "date", "source", "url", which win over the page's; other fields ignored),
// directories (their article files, recursively, in name order) and "-" (standard input: JSON
// Lines when it starts with '{', a web page when it starts with '<', else one text article; id
// "stdin"). Dates are read by graph/calendar_date.h and kept as YYYY-MM-DD. Not thread-safe;
// one reader per thread.
//
// Text articles read alike whatever wrote them: CRLF and CR line ends become LF, and the lines of
// a hard-wrapped paragraph are joined (a line break inside it becomes a space), so that a
// sentence cut by the wrap is one sentence. JSONL fields take a string or an integer (read as
// its decimal text: "id": 5 is "5", and "date": 20250101 is then refused as not an ISO date).
// Problems that are reported and read past: a file name that is not UTF-8 (the id writes each
// invalid byte as %XX), an id given twice (the later article replaces the earlier), an input
// that starts with a UTF-16 byte order mark (skipped: not supported), binary data (a file more
// than 1 in 20 of whose first 8 KiB are control bytes is skipped whole, with one problem, JSONL
// too; text in a legacy character set is not binary), a web
// page in a character set that cannot be converted or without article text (skipped).
#pragma once

#include <filesystem>
#include <functional>
#include <istream>
#include <span>
#include <string>

#include "graph/document.h"
#include "graph/status.h"

namespace geokg::extract {

// Receives each document in input order. A non-OK status stops reading and is returned.
using DocumentSink = std::function<Status(Document&&)>;
// Receives each problem that made the reader skip or repair part of the input, as one line
// naming the file (and line): `feed.jsonl:7: "text" is not a string`.
using ProblemSink = std::function<void(const Status&)>;

struct ReadOptions {
  std::string fallback_date;  // ISO date for documents that carry none; may be empty
  // A .txt file or standard input longer than this is cut to its first max_document_bytes (a
  // problem is reported) and the rest left unread; a longer JSONL line is skipped, and in an
  // input that may never end (standard input, a pipe, a device) it ends that input. Keeps
  // memory and time bounded on any input. REQUIRES: below 4 GiB (offsets in the text are 32-bit).
  size_t max_document_bytes = 8 << 20;
};

struct ReadSummary {
  size_t documents = 0;  // documents passed to the sink
  size_t skipped = 0;    // lines or files skipped because they were unusable
};

// Reads every input in order. Returns kNotFound or kIOError naming the path when an input named
// on the command line does not exist or cannot be read; problems inside an input (a malformed
// JSONL line, an unreadable file in a directory, invalid UTF-8, which is replaced by U+FFFD, a
// document over options.max_document_bytes) go to `problems` and reading goes on.
Result<ReadSummary> ReadDocuments(std::span<const std::string> inputs, std::istream& standard_input,
                                  const ReadOptions& options, const DocumentSink& sink, const ProblemSink& problems);

// Whether a file found in a directory is read as articles: .txt, .jsonl, .html or .htm, in any case.
bool IsArticleFile(const std::filesystem::path& name);

// Parses one JSONL line into a document. kInvalidInput says what is wrong with the line (without
// file and line: the caller adds them).
Result<Document> ParseJsonlDocument(std::string_view line);

// Replaces each invalid UTF-8 sequence in `text` by U+FFFD. Returns the byte offset of the first
// one, or npos when the text was valid.
size_t RepairUtf8(std::string* text);

}  // namespace geokg::extract
