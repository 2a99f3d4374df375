#include "extract/document_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/internal/web_page.h"
#include "graph/calendar_date.h"
#include "graph/text.h"

namespace geokg::extract {
namespace fs = std::filesystem;
using internal::PageBytes;
using internal::ReadWebPage;
using internal::WebPage;

namespace {

// Whether `name` has extension `ext` (".txt"), in any case.
bool HasExtension(const fs::path& name, std::string_view ext) {
  const std::string e = name.extension().string();
  return std::equal(e.begin(), e.end(), ext.begin(), ext.end(),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

bool IsWebPage(const fs::path& name) { return HasExtension(name, ".html") || HasExtension(name, ".htm"); }
bool IsJsonl(const fs::path& name) { return HasExtension(name, ".jsonl"); }

// Whether `content` is binary rather than text: more than 1 in 20 of its first 8 KiB are NUL or
// control characters other than white space and ESC (which terminal captures keep). Bytes that
// are not UTF-8 do not count: a page or text in a legacy character set (ISO-8859-1,
// windows-1251) is mostly such bytes, and random data has controls enough.
bool LooksBinary(std::string_view content) {
  const std::string_view head = content.substr(0, 8192);
  size_t controls = 0;
  for (const char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) ++controls;
  }
  return controls * 20 > head.size();
}

// The text of field `key`: a string, or an integer taken as its decimal text (one rule for
// every field: "id": 5 and "date": 20250101 both read as text, which is then checked).
Status TextField(const nlohmann::json& j, const char* key, std::string* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status();
  if (it->is_string()) {
    *out = it->get<std::string>();
  } else if (it->is_number_integer()) {
    *out = it->dump();
  } else {
    return Status::InvalidInput(std::string("\"") + key + "\" is neither a string nor an integer");
  }
  return Status();
}

// Line ends of any convention (CRLF, CR, LF) as LF, so that the same article gives the same
// sentences, numbers and spans whichever system wrote it.
std::string UnixLineEnds(std::string text) {
  if (text.find('\r') == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
      out += '\n';
    }
  }
  return out;
}

// Joins the lines of hard-wrapped paragraphs: a line break becomes a space when the line before
// looks cut by a fixed width (at least 3/4 of the longest line of its paragraph, which is 40
// bytes or more) and does not end a sentence. Headings, lists and one-line paragraphs stay as
// they are. Byte offsets do not move (one byte for one byte).
void JoinWrappedLines(std::string* text) {
  std::string& t = *text;
  size_t start = 0;
  while (start < t.size()) {
    // The paragraph: lines up to a blank line or the end.
    std::vector<std::pair<size_t, size_t>> lines;  // [begin, end) without the '\n'
    size_t pos = start, longest = 0;
    while (pos < t.size()) {
      size_t eol = t.find('\n', pos);
      if (eol == std::string::npos) eol = t.size();
      const bool blank = t.find_first_not_of(" \t", pos) >= eol;
      if (blank) break;
      lines.emplace_back(pos, eol);
      longest = std::max(longest, eol - pos);
      pos = eol + 1;
    }
    for (size_t i = 0; i + 1 < lines.size() && longest >= 40; ++i) {
      const auto [begin, end] = lines[i];
      const size_t last = t.find_last_not_of(" \t", end - 1);
      const char c = t[last];
      const bool ends_sentence = c == '.' || c == '!' || c == '?' || c == ':' || c == '"';
      if (!ends_sentence && (end - begin) * 4 >= longest * 3) t[end] = ' ';
    }
    // Past the paragraph and the blank lines after it.
    start = pos;
    while (start < t.size()) {
      // A last blank line without a line end counts too: the loop must always move on.
      const size_t eol = std::min(t.find('\n', start), t.size());
      if (t.find_first_not_of(" \t", start) < eol) break;
      start = eol + 1;
    }
  }
}

// The date a file name starts with (2025-03-01-summit.txt), or "".
std::string DateOfName(const std::string& id) {
  if (id.size() < 10) return "";
  return CalendarDate(std::string_view(id).substr(0, 10)).value_or("");
}

// A web page's article as a document without an id. kInvalidInput when the page cannot be
// read or holds no article text.
Result<Document> PageDocument(std::string_view html, PageBytes bytes) {
  auto page = ReadWebPage(html, bytes);
  if (!page.ok()) return page.status();
  WebPage& p = page.value();
  if (p.text.empty()) return Status::InvalidInput("no article text in the page (no prose <p> paragraphs)");
  // JSON-LD strings may hold what text never does (\u0000).
  for (std::string* field : {&p.title, &p.url, &p.source, &p.text}) RepairUtf8(field);
  Document doc;
  doc.title = std::move(p.title);
  doc.date = std::move(p.date);
  doc.url = std::move(p.url);
  doc.source = std::move(p.source);
  doc.text = std::move(p.text);
  return doc;
}

// A .txt article: an optional title (first line, then a blank line) and the body, with
// uniform line ends and hard-wrapped paragraphs joined.
Document TextDocument(std::string id, std::string content) {
  content = UnixLineEnds(std::move(content));
  Document doc;
  doc.id = std::move(id);
  doc.date = DateOfName(doc.id);
  size_t eol = content.find('\n');
  if (eol != std::string::npos && eol > 0 && content.compare(eol, 2, "\n\n") == 0 && eol < 300) {
    doc.title = content.substr(0, eol);
    size_t body = content.find_first_not_of("\r\n", eol);
    content.erase(0, body == std::string::npos ? content.size() : body);
  }
  JoinWrappedLines(&content);
  doc.text = std::move(content);
  return doc;
}

// Cuts `text` to at most `max` bytes without splitting a UTF-8 sequence: one that the cut would
// leave incomplete (text[max] continues it) goes whole.
void CutUtf8(std::string* text, size_t max) {
  if (text->size() <= max) return;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>((*text)[cut]) & 0xC0) == 0x80) --cut;
  text->resize(cut);
}

