// geokg communities: groups of actors, as connected components or by modularity.
#include "tools/cli/query_command.h"
#include "tools/cli/usage.h"

namespace geokg::cli {
namespace {

class CommunitiesCommand : public QueryCommand {
 protected:
  void DeclareOptions(CLI::App* app) override {
    app->add_option("--method", method_, "components (connected) or modularity (Louvain)")
        ->check(OneOf({"components", "modularity"}))
        ->default_val("modularity");
    app->add_option("--top", top_, "how many groups, largest first")->check(AtLeastOne())->default_val(20);
    app->add_option("--members", members_, "members listed per group, best connected first")
        ->check(AtLeastOne())
        ->default_val(10);
    AddFilterOptions(app, &flags_, kAllFilterOptions);
  }

  Result<query::Answer> Answer(const query::Engine& engine) override {
    auto filter = flags_.Build();
    if (!filter.ok()) return filter.status();
    auto groups = engine.Groups(method_ == "modularity", filter.value(), top_, members_);
    if (!groups.ok()) return groups.status();
    return query::GroupAnswer(groups.value());
  }

  std::string Nothing() const override { return "no facts to group"; }

 private:
  std::string method_ = "modularity";
  size_t top_ = 20, members_ = 10;
  FilterFlags flags_;
};

}  // namespace

std::unique_ptr<Command> MakeCommunitiesCommand() { return std::make_unique<CommunitiesCommand>(); }

}  // namespace geokg::cli
