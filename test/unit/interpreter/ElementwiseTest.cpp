//===- ElementwiseTest.cpp - activations and broadcasting arithmetic ------===//
//
// Tests the elementwise kernels against their scalar formulas on small
// inputs, and NumPy broadcasting against hand-indexed expectations.
//
//===----------------------------------------------------------------------===//

#include "InterpreterTestUtil.h"

#include <cmath>

using namespace nnc;
using namespace nnc::interp;
using namespace nnc::interp::test;

namespace {

/// `@f(x) = nn.<op> x {attrs}` on tensor<4xf32>.
std::string unaryModule(const std::string &op, const std::string &attrs = "") {
  return "func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {\n"
         "  %y = nn." +
         op + " %x " + attrs +
         " : tensor<4xf32>\n"
         "  return %y : tensor<4xf32>\n}\n";
}

/// Runs nn.<op> on four values and compares with `expected`.
void expectUnary(const std::string &op, std::vector<double> x,
                 std::vector<double> expected, const std::string &attrs = "",
                 double tolerance = 1e-12) {
  std::vector<RefTensor> results =
      runOk(unaryModule(op, attrs), "f", {f32({4}, std::move(x))});
  ASSERT_EQ(results.size(), 1u) << op;
  expectTensorNear(results[0], {4}, expected, tolerance);
}

TEST(ElementwiseTest, ReluZeroesNegatives) {
  expectUnary("relu", {-2, -0.5, 0, 3}, {0, 0, 0, 3});
}

TEST(ElementwiseTest, SigmoidIsOneOverOnePlusExpMinusX) {
  expectUnary("sigmoid", {0, 1, -1, 50},
              {0.5, 1 / (1 + std::exp(-1.0)), 1 / (1 + std::exp(1.0)),
               1 / (1 + std::exp(-50.0))});
}

TEST(ElementwiseTest, TanhExpLogFollowTheirDefinitions) {
  double e = std::exp(1.0);
  expectUnary("tanh", {0, 1, -1, 2},
              {0, (e - 1 / e) / (e + 1 / e), -(e - 1 / e) / (e + 1 / e),
               (e * e - 1 / (e * e)) / (e * e + 1 / (e * e))});
  expectUnary("exp", {0, 1, -1, 2}, {1, e, 1 / e, e * e});
  expectUnary("log", {1, e, e * e, 1 / e}, {0, 1, 2, -1});
}

TEST(ElementwiseTest, NegSqrtRsqrtAbsFollowTheirDefinitions) {
  expectUnary("neg", {1, -2, 0, 3.5}, {-1, 2, 0, -3.5});
  expectUnary("sqrt", {0, 1, 4, 2.25}, {0, 1, 2, 1.5});
  expectUnary("rsqrt", {1, 4, 16, 0.25}, {1, 0.5, 0.25, 2});
  expectUnary("abs", {-3, 0, 2, -0.5}, {3, 0, 2, 0.5});
}

TEST(ElementwiseTest, LeakyReluScalesNegativesByAlpha) {
  // alpha is an f32 attribute: 0.25 is exact in f32.
  expectUnary("leaky_relu", {-4, -1, 0, 2}, {-1, -0.25, 0, 2},
              "{alpha = 0.25 : f32}");
}

TEST(ElementwiseTest, LeakyReluDefaultAlphaIsOneHundredth) {
  expectUnary("leaky_relu", {-100, -1, 0, 2}, {-1, -0.01, 0, 2}, "", 1e-7);
}

constexpr const char *kPRelu = R"mlir(
func.func @f(%x: tensor<1x2x2xf32>, %s: tensor<?xf32>) -> tensor<1x2x2xf32> {
  %y = nn.prelu %x, %s : tensor<1x2x2xf32>, tensor<?xf32>
  return %y : tensor<1x2x2xf32>
}
)mlir";

TEST(ElementwiseTest, PReluUsesOneSlopePerChannel) {
  // Channel 0 has slope 0.5, channel 1 slope 3.
  RefTensor x = f32({1, 2, 2}, {-2, 4, -1, 5});
  std::vector<RefTensor> results = runOk(kPRelu, "f", {x, f32({2}, {0.5, 3})});
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {1, 2, 2}, {-1, 4, -3, 5});
}

TEST(ElementwiseTest, PReluSharesASingleSlope) {
  RefTensor x = f32({1, 2, 2}, {-2, 4, -1, 5});
  std::vector<RefTensor> results = runOk(kPRelu, "f", {x, f32({1}, {0.5})});
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {1, 2, 2}, {-1, 4, -0.5, 5});
}

TEST(ElementwiseTest, PReluRejectsSlopeOfWrongSizeAtRunTime) {
  RefTensor x = f32({1, 2, 2}, {-2, 4, -1, 5});
  std::string message = runError(kPRelu, "f", {x, f32({3}, {1, 2, 3})});
  EXPECT_NE(message.find("operand 'slope' has 3 elements but 'x' [1, 2, 2] "
                         "has 2 channels"),
            std::string::npos)
      << message;
}

