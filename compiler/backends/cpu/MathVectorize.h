//===- MathVectorize.h - math ops on vectors for the CPU --------*- C++ -*-===//
//
// The vectorized elementwise code carries math ops on vectors. LLVM has no
// vector tanh, erf, atan, ...: the later math-to-libm lowering would unroll
// them into vector.extract/insert after the vector dialect is already gone.
// So, right after codegen:
//   - f32 ops with a polynomial approximation in MLIR (exp, log, tanh, erf,
//     sin, cos, atan, ...) become it: branch-free vector arithmetic, within
//     a few ulp, instead of one libm call per lane;
//   - ops that LLVM lowers on vectors itself (sqrt, fabs, fma, floor, ...)
//     stay;
//   - any other math op on a vector is unrolled into scalar ops (libm calls
//     later), lane by lane.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_BACKENDS_CPU_MATHVECTORIZE_H
#define NNC_COMPILER_BACKENDS_CPU_MATHVECTORIZE_H

#include "mlir/IR/Operation.h"

namespace nnc {

/// Rewrites the math ops on vectors under `root` as described above.
mlir::LogicalResult lowerVectorMath(mlir::Operation *root);

} // namespace nnc

#endif // NNC_COMPILER_BACKENDS_CPU_MATHVECTORIZE_H
