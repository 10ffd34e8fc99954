//===- ShapeTest.cpp - reductions, reshape, broadcast, transpose, concat --===//
//
// Tests the shape kernels on tensors whose elements encode their index, so
// each expected value follows from where the element must come from.
//
//===----------------------------------------------------------------------===//

#include "InterpreterTestUtil.h"

#include <numeric>

using namespace nnc;
using namespace nnc::interp;
using namespace nnc::interp::test;

namespace {

/// A tensor whose elements are 0, 1, 2, ... in row-major order.
RefTensor iota(Shape shape) {
  std::vector<double> values(numElements(shape));
  std::iota(values.begin(), values.end(), 0.0);
  return f32(std::move(shape), std::move(values));
}

/// @f(x : inType) -> outType = nn.<op> x {attrs}.
std::vector<RefTensor> runUnaryShapeOp(const std::string &op,
                                       const std::string &attrs,
                                       const std::string &inType,
                                       const std::string &outType, RefTensor x,
                                       bool printResult = false) {
  std::string source = "func.func @f(%x: " + inType + ") -> " + outType +
                       " {\n  %y = nn." + op + " %x " + attrs + " : " + inType +
                       (printResult ? " -> " + outType : "") +
                       "\n  return %y : " + outType + "\n}\n";
  return runOk(source, "f", {std::move(x)});
}

TEST(ShapeTest, ReduceSumOverTwoAxesWithKeepDims) {
  // x[i, j, k] = 12 i + 4 j + k; Σ over i ∈ {0, 1}, k ∈ {0..3} gives
  // 4·12 + 8·4 j + 2·6 = 60 + 32 j.
  std::vector<RefTensor> results = runUnaryShapeOp(
      "reduce_sum", "{axes = array<i64: 0, 2>, keep_dims = true}",
      "tensor<2x3x4xf32>", "tensor<1x3x1xf32>", iota({2, 3, 4}));
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {1, 3, 1}, {60, 92, 124});
}

TEST(ShapeTest, ReduceSumWithoutKeepDimsDropsTheAxes) {
  std::vector<RefTensor> results =
      runUnaryShapeOp("reduce_sum", "{axes = array<i64: 0, 2>}",
                      "tensor<2x3x4xf32>", "tensor<3xf32>", iota({2, 3, 4}));
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {3}, {60, 92, 124});
}

TEST(ShapeTest, ReduceMeanWithoutAxesAveragesEverything) {
  // The mean of 0..23 is 11.5.
  std::vector<RefTensor> results = runUnaryShapeOp(
      "reduce_mean", "", "tensor<2x3x4xf32>", "tensor<f32>", iota({2, 3, 4}));
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {}, {11.5});
}

TEST(ShapeTest, ReduceMaxOverANegativeAxis) {
  // Rows of [[3, -1, 2], [-5, -4, -6]]: maxima 3 and -4.
  std::vector<RefTensor> results =
      runUnaryShapeOp("reduce_max", "{axes = array<i64: -1>, keep_dims = true}",
                      "tensor<?x3xf32>", "tensor<?x1xf32>",
                      f32({2, 3}, {3, -1, 2, -5, -4, -6}));
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2, 1}, {3, -4});
}

TEST(ShapeTest, ReduceMeanOverTheMiddleAxis) {
  // x[i, j, k] = 12 i + 4 j + k: the mean over j is 12 i + 4 + k.
  std::vector<RefTensor> results =
      runUnaryShapeOp("reduce_mean", "{axes = array<i64: 1>}",
                      "tensor<2x3x4xf32>", "tensor<2x4xf32>", iota({2, 3, 4}));
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2, 4}, {4, 5, 6, 7, 16, 17, 18, 19});
}

TEST(ShapeTest, ReshapeInfersTheDynamicBatch) {
  std::vector<RefTensor> results =
      runUnaryShapeOp("reshape", "", "tensor<?x6xf32>", "tensor<?x2x3xf32>",
                      iota({2, 6}), /*printResult=*/true);
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2, 2, 3},
                   {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
}

TEST(ShapeTest, ReshapeOfAStaticInputInfersTheBatch) {
  // 12 elements in rows of 3 make a batch of 4.
  std::vector<RefTensor> results =
      runUnaryShapeOp("reshape", "", "tensor<2x6xf32>", "tensor<?x3xf32>",
                      iota({2, 6}), /*printResult=*/true);
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {4, 3}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
}

