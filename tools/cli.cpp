#include "tools/cli.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <CLI/CLI.hpp>

#include "extract/document_reader.h"
#include "extract/extractor.h"
#include "graph/dot_writer.h"
#include "graph/triple_format.h"
#include "query/engine.h"
#include "query/output.h"
#include "store/store.h"

namespace geokg::cli {
namespace fs = std::filesystem;

namespace {

constexpr const char* kVersion = "geokg 0.1.0";

struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

// Options every command may take; each command declares the ones it uses.
struct Common {
  std::string db;
  std::string format;
  std::string output;
  std::vector<std::string> inputs;
  std::vector<std::string> lexicons;
  std::string date;
};

fs::path DbPath(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("GEOKG_DB"); env != nullptr && *env != '\0') return env;
  return "geokg.db";
}

int Fail(const Io& io, const Status& s) {
  io.err << "geokg: " << s.message() << "\n";
  return 1;
}

// Writes to `path` through a temporary file renamed into place, so that a failed run leaves no
// half-written output; "-" or empty writes to `out`.
template <class Write>
int WriteOutput(const Io& io, const std::string& path, Write&& write) {
  if (path.empty() || path == "-") {
    write(io.out);
    io.out.flush();
    return 0;
  }
  const fs::path target(path);
  const fs::path temp = target.string() + ".tmp";
  {
    std::ofstream file(temp, std::ios::binary);
    if (!file) return Fail(io, Status::IOError(path + ": cannot write file"));
    write(file);
    file.flush();
    if (!file) {
      std::error_code ec;
      fs::remove(temp, ec);
      return Fail(io, Status::IOError(path + ": write failed"));
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) return Fail(io, Status::IOError(path + ": cannot write file: " + ec.message()));
  return 0;
}

Result<std::unique_ptr<extract::Extractor>> MakeExtractor(const Common& c) {
  extract::ExtractorOptions options;
  for (const std::string& l : c.lexicons) options.lexicons.emplace_back(l);
  return extract::Extractor::Create(options);
}

// Reads the inputs (stdin when none), reporting problems on stderr; `problems` counts them.
Result<extract::ReadSummary> ReadInputs(const Io& io, const Common& c, const extract::DocumentSink& sink, size_t* problems) {
  std::vector<std::string> inputs = c.inputs.empty() ? std::vector<std::string>{"-"} : c.inputs;
  return extract::ReadDocuments(inputs, io.in, c.date, sink, [&](const Status& s) {
    ++*problems;
    io.err << "geokg: " << s.message() << "\n";
  });
}

int RunExtract(const Io& io, const Common& c) {
  auto extractor = MakeExtractor(c);
  if (!extractor.ok()) return Fail(io, extractor.status());
  size_t problems = 0;
  const bool tsv = c.format == "tsv";
  if (tsv) io.out << TsvHeader() << "\n";
  auto summary = ReadInputs(io, c, [&](Document&& doc) {
    for (const Triple& t : extractor.value()->Extract(doc))
      io.out << (tsv ? TripleToTsv(t) : TripleToJson(t).dump()) << "\n";
    if (!io.out) return Status::IOError("standard output closed");
    return Status();
  }, &problems);
  io.out.flush();
  if (!summary.ok()) return summary.status().message() == "standard output closed" ? 0 : Fail(io, summary.status());
  return summary.value().skipped > 0 ? 1 : 0;
}

int RunIngest(const Io& io, const Common& c) {
  auto extractor = MakeExtractor(c);
  if (!extractor.ok()) return Fail(io, extractor.status());
  auto store = store::Store::Open(DbPath(c.db), {});
  if (!store.ok()) return Fail(io, store.status());
  size_t problems = 0, added = 0, unchanged = 0, replaced = 0, triples = 0;
  auto summary = ReadInputs(io, c, [&](Document&& doc) -> Status {
    const std::vector<Triple> extracted = extractor.value()->Extract(doc);
    auto outcome = store.value()->PutDocument(doc, extracted);
    if (!outcome.ok()) return outcome.status();
    switch (outcome.value()) {
      case store::PutOutcome::kNew: ++added; break;
      case store::PutOutcome::kUnchanged: ++unchanged; break;
      case store::PutOutcome::kReplaced: ++replaced; break;
    }
    if (outcome.value() != store::PutOutcome::kUnchanged) triples += extracted.size();
    return Status();
  }, &problems);
  if (!summary.ok()) return Fail(io, summary.status());
  io.err << "geokg: ingested " << summary.value().documents << " documents into " << DbPath(c.db).string() << " ("
         << added << " new, " << unchanged << " unchanged, " << replaced << " replaced, " << summary.value().skipped
         << " skipped); " << triples << " triples\n";
  return summary.value().skipped > 0 ? 1 : 0;
}

Result<std::unique_ptr<store::Store>> OpenForReading(const Common& c) {
  return store::Store::Open(DbPath(c.db), {.read_only = true});
}

int RunMet(const Io& io, const Common& c, const std::string& name) {
  auto store = OpenForReading(c);
  if (!store.ok()) return Fail(io, store.status());
  query::Engine engine(*store.value());
  auto rows = engine.Met(name.empty() ? std::nullopt : std::optional<std::string>(name));
  if (!rows.ok()) return Fail(io, rows.status());
  if (c.format == "json") {
    query::WriteMetJson(rows.value(), io.out);
  } else if (rows.value().empty()) {
    io.err << "geokg: no meetings or calls" << (name.empty() ? "" : " for " + name) << " in " << DbPath(c.db).string() << "\n";
  } else {
    query::WriteMetTable(rows.value(), io.out);
  }
  return 0;
}

int RunExport(const Io& io, const Common& c, const std::string& entity, int depth) {
  auto store = OpenForReading(c);
  if (!store.ok()) return Fail(io, store.status());
  query::Engine engine(*store.value());
  auto graph = engine.Subgraph(entity.empty() ? std::nullopt : std::optional<std::string>(entity), depth);
  if (!graph.ok()) return Fail(io, graph.status());
  const std::string title = entity.empty() ? "geokg: all facts" : "geokg: " + entity + ", depth " + std::to_string(depth);
  return WriteOutput(io, c.output, [&](std::ostream& out) {
    if (c.format == "dot") {
      WriteDot(graph.value(), title, out);
    } else {
      query::WriteGraphJsonl(graph.value(), out);
    }
  });
}

int RunStats(const Io& io, const Common& c) {
  auto store = OpenForReading(c);
  if (!store.ok()) return Fail(io, store.status());
  auto stats = store.value()->Stats();
  if (!stats.ok()) return Fail(io, stats.status());
  if (c.format == "json") {
    io.out << nlohmann::json{{"documents", stats.value().documents}, {"entities", stats.value().entities},
                             {"facts", stats.value().facts}, {"evidence", stats.value().evidence}}
                  .dump(2)
           << "\n";
  } else {
    io.out << "store      " << DbPath(c.db).string() << "\ndocuments  " << stats.value().documents << "\nentities   "
           << stats.value().entities << "\nfacts      " << stats.value().facts << "\nevidence   "
           << stats.value().evidence << "\n";
  }
  return 0;
}

void AddDb(CLI::App* cmd, Common* c) {
  cmd->add_option("--db", c->db, "store directory (default: $GEOKG_DB, else ./geokg.db)");
}

void AddExtractOptions(CLI::App* cmd, Common* c) {
  cmd->add_option("inputs", c->inputs, "articles: .txt, .jsonl, directories, or - for standard input (default)");
  cmd->add_option("--date", c->date, "date (YYYY-MM-DD) for articles that carry none; resolves 'on Sunday'")
      ->check([](const std::string& v) {
        return extract::ParseJsonlDocument(R"({"id":"x","text":"","date":")" + v + "\"}").ok()
                   ? std::string()
                   : "not a date (YYYY-MM-DD): " + v;
      });
  cmd->add_option("--lexicon", c->lexicons, "extra gazetteer file (docs/LEXICON.md); may repeat")->check(CLI::ExistingFile);
}

}  // namespace

