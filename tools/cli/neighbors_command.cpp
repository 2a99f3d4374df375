// geokg neighbors: the actors within a few hops of one entity.
#include "tools/cli/query_command.h"
#include "tools/cli/usage.h"

namespace geokg::cli {
namespace {

class NeighborsCommand : public QueryCommand {
 protected:
  void DeclareOptions(CLI::App* app) override {
    app->add_option("name", name_, "the entity (any alias, any case)")->required();
    app->add_option("--depth", depth_, "hops from the entity")->check(Between(1, 6))->default_val(1);
    AddFilterOptions(app, &flags_, kAllFilterOptions);
  }

  Result<query::Answer> Answer(const query::Engine& engine) override {
    auto filter = flags_.Build();
    if (!filter.ok()) return filter.status();
    auto rows = engine.Neighbors(name_, depth_, filter.value());
    if (!rows.ok()) return rows.status();
    return query::NeighborAnswer(rows.value());
  }

  std::string Nothing() const override { return "no neighbours of " + name_; }

 private:
  std::string name_;
  int depth_ = 1;
  FilterFlags flags_;
};

}  // namespace

std::unique_ptr<Command> MakeNeighborsCommand() { return std::make_unique<NeighborsCommand>(); }

}  // namespace geokg::cli
