// geokg-bench-parse -- measures what the syntax module costs and how well sentences are split:
//
//   geokg-bench-parse --news FILE.jsonl...   tokenise+tag+parse speed on the `text` fields,
//                                            streamed line by line (memory stays flat)
//   geokg-bench-parse --segment FILE.conllu  sentence-boundary precision/recall/F1 of Segment()
//                                            on the raw text (the `# text =` lines, joined per
//                                            paragraph) against the treebank's sentences
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "extract/conllu.h"
#include "extract/syntax.h"
#include "extract/tokenizer.h"
#include "tools/bench/thread_cpu.h"

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

int Bench(const std::vector<std::string>& files, const std::string& model_dir, size_t max_docs) {
  const auto load_start = Clock::now();
  auto model = model_dir.empty() ? geokg::extract::SyntaxModel::LoadDefault()
                                 : geokg::extract::SyntaxModel::LoadFiles(model_dir);
  if (!model.ok()) {
    std::cerr << "geokg-bench-parse: " << model.status().message() << '\n';
    return 1;
  }
  std::printf("model load: %.3f s\n", SecondsSince(load_start));
  size_t total_words = 0, total_bytes = 0;
  double total_seconds = 0, total_tokenize = 0, total_cpu = 0;
  for (const std::string& file : files) {
    std::ifstream in(file);
    if (!in) {
      std::cerr << "geokg-bench-parse: " << file << ": cannot open\n";
      return 1;
    }
    size_t docs = 0, words = 0, sentences = 0, bytes = 0, checksum = 0;
    double seconds = 0, tokenize_seconds = 0, cpu_seconds = 0;
    std::string line;
    while (docs < max_docs && std::getline(in, line)) {
      const auto j = nlohmann::json::parse(line, nullptr, false);
      if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) continue;
      const std::string text = j["text"].get<std::string>();
      ++docs;
      bytes += text.size();
      const auto t0 = Clock::now();
      const double cpu0 = geokg::bench::ThreadCpuSeconds();
      const auto segmented = geokg::extract::Segment(text);
      tokenize_seconds += SecondsSince(t0);
      for (const auto& s : segmented) {
        const auto parsed = model.value()->Analyze(s);
        words += parsed.words.size();
        for (const auto& w : parsed.words) checksum += static_cast<size_t>(w.head);
      }
      sentences += segmented.size();
      seconds += SecondsSince(t0);
      cpu_seconds += geokg::bench::ThreadCpuSeconds() - cpu0;
    }
    std::printf(
        "%s: %zu docs, %zu sentences, %zu words, %.1f MB in %.2f s (%.2f s CPU): %.0f words/s, "
        "%.0f words per CPU second (tokenise %.2f s) [checksum %zu]\n",
        file.c_str(), docs, sentences, words, bytes / 1e6, seconds, cpu_seconds, words / seconds, words / cpu_seconds,
        tokenize_seconds, checksum);
    total_words += words;
    total_bytes += bytes;
    total_seconds += seconds;
    total_tokenize += tokenize_seconds;
    total_cpu += cpu_seconds;
  }
  std::printf(
      "TOTAL: %zu words, %.1f MB on one thread: tokenise+tag+parse %.0f words/s wall-clock, "
      "%.0f words per CPU second (tokenise alone %.0f words/s)\n",
      total_words, total_bytes / 1e6, total_words / total_seconds, total_words / total_cpu,
      total_words / total_tokenize);
  return 0;
}

// Sentence boundaries as the byte offsets where sentences end in the joined paragraph text.
int SegmentF1(const std::string& file, bool show_errors) {
  std::ifstream in(file);
  if (!in) {
    std::cerr << "geokg-bench-parse: " << file << ": cannot open\n";
    return 1;
  }
  size_t gold_total = 0, system_total = 0, matched = 0;
  std::string paragraph;
  std::set<size_t> gold_ends;
  auto flush = [&] {
    if (paragraph.empty()) return;
    std::set<size_t> system_ends;
    for (const auto& s : geokg::extract::Segment(paragraph)) system_ends.insert(s.end);
    for (size_t e : system_ends) matched += gold_ends.count(e);
    if (show_errors) {
      auto context = [&](size_t e) { return paragraph.substr(e >= 40 ? e - 40 : 0, 80); };
      for (size_t e : gold_ends)
        if (!system_ends.count(e)) std::printf("missed: %s\n", context(e).c_str());
      for (size_t e : system_ends)
        if (!gold_ends.count(e)) std::printf("extra:  %s\n", context(e).c_str());
    }
    gold_total += gold_ends.size();
    system_total += system_ends.size();
    paragraph.clear();
    gold_ends.clear();
  };
  std::string line;
  const std::string kText = "# text = ";
  while (std::getline(in, line)) {
    if (line.rfind("# newdoc", 0) == 0 || line.rfind("# newpar", 0) == 0) flush();
    if (line.rfind(kText, 0) != 0) continue;
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += line.substr(kText.size());
    gold_ends.insert(paragraph.size());
  }
  flush();
  const double p = 100.0 * matched / std::max<size_t>(system_total, 1);
  const double r = 100.0 * matched / std::max<size_t>(gold_total, 1);
  std::printf("%s: gold %zu, system %zu, matched %zu sentence ends: P %.2f R %.2f F1 %.2f\n", file.c_str(), gold_total,
              system_total, matched, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0.0);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Benchmark tokenise+tag+parse speed and sentence segmentation."};
  std::vector<std::string> news, segment;
  std::string model_dir;
  size_t max_docs = static_cast<size_t>(-1);
  bool show_errors = false;
  app.add_option("--news", news, "JSON Lines files with a `text` field");
  app.add_option("--segment", segment, "CoNLL-U files to score Segment() on");
  app.add_option("--model", model_dir, "model directory (default: the built-in models)");
  app.add_option("--max-docs", max_docs, "documents per news file");
  app.add_flag("--show-errors", show_errors, "with --segment: print missed and extra sentence ends");
  CLI11_PARSE(app, argc, argv);
  for (const std::string& f : segment)
    if (int rc = SegmentF1(f, show_errors); rc != 0) return rc;
  if (!news.empty()) return Bench(news, model_dir, max_docs);
  return 0;
}
