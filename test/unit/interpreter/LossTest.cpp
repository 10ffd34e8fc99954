//===- LossTest.cpp - cross-entropy, binary cross-entropy and MSE ---------===//
//
// Tests the losses against −log softmax, −(t log p + (1 − t) log(1 − p)) and
// (y − t)² worked out by hand, under each reduction.
//
//===----------------------------------------------------------------------===//

#include "InterpreterTestUtil.h"

#include <cmath>

using namespace nnc;
using namespace nnc::interp;
using namespace nnc::interp::test;

namespace {

/// @f(a, b) = nn.<op> a, b {reduction = ...} with the result type implied by
/// the reduction: [N] or the input shape for "none", a scalar otherwise.
std::string lossModule(const std::string &op, const std::string &aType,
                       const std::string &bType, const std::string &reduction,
                       const std::string &resultType) {
  return "func.func @f(%a: " + aType + ", %b: " + bType + ") -> " + resultType +
         " {\n  %l = nn." + op + " %a, %b {reduction = \"" + reduction +
         "\"} : " + aType + ", " + bType + "\n  return %l : " + resultType +
         "\n}\n";
}

// Logits [[1, 2, 3], [1, 1, 1]] with labels [2, 0]:
// row 0: −log(e³ / (e + e² + e³)) = log(e + e² + e³) − 3; row 1: log 3.
const double kRow0 =
    std::log(std::exp(1.0) + std::exp(2.0) + std::exp(3.0)) - 3.0;
const double kRow1 = std::log(3.0);

RefTensor logits() { return f32({2, 3}, {1, 2, 3, 1, 1, 1}); }

std::vector<RefTensor> runCrossEntropy(const std::string &reduction,
                                       RefTensor labels,
                                       const std::string &labelType) {
  std::string result = reduction == "none" ? "tensor<?xf32>" : "tensor<f32>";
  std::string source = lossModule("softmax_cross_entropy", "tensor<?x3xf32>",
                                  labelType, reduction, result);
  return runOk(source, "f", {logits(), std::move(labels)});
}

TEST(LossTest, CrossEntropyMeanAveragesMinusLogSoftmaxAtTheLabels) {
  std::vector<RefTensor> results =
      runCrossEntropy("mean", i64({2}, {2, 0}), "tensor<?xi64>");
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {}, {(kRow0 + kRow1) / 2}, 1e-14);
}

TEST(LossTest, CrossEntropySumAddsTheRows) {
  std::vector<RefTensor> results =
      runCrossEntropy("sum", i64({2}, {2, 0}), "tensor<?xi64>");
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {}, {kRow0 + kRow1}, 1e-14);
}

TEST(LossTest, CrossEntropyNoneKeepsOneLossPerRow) {
  std::vector<RefTensor> results =
      runCrossEntropy("none", i64({2}, {2, 0}), "tensor<?xi64>");
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2}, {kRow0, kRow1}, 1e-14);
}

TEST(LossTest, CrossEntropyAcceptsI32Labels) {
  RefTensor labels = RefTensor::fromInts({2}, {2, 0}, DType::I32);
  std::vector<RefTensor> results =
      runCrossEntropy("none", labels, "tensor<?xi32>");
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2}, {kRow0, kRow1}, 1e-14);
}

TEST(LossTest, CrossEntropyWithProbabilityLabels) {
  // Row 0: half on class 1, half on class 2; row 1: one-hot class 0.
  // Loss = −Σ_k t_k log_softmax_k, and log_softmax_k = x_k − lse.
  double lse0 = kRow0 + 3.0;
  double row0 = 0.5 * (lse0 - 2) + 0.5 * (lse0 - 3);
  RefTensor labels = f32({2, 3}, {0, 0.5, 0.5, 1, 0, 0});
  std::vector<RefTensor> results =
      runCrossEntropy("none", labels, "tensor<?x3xf32>");
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {2}, {row0, kRow1}, 1e-14);
}

TEST(LossTest, CrossEntropyLabelOutOfRangeNamesRowAndValue) {
  std::string message =
      runError(lossModule("softmax_cross_entropy", "tensor<?x3xf32>",
                          "tensor<?xi64>", "mean", "tensor<f32>"),
               "f", {logits(), i64({2}, {0, 3})});
  EXPECT_NE(message.find("label 3 of row 1 is outside [0, 3)"),
            std::string::npos)
      << message;
}