TEST(ElementwiseTest, AddBroadcasts2x1x3With4x1) {
  const char *source = R"mlir(
func.func @f(%a: tensor<2x1x3xf32>, %b: tensor<4x1xf32>) -> tensor<2x4x3xf32> {
  %c = nn.add %a, %b : tensor<2x1x3xf32>, tensor<4x1xf32>
  return %c : tensor<2x4x3xf32>
}
)mlir";
  // a[i, 0, k] = 100 i + k and b[j, 0] = 10 j, so c[i, j, k] = 100 i + 10 j +
  // k.
  RefTensor a = f32({2, 1, 3}, {0, 1, 2, 100, 101, 102});
  RefTensor b = f32({4, 1}, {0, 10, 20, 30});
  std::vector<RefTensor> results = runOk(source, "f", {a, b});
  ASSERT_EQ(results.size(), 1u);
  std::vector<double> expected;
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 4; ++j)
      for (int k = 0; k < 3; ++k)
        expected.push_back(100 * i + 10 * j + k);
  expectTensorNear(results[0], {2, 4, 3}, expected);
}

/// `@f(a, b) = nn.<op> a, b` on tensor<3xf32> and a broadcast tensor<1xf32>.
std::vector<RefTensor> runBinary(const std::string &op, std::vector<double> a,
                                 double b) {
  std::string source =
      "func.func @f(%a: tensor<3xf32>, %b: tensor<1xf32>) -> tensor<3xf32> {\n"
      "  %c = nn." +
      op +
      " %a, %b : tensor<3xf32>, tensor<1xf32>\n"
      "  return %c : tensor<3xf32>\n}\n";
  return runOk(source, "f", {f32({3}, std::move(a)), f32({1}, {b})});
}

TEST(ElementwiseTest, SubMulDivApplyTheirOperator) {
  expectTensorNear(runBinary("sub", {5, 1, -2}, 2).at(0), {3}, {3, -1, -4});
  expectTensorNear(runBinary("mul", {5, 1, -2}, 2).at(0), {3}, {10, 2, -4});
  expectTensorNear(runBinary("div", {5, 1, -2}, 2).at(0), {3}, {2.5, 0.5, -1});
}

TEST(ElementwiseTest, MaximumMinimumPowApplyTheirFormula) {
  expectTensorNear(runBinary("maximum", {5, 1, -2}, 2).at(0), {3}, {5, 2, 2});
  expectTensorNear(runBinary("minimum", {5, 1, -2}, 2).at(0), {3}, {2, 1, -2});
  expectTensorNear(runBinary("pow", {3, 0.5, -2}, 2).at(0), {3}, {9, 0.25, 4});
}

TEST(ElementwiseTest, MaximumPropagatesNaNLikePyTorch) {
  std::vector<RefTensor> results =
      runBinary("maximum", {std::nan(""), 1, 3}, 2);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(std::isnan(results[0].floats[0]));
  EXPECT_EQ(results[0].floats[1], 2);
}

TEST(ElementwiseTest, DynamicSizesThatDoNotBroadcastAreReported) {
  const char *source = R"mlir(
func.func @f(%a: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?xf32> {
  %c = nn.add %a, %b : tensor<?xf32>, tensor<?xf32>
  return %c : tensor<?xf32>
}
)mlir";
  std::string message =
      runError(source, "f", {f32({2}, {1, 2}), f32({3}, {1, 2, 3})});
  EXPECT_NE(message.find("operands 'lhs' [2] and 'rhs' [3] do not broadcast"),
            std::string::npos)
      << message;
}

TEST(ElementwiseTest, BiasAddAddsAlongAxisOne) {
  const char *source = R"mlir(
func.func @f(%x: tensor<2x3x2xf32>, %b: tensor<3xf32>) -> tensor<2x3x2xf32> {
  %y = nn.bias_add %x, %b : tensor<2x3x2xf32>, tensor<3xf32>
  return %y : tensor<2x3x2xf32>
}
)mlir";
  RefTensor x = RefTensor::zeros(DType::F32, {2, 3, 2});
  std::vector<RefTensor> results = runOk(source, "f", {x, f32({3}, {1, 2, 3})});
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2, 3, 2}, {1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3});
}

TEST(ElementwiseTest, BiasAddAcceptsNegativeAxis) {
  const char *source = R"mlir(
func.func @f(%x: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %y = nn.bias_add %x, %b {axis = -1 : i64} : tensor<2x3xf32>, tensor<3xf32>
  return %y : tensor<2x3xf32>
}
)mlir";
  RefTensor x = f32({2, 3}, {0, 0, 0, 10, 10, 10});
  std::vector<RefTensor> results = runOk(source, "f", {x, f32({3}, {1, 2, 3})});
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2, 3}, {1, 2, 3, 11, 12, 13});
}

} // namespace
