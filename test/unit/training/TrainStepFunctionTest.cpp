//===- TrainStepFunctionTest.cpp - @F_train_step's signature and values ---===//
//
// Tests the contract of @F_train_step (NN_IR.md, "Derived functions"): F's
// arguments followed by the optimizer state in param-major, slot order; one
// loss result; the nn.optimizer record; parameter, state and running
// statistics updated in place, with values equal to hand-computed steps
// when interpreted; and clear errors for what cannot be trained.
//
//===----------------------------------------------------------------------===//

#include "compiler/training/Training.h"
#include "dialects/nn/IR/NNOps.h"
#include "test/unit/autodiff/AutodiffTestUtil.h"

#include <cmath>

using namespace nnc;
using namespace nnc::autodiff::test;
using nnc::interp::RefTensor;

namespace {

// loss = Σ a·x + Σ b², with a param `a`, an input `x` and a param `b`.
const char *kModel = R"(
func.func @f(%a: tensor<3xf32> {nn.param}, %x: tensor<3xf32>,
             %b: tensor<2xf32> {nn.param}) -> tensor<f32> {
  %ax = nn.mul %a, %x : tensor<3xf32>, tensor<3xf32>
  %s1 = nn.reduce_sum %ax : tensor<3xf32>
  %bb = nn.mul %b, %b : tensor<2xf32>, tensor<2xf32>
  %s2 = nn.reduce_sum %bb : tensor<2xf32>
  %l = nn.add %s1, %s2 : tensor<f32>, tensor<f32>
  return %l : tensor<f32>
})";

std::string typesOf(mlir::TypeRange types) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleaveComma(types, os);
  return text;
}

std::string attrOf(mlir::func::FuncOp func, unsigned arg,
                   llvm::StringRef name) {
  mlir::Attribute attr = func.getArgAttr(arg, name);
  std::string text;
  if (attr)
    llvm::raw_string_ostream(text) << attr;
  return text;
}

TEST(TrainStepFunctionTest, AdamAppendsSlotsPerParamThenTheStepCount) {
  AutodiffContext ctx;
  mlir::OwningOpRef<mlir::ModuleOp> module = ctx.parse(kModel);
  ASSERT_TRUE(module);
  ASSERT_TRUE(succeeded(addTrainStepFunction(*module, "f", "adam:lr=0.1")))
      << ctx.diagnostics;
  auto step = module->lookupSymbol<mlir::func::FuncOp>("f_train_step");
  ASSERT_TRUE(step);
  EXPECT_EQ(typesOf(step.getArgumentTypes()),
            "tensor<3xf32>, tensor<3xf32>, tensor<2xf32>, tensor<3xf32>, "
            "tensor<3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<f32>");
  EXPECT_EQ(typesOf(step.getResultTypes()), "tensor<f32>");
  EXPECT_EQ(attrOf(step, 3, "nn.opt_state"), "\"exp_avg\"");
  EXPECT_EQ(attrOf(step, 3, "nn.opt_param"), "0 : i64");
  EXPECT_EQ(attrOf(step, 4, "nn.opt_state"), "\"exp_avg_sq\"");
  EXPECT_EQ(attrOf(step, 5, "nn.opt_state"), "\"exp_avg\"");
  EXPECT_EQ(attrOf(step, 6, "nn.opt_param"), "2 : i64");
  EXPECT_EQ(attrOf(step, 7, "nn.opt_state"), "\"step\"");
  EXPECT_EQ(attrOf(step, 7, "nn.opt_param"), "");
  EXPECT_TRUE(step.getArgAttr(0, "nn.param"));
  auto optimizer = step->getAttrOfType<mlir::StringAttr>("nn.optimizer");
  ASSERT_TRUE(optimizer);
  EXPECT_EQ(optimizer.getValue(),
            "adam:lr=0.1,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0");
  // Every param, slot and the step count is assigned exactly once.
  EXPECT_EQ(llvm::range_size(step.getBody().getOps<mlir::nn::AssignOp>()), 7u);
}

TEST(TrainStepFunctionTest, SgdWithoutMomentumHasNoState) {
  AutodiffContext ctx;
  mlir::OwningOpRef<mlir::ModuleOp> module = ctx.parse(kModel);
  ASSERT_TRUE(module && succeeded(addTrainStepFunction(*module, "f", "sgd")));
  auto step = module->lookupSymbol<mlir::func::FuncOp>("f_train_step");
  EXPECT_EQ(step.getNumArguments(), 3u);
}

