#include "graph/triple.h"

#include <array>

namespace geokg {
namespace {
constexpr auto kModalityNames = std::to_array<std::string_view>({"asserted", "expected", "negated"});
}  // namespace

std::string_view ModalityName(Modality modality) { return kModalityNames[static_cast<size_t>(modality)]; }

std::string_view TimeSourceName(TimeSource source) {
  constexpr std::string_view kNames[] = {"", "event", "report"};
  return kNames[static_cast<size_t>(source)];
}

std::optional<Modality> ParseModality(std::string_view name) {
  for (size_t i = 0; i < kModalityNames.size(); ++i)
    if (kModalityNames[i] == name) return static_cast<Modality>(i);
  return std::nullopt;
}

}  // namespace geokg
