// tools/cli/query_command.h -- what the question commands (met, query, neighbors, path,
// timeline, rank, communities, evidence, entity) share: --db, --format table|json|jsonl|csv, the
// FactFilter options, opening the store, and printing an Answer or saying on stderr why there
// is none. Used by the CLI only.
#pragma once

#include <optional>
#include <string>

#include "query/engine.h"
#include "query/fact_filter.h"
#include "query/output.h"
#include "tools/cli/command.h"

namespace geokg::cli {

// The selection options as typed; Build() checks and converts them.
struct FilterFlags {
  std::string relation;
  std::string modality;
  std::string since;
  std::string until;
  float min_confidence = 0;
  uint32_t min_mentions = 0;

  // kInvalidInput names a bad relation, modality or date.
  Result<query::FactFilter> Build() const;
};

enum FilterOptions : unsigned {
  kRelationOption = 1,
  kPeriodOption = 2,
  kModalityOption = 4,
  kConfidenceOption = 8,
  kMentionsOption = 16,
  kAllFilterOptions = 31,
};
// Declares the chosen selection options on `app`, bound to `flags`. `modality_default` is the
// --modality default shown in help.
void AddFilterOptions(CLI::App* app, FilterFlags* flags, unsigned which, const std::string& modality_default = "any");

class QueryCommand : public Command {
 public:
  void Declare(CLI::App* app) final;
  int Execute(const Io& io) final;

 protected:
  // The command's own arguments and options.
  virtual void DeclareOptions(CLI::App* app) = 0;
  // The answer, computed from the open store.
  virtual Result<query::Answer> Answer(const query::Engine& engine) = 0;
  // What an empty answer means ("no meetings or calls for Lee"), said on stderr for tables.
  virtual std::string Nothing() const = 0;

 private:
  std::string db_;
  std::string format_ = "table";
  std::optional<size_t> width_;
  bool no_truncate_ = false;
};

}  // namespace geokg::cli
