//===- ConvTest.cpp - conv2d vs the interpreter ---------------------------===//
//
// Each output sums C/groups * KH * KW products of inputs in [-1, 1); up to
// 54 terms the default tolerance (rtol 1e-5, atol 1e-5) holds, the 150-term
// LeNet-sized layer allows atol 1e-4 (f32 accumulation in another order).
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

using namespace nnc;
using namespace nnc::e2e;

namespace {

// Tests an unpadded, unit-stride convolution.
TEST(Conv2dTest, Plain) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x7x7xf32>, %w: tensor<5x3x3x3xf32>) -> tensor<?x5x5x5xf32> {
  %y = nn.conv2d %x, %w : tensor<?x3x7x7xf32>, tensor<5x3x3x3xf32>
  return %y : tensor<?x5x5x5xf32>
})mlir");
}

// Tests distinct strides along H and W, with floor output sizes.
TEST(Conv2dTest, Strides) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x13x11xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<?x4x6x3xf32> {
  %y = nn.conv2d %x, %w {strides = array<i64: 2, 3>} : tensor<?x3x13x11xf32>, tensor<4x3x3x3xf32>
  return %y : tensor<?x4x6x3xf32>
})mlir");
}

// Tests symmetric zero padding ("same" output size).
TEST(Conv2dTest, SymmetricPadding) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x7x7xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<?x4x7x7xf32> {
  %y = nn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>} : tensor<?x3x7x7xf32>, tensor<4x3x3x3xf32>
  return %y : tensor<?x4x7x7xf32>
})mlir");
}

// Tests asymmetric padding (top 1, left 2, bottom 0, right 1).
TEST(Conv2dTest, AsymmetricPadding) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x7x7xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<?x4x6x8xf32> {
  %y = nn.conv2d %x, %w {padding = array<i64: 1, 2, 0, 1>} : tensor<?x3x7x7xf32>, tensor<4x3x3x3xf32>
  return %y : tensor<?x4x6x8xf32>
})mlir");
}

// Tests distinct dilations along H and W.
TEST(Conv2dTest, Dilations) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x2x13x13xf32>, %w: tensor<3x2x3x3xf32>) -> tensor<?x3x9x7xf32> {
  %y = nn.conv2d %x, %w {dilations = array<i64: 2, 3>} : tensor<?x2x13x13xf32>, tensor<3x2x3x3xf32>
  return %y : tensor<?x3x9x7xf32>
})mlir");
}

// Tests a grouped convolution (2 groups of 2 input and 3 output channels).
TEST(Conv2dTest, Groups) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x4x7x7xf32>, %w: tensor<6x2x3x3xf32>) -> tensor<?x6x5x5xf32> {
  %y = nn.conv2d %x, %w {groups = 2 : i64} : tensor<?x4x7x7xf32>, tensor<6x2x3x3xf32>
  return %y : tensor<?x6x5x5xf32>
})mlir");
}

// Tests a depthwise convolution (groups = channels = filters), padded.
TEST(Conv2dTest, Depthwise) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x5x7x7xf32>, %w: tensor<5x1x3x3xf32>) -> tensor<?x5x7x7xf32> {
  %y = nn.conv2d %x, %w {groups = 5 : i64, padding = array<i64: 1, 1, 1, 1>} : tensor<?x5x7x7xf32>, tensor<5x1x3x3xf32>
  return %y : tensor<?x5x7x7xf32>
})mlir");
}

// Tests a depthwise convolution with two filters per channel.
TEST(Conv2dTest, DepthwiseMultiplier) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x7x7xf32>, %w: tensor<6x1x3x3xf32>) -> tensor<?x6x5x5xf32> {
  %y = nn.conv2d %x, %w {groups = 3 : i64} : tensor<?x3x7x7xf32>, tensor<6x1x3x3xf32>
  return %y : tensor<?x6x5x5xf32>
})mlir");
}

// Tests a pointwise (1x1) convolution.
TEST(Conv2dTest, Pointwise) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x7x5x5xf32>, %w: tensor<3x7x1x1xf32>) -> tensor<?x3x5x5xf32> {
  %y = nn.conv2d %x, %w : tensor<?x7x5x5xf32>, tensor<3x7x1x1xf32>
  return %y : tensor<?x3x5x5xf32>
})mlir");
}

// Tests padding wider than the kernel: the border outputs see only zeros.
TEST(Conv2dTest, PaddingWiderThanKernel) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x2x3x3xf32>, %w: tensor<3x2x2x2xf32>) -> tensor<?x3x8x8xf32> {
  %y = nn.conv2d %x, %w {padding = array<i64: 3, 3, 3, 3>} : tensor<?x2x3x3xf32>, tensor<3x2x2x2xf32>
  return %y : tensor<?x3x8x8xf32>
})mlir");
}

// Tests a kernel as large as the image: a 1x1 output.
TEST(Conv2dTest, KernelCoversImage) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x5x5xf32>, %w: tensor<4x3x5x5xf32>) -> tensor<?x4x1x1xf32> {
  %y = nn.conv2d %x, %w : tensor<?x3x5x5xf32>, tensor<4x3x5x5xf32>
  return %y : tensor<?x4x1x1xf32>
})mlir");
}

// Tests a stride larger than the kernel, which skips input pixels.
TEST(Conv2dTest, StrideLargerThanKernel) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x2x7x7xf32>, %w: tensor<3x2x1x1xf32>) -> tensor<?x3x3x3xf32> {
  %y = nn.conv2d %x, %w {strides = array<i64: 3, 3>} : tensor<?x2x7x7xf32>, tensor<3x2x1x1xf32>
  return %y : tensor<?x3x3x3xf32>
})mlir");
}

// Tests every attribute at once: groups 3, stride 2, asymmetric padding,
// dilation 2.
TEST(Conv2dTest, AllAttributes) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x6x13x13xf32>, %w: tensor<9x2x3x3xf32>) -> tensor<?x9x6x6xf32> {
  %y = nn.conv2d %x, %w {strides = array<i64: 2, 2>, padding = array<i64: 2, 1, 0, 1>, dilations = array<i64: 2, 2>, groups = 3 : i64} : tensor<?x6x13x13xf32>, tensor<9x2x3x3xf32>
  return %y : tensor<?x9x6x6xf32>
})mlir");
}

// Tests a LeNet-sized layer (150-term sums), large enough for the tiled
// convolution paths.
TEST(Conv2dTest, LeNetSized) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x6x14x14xf32>, %w: tensor<16x6x5x5xf32>) -> tensor<?x16x10x10xf32> {
  %y = nn.conv2d %x, %w : tensor<?x6x14x14xf32>, tensor<16x6x5x5xf32>
  return %y : tensor<?x16x10x10xf32>
})mlir",
          {}, Tolerance{1e-5, 1e-4});
}

} // namespace
