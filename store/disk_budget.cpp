#include "store/disk_budget.h"

#include <atomic>

#include <rocksdb/file_system.h>

namespace geokg::store::internal {
namespace {

class BudgetFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  BudgetFile(std::unique_ptr<rocksdb::FSWritableFile> file, std::atomic<uint64_t>* left)
      : FSWritableFileOwnerWrapper(std::move(file)), left_(left) {}

  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                           rocksdb::IODebugContext* dbg) override {
    if (!Take(data.size())) return rocksdb::IOStatus::NoSpace("no space left on device (test budget)");
    return target()->Append(data, options, dbg);
  }
  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                           const rocksdb::DataVerificationInfo& info, rocksdb::IODebugContext* dbg) override {
    if (!Take(data.size())) return rocksdb::IOStatus::NoSpace("no space left on device (test budget)");
    return target()->Append(data, options, info, dbg);
  }
  rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& data, uint64_t offset, const rocksdb::IOOptions& options,
                                     rocksdb::IODebugContext* dbg) override {
    if (!Take(data.size())) return rocksdb::IOStatus::NoSpace("no space left on device (test budget)");
    return target()->PositionedAppend(data, offset, options, dbg);
  }

 private:
  // Whether `n` more bytes fit; a write that does not fit takes nothing, as with a real disk
  // whose last free blocks are too few for it.
  bool Take(uint64_t n) {
    uint64_t left = left_->load();
    while (left >= n)
      if (left_->compare_exchange_weak(left, left - n)) return true;
    left_->store(0);  // the disk stays full: later, smaller writes fail too
    return false;
  }
  std::atomic<uint64_t>* left_;
};

class BudgetFileSystem : public rocksdb::FileSystemWrapper {
 public:
  explicit BudgetFileSystem(uint64_t bytes) : FileSystemWrapper(rocksdb::FileSystem::Default()), left_(bytes) {}
  const char* Name() const override { return "geokg.DiskBudget"; }

  rocksdb::IOStatus NewWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = target()->NewWritableFile(name, options, result, dbg);
    if (s.ok()) *result = std::make_unique<BudgetFile>(std::move(*result), &left_);
    return s;
  }

 private:
  std::atomic<uint64_t> left_;
};

}  // namespace

std::unique_ptr<rocksdb::Env> NewDiskBudgetEnv(uint64_t bytes) {
  return rocksdb::NewCompositeEnv(std::make_shared<BudgetFileSystem>(bytes));
}

}  // namespace geokg::store::internal
