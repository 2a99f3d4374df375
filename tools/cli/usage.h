// tools/cli/usage.h -- usage errors in our words: one line, no help dump, the closest command,
// option or value when one was mistyped ("did you mean --since?"), and the validators whose
// messages say what was wanted. Every usage error exits 2 (tools/cli/cli.h). Used by the CLI only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace geokg::cli {

// The candidate closest to `word` by edit distance (a swap of two letters counts once), when
// close enough to be a typo of it; else "".
std::string Closest(std::string_view word, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" for the closest candidate (quoted with `quote`, empty for options), or "".
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates, bool quote = true);

// Validators for ->check(), whose messages complete "--option ...":
// one of `values` ("must be one of a, b or c, not 'x'; did you mean 'b'?")
CLI::Validator OneOf(std::vector<std::string> values);
// a number in [lo, hi] ("must be a number from 1 to 256, not '0'")
CLI::Validator Between(double lo, double hi);
// a whole number of at least 1
CLI::Validator AtLeastOne();
// an existing regular file
CLI::Validator ExistingFile();
// a calendar date in one of graph/calendar_date.h's forms; with ->transform() it becomes YYYY-MM-DD
CLI::Validator CalendarDay();
// YYYY, YYYY-MM or YYYY-MM-DD naming a real period
CLI::Validator Period();

// Our names for CLI11's types in help ("N" for UINT and INT, "NUMBER" for FLOAT), on every
// option of `app` and its subcommands.
void NameTypes(CLI::App* app);

// The one line (without its end) that says what is wrong with the command line `args` that
// `app` failed to parse with `error`: "geokg met: unknown option --sinse; did you mean --since?".
std::string UsageMessage(const CLI::App& app, const CLI::ParseError& error, const std::vector<std::string>& args);

}  // namespace geokg::cli
