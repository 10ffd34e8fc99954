//===- ConvGradTest.cpp - conv2d_grad_input and conv2d_grad_filter --------===//
//
// Tests the convolution gradients against scatters worked out by hand: the
// input gradient places w, scaled by each dy, where its window sat; the
// filter gradient collects the input under each tap, weighted by dy; both
// skip the taps that fell into the padding.
//
//===----------------------------------------------------------------------===//

#include "InterpreterTestUtil.h"

using namespace nnc;
using namespace nnc::interp;
using namespace nnc::interp::test;

namespace {

TEST(ConvGradTest, InputGradientPlacesTheKernelUnderEachWindow) {
  // w = [[1, 2], [3, 4]] over a 3x3 input: dy 1 at window (0, 0) and 2 at
  // (1, 1) give w at the top left plus 2·w at the bottom right.
  std::vector<RefTensor> dx = runOk(
      R"mlir(
func.func @f(%dy: tensor<1x1x2x2xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32> {
  %dx = nn.conv2d_grad_input %dy, %w {input_size = array<i64: 3, 3>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>
  return %dx : tensor<1x1x3x3xf32>
})mlir",
      "f", {f32({1, 1, 2, 2}, {1, 0, 0, 2}), f32({1, 1, 2, 2}, {1, 2, 3, 4})});
  ASSERT_EQ(dx.size(), 1u);
  expectTensorNear(dx[0], {1, 1, 3, 3}, {1, 2, 0, 3, 6, 4, 0, 6, 8});
}

TEST(ConvGradTest, InputGradientDropsPaddedTapsAndKeepsGroupsApart) {
  // Two groups of one channel, 2x2 kernels, padding 1 and stride 2 over a
  // 2x2 input: window (0, 0) sees x[0, 0] through tap (1, 1) only, window
  // (1, 1) sees x[1, 1] through tap (0, 0) only.
  std::vector<RefTensor> dx =
      runOk(R"mlir(
func.func @f(%dy: tensor<1x2x2x2xf32>, %w: tensor<2x1x2x2xf32>) -> tensor<1x2x2x2xf32> {
  %dx = nn.conv2d_grad_input %dy, %w {input_size = array<i64: 2, 2>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, groups = 2 : i64} : tensor<1x2x2x2xf32>, tensor<2x1x2x2xf32>
  return %dx : tensor<1x2x2x2xf32>
})mlir",
            "f",
            {f32({1, 2, 2, 2}, {1, 0, 0, 10, 0, 0, 0, 3}),
             f32({2, 1, 2, 2}, {1, 2, 3, 4, 5, 6, 7, 8})});
  ASSERT_EQ(dx.size(), 1u);
  // Channel 0: 1·w0[1, 1] at (0, 0), 10·w0[0, 0] at (1, 1); channel 1 gets
  // only its own filter: 3·w1[0, 0] at (1, 1).
  expectTensorNear(dx[0], {1, 2, 2, 2}, {4, 0, 0, 10, 0, 0, 0, 15});
}

TEST(ConvGradTest, FilterGradientCollectsTheInputUnderEachTap) {
  // x = 1..9 in a 3x3 image, dy 1 at window (0, 0): dw is the top-left 2x2
  // block of x; dy 1 at (1, 1) adds the bottom-right block.
  std::vector<RefTensor> dw =
      runOk(R"mlir(
func.func @f(%x: tensor<1x1x3x3xf32>, %dy: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
  %dw = nn.conv2d_grad_filter %x, %dy {kernel = array<i64: 2, 2>} : tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>
  return %dw : tensor<1x1x2x2xf32>
})mlir",
            "f",
            {f32({1, 1, 3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9}),
             f32({1, 1, 2, 2}, {1, 0, 0, 1})});
  ASSERT_EQ(dw.size(), 1u);
  expectTensorNear(dw[0], {1, 1, 2, 2}, {1 + 5, 2 + 6, 4 + 8, 5 + 9});
}

TEST(ConvGradTest, FilterGradientSkipsPaddedTapsAndSumsTheBatch) {
  // 2x2 kernel, padding 1, stride 2 over [[1, 2], [3, 4]] and, as a second
  // image, its double: window (0, 0) reaches x[0, 0] with tap (1, 1),
  // window (1, 1) reaches x[1, 1] with tap (0, 0).
  std::vector<RefTensor> dw =
      runOk(R"mlir(
func.func @f(%x: tensor<2x1x2x2xf32>, %dy: tensor<2x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
  %dw = nn.conv2d_grad_filter %x, %dy {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<2x1x2x2xf32>, tensor<2x1x2x2xf32>
  return %dw : tensor<1x1x2x2xf32>
})mlir",
            "f",
            {f32({2, 1, 2, 2}, {1, 2, 3, 4, 2, 4, 6, 8}),
             f32({2, 1, 2, 2}, {1, 0, 0, 10, 1, 0, 0, 10})});
  ASSERT_EQ(dw.size(), 1u);
  expectTensorNear(dw[0], {1, 1, 2, 2}, {10 * 4 + 10 * 8, 0, 0, 1 + 2});
}

} // namespace
