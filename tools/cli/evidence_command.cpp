// geokg evidence: every sentence and article behind one fact.
#include "tools/cli/query_command.h"

namespace geokg::cli {
namespace {

class EvidenceCommand : public QueryCommand {
 protected:
  void DeclareOptions(CLI::App* app) override {
    app->add_option("fact", fact_, "the fact id (the 'fact' field of any answer)")->required();
  }

  Result<query::Answer> Answer(const query::Engine& engine) override {
    auto answer = engine.EvidenceFor(fact_);
    if (!answer.ok()) return answer.status();
    return query::EvidenceRows(answer.value());
  }

  std::string Nothing() const override { return "no sentences behind fact " + std::to_string(fact_); }

 private:
  store::FactId fact_ = 0;
};

}  // namespace

std::unique_ptr<Command> MakeEvidenceCommand() { return std::make_unique<EvidenceCommand>(); }

}  // namespace geokg::cli
