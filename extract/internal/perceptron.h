// extract/internal/perceptron.h -- the linear models behind the tagger and the parser.
//
// Features are 64-bit hashes (see FeatureKey). A model's weights are FrozenWeights, a compact
// read-only table of int16 weights that keeps only rows and entries worth their bytes; training
// makes them with AveragedPerceptron (perceptron_train.h, library geokg_extract_train). A
// FrozenWeights is immutable after loading and safe to share between threads.
#pragma once

#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <new>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/internal/binary_io.h"
#include "graph/status.h"

namespace geokg::extract::internal {

class BinaryWriter;  // model_file_train.h

// 64-bit FNV-1a of a string: the per-token part of a feature, computed once per token.
inline constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL, kFnvPrime = 0x100000001b3ULL;
inline uint64_t HashString(std::string_view s) {
  uint64_t h = kFnvBasis;
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

// HashString of the ASCII-lower-cased string: the key of a word regardless of capitalisation.
inline uint64_t HashLower(std::string_view s) {
  uint64_t h = kFnvBasis;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    h *= kFnvPrime;
  }
  return h;
}

// The index of the highest of scores[begin, end), the first of equals; `begin` if the range is
// empty.
template <class Score>
uint32_t Argmax(const Score* scores, uint32_t begin, uint32_t end) {
  uint32_t best = begin;
  for (uint32_t c = begin + 1; c < end; ++c)
    if (scores[c] > scores[best]) best = c;
  return best;
}
// The same for the integer scores of FrozenWeights, eight at a time where the CPU has AVX2:
// choosing among a hundred actions one by one took a twentieth of the parser's instructions.
uint32_t ArgmaxOfEightOrMore(const int32_t* scores, uint32_t begin, uint32_t end);
inline uint32_t Argmax(const int32_t* scores, uint32_t begin, uint32_t end) {
  return end < begin + 8 ? Argmax<int32_t>(scores, begin, end) : ArgmaxOfEightOrMore(scores, begin, end);
}

// Mix on a uint64_t or on a vector of them, lane by lane (KeyBatch hashes four keys at once).
// GCC warns that a 32-byte vector returned without AVX changes the ABI; always inlined, no
// such vector crosses a call.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"
template <class V>
[[gnu::always_inline]] inline V MixLanes(V h, V v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}
#pragma GCC diagnostic pop

// Mixes a value into a running hash (murmur3's finaliser on a combination), so that feature
// keys are built from template ids and token hashes without making strings.
[[gnu::always_inline]] inline uint64_t Mix(uint64_t h, uint64_t v) { return MixLanes(h, v); }

// Always inlined: feature extractors call these dozens of times with constant template ids,
// which fold into the first Mix.
[[gnu::always_inline]] inline uint64_t FeatureKey(uint32_t template_id, uint64_t a) {
  return Mix(Mix(template_id, a), 1);
}
[[gnu::always_inline]] inline uint64_t FeatureKey(uint32_t template_id, uint64_t a, uint64_t b) {
  return Mix(Mix(Mix(template_id, a), b), 2);
}
[[gnu::always_inline]] inline uint64_t FeatureKey(uint32_t template_id, uint64_t a, uint64_t b, uint64_t c) {
  return Mix(Mix(Mix(Mix(template_id, a), b), c), 3);
}

// The FeatureKey()s of up to kMax templates, hashed together: a feature extractor adds each
// template's id and values in order, and Hash() writes their keys in that order. Templates with
// the same number of values are hashed four at a time, with AVX2 where the CPU has it: the
// parser's features, hashed one key after another, were a third of its instructions outside
// the weights.
class KeyBatch {
 public:
  static constexpr uint32_t kMax = 128;
  // Whether Hash() keeps the templates' order. In any order, keys are written group by group,
  // four at a time, with no scattering to their templates' places, and f must have room for
  // three more: FrozenWeights' integer scores do not depend on the order (training's float
  // sums do).
  enum class Order { kTemplates, kAny };

  explicit KeyBatch(Order order = Order::kTemplates) : order_(order) {}

  [[gnu::always_inline]] void Add(uint32_t template_id, uint64_t a) { Put(0, template_id, a, 0, 0); }
  [[gnu::always_inline]] void Add(uint32_t template_id, uint64_t a, uint64_t b) { Put(1, template_id, a, b, 0); }
  [[gnu::always_inline]] void Add(uint32_t template_id, uint64_t a, uint64_t b, uint64_t c) {
    Put(2, template_id, a, b, c);
  }
  // Writes the keys of the templates added to f, in the batch's order, and returns their number.
  size_t Hash(uint64_t* f);

