//===- LayerTest.cpp - matmul and linear ----------------------------------===//
//
// Tests matrix products against products worked out by hand:
// [[1, 2], [3, 4]] · [[5, 6], [7, 8]] = [[19, 22], [43, 50]].
//
//===----------------------------------------------------------------------===//

#include "InterpreterTestUtil.h"

using namespace nnc;
using namespace nnc::interp;
using namespace nnc::interp::test;

namespace {

const std::vector<double> kA = {1, 2, 3, 4};  // [[1, 2], [3, 4]]
const std::vector<double> kAT = {1, 3, 2, 4}; // its transpose
const std::vector<double> kB = {5, 6, 7, 8};  // [[5, 6], [7, 8]]
const std::vector<double> kBT = {5, 7, 6, 8}; // its transpose
const std::vector<double> kAB = {19, 22, 43, 50};

/// @f(a, b) = nn.matmul a, b {attrs} on two 2x2 matrices.
std::vector<RefTensor> runMatmul2x2(const std::string &attrs,
                                    std::vector<double> a,
                                    std::vector<double> b) {
  std::string source =
      "func.func @f(%a: tensor<2x2xf32>, %b: tensor<2x2xf32>) -> "
      "tensor<2x2xf32> {\n"
      "  %c = nn.matmul %a, %b " +
      attrs +
      " : tensor<2x2xf32>, tensor<2x2xf32>\n"
      "  return %c : tensor<2x2xf32>\n}\n";
  return runOk(source, "f",
               {f32({2, 2}, std::move(a)), f32({2, 2}, std::move(b))});
}

TEST(LayerTest, MatmulMultipliesMatrices) {
  expectTensorNear(runMatmul2x2("", kA, kB).at(0), {2, 2}, kAB);
}

TEST(LayerTest, MatmulTransposeAReadsLhsTransposed) {
  expectTensorNear(runMatmul2x2("{transpose_a = true}", kAT, kB).at(0), {2, 2},
                   kAB);
}

TEST(LayerTest, MatmulTransposeBReadsRhsTransposed) {
  expectTensorNear(runMatmul2x2("{transpose_b = true}", kA, kBT).at(0), {2, 2},
                   kAB);
}

TEST(LayerTest, MatmulWithBothTransposes) {
  expectTensorNear(
      runMatmul2x2("{transpose_a = true, transpose_b = true}", kAT, kBT).at(0),
      {2, 2}, kAB);
}

TEST(LayerTest, MatmulOfNonSquareShapes) {
  // [1, 3] · [3, 2]: [1 2 3] · [[1, 0], [0, 1], [1, 1]] = [4, 5].
  const char *source = R"mlir(
func.func @f(%a: tensor<1x3xf32>, %b: tensor<3x2xf32>) -> tensor<1x2xf32> {
  %c = nn.matmul %a, %b : tensor<1x3xf32>, tensor<3x2xf32>
  return %c : tensor<1x2xf32>
}
)mlir";
  std::vector<RefTensor> results = runOk(
      source, "f", {f32({1, 3}, {1, 2, 3}), f32({3, 2}, {1, 0, 0, 1, 1, 1})});
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {1, 2}, {4, 5});
}

TEST(LayerTest, BatchedMatmulMultipliesEachBatch) {
  // Batch 0: A · B; batch 1: 2I · B = 2B.
  const char *source = R"mlir(
func.func @f(%a: tensor<?x2x2xf32>, %b: tensor<?x2x2xf32>) -> tensor<?x2x2xf32> {
  %c = nn.matmul %a, %b : tensor<?x2x2xf32>, tensor<?x2x2xf32>
  return %c : tensor<?x2x2xf32>
}
)mlir";
  RefTensor a = f32({2, 2, 2}, {1, 2, 3, 4, 2, 0, 0, 2});
  RefTensor b = f32({2, 2, 2}, {5, 6, 7, 8, 5, 6, 7, 8});
  std::vector<RefTensor> results = runOk(source, "f", {a, b});
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2, 2, 2}, {19, 22, 43, 50, 10, 12, 14, 16});
}

TEST(LayerTest, BatchedMatmulWithTransposes) {
  const char *source = R"mlir(
func.func @f(%a: tensor<2x2x2xf32>, %b: tensor<2x2x2xf32>) -> tensor<2x2x2xf32> {
  %c = nn.matmul %a, %b {transpose_a = true, transpose_b = true}
      : tensor<2x2x2xf32>, tensor<2x2x2xf32>
  return %c : tensor<2x2x2xf32>
}
)mlir";
  // Both batches hold Aᵀ and Bᵀ; batch 1 scales Aᵀ by 3.
  RefTensor a = f32({2, 2, 2}, {1, 3, 2, 4, 3, 9, 6, 12});
  RefTensor b = f32({2, 2, 2}, {5, 7, 6, 8, 5, 7, 6, 8});
  std::vector<RefTensor> results = runOk(source, "f", {a, b});
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2, 2, 2}, {19, 22, 43, 50, 57, 66, 129, 150});
}

TEST(LayerTest, BatchedMatmulRejectsDifferentBatchSizesAtRunTime) {
  const char *source = R"mlir(
func.func @f(%a: tensor<?x1x1xf32>, %b: tensor<?x1x1xf32>) -> tensor<?x1x1xf32> {
  %c = nn.matmul %a, %b : tensor<?x1x1xf32>, tensor<?x1x1xf32>
  return %c : tensor<?x1x1xf32>
}
)mlir";
  std::string message = runError(
      source, "f", {f32({2, 1, 1}, {1, 2}), f32({3, 1, 1}, {1, 2, 3})});
  EXPECT_NE(message.find("batch sizes differ: 2 and 3"), std::string::npos)
      << message;
}

TEST(LayerTest, LinearMultipliesByTheTransposedWeight) {
  // y[n, o] = Σ_i x[n, i] · w[o, i] with w = [[1, 0, 1], [0, 2, 0]].
  const char *source = R"mlir(
func.func @f(%x: tensor<?x3xf32>, %w: tensor<2x3xf32>) -> tensor<?x2xf32> {
  %y = nn.linear %x, %w : tensor<?x3xf32>, tensor<2x3xf32>
  return %y : tensor<?x2xf32>
}
)mlir";
  RefTensor x = f32({2, 3}, {1, 2, 3, 4, 5, 6});
  RefTensor w = f32({2, 3}, {1, 0, 1, 0, 2, 0});
  std::vector<RefTensor> results = runOk(source, "f", {x, w});
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2, 2}, {4, 4, 10, 10});
}

} // namespace