// Two steps of sgd with momentum 0.5, nesterov, weight decay 0.1 and lr 0.1,
// against the same recurrences computed here: d = g + 0.1·p, buf = 0.5·buf
// + d, p = p − 0.1·(d + 0.5·buf), with g = x for `a` and 2b for `b`.
TEST(TrainStepFunctionTest, InterpretedSgdStepsUpdateEveryArgumentInPlace) {
  AutodiffContext ctx;
  mlir::OwningOpRef<mlir::ModuleOp> module = ctx.parse(kModel);
  ASSERT_TRUE(module &&
              succeeded(addTrainStepFunction(
                  *module, "f",
                  "sgd:lr=0.1,momentum=0.5,nesterov=true,weight_decay=0.1")))
      << ctx.diagnostics;
  std::vector<double> a = {1, -2, 0.5}, x = {3, 1, -4}, b = {0.5, -1};
  std::vector<double> bufA(3, 0.0), bufB(2, 0.0);
  std::vector<RefTensor> args = {f32({3}, a), f32({3}, x), f32({2}, b),
                                 f32({3}, bufA), f32({2}, bufB)};
  // The IR holds the constants as f32; the interpreter computes in double.
  const double tenth = 0.1f;
  auto sgd = [&](std::vector<double> &p, std::vector<double> &buf,
                 const std::vector<double> &g) {
    for (size_t i = 0; i < p.size(); ++i) {
      double d = g[i] + tenth * p[i];
      buf[i] = 0.5 * buf[i] + d;
      p[i] -= tenth * (d + 0.5 * buf[i]);
    }
  };
  for (int stepIndex = 0; stepIndex < 2; ++stepIndex) {
    double loss =
        a[0] * x[0] + a[1] * x[1] + a[2] * x[2] + b[0] * b[0] + b[1] * b[1];
    std::vector<RefTensor> after;
    auto results =
        interp::Interpreter(*module).run("f_train_step", args, &after);
    ASSERT_TRUE(succeeded(results)) << ctx.diagnostics;
    EXPECT_NEAR((*results)[0].floats[0], loss, 1e-12);
    sgd(a, bufA, x);
    sgd(b, bufB, {2 * b[0], 2 * b[1]});
    for (size_t i = 0; i < 3; ++i) {
      EXPECT_NEAR(after[0].floats[i], a[i], 1e-12);
      EXPECT_NEAR(after[3].floats[i], bufA[i], 1e-12);
    }
    for (size_t i = 0; i < 2; ++i) {
      EXPECT_NEAR(after[2].floats[i], b[i], 1e-12);
      EXPECT_NEAR(after[4].floats[i], bufB[i], 1e-12);
    }
    EXPECT_EQ(after[1].floats, x) << "inputs are read only";
    args = after;
  }
}

// The batch statistics of x (channels on axis 1) over a batch of 4, with
// gamma and beta constant: batch_norm's input does not depend on a param,
// so no VJP through it is needed, and its running statistics still update.
const char *kBatchNormModel = R"(
func.func @f(%x: tensor<4x2xf32>, %w: tensor<2xf32> {nn.param},
             %mean: tensor<2xf32> {nn.state}, %var: tensor<2xf32> {nn.state},
             %eval_mean: tensor<2xf32> {nn.state},
             %eval_var: tensor<2xf32> {nn.state}) -> tensor<f32> {
  %g = arith.constant dense<1.0> : tensor<2xf32>
  %b = arith.constant dense<0.0> : tensor<2xf32>
  %y, %m, %v = nn.batch_norm %x, %g, %b, %mean, %var {training = true, momentum = 0.25 : f32}
      : tensor<4x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>
  %z, %m2, %v2 = nn.batch_norm %x, %g, %b, %eval_mean, %eval_var
      : tensor<4x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>
  %yz = nn.add %y, %z : tensor<4x2xf32>, tensor<4x2xf32>
  %yw = nn.mul %yz, %w : tensor<4x2xf32>, tensor<2xf32>
  %l = nn.reduce_sum %yw : tensor<4x2xf32>
  return %l : tensor<f32>
})";