int Run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  const Io io{in, out, err};
  CLI::App app{"geokg: a knowledge graph of geopolitical relations from news articles", "geokg"};
  app.set_version_flag("--version", kVersion);
  app.require_subcommand(1);
  app.footer(
      "Example:\n  geokg ingest examples/ && geokg met \"Xi Jinping\" && geokg export --format dot -o graph.dot\n\n"
      "Exit codes: 0 success, 1 the command failed, 2 usage error. 'geokg COMMAND --help' for details.");
  Common c;
  std::string name, entity;
  int depth = 1;

  CLI::App* extract = app.add_subcommand("extract", "extract triples from articles and print them (no store needed)");
  AddExtractOptions(extract, &c);
  extract->add_option("--format", c.format, "jsonl or tsv")->check(CLI::IsMember({"jsonl", "tsv"}))->default_val("jsonl");

  CLI::App* ingest = app.add_subcommand("ingest", "extract triples from articles and store them");
  AddExtractOptions(ingest, &c);
  AddDb(ingest, &c);

  CLI::App* met = app.add_subcommand("met", "who met or called whom, with modality, date and sentence count");
  met->add_option("name", name, "an entity (any alias, any case); without it, every pair");
  AddDb(met, &c);
  met->add_option("--format", c.format, "table or json")->check(CLI::IsMember({"table", "json"}))->default_val("table");

  CLI::App* exp = app.add_subcommand("export", "write the graph, or the part around one entity");
  AddDb(exp, &c);
  exp->add_option("--format", c.format, "dot (GraphViz) or jsonl")->check(CLI::IsMember({"dot", "jsonl"}))->required();
  exp->add_option("-o,--output", c.output, "output file (default: standard output)");
  exp->add_option("--entity", entity, "only the facts around this entity");
  exp->add_option("--depth", depth, "hops around --entity")->check(CLI::Range(0, 10))->default_val(1);

  CLI::App* stats = app.add_subcommand("stats", "count what the store holds");
  AddDb(stats, &c);
  stats->add_option("--format", c.format, "table or json")->check(CLI::IsMember({"table", "json"}))->default_val("table");

  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    out << kVersion << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    // Help for a subcommand arrives as CallForHelp thrown from it; show that subcommand's help.
    err << "geokg: " << e.what() << "\n";
    const auto used = app.get_subcommands();
    err << (used.empty() ? app.help() : used.front()->help());
    return 2;
  }
  if (extract->parsed()) return RunExtract(io, c);
  if (ingest->parsed()) return RunIngest(io, c);
  if (met->parsed()) return RunMet(io, c, name);
  if (exp->parsed()) return RunExport(io, c, entity, depth);
  if (stats->parsed()) return RunStats(io, c);
  return 2;
}

}  // namespace geokg::cli
