//===- NNInterfaces.td - op interfaces of the nn dialect -------*- tablegen -*-===//

#ifndef NN_INTERFACES_TD
#define NN_INTERFACES_TD

include "mlir/IR/OpBase.td"

def DifferentiableOpInterface : OpInterface<"DifferentiableOpInterface"> {
  let cppNamespace = "::mlir::nn";
  let description = [{
    An op whose vector-Jacobian product (VJP) can be written in nn IR. Given
    one cotangent per result (dL/dresult, or null when that result does not
    reach the loss), `buildVjp` emits the ops computing dL/doperand for every
    operand at the builder's insertion point and returns them in operand
    order; an operand that has no gradient (integer labels, dropout seeds,
    the shape-only operand of nn.expand_as) gets null. A gradient has its
    operand's exact type. Forward values (operands and results) may be used
    freely: the backward graph reads them instead of recomputing them.

    The rules are not written in the dialect: they are attached as external
    models by nnc::registerDifferentiationRules (compiler/autodiff), one file
    per op family (compiler/autodiff/rules/<Family>.cpp). The dialect stays a
    description of forward semantics, and all rules share the builders of
    compiler/autodiff (unbroadcasting, constants, counts) without the dialect
    depending on them. An op without a model has no VJP rule yet.
  }];
  let methods = [
    InterfaceMethod<
      /*desc=*/[{
        Emits the VJP at `builder`'s insertion point: one gradient per operand
        (null for non-differentiable operands), or failure after reporting an
        error at the op.
      }],
      /*retTy=*/"::mlir::FailureOr<::llvm::SmallVector<::mlir::Value>>",
      /*methodName=*/"buildVjp",
      /*args=*/(ins "::mlir::OpBuilder &":$builder,
                    "::llvm::ArrayRef<::mlir::Value>":$cotangents)>,
  ];
}

#endif // NN_INTERFACES_TD
