// geokg entity: what the store knows an entity as, and how many facts it has.
#include "tools/cli/query_command.h"

namespace geokg::cli {
namespace {

class EntityCommand : public QueryCommand {
 protected:
  void DeclareOptions(CLI::App* app) override {
    app->add_option("name", name_, "any alias, code or canonical name, any case")->required();
  }

  Result<query::Answer> Answer(const query::Engine& engine) override {
    auto card = engine.Card(name_);
    if (!card.ok()) return card.status();
    return query::EntityAnswer(card.value());
  }

  std::string Nothing() const override { return "nothing known about " + name_; }

 private:
  std::string name_;
};

}  // namespace

std::unique_ptr<Command> MakeEntityCommand() { return std::make_unique<EntityCommand>(); }

}  // namespace geokg::cli
