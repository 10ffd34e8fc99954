//===- Shuffle.h - The order of examples in each epoch ----------*- C++ -*-===//
//
// Epoch e visits the training set in a permutation that is a pure function
// of (seed, e), identical on every platform: the bits come from
// std::mt19937_64, whose output the C++ standard fixes, and indices are drawn
// by rejection rather than with std::uniform_int_distribution, whose
// algorithm it does not.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_TOOLS_NNC_TRAIN_SHUFFLE_H
#define NNC_TOOLS_NNC_TRAIN_SHUFFLE_H

#include <cstdint>
#include <vector>

namespace nnc::train {

/// A permutation of 0 .. n-1 for epoch `epoch` (Fisher-Yates).
std::vector<int64_t> shuffledOrder(int64_t n, uint64_t seed, int64_t epoch);

} // namespace nnc::train

#endif // NNC_TOOLS_NNC_TRAIN_SHUFFLE_H
