//===- Shuffle.cpp - The order of examples in each epoch ------------------===//

#include "tools/nnc/train/Shuffle.h"

#include <numeric>
#include <random>
#include <utility>

using namespace nnc;

namespace {
/// A uniform value in [0, bound), bound > 0: draws above the largest
/// multiple of bound are rejected so that every value is equally likely.
uint64_t below(std::mt19937_64 &random, uint64_t bound) {
  uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  uint64_t draw;
  do
    draw = random();
  while (draw >= limit);
  return draw % bound;
}
} // namespace

std::vector<int64_t> train::shuffledOrder(int64_t n, uint64_t seed,
                                          int64_t epoch) {
  std::vector<int64_t> order(size_t(n > 0 ? n : 0));
  std::iota(order.begin(), order.end(), 0);
  std::seed_seq seeds{uint32_t(seed), uint32_t(seed >> 32), uint32_t(epoch),
                      uint32_t(uint64_t(epoch) >> 32)};
  std::mt19937_64 random(seeds);
  for (size_t i = order.size(); i > 1; --i)
    std::swap(order[i - 1], order[below(random, i)]);
  return order;
}
