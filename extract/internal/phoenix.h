// extract/internal/phoenix.h -- internal: reads a PETRARCH/Phoenix actor dictionary (the format
// of p2_dictionaries.rst: a primary phrase, `+` synonyms, tab-indented `[CODE dates]` roles)
// into the people it names, with the same repairs and name rules as
// tools/lexicon/derive_phoenix.py (docs/LEXICON.md): Soviet-era RUS roles become USR, a line
// without `+` that shares a name word with an open record is its synonym, and only names of two
// words or more that are no description ("PRESIDENT_GORBACHEV") are kept.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/gazetteer.h"
#include "graph/status.h"

namespace geokg::extract::internal {

struct PhoenixRole {
  std::string code;  // "USAGOV"
  Day from = 0;      // 0: open
  Day until = 0;
};

struct PhoenixPerson {
  std::string name;  // "Mikhail Gorbachev": the first name that passes the rules
  std::vector<std::string> aliases;
  std::vector<PhoenixRole> roles;  // never empty
};

// Whether `text` reads as a Phoenix dictionary rather than geokg's TSV: its first line that is
// neither blank nor a comment has no tab and looks like `NAME_ [CODE]`, `NAME_` or `+NAME_`.
bool LooksLikePhoenix(std::string_view text);

// The people of `text` that have at least one role. A role line that does not parse is an
// error naming `origin` and the line: `my.actors:12: bad role "[USAGOV 8503]"`.
Status ParsePhoenix(std::string_view text, std::string_view origin, std::vector<PhoenixPerson>* out);

}  // namespace geokg::extract::internal
