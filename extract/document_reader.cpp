#include "extract/document_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/text.h"

namespace geokg::extract {
namespace fs = std::filesystem;

namespace {

bool IsDate(std::string_view s) {
  static const std::regex kDate(R"(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z?)?)");
  return std::regex_match(s.begin(), s.end(), kDate);
}

Status OptionalString(const nlohmann::json& j, const char* key, std::string* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status();
  if (!it->is_string()) return Status::InvalidInput(std::string("\"") + key + "\" is not a string");
  *out = it->get<std::string>();
  return Status();
}

// A .txt article: an optional title (first line, then a blank line) and the body.
Document TextDocument(std::string id, std::string content) {
  Document doc;
  doc.id = std::move(id);
  if (doc.id.size() >= 10 && IsDate(std::string_view(doc.id).substr(0, 10))) doc.date = doc.id.substr(0, 10);
  size_t eol = content.find('\n');
  if (eol != std::string::npos && eol > 0 && content.compare(eol, 2, "\n\n") == 0 && eol < 300) {
    doc.title = content.substr(0, eol);
    if (!doc.title.empty() && doc.title.back() == '\r') doc.title.pop_back();
    size_t body = content.find_first_not_of("\r\n", eol);
    content.erase(0, body == std::string::npos ? content.size() : body);
  }
  doc.text = std::move(content);
  return doc;
}

// Reads the rest of `in`, at most `max` bytes of it; the rest is consumed and dropped. Returns
// whether anything was dropped. A cut never splits a UTF-8 sequence.
bool ReadAtMost(std::istream& in, size_t max, std::string* out) {
  out->clear();
  std::streambuf* buffer = in.rdbuf();
  char chunk[1 << 16];
  bool truncated = false;
  for (std::streamsize n; (n = buffer->sgetn(chunk, sizeof chunk)) > 0;) {
    const size_t room = max - out->size();
    if (static_cast<size_t>(n) > room) {
      out->append(chunk, room);
      truncated = true;
    } else {
      out->append(chunk, static_cast<size_t>(n));
    }
  }
  if (truncated) {
    size_t cut = out->size();
    while (cut > 0 && (static_cast<unsigned char>((*out)[cut - 1]) & 0xC0) == 0x80) --cut;
    if (cut > 0 && static_cast<unsigned char>((*out)[cut - 1]) >= 0xC0) --cut;
    out->resize(cut);
  }
  in.setstate(std::ios::eofbit);
  return truncated;
}

// Reads one line (without its '\n') of at most `max` bytes; a longer line is consumed to its
// end and `*too_long` set. Returns false at the end of the input.
bool ReadLine(std::istream& in, size_t max, std::string* line, bool* too_long) {
  line->clear();
  *too_long = false;
  std::streambuf* buffer = in.rdbuf();
  for (int c; (c = buffer->sbumpc()) != std::char_traits<char>::eof();) {
    if (c == '\n') return true;
    if (line->size() < max) {
      line->push_back(static_cast<char>(c));
    } else {
      *too_long = true;
    }
  }
  in.setstate(std::ios::eofbit);
  return !line->empty() || *too_long;
}

class Reader {
 public:
  Reader(std::istream& standard_input, const ReadOptions& options, const DocumentSink& sink,
         const ProblemSink& problems)
      : stdin_(standard_input), options_(options), sink_(sink), problems_(problems) {}

  // Checked for every input before any is read, so that a typo in the last path does not
  // leave the first ones half-processed.
  static Status Exists(const std::string& input) {
    std::error_code ec;
    if (input != "-" && !fs::exists(fs::status(input, ec)))
      return Status::NotFound(input + ": no such file or directory");
    return Status();
  }

  Status Input(const std::string& input) {
    if (input == "-") return Stream(stdin_, "<stdin>", "stdin");
    std::error_code ec;
    if (fs::is_directory(fs::status(input, ec))) return Directory(input);
    return File(input, /*named=*/true);
  }

  ReadSummary summary() const { return summary_; }

 private:
  Status Directory(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) return Status::IOError(dir.string() + ": cannot list directory: " + ec.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::path& p = it->path();
      if (p.extension() != ".txt" && p.extension() != ".jsonl") continue;
      const fs::file_type type = it->status(ec).type();
      if (type == fs::file_type::regular) {
        files.push_back(p);
      } else if (type != fs::file_type::directory) {
        // A broken link, a pipe (which could block forever) or a device: named, never read.
        ++summary_.skipped;
        Problem(Status::IOError(p.string() + ": not a regular file; skipped"));
      }
    }
    if (ec) Problem(Status::IOError(dir.string() + ": cannot list directory: " + ec.message()));
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) GEOKG_RETURN_IF_ERROR(File(f, /*named=*/false));
    return Status();
  }

