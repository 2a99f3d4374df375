// geokg delete: removes articles and everything they contributed, one atomic write each.
#include "tools/cli/command.h"

namespace geokg::cli {
namespace {

class DeleteCommand : public Command {
 public:
  void Declare(CLI::App* app) override {
    app->add_option("doc_ids", doc_ids_, "ids of the articles to remove")->required();
    AddDbOption(app, &db_);
  }

  int Execute(const Io& io) override {
    auto store = store::Store::Open(DbPath(db_), {.create_if_missing = false});
    if (!store.ok()) return Fail(io, store.status());
    int code = 0;
    for (const std::string& id : doc_ids_) {
      if (Status s = store.value()->DeleteDocument(id); !s.ok()) {
        code = Fail(io, s);
        if (s.code() != Code::kNotFound) return code;  // a store error: later deletes would fail too
      }
    }
    // A delete that cannot be flushed (a full disk) is in the log, but the user must know.
    if (Status closed = store.value()->Close(); !closed.ok()) return Fail(io, closed);
    return code;
  }

 private:
  std::vector<std::string> doc_ids_;
  std::string db_;
};

}  // namespace

std::unique_ptr<Command> MakeDeleteCommand() { return std::make_unique<DeleteCommand>(); }

}  // namespace geokg::cli
