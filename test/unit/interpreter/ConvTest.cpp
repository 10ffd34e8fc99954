//===- ConvTest.cpp - conv2d ----------------------------------------------===//
//
// Tests conv2d against cross-correlations worked out by hand, the classic
// 5x5 example first, and a multi-channel batch against an independent
// formula that pads the input explicitly before summing.
//
//===----------------------------------------------------------------------===//

#include "InterpreterTestUtil.h"

using namespace nnc;
using namespace nnc::interp;
using namespace nnc::interp::test;

namespace {

// The worked example: kInput ⋆ kKernel = [[12, 12, 17], [10, 17, 19],
// [9, 6, 14]] (stride 1, no padding).
const std::vector<double> kInput = {3, 3, 2, 1, 0, //
                                    0, 0, 1, 3, 1, //
                                    3, 1, 2, 2, 3, //
                                    2, 0, 0, 2, 2, //
                                    2, 0, 0, 0, 1};
const std::vector<double> kKernel = {0, 1, 2, //
                                     2, 2, 0, //
                                     0, 1, 2};

/// A module whose @f(x, w) returns nn.conv2d x, w {attrs}; types are the
/// tensor shapes without "tensor<" ">", e.g. "1x1x5x5xf32".
std::string convSource(const std::string &x, const std::string &w,
                       const std::string &y, const std::string &attrs) {
  return "func.func @f(%x: tensor<" + x + ">, %w: tensor<" + w +
         ">) -> tensor<" + y + "> {\n  %y = nn.conv2d %x, %w " + attrs +
         " : tensor<" + x + ">, tensor<" + w + ">\n  return %y : tensor<" + y +
         ">\n}\n";
}

RefTensor runConv(const std::string &x, const std::string &w,
                  const std::string &y, const std::string &attrs,
                  RefTensor xValue, RefTensor wValue) {
  std::vector<RefTensor> results =
      runOk(convSource(x, w, y, attrs), "f", {xValue, wValue});
  return results.empty() ? RefTensor() : results[0];
}

TEST(ConvTest, WorkedExample5x5With3x3Kernel) {
  RefTensor y = runConv("1x1x5x5xf32", "1x1x3x3xf32", "1x1x3x3xf32", "",
                        f32({1, 1, 5, 5}, kInput), f32({1, 1, 3, 3}, kKernel));
  expectTensorNear(y, {1, 1, 3, 3}, {12, 12, 17, 10, 17, 19, 9, 6, 14});
}

TEST(ConvTest, Stride2KeepsEveryOtherStride1Output) {
  // Rows and columns 0 and 2 of the stride-1 result.
  RefTensor y = runConv("1x1x5x5xf32", "1x1x3x3xf32", "1x1x2x2xf32",
                        "{strides = array<i64: 2, 2>}",
                        f32({1, 1, 5, 5}, kInput), f32({1, 1, 3, 3}, kKernel));
  expectTensorNear(y, {1, 1, 2, 2}, {12, 17, 9, 14});
}

TEST(ConvTest, AsymmetricPaddingAddsZerosTopAndLeftOnly) {
  // Padding (top 1, left 1, bottom 0, right 0) turns [[1, 2, 3], [4, 5, 6]]
  // into [[0, 0, 0, 0], [0, 1, 2, 3], [0, 4, 5, 6]]; a 2x2 box sum of that.
  RefTensor y = runConv("1x1x2x3xf32", "1x1x2x2xf32", "1x1x2x3xf32",
                        "{padding = array<i64: 1, 1, 0, 0>}",
                        f32({1, 1, 2, 3}, {1, 2, 3, 4, 5, 6}),
                        f32({1, 1, 2, 2}, {1, 1, 1, 1}));
  expectTensorNear(y, {1, 1, 2, 3}, {1, 3, 5, 5, 12, 16});
}

TEST(ConvTest, Dilation2SpreadsTheKernelTaps) {
  // y[i][j] = 1·x[i][j] + 2·x[i][j+2] + 3·x[i+2][j] + 4·x[i+2][j+2],
  // e.g. y[0][0] = 3 + 2·2 + 3·3 + 4·2 = 24.
  RefTensor y =
      runConv("1x1x5x5xf32", "1x1x2x2xf32", "1x1x3x3xf32",
              "{dilations = array<i64: 2, 2>}", f32({1, 1, 5, 5}, kInput),
              f32({1, 1, 2, 2}, {1, 2, 3, 4}));
  expectTensorNear(y, {1, 1, 3, 3}, {24, 16, 20, 8, 14, 11, 13, 5, 12});
}

TEST(ConvTest, Groups2ConnectsEachFilterToItsHalfOfTheChannels) {
  // x = [1, 2, 3, 4]; filters 0, 1 see channels 0, 1 and filters 2, 3 see
  // channels 2, 3: [1·1 + 0·2, 0·1 + 1·2, 1·3 + 1·4, 1·3 − 1·4].
  RefTensor y = runConv("1x4x1x1xf32", "4x2x1x1xf32", "1x4x1x1xf32",
                        "{groups = 2 : i64}", f32({1, 4, 1, 1}, {1, 2, 3, 4}),
                        f32({4, 2, 1, 1}, {1, 0, 0, 1, 1, 1, 1, -1}));
  expectTensorNear(y, {1, 4, 1, 1}, {1, 2, 7, -1});
}

TEST(ConvTest, DepthwiseConvFiltersEachChannelAlone) {
  // Channels [1..4], [5..8], [9..12] with filters picking the first element,
  // the last element and the sum: 1, 8, 42.
  RefTensor y =
      runConv("1x3x2x2xf32", "3x1x2x2xf32", "1x3x1x1xf32", "{groups = 3 : i64}",
              f32({1, 3, 2, 2}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}),
              f32({3, 1, 2, 2}, {1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1}));
  expectTensorNear(y, {1, 3, 1, 1}, {1, 8, 42});
}

