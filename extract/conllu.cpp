#include "extract/conllu.h"

#include <charconv>
#include <fstream>
#include <istream>
#include <ostream>

#include <nlohmann/json.hpp>

namespace geokg::extract {
namespace {

bool IsWordId(std::string_view id) {
  return !id.empty() && id.find_first_not_of("0123456789") == std::string_view::npos;
}

// Splits a line at tabs into exactly 10 columns; false when the count differs.
bool SplitColumns(std::string_view line, std::array<std::string, 10>& cols) {
  size_t col = 0, start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] != '\t') continue;
    if (col == 10) return false;
    cols[col++].assign(line.substr(start, i - start));
    start = i + 1;
  }
  return col == 10;
}

std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

}  // namespace

ConlluReader::ConlluReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}

Status ConlluReader::Error(const std::string& what) const {
  return Status::InvalidInput(name_ + ":" + std::to_string(line_) + ": " + what);
}

Result<bool> ConlluReader::Next(ConlluSentence& out) {
  out.comments.clear();
  out.rows.clear();
  out.words.clear();
  out.line = 0;
  std::string line;
  while (std::getline(in_, line)) {
    ++line_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (out.comments.empty() && out.rows.empty()) continue;
      break;
    }
    if (out.line == 0) out.line = line_;
    if (line[0] == '#') {
      if (!out.rows.empty()) return Error("comment line inside a sentence");
      out.comments.push_back(line);
      continue;
    }
    std::array<std::string, 10> cols;
    if (!SplitColumns(line, cols)) return Error("expected 10 tab-separated columns");
    if (IsWordId(cols[kId])) {
      size_t id = 0;
      std::from_chars(cols[kId].data(), cols[kId].data() + cols[kId].size(), id);
      if (id != out.words.size() + 1)
        return Error("word id " + cols[kId] + " out of sequence (expected " + std::to_string(out.words.size() + 1) +
                     ")");
      out.words.push_back(static_cast<uint32_t>(out.rows.size()));
    } else if (cols[kId].find_first_of("-.") == std::string::npos) {
      return Error("bad id '" + cols[kId] + "'");
    }
    out.rows.push_back(std::move(cols));
  }
  if (in_.bad()) return Status::IOError(name_ + ": read error");
  if (!out.rows.empty() && out.words.empty()) return Error("sentence without words");
  return !out.rows.empty() || !out.comments.empty();
}

Result<std::vector<ConlluSentence>> ReadConlluFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path.string() + ": cannot open the CoNLL-U file");
  ConlluReader reader(in, path.string());
  std::vector<ConlluSentence> sentences;
  ConlluSentence s;
  while (true) {
    Result<bool> more = reader.Next(s);
    if (!more.ok()) return more.status();
    if (!more.value()) break;
    if (!s.words.empty()) sentences.push_back(std::move(s));
  }
  return sentences;
}

void WriteConllu(const ConlluSentence& sentence, std::ostream& out) {
  for (const std::string& c : sentence.comments) out << c << '\n';
  for (const auto& row : sentence.rows) {
    for (int c = 0; c < 10; ++c) out << row[c] << (c == 9 ? '\n' : '\t');
  }
  out << '\n';
}

Sentence GoldTokens(const ConlluSentence& sentence, std::string& text) {
  text.clear();
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  for (size_t i = 0; i < sentence.words.size(); ++i) {
    if (i > 0) text += ' ';
    const std::string& form = sentence.Word(i, kForm);
    spans.emplace_back(static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size() + form.size()));
    text += form;
  }
  Sentence s;
  s.begin = 0;
  s.end = static_cast<uint32_t>(text.size());
  for (const auto& [b, e] : spans) s.tokens.push_back({std::string_view(text).substr(b, e - b), b, e, true});
  return s;
}

void ApplyParse(const ParsedSentence& parsed, ConlluSentence& sentence) {
  for (size_t i = 0; i < sentence.words.size() && i < parsed.words.size(); ++i) {
    auto& row = sentence.rows[sentence.words[i]];
    const Word& w = parsed.words[i];
    row[kLemma] = w.lemma;
    row[kUpos] = w.upos;
    row[kXpos] = w.xpos;
    row[kHead] = std::to_string(w.head);
    row[kDeprel] = w.deprel;
  }
}

