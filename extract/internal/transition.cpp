#include "extract/internal/transition.h"

#include <cassert>

namespace geokg::extract::internal {

Configuration::Configuration(int n) : n_(n), heads_(n + 1, -1), labels_(n + 1, 0), children_(n + 1) {
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
    stack_.push_back(b_++);
    return;
  }
  const int dependent = stack_.back();
  stack_.pop_back();
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

}  // namespace geokg::extract::internal
