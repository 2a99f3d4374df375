#include "tools/cli/usage.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "graph/calendar_date.h"
#include "graph/printable.h"
#include "graph/text.h"

namespace geokg::cli {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "a, b or c"
std::string JoinOr(const std::vector<std::string>& values) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += i + 1 == values.size() ? " or " : ", ";
    out += values[i];
  }
  return out;
}

std::string Number(double x) {
  char out[32];
  std::snprintf(out, sizeof out, "%g", x);
  return out;
}

std::string Quoted(std::string_view value) { return "'" + Printable(value) + "'"; }

// The option of `app` named `name` (--long, -s or a positional's name), or null.
const CLI::Option* FindOption(const CLI::App& app, const std::string& name) {
  for (const CLI::Option* opt : app.get_options())
    if (opt->check_name(name)) return opt;
  return nullptr;
}

// How a user names an option in a message: --long, or a positional as NAME.
std::string Shown(const CLI::Option* opt, const std::string& fallback) {
  if (opt == nullptr) return fallback;
  if (opt->get_positional() && opt->get_lnames().empty() && opt->get_snames().empty()) {
    std::string name = opt->get_name();
    for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return name;
  }
  return opt->get_name();
}

std::vector<std::string> OptionNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    for (const std::string& l : opt->get_lnames()) names.push_back("--" + l);
    for (const std::string& s : opt->get_snames()) names.push_back("-" + s);
  }
  return names;
}

std::string HelpHint(const CLI::App* sub) {
  return sub == nullptr ? "'geokg --help' lists the commands"
                        : "'geokg " + sub->get_name() + " --help' shows what it takes";
}

// What the user typed that CLI11 could not place: an unknown option first, as that is the likely
// typo (`met Putin --sinse 2025` leaves "--sinse" and "2025").
std::string Extra(const CLI::App& app, const CLI::App* sub) {
  const std::vector<std::string> extras = (sub != nullptr ? sub : &app)->remaining();
  for (const std::string& e : extras)
    if (e.size() > 1 && e[0] == '-') {
      const std::string name = e.substr(0, e.find('='));
      const std::string hint = DidYouMean(name, OptionNames(sub != nullptr ? *sub : app), false);
      return "unknown option " + Printable(name) + (hint.empty() ? "; " + HelpHint(sub) : hint);
    }
  if (extras.empty()) return "unexpected arguments; " + HelpHint(sub);
  return "unexpected argument " + Quoted(extras.front()) + " (quote a name of several words); " + HelpHint(sub);
}

}  // namespace

std::string Closest(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string w = Lower(word);
  std::string best;
  size_t best_distance = std::max<size_t>(1, w.size() / 3) + 1;
  for (const std::string& c : candidates) {
    const size_t d = EditDistance(w, Lower(c), best_distance - 1);
    if (d < best_distance) best = c, best_distance = d;
  }
  return best;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates, bool quote) {
  const std::string best = Closest(word, candidates);
  if (best.empty()) return "";
  return "; did you mean " + (quote ? Quoted(best) : best) + "?";
}

CLI::Validator OneOf(std::vector<std::string> values) {
  return CLI::Validator(
      [values](std::string& value) -> std::string {
        if (std::find(values.begin(), values.end(), value) != values.end()) return "";
        return "must be " + JoinOr(values) + ", not " + Quoted(value) + DidYouMean(value, values);
      },
      "");
}

CLI::Validator Between(double lo, double hi) {
  return CLI::Validator(
      [lo, hi](std::string& value) -> std::string {
        double x = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), x);
        if (ec == std::errc() && end == value.data() + value.size() && x >= lo && x <= hi) return "";
        return "must be a number from " + Number(lo) + " to " + Number(hi) + ", not " + Quoted(value);
      },
      "");
}

CLI::Validator AtLeastOne() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        unsigned long long x = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), x);
        if (ec == std::errc() && end == value.data() + value.size() && x >= 1) return "";
        return "must be a whole number of at least 1, not " + Quoted(value);
      },
      "");
}

CLI::Validator ExistingFile() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        std::error_code ec;
        if (std::filesystem::is_regular_file(value, ec)) return "";
        return std::filesystem::exists(value, ec) ? "must name a file, and " + Quoted(value) + " is not one"
                                                  : "must name a file, and " + Quoted(value) + " does not exist";
      },
      "");
}

