// tools/cli/command.h -- what every geokg command shares: the streams it talks to, the Command
// interface each command file implements, and the helpers for the store path, failures and
// safe output files. Used by the CLI only.
#pragma once

#include <filesystem>
#include <functional>
#include <istream>
#include <memory>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "graph/status.h"
#include "store/store.h"

namespace geokg::cli {

struct Io {
  std::istream& in;
  std::ostream& out;      // data only
  std::ostream& err;      // messages, warnings, progress
  bool terminal = false;  // `out` is an interactive terminal: tables cut long text to fit a screen
};

// One subcommand: it declares its options on its CLI11 App (help, defaults and validation
// derive from that one declaration) and runs once they are parsed.
class Command {
 public:
  virtual ~Command() = default;
  virtual void Declare(CLI::App* app) = 0;
  // Returns the exit code: 0 success, 1 failure (already reported on io.err).
  virtual int Execute(const Io& io) = 0;
};

// Every command, in the order `geokg --help` lists them. Each is defined in its own
// tools/cli/<name>_command.cpp.
struct CommandSpec {
  const char* name;
  const char* summary;
  std::unique_ptr<Command> (*make)();
};
std::span<const CommandSpec> AllCommands();

// The store directory: --db, else $GEOKG_DB, else ./geokg.db.
std::filesystem::path DbPath(const std::string& flag);
// Declares --db on `app`, bound to `db`.
void AddDbOption(CLI::App* app, std::string* db);
// Opens the store for queries (another process may be writing it).
Result<std::unique_ptr<store::Store>> OpenForReading(const std::string& db_flag);

// Prints "geokg: <message>" on io.err and returns 1.
int Fail(const Io& io, const Status& status);

// Creates an empty file beside `target` with a name no other run uses, for output renamed
// into place once complete.
Result<std::filesystem::path> CreateTempBeside(const std::filesystem::path& target);

// Writes through `write` to `path` via a temporary file of its own renamed into place, so that
// a failed run leaves no half-written output and concurrent runs never mix their output; an
// empty path or "-" writes to io.out. Returns the exit code.
int WriteOutput(const Io& io, const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace geokg::cli
