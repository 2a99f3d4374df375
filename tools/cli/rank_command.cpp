// geokg rank: the most central actors of the (filtered) graph.
#include "tools/cli/query_command.h"
#include "tools/cli/usage.h"

namespace geokg::cli {
namespace {

class RankCommand : public QueryCommand {
 protected:
  void DeclareOptions(CLI::App* app) override {
    app->add_option("--by", by_, "degree, pagerank or betweenness (exact Brandes: slow on large graphs)")
        ->check(OneOf({"degree", "pagerank", "betweenness"}))
        ->default_val("pagerank");
    app->add_option("--top", top_, "how many entities")->check(AtLeastOne())->default_val(20);
    AddFilterOptions(app, &flags_, kAllFilterOptions);
  }

  Result<query::Answer> Answer(const query::Engine& engine) override {
    auto filter = flags_.Build();
    if (!filter.ok()) return filter.status();
    const query::Centrality by = by_ == "degree"     ? query::Centrality::kDegree
                                 : by_ == "pagerank" ? query::Centrality::kPageRank
                                                     : query::Centrality::kBetweenness;
    auto rows = engine.Rank(by, filter.value(), top_);
    if (!rows.ok()) return rows.status();
    return query::RankAnswer(rows.value(), by_);
  }

  std::string Nothing() const override { return "no facts to rank"; }

 private:
  std::string by_ = "pagerank";
  size_t top_ = 20;
  FilterFlags flags_;
};

}  // namespace

std::unique_ptr<Command> MakeRankCommand() { return std::make_unique<RankCommand>(); }

}  // namespace geokg::cli
