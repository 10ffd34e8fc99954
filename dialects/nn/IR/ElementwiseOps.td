//===- ElementwiseOps.td - activations and broadcasting arithmetic -------===//

#ifndef NN_ELEMENTWISE_OPS_TD
#define NN_ELEMENTWISE_OPS_TD

include "dialects/nn/IR/NNBase.td"

//===----------------------------------------------------------------------===//
// Unary elementwise ops: y has x's type.
//===----------------------------------------------------------------------===//

class NN_UnaryOp<string mnemonic, string formula, list<Trait> traits = []>
    : NN_Op<mnemonic, !listconcat(traits, [SameOperandsAndResultType])> {
  let summary = "elementwise " # formula;
  let description = "Computes `" # formula # "` for every element of `x`.\n\n"
    # "Example:\n\n```mlir\n%y = nn." # mnemonic
    # " %x : tensor<?x128xf32>\n```";
  let arguments = (ins NN_FloatTensor:$x);
  let results = (outs NN_FloatTensor:$y);
  let assemblyFormat = "$x attr-dict `:` type($x)";
}

def NN_ReluOp : NN_UnaryOp<"relu", "max(x, 0)">;
def NN_SigmoidOp : NN_UnaryOp<"sigmoid", "1 / (1 + exp(-x))">;
def NN_TanhOp : NN_UnaryOp<"tanh", "tanh(x)">;
def NN_ExpOp : NN_UnaryOp<"exp", "exp(x)">;
def NN_LogOp : NN_UnaryOp<"log", "log(x)">;
def NN_NegOp : NN_UnaryOp<"neg", "-x"> { let hasFolder = 1; }
def NN_SqrtOp : NN_UnaryOp<"sqrt", "sqrt(x)">;
def NN_RsqrtOp : NN_UnaryOp<"rsqrt", "1 / sqrt(x)">;
def NN_AbsOp : NN_UnaryOp<"abs", "|x|">;

def NN_LeakyReluOp : NN_UnaryOp<"leaky_relu", "x > 0 ? x : alpha * x"> {
  let arguments = (ins NN_FloatTensor:$x,
                   DefaultValuedAttr<F32Attr, "0.01">:$alpha);
}

def NN_PReluOp : NN_InferredOp<"prelu"> {
  let summary = "parametric relu with a learned slope per channel";
  let description = [{
    `y = x > 0 ? x : slope[c] * x` where `c` indexes axis 1 of `x`. `slope`
    has one element per channel (or a single element shared by all).

    ```mlir
    %y = nn.prelu %x, %slope : tensor<?x16x8x8xf32>, tensor<16xf32>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$x, NN_FloatTensor:$slope);
  let results = (outs NN_FloatTensor:$y);
  let assemblyFormat = "$x `,` $slope attr-dict `:` type($x) `,` type($slope)";
}

//===----------------------------------------------------------------------===//
// Binary elementwise ops with NumPy broadcasting.
//===----------------------------------------------------------------------===//

class NN_BinaryOp<string mnemonic, string formula, list<Trait> traits = []>
    : NN_InferredOp<mnemonic, !listconcat(traits,
                                          [SameOperandsElementType])> {
  let summary = "elementwise " # formula # " with NumPy broadcasting";
  let description = "Computes `" # formula # "` after broadcasting `lhs` "
    # "and `rhs` to a common shape (NumPy rules).\n\nExample:\n\n```mlir\n"
    # "%c = nn." # mnemonic
    # " %a, %b : tensor<?x10xf32>, tensor<10xf32>\n```";
  let arguments = (ins NN_FloatTensor:$lhs, NN_FloatTensor:$rhs);
  let results = (outs NN_FloatTensor:$result);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs)";
  let extraClassDefinition = inferredDefs # [{
    ::mlir::LogicalResult $cppClass::inferResultTypes(
        Adaptor adaptor, const ::mlir::nn::ShapeDiag &diag,
        ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      return ::mlir::nn::inferBroadcastResult(adaptor.getLhs().getType(),
                                              adaptor.getRhs().getType(),
                                              diag, types);
    }
  }];
}

def NN_AddOp : NN_BinaryOp<"add", "a + b", [Commutative]> {
  let hasFolder = 1;
}
def NN_SubOp : NN_BinaryOp<"sub", "a - b"> { let hasFolder = 1; }
def NN_MulOp : NN_BinaryOp<"mul", "a * b", [Commutative]> {
  let hasFolder = 1;
}
def NN_DivOp : NN_BinaryOp<"div", "a / b"> { let hasFolder = 1; }
def NN_MaximumOp : NN_BinaryOp<"maximum", "max(a, b)", [Commutative]>;
def NN_MinimumOp : NN_BinaryOp<"minimum", "min(a, b)", [Commutative]>;
def NN_PowOp : NN_BinaryOp<"pow", "a ^ b">;

def NN_BiasAddOp : NN_InferredOp<"bias_add"> {
  let summary = "adds a per-channel bias along one axis";
  let description = [{
    `y[..., i_axis, ...] = x[..., i_axis, ...] + bias[i_axis]`. `bias` is 1-D
    with as many elements as `x` has along `axis` (default 1, negative axes
    count from the end).

    ```mlir
    %y = nn.bias_add %x, %b : tensor<?x6x28x28xf32>, tensor<6xf32>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$x, NN_FloatTensor:$bias,
                   DefaultValuedAttr<I64Attr, "1">:$axis);
  let results = (outs NN_FloatTensor:$y);
  let assemblyFormat = "$x `,` $bias attr-dict `:` type($x) `,` type($bias)";
}

//===----------------------------------------------------------------------===//
// Comparison and selection (masks of the backward graph: relu, max, abs).
//===----------------------------------------------------------------------===//

def NN_CompareOp : NN_InferredOp<"compare", [SameOperandsElementType]> {
  let summary = "elementwise comparison with NumPy broadcasting";
  let description = [{
    `result = lhs <predicate> rhs` per element after broadcasting, as an i1
    tensor. `predicate` is one of "gt", "ge", "lt", "le", "eq", "ne". Float
    comparisons are ordered except "ne" (a NaN compares unequal to
    everything, as in PyTorch); integer comparisons are signed.

    ```mlir
    %mask = nn.compare %x, %zero {predicate = "gt"}
        : tensor<?x10xf32>, tensor<f32>
    ```
  }];
  let arguments = (ins RankedTensorOf<[AnyFloat, I32, I64]>:$lhs,
                   RankedTensorOf<[AnyFloat, I32, I64]>:$rhs,
                   StrAttr:$predicate);
  let results = (outs RankedTensorOf<[I1]>:$result);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs)";
}

def NN_SelectOp : NN_InferredOp<"select"> {
  let summary = "elementwise choice with NumPy broadcasting";
  let description = [{
    `result = cond ? a : b` per element after broadcasting all three operands
    to a common shape. `a` and `b` have the same element type.

    ```mlir
    %g = nn.select %mask, %dy, %zero
        : tensor<?x10xi1>, tensor<?x10xf32>, tensor<f32>
    ```
  }];
  let arguments = (ins RankedTensorOf<[I1]>:$cond, NN_FloatTensor:$a,
                   NN_FloatTensor:$b);
  let results = (outs NN_FloatTensor:$result);
  let assemblyFormat = "$cond `,` $a `,` $b attr-dict `:` type($cond) `,` "
                       "type($a) `,` type($b)";
}

#endif // NN_ELEMENTWISE_OPS_TD
