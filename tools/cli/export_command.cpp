// geokg export: the graph, or the part around one entity, as a diagram (DOT, SVG, PNG, PDF)
// or as data for other tools (GraphML, Neo4j/pandas CSV, N-Triples, JSON Lines).
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>

#include "graph/dot_writer.h"
#include "graph/event_tables.h"
#include "graph/graph_writers.h"
#include "tools/cli/query_command.h"
#include "tools/cli/usage.h"

extern char** environ;

namespace geokg::cli {
namespace {
namespace fs = std::filesystem;

// Edges past which GraphViz takes long enough that the user should hear what is going on.
constexpr size_t kSlowToDraw = 500;

// Runs GraphViz `dot -T<format> dot_file -o out_file` directly (no shell).
Status RenderWithDot(const std::string& format, const fs::path& dot_file, const fs::path& out_file) {
  std::string type = "-T" + format, in = dot_file.string(), out = out_file.string();
  std::string program = "dot", flag = "-o";
  char* argv[] = {program.data(), type.data(), in.data(), flag.data(), out.data(), nullptr};
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "dot", nullptr, nullptr, argv, environ);
  if (spawned == ENOENT)
    return Status::NotFound("GraphViz 'dot' is not installed, so --format " + format +
                            " cannot be rendered: install graphviz, or export --format dot");
  if (spawned != 0) return Status::IOError(std::string("cannot run GraphViz 'dot': ") + std::strerror(spawned));
  int status = 0;
  if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status)) return Status::IOError("GraphViz 'dot' did not finish");
  if (WEXITSTATUS(status) == 127)
    return Status::NotFound("GraphViz 'dot' is not installed, so --format " + format +
                            " cannot be rendered: install graphviz, or export --format dot");
  if (WEXITSTATUS(status) != 0)
    return Status::IOError("GraphViz 'dot' failed on the diagram (exit " + std::to_string(WEXITSTATUS(status)) + ")");
  return Status();
}

class ExportCommand : public Command {
 public:
  void Declare(CLI::App* app) override {
    AddDbOption(app, &db_);
    app->add_option("--format", format_,
                    "dot, svg, png, pdf, graphml, csv, ntriples, jsonl, gdelt or kgtk (docs/FORMATS.md)")
        ->check(OneOf({"dot", "svg", "png", "pdf", "graphml", "csv", "ntriples", "jsonl", "gdelt", "kgtk"}))
        ->required();
    app->add_option("-o,--output", output_, "output file (a directory for csv; default: standard output)");
    app->add_option("--entity", entity_, "only the facts around this entity (any alias)");
    app->add_option("--depth", depth_, "hops around --entity")->check(Between(0, 10))->default_val(1);
    AddFilterOptions(app, &flags_, kAllFilterOptions);
    app->add_flag("--edge-per-fact", dot_.edge_per_fact,
                  "diagrams: one edge per fact, instead of one per pair and direction labelled with its relations");
    app->add_flag("--role-edges", dot_.role_edges,
                  "diagrams: draw leads/official_of as edges, instead of a person's current office in their node");
    app->add_option("--max-edges", dot_.max_edges, "diagrams: keep only the N most mentioned edges")
        ->check(AtLeastOne());
  }

  int Execute(const Io& io) override {
    auto filter = flags_.Build();
    if (!filter.ok()) return Fail(io, filter.status());
    if (format_ == "csv" && (output_.empty() || output_ == "-"))
      return Fail(io, Status::InvalidInput("--format csv writes six files: give a directory with -o"));
    auto store = OpenForReading(db_);
    if (!store.ok()) return Fail(io, store.status());
    const query::Engine engine(*store.value());
    const bool cites = format_ != "dot" && format_ != "svg" && format_ != "png" && format_ != "pdf";
    auto graph = engine.Subgraph(entity_.empty() ? std::nullopt : std::optional<std::string>(entity_), depth_,
                                 filter.value(), cites);
    if (!graph.ok()) return Fail(io, graph.status());
    if (boost::num_vertices(graph.value()) == 0)
      io.err << "geokg: no facts selected in " << DbPath(db_).string() << "; writing an empty " << format_ << "\n";
    const Graph& g = graph.value();
    if (format_ == "gdelt") {
      // Offices come from the whole store, so a selection without leads/official_of facts still
      // codes a leader by country.
      query::FactFilter offices;
      offices.relations = {Relation::kLeads, Relation::kOfficialOf};
      offices.modalities = {Modality::kAsserted};
      auto roles = engine.Subgraph(std::nullopt, 0, offices, false);
      if (!roles.ok()) return Fail(io, roles.status());
      roles_ = CountriesByRole(FactsOf(roles.value()));
    }
    if (format_ == "csv") return WriteCsv(io, g);
    if (format_ == "svg" || format_ == "png" || format_ == "pdf") return Render(io, g, filter.value());
    return WriteOutput(io, output_, [&](std::ostream& out) {
      if (format_ == "dot")
        WarnIfLarge(io, WriteDot(g, Title(filter.value()), out, dot_));
      else if (format_ == "graphml")
        WriteGraphMl(g, out);
      else if (format_ == "ntriples")
        WriteNTriples(g, out);
      else if (format_ == "gdelt" || format_ == "kgtk")
        WriteEventTable(g, out);
      else
        query::WriteGraphJsonl(g, out);
    });
  }

