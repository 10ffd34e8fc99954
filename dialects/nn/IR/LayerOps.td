//===- LayerOps.td - matmul, linear, convolution, pooling, their grads ----===//

#ifndef NN_LAYER_OPS_TD
#define NN_LAYER_OPS_TD

include "dialects/nn/IR/NNBase.td"

def NN_MatmulOp : NN_InferredOp<"matmul", [SameOperandsElementType]> {
  let summary = "matrix product, optionally batched and transposed";
  let description = [{
    `lhs` and `rhs` are both 2-D ([M, K] · [K, N] → [M, N]) or both 3-D with
    equal batch ([B, M, K] · [B, K, N] → [B, M, N]). `transpose_a` and
    `transpose_b` transpose the last two dimensions of an operand first.

    ```mlir
    %c = nn.matmul %a, %b {transpose_b = true}
        : tensor<?x784xf32>, tensor<512x784xf32>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$lhs, NN_FloatTensor:$rhs,
                   DefaultValuedAttr<BoolAttr, "false">:$transpose_a,
                   DefaultValuedAttr<BoolAttr, "false">:$transpose_b);
  let results = (outs NN_FloatTensor:$result);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs)";
}

def NN_LinearOp : NN_InferredOp<"linear", [SameOperandsElementType]> {
  let summary = "fully connected layer without bias: x · wᵀ";
  let description = [{
    `y[n, o] = Σ_i x[n, i] · weight[o, i]` with `x` [N, in] and `weight`
    [out, in] as in PyTorch's nn.Linear. Add a bias with `nn.bias_add`.

    ```mlir
    %y = nn.linear %x, %w : tensor<?x784xf32>, tensor<512x784xf32>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$x, NN_FloatTensor:$weight);
  let results = (outs NN_FloatTensor:$y);
  let assemblyFormat = "$x `,` $weight attr-dict `:` type($x) `,` type($weight)";
}

def NN_Conv2DOp : NN_InferredOp<"conv2d", [SameOperandsElementType]> {
  let summary = "2-D cross-correlation (NCHW, FCHW) with zero padding";
  let description = [{
    `y[n, f, i, j] = Σ_{c, p, q} x_pad[n, g·C/groups + c, i·sh + p·dh,
    j·sw + q·dw] · filter[f, c, p, q]` where `g = f / (F/groups)`. Padding is
    (top, left, bottom, right); output sizes use floor:
    `(H + top + bottom − dh·(KH−1) − 1) / sh + 1`.

    ```mlir
    %y = nn.conv2d %x, %w {padding = array<i64: 2, 2, 2, 2>}
        : tensor<?x1x28x28xf32>, tensor<6x1x5x5xf32>
    ```
  }];
  let arguments = (ins
    NN_FloatTensor:$x, NN_FloatTensor:$filter,
    DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$strides,
    DefaultValuedAttr<DenseI64ArrayAttr, "{0, 0, 0, 0}">:$padding,
    DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$dilations,
    DefaultValuedAttr<I64Attr, "1">:$groups);
  let results = (outs NN_FloatTensor:$y);
  let assemblyFormat = "$x `,` $filter attr-dict `:` type($x) `,` type($filter)";
}

// Pooling ops and their gradients: `strides` defaults to the kernel.
defvar effectiveStridesDecl = [{
  /// The strides in effect: the `strides` attribute, or the kernel.
  ::llvm::SmallVector<int64_t, 2> getEffectiveStrides() {
    return ::llvm::SmallVector<int64_t, 2>(
        getStrides() ? *getStrides() : getKernel());
  }
}];

// Pooling ops share operands, window attributes and shape rules.
class NN_Pool2DOp<string mnemonic, string formula, dag extraAttrs = (ins)>
    : NN_InferredOp<mnemonic> {
  let summary = "2-D " # formula # " pooling over NCHW windows";
  let description = "Reduces each `kernel` window of every channel with "
    # formula # ". `strides` defaults to `kernel`; padding (top, left, "
    # "bottom, right) is at most half the kernel.\n\nExample:\n\n```mlir\n"
    # "%y = nn." # mnemonic # " %x {kernel = array<i64: 2, 2>} : "
    # "tensor<?x6x28x28xf32>\n```";
  let arguments = !con((ins NN_FloatTensor:$x,
    DenseI64ArrayAttr:$kernel,
    OptionalAttr<DenseI64ArrayAttr>:$strides,
    DefaultValuedAttr<DenseI64ArrayAttr, "{0, 0, 0, 0}">:$padding),
    extraAttrs);
  let results = (outs NN_FloatTensor:$y);
  let assemblyFormat = "$x attr-dict `:` type($x)";
  let extraClassDeclaration =
      !strconcat(extraInferredDecls, effectiveStridesDecl);
}

def NN_MaxPool2DOp : NN_Pool2DOp<"max_pool2d", "maximum">;
def NN_AvgPool2DOp : NN_Pool2DOp<"avg_pool2d", "average",
    (ins DefaultValuedAttr<BoolAttr, "false">:$count_include_pad)>;
def NN_LpPool2DOp : NN_Pool2DOp<"lp_pool2d", "(Σ |x|^p)^(1/p)",
    (ins DefaultValuedAttr<F32Attr, "2.0">:$p)>;

//===----------------------------------------------------------------------===//
// Backward ops: the adjoints of conv2d and pooling that the VJP rules emit
// (compiler/autodiff/rules/Layer.cpp). Their attributes mean what they mean
// on the forward op; sizes the floor rule loses are given as attributes.
//===----------------------------------------------------------------------===//

def NN_Conv2DGradInputOp
    : NN_InferredOp<"conv2d_grad_input", [SameOperandsElementType]> {
  let summary = "gradient of nn.conv2d with respect to its input";
  let description = [{
    The transposed convolution: given the cotangent `dy` [N, F, OH, OW] of
    an `nn.conv2d` result and its `filter` [F, C/groups, KH, KW], scatters
    every `dy[n, f, i, j] · filter[f, c, p, q]` back onto the input element
    it multiplied, `dx[n, g·C/groups + c, i·sh − top + p·dh, j·sw − left +
    q·dw]` (g the group of filter f), dropping the taps that fell into the
    padding. `input_size` is the (H, W) of the forward input, which the
    floor rule of the output size does not determine; `dy` must have the
    size nn.conv2d gives for it.

    ```mlir
    %dx = nn.conv2d_grad_input %dy, %w
        {input_size = array<i64: 28, 28>, padding = array<i64: 2, 2, 2, 2>}
        : tensor<?x6x28x28xf32>, tensor<6x1x5x5xf32>
    ```
  }];
  let arguments = (ins
    NN_FloatTensor:$dy, NN_FloatTensor:$filter,
    DenseI64ArrayAttr:$input_size,
    DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$strides,
    DefaultValuedAttr<DenseI64ArrayAttr, "{0, 0, 0, 0}">:$padding,
    DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$dilations,
    DefaultValuedAttr<I64Attr, "1">:$groups);
  let results = (outs NN_FloatTensor:$dx);
  let assemblyFormat =
      "$dy `,` $filter attr-dict `:` type($dy) `,` type($filter)";
}

def NN_Conv2DGradFilterOp
    : NN_InferredOp<"conv2d_grad_filter", [SameOperandsElementType]> {
  let summary = "gradient of nn.conv2d with respect to its filter";
  let description = [{
    Correlates the forward input `x` [N, C, H, W] with the cotangent `dy`
    [N, F, OH, OW] of the result: `dfilter[f, c, p, q] = Σ_{n, i, j}
    dy[n, f, i, j] · x_pad[n, g·C/groups + c, i·sh + p·dh, j·sw + q·dw]`
    (g the group of filter f, zero padding). `kernel` is (KH, KW); `dy` must
    have the size nn.conv2d gives for `x` and that kernel.

    ```mlir
    %dw = nn.conv2d_grad_filter %x, %dy
        {kernel = array<i64: 5, 5>, padding = array<i64: 2, 2, 2, 2>}
        : tensor<?x1x28x28xf32>, tensor<?x6x28x28xf32>
    ```
  }];
  let arguments = (ins
    NN_FloatTensor:$x, NN_FloatTensor:$dy,
    DenseI64ArrayAttr:$kernel,
    DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$strides,
    DefaultValuedAttr<DenseI64ArrayAttr, "{0, 0, 0, 0}">:$padding,
    DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$dilations,
    DefaultValuedAttr<I64Attr, "1">:$groups);
  let results = (outs NN_FloatTensor:$dfilter);
  let assemblyFormat = "$x `,` $dy attr-dict `:` type($x) `,` type($dy)";
}

def NN_MaxPool2DGradOp
    : NN_InferredOp<"max_pool2d_grad", [SameOperandsElementType]> {
  let summary = "gradient of nn.max_pool2d with respect to its input";
  let description = [{
    Routes each element of the cotangent `dy` of `nn.max_pool2d(x)` to the
    position of its window's maximum in `x`: the first one in row-major
    window order when several tie (as PyTorch does), never the padding.
    Windows that overlap add up. The window attributes are those of the
    forward op, and `dy` has the shape of its result.

    ```mlir
    %dx = nn.max_pool2d_grad %x, %dy {kernel = array<i64: 2, 2>}
        : tensor<?x6x28x28xf32>, tensor<?x6x14x14xf32>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$x, NN_FloatTensor:$dy,
    DenseI64ArrayAttr:$kernel,
    OptionalAttr<DenseI64ArrayAttr>:$strides,
    DefaultValuedAttr<DenseI64ArrayAttr, "{0, 0, 0, 0}">:$padding);
  let results = (outs NN_FloatTensor:$dx);
  let assemblyFormat = "$x `,` $dy attr-dict `:` type($x) `,` type($dy)";
  let extraClassDeclaration =
      !strconcat(extraInferredDecls, effectiveStridesDecl);
}

def NN_AvgPool2DGradOp : NN_InferredOp<"avg_pool2d_grad"> {
  let summary = "gradient of nn.avg_pool2d with respect to its input";
  let description = [{
    Spreads each element of the cotangent `dy` of `nn.avg_pool2d` evenly
    over the input elements of its window: each receives `dy` divided by
    the window's divisor (KH·KW with `count_include_pad`, otherwise the
    number of window elements inside the input). `input_size` is the (H, W)
    of the forward input; the window attributes are the forward op's.

    ```mlir
    %dx = nn.avg_pool2d_grad %dy
        {input_size = array<i64: 28, 28>, kernel = array<i64: 2, 2>}
        : tensor<?x6x14x14xf32>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$dy,
    DenseI64ArrayAttr:$input_size,
    DenseI64ArrayAttr:$kernel,
    OptionalAttr<DenseI64ArrayAttr>:$strides,
    DefaultValuedAttr<DenseI64ArrayAttr, "{0, 0, 0, 0}">:$padding,
    DefaultValuedAttr<BoolAttr, "false">:$count_include_pad);
  let results = (outs NN_FloatTensor:$dx);
  let assemblyFormat = "$dy attr-dict `:` type($dy)";
  let extraClassDeclaration =
      !strconcat(extraInferredDecls, effectiveStridesDecl);
}

#endif // NN_LAYER_OPS_TD
