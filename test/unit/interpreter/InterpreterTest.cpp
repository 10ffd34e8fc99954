//===- InterpreterTest.cpp - functions, calls, constants, argument checks -===//
//
// Tests the interpreter's own work: evaluating whole functions (the course's
// sigmoid networks for AND, OR and XNOR), func.call, arith.constant, and the
// diagnostics for bad arguments and ops without a kernel.
//
//===----------------------------------------------------------------------===//

#include "InterpreterTestUtil.h"

using namespace nnc;
using namespace nnc::interp;
using namespace nnc::interp::test;

namespace {

/// The four rows (x1, x2) = (0,0), (0,1), (1,0), (1,1).
RefTensor truthTableInputs() { return f32({4, 2}, {0, 0, 0, 1, 1, 0, 1, 1}); }

/// Checks a [4, 1] sigmoid output against a truth table: a true row must be
/// above 0.99, a false one below 0.01.
void expectTruthTable(const RefTensor &y, const std::vector<bool> &table) {
  ASSERT_EQ(y.shape, (Shape{4, 1}));
  for (size_t row = 0; row < table.size(); ++row) {
    if (table[row])
      EXPECT_GT(y.floats[row], 0.99) << "row " << row;
    else
      EXPECT_LT(y.floats[row], 0.01) << "row " << row;
  }
}

// A unit computes sigmoid(w0 + w1·x1 + w2·x2); AND = (-30, 20, 20).
constexpr const char *kAndNetwork = R"mlir(
func.func @and_net(%x: tensor<4x2xf32>) -> tensor<4x1xf32> {
  %w = arith.constant dense<[[20.0, 20.0]]> : tensor<1x2xf32>
  %b = arith.constant dense<-30.0> : tensor<1xf32>
  %z = nn.linear %x, %w : tensor<4x2xf32>, tensor<1x2xf32>
  %zb = nn.bias_add %z, %b : tensor<4x1xf32>, tensor<1xf32>
  %y = nn.sigmoid %zb : tensor<4x1xf32>
  return %y : tensor<4x1xf32>
}
)mlir";

TEST(InterpreterTest, SigmoidUnitComputesAnd) {
  std::vector<RefTensor> results =
      runOk(kAndNetwork, "and_net", {truthTableInputs()});
  ASSERT_EQ(results.size(), 1u);
  expectTruthTable(results[0], {false, false, false, true});
}

// OR = (-10, 20, 20), written with nn.matmul and a broadcasting nn.add.
constexpr const char *kOrNetwork = R"mlir(
func.func @or_net(%x: tensor<?x2xf32>) -> tensor<?x1xf32> {
  %w = arith.constant dense<[[20.0], [20.0]]> : tensor<2x1xf32>
  %b = arith.constant dense<[-10.0]> : tensor<1xf32>
  %z = nn.matmul %x, %w : tensor<?x2xf32>, tensor<2x1xf32>
  %zb = nn.add %z, %b : tensor<?x1xf32>, tensor<1xf32>
  %y = nn.sigmoid %zb : tensor<?x1xf32>
  return %y : tensor<?x1xf32>
}
)mlir";

TEST(InterpreterTest, SigmoidUnitComputesOr) {
  std::vector<RefTensor> results =
      runOk(kOrNetwork, "or_net", {truthTableInputs()});
  ASSERT_EQ(results.size(), 1u);
  expectTruthTable(results[0], {false, true, true, true});
}

// XNOR = OR(AND(x1, x2), NOR(x1, x2)): hidden units AND (-30, 20, 20) and
// NOR (10, -20, -20), output unit OR (-10, 20, 20). Weights are arguments.
constexpr const char *kXnorNetwork = R"mlir(
func.func @xnor_net(%x: tensor<?x2xf32>, %w1: tensor<2x2xf32>,
                    %b1: tensor<2xf32>, %w2: tensor<1x2xf32>,
                    %b2: tensor<1xf32>) -> tensor<?x1xf32> {
  %z1 = nn.linear %x, %w1 : tensor<?x2xf32>, tensor<2x2xf32>
  %a1 = nn.bias_add %z1, %b1 : tensor<?x2xf32>, tensor<2xf32>
  %h = nn.sigmoid %a1 : tensor<?x2xf32>
  %z2 = nn.linear %h, %w2 : tensor<?x2xf32>, tensor<1x2xf32>
  %a2 = nn.bias_add %z2, %b2 : tensor<?x1xf32>, tensor<1xf32>
  %y = nn.sigmoid %a2 : tensor<?x1xf32>
  return %y : tensor<?x1xf32>
}
)mlir";

