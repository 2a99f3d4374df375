#include "tools/cli/command.h"

namespace geokg::cli {

std::unique_ptr<Command> MakeExtractCommand();
std::unique_ptr<Command> MakeIngestCommand();
std::unique_ptr<Command> MakeLoadCommand();
std::unique_ptr<Command> MakeMetCommand();
std::unique_ptr<Command> MakeTripleQueryCommand();
std::unique_ptr<Command> MakeNeighborsCommand();
std::unique_ptr<Command> MakePathCommand();
std::unique_ptr<Command> MakeTimelineCommand();
std::unique_ptr<Command> MakeRankCommand();
std::unique_ptr<Command> MakeCommunitiesCommand();
std::unique_ptr<Command> MakeEvidenceCommand();
std::unique_ptr<Command> MakeEntityCommand();
std::unique_ptr<Command> MakeExportCommand();
std::unique_ptr<Command> MakeStatsCommand();
std::unique_ptr<Command> MakeDeleteCommand();
std::unique_ptr<Command> MakeMergeCommand();
std::unique_ptr<Command> MakeVerifyCommand();
std::unique_ptr<Command> MakeRepairCommand();
std::unique_ptr<Command> MakeParseCommand();

namespace {
// One line per command; `geokg --help` lists them in this order.
constexpr CommandSpec kCommands[] = {
    {"extract", "extract triples from articles and print them (no store needed)", MakeExtractCommand},
    {"ingest", "extract triples from articles and store them", MakeIngestCommand},
    {"load", "store the output of `geokg extract` without extracting again", MakeLoadCommand},
    {"met", "who met or called whom, with modality, date and sentence count", MakeMetCommand},
    {"query", "facts matching a triple pattern: --subject, --relation, --object, dates", MakeTripleQueryCommand},
    {"neighbors", "the actors within --depth hops of an entity", MakeNeighborsCommand},
    {"path", "shortest chains of facts between two entities, each hop with its evidence", MakePathCommand},
    {"timeline", "an entity's facts in date order", MakeTimelineCommand},
    {"rank", "the most central actors: degree, pagerank or betweenness", MakeRankCommand},
    {"communities", "groups of actors: connected components or modularity groups", MakeCommunitiesCommand},
    {"evidence", "every sentence and article behind one fact", MakeEvidenceCommand},
    {"entity", "an entity's names, type, code and fact counts; suggestions for unknown names", MakeEntityCommand},
    {"export", "write the graph, or the part around one entity", MakeExportCommand},
    {"stats", "count what the store holds", MakeStatsCommand},
    {"delete", "remove articles and everything they contributed", MakeDeleteCommand},
    {"merge",
     "make two entities one (A keeps its name, B's become aliases), recorded for later ingests; --list, --undo",
     MakeMergeCommand},
    {"verify", "check every invariant of the store; exit 1 when one is broken", MakeVerifyCommand},
    {"repair", "recover a store whose write-ahead log is damaged; says how many documents it dropped",
     MakeRepairCommand},
    {"parse", "tag, lemmatise and parse text or CoNLL-U (Universal Dependencies)", MakeParseCommand},
};
}  // namespace

std::span<const CommandSpec> AllCommands() { return kCommands; }

}  // namespace geokg::cli