// Reads `in` up to its end or `max` bytes, whichever comes first; what lies beyond is left
// unread, so that an endless input (/dev/zero, a pipe that never closes) ends too. Returns
// whether there was more. A cut never splits a UTF-8 sequence.
bool ReadAtMost(std::istream& in, size_t max, std::string* out) {
  out->clear();
  std::streambuf* buffer = in.rdbuf();
  char chunk[1 << 16];
  bool truncated = false;
  while (!truncated) {
    const std::streamsize n =
        buffer->sgetn(chunk, static_cast<std::streamsize>(std::min(sizeof chunk, max - out->size() + 1)));
    if (n <= 0) break;
    const size_t room = max - out->size();
    truncated = static_cast<size_t>(n) > room;
    out->append(chunk, static_cast<size_t>(n));  // one byte past the limit when cut: CutUtf8 looks at it
  }
  if (truncated) CutUtf8(out, max);
  in.setstate(std::ios::eofbit);
  return truncated;
}

// Reads one line (without its '\n') of at most `max` bytes. A longer line sets `*too_long`
// and, when `finish_long_lines`, is consumed to its end; otherwise reading stops there (an
// endless line has no end). Returns false at the end of the input.
bool ReadLine(std::istream& in, size_t max, bool finish_long_lines, std::string* line, bool* too_long) {
  line->clear();
  *too_long = false;
  std::streambuf* buffer = in.rdbuf();
  for (int c; (c = buffer->sbumpc()) != std::char_traits<char>::eof();) {
    if (c == '\n') return true;
    if (line->size() < max) {
      line->push_back(static_cast<char>(c));
    } else {
      *too_long = true;
      if (!finish_long_lines) return true;
    }
  }
  in.setstate(std::ios::eofbit);
  return !line->empty() || *too_long;
}

// Whether `in` starts with a UTF-16 byte order mark; consumes it if so, else nothing.
bool StartsUtf16(std::istream& in) {
  std::streambuf* buffer = in.rdbuf();
  const int first = buffer->sgetc();
  if (first != 0xFF && first != 0xFE) return false;
  buffer->sbumpc();
  const int second = buffer->sgetc();
  if (second == (first == 0xFF ? 0xFE : 0xFF)) {
    buffer->sbumpc();
    return true;
  }
  buffer->sungetc();
  return false;
}

