//===- Passes.td - conversions out of the nn dialect ------------*- tablegen -*-===//

#ifndef NNC_COMPILER_CONVERSION_PASSES_TD
#define NNC_COMPILER_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertNNToLinalgPass : Pass<"convert-nn-to-linalg", "mlir::ModuleOp"> {
  let summary = "lower nn ops to linalg, tensor, arith and math on tensors";
  let description = [{
    Rewrites every nn op into named linalg ops where they exist (matmul,
    batch_matmul, conv_2d_nchw_fchw, the pooling ops, transpose, fill) and
    `linalg.generic` elsewhere, still on tensors. Dynamic (batch) sizes are
    read with `tensor.dim`. The result contains no nn ops but `nn.assign`,
    a write to a function argument that `nnc-materialize-assignments`
    lowers right before bufferization.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // NNC_COMPILER_CONVERSION_PASSES_TD
