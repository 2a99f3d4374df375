#include "extract/internal/transition_train.h"

#include <algorithm>
#include <cstdlib>

namespace geokg::extract::internal {
namespace {

// The first word in the buffer; n + 1 when only the root is left.
int FirstInBuffer(const Configuration& c) { return c.Buffer(0) > 0 ? c.Buffer(0) : c.size() + 1; }

// Whether the arc into `d` covers only words its head dominates.
bool ArcIsProjective(std::span<const int> heads, int d) {
  const int n = static_cast<int>(heads.size()) - 1;
  const int h = heads[d];
  if (h <= 0) return true;  // arcs from the root cover nothing that it does not dominate
  for (int k = std::min(d, h) + 1; k < std::max(d, h); ++k) {
    int a = k;
    for (int steps = 0; steps <= n && a != h && a > 0; ++steps) a = heads[a];
    if (a != h) return false;
  }
  return true;
}

}  // namespace

int OracleCost(const Configuration& c, Move m, uint8_t label, std::span<const int> gold_heads,
               std::span<const uint8_t> gold_labels) {
  const int first = FirstInBuffer(c);
  if (m == Move::kShift) {
    // b0 can still get its head from s0 (by Right, once on the stack) or the buffer, and
    // cannot get dependents from the stack any more.
    const int h = gold_heads[first];
    int lost = 0;
    for (size_t k = 0; k < c.stack_depth(); ++k) {
      const int s = c.Stack(k);
      lost += (k > 0 && s == h) + (gold_heads[s] == first);
    }
    return lost;
  }
  const int s = c.Stack(0);
  const int h = gold_heads[s];
  const int head = m == Move::kLeft ? c.Buffer(0) : c.Stack(1);
  const bool h_in_buffer = h == 0 || h >= first;
  int lost = 0;  // s's dependents still in the buffer
  for (int d = first; d <= c.size(); ++d) lost += gold_heads[d] == s;
  if (h == head) return lost + (gold_labels[s] != label);
  if (m == Move::kLeft) return lost + (h == c.Stack(1) || h_in_buffer);
  return lost + h_in_buffer;
}

bool IsProjective(std::span<const int> heads) {
  for (int d = 1; d < static_cast<int>(heads.size()); ++d)
    if (!ArcIsProjective(heads, d)) return false;
  return true;
}

void Projectivize(std::span<int> heads) {
  while (true) {
    int shortest = -1;
    for (int d = 1; d < static_cast<int>(heads.size()); ++d)
      if (!ArcIsProjective(heads, d) && (shortest < 0 || std::abs(heads[d] - d) < std::abs(heads[shortest] - shortest)))
        shortest = d;
    if (shortest < 0) return;
    heads[shortest] = heads[heads[shortest]];
  }
}

}  // namespace geokg::extract::internal
