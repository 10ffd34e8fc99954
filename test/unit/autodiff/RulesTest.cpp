//===- RulesTest.cpp - which ops have VJP rules ---------------------------===//
//
// Tests that registerDifferentiationRules gives every op of the contract
// (and the helper ops the backward graph is built from) a
// DifferentiableOpInterface model.
//
//===----------------------------------------------------------------------===//

#include "AutodiffTestUtil.h"

#include "dialects/nn/IR/NNInterfaces.h"

using namespace nnc::autodiff::test;

namespace {

bool hasRule(mlir::MLIRContext &context, llvm::StringRef name) {
  std::optional<mlir::RegisteredOperationName> op =
      mlir::RegisteredOperationName::lookup(name, &context);
  EXPECT_TRUE(op.has_value()) << name.str() << " is not an op";
  return op && op->hasInterface<mlir::nn::DifferentiableOpInterface>();
}

TEST(RulesTest, EveryContractOpHasARule) {
  AutodiffContext ctx;
  const char *ops[] = {
      "nn.relu", "nn.sigmoid", "nn.tanh", "nn.exp", "nn.log", "nn.neg",
      "nn.sqrt", "nn.rsqrt", "nn.abs", "nn.leaky_relu", "nn.prelu", "nn.add",
      "nn.sub", "nn.mul", "nn.div", "nn.maximum", "nn.minimum", "nn.pow",
      "nn.bias_add", "nn.matmul", "nn.linear", "nn.reduce_sum",
      "nn.reduce_mean", "nn.reduce_max", "nn.reshape", "nn.broadcast_to",
      "nn.transpose", "nn.concat", "nn.softmax", "nn.log_softmax",
      "nn.mse_loss", "nn.binary_cross_entropy", "nn.softmax_cross_entropy",
      "nn.conv2d", "nn.max_pool2d", "nn.avg_pool2d", "nn.lp_pool2d",
      "nn.batch_norm", "nn.dropout", "nn.lrn",
      // Helper ops, so that backward graphs can be differentiated again.
      "nn.select", "nn.slice", "nn.expand_as", "nn.conv2d_grad_input",
      "nn.conv2d_grad_filter", "nn.avg_pool2d_grad"};
  for (const char *op : ops)
    EXPECT_TRUE(hasRule(ctx.context, op)) << op;
}

TEST(RulesTest, MaxPoolGradHasNoRule) {
  // Its cotangent would be gathered at each window's maximum: no op does.
  AutodiffContext ctx;
  EXPECT_FALSE(hasRule(ctx.context, "nn.max_pool2d_grad"));
}

TEST(RulesTest, MasksAreNotDifferentiable) {
  // nn.compare yields i1: no cotangent can reach it.
  AutodiffContext ctx;
  EXPECT_FALSE(hasRule(ctx.context, "nn.compare"));
}

TEST(RulesTest, WithoutTheRulesTheFirstActiveOpIsReported) {
  AutodiffContext ctx(/*withRules=*/false);
  mlir::OwningOpRef<mlir::ModuleOp> module = ctx.parse(R"(
func.func @f(%w: tensor<3xf32> {nn.param}) -> tensor<f32> {
  %l = nn.reduce_sum %w : tensor<3xf32>
  return %l : tensor<f32>
})");
  ASSERT_TRUE(module);
  EXPECT_TRUE(failed(nnc::buildGradientFunction(*module, "f")));
  EXPECT_NE(ctx.diagnostics.find("op 'nn.reduce_sum' has no VJP rule yet"),
            std::string::npos)
      << ctx.diagnostics;
  EXPECT_FALSE(module->lookupSymbol("f_grad"));
}

} // namespace
