// extract/internal/transition.h -- the arc-hybrid transition system (Kuhlmann et al. 2011) with
// the artificial root at the end of the buffer, so that the root is chosen last and only one
// word attaches to it. Its dynamic oracle, for training: transition_train.h.
//
// Words are numbered 1..n; 0 is the root. A Configuration is a value owned by one parse.
#pragma once

#include <cstddef>
#include <cstdint>
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

 private:
  int n_;
  int b_ = 1;  // first buffer word; n_ + 1 when only the root is left
  std::vector<int> stack_;
  std::vector<int> heads_;
  std::vector<uint8_t> labels_;
  std::vector<Children> children_;
};

}  // namespace geokg::extract::internal
