//===- MatmulTest.cpp - matmul and linear vs the interpreter --------------===//
//
// Sums over K products of inputs in [-1, 1): for K up to 13 the default
// tolerance (rtol 1e-5, atol 1e-5) holds; the larger shapes, which reach the
// tiled GEMM paths, accumulate up to 129 f32 roundings in an order the
// interpreter does not share, so they allow atol 1e-4.
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

using namespace nnc;
using namespace nnc::e2e;

namespace {

const Tolerance kLongSums{1e-5, 1e-4};

// Tests a 2-D matmul whose row count is the dynamic batch.
TEST(MatmulTest, DynamicRows) {
  checkOp(R"mlir(
func.func @f(%a: tensor<?x13xf32>, %b: tensor<13x5xf32>) -> tensor<?x5xf32> {
  %c = nn.matmul %a, %b : tensor<?x13xf32>, tensor<13x5xf32>
  return %c : tensor<?x5xf32>
})mlir");
}

// Tests a row times a column: M = N = 1.
TEST(MatmulTest, RowTimesColumn) {
  checkOp(R"mlir(
func.func @f(%a: tensor<1x13xf32>, %b: tensor<13x1xf32>) -> tensor<1x1xf32> {
  %c = nn.matmul %a, %b : tensor<1x13xf32>, tensor<13x1xf32>
  return %c : tensor<1x1xf32>
})mlir");
}

// Tests an outer product: K = 1.
TEST(MatmulTest, OuterProduct) {
  checkOp(R"mlir(
func.func @f(%a: tensor<7x1xf32>, %b: tensor<1x13xf32>) -> tensor<7x13xf32> {
  %c = nn.matmul %a, %b : tensor<7x1xf32>, tensor<1x13xf32>
  return %c : tensor<7x13xf32>
})mlir");
}

// Tests transpose_a on 2-D operands: a is [K, M].
TEST(MatmulTest, TransposeA) {
  checkOp(R"mlir(
func.func @f(%a: tensor<13x7xf32>, %b: tensor<13x5xf32>) -> tensor<7x5xf32> {
  %c = nn.matmul %a, %b {transpose_a = true} : tensor<13x7xf32>, tensor<13x5xf32>
  return %c : tensor<7x5xf32>
})mlir");
}

// Tests transpose_b on 2-D operands with a dynamic row count: b is [N, K].
TEST(MatmulTest, TransposeB) {
  checkOp(R"mlir(
func.func @f(%a: tensor<?x13xf32>, %b: tensor<5x13xf32>) -> tensor<?x5xf32> {
  %c = nn.matmul %a, %b {transpose_b = true} : tensor<?x13xf32>, tensor<5x13xf32>
  return %c : tensor<?x5xf32>
})mlir");
}

// Tests both transposes on 2-D operands.
TEST(MatmulTest, TransposeBoth) {
  checkOp(R"mlir(
func.func @f(%a: tensor<13x7xf32>, %b: tensor<5x13xf32>) -> tensor<7x5xf32> {
  %c = nn.matmul %a, %b {transpose_a = true, transpose_b = true} : tensor<13x7xf32>, tensor<5x13xf32>
  return %c : tensor<7x5xf32>
})mlir");
}

// Tests a batched (3-D) matmul over the dynamic batch.
TEST(MatmulTest, Batched) {
  checkOp(R"mlir(
func.func @f(%a: tensor<?x7x13xf32>, %b: tensor<?x13x5xf32>) -> tensor<?x7x5xf32> {
  %c = nn.matmul %a, %b : tensor<?x7x13xf32>, tensor<?x13x5xf32>
  return %c : tensor<?x7x5xf32>
})mlir");
}

// Tests a batched matmul with transpose_a.
TEST(MatmulTest, BatchedTransposeA) {
  checkOp(R"mlir(
func.func @f(%a: tensor<?x13x7xf32>, %b: tensor<?x13x5xf32>) -> tensor<?x7x5xf32> {
  %c = nn.matmul %a, %b {transpose_a = true} : tensor<?x13x7xf32>, tensor<?x13x5xf32>
  return %c : tensor<?x7x5xf32>
})mlir");
}

// Tests a batched matmul with transpose_b.
TEST(MatmulTest, BatchedTransposeB) {
  checkOp(R"mlir(
func.func @f(%a: tensor<?x7x13xf32>, %b: tensor<?x5x13xf32>) -> tensor<?x7x5xf32> {
  %c = nn.matmul %a, %b {transpose_b = true} : tensor<?x7x13xf32>, tensor<?x5x13xf32>
  return %c : tensor<?x7x5xf32>
})mlir");
}

// Tests a batched matmul with both transposes and a static batch.
TEST(MatmulTest, BatchedTransposeBothStatic) {
  checkOp(R"mlir(
func.func @f(%a: tensor<3x13x7xf32>, %b: tensor<3x5x13xf32>) -> tensor<3x7x5xf32> {
  %c = nn.matmul %a, %b {transpose_a = true, transpose_b = true} : tensor<3x13x7xf32>, tensor<3x5x13xf32>
  return %c : tensor<3x7x5xf32>
})mlir");
}

// Tests sizes that are not multiples of any tile or vector width, with K
// long enough to be split.
TEST(MatmulTest, LargerThanTiles) {
  checkOp(R"mlir(
func.func @f(%a: tensor<67x129xf32>, %b: tensor<129x71xf32>) -> tensor<67x71xf32> {
  %c = nn.matmul %a, %b : tensor<67x129xf32>, tensor<129x71xf32>
  return %c : tensor<67x71xf32>
})mlir",
          {}, kLongSums);
}

// Tests linear (x times w transposed) over the dynamic batch.
TEST(LinearTest, DynamicBatch) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x13xf32>, %w: tensor<7x13xf32>) -> tensor<?x7xf32> {
  %y = nn.linear %x, %w : tensor<?x13xf32>, tensor<7x13xf32>
  return %y : tensor<?x7xf32>
})mlir");
}

// Tests linear with one output feature and one input feature.
TEST(LinearTest, UnitFeatures) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x1xf32>, %w: tensor<1x1xf32>) -> tensor<?x1xf32> {
  %y = nn.linear %x, %w : tensor<?x1xf32>, tensor<1x1xf32>
  return %y : tensor<?x1xf32>
})mlir");
}

// Tests linear at sizes beyond the GEMM tiles.
TEST(LinearTest, LargerThanTiles) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x129xf32>, %w: tensor<67x129xf32>) -> tensor<?x67xf32> {
  %y = nn.linear %x, %w : tensor<?x129xf32>, tensor<67x129xf32>
  return %y : tensor<?x67xf32>
})mlir",
          {}, kLongSums);
}

} // namespace
