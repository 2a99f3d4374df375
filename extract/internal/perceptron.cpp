#include "extract/internal/perceptron.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <numeric>
#include <utility>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace geokg::extract::internal {
namespace {

// `items` stably ordered by key(item), a number below `num_keys`: a counting sort, linear in
// the hundreds of thousands of rows that loading a model orders twice.
template <class Key>
std::vector<uint32_t> StablyOrdered(const std::vector<uint32_t>& items, size_t num_keys, Key key) {
  std::vector<uint32_t> start(num_keys + 1, 0);
  for (uint32_t i : items) ++start[key(i) + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<uint32_t> out(items.size());
  for (uint32_t i : items) out[start[key(i)]++] = i;
  return out;
}

#if defined(__x86_64__)
// Whether the CPU has AVX2, found once at start-up rather than in function-local statics, whose
// guards are tested on every call (in the dispatch to Argmax's AVX2 version GCC saved four
// registers before that test: 17 instructions a call where 3 do). Before its initialisation
// (for a caller in another file's static initialisers) it reads false, and the portable code,
// which gives the same results, runs.
const bool kAvx2 = (__builtin_cpu_init(), __builtin_cpu_supports("avx2"));
#endif

// Rows have at most one entry per class: 256 (more only in a damaged file, where the order
// of rows does not matter).
constexpr size_t kMaxEntries = 256;

// Features per bucket in the files: fewer buckets mean fewer bits of each feature kept (see
// FrozenWeights), more a longer list of bucket sizes to store.
constexpr size_t kFeaturesPerBucket = 4;

// Writes (classes[e], codebook[codes[e]]) to entries[e] for each entry: a function of its own,
// whose few pointers stay in registers (inside Read, GCC kept them on the stack and reloaded
// them for every entry of the millions, as byte stores may alias them).
template <class Entry>
[[gnu::noinline]] void DecodeEntries(std::span<const uint8_t> classes, std::span<const uint8_t> codes,
                                     const std::vector<int16_t>& codebook, Entry* entries) {
  const int16_t* const levels = codebook.data();
  for (size_t e = 0; e < classes.size(); ++e) entries[e] = {classes[e], levels[codes[e]]};
}

}  // namespace

uint32_t FrozenWeights::BucketsFor(size_t num_features) {
  return static_cast<uint32_t>(std::bit_ceil(std::max<size_t>(num_features / kFeaturesPerBucket, 1)));
}

void FrozenWeights::Build(const Rows& rows, uint32_t num_buckets) {
  num_buckets_ = num_buckets;
  bucket_bits_ = static_cast<uint32_t>(std::countr_zero(num_buckets));
  stride_ = (num_classes_ + kLanes - 1) / kLanes * kLanes;
  num_entries_ = rows.entries.size();
  // Stably by bucket: files list the rows so already, training may not.
  std::vector<uint32_t> file_order(rows.size());
  std::iota(file_order.begin(), file_order.end(), 0u);
  if (!std::is_sorted(rows.bucket.begin(), rows.bucket.end()))
    file_order = StablyOrdered(file_order, num_buckets, [&](uint32_t i) { return rows.bucket[i]; });
  const std::vector<uint32_t> order =  // by entry count, most first
      StablyOrdered(file_order, kMaxEntries + 1,
                    [&](uint32_t i) { return kMaxEntries - std::min<size_t>(rows.num_entries(i), kMaxEntries); });
  auto is_dense = [&](uint32_t i) { return rows.num_entries(i) * kDenseFraction >= num_classes_; };
  // Offsets first, so that the pool is allocated (and its pages touched) once.
  std::vector<uint32_t> offset(rows.size());
  size_t size = 0;
  for (uint32_t i : order) {
    if (is_dense(i)) size += (kLanes - 1) - size % kLanes;  // align the weights after the header
    offset[i] = static_cast<uint32_t>(size);
    size += 1 + (is_dense(i) ? stride_ : 2 * rows.num_entries(i));
  }
  empty_row_ = static_cast<uint32_t>(size++);
  // Every element written once: alignment gaps and the weights of dense rows zeroed here.
  pool_.clear();
  pool_.resize(size);
  pool_[empty_row_] = 0;
  size_t written = 0;
  const Rows::Entry* const entries = rows.entries.data();
  for (uint32_t i : order) {
    const uint32_t n = static_cast<uint32_t>(rows.num_entries(i));
    std::fill(pool_.begin() + written, pool_.begin() + offset[i], 0);
    written = offset[i] + 1 + (is_dense(i) ? stride_ : 2 * n);
    int16_t* p = &pool_[offset[i]];
    const Rows::Entry *const begin = &entries[rows.begin[i]], *const end = begin + n;
    if (is_dense(i)) {
      std::fill_n(p + 1, stride_, 0);
      // The largest magnitude from the least and greatest of the row's weights and the zeros.
      int16_t least = 0, greatest = 0;
      for (const Rows::Entry* e = begin; e < end; ++e) {
        p[1 + e->class_id] = e->weight;
        least = std::min(least, e->weight);
        greatest = std::max(greatest, e->weight);
      }
      p[0] = static_cast<int16_t>(kDense | std::min<int>(std::max<int>(-least, greatest), kDense - 1));
    } else {
      *p++ = static_cast<int16_t>(n);
      for (const Rows::Entry* e = begin; e < end; ++e) {
        *p++ = static_cast<int16_t>(e->class_id);
        *p++ = e->weight;
      }
    }
  }
  origins_.resize(rows.size());
  for (size_t k = 0; k < file_order.size(); ++k) {
    const uint32_t i = file_order[k];
    origins_[k] = {offset[i], rows.bucket[i], rows.fingerprint[i]};
  }
  // Partial keys have bucket_bits_ + 16 bits; slot_bits_ >= bucket_bits_ keeps Check() within
  // 32 bits and >= 16 keeps a home slot's low 16 bits inside the partial key. At most three
  // slots in eight are taken: most lookups are of features the model lacks, and their probes
  // run to the next free slot (a fuller table, at most six in eight, cost 860 instructions a
  // word of `geokg parse` more; an emptier one costs more to load than it saves).
  slot_bits_ = std::max<uint32_t>({bucket_bits_, 16, static_cast<uint32_t>(std::bit_width(rows.size() * 8 / 3))});
  // A fingerprint twin in the same bucket is unreachable: the first in file order wins.
  std::vector<uint8_t> shadowed(rows.size(), 0);
  for (size_t a = 0; a < file_order.size(); ++a) {
    const uint32_t i = file_order[a];
    for (size_t b = a + 1; b < file_order.size() && rows.bucket[file_order[b]] == rows.bucket[i]; ++b)
      shadowed[file_order[b]] |= rows.fingerprint[file_order[b]] == rows.fingerprint[i];
  }
  for (;; ++slot_bits_) {
    slots_.assign(size_t{1} << slot_bits_, Slot{empty_row_, kFreeCheck});
    const size_t mask = slots_.size() - 1;
    // The longest run of occupied slots bounds every probe; below 65536 a match of Check()
    // implies the same home slot, so the same partial key. A run that long would fill at least
    // one whole aligned block of 32768 slots (the table has two or more): taken slots are
    // counted block by block as rows are inserted, rather than runs measured slot by slot.
    constexpr uint32_t kBlockBits = 15;
    std::vector<uint32_t> taken(slots_.size() >> kBlockBits, 0);
    // Inserting the frequent features first puts them nearest their home slots.
    for (uint32_t i : order) {
      if (shadowed[i]) continue;
      const uint64_t pk = static_cast<uint64_t>(rows.fingerprint[i]) << bucket_bits_ | rows.bucket[i];
      size_t j = pk & mask;
      while (slots_[j].row != empty_row_) j = (j + 1) & mask;
      slots_[j] = {offset[i], Check(pk)};
      ++taken[j >> kBlockBits];
    }
    // Hashed keys never fill a block (at most three slots in eight are taken); a handmade file
    // might, and then gets at most two doublings (its lookups may confuse features, but every
    // slot points at a real row).
    const bool full = std::find(taken.begin(), taken.end(), uint32_t{1} << kBlockBits) != taken.end();
    if (!full || slots_.size() >= 8 * std::max<size_t>(rows.size(), size_t{1} << 16)) break;
  }
}

uint32_t FrozenWeights::Find(size_t home, uint32_t check) const {
  const size_t mask = slots_.size() - 1;
  // The check first: most lookups find their row in its home slot. An empty slot matches only
  // a check of all ones, and then gives empty_row_, as it should.
  for (size_t j = home;; j = (j + 1) & mask) {
    if (slots_[j].check == check) return slots_[j].row;
    if (slots_[j].row == empty_row_) return empty_row_;
  }
}

namespace {

// Sixteen weights as eight 32-bit lanes: each lane holds an even class's weight in its low
// half and the next class's in its high half, which arithmetic shifts sign-extend in place.
using Lanes = int32_t __attribute__((vector_size(32)));

// Writes the sums of the rows at `rows` (pool offsets) of a table whose dense rows are kBlocks
// blocks of sixteen weights after a header whose bit `dense_flag` marks them to
// scores[0, num_classes). With the stride a constant, the dense sums stay in registers for all
// the rows (even and odd classes apart). Sparse entries go to `acc` one by one.
template <uint32_t kBlocks>
void AddRows(const int16_t* pool, const uint32_t* rows, size_t n, uint32_t dense_flag, uint32_t num_classes,
             int32_t* scores) {
  int32_t acc[16 * kBlocks] = {};
  Lanes even[kBlocks] = {}, odd[kBlocks] = {};
  for (size_t i = 0; i < n; ++i) {
    const int16_t* row = pool + rows[i];
    const uint32_t header = static_cast<uint16_t>(*row++);
    if (header & dense_flag) {
      for (uint32_t b = 0; b < kBlocks; ++b) {
        Lanes w;
        std::memcpy(&w, row + 16 * b, sizeof w);
        even[b] += (w << 16) >> 16;
        odd[b] += w >> 16;
      }
    } else {
      for (uint32_t k = 0; k < header; ++k, row += 2) acc[static_cast<uint16_t>(row[0])] += row[1];
    }
  }
  for (uint32_t b = 0; b < kBlocks; ++b)
    for (uint32_t k = 0; k < 8; ++k) {
      acc[16 * b + 2 * k] += even[b][k];
      acc[16 * b + 2 * k + 1] += odd[b][k];
    }
  std::copy_n(acc, num_classes, scores);
}

using AddRowsFn = void (*)(const int16_t*, const uint32_t*, size_t, uint32_t, uint32_t, int32_t*);

#if defined(__x86_64__)
// AddRows with AVX2: dense rows are summed sixteen weights to an instruction in int16 lanes,
// which hold the exact sums while the magnitudes of the rows' largest weights (their headers)
// add up to at most 32767; before that bound would pass, the int16 sums are widened into the
// int32 ones. The sums are the same as the portable code's.
template <uint32_t kBlocks>
[[gnu::target("avx2")]] void AddRowsAvx2(const int16_t* pool, const uint32_t* rows, size_t n, uint32_t dense_flag,
                                         uint32_t num_classes, int32_t* scores) {
  // Zeroed by vector stores of a value GCC cannot see is zero: it turns stores of zeros into
  // `rep stos`, slower for a few hundred bytes.
  __m256i zero = _mm256_setzero_si256();
  asm("" : "+x"(zero));
  alignas(32) int32_t acc[16 * kBlocks];  // sparse entries
  for (uint32_t b = 0; b < 2 * kBlocks; ++b) _mm256_store_si256(reinterpret_cast<__m256i*>(acc + 8 * b), zero);
  __m256i wide[2 * kBlocks];  // dense rows' int32 sums, in registers when few
  for (uint32_t b = 0; b < 2 * kBlocks; ++b) wide[b] = zero;
  for (size_t i = 0; i < n;) {
    __m256i sums[kBlocks];
    for (uint32_t b = 0; b < kBlocks; ++b) sums[b] = zero;
    uint32_t bound = 0;  // the largest magnitude any of `sums` can have
    for (; i < n; ++i) {
      const int16_t* row = pool + rows[i];
      const uint32_t header = static_cast<uint16_t>(*row++);
      if (header & dense_flag) {
        const uint32_t largest = header & (dense_flag - 1);
        if (bound + largest > 32767) break;
        bound += largest;
        for (uint32_t b = 0; b < kBlocks; ++b)
          sums[b] = _mm256_add_epi16(sums[b], _mm256_loadu_si256(reinterpret_cast<const __m256i*>(row + 16 * b)));
      } else {
        for (uint32_t k = 0; k < header; ++k, row += 2) acc[static_cast<uint16_t>(row[0])] += row[1];
      }
    }
    for (uint32_t b = 0; b < kBlocks; ++b) {
      wide[2 * b] = _mm256_add_epi32(wide[2 * b], _mm256_cvtepi16_epi32(_mm256_castsi256_si128(sums[b])));
      wide[2 * b + 1] = _mm256_add_epi32(wide[2 * b + 1], _mm256_cvtepi16_epi32(_mm256_extracti128_si256(sums[b], 1)));
    }
  }
  // Eight classes to a store; the last few through a mask.
  for (uint32_t b = 0; b < 2 * kBlocks && 8 * b < num_classes; ++b) {
    int32_t* out = scores + 8 * b;
    const __m256i sum = _mm256_add_epi32(wide[b], _mm256_load_si256(reinterpret_cast<const __m256i*>(acc + 8 * b)));
    if (8 * b + 8 <= num_classes) {
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(out), sum);
    } else {
      const __m256i mask = _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<int>(num_classes - 8 * b)),
                                              _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
      _mm256_maskstore_epi32(out, mask, sum);
    }
  }
}
#endif

