// geokg parse: part-of-speech tags, lemmas and dependency trees, as CoNLL-U or JSON Lines.
#include <fstream>

#include "extract/conllu.h"
#include "extract/syntax.h"
#include "tools/cli/command.h"
#include "tools/cli/usage.h"

namespace geokg::cli {
namespace {

class ParseCommand : public Command {
 public:
  void Declare(CLI::App* app) override {
    app->add_option("inputs", inputs_, "text or CoNLL-U files, or - for standard input (default)");
    app->add_option("--format", format_, "conllu or jsonl")->check(OneOf({"conllu", "jsonl"}))->default_val("conllu");
    app->add_option("--input", input_, "text (segment and tokenise) or conllu (keep the given tokens and sentences)")
        ->check(OneOf({"text", "conllu"}))
        ->default_val("text");
  }

  int Execute(const Io& io) override {
    auto model = extract::SyntaxModel::LoadDefault();
    if (!model.ok()) return Fail(io, model.status());
    const auto input = input_ == "conllu" ? extract::InputFormat::kConllu : extract::InputFormat::kText;
    const auto output = format_ == "jsonl" ? extract::OutputFormat::kJsonl : extract::OutputFormat::kConllu;
    const std::vector<std::string> names = inputs_.empty() ? std::vector<std::string>{"-"} : inputs_;
    for (const std::string& name : names) {
      if (name == "-") {
        if (Status s = extract::ParseStream(io.in, "<stdin>", input, output, *model.value(), io.out); !s.ok())
          return Fail(io, s);
        continue;
      }
      std::ifstream file(name, std::ios::binary);
      if (!file) return Fail(io, Status::NotFound(name + ": cannot open file"));
      if (Status s = extract::ParseStream(file, name, input, output, *model.value(), io.out); !s.ok())
        return Fail(io, s);
    }
    io.out.flush();
    return 0;
  }

 private:
  std::vector<std::string> inputs_;
  std::string format_, input_;
};

}  // namespace

std::unique_ptr<Command> MakeParseCommand() { return std::make_unique<ParseCommand>(); }

}  // namespace geokg::cli
