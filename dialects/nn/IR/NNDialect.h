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

/// The initializers `nn.init` may name (PyTorch's formulas).
ArrayRef<StringRef> initializerNames();

} // namespace mlir::nn

#endif // NNC_DIALECTS_NN_IR_NNDIALECT_H
