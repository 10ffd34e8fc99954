//===- ArgumentNamesTest.cpp - the names in an entry's descriptor ---------===//
//
// Checkpoints find tensors by the descriptor's argument names: nn.name when
// an argument has one, else "argN"; optimizer state "<param>.<slot>", and
// the step count "step". Compiled through the JIT where the module verifies
// today; the optimizer-state arguments of a train step are read from the
// signature directly (their attributes are the train-step pass's to verify).
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

#include "compiler/driver/Signature.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/Parser/Parser.h"

using namespace nnc;
using namespace nnc::e2e;

namespace {

std::vector<std::string> argNames(const EntrySignature &entry) {
  std::vector<std::string> names;
  for (const TensorSignature &arg : entry.args)
    names.push_back(arg.name);
  return names;
}

/// The signatures of `source`, parsed without verification; `error`
/// receives the diagnostic when collecting them fails.
std::vector<EntrySignature> signaturesOf(const std::string &source,
                                         std::string &error) {
  mlir::MLIRContext &context = sharedCompiler().context();
  mlir::ParserConfig config(&context, /*verifyAfterParse=*/false);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceString<mlir::ModuleOp>(source, config);
  EXPECT_TRUE(module);
  mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &d) {
    error = d.str();
    return mlir::success();
  });
  mlir::FailureOr<std::vector<EntrySignature>> entries =
      collectEntrySignatures(*module);
  return mlir::succeeded(entries) ? *entries : std::vector<EntrySignature>();
}

// Tests that a compiled entry's descriptor names arguments by nn.name and
// falls back to "argN".
TEST(ArgumentNamesTest, CompiledDescriptorUsesNnName) {
  CompiledModel model;
  compileSource(R"mlir(
func.func @f(%x: tensor<?x3xf32> {nn.name = "images"},
             %w: tensor<2x3xf32> {nn.param, nn.name = "fc.weight"},
             %b: tensor<2xf32> {nn.param}) -> tensor<?x2xf32> {
  %y = nn.linear %x, %w : tensor<?x3xf32>, tensor<2x3xf32>
  %z = nn.bias_add %y, %b : tensor<?x2xf32>, tensor<2xf32>
  return %z : tensor<?x2xf32>
})mlir",
                model);
  const nnc_entry_desc_t *entry = nullptr;
  ASSERT_TRUE(model.executable.findEntry("f", entry).ok());
  ASSERT_EQ(entry->num_args, 3u);
  EXPECT_STREQ(entry->args[0].name, "images");
  EXPECT_STREQ(entry->args[1].name, "fc.weight");
  EXPECT_STREQ(entry->args[2].name, "arg2");
  EXPECT_STREQ(entry->results[0].name, "result0");
}

// Tests that optimizer state is named after its parameter (nn.name or
// "argN") and slot, and the step count "step".
TEST(ArgumentNamesTest, OptimizerStateNamesFollowTheirParameter) {
  std::string error;
  std::vector<EntrySignature> entries = signaturesOf(R"mlir(
func.func @loss_train_step(%x: tensor<?x3xf32>,
    %w: tensor<3xf32> {nn.param, nn.name = "w"},
    %b: tensor<3xf32> {nn.param},
    %w_m: tensor<3xf32> {nn.opt_state = "exp_avg", nn.opt_param = 1 : i64},
    %b_m: tensor<3xf32> {nn.opt_state = "exp_avg", nn.opt_param = 2 : i64},
    %step: tensor<f32> {nn.opt_state = "step"}) -> tensor<f32> {
  return %step : tensor<f32>
})mlir",
                                                     error);
  ASSERT_EQ(entries.size(), 1u) << error;
  EXPECT_EQ(argNames(entries[0]),
            (std::vector<std::string>{"arg0", "w", "arg2", "w.exp_avg",
                                      "arg2.exp_avg", "step"}));
  EXPECT_EQ(entries[0].args[3].role, NNC_ROLE_OPT_STATE);
}

// Tests that two arguments with one name are refused: a checkpoint could not
// tell them apart.
TEST(ArgumentNamesTest, RejectsDuplicateNames) {
  std::string error;
  signaturesOf(R"mlir(
func.func @f(%a: tensor<3xf32> {nn.param, nn.name = "w"},
             %b: tensor<3xf32> {nn.param, nn.name = "w"}) -> tensor<3xf32> {
  return %a : tensor<3xf32>
})mlir",
               error);
  EXPECT_EQ(error, "arguments #0 and #1 of @f are both named 'w'");
}

// Tests that an nn.opt_param that is no argument index is an error.
TEST(ArgumentNamesTest, RejectsBadOptParamIndex) {
  std::string error;
  signaturesOf(R"mlir(
func.func @f(%w: tensor<3xf32> {nn.param},
    %m: tensor<3xf32> {nn.opt_state = "sum", nn.opt_param = 5 : i64})
    -> tensor<3xf32> {
  return %w : tensor<3xf32>
})mlir",
               error);
  EXPECT_EQ(error, "argument #1 of @f: 'nn.opt_param' = 5 is not an argument "
                   "index (the function has 2)");
}

} // namespace
