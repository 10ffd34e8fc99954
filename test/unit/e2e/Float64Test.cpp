//===- Float64Test.cpp - f64 models vs the interpreter --------------------===//
//
// The ABI carries f64 tensors, and the interpreter computes in double, so
// f64 results agree up to the order of summation: rtol 1e-12, atol 1e-12.
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

using namespace nnc;
using namespace nnc::e2e;

namespace {

const Tolerance kDouble{1e-12, 1e-12};

// Tests f64 transcendental functions and broadcasting.
TEST(Float64Test, ElementwiseChain) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x7xf64>, %b: tensor<7xf64>) -> tensor<?x7xf64> {
  %e = nn.exp %x : tensor<?x7xf64>
  %s = nn.add %e, %b : tensor<?x7xf64>, tensor<7xf64>
  %t = nn.tanh %s : tensor<?x7xf64>
  %p = nn.sigmoid %t : tensor<?x7xf64>
  %l = nn.log %p : tensor<?x7xf64>
  return %l : tensor<?x7xf64>
})mlir",
          {}, kDouble);
}

// Tests an f64 linear layer followed by log_softmax.
TEST(Float64Test, LinearLogSoftmax) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x13xf64>, %w: tensor<5x13xf64>) -> tensor<?x5xf64> {
  %y = nn.linear %x, %w : tensor<?x13xf64>, tensor<5x13xf64>
  %z = nn.log_softmax %y : tensor<?x5xf64>
  return %z : tensor<?x5xf64>
})mlir",
          {}, kDouble);
}

// Tests an f64 padded convolution and max pooling.
TEST(Float64Test, ConvPool) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x2x7x7xf64>, %w: tensor<3x2x3x3xf64>) -> tensor<?x3x3x3xf64> {
  %c = nn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>} : tensor<?x2x7x7xf64>, tensor<3x2x3x3xf64>
  %p = nn.max_pool2d %c {kernel = array<i64: 2, 2>} : tensor<?x3x7x7xf64>
  return %p : tensor<?x3x3x3xf64>
})mlir",
          {}, kDouble);
}

} // namespace
