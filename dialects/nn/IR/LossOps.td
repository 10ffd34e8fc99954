//===- LossOps.td - loss functions -----------------------------------------===//

#ifndef NN_LOSS_OPS_TD
#define NN_LOSS_OPS_TD

include "dialects/nn/IR/NNBase.td"

// Losses reduce with `reduction` = "mean" (default), "sum" or "none".
class NN_LossOp<string mnemonic> : NN_InferredOp<mnemonic> {
  let extraClassDeclaration = extraInferredDecls # [{
    /// The reduction as an enum; valid once the op verifies.
    ::mlir::nn::Reduction getReductionKind() {
      return *::mlir::nn::parseReduction(getReduction());
    }
  }];
}

def NN_SoftmaxCrossEntropyOp : NN_LossOp<"softmax_cross_entropy"> {
  let summary = "cross-entropy of softmax(logits) against labels";
  let description = [{
    `logits` is [N, K]. With integer `labels` [N] (class indices) the loss of
    row n is `−log_softmax(logits)[n, labels[n]]`; with float `labels` [N, K]
    (probabilities) it is `−Σ_k labels[n, k] · log_softmax(logits)[n, k]`.
    `reduction` "none" gives [N]; "mean" and "sum" give a scalar.

    ```mlir
    %l = nn.softmax_cross_entropy %logits, %labels
        : tensor<?x10xf32>, tensor<?xi64>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$logits, NN_LabelTensor:$labels,
                   DefaultValuedAttr<StrAttr, "\"mean\"">:$reduction);
  let results = (outs NN_FloatTensor:$loss);
  let assemblyFormat =
      "$logits `,` $labels attr-dict `:` type($logits) `,` type($labels)";
}

def NN_BinaryCrossEntropyOp : NN_LossOp<"binary_cross_entropy"> {
  let summary = "binary cross-entropy of probabilities against targets";
  let description = [{
    `−(t · log p + (1 − t) · log(1 − p))` per element, each log clamped at
    −100 as PyTorch does.

    ```mlir
    %l = nn.binary_cross_entropy %p, %t : tensor<4x1xf32>, tensor<4x1xf32>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$input, NN_FloatTensor:$target,
                   DefaultValuedAttr<StrAttr, "\"mean\"">:$reduction);
  let results = (outs NN_FloatTensor:$loss);
  let assemblyFormat =
      "$input `,` $target attr-dict `:` type($input) `,` type($target)";
}

def NN_MseLossOp : NN_LossOp<"mse_loss"> {
  let summary = "squared error";
  let description = [{
    `(y − t)²` per element, then the reduction.

    ```mlir
    %l = nn.mse_loss %y, %t {reduction = "sum"} : tensor<?x1xf32>, tensor<?x1xf32>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$input, NN_FloatTensor:$target,
                   DefaultValuedAttr<StrAttr, "\"mean\"">:$reduction);
  let results = (outs NN_FloatTensor:$loss);
  let assemblyFormat =
      "$input `,` $target attr-dict `:` type($input) `,` type($target)";
}

#endif // NN_LOSS_OPS_TD
