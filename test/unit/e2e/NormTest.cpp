//===- NormTest.cpp - batch_norm, dropout and lrn vs the interpreter ------===//
//
// Batch statistics sum up to 17 * 21 = 357 values per channel in f32; the
// default tolerance (rtol 1e-5, atol 1e-5) holds for them as for the rest.
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

#include <cstdint>
#include <limits>

using namespace nnc;
using namespace nnc::e2e;

namespace {

//===----------------------------------------------------------------------===//
// batch_norm: every test compares all three results
//===----------------------------------------------------------------------===//

// x, gamma, beta, running mean, running variance (positive).
const std::vector<Fill> kBatchNormFills = {Fill(), Fill::uniform(0.5, 1.5),
                                           Fill(), Fill(), Fill::positive()};

// Tests inference on NCHW: running statistics normalize, and are returned
// unchanged.
TEST(BatchNormTest, InferenceNCHW) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x5x3x7xf32>, %g: tensor<5xf32>, %b: tensor<5xf32>, %m: tensor<5xf32>, %v: tensor<5xf32>) -> (tensor<?x5x3x7xf32>, tensor<5xf32>, tensor<5xf32>) {
  %y, %nm, %nv = nn.batch_norm %x, %g, %b, %m, %v : tensor<?x5x3x7xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>
  return %y, %nm, %nv : tensor<?x5x3x7xf32>, tensor<5xf32>, tensor<5xf32>
})mlir",
          kBatchNormFills);
}

// Tests training on NCHW: batch statistics normalize; the running ones are
// updated with momentum and the unbiased batch variance.
TEST(BatchNormTest, TrainingNCHW) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x5x3x7xf32>, %g: tensor<5xf32>, %b: tensor<5xf32>, %m: tensor<5xf32>, %v: tensor<5xf32>) -> (tensor<?x5x3x7xf32>, tensor<5xf32>, tensor<5xf32>) {
  %y, %nm, %nv = nn.batch_norm %x, %g, %b, %m, %v {training = true} : tensor<?x5x3x7xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>
  return %y, %nm, %nv : tensor<?x5x3x7xf32>, tensor<5xf32>, tensor<5xf32>
})mlir",
          kBatchNormFills);
}

// Tests training with explicit epsilon and momentum.
TEST(BatchNormTest, TrainingEpsilonMomentum) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x2x2xf32>, %g: tensor<3xf32>, %b: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>) -> (tensor<?x3x2x2xf32>, tensor<3xf32>, tensor<3xf32>) {
  %y, %nm, %nv = nn.batch_norm %x, %g, %b, %m, %v {epsilon = 1.0e-2 : f32, momentum = 0.3 : f32, training = true} : tensor<?x3x2x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  return %y, %nm, %nv : tensor<?x3x2x2xf32>, tensor<3xf32>, tensor<3xf32>
})mlir",
          kBatchNormFills);
}

// Tests training on [N, C] features (BatchNorm1d). A batch of 1 is left
// out: one value per channel has no unbiased variance (PyTorch refuses it,
// and so does the interpreter).
TEST(BatchNormTest, TrainingRank2) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x13xf32>, %g: tensor<13xf32>, %b: tensor<13xf32>, %m: tensor<13xf32>, %v: tensor<13xf32>) -> (tensor<?x13xf32>, tensor<13xf32>, tensor<13xf32>) {
  %y, %nm, %nv = nn.batch_norm %x, %g, %b, %m, %v {training = true} : tensor<?x13xf32>, tensor<13xf32>, tensor<13xf32>, tensor<13xf32>, tensor<13xf32>
  return %y, %nm, %nv : tensor<?x13xf32>, tensor<13xf32>, tensor<13xf32>
})mlir",
          kBatchNormFills, {}, {2, 3, 17});
}

