//===- LossTest.cpp - the three losses vs the interpreter -----------------===//
//
// A "mean" or "sum" loss adds up to 17 * 15 = 255 f32 terms of order 1;
// their rounding stays within rtol 1e-5 of the total, so the default
// tolerance (rtol 1e-5, atol 1e-5) holds.
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

using namespace nnc;
using namespace nnc::e2e;

namespace {

/// @f(%a: A, %b: B) -> R { nn.OP %a, %b {reduction = "REDUCTION"} }.
std::string lossModule(const std::string &op, const std::string &a,
                       const std::string &b, const std::string &reduction,
                       const std::string &result) {
  return "func.func @f(%a: " + a + ", %b: " + b + ") -> " + result +
         " {\n  %l = nn." + op + " %a, %b {reduction = \"" + reduction +
         "\"} : " + a + ", " + b + "\n  return %l : " + result + "\n}\n";
}

const Fill kLogits = Fill::uniform(-5, 5);

std::string reductionName(const testing::TestParamInfo<const char *> &info) {
  return info.param;
}

class ReductionTest : public testing::TestWithParam<const char *> {
protected:
  std::string reduction() const { return GetParam(); }
  /// The loss type: per row, per element, or a scalar.
  std::string result(const std::string &none) const {
    return reduction() == "none" ? none : "tensor<f32>";
  }
};

using SoftmaxCrossEntropyTest = ReductionTest;

// Tests integer (i64) class labels.
TEST_P(SoftmaxCrossEntropyTest, Int64Labels) {
  checkOp(lossModule("softmax_cross_entropy", "tensor<?x7xf32>",
                     "tensor<?xi64>", reduction(), result("tensor<?xf32>")),
          {kLogits, Fill::labels(7)});
}

// Tests i32 class labels, which the contract also accepts.
TEST_P(SoftmaxCrossEntropyTest, Int32Labels) {
  checkOp(lossModule("softmax_cross_entropy", "tensor<?x13xf32>",
                     "tensor<?xi32>", reduction(), result("tensor<?xf32>")),
          {kLogits, Fill::labels(13)});
}

// Tests probability labels [N, K]: −Σ t·log_softmax(logits).
TEST_P(SoftmaxCrossEntropyTest, ProbabilityLabels) {
  checkOp(lossModule("softmax_cross_entropy", "tensor<?x7xf32>",
                     "tensor<?x7xf32>", reduction(), result("tensor<?xf32>")),
          {kLogits, Fill::uniform(0, 1)});
}

INSTANTIATE_TEST_SUITE_P(Reductions, SoftmaxCrossEntropyTest,
                         testing::Values("mean", "sum", "none"), reductionName);

using BinaryCrossEntropyTest = ReductionTest;

// Tests soft targets in [0, 1) against probabilities in (0, 1).
TEST_P(BinaryCrossEntropyTest, SoftTargets) {
  checkOp(lossModule("binary_cross_entropy", "tensor<?x3x5xf32>",
                     "tensor<?x3x5xf32>", reduction(),
                     result("tensor<?x3x5xf32>")),
          {Fill::probabilities(), Fill::uniform(0, 1)});
}

// Tests hard 0/1 targets on a [N, 1] output, as in the XOR example.
TEST_P(BinaryCrossEntropyTest, HardTargets) {
  checkOp(lossModule("binary_cross_entropy", "tensor<?x1xf32>",
                     "tensor<?x1xf32>", reduction(), result("tensor<?x1xf32>")),
          {Fill::probabilities(), Fill::labels(2)});
}

INSTANTIATE_TEST_SUITE_P(Reductions, BinaryCrossEntropyTest,
                         testing::Values("mean", "sum", "none"), reductionName);

// Tests that log is clamped at −100: p = 0 or 1 gives 100 where the target
// disagrees and 0 (not NaN from 0·−inf) where it agrees.
TEST(BinaryCrossEntropyClampTest, LogClampedAtMinus100) {
  CompiledModel model;
  ASSERT_NO_FATAL_FAILURE(
      compileSource(lossModule("binary_cross_entropy", "tensor<4xf32>",
                               "tensor<4xf32>", "none", "tensor<4xf32>"),
                    model));
  float p[4] = {0, 1, 0, 1};
  float t[4] = {1, 0, 0, 1};
  std::vector<Tensor> args = {Tensor::borrow(DType::F32, {4}, p),
                              Tensor::borrow(DType::F32, {4}, t)};
  expectMatchesInterpreter(model, "f", args);
  std::vector<Tensor> results = runCompiled(model.executable, "f", args);
  ASSERT_EQ(results.size(), 1u);
  const float *loss = results[0].data<float>();
  EXPECT_EQ(std::vector<float>(loss, loss + 4),
            (std::vector<float>{100, 100, 0, 0}));
}

using MseLossTest = ReductionTest;

// Tests rank-2 predictions and targets.
TEST_P(MseLossTest, Rank2) {
  checkOp(lossModule("mse_loss", "tensor<?x13xf32>", "tensor<?x13xf32>",
                     reduction(), result("tensor<?x13xf32>")));
}

// Tests rank-3 predictions and targets with a unit dimension.
TEST_P(MseLossTest, Rank3UnitDim) {
  checkOp(lossModule("mse_loss", "tensor<?x1x7xf32>", "tensor<?x1x7xf32>",
                     reduction(), result("tensor<?x1x7xf32>")));
}

INSTANTIATE_TEST_SUITE_P(Reductions, MseLossTest,
                         testing::Values("mean", "sum", "none"), reductionName);

} // namespace