// AddRows for a stride of 16 * (i + 1) classes, i < sizeof...(k), in the AVX2 version when the
// CPU has it.
template <uint32_t... k>
AddRowsFn AddRowsFor(uint32_t i, std::integer_sequence<uint32_t, k...>) {
#if defined(__x86_64__)
  static constexpr AddRowsFn kAvx2ByStride[] = {&AddRowsAvx2<k + 1>...};
  if (kAvx2) return kAvx2ByStride[i];
#endif
  static constexpr AddRowsFn kByStride[] = {&AddRows<k + 1>...};
  return kByStride[i];
}

// GCC notes, for this file, that a 32-byte vector returned without AVX changes the ABI; the
// helpers that return one are always inlined, so no such vector crosses a call. The note is
// silenced by extract/CMakeLists.txt: a pragma does not reach MixLanes' instantiation.
using KeyLanes = uint64_t __attribute__((vector_size(32)));

[[gnu::always_inline]] inline KeyLanes LoadLanes(const uint64_t* p) {
  KeyLanes v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// FeatureKey() of each template of `g` (arity values each), four lanes at a time; padding
// lanes repeat the last template. In template order, padding lanes write the last key again;
// in any order, the keys go to f[0, g.n), and padding lanes past them.
template <KeyBatch::Order kOrder>
[[gnu::always_inline]] inline void HashGroup(const KeyBatch::Group& g, uint32_t arity, uint64_t* f) {
  for (uint32_t i = 0; i < g.n; i += 4) {
    KeyLanes h = MixLanes(LoadLanes(g.id + i), LoadLanes(g.values[0] + i));
    for (uint32_t j = 1; j < arity; ++j) h = MixLanes(h, LoadLanes(g.values[j] + i));
    h = MixLanes(h, KeyLanes{} + arity);
    if constexpr (kOrder == KeyBatch::Order::kTemplates) {
      for (uint32_t k = 0; k < 4; ++k) f[g.at[i + k]] = h[k];
    } else {
      std::memcpy(f + i, &h, sizeof h);
    }
  }
}

using HashGroupsFn = void (*)(const KeyBatch::Group*, uint64_t*);

template <KeyBatch::Order kOrder>
[[gnu::always_inline]] inline void HashAllGroups(const KeyBatch::Group* groups, uint64_t* f) {
  for (uint32_t k = 0; k < 3; ++k) {
    HashGroup<kOrder>(groups[k], k + 1, f);
    if constexpr (kOrder == KeyBatch::Order::kAny) f += groups[k].n;
  }
}

template <KeyBatch::Order kOrder>
void HashGroups(const KeyBatch::Group* groups, uint64_t* f) {
  HashAllGroups<kOrder>(groups, f);
}

#if defined(__x86_64__)
// The same in AVX2: 64-bit lanes, with the multiplication done as three 32-bit ones.
template <KeyBatch::Order kOrder>
[[gnu::target("avx2")]] void HashGroupsAvx2(const KeyBatch::Group* groups, uint64_t* f) {
  HashAllGroups<kOrder>(groups, f);
}
#endif

}  // namespace

