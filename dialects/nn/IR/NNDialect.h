//===- NNDialect.h - the nn dialect -----------------------------*- C++ -*-===//

#ifndef NNC_DIALECTS_NN_IR_NNDIALECT_H
#define NNC_DIALECTS_NN_IR_NNDIALECT_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Dialect.h"

#include "dialects/nn/IR/NNOpsDialect.h.inc"

namespace mlir::nn {

/// Argument attributes that give function arguments their role in a model.
constexpr llvm::StringLiteral kParamAttrName = "nn.param";
constexpr llvm::StringLiteral kStateAttrName = "nn.state";
constexpr llvm::StringLiteral kInitAttrName = "nn.init";
/// A name for an argument (a string), used by the ABI descriptor and by
/// checkpoints instead of "argN".
constexpr llvm::StringLiteral kNameAttrName = "nn.name";
/// Arguments of a train step (@F_train_step) holding optimizer state: the
/// slot ("exp_avg", "momentum_buffer", "step", ... as torch.optim names
/// them) and the index of the nn.param argument the slot belongs to.
constexpr llvm::StringLiteral kOptStateAttrName = "nn.opt_state";
constexpr llvm::StringLiteral kOptParamAttrName = "nn.opt_param";
/// The resolved optimizer spec of a train step ("adam:lr=0.001,...").
constexpr llvm::StringLiteral kOptimizerAttrName = "nn.optimizer";

/// The initializers `nn.init` may name (PyTorch's formulas).
ArrayRef<StringRef> initializerNames();

} // namespace mlir::nn

#endif // NNC_DIALECTS_NN_IR_NNDIALECT_H
