// tools/cli/cli.h -- the geokg command line: parses `args` (without the program name), runs the
// command, writes data to `out` and messages to `err`. Returns the exit code: 0 success, 1 the
// command ran and failed, 2 bad usage. Never calls exit(), so tests run it in-process.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace geokg::cli {

int Run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace geokg::cli