namespace {

#if defined(__x86_64__)
[[gnu::target("avx2"), gnu::always_inline]] inline __m256i EightAt(const int32_t* p) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}

// Argmax of eight or more scores in AVX2: the highest by eight-lane maxima, then the first lane
// that holds it. The last eight lanes are read from end - 8, overlapping lanes already compared.
[[gnu::target("avx2")]] uint32_t ArgmaxAvx2(const int32_t* scores, uint32_t begin, uint32_t end) {
  __m256i top = EightAt(scores + end - 8);
  for (uint32_t c = begin; c + 8 < end; c += 8) top = _mm256_max_epi32(top, EightAt(scores + c));
  top = _mm256_max_epi32(top, _mm256_permute2x128_si256(top, top, 1));
  top = _mm256_max_epi32(top, _mm256_shuffle_epi32(top, _MM_SHUFFLE(1, 0, 3, 2)));
  top = _mm256_max_epi32(top, _mm256_shuffle_epi32(top, _MM_SHUFFLE(2, 3, 0, 1)));
  for (uint32_t c = begin;; c += 8) {
    c = std::min(c, end - 8);
    const int mask = _mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(EightAt(scores + c), top)));
    if (mask != 0) return c + static_cast<uint32_t>(std::countr_zero(static_cast<unsigned>(mask)));
  }
}
#endif

}  // namespace

