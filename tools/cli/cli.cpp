#include "tools/cli/cli.h"

#include <unistd.h>

#include <iostream>
#include <memory>

#include "tools/cli/command.h"
#include "tools/cli/usage.h"

namespace geokg::cli {
namespace {
constexpr const char* kVersion = "geokg 0.1.0";
}  // namespace

int Run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  const Io io{in, out, err, &out == &std::cout && isatty(STDOUT_FILENO) == 1};
  CLI::App app{"geokg: a knowledge graph of geopolitical relations from news articles", "geokg"};
  app.set_version_flag("--version", kVersion);
  app.require_subcommand(1);
  app.footer(
      "Example:\n  geokg ingest examples/ && geokg met \"Xi Jinping\" && geokg export --format dot -o graph.dot\n\n"
      "Exit codes: 0 success, 1 the command failed, 2 usage error. 'geokg COMMAND --help' for details.");
  std::vector<std::pair<CLI::App*, std::unique_ptr<Command>>> commands;
  for (const CommandSpec& spec : AllCommands()) {
    CLI::App* sub = app.add_subcommand(spec.name, spec.summary);
    commands.emplace_back(sub, spec.make());
    commands.back().second->Declare(sub);
  }
  NameTypes(&app);
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    out << kVersion << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    err << UsageMessage(app, e, args) << "\n";
    return 2;
  }
  for (auto& [sub, command] : commands)
    if (sub->parsed()) return command->Execute(io);
  return 2;
}

}  // namespace geokg::cli
