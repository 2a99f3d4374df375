// geokg repair: recovers a store whose write-ahead log is damaged, keeping every article written
// before the damage, and checks the result.
#include "tools/cli/command.h"

namespace geokg::cli {
namespace {

class RepairCommand : public Command {
 public:
  void Declare(CLI::App* app) override { AddDbOption(app, &db_); }

  int Execute(const Io& io) override {
    const std::filesystem::path path = DbPath(db_);
    auto repaired = store::Store::Repair(path);
    if (!repaired.ok()) return Fail(io, repaired.status());
    auto store = OpenForReading(db_);
    if (!store.ok()) return Fail(io, store.status());
    auto report = store.value()->Verify(1);
    if (!report.ok()) return Fail(io, report.status());
    if (!report.value().ok())
      return Fail(io, Status::Corruption(path.string() + ": repaired, but verify still finds " +
                                         std::to_string(report.value().problems_found) +
                                         " problems, the first: " + report.value().problems.front()));
    const store::Store::RepairReport& r = repaired.value();
    io.err << "geokg: repaired " << path.string() << ": " << r.documents << " documents kept, " << r.dropped
           << " dropped with the damaged part of the log; verify ok"
           << (r.dropped > 0 ? "; ingest the same inputs again to add the dropped ones back" : "") << "\n";
    return 0;
  }

 private:
  std::string db_;
};

}  // namespace

std::unique_ptr<Command> MakeRepairCommand() { return std::make_unique<RepairCommand>(); }

}  // namespace geokg::cli