TEST(LossTest, CrossEntropyNegativeLabelIsRejected) {
  std::string message =
      runError(lossModule("softmax_cross_entropy", "tensor<?x3xf32>",
                          "tensor<?xi64>", "mean", "tensor<f32>"),
               "f", {logits(), i64({2}, {-1, 0})});
  EXPECT_NE(message.find("label -1 of row 0 is outside [0, 3)"),
            std::string::npos)
      << message;
}

std::vector<RefTensor> runPairLoss(const std::string &op,
                                   const std::string &reduction, RefTensor a,
                                   RefTensor b) {
  std::string result = reduction == "none" ? "tensor<?xf32>" : "tensor<f32>";
  return runOk(
      lossModule(op, "tensor<?xf32>", "tensor<?xf32>", reduction, result), "f",
      {std::move(a), std::move(b)});
}

TEST(LossTest, BinaryCrossEntropyIsMinusLogOfTheTargetProbability) {
  // p = 0.5, t = 1: −log 0.5; p = 0.9, t = 0: −log 0.1; p = 0.2, t = 0.5:
  // −(0.5 log 0.2 + 0.5 log 0.8).
  std::vector<double> expected = {-std::log(0.5), -std::log(0.1),
                                  -0.5 * (std::log(0.2) + std::log(0.8))};
  std::vector<RefTensor> none =
      runPairLoss("binary_cross_entropy", "none", f32({3}, {0.5, 0.9, 0.2}),
                  f32({3}, {1, 0, 0.5}));
  ASSERT_EQ(none.size(), 1u);
  expectTensorNear(none[0], {3}, expected, 1e-14);
  std::vector<RefTensor> mean =
      runPairLoss("binary_cross_entropy", "mean", f32({3}, {0.5, 0.9, 0.2}),
                  f32({3}, {1, 0, 0.5}));
  ASSERT_EQ(mean.size(), 1u);
  expectTensorNear(mean[0], {}, {(expected[0] + expected[1] + expected[2]) / 3},
                   1e-14);
}

TEST(LossTest, BinaryCrossEntropyClampsEachLogAtMinus100) {
  // p = 0, t = 1: −max(log 0, −100) = 100; p = 1, t = 0: likewise 100;
  // p = 0, t = 0 and p = 1, t = 1: 0 (the clamped log has weight 0).
  std::vector<RefTensor> results =
      runPairLoss("binary_cross_entropy", "none", f32({4}, {0, 1, 0, 1}),
                  f32({4}, {1, 0, 0, 1}));
  ASSERT_EQ(results.size(), 1u);
  expectTensorNear(results[0], {4}, {100, 100, 0, 0});
}

TEST(LossTest, BinaryCrossEntropyRejectsProbabilityAboveOne) {
  std::string message =
      runError(lossModule("binary_cross_entropy", "tensor<?xf32>",
                          "tensor<?xf32>", "sum", "tensor<f32>"),
               "f", {f32({2}, {0.5, 1.5}), f32({2}, {1, 0})});
  EXPECT_NE(message.find("'input' element 1 is 1.5, outside [0, 1]"),
            std::string::npos)
      << message;
}

TEST(LossTest, MseLossSquaresTheDifferences) {
  // y − t = (1, −2, 3): squares (1, 4, 9), sum 14, mean 14/3.
  RefTensor y = f32({3}, {2, 0, 3}), t = f32({3}, {1, 2, 0});
  expectTensorNear(runPairLoss("mse_loss", "none", y, t).at(0), {3}, {1, 4, 9});
  expectTensorNear(runPairLoss("mse_loss", "sum", y, t).at(0), {}, {14});
  expectTensorNear(runPairLoss("mse_loss", "mean", y, t).at(0), {}, {14.0 / 3});
}

TEST(LossTest, MseLossRejectsTargetOfAnotherSizeAtRunTime) {
  std::string message =
      runError(lossModule("mse_loss", "tensor<?xf32>", "tensor<?xf32>", "mean",
                          "tensor<f32>"),
               "f", {f32({2}, {1, 2}), f32({3}, {1, 2, 3})});
  EXPECT_NE(message.find("operand 'target' [3] must match 'input' [2]"),
            std::string::npos)
      << message;
}

} // namespace
