//===- BatchSizeTest.cpp - the dynamic batch at its edges -----------------===//
//
// One executable serves every batch size: an empty batch, a large one, and
// a small one after a large one (the arena grows and never shrinks, so the
// small call runs in a larger arena than it needs). Default tolerance
// (rtol 1e-5, atol 1e-5; sums of at most 27 terms).
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

using namespace nnc;
using namespace nnc::e2e;

namespace {

// A small CNN with every kind of per-batch scratch: conv, pool, reshape,
// linear, softmax.
const char *const kNetwork = R"mlir(
func.func @f(%x: tensor<?x3x7x7xf32>, %w: tensor<4x3x3x3xf32>, %fw: tensor<5x16xf32>) -> tensor<?x5xf32> {
  %c = nn.conv2d %x, %w : tensor<?x3x7x7xf32>, tensor<4x3x3x3xf32>
  %r = nn.relu %c : tensor<?x4x5x5xf32>
  %p = nn.max_pool2d %r {kernel = array<i64: 2, 2>} : tensor<?x4x5x5xf32>
  %flat = nn.reshape %p : tensor<?x4x2x2xf32> -> tensor<?x16xf32>
  %y = nn.linear %flat, %fw : tensor<?x16xf32>, tensor<5x16xf32>
  %s = nn.softmax %y : tensor<?x5xf32>
  return %s : tensor<?x5xf32>
})mlir";

// Tests that an empty batch gives empty results, like the interpreter.
TEST(BatchSizeTest, EmptyBatch) {
  CompiledModel *model = cachedModel(kNetwork);
  ASSERT_NE(model, nullptr);
  checkEntry(*model, "f", {}, {}, {0});
}

// Tests a batch far larger than the others, then small ones again in the
// grown arena.
TEST(BatchSizeTest, LargeThenSmall) {
  CompiledModel *model = cachedModel(kNetwork);
  ASSERT_NE(model, nullptr);
  checkEntry(*model, "f", {}, {}, {64, 1, 2});
}

// Tests that the arena grows with the batch and is kept for smaller ones.
TEST(BatchSizeTest, ArenaGrowsAndIsKept) {
  CompiledModel *model = cachedModel(kNetwork);
  ASSERT_NE(model, nullptr);
  Executable executable = model->executable; // a copy: fresh arenas
  std::vector<Tensor> results;
  ASSERT_TRUE(
      executable.call("f", randomArgs(executable, "f", 2, {}, 1), results)
          .ok());
  size_t small = executable.arenaCapacity("f");
  ASSERT_TRUE(
      executable.call("f", randomArgs(executable, "f", 40, {}, 2), results)
          .ok());
  size_t large = executable.arenaCapacity("f");
  EXPECT_GE(large, small);
  ASSERT_TRUE(
      executable.call("f", randomArgs(executable, "f", 2, {}, 3), results)
          .ok());
  EXPECT_EQ(executable.arenaCapacity("f"), large);
}

} // namespace