  // Templates with the same number of values, padded to a multiple of four lanes.
  struct Group {
    uint32_t n = 0;
    uint64_t id[kMax + 3], values[3][kMax + 3];
    uint8_t at[kMax + 3];  // the position of each key in template order
  };

 private:
  [[gnu::always_inline]] void Put(int arity_minus_1, uint32_t template_id, uint64_t a, uint64_t b, uint64_t c) {
    Group& g = groups_[arity_minus_1];
    g.id[g.n] = template_id;
    g.values[0][g.n] = a;
    if (arity_minus_1 >= 1) g.values[1][g.n] = b;
    if (arity_minus_1 >= 2) g.values[2][g.n] = c;
    if (order_ == Order::kTemplates) g.at[g.n] = static_cast<uint8_t>(size_);
    ++g.n;
    ++size_;
  }

  Order order_;
  Group groups_[3];
  uint32_t size_ = 0;
};

// Allocates large arrays on 2 MB-aligned memory marked for transparent huge pages: weight
// lookups are random accesses over megabytes, and with 4 KB pages most of them would also miss
// the TLB. resize() default-initialises, so leaves numbers unset: a loaded table writes each
// of them once rather than after zeroing tens of megabytes.
template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n);
  void deallocate(T* p, size_t) { std::free(p); }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
  template <class U>
  void construct(U* p) {
    ::new (static_cast<void*>(p)) U;
  }
  bool operator==(const HugePageAllocator&) const { return true; }
};

template <class T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

// Read-only weights, laid out for few cache misses and vector adds. A feature key's low bits
// pick one of a power-of-two number of buckets and its top 16 bits are its fingerprint; the
// pair (the "partial key") is all a model keeps of a feature, so a feature the model lacks
// matches one it has about once in 16000 lookups: mere noise. Partial keys are found in an
// open-addressing table of 8-byte slots (one cache miss), which points into a pool of rows:
// rows with many entries are dense int16 vectors added with SIMD, the others sparse
// (class, weight) pairs. Files store the rows bucket by bucket, column by column, so that zstd
// compresses them, and each weight as one byte indexing 256 levels (one-dimensional k-means of
// the weights: a third smaller than int16, and the ranking of classes barely moves); the
// in-memory layout is rebuilt on loading.
class FrozenWeights {
 public:
  FrozenWeights() = default;

  uint32_t num_classes() const { return num_classes_; }
  size_t num_features() const { return origins_.size(); }
  size_t num_entries() const { return num_entries_; }

  // Writes the sums of the weights of `features` to scores[0, num_classes), in model units.
  void Score(std::span<const uint64_t> features, int32_t* scores) const;

  // Reads a table that WriteWeights (perceptron_train.h) wrote.
  Status Read(BinaryReader& in);

 private:
  friend class AveragedPerceptron;  // Freeze() builds the table from its rows
  // Training makes smaller and averaged copies of tables and writes them (perceptron_train.h).
  friend FrozenWeights PrunedWeights(const FrozenWeights& weights, float min_feature_weight, float min_entry_weight);
  friend FrozenWeights MeanWeights(std::span<const FrozenWeights* const> models);
  friend void WriteWeights(const FrozenWeights& weights, BinaryWriter& out);
  // One feature as files store it: its bucket, fingerprint and nonzero (class, weight) entries.
  struct Row {
    uint32_t bucket = 0;
    uint16_t fingerprint = 0;
    std::vector<std::pair<uint8_t, int16_t>> entries;
  };
  // Rows in flat arrays: loading makes hundreds of thousands.
  struct Rows {
    std::vector<uint32_t> bucket;
    std::vector<uint16_t> fingerprint;
    std::vector<uint32_t> begin{0};  // row i's entries are [begin[i], begin[i + 1])
    // Left unset by resize() (a HugeVector), so that loading writes each entry once.
    struct Entry {
      uint8_t class_id;
      int16_t weight;
    };
    HugeVector<Entry> entries;
    size_t size() const { return bucket.size(); }
    size_t num_entries(size_t i) const { return begin[i + 1] - begin[i]; }
    void Add(uint32_t b, uint16_t fp) {
      bucket.push_back(b);
      fingerprint.push_back(fp);
      begin.push_back(begin.back());
    }
    void AddEntry(uint8_t c, int16_t w) {
      entries.push_back({c, w});
      ++begin.back();
    }
  };
  // The number of buckets (a power of two) for `num_features` features.
  static uint32_t BucketsFor(size_t num_features);
  // Fills the table from `rows` for `num_buckets` (a power of two); files list the rows
  // stably sorted by bucket.
  void Build(const Rows& rows, uint32_t num_buckets);
  // Calls fn(row) for each row in file order, reusing one Row.
  template <class Fn>
  void ForEachRow(Fn&& fn) const;
  // The pool offset of the row of the partial key whose home slot and Check() these are, or
  // empty_row_.
  uint32_t Find(size_t home, uint32_t check) const;
  // Score's lookups: the rows of keys[0, n) (empty_row_ where absent), n at most kBatch, which
  // are prefetched; and the same code built for AVX2, which computes the partial keys four at
  // a time.
  static constexpr size_t kBatch = 128;
  void FindRows(const uint64_t* keys, size_t n, uint32_t* rows) const;
#if defined(__x86_64__)
  void FindRowsAvx2(const uint64_t* keys, size_t n, uint32_t* rows) const;
#endif
  uint64_t PartialKey(uint64_t key) const { return (key >> 48) << bucket_bits_ | (key & (num_buckets_ - 1)); }
  // What a slot stores to identify a partial key: the bits above the slot index and the low 16
  // bits of its home slot. Exact while no run of occupied slots reaches 65536, which Build
  // ensures for hashed keys.
  uint32_t Check(uint64_t partial_key) const {
    return static_cast<uint32_t>((partial_key >> slot_bits_) << 16 | (partial_key & 0xFFFF));
  }

