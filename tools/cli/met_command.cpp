// geokg met: who met or called whom, when, where (when the text says) and on what evidence.
#include "tools/cli/query_command.h"

namespace geokg::cli {
namespace {

class MetCommand : public QueryCommand {
 protected:
  void DeclareOptions(CLI::App* app) override {
    app->add_option("name", name_, "an entity (any alias, any case); without it, every pair");
    AddFilterOptions(app, &flags_, kPeriodOption | kModalityOption | kConfidenceOption, "asserted,expected");
  }

  Result<query::Answer> Answer(const query::Engine& engine) override {
    auto filter = flags_.Build();
    if (!filter.ok()) return filter.status();
    auto rows = engine.Met(name_.empty() ? std::nullopt : std::optional<std::string>(name_), filter.value());
    if (!rows.ok()) return rows.status();
    return query::MetAnswer(rows.value());
  }

  std::string Nothing() const override { return "no meetings or calls" + (name_.empty() ? "" : " for " + name_); }

 private:
  std::string name_;
  FilterFlags flags_;
};

}  // namespace

std::unique_ptr<Command> MakeMetCommand() { return std::make_unique<MetCommand>(); }

}  // namespace geokg::cli
