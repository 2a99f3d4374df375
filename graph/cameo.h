// graph/cameo.h -- what GDELT-style event tables say about a CAMEO event code: its root, base
// code, QuadClass and Goldstein scale. Codes are strings ("040", never 40: the leading zero is
// part of the code).
#pragma once

#include <optional>
#include <string_view>

namespace geokg {

// The first two digits ("04" for "0431"), or empty for a code shorter than two.
std::string_view CameoRoot(std::string_view code);
// The first three digits ("043" for "0431"), or the code itself when shorter.
std::string_view CameoBase(std::string_view code);

// GDELT's QuadClass from the root code: 1 verbal cooperation (01-05), 2 material cooperation
// (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20); 0 for an empty or unknown root.
int QuadClass(std::string_view code);

// The code's value on the Goldstein scale (-10 conflict .. +10 cooperation) as GDELT publishes
// it (CAMEO.goldsteinscale.txt); nullopt for a code that table does not list.
std::optional<double> GoldsteinScale(std::string_view code);

}  // namespace geokg