uint32_t ArgmaxOfEightOrMore(const int32_t* scores, uint32_t begin, uint32_t end) {
#if defined(__x86_64__)
  if (kAvx2) return ArgmaxAvx2(scores, begin, end);
#endif
  return Argmax<int32_t>(scores, begin, end);
}

size_t KeyBatch::Hash(uint64_t* f) {
#if defined(__x86_64__)
  static constexpr HashGroupsFn kHash[2][2] = {{&HashGroups<Order::kTemplates>, &HashGroups<Order::kAny>},
                                               {&HashGroupsAvx2<Order::kTemplates>, &HashGroupsAvx2<Order::kAny>}};
  const HashGroupsFn hash = kHash[kAvx2][order_ == Order::kAny];
#else
  const HashGroupsFn hash = order_ == Order::kAny ? &HashGroups<Order::kAny> : &HashGroups<Order::kTemplates>;
#endif
  // Three lanes of padding whatever the group's size: copies without a loop of their own. The
  // size is read once (the byte stores of `at` could change it, for GCC), and `at` is padded
  // only where it is read.
  for (uint32_t k = 0; k < 3; ++k) {
    Group& g = groups_[k];
    const uint32_t n = g.n;
    if (n == 0) continue;
    std::fill_n(g.id + n, 3, g.id[n - 1]);
    for (uint32_t j = 0; j <= k; ++j) std::fill_n(g.values[j] + n, 3, g.values[j][n - 1]);
    if (order_ == Order::kTemplates) std::fill_n(g.at + n, 3, g.at[n - 1]);
  }
  hash(groups_, f);
  return size_;
}