CLI::Validator CalendarDay() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (auto day = CalendarDate(value)) {
          value = *day;
          return "";
        }
        return "must be a date (YYYY-MM-DD, RFC 3339 or RFC 2822) of the calendar, not " + Quoted(value);
      },
      "");
}

CLI::Validator Period() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (IsDatePrefix(value)) return "";
        return "must be a year, month or day of the calendar (YYYY, YYYY-MM or YYYY-MM-DD), not " + Quoted(value);
      },
      "");
}

void NameTypes(CLI::App* app) {
  for (CLI::Option* opt : app->get_options()) {
    const std::string type = opt->get_type_name();
    if (type == "UINT" || type == "INT")
      opt->type_name("N");
    else if (type == "FLOAT")
      opt->type_name("NUMBER");
  }
  for (CLI::App* sub : app->get_subcommands([](CLI::App*) { return true; })) NameTypes(sub);
}

std::string UsageMessage(const CLI::App& app, const CLI::ParseError& error, const std::vector<std::string>& args) {
  const std::vector<CLI::App*> used = app.get_subcommands();
  const CLI::App* sub = used.empty() ? nullptr : used.front();
  const std::string prefix = sub == nullptr ? "geokg: " : "geokg " + sub->get_name() + ": ";
  const std::string what = error.what();
  if (sub == nullptr) {
    std::vector<std::string> commands;
    for (const CLI::App* c : app.get_subcommands([](const CLI::App*) { return true; }))
      commands.push_back(c->get_name());
    if (args.empty()) return prefix + "give a command (for example 'geokg ingest examples/'); " + HelpHint(nullptr);
    const std::string& first = args.front();
    if (first.size() > 1 && first[0] == '-') {
      const std::string hint = DidYouMean(first, {"--help", "--help-all", "--version"}, false);
      return prefix + "unknown option " + Printable(first) + (hint.empty() ? "; " + HelpHint(nullptr) : hint);
    }
    const std::string hint = DidYouMean(first, commands);
    return prefix + "unknown command " + Quoted(first) + (hint.empty() ? "; " + HelpHint(nullptr) : hint);
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) return prefix + Extra(app, sub);
  // "NAME: message" (ValidationError, ArgumentMismatch): the option named as users write it.
  const size_t colon = what.find(": ");
  const std::string name = colon == std::string::npos ? "" : what.substr(0, colon);
  const std::string rest = colon == std::string::npos ? what : what.substr(colon + 2);
  if (dynamic_cast<const CLI::ValidationError*>(&error) != nullptr)
    return prefix + Shown(FindOption(*sub, name), name) + " " + rest;
  if (dynamic_cast<const CLI::ConversionError*>(&error) != nullptr && what.rfind("Could not convert: ", 0) == 0) {
    const std::string body = what.substr(19);
    const size_t eq = body.find(" = ");
    const std::string option = body.substr(0, eq);
    const CLI::Option* opt = FindOption(*sub, option);
    const std::string type = opt == nullptr ? "" : opt->get_type_name();
    const std::string kind = type == "N" ? "a whole number" : type == "NUMBER" ? "a number" : "a valid value";
    return prefix + Shown(opt, option) + " must be " + kind + ", not " +
           Quoted(eq == std::string::npos ? "" : body.substr(eq + 3));
  }
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
    const std::string option = what.substr(0, what.find(" is required"));
    const CLI::Option* opt = FindOption(*sub, option);
    return prefix + "missing " + Shown(opt, option) + (opt != nullptr ? " (" + opt->get_description() + ")" : "") +
           "; " + HelpHint(sub);
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr)
    return prefix + Shown(FindOption(*sub, name), name) + " needs a value; " + HelpHint(sub);
  if (dynamic_cast<const CLI::ExcludesError*>(&error) != nullptr) {
    const size_t at = what.find(" excludes ");
    if (at != std::string::npos)
      return prefix + what.substr(0, at) + " and " + what.substr(at + 10) + " cannot be used together";
  }
  return prefix + Printable(what) + "; " + HelpHint(sub);
}

}  // namespace geokg::cli
