//===- StateOps.td - arguments updated in place ----------------------------===//

#ifndef NN_STATE_OPS_TD
#define NN_STATE_OPS_TD

include "dialects/nn/IR/NNBase.td"

// Not an NN_Op: every other nn op is pure, while nn.assign exists for its
// effect. The write effect keeps it from being erased as dead or moved.
def NN_AssignOp : Op<NN_Dialect, "assign", [
    HasParent<"::mlir::func::FuncOp">, AllTypesMatch<["target", "value"]>,
    MemoryEffects<[MemWrite]>]> {
  let summary = "gives a function argument a new value when the function returns";
  let description = [{
    When the enclosing function returns, its argument `target` holds `value`:
    the caller's tensor is updated in place. Inside the function `target`
    keeps its old value everywhere (SSA values never change), so reads of the
    argument see the value it was called with, wherever they are. A train
    step uses it for its parameters, optimizer state and running statistics.

    `target` must be an argument of the enclosing function with a static
    shape, assigned at most once. A function with assignments cannot be
    called by another function: only an entry updates its caller's tensors.

    ```mlir
    func.func @step(%w: tensor<4x2xf32> {nn.param}, %g: tensor<4x2xf32>) {
      %new = nn.sub %w, %g : tensor<4x2xf32>, tensor<4x2xf32>
      nn.assign %w, %new : tensor<4x2xf32>
      return
    }
    ```
  }];
  let arguments = (ins NN_AnyTensor:$target, NN_AnyTensor:$value);
  let assemblyFormat = "$target `,` $value attr-dict `:` type($target)";
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
  let extraClassDeclaration = [{
    /// The argument of the enclosing function that this op updates (the
    /// verifier guarantees that `target` is one).
    ::mlir::BlockArgument getTargetArgument() {
      return ::llvm::cast<::mlir::BlockArgument>(getTarget());
    }
  }];
}

#endif // NN_STATE_OPS_TD
