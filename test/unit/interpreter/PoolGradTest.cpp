//===- PoolGradTest.cpp - max_pool2d_grad and avg_pool2d_grad -------------===//
//
// Tests the pooling gradients against scatters worked out by hand, in the
// cases central differences cannot check: ties in a max window (the first
// maximum in row-major order takes all of dy, as in PyTorch), padding that
// never wins, and the two divisors of an average over padded windows.
//
//===----------------------------------------------------------------------===//

#include "InterpreterTestUtil.h"

using namespace nnc;
using namespace nnc::interp;
using namespace nnc::interp::test;

namespace {

const char *kMaxGrad2x2 = R"mlir(
func.func @f(%x: tensor<1x1x2x2xf32>, %dy: tensor<1x1x1x1xf32>) -> tensor<1x1x2x2xf32> {
  %dx = nn.max_pool2d_grad %x, %dy {kernel = array<i64: 2, 2>} : tensor<1x1x2x2xf32>, tensor<1x1x1x1xf32>
  return %dx : tensor<1x1x2x2xf32>
})mlir";

TEST(PoolGradTest, MaxRoutesToTheWindowMaximum) {
  std::vector<RefTensor> dx =
      runOk(kMaxGrad2x2, "f",
            {f32({1, 1, 2, 2}, {1, 4, 3, 2}), f32({1, 1, 1, 1}, {5})});
  ASSERT_EQ(dx.size(), 1u);
  expectTensorNear(dx[0], {1, 1, 2, 2}, {0, 5, 0, 0});
}

TEST(PoolGradTest, MaxTiesGoToTheFirstInRowMajorOrder) {
  // 3 at (0, 1) and (1, 0): the earlier one, (0, 1), takes all of dy.
  std::vector<RefTensor> dx =
      runOk(kMaxGrad2x2, "f",
            {f32({1, 1, 2, 2}, {1, 3, 3, 2}), f32({1, 1, 1, 1}, {5})});
  ASSERT_EQ(dx.size(), 1u);
  expectTensorNear(dx[0], {1, 1, 2, 2}, {0, 5, 0, 0});
}

TEST(PoolGradTest, MaxAllEqualGoesToTheFirstPosition) {
  std::vector<RefTensor> dx =
      runOk(kMaxGrad2x2, "f",
            {f32({1, 1, 2, 2}, {7, 7, 7, 7}), f32({1, 1, 1, 1}, {2})});
  ASSERT_EQ(dx.size(), 1u);
  expectTensorNear(dx[0], {1, 1, 2, 2}, {2, 0, 0, 0});
}

TEST(PoolGradTest, MaxPaddingNeverWinsAndOverlapsAdd) {
  // [[-1, -2], [-3, -4]], 2x2 windows at stride 1 with padding 1: the nine
  // windows' maxima are at (0,0) four times, (0,1) twice, (1,0) twice and
  // (1,1) once; a zero pad would have won all of them.
  std::vector<RefTensor> dx =
      runOk(R"mlir(
func.func @f(%x: tensor<1x1x2x2xf32>, %dy: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  %dx = nn.max_pool2d_grad %x, %dy {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>} : tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>
  return %dx : tensor<1x1x2x2xf32>
})mlir",
            "f",
            {f32({1, 1, 2, 2}, {-1, -2, -3, -4}),
             f32({1, 1, 3, 3}, {1, 1, 1, 1, 1, 1, 1, 1, 1})});
  ASSERT_EQ(dx.size(), 1u);
  expectTensorNear(dx[0], {1, 1, 2, 2}, {4, 2, 2, 1});
}

const char *kAvgGradPadded = R"mlir(
func.func @f(%dy: tensor<1x1x3x3xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>) {
  %a = nn.avg_pool2d_grad %dy {input_size = array<i64: 2, 2>, kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>} : tensor<1x1x3x3xf32>
  %b = nn.avg_pool2d_grad %dy {input_size = array<i64: 2, 2>, kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, count_include_pad = true} : tensor<1x1x3x3xf32>
  return %a, %b : tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>
})mlir";

TEST(PoolGradTest, AvgDividesByWhatEachWindowCounts) {
  // Each input element lies in a corner window (1 element inside), two edge
  // windows (2 inside) and the centre window (4 inside): excluding the
  // padding it receives 1 + 1/2 + 1/2 + 1/4 of dy = 1; counting it, 4/4.
  std::vector<RefTensor> dx = runOk(
      kAvgGradPadded, "f", {f32({1, 1, 3, 3}, {1, 1, 1, 1, 1, 1, 1, 1, 1})});
  ASSERT_EQ(dx.size(), 2u);
  expectTensorNear(dx[0], {1, 1, 2, 2}, {2.25, 2.25, 2.25, 2.25});
  expectTensorNear(dx[1], {1, 1, 2, 2}, {1, 1, 1, 1});
}

TEST(PoolGradTest, AvgSpreadsEachWindowOverItsOwnPositions) {
  // Only the top-left corner window has dy = 8: its one inside element
  // receives all of it (or a quarter when the padding counts).
  std::vector<RefTensor> dx = runOk(
      kAvgGradPadded, "f", {f32({1, 1, 3, 3}, {8, 0, 0, 0, 0, 0, 0, 0, 0})});
  ASSERT_EQ(dx.size(), 2u);
  expectTensorNear(dx[0], {1, 1, 2, 2}, {8, 0, 0, 0});
  expectTensorNear(dx[1], {1, 1, 2, 2}, {2, 0, 0, 0});
}

TEST(PoolGradTest, CotangentOfTheWrongBatchIsARunTimeError) {
  std::string error = runError(
      R"mlir(
func.func @f(%x: tensor<?x1x2x2xf32>, %dy: tensor<?x1x1x1xf32>) -> tensor<?x1x2x2xf32> {
  %dx = nn.max_pool2d_grad %x, %dy {kernel = array<i64: 2, 2>} : tensor<?x1x2x2xf32>, tensor<?x1x1x1xf32>
  return %dx : tensor<?x1x2x2xf32>
})mlir",
      "f", {f32({1, 1, 2, 2}, {1, 2, 3, 4}), f32({2, 1, 1, 1}, {1, 1})});
  EXPECT_NE(error.find("operand 'dy' [2, 1, 1, 1] does not have the shape of "
                       "the forward result [1, 1, 1, 1]"),
            std::string::npos)
      << error;
}

} // namespace