 private:
  // A diagram of thousands of edges takes GraphViz minutes and nobody can read it: say so, and
  // what makes a readable one.
  void WarnIfLarge(const Io& io, const DotSummary& summary) const {
    // GraphViz took 1 s on 300 edges of the WCEP store, 9 s on 600 and 98 s on 1000.
    constexpr size_t kReadable = 1000;
    if (summary.drawn <= kReadable) return;
    io.err << "geokg: the diagram has " << summary.drawn
           << " edges, too many to read (and GraphViz takes minutes on it); choose fewer with --entity NAME --depth 1, "
              "--min-mentions 3, --relation, --since, or --max-edges N"
           << std::endl;
  }

  std::string Title(const query::FactFilter& filter) const {
    std::string title =
        entity_.empty() ? "geokg: all facts" : "geokg: " + entity_ + ", depth " + std::to_string(depth_);
    const std::string selection = filter.Describe();
    return selection.empty() ? title : title + "; " + selection;
  }

  void WriteEventTable(const Graph& g, std::ostream& out) const {
    const std::vector<CitedFact> facts = FactsOf(g);
    if (format_ == "kgtk") {
      KgtkWriter(out).Write(facts);
      return;
    }
    WriteGdeltHeader(out);
    WriteGdeltRows(facts, roles_, out);
  }

  int WriteCsv(const Io& io, const Graph& g) const {
    std::error_code ec;
    fs::create_directories(output_, ec);
    if (ec) return Fail(io, Status::IOError(output_ + ": cannot create directory: " + ec.message()));
    const fs::path dir(output_);
    const std::pair<const char*, void (*)(const Graph&, std::ostream&)> files[] = {
        {"neo4j-nodes.csv", WriteNeo4jNodes},
        {"neo4j-relationships.csv", WriteNeo4jRelationships},
        {"neo4j-documents.csv", WriteNeo4jDocuments},
        {"neo4j-evidence.csv", WriteNeo4jEvidence},
        {"nodes.csv", WritePlainNodes},
        {"edges.csv", WritePlainEdges}};
    for (const auto& file : files) {
      const auto write = file.second;  // a plain variable: clang 14 cannot capture a structured binding
      if (int code = WriteOutput(io, (dir / file.first).string(), [&](std::ostream& out) { write(g, out); }); code != 0)
        return code;
    }
    return 0;
  }

  int Render(const Io& io, const Graph& g, const query::FactFilter& filter) const {
    const fs::path base = output_.empty() || output_ == "-"
                              ? fs::temp_directory_path() / ("geokg-export-" + std::to_string(getpid()))
                              : fs::path(output_);
    auto dot_temp = CreateTempBeside(base.string() + ".dot");
    if (!dot_temp.ok()) return Fail(io, dot_temp.status());
    auto rendered_temp = CreateTempBeside(base);
    std::error_code ec;
    if (!rendered_temp.ok()) {
      fs::remove(dot_temp.value(), ec);
      return Fail(io, rendered_temp.status());
    }
    const fs::path dot_file = dot_temp.value(), rendered = rendered_temp.value();
    DotSummary summary;
    {
      std::ofstream file(dot_file, std::ios::binary);
      if (!file) return Fail(io, Status::IOError(dot_file.string() + ": cannot write file"));
      summary = WriteDot(g, Title(filter), file, dot_);
    }
    WarnIfLarge(io, summary);
    const auto start = std::chrono::steady_clock::now();
    if (summary.drawn > kSlowToDraw)
      io.err << "geokg: laying out " << summary.drawn << " edges with GraphViz dot..." << std::endl;
    const Status s = RenderWithDot(format_, dot_file, rendered);
    if (summary.drawn > kSlowToDraw && s.ok())
      io.err << "geokg: laid out in "
             << static_cast<long>(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count())
             << " s" << std::endl;
    fs::remove(dot_file, ec);
    if (!s.ok()) {
      fs::remove(rendered, ec);
      return Fail(io, s);
    }
    if (output_.empty() || output_ == "-") {
      std::ifstream in(rendered, std::ios::binary);
      io.out << in.rdbuf();
      io.out.flush();
      fs::remove(rendered, ec);
      return 0;
    }
    fs::rename(rendered, output_, ec);
    if (ec) return Fail(io, Status::IOError(output_ + ": cannot write file: " + ec.message()));
    return 0;
  }

  std::string db_, format_, output_, entity_;
  int depth_ = 1;
  FilterFlags flags_;
  DotOptions dot_;
  RoleCountries roles_;  // gdelt: the country each actor holds office in
};

}  // namespace

std::unique_ptr<Command> MakeExportCommand() { return std::make_unique<ExportCommand>(); }

}  // namespace geokg::cli
