//===- ShuffleTest.cpp - The order of examples per epoch ------------------===//

#include "tools/nnc/train/Shuffle.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

using namespace nnc::train;

namespace {

// Tests that every order is a permutation of 0 .. n-1.
TEST(ShuffleTest, IsAPermutation) {
  for (int64_t n : {0, 1, 2, 7, 1000}) {
    std::vector<int64_t> order = shuffledOrder(n, 3, 1);
    std::vector<int64_t> sorted = order, expected(static_cast<size_t>(n));
    std::sort(sorted.begin(), sorted.end());
    std::iota(expected.begin(), expected.end(), 0);
    EXPECT_EQ(sorted, expected) << n;
  }
}

// Tests that the order is a pure function of (seed, epoch), and changes with
// either.
TEST(ShuffleTest, DependsOnSeedAndEpochOnly) {
  std::vector<int64_t> order = shuffledOrder(100, 42, 1);
  EXPECT_EQ(order, shuffledOrder(100, 42, 1));
  EXPECT_NE(order, shuffledOrder(100, 42, 2));
  EXPECT_NE(order, shuffledOrder(100, 43, 1));
  EXPECT_NE(order, shuffledOrder(100, 42ull | (1ull << 40), 1));
}

// Tests that positions are spread evenly: over many epochs, element 0 lands
// in each half of a 10-element order about equally often.
TEST(ShuffleTest, SpreadsEvenly) {
  int firstHalf = 0;
  for (int64_t epoch = 0; epoch < 2000; ++epoch) {
    std::vector<int64_t> order = shuffledOrder(10, 5, epoch);
    firstHalf += std::find(order.begin(), order.end(), 0) - order.begin() < 5;
  }
  // Binomial(2000, 0.5): the standard deviation is about 22.
  EXPECT_GT(firstHalf, 850);
  EXPECT_LT(firstHalf, 1150);
}

} // namespace
