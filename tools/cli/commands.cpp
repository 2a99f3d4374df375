#include "tools/cli/command.h"

namespace geokg::cli {

std::unique_ptr<Command> MakeExtractCommand();
std::unique_ptr<Command> MakeIngestCommand();
std::unique_ptr<Command> MakeMetCommand();
std::unique_ptr<Command> MakeExportCommand();
std::unique_ptr<Command> MakeStatsCommand();
std::unique_ptr<Command> MakeParseCommand();

namespace {
// One line per command; `geokg --help` lists them in this order.
constexpr CommandSpec kCommands[] = {
    {"extract", "extract triples from articles and print them (no store needed)", MakeExtractCommand},
    {"ingest", "extract triples from articles and store them", MakeIngestCommand},
    {"met", "who met or called whom, with modality, date and sentence count", MakeMetCommand},
    {"export", "write the graph, or the part around one entity", MakeExportCommand},
    {"stats", "count what the store holds", MakeStatsCommand},
    {"parse", "tag, lemmatise and parse text or CoNLL-U (Universal Dependencies)", MakeParseCommand},
};
}  // namespace

std::span<const CommandSpec> AllCommands() { return kCommands; }

}  // namespace geokg::cli