void WriteJsonl(const ParsedSentence& parsed, std::string_view text, uint64_t offset, std::ostream& out) {
  nlohmann::json tokens = nlohmann::json::array();
  for (size_t i = 0; i < parsed.words.size(); ++i) {
    const Word& w = parsed.words[i];
    tokens.push_back({{"id", i + 1},
                      {"form", w.form},
                      {"begin", offset + w.begin},
                      {"end", offset + w.end},
                      {"upos", w.upos},
                      {"xpos", w.xpos},
                      {"lemma", w.lemma},
                      {"head", w.head},
                      {"deprel", w.deprel}});
  }
  const nlohmann::json j = {
      {"text", text}, {"begin", offset + parsed.begin}, {"end", offset + parsed.end}, {"tokens", std::move(tokens)}};
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

namespace {

// Appends `n` in decimal.
template <class Integer>
void AppendNumber(Integer n, std::string& out) {
  char digits[20];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

// Text input: each paragraph (lines up to a blank line) is segmented and analysed on its own.
// CoNLL-U is written straight into `buffer`, one write per sentence, not a ConlluSentence of
// ten strings per word through the stream: formatting cost as much as tagging.
void ParseParagraph(std::string_view paragraph, uint64_t offset, OutputFormat format, const SyntaxModel& model,
                    uint64_t& sentence_number, std::string& buffer, std::ostream& out) {
  for (const Sentence& s : Segment(paragraph)) {
    ParsedSentence parsed = model.Analyze(s);
    // The forms as written: the tokenizer lower-cases a function word that old wire copy
    // capitalised ("the U.S. And Japan") for the models, not for the reader.
    for (Word& w : parsed.words) w.form = paragraph.substr(w.begin, w.end - w.begin);
    const std::string_view text = paragraph.substr(s.begin, s.end - s.begin);
    ++sentence_number;
    if (format == OutputFormat::kJsonl) {
      WriteJsonl(parsed, text, offset, out);
      continue;
    }
    buffer.assign("# sent_id = ");
    AppendNumber(sentence_number, buffer);
    buffer += "\n# text = ";
    buffer += OneLine(text);
    buffer += '\n';
    for (size_t i = 0; i < parsed.words.size(); ++i) {
      const Word& w = parsed.words[i];
      AppendNumber(i + 1, buffer);
      for (std::string_view column : {w.form, std::string_view(w.lemma), w.upos, w.xpos, std::string_view("_")}) {
        buffer += '\t';
        buffer += column;
      }
      buffer += '\t';
      AppendNumber(w.head, buffer);
      for (std::string_view column :
           {w.deprel, std::string_view("_"), std::string_view(s.tokens[i].space_after ? "_" : "SpaceAfter=No")}) {
        buffer += '\t';
        buffer += column;
      }
      buffer += '\n';
    }
    buffer += '\n';
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  }
}

Status ParseText(std::istream& in, std::string_view input_name, OutputFormat format, const SyntaxModel& model,
                 std::ostream& out) {
  std::string paragraph, line, buffer;
  uint64_t offset = 0, paragraph_offset = 0, sentence_number = 0;
  auto flush = [&] {
    if (paragraph.find_first_not_of(" \t\r\n") != std::string::npos)
      ParseParagraph(paragraph, paragraph_offset, format, model, sentence_number, buffer, out);
    paragraph.clear();
  };
  while (std::getline(in, line)) {
    const bool had_newline = !in.eof();
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      flush();
      paragraph_offset = offset + line.size() + had_newline;
    } else {
      paragraph += line;
      if (had_newline) paragraph += '\n';
    }
    offset += line.size() + had_newline;
  }
  if (in.bad()) return Status::IOError(std::string(input_name) + ": read error");
  flush();
  return out ? Status() : Status::IOError("cannot write the output");
}

Status ParseConllu(std::istream& in, std::string_view input_name, OutputFormat format, const SyntaxModel& model,
                   std::ostream& out) {
  ConlluReader reader(in, std::string(input_name));
  ConlluSentence s;
  std::string text;
  while (true) {
    Result<bool> more = reader.Next(s);
    if (!more.ok()) return more.status();
    if (!more.value()) break;
    if (s.words.empty()) {  // comments only, e.g. at the end of a file
      WriteConllu(s, out);
      continue;
    }
    const ParsedSentence parsed = model.Analyze(GoldTokens(s, text));
    if (format == OutputFormat::kJsonl) {
      WriteJsonl(parsed, text, 0, out);
    } else {
      ApplyParse(parsed, s);
      WriteConllu(s, out);
    }
  }
  return out ? Status() : Status::IOError("cannot write the output");
}

}  // namespace

Status ParseStream(std::istream& in, std::string_view input_name, InputFormat input_format, OutputFormat output_format,
                   const SyntaxModel& model, std::ostream& out) {
  return input_format == InputFormat::kText ? ParseText(in, input_name, output_format, model, out)
                                            : ParseConllu(in, input_name, output_format, model, out);
}

}  // namespace geokg::extract
