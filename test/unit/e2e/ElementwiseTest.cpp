//===- ElementwiseTest.cpp - unary, binary and bias ops vs the interpreter
//-===//
//
// Elementwise results are one rounding of an f32 computation away from the
// interpreter's doubles, so the default tolerance (rtol 1e-5, atol 1e-5)
// holds everywhere.
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

using namespace nnc;
using namespace nnc::e2e;

namespace {

//===----------------------------------------------------------------------===//
// Unary ops
//===----------------------------------------------------------------------===//

struct UnaryCase {
  const char *op;
  Fill fill;
};

// Failure messages name the op rather than dumping the bytes.
void PrintTo(const UnaryCase &c, std::ostream *os) { *os << c.op; }

std::string unaryModule(const std::string &op, const std::string &type) {
  return "func.func @f(%x: " + type + ") -> " + type + " {\n  %y = nn." + op +
         " %x : " + type + "\n  return %y : " + type + "\n}\n";
}

class UnaryTest : public testing::TestWithParam<UnaryCase> {};

// Tests that the op matches the interpreter on a dynamic batch of odd-sized
// rows.
TEST_P(UnaryTest, DynamicBatch) {
  checkOp(unaryModule(GetParam().op, "tensor<?x7x13xf32>"), {GetParam().fill});
}

// Tests that the op matches the interpreter on a static shape with unit
// dimensions.
TEST_P(UnaryTest, StaticUnitDims) {
  checkOp(unaryModule(GetParam().op, "tensor<1x13x1xf32>"), {GetParam().fill});
}

// log, sqrt and rsqrt need positive inputs; the smooth functions get a range
// wide enough to reach their saturating tails.
INSTANTIATE_TEST_SUITE_P(
    Ops, UnaryTest,
    testing::Values(
        UnaryCase{"relu", Fill()}, UnaryCase{"sigmoid", Fill::uniform(-8, 8)},
        UnaryCase{"tanh", Fill::uniform(-5, 5)},
        UnaryCase{"exp", Fill::uniform(-5, 5)},
        UnaryCase{"log", Fill::positive()}, UnaryCase{"neg", Fill()},
        UnaryCase{"sqrt", Fill::positive()},
        UnaryCase{"rsqrt", Fill::positive()}, UnaryCase{"abs", Fill()}),
    [](const testing::TestParamInfo<UnaryCase> &info) {
      return std::string(info.param.op);
    });

// Tests leaky_relu with its default alpha (0.01).
TEST(LeakyReluTest, DefaultAlpha) {
  checkOp(unaryModule("leaky_relu", "tensor<?x13xf32>"));
}

// Tests leaky_relu with an explicit alpha.
TEST(LeakyReluTest, ExplicitAlpha) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x7xf32>) -> tensor<?x7xf32> {
  %y = nn.leaky_relu %x {alpha = 0.2 : f32} : tensor<?x7xf32>
  return %y : tensor<?x7xf32>
})mlir");
}

// Tests that prelu broadcasts its slope along axis 1 of an NCHW tensor.
TEST(PreluTest, SlopePerChannelNCHW) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x5x3x7xf32>, %s: tensor<5xf32>) -> tensor<?x5x3x7xf32> {
  %y = nn.prelu %x, %s : tensor<?x5x3x7xf32>, tensor<5xf32>
  return %y : tensor<?x5x3x7xf32>
})mlir");
}

// Tests prelu on a rank-2 tensor, where axis 1 is the last.
TEST(PreluTest, SlopePerFeatureRank2) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x13xf32>, %s: tensor<13xf32>) -> tensor<?x13xf32> {
  %y = nn.prelu %x, %s : tensor<?x13xf32>, tensor<13xf32>
  return %y : tensor<?x13xf32>
})mlir");
}

//===----------------------------------------------------------------------===//
// Binary ops with NumPy broadcasting
//===----------------------------------------------------------------------===//

struct BinaryCase {
  const char *op;
  Fill lhs;
  Fill rhs;
};

void PrintTo(const BinaryCase &c, std::ostream *os) { *os << c.op; }

