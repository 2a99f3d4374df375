// store/disk_budget.h -- a RocksDB file system that behaves like a disk with only so many bytes
// free: once the bytes appended to the store's files reach the budget, every further append
// fails with RocksDB's "no space left" error, as a full disk would. Exists so that tests can
// fill the disk without root or a small filesystem; Store::Open installs it when the
// environment variable GEOKG_TEST_DISK_BUDGET holds a byte count (store.h). Internal to store/.
#pragma once

#include <cstdint>
#include <memory>

#include <rocksdb/env.h>

namespace geokg::store::internal {

// The environment variable read by Store::Open; unset in normal use.
inline constexpr const char* kDiskBudgetVariable = "GEOKG_TEST_DISK_BUDGET";

// An Env over the default file system that accepts `bytes` appended bytes in all, then fails
// every append with IOStatus::NoSpace.
std::unique_ptr<rocksdb::Env> NewDiskBudgetEnv(uint64_t bytes);

}  // namespace geokg::store::internal
