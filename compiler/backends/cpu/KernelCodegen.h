//===- KernelCodegen.h - register-tiled FMA micro-kernels -------*- C++ -*-===//
//
// The innermost piece of every contraction nnc generates for the CPU: a
// register tile of C, `rows` x `vectors` SIMD vectors, updated as
//
//   for k...: C[i][j] += broadcast(A(i, k)) * B(k, j)     (vector FMAs)
//
// with C held in registers (scf.for iter_args) across the whole k loop nest,
// loaded before it and stored after it. Callers say how A, B and C are
// reached (packed panels for GEMM, the input image for direct convolution),
// so one emitter serves both.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_BACKENDS_CPU_KERNELCODEGEN_H
#define NNC_COMPILER_BACKENDS_CPU_KERNELCODEGEN_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/Value.h"

#include <cstdint>
#include <functional>

namespace nnc {

/// The SIMD shape the CPU code is generated for.
struct CpuVectorTarget {
  /// f32 lanes per vector register: 16 (AVX-512), 8 (AVX2), 4 (SSE/NEON).
  int64_t lanes = 16;

  /// Rows of the GEMM register tile. With `lanes` = 16 the 8 x 32 tile keeps
  /// 16 zmm accumulators, 2 B vectors and a broadcast live (19 of 32
  /// registers) and issues 16 FMAs per 10 loads, enough to saturate both FMA
  /// ports; AVX2 has 16 registers, so it gets the 6 x 16 BLIS tile (12
  /// accumulators). 12 x 32 (24 accumulators) measured no faster here, and
  /// splits the kernel formation's 16-row tiles into 12 + 4.
  int64_t gemmRows() const { return lanes >= 16 ? 8 : 6; }
  /// Vectors per row of the GEMM register tile (N tile = vectors * lanes).
  int64_t gemmVectors() const { return 2; }
  int64_t gemmCols() const { return gemmVectors() * lanes; }

  /// The host's widest f32 vector (AVX-512 → 16, AVX/AVX2 → 8, else 4).
  static CpuVectorTarget host();
};

/// A [begin, end) iteration range of one k loop.
struct KRange {
  mlir::Value begin, end;
};

/// What a micro-kernel computes and how it reaches memory (std::function:
/// callers assign lambdas that must outlive the assignment). Callbacks get
/// the tile-relative row `i` and vector column `j`, and the k loops'
/// induction variables (one per KRange, outermost first).
struct MicroKernel {
  int64_t rows = 0;
  int64_t vectors = 0;
  /// Scalar A(i, k), broadcast by the emitter.
  std::function<mlir::Value(mlir::OpBuilder &, mlir::Location, int64_t,
                            mlir::ValueRange)>
      loadA;
  /// The vector B(k, j).
  std::function<mlir::Value(mlir::OpBuilder &, mlir::Location, mlir::ValueRange,
                            int64_t)>
      loadB;
  /// The C vector (i, j), read before and written after the k loops.
  std::function<mlir::Value(mlir::OpBuilder &, mlir::Location, int64_t,
                            int64_t)>
      loadC;
  std::function<void(mlir::OpBuilder &, mlir::Location, mlir::Value, int64_t,
                     int64_t)>
      storeC;
};

/// Emits the micro-kernel at the builder's insertion point.
void emitMicroKernel(mlir::OpBuilder &b, mlir::Location loc,
                     const MicroKernel &kernel, llvm::ArrayRef<KRange> k);

/// Calls `body(row, rows)` on row tiles covering [begin, begin + count):
/// a loop over full tiles of `tileRows`, then the remainder. A static
/// remainder gets one tile of its exact height; a dynamic one is split into
/// powers of two below `tileRows` (e.g. 4, 2, 1 for 8), each under an scf.if,
/// so every tile has a static height and vectorizes without masks.
void emitRowTiles(mlir::OpBuilder &b, mlir::Location loc, mlir::Value begin,
                  mlir::Value count, int64_t tileRows,
                  llvm::function_ref<void(mlir::OpBuilder &, mlir::Location,
                                          mlir::Value, int64_t)>
                      body);

/// Index arithmetic helpers (folded when operands are constants).
mlir::Value indexConst(mlir::OpBuilder &b, mlir::Location loc, int64_t v);
mlir::Value addIndex(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                     int64_t c);
/// ⌈x / d⌉ for a non-negative x.
mlir::Value ceilDiv(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                    int64_t d);
mlir::Value minIndex(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                     mlir::Value y);

/// Emits `for (iv = lb; iv < ub; iv += step) body(iv)` without results.
void emitFor(
    mlir::OpBuilder &b, mlir::Location loc, mlir::Value lb, mlir::Value ub,
    int64_t step,
    llvm::function_ref<void(mlir::OpBuilder &, mlir::Location, mlir::Value)>
        body);

/// The constant upper bound of an index value, if one can be proven.
std::optional<int64_t> constantUpperBound(mlir::Value v);

} // namespace nnc

#endif // NNC_COMPILER_BACKENDS_CPU_KERNELCODEGEN_H
