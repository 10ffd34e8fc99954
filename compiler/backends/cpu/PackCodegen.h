//===- PackCodegen.h - packing GEMM B operands into panels ------*- C++ -*-===//
//
// The GEMM micro-kernel reads B as panels: for each group of `cols` (= NR)
// columns, a [rows][cols] block stored contiguously, so that every k step
// is one or two aligned vector loads whatever B's layout was:
//
//   packed[p][k][c] = B[k0 + k][n0 + p * cols + c]
//
// Columns past N are filled with don't-care values (the kernel computes them
// but never stores them); rows past the block are never read.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_BACKENDS_CPU_PACKCODEGEN_H
#define NNC_COMPILER_BACKENDS_CPU_PACKCODEGEN_H

#include "compiler/backends/cpu/KernelCodegen.h"

namespace nnc {

/// Allocates (memref.alloc, 64-byte aligned) a [panels][rows][cols] f32
/// buffer. Nothing frees it here: the memory plan places it in the arena
/// when it can, buffer deallocation frees it otherwise.
mlir::Value allocPanels(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::Value panels, mlir::Value rows, int64_t cols);

/// A B block to pack: rows [k0, k0 + kc) and columns [n0, n0 + nc) of the
/// [K, N] view `source`.
struct PackBlock {
  mlir::Value source;
  mlir::Value k0, kc, n0, nc;
};

/// Packs `block` into `panels` (whose row count must be a multiple of the
/// vector lanes, at least kc rounded up). Chooses by B's layout: rows copied
/// with vector loads when N is contiguous, 16x16 (lanes x lanes) in-register
/// transposes when K is (linear layers' weights), scalar copies otherwise.
/// `parallel` packs the panels in an scf.forall (threads), for packing
/// outside every parallel loop.
void emitPackPanels(mlir::OpBuilder &b, mlir::Location loc,
                    const PackBlock &block, mlir::Value panels,
                    const CpuVectorTarget &target, bool parallel = false);

/// The outermost loop (scf.for, scf.forall, scf.parallel) around `op` that
/// `value` is defined above and that writes nothing `value` may alias:
/// packing it before that loop packs it once instead of once per iteration
/// (per thread tile of a formed kernel). Null if there is none.
mlir::Operation *findHoistingPoint(mlir::Operation *op, mlir::Value value);

/// The static stride of dimension `dim` of a memref value, if known.
std::optional<int64_t> staticStride(mlir::Value memref, unsigned dim);

} // namespace nnc

#endif // NNC_COMPILER_BACKENDS_CPU_PACKCODEGEN_H
