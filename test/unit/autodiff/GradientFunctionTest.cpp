//===- GradientFunctionTest.cpp - @F_grad's signature and values ----------===//
//
// Tests the contract of @F_grad (NN_IR.md, "Derived functions"): F's
// arguments, then the loss and one gradient per nn.param in order; F left
// untouched; and gradient values equal to closed forms when interpreted.
//
//===----------------------------------------------------------------------===//

#include "AutodiffTestUtil.h"

#include <cmath>

using namespace nnc;
using namespace nnc::autodiff::test;
using nnc::interp::RefTensor;

namespace {

// loss = Σ_i (a_i · x_i)² + Σ_j b_j, with a param `a`, a param `b` that
// comes after a non-param, and an unused param `c`.
const char *kModel = R"(
func.func @f(%a: tensor<3xf32> {nn.param}, %x: tensor<3xf32>,
             %b: tensor<2xf32> {nn.param}, %c: tensor<4xf32> {nn.param}) -> tensor<f32> {
  %ax = nn.mul %a, %x : tensor<3xf32>, tensor<3xf32>
  %sq = nn.mul %ax, %ax : tensor<3xf32>, tensor<3xf32>
  %s1 = nn.reduce_sum %sq : tensor<3xf32>
  %s2 = nn.reduce_sum %b : tensor<2xf32>
  %l = nn.add %s1, %s2 : tensor<f32>, tensor<f32>
  return %l : tensor<f32>
})";

TEST(GradientFunctionTest, SignatureIsArgumentsThenLossAndParamGradients) {
  AutodiffContext ctx;
  mlir::OwningOpRef<mlir::ModuleOp> module = ctx.parse(kModel);
  ASSERT_TRUE(module);
  ASSERT_TRUE(succeeded(addGradientFunction(*module, "f"))) << ctx.diagnostics;
  auto grad = module->lookupSymbol<mlir::func::FuncOp>("f_grad");
  ASSERT_TRUE(grad);
  auto original = module->lookupSymbol<mlir::func::FuncOp>("f");
  EXPECT_EQ(grad.getArgumentTypes(), original.getArgumentTypes());
  std::string results;
  llvm::raw_string_ostream os(results);
  llvm::interleaveComma(grad.getResultTypes(), os);
  EXPECT_EQ(results,
            "tensor<f32>, tensor<3xf32>, tensor<2xf32>, tensor<4xf32>");
  EXPECT_TRUE(grad.getArgAttr(0, "nn.param"));
  EXPECT_FALSE(grad.getArgAttr(1, "nn.param"));
  // @f itself keeps its single result.
  EXPECT_EQ(original.getNumResults(), 1u);
  EXPECT_NE(ctx.diagnostics.find("parameter #2 (argument #3) of @f does not "
                                 "reach the loss; its gradient is zero"),
            std::string::npos)
      << ctx.diagnostics;
}

TEST(GradientFunctionTest, ValuesEqualTheClosedForm) {
  AutodiffContext ctx;
  mlir::OwningOpRef<mlir::ModuleOp> module = ctx.parse(kModel);
  ASSERT_TRUE(module && succeeded(addGradientFunction(*module, "f")));
  std::vector<RefTensor> args = {f32({3}, {1, -2, 0.5}), f32({3}, {3, 1, -4}),
                                 f32({2}, {7, 8}), f32({4}, {1, 2, 3, 4})};
  auto results = interp::Interpreter(*module).run("f_grad", args);
  ASSERT_TRUE(succeeded(results)) << ctx.diagnostics;
  ASSERT_EQ(results->size(), 4u);
  // loss = 9 + 4 + 4 + 15; d/da = 2 a x², d/db = 1, d/dc = 0.
  EXPECT_DOUBLE_EQ((*results)[0].floats[0], 32.0);
  EXPECT_EQ((*results)[1].floats, (std::vector<double>{18, -4, 16}));
  EXPECT_EQ((*results)[2].floats, (std::vector<double>{1, 1}));
  EXPECT_EQ((*results)[3].floats, (std::vector<double>{0, 0, 0, 0}));
}

TEST(GradientFunctionTest, CrossEntropyGradientIsSoftmaxMinusOneHot) {
  AutodiffContext ctx;
  mlir::OwningOpRef<mlir::ModuleOp> module = ctx.parse(R"(
func.func @f(%z: tensor<2x3xf32> {nn.param}, %labels: tensor<?xi64>) -> tensor<f32> {
  %l = nn.softmax_cross_entropy %z, %labels : tensor<2x3xf32>, tensor<?xi64>
  return %l : tensor<f32>
})");
  ASSERT_TRUE(module && succeeded(addGradientFunction(*module, "f")))
      << ctx.diagnostics;
  std::vector<RefTensor> args = {f32({2, 3}, {0, 0, 0, 1, 2, 3}),
                                 RefTensor::fromInts({2}, {2, 0})};
  auto results = interp::Interpreter(*module).run("f_grad", args);
  ASSERT_TRUE(succeeded(results)) << ctx.diagnostics;
  // Row 0: softmax is 1/3 each; row 1: e^k / Σ e^k. Divided by N = 2.
  double total = std::exp(1.0) + std::exp(2.0) + std::exp(3.0);
  std::vector<double> expected = {1.0 / 6,
                                  1.0 / 6,
                                  (1.0 / 3 - 1) / 2,
                                  (std::exp(1.0) / total - 1) / 2,
                                  std::exp(2.0) / total / 2,
                                  std::exp(3.0) / total / 2};
  ASSERT_EQ((*results)[1].floats.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i)
    EXPECT_NEAR((*results)[1].floats[i], expected[i], 1e-12) << i;
}

TEST(GradientFunctionTest, FailureLeavesTheModuleUnchanged) {
  // conv2d's rule fails: its input gradient needs a static height.
  AutodiffContext ctx;
  mlir::OwningOpRef<mlir::ModuleOp> module = ctx.parse(R"(
func.func @f(%x: tensor<?x1x?x4xf32>, %w: tensor<2x1x3x3xf32> {nn.param}) -> tensor<f32> {
  %y = nn.conv2d %x, %w : tensor<?x1x?x4xf32>, tensor<2x1x3x3xf32>
  %l = nn.reduce_sum %y : tensor<?x2x?x2xf32>
  return %l : tensor<f32>
})");
  ASSERT_TRUE(module);
  EXPECT_TRUE(failed(addGradientFunction(*module, "f")));
  EXPECT_FALSE(module->lookupSymbol("f_grad"));
  EXPECT_NE(ctx.diagnostics.find("cannot be differentiated with a dynamic "
                                 "input height or width"),
            std::string::npos)
      << ctx.diagnostics;
}

} // namespace