TEST(TrainStepFunctionTest, TrainingBatchNormWritesBackItsRunningStatistics) {
  AutodiffContext ctx;
  mlir::OwningOpRef<mlir::ModuleOp> module = ctx.parse(kBatchNormModel);
  ASSERT_TRUE(module && succeeded(addTrainStepFunction(*module, "f", "sgd")))
      << ctx.diagnostics;
  // Channel 0: 1, 2, 3, 6 (mean 3, unbiased var 14/3); channel 1: all 5.
  std::vector<RefTensor> args = {f32({4, 2}, {1, 5, 2, 5, 3, 5, 6, 5}),
                                 f32({2}, {0.5, 2}),
                                 f32({2}, {1, -1}),
                                 f32({2}, {2, 4}),
                                 f32({2}, {0, 0}),
                                 f32({2}, {1, 1})};
  std::vector<RefTensor> after;
  auto results = interp::Interpreter(*module).run("f_train_step", args, &after);
  ASSERT_TRUE(succeeded(results)) << ctx.diagnostics;
  // new = 0.75·old + 0.25·batch.
  EXPECT_NEAR(after[2].floats[0], 0.75 * 1 + 0.25 * 3, 1e-9);
  EXPECT_NEAR(after[2].floats[1], 0.75 * -1 + 0.25 * 5, 1e-9);
  EXPECT_NEAR(after[3].floats[0], 0.75 * 2 + 0.25 * (14.0 / 3), 1e-9);
  EXPECT_NEAR(after[3].floats[1], 0.75 * 4 + 0.25 * 0, 1e-9);
  // The batch_norm that is not training leaves its statistics alone.
  EXPECT_EQ(after[4].floats, args[4].floats);
  EXPECT_EQ(after[5].floats, args[5].floats);
}

/// Expects that no train step of @f in `source` can be built with
/// `optimizer`, with a diagnostic containing `message` and no function left.
void expectTrainStepError(AutodiffContext &ctx, llvm::StringRef source,
                          llvm::StringRef optimizer, llvm::StringRef message) {
  mlir::OwningOpRef<mlir::ModuleOp> module = ctx.parse(source);
  ASSERT_TRUE(module);
  EXPECT_TRUE(failed(addTrainStepFunction(*module, "f", optimizer)));
  EXPECT_NE(ctx.diagnostics.find(message.str()), std::string::npos)
      << ctx.diagnostics;
  EXPECT_FALSE(module->lookupSymbol("f_train_step"));
}

TEST(TrainStepFunctionTest, StatisticsSharedByTwoTrainingNormsAreAnError) {
  AutodiffContext ctx;
  expectTrainStepError(ctx, R"(
func.func @f(%x: tensor<4x2xf32>, %w: tensor<2xf32> {nn.param},
             %mean: tensor<2xf32> {nn.state}, %var: tensor<2xf32> {nn.state}) -> tensor<f32> {
  %y, %m, %v = nn.batch_norm %x, %w, %w, %mean, %var {training = true}
      : tensor<4x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>
  %z, %m2, %v2 = nn.batch_norm %x, %w, %w, %mean, %var {training = true}
      : tensor<4x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>
  %l = nn.reduce_sum %x : tensor<4x2xf32>
  return %l : tensor<f32>
})",
                       "sgd",
                       "argument #2 of @f would receive two updates in "
                       "@f_train_step");
}

TEST(TrainStepFunctionTest, FunctionWithoutParamsIsAnError) {
  AutodiffContext ctx;
  expectTrainStepError(ctx, R"(
func.func @f(%x: tensor<3xf32>) -> tensor<f32> {
  %l = nn.reduce_sum %x : tensor<3xf32>
  return %l : tensor<f32>
})",
                       "sgd",
                       "@f has no nn.param argument: there is nothing to "
                       "train");
}

// Without the rules registered, no op has a VJP: the error names the op,
// whichever ops will have rules later.
TEST(TrainStepFunctionTest, OpWithoutVjpRuleIsAnError) {
  AutodiffContext ctx(/*withRules=*/false);
  expectTrainStepError(ctx, kModel, "adam", "op 'nn.add' has no VJP rule yet");
}

TEST(TrainStepFunctionTest, BadOptimizerIsAnError) {
  AutodiffContext ctx;
  expectTrainStepError(ctx, kModel, "sgd:beta1=0.5",
                       "'beta1' is not a key of sgd");
}

} // namespace