TEST(InterpreterTest, TwoLayerSigmoidNetworkComputesXnor) {
  RefTensor w1 = f32({2, 2}, {20, 20, -20, -20});
  RefTensor b1 = f32({2}, {-30, 10});
  RefTensor w2 = f32({1, 2}, {20, 20});
  RefTensor b2 = f32({1}, {-10});
  std::vector<RefTensor> results =
      runOk(kXnorNetwork, "xnor_net", {truthTableInputs(), w1, b1, w2, b2});
  ASSERT_EQ(results.size(), 1u);
  expectTruthTable(results[0], {true, false, false, true});
}

// @main -> @affine -> @scale: x = [1, -2] gives 3x + [1, -1] = [4, -7].
constexpr const char *kCallChain = R"mlir(
func.func @scale(%x: tensor<2xf32>) -> tensor<2xf32> {
  %c = arith.constant dense<3.0> : tensor<2xf32>
  %y = nn.mul %x, %c : tensor<2xf32>, tensor<2xf32>
  return %y : tensor<2xf32>
}
func.func @affine(%x: tensor<2xf32>) -> tensor<2xf32> {
  %s = func.call @scale(%x) : (tensor<2xf32>) -> tensor<2xf32>
  %c = arith.constant dense<[1.0, -1.0]> : tensor<2xf32>
  %y = nn.add %s, %c : tensor<2xf32>, tensor<2xf32>
  return %y : tensor<2xf32>
}
func.func @main(%x: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  %a = func.call @affine(%x) : (tensor<2xf32>) -> tensor<2xf32>
  %r = nn.relu %a : tensor<2xf32>
  return %a, %r : tensor<2xf32>, tensor<2xf32>
}
)mlir";

TEST(InterpreterTest, FuncCallRunsThroughTwoFunctions) {
  std::vector<RefTensor> results =
      runOk(kCallChain, "main", {f32({2}, {1, -2})});
  ASSERT_EQ(results.size(), 2u);
  expectTensorNear(results[0], {2}, {4, -7});
  expectTensorNear(results[1], {2}, {4, 0});
}

TEST(InterpreterTest, ConstantsOfEveryDtypeIncludingSplats) {
  const char *source = R"mlir(
func.func @consts() -> (tensor<2x2xf32>, tensor<2xf64>, tensor<3xi64>,
                        tensor<2xi32>, tensor<2xi1>) {
  %a = arith.constant dense<2.5> : tensor<2x2xf32>
  %b = arith.constant dense<[0.25, -1.5]> : tensor<2xf64>
  %c = arith.constant dense<[-3, 0, 7]> : tensor<3xi64>
  %d = arith.constant dense<5> : tensor<2xi32>
  %e = arith.constant dense<[true, false]> : tensor<2xi1>
  return %a, %b, %c, %d, %e : tensor<2x2xf32>, tensor<2xf64>, tensor<3xi64>,
                              tensor<2xi32>, tensor<2xi1>
}
)mlir";
  std::vector<RefTensor> results = runOk(source, "consts", {});
  ASSERT_EQ(results.size(), 5u);
  expectTensorNear(results[0], {2, 2}, {2.5, 2.5, 2.5, 2.5});
  EXPECT_EQ(results[1].dtype, DType::F64);
  expectTensorNear(results[1], {2}, {0.25, -1.5});
  EXPECT_EQ(results[2].ints, (std::vector<int64_t>{-3, 0, 7}));
  EXPECT_EQ(results[3].dtype, DType::I32);
  EXPECT_EQ(results[3].ints, (std::vector<int64_t>{5, 5}));
  EXPECT_EQ(results[4].dtype, DType::Bool);
  EXPECT_EQ(results[4].ints, (std::vector<int64_t>{1, 0}));
}

constexpr const char *kDynamicRelu = R"mlir(
func.func @f(%x: tensor<?x3xf32>) -> tensor<?x3xf32> {
  %y = nn.relu %x : tensor<?x3xf32>
  return %y : tensor<?x3xf32>
}
)mlir";

