//===- SelectionTest.cpp - compare, select, slice and expand_as -----------===//
//
// Tests the kernels of the ops backward graphs are built from: masks
// (compare), choices (select), and moving cotangents back (slice,
// expand_as), with broadcasting and a NaN where the semantics single it out.
//
//===----------------------------------------------------------------------===//

#include "InterpreterTestUtil.h"

#include <cmath>
#include <limits>

using namespace nnc;
using namespace nnc::interp;
using namespace nnc::interp::test;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The mask of `predicate` on a [3] against a rank-0 b, as 0/1 ints.
std::vector<int64_t> compareWithScalar(const std::string &predicate,
                                       RefTensor a, RefTensor b) {
  std::string source =
      "func.func @f(%a: tensor<3xf32>, %b: tensor<f32>) -> tensor<3xi1> {\n"
      "  %m = nn.compare %a, %b {predicate = \"" +
      predicate +
      "\"} : tensor<3xf32>, tensor<f32>\n"
      "  return %m : tensor<3xi1>\n}\n";
  std::vector<RefTensor> results =
      runOk(source, "f", {std::move(a), std::move(b)});
  if (results.size() != 1)
    return {};
  EXPECT_EQ(results[0].dtype, DType::Bool);
  return results[0].ints;
}

TEST(SelectionTest, CompareEachPredicateWithNaNAsPyTorch) {
  // NaN compares false except under "ne".
  RefTensor a = f32({3}, {-1.0, 2.0, kNaN});
  RefTensor b = f32({}, {2.0});
  using Mask = std::vector<int64_t>;
  EXPECT_EQ(compareWithScalar("gt", a, b), (Mask{0, 0, 0}));
  EXPECT_EQ(compareWithScalar("ge", a, b), (Mask{0, 1, 0}));
  EXPECT_EQ(compareWithScalar("lt", a, b), (Mask{1, 0, 0}));
  EXPECT_EQ(compareWithScalar("le", a, b), (Mask{1, 1, 0}));
  EXPECT_EQ(compareWithScalar("eq", a, b), (Mask{0, 1, 0}));
  EXPECT_EQ(compareWithScalar("ne", a, b), (Mask{1, 0, 1}));
}

TEST(SelectionTest, CompareIntegersBroadcastsToAOneHot) {
  // labels [3, 1] == classes [4] is the one-hot [3, 4] of the labels.
  const char *source = R"(
func.func @f(%l: tensor<3x1xi64>, %k: tensor<4xi64>) -> tensor<3x4xi1> {
  %m = nn.compare %l, %k {predicate = "eq"} : tensor<3x1xi64>, tensor<4xi64>
  return %m : tensor<3x4xi1>
})";
  std::vector<RefTensor> results =
      runOk(source, "f", {i64({3, 1}, {2, 0, 3}), i64({4}, {0, 1, 2, 3})});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].shape, (Shape{3, 4}));
  EXPECT_EQ(results[0].ints,
            (std::vector<int64_t>{0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1}));
}

TEST(SelectionTest, SelectBroadcastsAllThreeOperands) {
  // cond [2, 1] picks row-wise between a [3] and the scalar b.
  const char *source = R"(
func.func @f(%c: tensor<2x1xi1>, %a: tensor<3xf32>, %b: tensor<f32>) -> tensor<2x3xf32> {
  %y = nn.select %c, %a, %b : tensor<2x1xi1>, tensor<3xf32>, tensor<f32>
  return %y : tensor<2x3xf32>
})";
  RefTensor cond = RefTensor::fromInts({2, 1}, {1, 0}, DType::Bool);
  std::vector<RefTensor> results =
      runOk(source, "f", {cond, f32({3}, {1, 2, 3}), f32({}, {-5})});
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2, 3}, {1, 2, 3, -5, -5, -5});
}

TEST(SelectionTest, SelectRejectsShapesThatDoNotBroadcastAtRunTime) {
  const char *source = R"(
func.func @f(%c: tensor<?xi1>, %a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  %y = nn.select %c, %a, %b : tensor<?xi1>, tensor<3xf32>, tensor<3xf32>
  return %y : tensor<3xf32>
})";
  RefTensor cond = RefTensor::fromInts({2}, {1, 0}, DType::Bool);
  std::string error =
      runError(source, "f", {cond, f32({3}, {1, 2, 3}), f32({3}, {4, 5, 6})});
  EXPECT_NE(error.find("operands [2], [3], [3] do not broadcast"),
            std::string::npos)
      << error;
}

TEST(SelectionTest, SliceTakesARangeOfOneAxis) {
  // x[i, j] = 10 i + j; columns 1..2 of every row.
  const char *source = R"(
func.func @f(%x: tensor<?x4xf32>) -> tensor<?x2xf32> {
  %y = nn.slice %x {axis = 1 : i64, start = 1 : i64, size = 2 : i64} : tensor<?x4xf32>
  return %y : tensor<?x2xf32>
})";
  std::vector<RefTensor> results =
      runOk(source, "f", {f32({2, 4}, {0, 1, 2, 3, 10, 11, 12, 13})});
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2, 2}, {1, 2, 11, 12});
}

TEST(SelectionTest, SliceBeyondADynamicAxisIsAnError) {
  const char *source = R"(
func.func @f(%x: tensor<?xf32>) -> tensor<3xf32> {
  %y = nn.slice %x {axis = 0 : i64, start = 1 : i64, size = 3 : i64} : tensor<?xf32>
  return %y : tensor<3xf32>
})";
  std::string error = runError(source, "f", {f32({2}, {1, 2})});
  EXPECT_NE(error.find("range [1, 4) exceeds size 2 of axis 0 of [2]"),
            std::string::npos)
      << error;
}

TEST(SelectionTest, ExpandAsTakesTheRunTimeShapeOfLike) {
  // g [1, 3] spread over the 2 rows `like` has at run time.
  const char *source = R"(
func.func @f(%g: tensor<1x3xf32>, %like: tensor<?x3xf32>) -> tensor<?x3xf32> {
  %y = nn.expand_as %g, %like : tensor<1x3xf32>, tensor<?x3xf32>
  return %y : tensor<?x3xf32>
})";
  std::vector<RefTensor> results = runOk(
      source, "f", {f32({1, 3}, {1, 2, 3}), f32({2, 3}, {0, 0, 0, 0, 0, 0})});
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2, 3}, {1, 2, 3, 1, 2, 3});
}

TEST(SelectionTest, ExpandAsOfAScalarOverIntegerLabelsCountsThem) {
  const char *source = R"(
func.func @f(%labels: tensor<?xi64>) -> tensor<f32> {
  %one = arith.constant dense<1.0> : tensor<f32>
  %ones = nn.expand_as %one, %labels : tensor<f32>, tensor<?xi64>
  %n = nn.reduce_sum %ones : tensor<?xf32>
  return %n : tensor<f32>
})";
  std::vector<RefTensor> results =
      runOk(source, "f", {i64({5}, {0, 1, 2, 3, 4})});
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {}, {5});
}

} // namespace