TEST(ShapeTest, ReshapeKeepsIntegerElements) {
  const char *source = R"mlir(
func.func @f(%x: tensor<2x2xi64>) -> tensor<4xi64> {
  %y = nn.reshape %x : tensor<2x2xi64> -> tensor<4xi64>
  return %y : tensor<4xi64>
}
)mlir";
  std::vector<RefTensor> results =
      runOk(source, "f", {i64({2, 2}, {7, -1, 3, 9})});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].shape, (Shape{4}));
  EXPECT_EQ(results[0].ints, (std::vector<int64_t>{7, -1, 3, 9}));
}

TEST(ShapeTest, BroadcastToTakesDynamicSizesFromTheInput) {
  // [2, 1] -> [?, 3]: the batch stays 2 and each row repeats its element.
  std::vector<RefTensor> results =
      runUnaryShapeOp("broadcast_to", "", "tensor<?x1xf32>", "tensor<?x3xf32>",
                      f32({2, 1}, {5, 7}), true);
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2, 3}, {5, 5, 5, 7, 7, 7});
}

TEST(ShapeTest, BroadcastToAddsLeadingDimensions) {
  std::vector<RefTensor> results =
      runUnaryShapeOp("broadcast_to", "", "tensor<3xf32>", "tensor<2x3xf32>",
                      f32({3}, {1, 2, 3}), true);
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2, 3}, {1, 2, 3, 1, 2, 3});
}

TEST(ShapeTest, Transpose3DMovesEveryElement) {
  // y = transpose(x, [2, 0, 1]) so y[k, i, j] = x[i, j, k] = 12 i + 4 j + k.
  std::vector<RefTensor> results = runUnaryShapeOp(
      "transpose", "{permutation = array<i64: 2, 0, 1>}", "tensor<2x3x4xf32>",
      "tensor<4x2x3xf32>", iota({2, 3, 4}));
  ASSERT_EQ(results.size(), 1u);
  std::vector<double> expected;
  for (int k = 0; k < 4; ++k)
    for (int i = 0; i < 2; ++i)
      for (int j = 0; j < 3; ++j)
        expected.push_back(12 * i + 4 * j + k);
  expectTensorNear(results[0], {4, 2, 3}, expected);
}

TEST(ShapeTest, ConcatJoinsFloatsAlongAxisOne) {
  const char *source = R"mlir(
func.func @f(%a: tensor<2x1xf32>, %b: tensor<2x2xf32>) -> tensor<2x3xf32> {
  %y = nn.concat %a, %b {axis = 1 : i64} : tensor<2x1xf32>, tensor<2x2xf32>
  return %y : tensor<2x3xf32>
}
)mlir";
  std::vector<RefTensor> results =
      runOk(source, "f", {f32({2, 1}, {1, 4}), f32({2, 2}, {2, 3, 5, 6})});
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2, 3}, {1, 2, 3, 4, 5, 6});
}

TEST(ShapeTest, ConcatJoinsIntegersAlongANegativeAxis) {
  const char *source = R"mlir(
func.func @f(%a: tensor<?xi64>, %b: tensor<2xi64>) -> tensor<?xi64> {
  %y = nn.concat %a, %b, %a {axis = -1 : i64}
      : tensor<?xi64>, tensor<2xi64>, tensor<?xi64>
  return %y : tensor<?xi64>
}
)mlir";
  std::vector<RefTensor> results =
      runOk(source, "f", {i64({1}, {9}), i64({2}, {-1, -2})});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].shape, (Shape{4}));
  EXPECT_EQ(results[0].ints, (std::vector<int64_t>{9, -1, -2, 9}));
}

TEST(ShapeTest, ConcatRejectsMismatchedDynamicSizes) {
  const char *source = R"mlir(
func.func @f(%a: tensor<?x2xf32>, %b: tensor<?x2xf32>) -> tensor<?x4xf32> {
  %y = nn.concat %a, %b {axis = 1 : i64} : tensor<?x2xf32>, tensor<?x2xf32>
  return %y : tensor<?x4xf32>
}
)mlir";
  std::string message = runError(source, "f", {iota({1, 2}), iota({2, 2})});
  EXPECT_NE(message.find("input #1 [2, 2] differs from input #0 [1, 2] in "
                         "dimension 0"),
            std::string::npos)
      << message;
}

} // namespace
