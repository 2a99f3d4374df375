// tests/support/shared_data.h -- where tests find ../shared (corpora, treebanks, gold), and the
// one-line skip when it is absent, so that a fresh clone without it still passes.
#pragma once

#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

namespace geokg::testing {

// The path of `relative` under ../shared, or an empty path when it does not exist.
inline std::filesystem::path SharedPath(const std::string& relative) {
  std::filesystem::path p = std::filesystem::path(GEOKG_SHARED_DIR) / relative;
  return std::filesystem::exists(p) ? p : std::filesystem::path();
}

}  // namespace geokg::testing

// Skips the rest of a test case, with one clear line, when ../shared/<relative> is absent.
#define GEOKG_REQUIRE_SHARED(var, relative)                                 \
  const std::filesystem::path var = ::geokg::testing::SharedPath(relative); \
  if (var.empty()) {                                                        \
    WARN("skipped: ../shared/" relative                                     \
         " is absent (tests that read the shared corpora "                  \
         "need it beside the project)");                                    \
    return;                                                                 \
  }
