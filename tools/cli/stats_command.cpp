// geokg stats: what the store holds.
#include <nlohmann/json.hpp>

#include "tools/cli/command.h"
#include "tools/cli/usage.h"

namespace geokg::cli {
namespace {

class StatsCommand : public Command {
 public:
  void Declare(CLI::App* app) override {
    AddDbOption(app, &db_);
    app->add_option("--format", format_, "table or json")->check(OneOf({"table", "json"}))->default_val("table");
  }

  int Execute(const Io& io) override {
    auto store = OpenForReading(db_);
    if (!store.ok()) return Fail(io, store.status());
    auto stats = store.value()->Stats();
    if (!stats.ok()) return Fail(io, stats.status());
    const store::StoreStats& s = stats.value();
    if (format_ == "json") {
      io.out << nlohmann::json{{"documents", s.documents},
                               {"entities", s.entities},
                               {"facts", s.facts},
                               {"evidence", s.evidence}}
                    .dump(2)
             << "\n";
    } else {
      io.out << "store      " << DbPath(db_).string() << "\ndocuments  " << s.documents << "\nentities   " << s.entities
             << "\nfacts      " << s.facts << "\nevidence   " << s.evidence << "\n";
    }
    return 0;
  }

 private:
  std::string db_, format_;
};

}  // namespace

std::unique_ptr<Command> MakeStatsCommand() { return std::make_unique<StatsCommand>(); }

}  // namespace geokg::cli
