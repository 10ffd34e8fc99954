//===- CpuCodegen.cpp - register tiling and vectorization -----------------===//
//
// The hook where kernels get register tiling and vectorization before the
// rest of linalg becomes loops. Today it adds nothing: kernels are compiled
// as plain loops (tiled across threads by kernel formation, optimized by
// LLVM -O3). Vectorized GEMM/conv code generation is the open part of the
// CPU backend issue.
//
//===----------------------------------------------------------------------===//

#include "compiler/backends/cpu/CpuPipeline.h"

void nnc::addCpuCodegenPasses(mlir::OpPassManager &) {}
