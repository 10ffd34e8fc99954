//===- InlineCalls.h - inline every call of a function ----------*- C++ -*-===//

#ifndef NNC_COMPILER_AUTODIFF_INLINECALLS_H
#define NNC_COMPILER_AUTODIFF_INLINECALLS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"

namespace nnc::autodiff {

/// Replaces every func.call in `function` (transitively) by a copy of the
/// callee's body, so that the gradient of the callee's ops can be built in
/// place and its forward values reused. Reports recursion and calls of
/// functions without a single-block body.
mlir::LogicalResult inlineCalls(mlir::func::FuncOp function,
                                mlir::ModuleOp module);

} // namespace nnc::autodiff

#endif // NNC_COMPILER_AUTODIFF_INLINECALLS_H
