#include "tools/cli/command.h"

#include <cstdlib>
#include <fstream>

namespace geokg::cli {
namespace fs = std::filesystem;

fs::path DbPath(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("GEOKG_DB"); env != nullptr && *env != '\0') return env;
  return "geokg.db";
}

void AddDbOption(CLI::App* app, std::string* db) {
  app->add_option("--db", *db, "store directory (default: $GEOKG_DB, else ./geokg.db)");
}

Result<std::unique_ptr<store::Store>> OpenForReading(const std::string& db_flag) {
  return store::Store::Open(DbPath(db_flag), {.read_only = true});
}

int Fail(const Io& io, const Status& status) {
  io.err << "geokg: " << status.message() << "\n";
  return 1;
}

int WriteOutput(const Io& io, const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path.empty() || path == "-") {
    write(io.out);
    io.out.flush();
    return 0;
  }
  const fs::path target(path);
  const fs::path temp = target.string() + ".tmp";
  {
    std::ofstream file(temp, std::ios::binary);
    if (!file) return Fail(io, Status::IOError(path + ": cannot write file"));
    write(file);
    file.flush();
    if (!file) {
      std::error_code ec;
      fs::remove(temp, ec);
      return Fail(io, Status::IOError(path + ": write failed"));
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) return Fail(io, Status::IOError(path + ": cannot write file: " + ec.message()));
  return 0;
}

}  // namespace geokg::cli
