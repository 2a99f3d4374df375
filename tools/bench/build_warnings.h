// tools/bench/build_warnings.h -- one warning on stderr when a benchmark is built so that its
// figures mean little (assertions on, no optimisation), as leveldb's db_bench does.
#pragma once

#include <iostream>

namespace geokg::bench {

inline void WarnIfUnrepresentativeBuild() {
#ifndef NDEBUG
  std::cerr << "warning: assertions are on; figures are not representative\n";
#endif
#ifndef __OPTIMIZE__
  std::cerr << "warning: built without optimisation; figures are not representative\n";
#endif
}

}  // namespace geokg::bench
