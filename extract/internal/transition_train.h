// extract/internal/transition_train.h -- what training the parser (parser_train.h) needs of the
// transition system (transition.h): its dynamic oracle (Goldberg & Nivre 2013), the number of
// gold arcs an action makes unreachable, exact for projective gold trees; and the lifting of
// non-projective training trees. Library geokg_extract_train (the runtime never links it).
#pragma once

#include <cstdint>
#include <span>

#include "extract/internal/transition.h"

namespace geokg::extract::internal {

// Gold arcs lost by applying `m` with `label` to `c`. gold_heads/gold_labels index 1..n.
int OracleCost(const Configuration& c, Move m, uint8_t label, std::span<const int> gold_heads,
               std::span<const uint8_t> gold_labels);

// Whether the tree given by heads[1..n] (heads[0] unused) has no crossing arcs.
bool IsProjective(std::span<const int> heads);

// Makes the tree projective by lifting the shortest crossing arcs to the head's head, one step
// at a time (Nivre & Nilsson 2005 without the label encoding), so that the few non-projective
// training trees still teach the parser everything but their crossing arcs.
void Projectivize(std::span<int> heads);

}  // namespace geokg::extract::internal
