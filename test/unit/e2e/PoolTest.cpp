//===- PoolTest.cpp - max, avg and lp pooling vs the interpreter ----------===//
//
// Windows hold at most 9 elements, so the default tolerance (rtol 1e-5,
// atol 1e-5) holds.
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

using namespace nnc;
using namespace nnc::e2e;

namespace {

// Negative inputs: a zero from the padding would win a max.
const Fill kNegative = Fill::uniform(-2, -1);

// Tests max pooling with the default strides (= kernel) and a floor output
// size (7 -> 3).
TEST(MaxPoolTest, DefaultStridesFloor) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x7x7xf32>) -> tensor<?x3x3x3xf32> {
  %y = nn.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<?x3x7x7xf32>
  return %y : tensor<?x3x3x3xf32>
})mlir");
}

// Tests overlapping windows (3x3, stride 2), as in AlexNet.
TEST(MaxPoolTest, Overlapping) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x4x15x15xf32>) -> tensor<?x4x7x7xf32> {
  %y = nn.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>} : tensor<?x4x15x15xf32>
  return %y : tensor<?x4x7x7xf32>
})mlir");
}

// Tests that symmetric padding never wins over negative inputs.
TEST(MaxPoolTest, PaddingNeverWins) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x2x13x13xf32>) -> tensor<?x2x7x7xf32> {
  %y = nn.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<?x2x13x13xf32>
  return %y : tensor<?x2x7x7xf32>
})mlir",
          {kNegative});
}

// Tests asymmetric padding (top 1, right 1) with a non-square kernel and
// distinct strides, on negative inputs.
TEST(MaxPoolTest, AsymmetricPadding) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x2x7x8xf32>) -> tensor<?x2x7x4xf32> {
  %y = nn.max_pool2d %x {kernel = array<i64: 2, 3>, strides = array<i64: 1, 2>, padding = array<i64: 1, 0, 0, 1>} : tensor<?x2x7x8xf32>
  return %y : tensor<?x2x7x4xf32>
})mlir",
          {kNegative});
}

// Tests average pooling without padding.
TEST(AvgPoolTest, Unpadded) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x7x7xf32>) -> tensor<?x3x3x3xf32> {
  %y = nn.avg_pool2d %x {kernel = array<i64: 2, 2>} : tensor<?x3x7x7xf32>
  return %y : tensor<?x3x3x3xf32>
})mlir");
}

// Tests that padded positions are left out of the divisor by default.
TEST(AvgPoolTest, PaddingExcludedByDefault) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x2x13x13xf32>) -> tensor<?x2x7x7xf32> {
  %y = nn.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<?x2x13x13xf32>
  return %y : tensor<?x2x7x7xf32>
})mlir");
}

// Tests count_include_pad = true: the divisor is the full window.
TEST(AvgPoolTest, CountIncludePad) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x2x13x13xf32>) -> tensor<?x2x7x7xf32> {
  %y = nn.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, count_include_pad = true} : tensor<?x2x13x13xf32>
  return %y : tensor<?x2x7x7xf32>
})mlir");
}

// Tests asymmetric padding with count_include_pad = false.
TEST(AvgPoolTest, AsymmetricPaddingExcluded) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x7x6xf32>) -> tensor<?x3x4x6xf32> {
  %y = nn.avg_pool2d %x {kernel = array<i64: 3, 2>, strides = array<i64: 2, 1>, padding = array<i64: 1, 1, 1, 0>} : tensor<?x3x7x6xf32>
  return %y : tensor<?x3x4x6xf32>
})mlir");
}

// Tests asymmetric padding with count_include_pad = true.
TEST(AvgPoolTest, AsymmetricPaddingIncluded) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x7x6xf32>) -> tensor<?x3x4x6xf32> {
  %y = nn.avg_pool2d %x {kernel = array<i64: 3, 2>, strides = array<i64: 2, 1>, padding = array<i64: 1, 1, 1, 0>, count_include_pad = true} : tensor<?x3x7x6xf32>
  return %y : tensor<?x3x4x6xf32>
})mlir");
}

// Tests L2 pooling (the default p = 2) on signed inputs.
TEST(LpPoolTest, DefaultP2) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x7x7xf32>) -> tensor<?x3x3x3xf32> {
  %y = nn.lp_pool2d %x {kernel = array<i64: 2, 2>} : tensor<?x3x7x7xf32>
  return %y : tensor<?x3x3x3xf32>
})mlir");
}

// Tests p = 3 with padding, whose zeros add nothing to the sum.
TEST(LpPoolTest, P3Padded) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x2x7x5xf32>) -> tensor<?x2x7x5xf32> {
  %y = nn.lp_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, p = 3.0 : f32} : tensor<?x2x7x5xf32>
  return %y : tensor<?x2x7x5xf32>
})mlir");
}

// Tests p = 1 (the sum of absolute values) with a non-square window.
TEST(LpPoolTest, P1NonSquare) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x2x7x9xf32>) -> tensor<?x2x3x3xf32> {
  %y = nn.lp_pool2d %x {kernel = array<i64: 2, 3>, strides = array<i64: 2, 3>, p = 1.0 : f32} : tensor<?x2x7x9xf32>
  return %y : tensor<?x2x3x3xf32>
})mlir");
}

} // namespace
