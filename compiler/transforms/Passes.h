//===- Passes.h - nnc graph and buffer transforms ---------------*- C++ -*-===//

#ifndef NNC_COMPILER_TRANSFORMS_PASSES_H
#define NNC_COMPILER_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Pass/Pass.h"

namespace nnc {

/// Function attributes with the arena size the plan needs.
constexpr llvm::StringLiteral kArenaBytesAttr = "nnc.arena_bytes";
constexpr llvm::StringLiteral kArenaBytesPerBatchAttr =
    "nnc.arena_bytes_per_batch";
/// Alignment of every buffer in the arena and of the arena itself.
constexpr int64_t kArenaAlignment = 64;

#define GEN_PASS_DECL
#include "compiler/transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "compiler/transforms/Passes.h.inc"

} // namespace nnc

#endif // NNC_COMPILER_TRANSFORMS_PASSES_H