  // A file named on the command line that cannot be opened is an error; one found in a
  // directory is a problem that is reported and skipped.
  Status File(const fs::path& path, bool named) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      Status s = Status::IOError(path.string() + ": cannot open file");
      if (named) return s;
      ++summary_.skipped;
      Problem(s);
      return Status();
    }
    if (path.extension() == ".jsonl") return Jsonl(in, path.string());
    return Text(in, path.string(), path.stem().string());
  }

  Status Stream(std::istream& in, const std::string& name, const std::string& id) {
    int c = in.peek();
    while (c != EOF && std::isspace(c)) {
      in.get();
      c = in.peek();
    }
    if (c == '{') return Jsonl(in, name);
    return Text(in, name, id);
  }

  Status Text(std::istream& in, const std::string& name, std::string id) {
    std::string content;
    if (ReadAtMost(in, options_.max_document_bytes, &content))
      Problem(Status::InvalidInput(name + ": longer than the limit of " + std::to_string(options_.max_document_bytes) +
                                   " bytes (--max-document-bytes); only the first " + std::to_string(content.size()) +
                                   " bytes are read"));
    if (content.find_first_not_of(" \t\r\n") == std::string::npos) {
      Problem(Status::InvalidInput(name + ": empty, no article to read"));
      return Status();
    }
    if (size_t bad = RepairUtf8(&content); bad != std::string::npos)
      Problem(Status::InvalidInput(name + ": invalid UTF-8 at byte " + std::to_string(bad) +
                                   ", replaced by U+FFFD"));
    return Emit(TextDocument(std::move(id), std::move(content)));
  }

  Status Jsonl(std::istream& in, const std::string& name) {
    std::string line;
    size_t number = 0;
    bool too_long = false;
    while (ReadLine(in, options_.max_document_bytes, &line, &too_long)) {
      ++number;
      if (too_long) {
        ++summary_.skipped;
        Problem(Status::InvalidInput(name + ":" + std::to_string(number) + ": longer than the limit of " +
                                     std::to_string(options_.max_document_bytes) +
                                     " bytes (--max-document-bytes); line skipped"));
        continue;
      }
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      Result<Document> doc = ParseJsonlDocument(line);
      if (!doc.ok()) {
        ++summary_.skipped;
        Problem(Status::InvalidInput(name + ":" + std::to_string(number) + ": " + doc.status().message() +
                                     "; line skipped"));
        continue;
      }
      GEOKG_RETURN_IF_ERROR(Emit(std::move(doc).value()));
    }
    return Status();
  }

  Status Emit(Document doc) {
    if (doc.date.empty()) doc.date = options_.fallback_date;
    ++summary_.documents;
    return sink_(std::move(doc));
  }

  void Problem(const Status& s) { problems_(s); }

  std::istream& stdin_;
  const ReadOptions& options_;
  const DocumentSink& sink_;
  const ProblemSink& problems_;
  ReadSummary summary_;
};

}  // namespace

Result<Document> ParseJsonlDocument(std::string_view line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidInput("not valid JSON (or not UTF-8)");
  if (!j.is_object()) return Status::InvalidInput("not a JSON object");
  Document doc;
  auto id = j.find("id");
  if (id == j.end()) return Status::InvalidInput("missing \"id\"");
  if (id->is_string()) {
    doc.id = id->get<std::string>();
  } else if (id->is_number_integer()) {
    doc.id = id->dump();
  } else {
    return Status::InvalidInput("\"id\" is not a string");
  }
  if (doc.id.empty()) return Status::InvalidInput("\"id\" is empty");
  auto text = j.find("text");
  if (text == j.end()) return Status::InvalidInput("missing \"text\"");
  if (!text->is_string()) return Status::InvalidInput("\"text\" is not a string");
  doc.text = text->get<std::string>();
  GEOKG_RETURN_IF_ERROR(OptionalString(j, "title", &doc.title));
  GEOKG_RETURN_IF_ERROR(OptionalString(j, "date", &doc.date));
  GEOKG_RETURN_IF_ERROR(OptionalString(j, "source", &doc.source));
  GEOKG_RETURN_IF_ERROR(OptionalString(j, "url", &doc.url));
  if (!doc.date.empty() && !IsDate(doc.date))
    return Status::InvalidInput("\"date\" is not an ISO date: \"" + doc.date + "\"");
  return doc;
}

size_t RepairUtf8(std::string* text) {
  size_t first_bad = std::string::npos;
  std::string out;
  const std::string& s = *text;
  size_t i = 0;
  while (i < s.size()) {
    const size_t n = Utf8Length(s, i);
    if (n != 0 && s[i] != '\0') {  // NUL too: C tools downstream would stop at it
      if (first_bad != std::string::npos) out.append(s, i, n);
      i += n;
      continue;
    }
    if (first_bad == std::string::npos) {
      first_bad = i;
      out.assign(s, 0, i);
    }
    out += "\xEF\xBF\xBD";
    ++i;
  }
  if (first_bad != std::string::npos) *text = std::move(out);
  return first_bad;
}

Result<ReadSummary> ReadDocuments(std::span<const std::string> inputs, std::istream& standard_input,
                                  const ReadOptions& options, const DocumentSink& sink,
                                  const ProblemSink& problems) {
  for (const std::string& input : inputs) GEOKG_RETURN_IF_ERROR(Reader::Exists(input));
  Reader reader(standard_input, options, sink, problems);
  for (const std::string& input : inputs) GEOKG_RETURN_IF_ERROR(reader.Input(input));
  return reader.summary();
}

}  // namespace geokg::extract
