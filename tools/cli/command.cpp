#include "tools/cli/command.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>

#include "graph/printable.h"

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
  io.err << "geokg: " << Printable(status.message()) << "\n";
  return 1;
}

Result<fs::path> CreateTempBeside(const fs::path& target) {
  static std::atomic<unsigned> counter{0};
  std::random_device random;
  for (int attempt = 0; attempt < 100; ++attempt) {
    const fs::path temp = target.string() + "." + std::to_string(getpid()) + "-" + std::to_string(++counter) + "-" +
                          std::to_string(random() % 1000000) + ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      ::close(fd);
      return temp;
    }
    if (errno != EEXIST) return Status::IOError(target.string() + ": cannot write file: " + std::strerror(errno));
  }
  return Status::IOError(target.string() + ": cannot write file: no free temporary name beside it");
}

int WriteOutput(const Io& io, const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path.empty() || path == "-") {
    write(io.out);
    io.out.flush();
    return 0;
  }
  const fs::path target(path);
  // A temporary file of this run only: two exports to one file each write their own and the
  // last rename wins, whole.
  auto temp = CreateTempBeside(target);
  if (!temp.ok()) return Fail(io, temp.status());
  {
    std::ofstream file(temp.value(), std::ios::binary);
    if (file) write(file);
    file.flush();
    if (!file) {
      std::error_code ec;
      fs::remove(temp.value(), ec);
      return Fail(io, Status::IOError(path + ": write failed"));
    }
  }
  std::error_code ec;
  fs::rename(temp.value(), target, ec);
  if (ec) {
    fs::remove(temp.value(), ec);
    return Fail(io, Status::IOError(path + ": cannot write file: " + ec.message()));
  }
  return 0;
}

}  // namespace geokg::cli
