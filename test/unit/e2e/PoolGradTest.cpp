//===- PoolGradTest.cpp - pooling gradients vs the interpreter ------------===//
//
// Each input element gathers at most KH·KW window shares: the default
// tolerance holds. Max pooling's routing is compared exactly as well: both
// sides see the same f32 inputs, so they pick the same maxima, ties
// included.
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

using namespace nnc;
using namespace nnc::e2e;

namespace {

// Tests overlapping 3x3 windows at stride 2 with padding, on negative
// inputs (a zero pad would win every window it reaches).
TEST(MaxPoolGradTest, OverlappingPaddedNegative) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x7x7xf32>, %dy: tensor<?x3x4x4xf32>) -> tensor<?x3x7x7xf32> {
  %dx = nn.max_pool2d_grad %x, %dy {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<?x3x7x7xf32>, tensor<?x3x4x4xf32>
  return %dx : tensor<?x3x7x7xf32>
})mlir",
          {Fill::uniform(-2, -1)});
}

// Tests a non-square kernel, distinct strides and asymmetric padding.
TEST(MaxPoolGradTest, AsymmetricNonSquare) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x2x5x8xf32>, %dy: tensor<?x2x5x4xf32>) -> tensor<?x2x5x8xf32> {
  %dx = nn.max_pool2d_grad %x, %dy {kernel = array<i64: 2, 3>, strides = array<i64: 1, 2>, padding = array<i64: 1, 0, 0, 1>} : tensor<?x2x5x8xf32>, tensor<?x2x5x4xf32>
  return %dx : tensor<?x2x5x8xf32>
})mlir");
}

// Tests that ties route like the interpreter: with every element equal,
// each window's dy goes to its first position in row-major order.
TEST(MaxPoolGradTest, TiesGoToTheFirstMaximum) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x2x6x6xf32>, %dy: tensor<?x2x3x3xf32>) -> tensor<?x2x6x6xf32> {
  %dx = nn.max_pool2d_grad %x, %dy {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<?x2x6x6xf32>, tensor<?x2x3x3xf32>
  return %dx : tensor<?x2x6x6xf32>
})mlir",
          {Fill::constant(0.5)});
}

// Tests the default strides (= kernel) of LeNet's pooling.
TEST(MaxPoolGradTest, DefaultStrides) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x6x28x28xf32>, %dy: tensor<?x6x14x14xf32>) -> tensor<?x6x28x28xf32> {
  %dx = nn.max_pool2d_grad %x, %dy {kernel = array<i64: 2, 2>} : tensor<?x6x28x28xf32>, tensor<?x6x14x14xf32>
  return %dx : tensor<?x6x28x28xf32>
})mlir");
}

// Tests padded windows that divide by the positions inside the input, and
// by the whole window.
TEST(AvgPoolGradTest, PaddingExcludedAndIncluded) {
  checkOp(R"mlir(
func.func @f(%dy: tensor<?x3x4x4xf32>) -> (tensor<?x3x7x7xf32>, tensor<?x3x7x7xf32>) {
  %a = nn.avg_pool2d_grad %dy {input_size = array<i64: 7, 7>, kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<?x3x4x4xf32>
  %b = nn.avg_pool2d_grad %dy {input_size = array<i64: 7, 7>, kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, count_include_pad = true} : tensor<?x3x4x4xf32>
  return %a, %b : tensor<?x3x7x7xf32>, tensor<?x3x7x7xf32>
})mlir");
}

// Tests a non-square kernel with distinct strides and asymmetric padding.
TEST(AvgPoolGradTest, AsymmetricNonSquare) {
  checkOp(R"mlir(
func.func @f(%dy: tensor<?x3x4x6xf32>) -> tensor<?x3x7x6xf32> {
  %dx = nn.avg_pool2d_grad %dy {input_size = array<i64: 7, 6>, kernel = array<i64: 3, 2>, strides = array<i64: 2, 1>, padding = array<i64: 1, 1, 1, 0>} : tensor<?x3x4x6xf32>
  return %dx : tensor<?x3x7x6xf32>
})mlir");
}

} // namespace
