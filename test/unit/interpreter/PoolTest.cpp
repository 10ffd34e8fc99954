//===- PoolTest.cpp - max_pool2d, avg_pool2d and lp_pool2d ----------------===//
//
// Tests pooling against windows reduced by hand, with the classic 4x4 max
// pooling example, and the three padding rules: pads never win a max, are
// excluded from or counted in an average, and add nothing to an Lp norm.
//
//===----------------------------------------------------------------------===//

#include "InterpreterTestUtil.h"

using namespace nnc;
using namespace nnc::interp;
using namespace nnc::interp::test;

namespace {

/// Runs @f(x) = nn.<op> x {attrs} on an f32 NCHW input of type `x` (shape
/// without "tensor<" ">") declared to return type `y`.
RefTensor runPool(const std::string &op, const std::string &x,
                  const std::string &y, const std::string &attrs,
                  RefTensor input) {
  std::string source = "func.func @f(%x: tensor<" + x + ">) -> tensor<" + y +
                       "> {\n  %y = nn." + op + " %x " + attrs + " : tensor<" +
                       x + ">\n  return %y : tensor<" + y + ">\n}\n";
  std::vector<RefTensor> results = runOk(source, "f", {input});
  return results.empty() ? RefTensor() : results[0];
}

// The worked example: 2x2 windows at stride 2 give [[100, 184], [12, 45]].
const std::vector<double> kMaxPoolInput = {29, 15,  28, 184, //
                                           0,  100, 70, 38,  //
                                           12, 12,  7,  2,   //
                                           12, 12,  45, 6};

TEST(PoolTest, MaxPoolWorkedExample2x2Stride2) {
  RefTensor y =
      runPool("max_pool2d", "1x1x4x4xf32", "1x1x2x2xf32",
              "{kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>}",
              f32({1, 1, 4, 4}, kMaxPoolInput));
  expectTensorNear(y, {1, 1, 2, 2}, {100, 184, 12, 45});
}

TEST(PoolTest, StridesDefaultToTheKernel) {
  RefTensor y =
      runPool("max_pool2d", "1x1x4x4xf32", "1x1x2x2xf32",
              "{kernel = array<i64: 2, 2>}", f32({1, 1, 4, 4}, kMaxPoolInput));
  expectTensorNear(y, {1, 1, 2, 2}, {100, 184, 12, 45});
}

TEST(PoolTest, MaxPoolPaddingNeverWinsOnNegativeInput) {
  // [[-1, -2], [-3, -4]] with a 2x2 window, stride 1, padding 1: each output
  // is the max of the real elements its window covers; zero padding would
  // have made every output 0.
  RefTensor y =
      runPool("max_pool2d", "1x1x2x2xf32", "1x1x3x3xf32",
              "{kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, "
              "padding = array<i64: 1, 1, 1, 1>}",
              f32({1, 1, 2, 2}, {-1, -2, -3, -4}));
  expectTensorNear(y, {1, 1, 3, 3}, {-1, -1, -2, -1, -1, -2, -3, -3, -4});
}

TEST(PoolTest, MaxPoolReducesEachBatchAndChannelAlone) {
  // x = 0..15 as [2, 2, 2, 2]: each 2x2 image is pooled to its last value.
  std::vector<double> x;
  for (int i = 0; i < 16; ++i)
    x.push_back(i);
  RefTensor y = runPool("max_pool2d", "?x2x2x2xf32", "?x2x1x1xf32",
                        "{kernel = array<i64: 2, 2>}", f32({2, 2, 2, 2}, x));
  expectTensorNear(y, {2, 2, 1, 1}, {3, 7, 11, 15});
}

// [[1, 2], [3, 4]] with a 2x2 window, stride 1, padding 1: the window sums
// are [[1, 3, 2], [4, 10, 6], [3, 7, 4]] over 1, 2 or 4 real elements.
const char *kPaddedAvgAttrs =
    "kernel = array<i64: 2, 2>, strides = "
    "array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>";

TEST(PoolTest, AvgPoolExcludesPadsByDefault) {
  RefTensor y = runPool("avg_pool2d", "1x1x2x2xf32", "1x1x3x3xf32",
                        std::string("{") + kPaddedAvgAttrs + "}",
                        f32({1, 1, 2, 2}, {1, 2, 3, 4}));
  expectTensorNear(y, {1, 1, 3, 3}, {1, 1.5, 2, 2, 2.5, 3, 3, 3.5, 4});
}

TEST(PoolTest, AvgPoolCountIncludePadDividesByKernelArea) {
  RefTensor y = runPool("avg_pool2d", "1x1x2x2xf32", "1x1x3x3xf32",
                        std::string("{") + kPaddedAvgAttrs +
                            ", count_include_pad = true}",
                        f32({1, 1, 2, 2}, {1, 2, 3, 4}));
  expectTensorNear(y, {1, 1, 3, 3},
                   {0.25, 0.75, 0.5, 1, 2.5, 1.5, 0.75, 1.75, 1});
}

TEST(PoolTest, AvgPoolWithoutPaddingIsTheWindowMean) {
  RefTensor y =
      runPool("avg_pool2d", "1x1x4x4xf32", "1x1x2x2xf32",
              "{kernel = array<i64: 2, 2>}", f32({1, 1, 4, 4}, kMaxPoolInput));
  // (29+15+0+100)/4, (28+184+70+38)/4, (12+12+12+12)/4, (7+2+45+6)/4.
  expectTensorNear(y, {1, 1, 2, 2}, {36, 80, 12, 15});
}

// Windows {3, 4, 0, 0} and {0, 1, 2, −2} of a 2x4 image.
const std::vector<double> kLpInput = {3, 4, 0, 1, //
                                      0, 0, 2, -2};

TEST(PoolTest, LpPoolP2IsTheWindowEuclideanNorm) {
  // sqrt(9 + 16) = 5 and sqrt(1 + 4 + 4) = 3.
  RefTensor y =
      runPool("lp_pool2d", "1x1x2x4xf32", "1x1x1x2xf32",
              "{kernel = array<i64: 2, 2>}", f32({1, 1, 2, 4}, kLpInput));
  expectTensorNear(y, {1, 1, 1, 2}, {5, 3});
}

TEST(PoolTest, LpPoolP1IsTheSumOfAbsoluteValues) {
  // 3 + 4 = 7 and 1 + 2 + |−2| = 5.
  RefTensor y = runPool("lp_pool2d", "1x1x2x4xf32", "1x1x1x2xf32",
                        "{kernel = array<i64: 2, 2>, p = 1.0 : f32}",
                        f32({1, 1, 2, 4}, kLpInput));
  expectTensorNear(y, {1, 1, 1, 2}, {7, 5});
}

TEST(PoolTest, LpPoolPadsContributeNothing) {
  // A single −3 padded by 1 on every side: all four 2x2 windows hold it and
  // three zeros, so each norm is 3.
  RefTensor y = runPool("lp_pool2d", "1x1x1x1xf32", "1x1x2x2xf32",
                        "{kernel = array<i64: 2, 2>, strides = array<i64: 1, "
                        "1>, padding = array<i64: 1, 1, 1, 1>}",
                        f32({1, 1, 1, 1}, {-3}));
  expectTensorNear(y, {1, 1, 2, 2}, {3, 3, 3, 3});
}

} // namespace
