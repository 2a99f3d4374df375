// tests/support/run_cli.h -- runs geokg commands in-process and in a fresh temporary directory.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tools/cli/cli.h"

namespace geokg::testing {

struct CliResult {
  int code = 0;
  std::string out;
  std::string err;
};

inline CliResult RunCli(const std::vector<std::string>& args, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out, err;
  const int code = cli::Run(args, in, out, err);
  return {code, out.str(), err.str()};
}

// A fresh directory, removed with everything in it when the object dies.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("geokg-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::string Fixture(const std::string& name) { return std::string(GEOKG_SOURCE_DIR) + "/tests/data/" + name; }

// The whole content of the file at `path` (empty when it cannot be read).
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The JSON value of each non-empty line of `text` (JSON Lines output).
inline std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  return out;
}

// The triples of `geokg extract` JSON Lines: every line but the document lines.
inline std::vector<nlohmann::json> Triples(const std::string& text) {
  std::vector<nlohmann::json> out;
  for (nlohmann::json& j : JsonLines(text))
    if (!j.contains("document")) out.push_back(std::move(j));
  return out;
}

// Whether `triples` (as Triples gives them) hold subject `s`, relation `r`, object `o`.
inline bool HasTriple(const std::vector<nlohmann::json>& triples, const std::string& s, const std::string& r,
                      const std::string& o) {
  for (const nlohmann::json& t : triples)
    if (t["subject"]["name"] == s && t["relation"] == r && t["object"]["name"] == o) return true;
  return false;
}

// Whether `text` contains `part`.
inline bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Writes `content` to `path`, replacing it.
inline void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

}  // namespace geokg::testing
