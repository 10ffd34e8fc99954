//===- ElementwiseVectorize.h - SIMD elementwise linalg ops -----*- C++ -*-===//
//
// Linalg ops on memrefs whose innermost loop is parallel and along which
// every operand is contiguous or constant (broadcast) — linalg.generic
// elementwise ops, fused epilogues, linalg.fill, linalg.copy, and
// reductions over outer loops such as a bias gradient's column sums —
// become
//
//   for outer loops (scalar):
//     for i < n - n % lanes step lanes:   body on vector<lanes>, unmasked
//     remainder (i = n - n % lanes):      body on vector<lanes>, masked
//
// The body is cloned op by op with vector types (elementwise-mappable
// arith and math ops only). Operands that do not depend on the innermost
// loop are loaded once per row and broadcast. Everything here is 1-D
// vector code, so nothing depends on unit-dimension folding patterns.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_BACKENDS_CPU_ELEMENTWISEVECTORIZE_H
#define NNC_COMPILER_BACKENDS_CPU_ELEMENTWISEVECTORIZE_H

#include "compiler/backends/cpu/KernelCodegen.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/PatternMatch.h"

namespace nnc {

/// Replaces `op` by vector loops; fails without changing anything when it is
/// not of the form described above.
mlir::LogicalResult vectorizeElementwise(mlir::RewriterBase &rewriter,
                                         mlir::linalg::LinalgOp op,
                                         const CpuVectorTarget &target);

} // namespace nnc

#endif // NNC_COMPILER_BACKENDS_CPU_ELEMENTWISEVECTORIZE_H