// Tests inference on [N, C] features with an explicit epsilon.
TEST(BatchNormTest, InferenceRank2Epsilon) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x13xf32>, %g: tensor<13xf32>, %b: tensor<13xf32>, %m: tensor<13xf32>, %v: tensor<13xf32>) -> (tensor<?x13xf32>, tensor<13xf32>, tensor<13xf32>) {
  %y, %nm, %nv = nn.batch_norm %x, %g, %b, %m, %v {epsilon = 1.0e-3 : f32} : tensor<?x13xf32>, tensor<13xf32>, tensor<13xf32>, tensor<13xf32>, tensor<13xf32>
  return %y, %nm, %nv : tensor<?x13xf32>, tensor<13xf32>, tensor<13xf32>
})mlir",
          kBatchNormFills);
}

//===----------------------------------------------------------------------===//
// dropout
//===----------------------------------------------------------------------===//

std::string dropoutModule(const std::string &attributes) {
  return R"mlir(
func.func @f(%x: tensor<?x7x13xf32>, %seed: tensor<i64>) -> tensor<?x7x13xf32> {
  %y = nn.dropout %x, %seed {)mlir" +
         attributes + R"mlir(} : tensor<?x7x13xf32>, tensor<i64>
  return %y : tensor<?x7x13xf32>
})mlir";
}

// Positive inputs, so that a dropped element is the only zero.
const Fill kNonZero = Fill::uniform(0.5, 2.0);

/// The compiled result of dropout on x drawn as kNonZero with `seed`.
struct DropoutRun {
  std::vector<float> compiled;
  std::vector<double> reference;
};

DropoutRun runDropout(CompiledModel &model, int64_t batch, int64_t seed) {
  std::vector<Tensor> args =
      randomArgs(model.executable, "f", batch, {kNonZero}, 7 + batch);
  args[1].data<int64_t>()[0] = seed;
  DropoutRun run;
  std::vector<interp::RefTensor> expected = interpret(model, "f", args);
  std::vector<Tensor> actual = runCompiled(model.executable, "f", args);
  if (expected.size() != 1 || actual.size() != 1)
    return run;
  const float *data = actual[0].data<float>();
  run.compiled.assign(data, data + actual[0].numElements());
  run.reference = expected[0].floats;
  EXPECT_NO_FATAL_FAILURE(expectNear(actual[0], expected[0], {}, "dropout"));
  return run;
}

/// Expects the compiled mask to equal the interpreter's element for element.
void expectSameMask(const DropoutRun &run, int64_t seed) {
  ASSERT_EQ(run.compiled.size(), run.reference.size());
  int64_t differing = 0;
  for (size_t i = 0; i < run.compiled.size(); ++i)
    differing += (run.compiled[i] == 0) != (run.reference[i] == 0);
  EXPECT_EQ(differing, 0) << "elements dropped by one side only, seed " << seed
                          << ", " << run.compiled.size() << " elements";
}

// Tests that training dropout drops exactly the interpreter's elements, for
// every batch size and for seeds at the edges of int64, and scales the kept
// ones by 1 / (1 - rate).
TEST(DropoutTest, TrainingMaskMatchesInterpreterBitForBit) {
  CompiledModel *model =
      cachedModel(dropoutModule("rate = 0.25 : f32, training = true"));
  ASSERT_NE(model, nullptr);
  for (int64_t seed : {int64_t(0), int64_t(1), int64_t(123456789), int64_t(-5),
                       std::numeric_limits<int64_t>::max(),
                       std::numeric_limits<int64_t>::min()})
    for (int64_t batch : kBatchSizes)
      expectSameMask(runDropout(*model, batch, seed), seed);
}

// Tests the default rate (0.5) in training, including the fraction dropped.
TEST(DropoutTest, DefaultRateDropsAboutHalf) {
  CompiledModel *model = cachedModel(dropoutModule("training = true"));
  ASSERT_NE(model, nullptr);
  DropoutRun run = runDropout(*model, 17, 42);
  expectSameMask(run, 42);
  int64_t dropped = 0;
  for (float value : run.compiled)
    dropped += value == 0;
  // 1547 elements: 0.5 +- 0.05 is more than 3 standard deviations.
  EXPECT_NEAR(double(dropped) / run.compiled.size(), 0.5, 0.05);
}

