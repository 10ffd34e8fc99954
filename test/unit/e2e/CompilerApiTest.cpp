//===- CompilerApiTest.cpp - one nnc::Compiler, many models ---------------===//
//
// A Compiler is documented as reusable: each compile must produce the model
// it was given, whatever was compiled before on the same Compiler.
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

using namespace nnc;
using namespace nnc::e2e;

namespace {

const char *const kRelu = R"mlir(
func.func @relu(%x: tensor<3xf32>) -> tensor<3xf32> {
  %y = nn.relu %x : tensor<3xf32>
  return %y : tensor<3xf32>
})mlir";

const char *const kNeg = R"mlir(
func.func @neg(%x: tensor<3xf32>) -> tensor<3xf32> {
  %y = nn.neg %x : tensor<3xf32>
  return %y : tensor<3xf32>
})mlir";

// Tests that a second compileString on one Compiler compiles the second
// source, not the first one again.
TEST(CompilerTest, SecondCompileStringCompilesItsOwnSource) {
  Compiler compiler;
  Executable first, second;
  ASSERT_TRUE(compiler.compileString(kRelu, first).ok());
  Status status = compiler.compileString(kNeg, second);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(first.entryNames(), std::vector<std::string>{"relu"});
  EXPECT_EQ(second.entryNames(), std::vector<std::string>{"neg"});
}

// Tests that a second compileFile on one Compiler compiles the second file.
TEST(CompilerTest, SecondCompileFileCompilesItsOwnFile) {
  Compiler compiler;
  Executable xorModel, mlpModel;
  ASSERT_TRUE(
      compiler.compileFile(NNC_EXAMPLES_DIR "/xor.mlir", xorModel).ok());
  ASSERT_TRUE(
      compiler.compileFile(NNC_EXAMPLES_DIR "/mlp.mlir", mlpModel).ok());
  const nnc_entry_desc_t *forward = nullptr;
  ASSERT_TRUE(mlpModel.findEntry("forward", forward).ok());
  // mlp's @forward takes x [N, 784]; xor's takes x [N, 2].
  ASSERT_EQ(forward->args[0].rank, 2u);
  EXPECT_EQ(forward->args[0].shape[1], 784);
}

// Tests that a compiled function computes what its source says after
// another model was compiled on the same Compiler.
TEST(CompilerTest, SecondModelComputesItsOwnFunction) {
  Compiler compiler;
  Executable first, second;
  ASSERT_TRUE(compiler.compileString(kRelu, first).ok());
  ASSERT_TRUE(compiler.compileString(kNeg, second).ok());
  float values[3] = {1, -2, 3};
  std::vector<Tensor> results;
  Status status =
      second.call("neg", {Tensor::borrow(DType::F32, {3}, values)}, results);
  ASSERT_TRUE(status.ok()) << status.message();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].data<float>()[0], -1.0f);
  EXPECT_EQ(results[0].data<float>()[1], 2.0f);
}

} // namespace
