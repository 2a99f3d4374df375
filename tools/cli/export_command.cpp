// geokg export: the graph, or the part around one entity, as a diagram or data.
#include "graph/dot_writer.h"
#include "query/engine.h"
#include "query/output.h"
#include "tools/cli/command.h"

namespace geokg::cli {
namespace {

class ExportCommand : public Command {
 public:
  void Declare(CLI::App* app) override {
    AddDbOption(app, &db_);
    app->add_option("--format", format_, "dot (GraphViz) or jsonl")->check(CLI::IsMember({"dot", "jsonl"}))->required();
    app->add_option("-o,--output", output_, "output file (default: standard output)");
    app->add_option("--entity", entity_, "only the facts around this entity");
    app->add_option("--depth", depth_, "hops around --entity")->check(CLI::Range(0, 10))->default_val(1);
  }

  int Execute(const Io& io) override {
    auto store = OpenForReading(db_);
    if (!store.ok()) return Fail(io, store.status());
    query::Engine engine(*store.value());
    auto graph = engine.Subgraph(entity_.empty() ? std::nullopt : std::optional<std::string>(entity_), depth_, {}, false);
    if (!graph.ok()) return Fail(io, graph.status());
    const std::string title =
        entity_.empty() ? "geokg: all facts" : "geokg: " + entity_ + ", depth " + std::to_string(depth_);
    return WriteOutput(io, output_, [&](std::ostream& out) {
      if (format_ == "dot") {
        WriteDot(graph.value(), title, out);
      } else {
        query::WriteGraphJsonl(graph.value(), out);
      }
    });
  }

 private:
  std::string db_, format_, output_, entity_;
  int depth_ = 1;
};

}  // namespace

std::unique_ptr<Command> MakeExportCommand() { return std::make_unique<ExportCommand>(); }

}  // namespace geokg::cli