// One function per broadcasting pattern; the test names say which.
std::string binaryModule(const std::string &op) {
  auto function = [&](const char *name, const char *lhs, const char *rhs,
                      const char *result) {
    return std::string("func.func @") + name + "(%a: " + lhs + ", %b: " + rhs +
           ") -> " + result + " {\n  %c = nn." + op + " %a, %b : " + lhs +
           ", " + rhs + "\n  return %c : " + result + "\n}\n";
  };
  return function("same", "tensor<?x7x13xf32>", "tensor<?x7x13xf32>",
                  "tensor<?x7x13xf32>") +
         function("trailing", "tensor<?x7x13xf32>", "tensor<13xf32>",
                  "tensor<?x7x13xf32>") +
         function("mutual", "tensor<?x1x13xf32>", "tensor<7x1xf32>",
                  "tensor<?x7x13xf32>") +
         function("scalar", "tensor<?x7xf32>", "tensor<f32>",
                  "tensor<?x7xf32>") +
         function("lhs_smaller", "tensor<1x13xf32>", "tensor<?x13xf32>",
                  "tensor<?x13xf32>") +
         function("static_unit", "tensor<1x7x1xf32>", "tensor<13x1x1x5xf32>",
                  "tensor<13x1x7x5xf32>");
}

class BinaryTest : public testing::TestWithParam<BinaryCase> {
protected:
  void check(const std::string &entry) {
    CompiledModel *model = cachedModel(binaryModule(GetParam().op));
    ASSERT_NE(model, nullptr);
    checkEntry(*model, entry, {GetParam().lhs, GetParam().rhs});
  }
};

// Tests operands of the same (dynamic) shape.
TEST_P(BinaryTest, SameShape) { check("same"); }

// Tests a rank-1 right operand broadcast along the leading dimensions.
TEST_P(BinaryTest, TrailingVector) { check("trailing"); }

// Tests operands that broadcast each other ([N,1,13] with [7,1]).
TEST_P(BinaryTest, MutualBroadcast) { check("mutual"); }

// Tests a 0-d right operand.
TEST_P(BinaryTest, ScalarOperand) { check("scalar"); }

// Tests a static left operand broadcast against the dynamic batch.
TEST_P(BinaryTest, LeftOperandBroadcast) { check("lhs_smaller"); }

// Tests static shapes with unit dimensions on both sides and a rank change.
TEST_P(BinaryTest, StaticUnitDims) { check("static_unit"); }

// pow gets positive bases (a real result for every exponent); div gets
// divisors away from zero.
INSTANTIATE_TEST_SUITE_P(
    Ops, BinaryTest,
    testing::Values(BinaryCase{"add", Fill(), Fill()},
                    BinaryCase{"sub", Fill(), Fill()},
                    BinaryCase{"mul", Fill(), Fill()},
                    BinaryCase{"div", Fill(), Fill::positive()},
                    BinaryCase{"maximum", Fill(), Fill()},
                    BinaryCase{"minimum", Fill(), Fill()},
                    BinaryCase{"pow", Fill::positive(), Fill::uniform(-3, 3)}),
    [](const testing::TestParamInfo<BinaryCase> &info) {
      return std::string(info.param.op);
    });

//===----------------------------------------------------------------------===//
// bias_add
//===----------------------------------------------------------------------===//

// Tests bias_add along the default axis 1 of an NCHW tensor.
TEST(BiasAddTest, DefaultAxisNCHW) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x5x3x7xf32>, %b: tensor<5xf32>) -> tensor<?x5x3x7xf32> {
  %y = nn.bias_add %x, %b : tensor<?x5x3x7xf32>, tensor<5xf32>
  return %y : tensor<?x5x3x7xf32>
})mlir");
}

// Tests bias_add along a negative (last) axis.
TEST(BiasAddTest, NegativeAxis) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x7x13xf32>, %b: tensor<13xf32>) -> tensor<?x7x13xf32> {
  %y = nn.bias_add %x, %b {axis = -1 : i64} : tensor<?x7x13xf32>, tensor<13xf32>
  return %y : tensor<?x7x13xf32>
})mlir");
}

// Tests bias_add along an inner axis that is neither 1 nor the last.
TEST(BiasAddTest, InnerAxis) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x7x2xf32>, %b: tensor<7xf32>) -> tensor<?x3x7x2xf32> {
  %y = nn.bias_add %x, %b {axis = 2 : i64} : tensor<?x3x7x2xf32>, tensor<7xf32>
  return %y : tensor<?x3x7x2xf32>
})mlir");
}

} // namespace
