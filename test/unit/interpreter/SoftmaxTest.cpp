//===- SoftmaxTest.cpp - softmax and log_softmax --------------------------===//
//
// Tests softmax against exp(x_i) / Σ_j exp(x_j) and log_softmax against
// x_i − log Σ_j exp(x_j), including inputs whose exp overflows a double.
//
//===----------------------------------------------------------------------===//

#include "InterpreterTestUtil.h"

#include <cmath>

using namespace nnc;
using namespace nnc::interp;
using namespace nnc::interp::test;

namespace {

/// @f(x) = nn.<op> x {attrs} on a tensor of `type`.
std::vector<RefTensor> runSoftmaxLike(const std::string &op,
                                      const std::string &type, RefTensor x,
                                      const std::string &attrs = "") {
  std::string source = "func.func @f(%x: " + type + ") -> " + type + " {\n" +
                       "  %y = nn." + op + " %x " + attrs + " : " + type +
                       "\n  return %y : " + type + "\n}\n";
  return runOk(source, "f", {std::move(x)});
}

TEST(SoftmaxTest, SoftmaxIsExpOverSumOfExp) {
  double e1 = std::exp(1.0), e2 = std::exp(2.0), e3 = std::exp(3.0);
  double sum = e1 + e2 + e3;
  std::vector<RefTensor> results =
      runSoftmaxLike("softmax", "tensor<1x3xf32>", f32({1, 3}, {1, 2, 3}));
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {1, 3}, {e1 / sum, e2 / sum, e3 / sum}, 1e-15);
}

TEST(SoftmaxTest, SoftmaxOfLargeInputsStaysFinite) {
  // exp(1000) overflows, but softmax([1000, 1001]) = [1, e] / (1 + e).
  double e = std::exp(1.0);
  std::vector<RefTensor> results =
      runSoftmaxLike("softmax", "tensor<2xf32>", f32({2}, {1000, 1001}));
  ASSERT_EQ(results.size(), 1u);
  // x − lse loses the low bits of 1001 (its ulp is about 1e-13).
  expectTensorNear(results[0], {2}, {1 / (1 + e), e / (1 + e)}, 1e-12);
}

TEST(SoftmaxTest, SoftmaxAlongAxisZeroNormalizesColumns) {
  // Column 0 holds (0, log 3): softmax = (1/4, 3/4); column 1 is uniform.
  std::vector<RefTensor> results =
      runSoftmaxLike("softmax", "tensor<2x2xf32>",
                     f32({2, 2}, {0, 5, std::log(3.0), 5}), "{axis = 0 : i64}");
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2, 2}, {0.25, 0.5, 0.75, 0.5}, 1e-15);
}

TEST(SoftmaxTest, LogSoftmaxIsXMinusLogSumExp) {
  double lse = std::log(std::exp(1.0) + std::exp(2.0) + std::exp(3.0));
  std::vector<RefTensor> results =
      runSoftmaxLike("log_softmax", "tensor<3xf32>", f32({3}, {1, 2, 3}));
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {3}, {1 - lse, 2 - lse, 3 - lse}, 1e-14);
}

TEST(SoftmaxTest, LogSoftmaxOfLargeInputsStaysFinite) {
  // log_softmax([1000, 1001]) = [−log(1 + e), 1 − log(1 + e)].
  double l = std::log(1 + std::exp(1.0));
  std::vector<RefTensor> results =
      runSoftmaxLike("log_softmax", "tensor<2xf32>", f32({2}, {1000, 1001}));
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2}, {-l, 1 - l}, 1e-12);
}

TEST(SoftmaxTest, SoftmaxRowsSumToOneWithDynamicBatch) {
  std::vector<RefTensor> results =
      runSoftmaxLike("softmax", "tensor<?x4xf32>",
                     f32({3, 4}, {1, -1, 0.5, 7, 0, 0, 0, 0, -30, 2, 2, 9}));
  ASSERT_EQ(results.size(), 1u);
  ASSERT_EQ(results[0].shape, (Shape{3, 4}));
  for (int row = 0; row < 3; ++row) {
    double sum = 0;
    for (int k = 0; k < 4; ++k)
      sum += results[0].floats[row * 4 + k];
    EXPECT_NEAR(sum, 1.0, 1e-15) << "row " << row;
  }
  EXPECT_DOUBLE_EQ(results[0].floats[4], 0.25);
}

} // namespace
