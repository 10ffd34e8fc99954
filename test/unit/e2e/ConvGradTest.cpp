//===- ConvGradTest.cpp - conv2d's gradients vs the interpreter -----------===//
//
// conv2d_grad_input is a stride-1 convolution over the spread cotangent, so
// each element sums F/groups · KH · KW products (up to 54 here) like a
// forward convolution: the default tolerance holds. conv2d_grad_filter sums
// N · OH · OW products (up to 17 · 20 = 340), accumulated in f32 in another
// order than the interpreter's doubles: atol 1e-4.
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

using namespace nnc;
using namespace nnc::e2e;

namespace {

const Tolerance kBatchSums{1e-4, 1e-4};

// Tests the input gradient of a strided convolution with asymmetric padding
// and a non-square kernel.
TEST(Conv2dGradInputTest, StridedAsymmetricPadding) {
  checkOp(R"mlir(
func.func @f(%dy: tensor<?x4x4x4xf32>, %w: tensor<4x3x3x2xf32>) -> tensor<?x3x7x8xf32> {
  %dx = nn.conv2d_grad_input %dy, %w {input_size = array<i64: 7, 8>, strides = array<i64: 2, 2>, padding = array<i64: 1, 0, 2, 1>} : tensor<?x4x4x4xf32>, tensor<4x3x3x2xf32>
  return %dx : tensor<?x3x7x8xf32>
})mlir");
}

// Tests dilations along both axes with padding.
TEST(Conv2dGradInputTest, Dilated) {
  checkOp(R"mlir(
func.func @f(%dy: tensor<?x3x8x4xf32>, %w: tensor<3x2x2x3xf32>) -> tensor<?x2x6x7xf32> {
  %dx = nn.conv2d_grad_input %dy, %w {input_size = array<i64: 6, 7>, dilations = array<i64: 2, 2>, strides = array<i64: 1, 2>, padding = array<i64: 2, 2, 2, 2>} : tensor<?x3x8x4xf32>, tensor<3x2x2x3xf32>
  return %dx : tensor<?x2x6x7xf32>
})mlir");
}

// Tests two groups (the grouped named convolution) and a depthwise filter.
TEST(Conv2dGradInputTest, GroupedAndDepthwise) {
  checkOp(R"mlir(
func.func @f(%dy: tensor<?x6x3x3xf32>, %w: tensor<6x2x3x3xf32>, %dd: tensor<?x3x5x5xf32>, %wd: tensor<3x1x3x1xf32>) -> (tensor<?x4x6x6xf32>, tensor<?x3x5x5xf32>) {
  %dx = nn.conv2d_grad_input %dy, %w {input_size = array<i64: 6, 6>, groups = 2 : i64, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<?x6x3x3xf32>, tensor<6x2x3x3xf32>
  %dxd = nn.conv2d_grad_input %dd, %wd {input_size = array<i64: 5, 5>, groups = 3 : i64, padding = array<i64: 1, 0, 1, 0>} : tensor<?x3x5x5xf32>, tensor<3x1x3x1xf32>
  return %dx, %dxd : tensor<?x4x6x6xf32>, tensor<?x3x5x5xf32>
})mlir");
}

// Tests padding wider than the kernel: the outer rows and columns of dy
// belong to windows of padding only and are dropped.
TEST(Conv2dGradInputTest, WidePadding) {
  checkOp(R"mlir(
func.func @f(%dy: tensor<?x2x6x6xf32>, %w: tensor<2x2x2x2xf32>) -> tensor<?x2x3x3xf32> {
  %dx = nn.conv2d_grad_input %dy, %w {input_size = array<i64: 3, 3>, padding = array<i64: 2, 2, 2, 2>} : tensor<?x2x6x6xf32>, tensor<2x2x2x2xf32>
  return %dx : tensor<?x2x3x3xf32>
})mlir");
}

// Tests the filter gradient of a strided, asymmetrically padded
// convolution with a non-square kernel, summed over the batch.
TEST(Conv2dGradFilterTest, StridedAsymmetricPadding) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x7x8xf32>, %dy: tensor<?x4x4x4xf32>) -> tensor<4x3x3x2xf32> {
  %dw = nn.conv2d_grad_filter %x, %dy {kernel = array<i64: 3, 2>, strides = array<i64: 2, 2>, padding = array<i64: 1, 0, 2, 1>} : tensor<?x3x7x8xf32>, tensor<?x4x4x4xf32>
  return %dw : tensor<4x3x3x2xf32>
})mlir",
          {}, kBatchSums);
}

// Tests the filter gradient with dilations and two groups.
TEST(Conv2dGradFilterTest, DilatedGrouped) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x4x6x7xf32>, %dy: tensor<?x6x2x5xf32>) -> tensor<6x2x3x3xf32> {
  %dw = nn.conv2d_grad_filter %x, %dy {kernel = array<i64: 3, 3>, dilations = array<i64: 2, 1>, strides = array<i64: 1, 1>, groups = 2 : i64} : tensor<?x4x6x7xf32>, tensor<?x6x2x5xf32>
  return %dw : tensor<6x2x3x3xf32>
})mlir",
          {}, kBatchSums);
}

} // namespace