// `name` with each byte that is not part of valid UTF-8 written as %XX.
std::string EscapeInvalidUtf8(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size();) {
    const size_t n = Utf8Length(name, i);
    if (n > 0) {
      out.append(name, i, n);
      i += n;
      continue;
    }
    static const char kHex[] = "0123456789ABCDEF";
    const auto b = static_cast<unsigned char>(name[i++]);
    out += {'%', kHex[b >> 4], kHex[b & 15]};
  }
  return out;
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
      if (!IsArticleFile(p)) continue;
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
    if (Utf16(in, path.string())) return Status();
    // Only a regular file surely ends: a device or a pipe named on the command line may not.
    std::error_code ec;
    const bool finite = fs::is_regular_file(path, ec);
    if (IsJsonl(path)) return Jsonl(in, path.string(), finite);
    std::string id = path.stem().string();
    if (RepairUtf8(&id) != std::string::npos) {
      id = EscapeInvalidUtf8(path.stem().string());
      Problem(Status::InvalidInput(path.string() + ": the file name is not UTF-8; document id \"" + id +
                                   "\" (invalid bytes written as %XX)"));
    }
    if (IsWebPage(path)) return Page(in, path.string(), std::move(id));
    return Text(in, path.string(), std::move(id));
  }

  Status Stream(std::istream& in, const std::string& name, const std::string& id) {
    if (Utf16(in, name)) return Status();
    int c = in.peek();
    while (c != EOF && std::isspace(c)) {
      in.get();
      c = in.peek();
    }
    if (c == '{') return Jsonl(in, name, /*finite=*/false);
    if (c == '<') return Page(in, name, id);
    return Text(in, name, id);
  }

  // Skips an input that starts with a UTF-16 byte order mark, saying why.
  bool Utf16(std::istream& in, const std::string& name) {
    if (!StartsUtf16(in)) return false;
    ++summary_.skipped;
    Problem(
        Status::InvalidInput(name + ": UTF-16 is not supported, convert to UTF-8 (iconv -f UTF-16 -t UTF-8); skipped"));
    return true;
  }

  // The content of a text or page input, up to the limit; nullopt (reported) when there is no
  // article in it: empty, or binary.
  std::optional<std::string> Content(std::istream& in, const std::string& name) {
    std::string content;
    if (ReadAtMost(in, options_.max_document_bytes, &content))
      Problem(Status::InvalidInput(name + ": longer than the limit of " + std::to_string(options_.max_document_bytes) +
                                   " bytes (--max-document-bytes); only the first " + std::to_string(content.size()) +
                                   " bytes are read"));
    if (content.find_first_not_of(" \t\r\n") == std::string::npos) {
      Problem(Status::InvalidInput(name + ": empty, no article to read"));
      return std::nullopt;
    }
    if (LooksBinary(content)) {
      ++summary_.skipped;
      Problem(Status::InvalidInput(name + ": binary data, not text; skipped"));
      return std::nullopt;
    }
    return content;
  }

  Status Text(std::istream& in, const std::string& name, std::string id) {
    std::optional<std::string> content = Content(in, name);
    if (!content) return Status();
    if (size_t bad = RepairUtf8(&*content); bad != std::string::npos)
      Problem(Status::InvalidInput(name + ": invalid UTF-8 at byte " + std::to_string(bad) + ", replaced by U+FFFD"));
    return Emit(TextDocument(std::move(id), std::move(*content)));
  }

  Status Page(std::istream& in, const std::string& name, std::string id) {
    std::optional<std::string> content = Content(in, name);
    if (!content) return Status();
    Result<Document> doc = PageDocument(*content, PageBytes::kAsStored);
    if (!doc.ok()) {
      ++summary_.skipped;
      Problem(Status::InvalidInput(name + ": " + doc.status().message() + "; skipped"));
      return Status();
    }
    doc.value().id = std::move(id);
    if (doc.value().date.empty()) doc.value().date = DateOfName(doc.value().id);
    // Entities and converted characters can make the text longer than the page.
    if (doc.value().text.size() > options_.max_document_bytes) {
      CutUtf8(&doc.value().text, options_.max_document_bytes);
      Problem(Status::InvalidInput(name + ": the page's text is longer than the limit of " +
                                   std::to_string(options_.max_document_bytes) +
                                   " bytes (--max-document-bytes); only the first " +
                                   std::to_string(doc.value().text.size()) + " bytes are read"));
    }
    return Emit(std::move(doc).value());
  }

  // `finite`: the input surely ends (a regular file), so a line over the limit can be skipped
  // to its end; in any other input it ends the reading, since it might never end.
  Status Jsonl(std::istream& in, const std::string& name, bool finite) {
    std::string line;
    size_t number = 0;
    bool too_long = false;
    while (ReadLine(in, options_.max_document_bytes, finite, &line, &too_long)) {
      ++number;
      if (too_long) {
        ++summary_.skipped;
        Problem(Status::InvalidInput(name + ":" + std::to_string(number) + ": longer than the limit of " +
                                     std::to_string(options_.max_document_bytes) + " bytes (--max-document-bytes); " +
                                     (finite ? "line skipped" : "line skipped and the rest of the input not read")));
        if (!finite) return Status();
        continue;
      }
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      Result<Document> doc = ParseJsonlDocument(line);
      if (!doc.ok() && LooksBinary(line)) {
        ++summary_.skipped;
        Problem(Status::InvalidInput(name + ":" + std::to_string(number) +
                                     ": binary data, not JSON Lines; the rest of the file skipped"));
        return Status();
      }
      if (!doc.ok()) {
        ++summary_.skipped;
        Problem(Status::InvalidInput(name + ":" + std::to_string(number) + ": " + doc.status().message() +
                                     "; line skipped"));
        continue;
      }
      const std::string where = name + ":" + std::to_string(number);
      if (auto [first, added] = first_seen_.try_emplace(doc.value().id, where); !added)
        Problem(Status::InvalidInput(where + ": id \"" + doc.value().id + "\" already given at " + first->second +
                                     "; this article replaces that one"));
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
  std::unordered_map<std::string, std::string> first_seen_;  // JSONL id -> file:line where it came
};

}  // namespace

