// geokg met: who met or called whom.
#include "query/engine.h"
#include "query/output.h"
#include "tools/cli/command.h"

namespace geokg::cli {
namespace {

class MetCommand : public Command {
 public:
  void Declare(CLI::App* app) override {
    app->add_option("name", name_, "an entity (any alias, any case); without it, every pair");
    AddDbOption(app, &db_);
    app->add_option("--format", format_, "table or json")->check(CLI::IsMember({"table", "json"}))->default_val("table");
  }

  int Execute(const Io& io) override {
    auto store = OpenForReading(db_);
    if (!store.ok()) return Fail(io, store.status());
    query::Engine engine(*store.value());
    auto rows = engine.Met(name_.empty() ? std::nullopt : std::optional<std::string>(name_));
    if (!rows.ok()) return Fail(io, rows.status());
    if (format_ == "json") {
      query::WriteMetJson(rows.value(), io.out);
    } else if (rows.value().empty()) {
      io.err << "geokg: no meetings or calls" << (name_.empty() ? "" : " for " + name_) << " in "
             << DbPath(db_).string() << "\n";
    } else {
      query::WriteMetTable(rows.value(), io.out);
    }
    return 0;
  }

 private:
  std::string name_, db_, format_;
};

}  // namespace

std::unique_ptr<Command> MakeMetCommand() { return std::make_unique<MetCommand>(); }

}  // namespace geokg::cli
