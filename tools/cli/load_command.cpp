// geokg load: the JSON Lines of `geokg extract` in, facts stored, nothing extracted again. A
// document is its document line and the triples after it; each is stored whole, as ingest would
// store it (one WriteBatch, unchanged ones skipped, changed ones replaced), or not at all.
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

#include "graph/triple_format.h"
#include "tools/cli/store_writer.h"

namespace geokg::cli {
namespace {

// The document lines the inputs hold, or nullopt when one is standard input. Only for the ETA:
// extract writes the key "document" first, so a prefix test does without parsing.
std::optional<size_t> CountDocuments(const std::vector<std::string>& inputs) {
  size_t total = 0;
  for (const std::string& input : inputs) {
    if (input == "-") return std::nullopt;
    std::ifstream in(input, std::ios::binary);
    std::string line;
    while (std::getline(in, line))
      if (line.rfind("{\"document\":", 0) == 0) ++total;
  }
  return total;
}

class LoadCommand : public Command {
 public:
  void Declare(CLI::App* app) override {
    app->add_option("inputs", inputs_, "output of `geokg extract --format jsonl`, or - for standard input (default)");
    AddDbOption(app, &db_);
    app->add_flag("--progress", force_progress_, "show progress on stderr even when it is not a terminal");
  }

  int Execute(const Io& io) override {
    const std::vector<std::string> names = inputs_.empty() ? std::vector<std::string>{"-"} : inputs_;
    // Every file is opened before the store: a mistyped name writes nothing.
    std::vector<std::unique_ptr<std::ifstream>> files;
    for (const std::string& name : names) {
      if (name == "-") continue;
      std::error_code ec;
      if (!std::filesystem::exists(name, ec)) return Fail(io, Status::NotFound(name + ": no such file or directory"));
      if (std::filesystem::is_directory(name, ec)) return Fail(io, Status::InvalidInput(name + ": is a directory"));
      files.push_back(std::make_unique<std::ifstream>(name, std::ios::binary));
      if (!*files.back()) return Fail(io, Status::IOError(name + ": cannot be read"));
    }
    auto store = store::Store::Open(DbPath(db_), {});
    if (store.status().code() == Code::kNoSpace) return DiskFull(io, DbPath(db_), 0);
    if (!store.ok()) return Fail(io, store.status());
    StoreWriter writer(io, *store.value(), ProgressTotal(io, force_progress_, [&] { return CountDocuments(names); }));
    const InterruptCatcher interrupt;
    size_t failed = 0;
    auto file = files.begin();
    Status loaded;
    for (const std::string& name : names) {
      std::istream& in = name == "-" ? io.in : **file++;
      loaded = Load(name == "-" ? "<stdin>" : name, in, writer, interrupt, &failed);
      if (!loaded.ok() || interrupt.interrupted()) break;
    }
    return writer.Finish("loaded", loaded, Status(), failed, interrupt.interrupted());
  }

 private:
  // A document whose triples are being read.
  struct Pending {
    DocumentLine line;
    size_t line_number = 0;
    std::vector<Triple> triples;
  };

  // Stores the documents of one input. Malformed lines and incomplete documents are reported
  // as `label:line:`, counted in `failed` and skipped; an error is a failed write.
  static Status Load(const std::string& label, std::istream& in, StoreWriter& writer, const InterruptCatcher& interrupt,
                     size_t* failed) {
    auto problem = [&](size_t line_number, const std::string& message) {
      writer.Warn("geokg: " + label + ":" + std::to_string(line_number) + ": " + message + "\n");
      ++*failed;
    };
    std::optional<Pending> pending;
    // A document is complete when as many triples as its line announced followed it; anything
    // else (a truncated extraction, a skipped line) would store a part of it as if whole.
    auto store_pending = [&]() -> Status {
      if (!pending) return Status();
      Status status;
      if (pending->triples.size() == pending->line.triples) {
        status = writer.Put(pending->line.document, pending->line.content_hash, pending->triples);
      } else {
        problem(pending->line_number, "document \"" + pending->line.document.id + "\" has " +
                                          std::to_string(pending->triples.size()) + " of its " +
                                          std::to_string(pending->line.triples) + " triples; not stored");
      }
      pending.reset();
      return status;
    };
    std::string text;
    for (size_t n = 1; std::getline(in, text); ++n) {
      if (!text.empty() && text.back() == '\r') text.pop_back();
      if (text.find_first_not_of(" \t") == std::string::npos) continue;
      const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
      if (json.is_discarded()) {
        problem(n, "not valid JSON (or not UTF-8); line skipped");
        continue;
      }
      if (IsDocumentLine(json)) {
        GEOKG_RETURN_IF_ERROR(store_pending());
        if (interrupt.interrupted()) return Status();
        auto line = DocumentLineFromJson(json);
        if (!line.ok()) {
          problem(n, line.status().message() + "; line skipped");
          continue;
        }
        pending = Pending{std::move(line.value()), n, {}};
        continue;
      }
      auto triple = TripleFromJson(json);
      if (!triple.ok()) {
        problem(n, triple.status().message() + "; line skipped");
      } else if (!pending || triple.value().evidence.doc != pending->line.document.id) {
        problem(n, "a triple of document \"" + triple.value().evidence.doc +
                       "\" not after that document's line; line skipped");
      } else {
        pending->triples.push_back(std::move(triple.value()));
      }
    }
    if (in.bad()) return Status::IOError(label + ": read error");
    return store_pending();
  }

  std::vector<std::string> inputs_;
  std::string db_;
  bool force_progress_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeLoadCommand() { return std::make_unique<LoadCommand>(); }

}  // namespace geokg::cli
