//===- ElementwiseVectorize.h - SIMD elementwise linalg ops -----*- C++ -*-===//
//
// Elementwise linalg ops on memrefs (linalg.generic with only parallel
// loops, linalg.fill, linalg.copy, ...) whose operands are all contiguous
// along the innermost loop (or do not depend on it: broadcasts) are tiled
// 1 x ... x 1 x lanes, the partial last tile of each row is peeled off, and
// both are vectorized with linalg::vectorize — the full tiles without masks,
// the partial one with a mask.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_BACKENDS_CPU_ELEMENTWISEVECTORIZE_H
#define NNC_COMPILER_BACKENDS_CPU_ELEMENTWISEVECTORIZE_H

#include "compiler/backends/cpu/KernelCodegen.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/PatternMatch.h"

namespace nnc {

/// Tiles and vectorizes `op`; fails without changing anything when it is
/// not elementwise and contiguous as described above.
mlir::LogicalResult vectorizeElementwise(mlir::RewriterBase &rewriter,
                                         mlir::linalg::LinalgOp op,
                                         const CpuVectorTarget &target);

/// Patterns that turn the vectorized tiles into 1-D vector code: unit
/// dimensions dropped, subviews folded into the transfers' indices.
void populateElementwiseCleanupPatterns(mlir::RewritePatternSet &patterns);

} // namespace nnc

#endif // NNC_COMPILER_BACKENDS_CPU_ELEMENTWISEVECTORIZE_H