TEST(InterpreterTest, DynamicBatchAcceptsBatchOneAndFive) {
  std::vector<RefTensor> one =
      runOk(kDynamicRelu, "f", {f32({1, 3}, {-1, 0, 2})});
  ASSERT_EQ(one.size(), 1u);
  expectTensorNear(one[0], {1, 3}, {0, 0, 2});
  std::vector<double> values(15, -1.0);
  values[14] = 6.0;
  std::vector<RefTensor> five = runOk(kDynamicRelu, "f", {f32({5, 3}, values)});
  ASSERT_EQ(five.size(), 1u);
  std::vector<double> expected(15, 0.0);
  expected[14] = 6.0;
  expectTensorNear(five[0], {5, 3}, expected);
}

TEST(InterpreterTest, WrongArgumentCountIsReported) {
  std::string message = runError(kDynamicRelu, "f", {});
  EXPECT_NE(message.find("@f expects 1 argument, got 0"), std::string::npos)
      << message;
}

TEST(InterpreterTest, WrongArgumentDtypeIsReported) {
  std::string message =
      runError(kDynamicRelu, "f", {i64({2, 3}, {1, 2, 3, 4, 5, 6})});
  EXPECT_NE(message.find("@f argument #0 expects tensor<?x3xf32>, got i64 "
                         "[2, 3]"),
            std::string::npos)
      << message;
}

TEST(InterpreterTest, WrongArgumentShapeIsReportedWithIndex) {
  const char *source = R"mlir(
func.func @g(%a: tensor<2xf32>, %x: tensor<?x784xf32>) -> tensor<2xf32> {
  return %a : tensor<2xf32>
}
)mlir";
  RefTensor x = RefTensor::zeros(DType::F32, {2, 785});
  std::string message = runError(source, "g", {f32({2}, {1, 2}), x});
  EXPECT_NE(message.find("@g argument #1 expects tensor<?x784xf32>, got f32 "
                         "[2, 785]"),
            std::string::npos)
      << message;
}

TEST(InterpreterTest, WrongArgumentRankIsReported) {
  std::string message = runError(kDynamicRelu, "f", {f32({3}, {1, 2, 3})});
  EXPECT_NE(message.find("argument #0 expects tensor<?x3xf32>, got f32 [3]"),
            std::string::npos)
      << message;
}

TEST(InterpreterTest, UnsupportedArgumentElementTypeIsReported) {
  const char *source = R"mlir(
func.func @h(%x: tensor<2xf16>) -> tensor<2xf16> {
  return %x : tensor<2xf16>
}
)mlir";
  std::string message = runError(source, "h", {f32({2}, {1, 2})});
  EXPECT_NE(message.find("argument #0 has type tensor<2xf16>, which the "
                         "interpreter does not support"),
            std::string::npos)
      << message;
}

TEST(InterpreterTest, MissingEntryListsTheAvailableFunctions) {
  std::string message = runError(kCallChain, "forward", {});
  EXPECT_NE(message.find("no function named '@forward' (available: @scale, "
                         "@affine, @main)"),
            std::string::npos)
      << message;
}

TEST(InterpreterTest, OpWithoutKernelIsReported) {
  const char *source = R"mlir(
func.func @f(%x: tensor<2xf32>) -> tensor<2xf32> {
  %y = arith.addf %x, %x : tensor<2xf32>
  return %y : tensor<2xf32>
}
)mlir";
  std::string message = runError(source, "f", {f32({2}, {1, 2})});
  EXPECT_NE(message.find("the interpreter has no kernel for 'arith.addf'"),
            std::string::npos)
      << message;
}

TEST(InterpreterTest, RecursiveCallIsReportedInsteadOfLooping) {
  const char *source = R"mlir(
func.func @f(%x: tensor<2xf32>) -> tensor<2xf32> {
  %y = func.call @f(%x) : (tensor<2xf32>) -> tensor<2xf32>
  return %y : tensor<2xf32>
}
)mlir";
  std::string message = runError(source, "f", {f32({2}, {1, 2})});
  EXPECT_NE(message.find("@f is called recursively"), std::string::npos)
      << message;
}

} // namespace