// Always inlined, into Score and into FindRowsAvx2. Three passes so that the cache misses of
// all features overlap: find the slots, then the rows, then (Score) add.
[[gnu::always_inline]] inline void FrozenWeights::FindRows(const uint64_t* keys, size_t n, uint32_t* rows) const {
  const size_t mask = slots_.size() - 1;
  const Slot* const slots = slots_.data();
  const Slot* home[kBatch];
  uint32_t check[kBatch];
  for (size_t i = 0; i < n; ++i) {
    const uint64_t pk = PartialKey(keys[i]);
    home[i] = slots + (pk & mask);
    check[i] = Check(pk);
  }
#pragma GCC unroll 4
  for (size_t i = 0; i < n; ++i) __builtin_prefetch(home[i]);
  for (size_t i = 0; i < n; ++i) {
    // Most lookups end at their home slot: the probe loop is for the others.
    const Slot& slot = *home[i];
    rows[i] = __builtin_expect(slot.check == check[i], 1) ? slot.row
              : slot.row == empty_row_                    ? empty_row_
                                                          : Find((home[i] - slots + 1) & mask, check[i]);
    __builtin_prefetch(&pool_[rows[i]]);
    __builtin_prefetch(&pool_[rows[i]] + 32);
  }
}

#if defined(__x86_64__)
[[gnu::target("avx2")]] void FrozenWeights::FindRowsAvx2(const uint64_t* keys, size_t n, uint32_t* rows) const {
  FindRows(keys, n, rows);
}
#endif

