//===- ShapeOps.td - reductions and data movement --------------------------===//

#ifndef NN_SHAPE_OPS_TD
#define NN_SHAPE_OPS_TD

include "dialects/nn/IR/NNBase.td"

class NN_ReduceOp<string mnemonic, string formula> : NN_InferredOp<mnemonic> {
  let summary = "reduces with " # formula # " over some axes";
  let description = "Reduces `x` with " # formula # " over `axes` (all axes "
    # "when absent; negative axes count from the end). With `keep_dims` the "
    # "reduced axes stay as size 1.\n\nExample:\n\n```mlir\n%y = nn."
    # mnemonic # " %x {axes = array<i64: 1>} : tensor<?x10xf32>\n```";
  let arguments = (ins NN_FloatTensor:$x,
                   OptionalAttr<DenseI64ArrayAttr>:$axes,
                   DefaultValuedAttr<BoolAttr, "false">:$keep_dims);
  let results = (outs NN_FloatTensor:$y);
  let assemblyFormat = "$x attr-dict `:` type($x)";
  let extraClassDeclaration = extraInferredDecls # [{
    /// The reduced axes, normalized to [0, rank) and sorted.
    ::llvm::SmallVector<int64_t> getReducedAxes();
  }];
}

def NN_ReduceSumOp : NN_ReduceOp<"reduce_sum", "a sum">;
def NN_ReduceMeanOp : NN_ReduceOp<"reduce_mean", "the mean">;
def NN_ReduceMaxOp : NN_ReduceOp<"reduce_max", "the maximum">;

def NN_ReshapeOp : NN_Op<"reshape"> {
  let summary = "reinterprets the elements with a new shape";
  let description = [{
    Row-major reshape to the result type. The result may be dynamic only in
    its leading (batch) dimension, whose size then follows from the element
    count.

    ```mlir
    %y = nn.reshape %x : tensor<?x16x5x5xf32> -> tensor<?x400xf32>
    ```
  }];
  let arguments = (ins NN_AnyTensor:$x);
  let results = (outs NN_AnyTensor:$y);
  let assemblyFormat = "$x attr-dict `:` type($x) `->` type($y)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def NN_BroadcastToOp : NN_Op<"broadcast_to"> {
  let summary = "broadcasts to the result shape with NumPy rules";
  let description = [{
    ```mlir
    %y = nn.broadcast_to %x : tensor<10xf32> -> tensor<?x10xf32>
    ```
  }];
  let arguments = (ins NN_AnyTensor:$x);
  let results = (outs NN_AnyTensor:$y);
  let assemblyFormat = "$x attr-dict `:` type($x) `->` type($y)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def NN_TransposeOp : NN_InferredOp<"transpose"> {
  let summary = "permutes the dimensions";
  let description = [{
    `y.shape[i] = x.shape[permutation[i]]`.

    ```mlir
    %y = nn.transpose %x {permutation = array<i64: 1, 0>} : tensor<?x10xf32>
    ```
  }];
  let arguments = (ins NN_AnyTensor:$x, DenseI64ArrayAttr:$permutation);
  let results = (outs NN_AnyTensor:$y);
  let assemblyFormat = "$x attr-dict `:` type($x)";
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def NN_ConcatOp : NN_InferredOp<"concat", [SameOperandsElementType]> {
  let summary = "joins tensors along one axis";
  let description = [{
    All inputs have the same rank and agree in every dimension but `axis`.

    ```mlir
    %y = nn.concat %a, %b {axis = 1 : i64}
        : tensor<?x16x8x8xf32>, tensor<?x8x8x8xf32>
    ```
  }];
  let arguments = (ins Variadic<NN_AnyTensor>:$inputs, I64Attr:$axis);
  let results = (outs NN_AnyTensor:$y);
  let assemblyFormat = "$inputs attr-dict `:` type($inputs)";
  let hasFolder = 1;
}

def NN_SliceOp : NN_InferredOp<"slice"> {
  let summary = "a contiguous range of one axis";
  let description = [{
    `y[..., i, ...] = x[..., start + i, ...]` for `0 <= i < size` along
    `axis` (negative axes count from the end); other dimensions are kept
    whole. The gradient of `nn.concat` slices its cotangent.

    ```mlir
    %y = nn.slice %x {axis = 1 : i64, start = 16 : i64, size = 8 : i64}
        : tensor<?x24xf32>
    ```
  }];
  let arguments = (ins NN_AnyTensor:$x, I64Attr:$axis, I64Attr:$start,
                   I64Attr:$size);
  let results = (outs NN_AnyTensor:$y);
  let assemblyFormat = "$x attr-dict `:` type($x)";
}

def NN_ExpandAsOp : NN_InferredOp<"expand_as"> {
  let summary = "broadcasts to the run-time shape of another tensor";
  let description = [{
    Broadcasts `x` (NumPy rules) to the shape of `like`, whose elements are
    not read. Unlike `nn.broadcast_to`, a `?` size of the result comes from
    `like`, so a cotangent can be spread back over a dynamic batch. The
    result has the shape of `like` and the element type of `x`.

    ```mlir
    %y = nn.expand_as %g, %x : tensor<1x10xf32>, tensor<?x10xf32>
    ```
  }];
  let arguments = (ins NN_AnyTensor:$x, NN_AnyTensor:$like);
  let results = (outs NN_AnyTensor:$y);
  let assemblyFormat = "$x `,` $like attr-dict `:` type($x) `,` type($like)";
  let hasFolder = 1;
}

#endif // NN_SHAPE_OPS_TD
