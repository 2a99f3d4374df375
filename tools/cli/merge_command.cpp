// geokg merge: makes two entities the store keeps apart one, in one atomic write, and records
// it so that later ingests and loads keep them one; --list shows the recorded merges.
#include "graph/printable.h"
#include "query/engine.h"
#include "query/output.h"
#include "tools/cli/command.h"

namespace geokg::cli {
namespace {

std::string Describe(const store::EntityRecord& r) {
  return "\"" + r.entity.name + "\" (" + std::string(EntityTypeName(r.entity.type)) + ", #" + std::to_string(r.id) +
         ")";
}

// "1 fact", "2 facts".
std::string Count(uint64_t n, const std::string& noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

class MergeCommand : public Command {
 public:
  void Declare(CLI::App* app) override {
    auto* into = app->add_option("A", into_, "the entity that stays: a name, alias or code in any case, or #ID");
    auto* from = app->add_option("B", from_, "the entity merged into A: its names become aliases of A");
    auto* list = app->add_flag("--list", list_, "show the recorded merges instead")->excludes(into)->excludes(from);
    app->add_flag("--undo", undo_, "take back the last merge, exactly, if nothing was written to the store since")
        ->excludes(into)
        ->excludes(from)
        ->excludes(list);
    app->add_option("--format", format_, "for --list: table, json, jsonl or csv")
        ->check(CLI::IsMember({"table", "json", "jsonl", "csv"}))
        ->default_val("table");
    AddDbOption(app, &db_);
    app->callback([this] {
      if (!list_ && !undo_ && from_.empty())
        throw CLI::ValidationError("merge needs two entities, A and B, --list or --undo");
    });
  }

  int Execute(const Io& io) override { return list_ ? List(io) : undo_ ? Undo(io) : Merge(io); }

 private:
  int Merge(const Io& io) {
    const auto path = DbPath(db_);
    store::EntityId into = 0, from = 0;
    {
      // Names are resolved on a read-only view, so that a mistyped one never opens the store for
      // writing, which would end the chance to undo the last merge (Store::UndoLastMerge).
      auto reader = OpenForReading(db_);
      if (!reader.ok()) return Fail(io, reader.status());
      const query::Engine engine(*reader.value());
      auto a = engine.ResolveOne(into_);
      if (!a.ok()) return Fail(io, a.status());
      auto b = engine.ResolveOne(from_);
      if (!b.ok()) return Fail(io, b.status());
      if (a.value().id == b.value().id)
        return Fail(io, Status::InvalidInput("\"" + into_ + "\" and \"" + from_ + "\" are the same entity, " +
                                             Describe(a.value()) + ", in " + path.string() + ": nothing to merge"));
      into = a.value().id;
      from = b.value().id;
    }
    auto opened = store::Store::Open(path, {.create_if_missing = false});
    if (!opened.ok()) return Fail(io, opened.status());
    store::Store& store = *opened.value();
    auto merged = store.MergeEntities(into, from);
    if (!merged.ok()) return Fail(io, merged.status());
    if (Status closed = store.Close(); !closed.ok()) return Fail(io, closed);
    const store::MergeReport& r = merged.value();
    const std::string name = "\"" + r.into.entity.name + "\"";
    std::string line =
        "merged " + Describe(r.merged) + " into " + Describe(r.into) + ": " + Count(r.facts_moved, "fact") + " moved";
    if (r.facts_combined > 0)
      line += ", " + std::to_string(r.facts_combined) + " combined with a fact that became the same";
    if (r.evidence_dropped > 0) line += " (" + Count(r.evidence_dropped, "sentence") + " stated both: counted once)";
    if (r.merged.entity.type != r.into.entity.type)
      line += "; the types differ: " + name + " stays a " + std::string(EntityTypeName(r.into.entity.type));
    io.err << "geokg: " << Printable(line) << "\n";
    if (r.self_loops > 0)
      io.err << "geokg: " << Count(r.self_loops, "fact") << (r.self_loops == 1 ? " now joins " : " now join ")
             << Printable(name)
             << " to itself (\"A met B\" became \"A met A\"): kept, as ingest keeps them; 'geokg query --subject "
             << Printable(name) << " --object " << Printable(name) << "' lists them\n";
    io.err << "geokg: recorded in " << Printable(path.string()) << ": later ingests and loads store "
           << Printable(r.merged.entity.name) << "'s names as " << Printable(name) << " ('geokg merge --list')\n";
    return 0;
  }

  int Undo(const Io& io) {
    const auto path = DbPath(db_);
    auto store = store::Store::Open(path, {.create_if_missing = false});
    if (!store.ok()) return Fail(io, store.status());
    auto undone = store.value()->UndoLastMerge();
    if (!undone.ok()) return Fail(io, undone.status());
    if (Status closed = store.value()->Close(); !closed.ok()) return Fail(io, closed);
    auto into = undone.value().into;
    io.err << "geokg: undid the merge of " << Printable(undone.value().merged.name) << " (#" << undone.value().merged_id
           << ") into #" << into << ": " << Printable(path.string()) << " is as it was before it\n";
    return 0;
  }

  int List(const Io& io) {
    auto store = OpenForReading(db_);
    if (!store.ok()) return Fail(io, store.status());
    auto merges = store.value()->Merges();
    if (!merges.ok()) return Fail(io, merges.status());
    // A merged entity's names lead to `now_in`: the entity it went into, or where that one went since.
    query::Answer answer{{"merged", "merged_id", "type", "aliases", "into_id", "now_in", "now_in_id", "when"}, {}, {}};
    for (const store::MergeRecord& m : merges.value()) {
      auto into = store.value()->GetEntity(m.now_in);
      if (!into.ok()) return Fail(io, into.status());
      answer.rows.push_back({m.merged.name, m.merged_id, EntityTypeName(m.merged.type), m.merged.aliases, m.into,
                             into.value().entity.name, m.now_in, m.when});
    }
    query::WriteAnswer(answer, *query::ParseFormat(format_), io.out);
    if (answer.rows.empty() && format_ == "table")
      io.err << "geokg: no merges recorded in " << Printable(DbPath(db_).string()) << "\n";
    return 0;
  }

  std::string into_, from_, db_, format_;
  bool list_ = false, undo_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeMergeCommand() { return std::make_unique<MergeCommand>(); }

}  // namespace geokg::cli
