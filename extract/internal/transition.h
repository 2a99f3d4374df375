// extract/internal/transition.h -- the arc-hybrid transition system (Kuhlmann et al. 2011) with
// the artificial root at the end of the buffer, so that the root is chosen last and only one
// word attaches to it; and its dynamic oracle (Goldberg & Nivre 2013): the number of gold arcs
// an action makes unreachable. The oracle is exact for projective gold trees.
//
// Words are numbered 1..n; 0 is the root. A Configuration is a value owned by one parse.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace geokg::extract::internal {

enum class Move : uint8_t { kShift, kLeft, kRight };

// What the feature templates look at besides the word itself.
struct Children {
  int left1 = -1, left2 = -1;    // leftmost and second-leftmost dependents
  int right1 = -1, right2 = -1;  // rightmost and second-rightmost dependents
  uint8_t num_left = 0, num_right = 0;
  uint64_t left_labels = 0, right_labels = 0;  // bit sets of relation ids (< 64)
};

class Configuration {
 public:
  explicit Configuration(int n);

  int size() const { return n_; }
  bool Terminal() const { return stack_.empty() && b_ > n_; }
  bool CanShift() const { return b_ <= n_; }
  // Attaching to the root (the buffer holds only it) is allowed for the last stack word only.
  bool CanLeft() const { return !stack_.empty() && (b_ <= n_ || stack_.size() == 1); }
  bool CanRight() const { return stack_.size() >= 2; }
  bool Can(Move m) const;

  // Applies a valid move; `label` is the relation of the arc that Left and Right make.
  void Apply(Move m, uint8_t label);

  // The k-th word from the stack top, or -1.
  int Stack(size_t k) const { return k < stack_.size() ? stack_[stack_.size() - 1 - k] : -1; }
  // The k-th buffer item: a word, 0 for the root after the last word, or -1.
  int Buffer(int k) const {
    const int i = b_ + k;
    return i <= n_ ? i : i == n_ + 1 ? 0 : -1;
  }
  size_t stack_depth() const { return stack_.size(); }

  const std::vector<int>& heads() const { return heads_; }  // index 1..n; -1 = none yet
  const std::vector<uint8_t>& labels() const { return labels_; }
  const Children& children(int word) const { return children_[word]; }

  // Dynamic oracle: gold arcs lost by `m` with `label`. gold_heads/gold_labels index 1..n.
  int Cost(Move m, uint8_t label, std::span<const int> gold_heads, std::span<const uint8_t> gold_labels) const;

 private:
  bool InBuffer(int word) const { return word == 0 || word >= b_; }
  int DependentsInBuffer(int word, std::span<const int> gold_heads) const;

  int n_;
  int b_ = 1;  // first buffer word; n_ + 1 when only the root is left
  std::vector<int> stack_;
  std::vector<uint8_t> in_stack_;
  std::vector<int> heads_;
  std::vector<uint8_t> labels_;
  std::vector<Children> children_;
};

// Whether the tree given by heads[1..n] (heads[0] unused) has no crossing arcs.
bool IsProjective(std::span<const int> heads);

// Makes the tree projective by lifting the shortest crossing arcs to the head's head, one step
// at a time (Nivre & Nilsson 2005 without the label encoding), so that the few non-projective
// training trees still teach the parser everything but their crossing arcs.
void Projectivize(std::span<int> heads);

}  // namespace geokg::extract::internal
