// tests/fuzz/fuzz_check.h -- the one assertion the fuzz targets use: a broken property aborts,
// so libFuzzer records the input as a crash (assert() is compiled out in release builds).
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond)                                                               \
  do {                                                                                 \
    if (!(cond)) {                                                                     \
      std::fprintf(stderr, "%s:%d: property broken: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                    \
    }                                                                                  \
  } while (0)
