//===- NormTest.cpp - batch_norm and lrn ----------------------------------===//
//
// Tests batch_norm by closed forms (training output has per-channel mean 0
// and variance 1) and hand-computed statistics, and lrn against PyTorch's
// LocalResponseNorm formula evaluated by hand.
//
//===----------------------------------------------------------------------===//

#include "InterpreterTestUtil.h"

#include <cmath>

using namespace nnc;
using namespace nnc::interp;
using namespace nnc::interp::test;

namespace {

/// A module whose @f(x, gamma, beta, mean, var) returns the three results of
/// nn.batch_norm {attrs}; `x` is the input type, `c` the channel count.
std::string batchNormSource(const std::string &x, int c,
                            const std::string &attrs) {
  std::string v = "tensor<" + std::to_string(c) + "xf32>";
  std::string t = "tensor<" + x + ">";
  return "func.func @f(%x: " + t + ", %g: " + v + ", %b: " + v + ", %m: " + v +
         ", %v: " + v + ") -> (" + t + ", " + v + ", " + v + ") {\n" +
         "  %y, %nm, %nv = nn.batch_norm %x, %g, %b, %m, %v " + attrs + " : " +
         t + ", " + v + ", " + v + ", " + v + ", " + v + "\n" +
         "  return %y, %nm, %nv : " + t + ", " + v + ", " + v + "\n}\n";
}

TEST(NormTest, BatchNormTrainingGivesZeroMeanUnitVariancePerChannel) {
  // [2, 3, 2, 2] with channels of different scales; gamma 1, beta 0 and
  // epsilon 0 leave exactly the standardized values.
  std::vector<double> x;
  for (int i = 0; i < 24; ++i)
    x.push_back((i % 5) * (1 + (i / 4) % 3) + 0.5 * i);
  std::vector<RefTensor> r =
      runOk(batchNormSource("2x3x2x2xf32", 3,
                            "{training = true, epsilon = 0.0 : f32}"),
            "f",
            {f32({2, 3, 2, 2}, x), f32({3}, {1, 1, 1}), f32({3}, {0, 0, 0}),
             f32({3}, {0, 0, 0}), f32({3}, {1, 1, 1})});
  ASSERT_EQ(r.size(), 3u);
  for (int c = 0; c < 3; ++c) {
    double sum = 0, sumSquares = 0;
    for (int n = 0; n < 2; ++n)
      for (int k = 0; k < 4; ++k) {
        double v = r[0].floats[(n * 3 + c) * 4 + k];
        sum += v;
        sumSquares += v * v;
      }
    EXPECT_NEAR(sum / 8, 0.0, 1e-12) << "channel " << c;
    EXPECT_NEAR(sumSquares / 8, 1.0, 1e-12) << "channel " << c;
  }
}

// x = [[1, 10], [3, 14]] as [N=2, C=2]: channel 0 has mean 2 and biased
// variance 1, channel 1 mean 12 and variance 4, so both standardize to
// [−1, 1].
const std::vector<double> kBatch = {1, 10, 3, 14};

TEST(NormTest, BatchNormTrainingScalesAndShiftsTheStandardizedValues) {
  // gamma [2, 3], beta [0.5, −1]: channel 0 → [−1.5, 2.5], channel 1 →
  // [−4, 2].
  std::vector<RefTensor> r = runOk(
      batchNormSource("2x2xf32", 2, "{training = true, epsilon = 0.0 : f32}"),
      "f",
      {f32({2, 2}, kBatch), f32({2}, {2, 3}), f32({2}, {0.5, -1}),
       f32({2}, {0, 1}), f32({2}, {1, 2})});
  ASSERT_EQ(r.size(), 3u);
  expectTensorNear(r[0], {2, 2}, {-1.5, -4, 2.5, 2});
}

TEST(NormTest, BatchNormTrainingUpdatesRunningStatsWithUnbiasedVariance) {
  // momentum 0.25: new_mean = 0.75·[0, 1] + 0.25·[2, 12] = [0.5, 3.75];
  // unbiased variances [1·2/1, 4·2/1] = [2, 8], so
  // new_var = 0.75·[1, 2] + 0.25·[2, 8] = [1.25, 3.5].
  std::vector<RefTensor> r = runOk(
      batchNormSource("2x2xf32", 2, "{training = true, momentum = 0.25 : f32}"),
      "f",
      {f32({2, 2}, kBatch), f32({2}, {1, 1}), f32({2}, {0, 0}),
       f32({2}, {0, 1}), f32({2}, {1, 2})});
  ASSERT_EQ(r.size(), 3u);
  expectTensorNear(r[1], {2}, {0.5, 3.75});
  expectTensorNear(r[2], {2}, {1.25, 3.5});
}

TEST(NormTest, BatchNormDefaultMomentumIsOneTenth) {
  // new_mean = 0.9·0 + 0.1·2 for channel 0 (momentum is an f32 0.1).
  std::vector<RefTensor> r =
      runOk(batchNormSource("2x2xf32", 2, "{training = true}"), "f",
            {f32({2, 2}, kBatch), f32({2}, {1, 1}), f32({2}, {0, 0}),
             f32({2}, {0, 0}), f32({2}, {1, 1})});
  ASSERT_EQ(r.size(), 3u);
  expectTensorNear(r[1], {2}, {0.2, 1.2}, 1e-7);
}

TEST(NormTest, BatchNormEvalUsesGivenStatsAndReturnsThemUnchanged) {
  // mean [1, −2], var [3, 8], epsilon 1: divide by sqrt(4) = 2 and
  // sqrt(9) = 3. gamma [2, 1], beta [0, 0.5]:
  // channel 0: 2·(5 − 1)/2 = 4, 2·(−1 − 1)/2 = −2;
  // channel 1: (7 + 2)/3 + 0.5 = 3.5, (1 + 2)/3 + 0.5 = 1.5.
  std::vector<RefTensor> r =
      runOk(batchNormSource("2x2xf32", 2, "{epsilon = 1.0 : f32}"), "f",
            {f32({2, 2}, {5, 7, -1, 1}), f32({2}, {2, 1}), f32({2}, {0, 0.5}),
             f32({2}, {1, -2}), f32({2}, {3, 8})});
  ASSERT_EQ(r.size(), 3u);
  expectTensorNear(r[0], {2, 2}, {4, 3.5, -2, 1.5});
  expectTensorNear(r[1], {2}, {1, -2});
  expectTensorNear(r[2], {2}, {3, 8});
}

TEST(NormTest, BatchNormTrainingWithOneValuePerChannelIsAnError) {
  std::string errors =
      runError(batchNormSource("1x2xf32", 2, "{training = true}"), "f",
               {f32({1, 2}, {1, 2}), f32({2}, {1, 1}), f32({2}, {0, 0}),
                f32({2}, {0, 0}), f32({2}, {1, 1})});
  EXPECT_NE(errors.find("expects more than 1 value per channel"),
            std::string::npos)
      << errors;
}

/// Runs @f(x) = nn.lrn x {attrs} on an f32 tensor of type `x`.
RefTensor runLrn(const std::string &x, const std::string &attrs,
                 RefTensor input) {
  std::string t = "tensor<" + x + ">";
  std::string source = "func.func @f(%x: " + t + ") -> " + t +
                       " {\n  %y = nn.lrn %x " + attrs + " : " + t +
                       "\n  return %y : " + t + "\n}\n";
  std::vector<RefTensor> results = runOk(source, "f", {input});
  return results.empty() ? RefTensor() : results[0];
}

TEST(NormTest, LrnSize3MatchesPyTorchFormulaByHand) {
  // x = [1..5] on 5 channels, alpha 3 (alpha/size = 1), beta 0.5, bias 1:
  // y[c] = x[c] / sqrt(1 + Σ_{c−1..c+1} x²), the sums being 1+4 = 5,
  // 1+4+9 = 14, 4+9+16 = 29, 9+16+25 = 50 and 16+25 = 41.
  RefTensor y = runLrn("1x5x1x1xf32",
                       "{size = 3 : i64, alpha = 3.0 : f32, beta = 0.5 : f32, "
                       "bias = 1.0 : f32}",
                       f32({1, 5, 1, 1}, {1, 2, 3, 4, 5}));
  expectTensorNear(y, {1, 5, 1, 1},
                   {1 / std::sqrt(6.0), 2 / std::sqrt(15.0),
                    3 / std::sqrt(30.0), 4 / std::sqrt(51.0),
                    5 / std::sqrt(42.0)});
}

TEST(NormTest, LrnEvenSizeWindowReachesFurtherBack) {
  // size 4 sums channels c−2 … c+1; alpha 4, beta 1, bias 0 make
  // y[c] = x[c] / Σ x²: sums 5, 14, 30, 54, 50.
  RefTensor y = runLrn("1x5x1x1xf32",
                       "{size = 4 : i64, alpha = 4.0 : f32, beta = 1.0 : f32, "
                       "bias = 0.0 : f32}",
                       f32({1, 5, 1, 1}, {1, 2, 3, 4, 5}));
  expectTensorNear(y, {1, 5, 1, 1},
                   {1.0 / 5, 2.0 / 14, 3.0 / 30, 4.0 / 54, 5.0 / 50});
}

TEST(NormTest, LrnOnRank3NormalizesEachPositionAcrossChannels) {
  // [1, 2 channels, 2 positions]: channels [1, 2] and [3, 4]; size 2 sums
  // channels c−1 … c, alpha 2, beta 1, bias 0: channel 0 divides by its own
  // square, channel 1 by 1+9 = 10 and 4+16 = 20.
  RefTensor y = runLrn(
      "1x2x2xf32",
      "{size = 2 : i64, alpha = 2.0 : f32, beta = 1.0 : f32, bias = 0.0 : f32}",
      f32({1, 2, 2}, {1, 2, 3, 4}));
  expectTensorNear(y, {1, 2, 2}, {1, 0.5, 0.3, 0.2});
}

TEST(NormTest, LrnDefaultsAreSize5Alpha1em4Beta075Bias1) {
  // One channel of value 10: y = 10 / (1 + 1e-4/5 · 100)^0.75. The f32
  // attribute 1e-4 is not exact, hence the tolerance.
  RefTensor y = runLrn("1x1x1xf32", "", f32({1, 1, 1}, {10}));
  expectTensorNear(y, {1, 1, 1}, {10 / std::pow(1.002, 0.75)}, 1e-9);
}

} // namespace
