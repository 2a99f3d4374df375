#include <csignal>
#include <exception>
#include <iostream>

#include "tools/cli/cli.h"

int main(int argc, char** argv) {
  // A closed pipe (`geokg export | head`) ends output quietly instead of killing the process.
  std::signal(SIGPIPE, SIG_IGN);
  std::ios::sync_with_stdio(false);
  try {
    return geokg::cli::Run(std::vector<std::string>(argv + 1, argv + argc), std::cin, std::cout, std::cerr);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    std::cerr << "geokg: internal error: " << e.what() << "\n";
    return 1;
  }
}
