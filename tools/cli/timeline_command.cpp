// geokg timeline: one entity's facts in date order.
#include "tools/cli/query_command.h"

namespace geokg::cli {
namespace {

class TimelineCommand : public QueryCommand {
 protected:
  void DeclareOptions(CLI::App* app) override {
    app->add_option("name", name_, "the entity (any alias, any case)")->required();
    AddFilterOptions(app, &flags_, kAllFilterOptions);
  }

  Result<query::Answer> Answer(const query::Engine& engine) override {
    auto filter = flags_.Build();
    if (!filter.ok()) return filter.status();
    auto rows = engine.Timeline(name_, filter.value());
    if (!rows.ok()) return rows.status();
    return query::FactAnswer(rows.value());
  }

  std::string Nothing() const override { return "no facts about " + name_; }

 private:
  std::string name_;
  FilterFlags flags_;
};

}  // namespace

std::unique_ptr<Command> MakeTimelineCommand() { return std::make_unique<TimelineCommand>(); }

}  // namespace geokg::cli
