// geokg query: every fact matching a triple pattern.
#include "tools/cli/query_command.h"

namespace geokg::cli {
namespace {

class TripleQueryCommand : public QueryCommand {
 protected:
  void DeclareOptions(CLI::App* app) override {
    app->add_option("--subject", subject_, "the subject (any alias, any case)");
    app->add_option("--object", object_, "the object (any alias, any case)");
    AddFilterOptions(app, &flags_, kAllFilterOptions);
  }

  Result<query::Answer> Answer(const query::Engine& engine) override {
    auto filter = flags_.Build();
    if (!filter.ok()) return filter.status();
    auto rows = engine.Query(Optional(subject_), Optional(object_), filter.value());
    if (!rows.ok()) return rows.status();
    return query::FactAnswer(rows.value());
  }

  std::string Nothing() const override { return "no facts match"; }

 private:
  static std::optional<std::string> Optional(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
  }
  std::string subject_, object_;
  FilterFlags flags_;
};

}  // namespace

std::unique_ptr<Command> MakeTripleQueryCommand() { return std::make_unique<TripleQueryCommand>(); }

}  // namespace geokg::cli
