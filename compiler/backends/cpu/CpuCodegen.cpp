//===- CpuCodegen.cpp - register tiling and vectorization -----------------===//

#include "compiler/backends/cpu/CpuPipeline.h"

// PLACEHOLDER: being written; replace entirely.
void nnc::addCpuCodegenPasses(mlir::OpPassManager &) {}
