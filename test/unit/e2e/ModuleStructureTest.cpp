//===- ModuleStructureTest.cpp - results, constants and calls -------------===//
//
// What the ops are wired to rather than the ops themselves: results that are
// arguments or constants, a value returned twice, private helpers called
// more than once, public functions calling each other. Default tolerance
// (rtol 1e-5, atol 1e-5).
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

using namespace nnc;
using namespace nnc::e2e;

namespace {

// Tests a function that returns its argument unchanged.
TEST(ModuleStructureTest, ReturnsArgument) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x5xf32>) -> tensor<?x5xf32> {
  return %x : tensor<?x5xf32>
})mlir");
}

// Tests an op that folds to its operand (a reshape to the same type), so
// the result is the argument after canonicalization.
TEST(ModuleStructureTest, ReturnsIdentityReshape) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x5xf32>) -> tensor<?x5xf32> {
  %y = nn.reshape %x : tensor<?x5xf32> -> tensor<?x5xf32>
  return %y : tensor<?x5xf32>
})mlir");
}

// Tests one value returned as two results, which get distinct buffers.
TEST(ModuleStructureTest, ReturnsValueTwice) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x5xf32>) -> (tensor<?x5xf32>, tensor<?x5xf32>) {
  %y = nn.relu %x : tensor<?x5xf32>
  return %y, %y : tensor<?x5xf32>, tensor<?x5xf32>
})mlir");
}

// Tests a constant used by an op and returned.
TEST(ModuleStructureTest, ReturnsConstant) {
  checkOp(R"mlir(
func.func @f(%x: tensor<?x3xf32>) -> (tensor<?x3xf32>, tensor<3xf32>) {
  %c = arith.constant dense<[1.0, -2.0, 3.5]> : tensor<3xf32>
  %y = nn.mul %x, %c : tensor<?x3xf32>, tensor<3xf32>
  return %y, %c : tensor<?x3xf32>, tensor<3xf32>
})mlir");
}

// Tests a private helper called twice, the second time on the first's
// result.
TEST(ModuleStructureTest, PrivateHelperCalledTwice) {
  checkOp(R"mlir(
func.func private @helper(%x: tensor<?x3xf32>, %w: tensor<3x3xf32>) -> tensor<?x3xf32> {
  %y = nn.linear %x, %w : tensor<?x3xf32>, tensor<3x3xf32>
  %z = nn.tanh %y : tensor<?x3xf32>
  return %z : tensor<?x3xf32>
}
func.func @f(%x: tensor<?x3xf32>, %w: tensor<3x3xf32>) -> tensor<?x3xf32> {
  %a = call @helper(%x, %w) : (tensor<?x3xf32>, tensor<3x3xf32>) -> tensor<?x3xf32>
  %b = call @helper(%a, %w) : (tensor<?x3xf32>, tensor<3x3xf32>) -> tensor<?x3xf32>
  %c = nn.add %a, %b : tensor<?x3xf32>, tensor<?x3xf32>
  return %c : tensor<?x3xf32>
})mlir");
}

// Tests a public function that calls another; both are entries.
TEST(ModuleStructureTest, PublicFunctionsCallEachOther) {
  CompiledModel *model = cachedModel(R"mlir(
func.func @g(%x: tensor<?x3xf32>) -> tensor<?x3xf32> {
  %y = nn.sigmoid %x : tensor<?x3xf32>
  return %y : tensor<?x3xf32>
}
func.func @f(%x: tensor<?x3xf32>) -> tensor<?x3xf32> {
  %a = call @g(%x) : (tensor<?x3xf32>) -> tensor<?x3xf32>
  %b = call @g(%a) : (tensor<?x3xf32>) -> tensor<?x3xf32>
  return %b : tensor<?x3xf32>
})mlir");
  ASSERT_NE(model, nullptr);
  checkEntry(*model, "f");
  checkEntry(*model, "g");
}

} // namespace