void FrozenWeights::Score(std::span<const uint64_t> features, int32_t* scores) const {
  if (slots_.empty() || stride_ == 0) {
    std::fill_n(scores, num_classes_, 0);
    return;
  }
  static_assert(kLanes == 16, "AddRowsFor has an adder for each multiple of 16 classes");
  const AddRowsFn add_rows = AddRowsFor(stride_ / kLanes - 1, std::make_integer_sequence<uint32_t, 16>{});
  // All the rows are found first, kBatch at a time, and then summed at once, so that the sums
  // are written rather than added to scores the caller zeroed. The parse and the taggers have
  // fewer than kBatch features.
  uint32_t few[kBatch];
  std::vector<uint32_t> many(features.size() > kBatch ? features.size() : 0);
  uint32_t* const rows = many.empty() ? few : many.data();
  for (size_t start = 0; start < features.size(); start += kBatch) {
    const size_t n = std::min(kBatch, features.size() - start);
#if defined(__x86_64__)
    if (kAvx2) {
      FindRowsAvx2(features.data() + start, n, rows + start);
    } else {
      FindRows(features.data() + start, n, rows + start);
    }
#else
    FindRows(features.data() + start, n, rows + start);
#endif
  }
  add_rows(pool_.data(), rows, features.size(), kDense, num_classes_, scores);
}

Status FrozenWeights::Read(BinaryReader& in) {
  GEOKG_RETURN_IF_ERROR(in.Get(num_classes_));
  GEOKG_RETURN_IF_ERROR(in.Get(scale_));
  std::vector<int16_t> codebook;
  std::vector<uint16_t> bucket_sizes, fingerprints;
  std::span<const uint8_t> lengths, classes, codes;
  GEOKG_RETURN_IF_ERROR(in.GetVector(codebook));
  for (auto* v : {&bucket_sizes, &fingerprints}) GEOKG_RETURN_IF_ERROR(in.GetVector(*v));
  for (auto* v : {&lengths, &classes, &codes}) GEOKG_RETURN_IF_ERROR(in.GetBytes(*v));
  const size_t b = bucket_sizes.size();
  // A table with no weights (pruned to nothing) has an empty codebook.
  if (b == 0 || (b & (b - 1)) != 0 || b > (size_t{1} << 31) || num_classes_ > 256 ||
      (codebook.empty() && !codes.empty()) || codebook.size() > 256 || fingerprints.size() != lengths.size() ||
      classes.size() != codes.size())
    return in.Invalid("has an inconsistent weight table");
  // The largest of each, not a search for the first one out of range: the loops vectorise.
  uint8_t max_class = 0, max_code = 0;
  for (uint8_t c : classes) max_class = std::max(max_class, c);
  for (uint8_t c : codes) max_code = std::max(max_code, c);
  if (!classes.empty() && (max_class >= num_classes_ || max_code >= codebook.size()))
    return in.Invalid("has a class or weight out of range");
  // Filled array by array, not row by row: models have hundreds of thousands of rows.
  Rows rows;
  const size_t num_rows = fingerprints.size();
  rows.bucket.resize(num_rows);
  rows.begin.resize(num_rows + 1);
  size_t feature = 0;
  for (size_t bucket = 0; bucket < b; ++bucket) {
    if (bucket_sizes[bucket] > num_rows - feature) return in.Invalid("has a damaged weight table");
    for (uint32_t k = 0; k < bucket_sizes[bucket]; ++k, ++feature) {
      rows.bucket[feature] = static_cast<uint32_t>(bucket);
      rows.begin[feature + 1] = rows.begin[feature] + lengths[feature];
    }
  }
  if (feature != num_rows || rows.begin[num_rows] != classes.size()) return in.Invalid("has a damaged weight table");
  rows.fingerprint = std::move(fingerprints);
  rows.entries.resize(classes.size());
  DecodeEntries(classes, codes, codebook, rows.entries.data());
  Build(rows, static_cast<uint32_t>(b));
  return Status();
}

}  // namespace geokg::extract::internal