/// conv2d with stride 1 and padding 1 on every side, written the textbook
/// way: copy x into a zero array two larger, then sum without bounds tests.
std::vector<double> paddedConvReference(const std::vector<double> &x,
                                        const std::vector<double> &w, int n,
                                        int c, int h, int f, int k) {
  int hp = h + 2, ho = hp - k + 1;
  std::vector<double> padded(n * c * hp * hp, 0.0);
  for (int b = 0; b < n; ++b)
    for (int ch = 0; ch < c; ++ch)
      for (int i = 0; i < h; ++i)
        for (int j = 0; j < h; ++j)
          padded[((b * c + ch) * hp + i + 1) * hp + j + 1] =
              x[((b * c + ch) * h + i) * h + j];
  std::vector<double> y;
  for (int b = 0; b < n; ++b)
    for (int o = 0; o < f; ++o)
      for (int i = 0; i < ho; ++i)
        for (int j = 0; j < ho; ++j) {
          double sum = 0;
          for (int ch = 0; ch < c; ++ch)
            for (int p = 0; p < k; ++p)
              for (int q = 0; q < k; ++q)
                sum += padded[((b * c + ch) * hp + i + p) * hp + j + q] *
                       w[((o * c + ch) * k + p) * k + q];
          y.push_back(sum);
        }
  return y;
}

TEST(ConvTest, MultiChannelMultiFilterBatchMatchesPaddedReference) {
  // N=2, C=2, 3x3 images, F=3 filters of 2x2, padding 1: [2, 3, 4, 4], with
  // a dynamic batch size resolved from the operand.
  std::vector<double> x, w;
  for (int i = 0; i < 2 * 2 * 3 * 3; ++i)
    x.push_back((i * 7 % 11) - 5.0);
  for (int i = 0; i < 3 * 2 * 2 * 2; ++i)
    w.push_back(0.25 * ((i * 5 % 7) - 3));
  RefTensor y = runConv("?x2x3x3xf32", "3x2x2x2xf32", "?x3x4x4xf32",
                        "{padding = array<i64: 1, 1, 1, 1>}",
                        f32({2, 2, 3, 3}, x), f32({3, 2, 2, 2}, w));
  expectTensorNear(y, {2, 3, 4, 4}, paddedConvReference(x, w, 2, 2, 3, 3, 2));
}

TEST(ConvTest, F64ConvProducesF64) {
  std::vector<RefTensor> results =
      runOk(convSource("1x1x5x5xf64", "1x1x3x3xf64", "1x1x3x3xf64", ""), "f",
            {RefTensor::fromFloats({1, 1, 5, 5}, kInput, DType::F64),
             RefTensor::fromFloats({1, 1, 3, 3}, kKernel, DType::F64)});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].dtype, DType::F64);
  expectTensorNear(results[0], {1, 1, 3, 3},
                   {12, 12, 17, 10, 17, 19, 9, 6, 14});
}

TEST(ConvTest, ChannelMismatchFoundAtRunTimeIsAnError) {
  // 'x' has a dynamic channel count; 3 channels cannot meet a 2-channel filter.
  std::string errors =
      runError(convSource("1x?x3x3xf32", "1x2x1x1xf32", "1x1x3x3xf32", ""), "f",
               {f32({1, 3, 3, 3}, std::vector<double>(27, 1.0)),
                f32({1, 2, 1, 1}, {1, 1})});
  EXPECT_NE(errors.find("operand 'x' has 3 channels but 'filter' [1, 2, 1, 1] "
                        "expects 2"),
            std::string::npos)
      << errors;
}

} // namespace
