// geokg verify: checks every invariant of the store and its saved link view; each problem is
// one line on stdout.
#include "graph/printable.h"
#include "store/link_view.h"
#include "tools/cli/command.h"

namespace geokg::cli {
namespace {

class VerifyCommand : public Command {
 public:
  void Declare(CLI::App* app) override {
    AddDbOption(app, &db_);
    app->add_option("--max-problems", max_problems_, "problems to list")->capture_default_str();
  }

  int Execute(const Io& io) override {
    auto store = OpenForReading(db_);
    if (!store.ok()) return Fail(io, store.status());
    auto report = store.value()->Verify(max_problems_);
    if (!report.ok()) return Fail(io, report.status());
    store::VerifyReport& r = report.value();
    // The saved link view must agree with the indexes whenever it claims the store's state.
    auto view = store::VerifyLinkView(*store.value());
    if (!view.ok()) return Fail(io, view.status());
    r.problems_found += view.value().size();
    r.problems.insert(r.problems.end(), view.value().begin(), view.value().end());
    for (const std::string& problem : r.problems) io.out << Printable(problem) << "\n";
    const std::string counted = std::to_string(r.counted.documents) + " documents, " +
                                std::to_string(r.counted.entities) + " entities, " + std::to_string(r.counted.facts) +
                                " facts, " + std::to_string(r.counted.evidence) + " evidence rows";
    if (!r.ok())
      return Fail(io, Status::Corruption(DbPath(db_).string() + ": " + std::to_string(r.problems_found) +
                                         " problems found (" + counted + ")"));
    io.out << "ok: " << counted << "\n";
    return 0;
  }

 private:
  std::string db_;
  size_t max_problems_ = 100;
};

}  // namespace

std::unique_ptr<Command> MakeVerifyCommand() { return std::make_unique<VerifyCommand>(); }

}  // namespace geokg::cli
