//===- LoadModule.h - read, parse and verify a model file -------*- C++ -*-===//

#ifndef NNC_COMPILER_DRIVER_LOADMODULE_H
#define NNC_COMPILER_DRIVER_LOADMODULE_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/SourceMgr.h"

namespace nnc {

/// Reads `path` into `sourceMgr`, parses and verifies it. Every problem (a
/// missing or empty file, a syntax error, an op that does not verify) is
/// reported as `file:line:col: error: ...` through the context's diagnostic
/// handler; returns null then.
mlir::OwningOpRef<mlir::ModuleOp> loadModule(llvm::StringRef path,
                                             mlir::MLIRContext &context,
                                             llvm::SourceMgr &sourceMgr);

/// Finds the func.func named `name`, or reports the functions there are.
mlir::func::FuncOp lookupFunction(mlir::ModuleOp module, llvm::StringRef name);

} // namespace nnc

#endif // NNC_COMPILER_DRIVER_LOADMODULE_H