// Tests that the mask is a function of the element index: a batch of 3
// drops the same elements as the first 3 rows of a batch of 17.
TEST(DropoutTest, MaskIndependentOfBatchSize) {
  CompiledModel *model =
      cachedModel(dropoutModule("rate = 0.25 : f32, training = true"));
  ASSERT_NE(model, nullptr);
  DropoutRun small = runDropout(*model, 3, 99);
  DropoutRun large = runDropout(*model, 17, 99);
  ASSERT_EQ(small.compiled.size(), 3u * 7 * 13);
  ASSERT_GE(large.compiled.size(), small.compiled.size());
  for (size_t i = 0; i < small.compiled.size(); ++i)
    ASSERT_EQ(small.compiled[i] == 0, large.compiled[i] == 0)
        << "element " << i;
}

// Tests that distinct seeds give distinct masks.
TEST(DropoutTest, SeedChangesMask) {
  CompiledModel *model = cachedModel(dropoutModule("training = true"));
  ASSERT_NE(model, nullptr);
  DropoutRun first = runDropout(*model, 3, 1);
  DropoutRun second = runDropout(*model, 3, 2);
  ASSERT_EQ(first.compiled.size(), second.compiled.size());
  int64_t differing = 0;
  for (size_t i = 0; i < first.compiled.size(); ++i)
    differing += (first.compiled[i] == 0) != (second.compiled[i] == 0);
  EXPECT_GT(differing, 0);
}

// Tests a high rate (0.9): few elements survive, scaled by 10.
TEST(DropoutTest, HighRate) {
  CompiledModel *model =
      cachedModel(dropoutModule("rate = 0.9 : f32, training = true"));
  ASSERT_NE(model, nullptr);
  for (int64_t batch : kBatchSizes)
    expectSameMask(runDropout(*model, batch, 2024), 2024);
}

// Tests that dropout is the identity when not training (the default).
TEST(DropoutTest, InferenceIsIdentity) {
  checkOp(dropoutModule("rate = 0.5 : f32"), {Fill(), Fill::constant(3)});
}

// Tests that rate 0 in training is the identity.
TEST(DropoutTest, RateZeroIsIdentity) {
  checkOp(dropoutModule("rate = 0.0 : f32, training = true"),
          {Fill(), Fill::constant(3)});
}

//===----------------------------------------------------------------------===//
// lrn
//===----------------------------------------------------------------------===//

// Tests lrn with PyTorch's defaults (size 5) on more channels than the
// window.
TEST(LrnTest, Defaults) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x7x3x5xf32>) -> tensor<?x7x3x5xf32> {
  %y = nn.lrn %x : tensor<?x7x3x5xf32>
  return %y : tensor<?x7x3x5xf32>
})mlir",
          {Fill::uniform(-4, 4)});
}

// Tests lrn with every attribute set, large enough alpha to matter.
TEST(LrnTest, ExplicitAttributes) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x7x3x5xf32>) -> tensor<?x7x3x5xf32> {
  %y = nn.lrn %x {size = 3 : i64, alpha = 0.5 : f32, beta = 0.6 : f32, bias = 2.0 : f32} : tensor<?x7x3x5xf32>
  return %y : tensor<?x7x3x5xf32>
})mlir",
          {Fill::uniform(-4, 4)});
}

// Tests an even window size, which is asymmetric around the channel.
TEST(LrnTest, EvenSizeRank3) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x6x4xf32>) -> tensor<?x6x4xf32> {
  %y = nn.lrn %x {size = 4 : i64, alpha = 1.0 : f32, beta = 0.5 : f32, bias = 2.0 : f32} : tensor<?x6x4xf32>
  return %y : tensor<?x6x4xf32>
})mlir",
          {Fill::uniform(-2, 2)});
}

// Tests a window wider than the channel count.
TEST(LrnTest, WindowWiderThanChannels) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3x5x5xf32>) -> tensor<?x3x5x5xf32> {
  %y = nn.lrn %x {size = 7 : i64, alpha = 1.0 : f32, bias = 1.5 : f32} : tensor<?x3x5x5xf32>
  return %y : tensor<?x3x5x5xf32>
})mlir",
          {Fill::uniform(-2, 2)});
}

} // namespace
