//===- GemmCodegen.h - contractions on memrefs to blocked FMA code -*- C++ -*-//
//
// Every f32 linalg contraction whose operands are plain (projected
// permutation) views — matmul, matmul_transpose_a/_b, batch_matmul and its
// variants, and linalg.generic contractions of that form — becomes
// BLIS-style code: B packed into panels, loops over K blocks, M blocks and
// N panels, and the register-tiled micro-kernel of KernelCodegen.h.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_BACKENDS_CPU_GEMMCODEGEN_H
#define NNC_COMPILER_BACKENDS_CPU_GEMMCODEGEN_H

#include "compiler/backends/cpu/KernelCodegen.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/PatternMatch.h"

namespace nnc {

/// Cache blocking of the GEMM loops. KC: a 256-deep K block keeps one
/// packed panel (256 x 32 floats = 32 KiB) in the 48 KiB L1 while the row
/// tiles stream A; MC: 64 rows of A per K block (64 KiB) stay in L2 while
/// every panel passes; NC: 512 columns bound the pack buffer to 512 KiB (L2)
/// when B cannot be packed once outside the enclosing loops.
struct GemmBlocking {
  int64_t kc = 256;
  int64_t mc = 64;
  int64_t nc = 512;
};

/// Replaces `op` by generated code; fails without changing anything when
/// the op is not a supported contraction.
mlir::LogicalResult rewriteContraction(mlir::RewriterBase &rewriter,
                                       mlir::linalg::LinalgOp op,
                                       const CpuVectorTarget &target,
                                       const GemmBlocking &blocking = {});

} // namespace nnc

#endif // NNC_COMPILER_BACKENDS_CPU_GEMMCODEGEN_H
