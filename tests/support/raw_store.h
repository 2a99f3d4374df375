// tests/support/raw_store.h -- changes a store's rows behind geokg's back, as another program
// or damage would: opens its RocksDB directory directly, with every column family.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <rocksdb/db.h>
#include <catch2/catch.hpp>

namespace geokg::testing {

// Calls edit(db, family) with the handle of each column family of the store at `path`, by
// name ("meta", "names", "pos", ...), then closes it.
inline void EditRaw(
    const std::string& path,
    const std::function<void(rocksdb::DB& db, const std::string& family, rocksdb::ColumnFamilyHandle* handle)>& edit) {
  std::vector<std::string> names;
  REQUIRE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const auto& n : names) families.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::Open(rocksdb::Options(), path, families, &handles, &raw).ok());
  for (size_t i = 0; i < names.size(); ++i) edit(*raw, names[i], handles[i]);
  for (auto* h : handles) REQUIRE(raw->DestroyColumnFamilyHandle(h).ok());
  delete raw;
}

// Writes `version` as the schema of the store at `path`, as another geokg would have.
inline void SetSchema(const std::string& path, const std::string& version) {
  EditRaw(path, [&](rocksdb::DB& db, const std::string& family, rocksdb::ColumnFamilyHandle* handle) {
    if (family == "meta") REQUIRE(db.Put(rocksdb::WriteOptions(), handle, "schema", version).ok());
  });
}

}  // namespace geokg::testing