bool IsArticleFile(const std::filesystem::path& name) {
  return HasExtension(name, ".txt") || IsJsonl(name) || IsWebPage(name);
}

Result<Document> ParseJsonlDocument(std::string_view line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidInput("not valid JSON (or not UTF-8)");
  if (!j.is_object()) return Status::InvalidInput("not a JSON object");
  Document doc;
  if (!j.contains("id")) return Status::InvalidInput("missing \"id\"");
  GEOKG_RETURN_IF_ERROR(TextField(j, "id", &doc.id));
  if (doc.id.empty()) return Status::InvalidInput("\"id\" is empty");
  auto text = j.find("text");
  auto html = j.find("html");
  if (text != j.end()) {
    if (!text->is_string()) return Status::InvalidInput("\"text\" is not a string");
    doc.text = text->get<std::string>();
  } else if (html != j.end()) {
    if (!html->is_string()) return Status::InvalidInput("\"html\" is not a string");
    // The page's own title, date, URL and source, unless the line gives them.
    auto page = PageDocument(html->get<std::string>(), PageBytes::kUtf8);
    if (!page.ok()) return page.status();
    page.value().id = std::move(doc.id);
    doc = std::move(page).value();
  } else {
    return Status::InvalidInput("missing \"text\" (or \"html\")");
  }
  GEOKG_RETURN_IF_ERROR(TextField(j, "title", &doc.title));
  std::string date;
  GEOKG_RETURN_IF_ERROR(TextField(j, "date", &date));
  GEOKG_RETURN_IF_ERROR(TextField(j, "source", &doc.source));
  GEOKG_RETURN_IF_ERROR(TextField(j, "url", &doc.url));
  if (!date.empty()) {
    auto day = CalendarDate(date);
    if (!day)
      return Status::InvalidInput("\"date\" is not a date (YYYY-MM-DD, RFC 3339 or RFC 2822): \"" + date + "\"");
    doc.date = *day;
  }
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
                                  const ReadOptions& options, const DocumentSink& sink, const ProblemSink& problems) {
  for (const std::string& input : inputs) GEOKG_RETURN_IF_ERROR(Reader::Exists(input));
  Reader reader(standard_input, options, sink, problems);
  for (const std::string& input : inputs) GEOKG_RETURN_IF_ERROR(reader.Input(input));
  return reader.summary();
}

}  // namespace geokg::extract
