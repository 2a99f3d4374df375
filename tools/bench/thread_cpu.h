// tools/bench/thread_cpu.h -- CPU time of the calling thread, or of the whole process: the cost of
// work even when other processes share the cores, so benchmarks on a busy machine still measure
// our code.
#pragma once

#include <ctime>

namespace geokg::bench {

inline double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// All threads of the process: for work that hands part of itself to another thread.
inline double ProcessCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace geokg::bench
