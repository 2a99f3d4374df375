// geokg path: the shortest chains of facts between two entities, each hop with its evidence.
#include "tools/cli/query_command.h"
#include "tools/cli/usage.h"

namespace geokg::cli {
namespace {

class PathCommand : public QueryCommand {
 protected:
  void DeclareOptions(CLI::App* app) override {
    app->add_option("from", from_, "where the chain starts (any alias, any case)")->required();
    app->add_option("to", to_, "where it ends")->required();
    app->add_option("--max-depth", max_depth_, "longest chain looked for, in hops")
        ->check(Between(1, 10))
        ->default_val(4);
    app->add_option("--limit", limit_, "at most this many chains")->check(Between(1, 100))->default_val(3);
    AddFilterOptions(app, &flags_, kAllFilterOptions);
  }

  Result<query::Answer> Answer(const query::Engine& engine) override {
    auto filter = flags_.Build();
    if (!filter.ok()) return filter.status();
    auto paths = engine.Paths(from_, to_, filter.value(), max_depth_, limit_);
    if (!paths.ok()) return paths.status();
    return query::PathAnswer(paths.value());
  }

  std::string Nothing() const override {
    return "no chain of at most " + std::to_string(max_depth_) + " facts from " + from_ + " to " + to_;
  }

 private:
  std::string from_, to_;
  int max_depth_ = 4;
  size_t limit_ = 3;
  FilterFlags flags_;
};

}  // namespace

std::unique_ptr<Command> MakePathCommand() { return std::make_unique<PathCommand>(); }

}  // namespace geokg::cli
