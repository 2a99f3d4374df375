#include "extract/internal/transition.h"

#include <algorithm>
#include <cassert>

namespace geokg::extract::internal {

Configuration::Configuration(int n)
    : n_(n), in_stack_(n + 1, 0), heads_(n + 1, -1), labels_(n + 1, 0), children_(n + 1) {
  stack_.reserve(n);
}

bool Configuration::Can(Move m) const {
  switch (m) {
    case Move::kShift:
      return CanShift();
    case Move::kLeft:
      return CanLeft();
    case Move::kRight:
      return CanRight();
  }
  return false;
}

void Configuration::Apply(Move m, uint8_t label) {
  assert(Can(m));
  if (m == Move::kShift) {
    in_stack_[b_] = 1;
    stack_.push_back(b_++);
    return;
  }
  const int dependent = stack_.back();
  stack_.pop_back();
  in_stack_[dependent] = 0;
  const int head = m == Move::kLeft ? Buffer(0) : stack_.back();
  heads_[dependent] = head;
  labels_[dependent] = label;
  if (head == 0) return;
  Children& c = children_[head];
  const uint64_t bit = uint64_t{1} << (label & 63);
  // Arc-hybrid adds a head's left dependents from the nearest outwards and its right
  // dependents from left to right, so the new one is always the outermost.
  if (dependent < head) {
    c.left2 = c.left1;
    c.left1 = dependent;
    ++c.num_left;
    c.left_labels |= bit;
  } else {
    c.right2 = c.right1;
    c.right1 = dependent;
    ++c.num_right;
    c.right_labels |= bit;
  }
}

int Configuration::DependentsInBuffer(int word, std::span<const int> gold_heads) const {
  int lost = 0;
  for (int d = b_; d <= n_; ++d) lost += gold_heads[d] == word;
  return lost;
}

int Configuration::Cost(Move m, uint8_t label, std::span<const int> gold_heads,
                        std::span<const uint8_t> gold_labels) const {
  if (m == Move::kShift) {
    // b0 can still get its head from s0 (by Right, once on the stack) or the buffer, and
    // cannot get dependents from the stack any more.
    const int b = b_;
    const int h = gold_heads[b];
    int lost = h > 0 && h != Stack(0) && in_stack_[h];
    for (int s : stack_) lost += gold_heads[s] == b;
    return lost;
  }
  const int s = Stack(0);
  const int h = gold_heads[s];
  const int head = m == Move::kLeft ? Buffer(0) : Stack(1);
  int lost = DependentsInBuffer(s, gold_heads);
  if (h == head) return lost + (gold_labels[s] != label);
  if (m == Move::kLeft) return lost + (h == Stack(1) || InBuffer(h));
  return lost + InBuffer(h);
}

namespace {

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