  static constexpr uint32_t kFreeCheck = 0xFFFFFFFF;  // the check of a free slot
  static constexpr uint32_t kDense = 0x8000;          // header flag of dense rows
  static constexpr uint32_t kLanes = 16;              // dense rows are added this many classes at a time
  // Rows with at least 1/kDenseFraction of the classes are dense: adding a dense row costs
  // about as much as adding a few sparse entries one by one (with AVX2's int16 adds, an eighth
  // rather than a quarter took `geokg parse` from 29,885 to 28,565 instructions a word, and
  // its memory from 84 to 100 MB).
  static constexpr uint32_t kDenseFraction = 8;
  // A slot of the table: a row and the Check() of its partial key; when free, empty_row_ and
  // all ones.
  struct Slot {
    uint32_t row;
    uint32_t check;
  };

  // What files need of a row and Score() does not: kept apart so the pool stays compact.
  struct RowOrigin {
    uint32_t offset = 0;  // in pool_
    uint32_t bucket = 0;
    uint16_t fingerprint = 0;
  };

  uint32_t num_classes_ = 0;
  uint32_t stride_ = 0;  // dense row length: num_classes_ rounded up to kLanes
  float scale_ = 1;      // stored weight = averaged weight * scale_
  uint32_t num_buckets_ = 1;
  uint32_t bucket_bits_ = 0;
  uint32_t slot_bits_ = 0;
  size_t num_entries_ = 0;
  HugeVector<Slot> slots_;
  // A row with no entries at the end of the pool, the row of every free slot: absent features
  // are added like others, for nothing, with no test.
  uint32_t empty_row_ = 0;
  // Rows, those with the most entries (the most frequent features) first so that the ones
  // in use share cache lines and pages: a header word (number of entries, or for dense rows
  // kDense | the largest weight's magnitude, at most 32767), then
  // either (class, weight) word pairs or, for dense rows, stride_ weights aligned to kLanes.
  HugeVector<int16_t> pool_;
  std::vector<RowOrigin> origins_;  // in file order
};

template <class Fn>
void FrozenWeights::ForEachRow(Fn&& fn) const {
  Row row;
  for (const RowOrigin& origin : origins_) {
    row.bucket = origin.bucket;
    row.fingerprint = origin.fingerprint;
    row.entries.clear();
    const int16_t* p = &pool_[origin.offset];
    const uint32_t header = static_cast<uint16_t>(p[0]);
    if (header & kDense) {
      for (uint32_t c = 0; c < num_classes_; ++c)
        if (p[1 + c] != 0) row.entries.emplace_back(static_cast<uint8_t>(c), p[1 + c]);
    } else {
      for (uint32_t k = 0; k < header; ++k) row.entries.emplace_back(static_cast<uint8_t>(p[1 + 2 * k]), p[2 + 2 * k]);
    }
    fn(row);
  }
}

template <class T>
T* HugePageAllocator<T>::allocate(size_t n) {
  constexpr size_t kHuge = size_t{2} << 20;
  const size_t bytes = n * sizeof(T);
  if (bytes < kHuge / 2) {
    if (void* p = std::malloc(bytes == 0 ? 1 : bytes)) return static_cast<T*>(p);
    throw std::bad_alloc();
  }
  const size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
  void* p = std::aligned_alloc(kHuge, rounded);
  if (p == nullptr) throw std::bad_alloc();
  madvise(p, rounded, MADV_HUGEPAGE);  // a hint: without huge pages it is merely slower
  return static_cast<T*>(p);
}

}  // namespace geokg::extract::internal
