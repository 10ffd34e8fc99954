//===- NNOps.h - ops of the nn dialect --------------------------*- C++ -*-===//

#ifndef NNC_DIALECTS_NN_IR_NNOPS_H
#define NNC_DIALECTS_NN_IR_NNOPS_H

#include "dialects/nn/IR/NNDialect.h"
#include "dialects/nn/IR/ShapeDiag.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_OP_CLASSES
#include "dialects/nn/IR/NNOps.h.inc"

namespace mlir::nn {

/// Reports `call` when `callee` assigns its arguments (nn.assign): a call
/// passes values, so the assignment could not reach the caller's tensors.
/// Only an entry may assign; the interpreter and the compiler both check.
LogicalResult checkCalleeAssignsNothing(func::CallOp call, func::FuncOp callee);

} // namespace mlir::nn

#endif // NNC_DIALECTS_NN_IR_NNOPS_H
