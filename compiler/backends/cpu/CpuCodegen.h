//===- CpuCodegen.h - tiling and vectorization for the CPU ------*- C++ -*-===//
//
// `nnc-cpu-codegen` rewrites the linalg ops of bufferized functions —
// wherever they are: at the top level or inside the loops of formed kernels
// — into register-tiled vector code:
//
//   contractions (matmul family, generic contractions) → GemmCodegen.h
//   conv_2d_nchw_fchw, conv_2d_ngchw_gfchw               → ConvCodegen.h
//   elementwise ops contiguous along the innermost loop  →
//   ElementwiseVectorize.h
//
// Everything else stays a linalg op and becomes scalar loops later.
// addCpuCodegenPasses (CpuPipeline.h) runs it and lowers the vector code.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_BACKENDS_CPU_CPUCODEGEN_H
#define NNC_COMPILER_BACKENDS_CPU_CPUCODEGEN_H

#include "mlir/Pass/Pass.h"

#include <memory>

namespace nnc {

/// `lanes` = f32 lanes per vector (16 AVX-512, 8 AVX2, 4 SSE); 0 detects
/// the host.
std::unique_ptr<mlir::Pass> createCpuCodegenPass(int64_t lanes = 0);

/// Registers `nnc-cpu-codegen` for nnc-opt.
void registerCpuCodegenPasses();

} // namespace nnc

#endif // NNC_COMPILER_BACKENDS_CPU_CPUCODEGEN_H
