#include "tools/cli/query_command.h"
#include "tools/cli/usage.h"

#include "graph/calendar_date.h"
#include "graph/printable.h"

namespace geokg::cli {
namespace {

// A validator from a list parser: its message, and the closest of `names` to each unknown item.
template <class T>
CLI::Validator ListOf(Result<T> (*parse)(const std::string&), std::vector<std::string> names) {
  return CLI::Validator(
      [parse, names](std::string& value) -> std::string {
        auto parsed = parse(value);
        if (parsed.ok()) return "";
        std::string hint;
        for (size_t begin = 0; begin <= value.size() && hint.empty();) {
          const size_t end = std::min(value.find(',', begin), value.size());
          const std::string item = value.substr(begin, end - begin);
          if (!parse(item).ok()) hint = DidYouMean(item, names);
          begin = end + 1;
        }
        return "has an " + parsed.status().message() + hint;
      },
      "");
}

std::vector<std::string> RelationNames() {
  std::vector<std::string> names;
  for (const RelationInfo& info : AllRelations()) names.emplace_back(info.name);
  return names;
}

constexpr size_t kTerminalCellWidth = 60;

}  // namespace

Result<query::FactFilter> FilterFlags::Build() const {
  query::FactFilter filter;
  auto relations = query::ParseRelationList(relation);
  if (!relations.ok()) return relations.status();
  filter.relations = relations.value();
  auto modalities = query::ParseModalityList(modality.empty() ? "any" : modality);
  if (!modalities.ok()) return modalities.status();
  filter.modalities = modalities.value();
  for (const std::string* bound : {&since, &until})
    if (!bound->empty() && !IsDatePrefix(*bound))
      return Status::InvalidInput("\"" + *bound + "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
  filter.since = since;
  filter.until = until;
  filter.min_confidence = min_confidence;
  filter.min_mentions = min_mentions;
  return filter;
}

void AddFilterOptions(CLI::App* app, FilterFlags* flags, unsigned which, const std::string& modality_default) {
  if (which & kRelationOption)
    app->add_option("--relation", flags->relation,
                    "only these relations, comma-separated (meet,call; docs/RELATIONS.md)")
        ->check(ListOf(query::ParseRelationList, RelationNames()));
  if (which & kPeriodOption) {
    app->add_option("--since", flags->since, "only facts dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
        ->check(Period());
    app->add_option("--until", flags->until, "only facts dated on or before DATE (a prefix covers its whole period)")
        ->check(Period());
  }
  if (which & kModalityOption) {
    flags->modality = modality_default;
    app->add_option("--modality", flags->modality, "asserted, expected, negated, a comma list, or any")
        ->check(ListOf(query::ParseModalityList, {"asserted", "expected", "negated", "any"}))
        ->default_str(modality_default);
  }
  if (which & kConfidenceOption)
    app->add_option("--min-confidence", flags->min_confidence, "only facts at least this confident (0..1)")
        ->check(Between(0, 1));
  if (which & kMentionsOption)
    app->add_option("--min-mentions", flags->min_mentions, "only facts stated in at least this many sentences");
}

void QueryCommand::Declare(CLI::App* app) {
  DeclareOptions(app);
  AddDbOption(app, &db_);
  app->add_option("--format", format_, "table, json, jsonl or csv")
      ->check(OneOf({"table", "json", "jsonl", "csv"}))
      ->default_val("table");
  app->add_option("--width", width_, "cut table cells at N columns (default: 60 on a terminal, whole text otherwise)")
      ->check(Between(4, 100000));
  app->add_flag("--no-truncate", no_truncate_, "never cut table cells")->excludes("--width");
}

int QueryCommand::Execute(const Io& io) {
  auto store = OpenForReading(db_);
  if (!store.ok()) return Fail(io, store.status());
  const query::Engine engine(*store.value());
  auto answer = Answer(engine);
  if (!answer.ok()) {
    // An unknown name in an empty store: say the store is empty, which is the real problem.
    auto stats = store.value()->Stats();
    if (answer.status().code() == Code::kNotFound && stats.ok() && stats.value().facts == 0)
      return Fail(io,
                  Status::NotFound(DbPath(db_).string() + " holds no facts yet (add articles with 'geokg ingest')"));
    return Fail(io, answer.status());
  }
  const query::Format format = *query::ParseFormat(format_);
  // A terminal gets a screen-sized table; a pipe or file gets every character.
  const size_t cell_width = no_truncate_ ? 0 : width_.value_or(io.terminal ? kTerminalCellWidth : 0);
  query::WriteAnswer(answer.value(), format, io.out, cell_width);
  if (answer.value().rows.empty() && format == query::Format::kTable) {
    auto stats = store.value()->Stats();
    if (stats.ok() && stats.value().facts == 0)
      io.err << "geokg: " << Printable(DbPath(db_).string())
             << " holds no facts yet (add articles with 'geokg ingest')\n";
    else
      io.err << "geokg: " << Printable(Nothing() + " in " + DbPath(db_).string()) << "\n";
  }
  return 0;
}

}  // namespace geokg::cli
