//===- NormOps.td - normalization, dropout and softmax ---------------------===//

#ifndef NN_NORM_OPS_TD
#define NN_NORM_OPS_TD

include "dialects/nn/IR/NNBase.td"

def NN_BatchNormOp : NN_InferredOp<"batch_norm", [SameOperandsElementType]> {
  let summary = "batch normalization over all axes but 1";
  let description = [{
    When `training`, normalizes `x` with the batch statistics (biased
    variance), scales by `gamma`, shifts by `beta`, and returns running
    statistics updated as PyTorch does: `new = (1 − momentum)·old +
    momentum·batch`, with the unbiased batch variance. Otherwise normalizes
    with `mean` and `var` and returns them unchanged.

    ```mlir
    %y, %m, %v = nn.batch_norm %x, %g, %b, %mean, %var {training = true}
        : tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>,
          tensor<16xf32>, tensor<16xf32>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$x, NN_FloatTensor:$gamma,
                   NN_FloatTensor:$beta, NN_FloatTensor:$mean,
                   NN_FloatTensor:$var,
                   DefaultValuedAttr<F32Attr, "1e-5">:$epsilon,
                   DefaultValuedAttr<F32Attr, "0.1">:$momentum,
                   DefaultValuedAttr<BoolAttr, "false">:$training);
  let results = (outs NN_FloatTensor:$y, NN_FloatTensor:$new_mean,
                 NN_FloatTensor:$new_var);
  let assemblyFormat = "$x `,` $gamma `,` $beta `,` $mean `,` $var attr-dict "
                       "`:` type($x) `,` type($gamma) `,` type($beta) `,` "
                       "type($mean) `,` type($var)";
}

def NN_DropoutOp : NN_InferredOp<"dropout"> {
  let summary = "inverted dropout with a counter-based mask";
  let description = [{
    When `training`, zeroes each element with probability `rate` and scales
    the rest by `1 / (1 − rate)`; otherwise returns `x`. The mask is a pure
    function of (seed, row-major element index), identical on every backend:
    `u = splitmix64(seed + (index + 1) · 0x9E3779B97F4A7C15) >> 40` is a
    24-bit integer and the element is kept when `u · 2⁻²⁴ ≥ rate`.

    ```mlir
    %y = nn.dropout %x, %seed {rate = 0.5 : f32, training = true}
        : tensor<?x256xf32>, tensor<i64>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$x, NN_SeedTensor:$seed,
                   DefaultValuedAttr<F32Attr, "0.5">:$rate,
                   DefaultValuedAttr<BoolAttr, "false">:$training);
  let results = (outs NN_FloatTensor:$y);
  let assemblyFormat = "$x `,` $seed attr-dict `:` type($x) `,` type($seed)";
}

def NN_LrnOp : NN_InferredOp<"lrn"> {
  let summary = "local response normalization across channels";
  let description = [{
    Exactly PyTorch's LocalResponseNorm: `y[c] = x[c] / (bias + alpha/size ·
    Σ_{c'} x[c']²)^beta`, the sum over channels `c − size/2 … c + (size−1)/2`
    that exist.

    ```mlir
    %y = nn.lrn %x {size = 5 : i64} : tensor<?x64x16x16xf32>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$x,
                   DefaultValuedAttr<I64Attr, "5">:$size,
                   DefaultValuedAttr<F32Attr, "1e-4">:$alpha,
                   DefaultValuedAttr<F32Attr, "0.75">:$beta,
                   DefaultValuedAttr<F32Attr, "1.0">:$bias);
  let results = (outs NN_FloatTensor:$y);
  let assemblyFormat = "$x attr-dict `:` type($x)";
}

class NN_SoftmaxLikeOp<string mnemonic, string formula>
    : NN_InferredOp<mnemonic> {
  let summary = "numerically stable " # formula # " along one axis";
  let description = "Computes " # formula # " along `axis` (default −1), "
    # "subtracting the maximum first.\n\nExample:\n\n```mlir\n%y = nn."
    # mnemonic # " %x {axis = 1 : i64} : tensor<?x10xf32>\n```";
  let arguments = (ins NN_FloatTensor:$x,
                   DefaultValuedAttr<I64Attr, "-1">:$axis);
  let results = (outs NN_FloatTensor:$y);
  let assemblyFormat = "$x attr-dict `:` type($x)";
}

def NN_SoftmaxOp : NN_SoftmaxLikeOp<"softmax", "exp(x) / Σ exp(x)">;
def NN_LogSoftmaxOp : NN_SoftmaxLikeOp<"log_softmax",
                                       "x − log Σ exp(x)">;

#endif // NN_NORM_OPS_TD
