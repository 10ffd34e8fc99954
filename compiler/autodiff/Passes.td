//===- Passes.td - symbolic differentiation ---------------------*- tablegen -*-===//

#ifndef NNC_COMPILER_AUTODIFF_PASSES_TD
#define NNC_COMPILER_AUTODIFF_PASSES_TD

include "mlir/Pass/PassBase.td"

def NNAutodiffPass : Pass<"nn-autodiff", "mlir::ModuleOp"> {
  let summary = "add @F_grad: the loss and its gradient w.r.t. every param";
  let description = [{
    Differentiates `@F` (which must return one scalar `tensor<f32>` loss) in
    reverse mode and adds `@F_grad` with F's arguments and the results
    `(loss, dloss/dparam for each nn.param argument in order)`. Calls are
    inlined into the copy first. Only ops on a path from a param to the loss
    get cotangents; fan-out is accumulated with `nn.add`; the backward ops
    read the forward values they need (nothing is recomputed). A param that
    does not reach the loss gets a zero gradient and a warning; an op without
    a VJP rule is an error. The new function is canonicalized and CSE'd.

    ```
    nnc-opt --nn-autodiff=function=loss model.mlir
    ```
  }];
  let options = [
    Option<"function", "function", "std::string", /*default=*/"",
           "the loss function to differentiate">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::nn::NNDialect"];
}

#endif // NNC_COMPILER_AUTODIFF_PASSES_TD
