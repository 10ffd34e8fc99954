//===- ShapeTest.cpp - reshape, broadcast_to, transpose, concat -----------===//
//
// Data movement copies values exactly, so any difference is a bug; the
// default tolerance (rtol 1e-5, atol 1e-5) is far looser than needed.
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

using namespace nnc;
using namespace nnc::e2e;

namespace {

// Tests flattening all but the batch dimension.
TEST(ReshapeTest, Flatten) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x7x5xf32>) -> tensor<?x105xf32> {
  %y = nn.reshape %x : tensor<?x3x7x5xf32> -> tensor<?x105xf32>
  return %y : tensor<?x105xf32>
})mlir");
}

// Tests splitting a dimension and inserting unit dimensions.
TEST(ReshapeTest, SplitWithUnitDims) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x91xf32>) -> tensor<?x7x1x13x1xf32> {
  %y = nn.reshape %x : tensor<?x91xf32> -> tensor<?x7x1x13x1xf32>
  return %y : tensor<?x7x1x13x1xf32>
})mlir");
}

// Tests a static reshape that regroups every dimension.
TEST(ReshapeTest, StaticRegroup) {
  checkOp(R"mlir(
func.func @f(%x: tensor<6x35xf32>) -> tensor<7x5x3x2xf32> {
  %y = nn.reshape %x : tensor<6x35xf32> -> tensor<7x5x3x2xf32>
  return %y : tensor<7x5x3x2xf32>
})mlir");
}

// Tests broadcasting a unit dimension next to the dynamic batch.
TEST(BroadcastToTest, UnitDimNextToBatch) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x1x13xf32>) -> tensor<?x7x13xf32> {
  %y = nn.broadcast_to %x : tensor<?x1x13xf32> -> tensor<?x7x13xf32>
  return %y : tensor<?x7x13xf32>
})mlir");
}

// Tests broadcasting to a higher rank (new leading dimensions).
TEST(BroadcastToTest, NewLeadingDims) {
  checkOp(R"mlir(
func.func @f(%x: tensor<13xf32>) -> tensor<3x7x13xf32> {
  %y = nn.broadcast_to %x : tensor<13xf32> -> tensor<3x7x13xf32>
  return %y : tensor<3x7x13xf32>
})mlir");
}

// Tests broadcasting a 0-d tensor.
TEST(BroadcastToTest, Scalar) {
  checkOp(R"mlir(
func.func @f(%x: tensor<f32>) -> tensor<5x7xf32> {
  %y = nn.broadcast_to %x : tensor<f32> -> tensor<5x7xf32>
  return %y : tensor<5x7xf32>
})mlir");
}

// Tests a rotation of three axes (static: the ABI's only dynamic size is
// the leading one).
TEST(TransposeTest, Rotate) {
  checkOp(R"mlir(
func.func @f(%x: tensor<2x3x5xf32>) -> tensor<5x2x3xf32> {
  %y = nn.transpose %x {permutation = array<i64: 2, 0, 1>} : tensor<2x3x5xf32>
  return %y : tensor<5x2x3xf32>
})mlir");
}

// Tests NCHW to NHWC, keeping the batch first.
TEST(TransposeTest, NchwToNhwc) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x7x5xf32>) -> tensor<?x7x5x3xf32> {
  %y = nn.transpose %x {permutation = array<i64: 0, 2, 3, 1>} : tensor<?x3x7x5xf32>
  return %y : tensor<?x7x5x3xf32>
})mlir");
}

// Tests a static 2-D transpose of odd sizes.
TEST(TransposeTest, Static2D) {
  checkOp(R"mlir(
func.func @f(%x: tensor<7x13xf32>) -> tensor<13x7xf32> {
  %y = nn.transpose %x {permutation = array<i64: 1, 0>} : tensor<7x13xf32>
  return %y : tensor<13x7xf32>
})mlir");
}

// Tests concatenation along the channel axis.
TEST(ConcatTest, ChannelAxis) {
  checkOp(R"mlir(
func.func @f(%a: tensor<?x3x5xf32>, %b: tensor<?x4x5xf32>) -> tensor<?x7x5xf32> {
  %y = nn.concat %a, %b {axis = 1 : i64} : tensor<?x3x5xf32>, tensor<?x4x5xf32>
  return %y : tensor<?x7x5xf32>
})mlir");
}

// Tests three inputs along a negative (last) axis.
TEST(ConcatTest, ThreeInputsNegativeAxis) {
  checkOp(R"mlir(
func.func @f(%a: tensor<?x2x1xf32>, %b: tensor<?x2x7xf32>, %c: tensor<?x2x5xf32>) -> tensor<?x2x13xf32> {
  %y = nn.concat %a, %b, %c {axis = -1 : i64} : tensor<?x2x1xf32>, tensor<?x2x7xf32>, tensor<?x2x5xf32>
  return %y : tensor<?x2x13xf32>
})mlir");
}

// Tests concatenation along the leading axis of static tensors.
TEST(ConcatTest, LeadingAxisStatic) {
  checkOp(R"mlir(
func.func @f(%a: tensor<2x5xf32>, %b: tensor<3x5xf32>) -> tensor<5x5xf32> {
  %y = nn.concat %a, %b {axis = 0 : i64} : tensor<2x5xf32>, tensor<3x5xf32>
  return %y : tensor<5x5xf32>
})mlir");
}

} // namespace
