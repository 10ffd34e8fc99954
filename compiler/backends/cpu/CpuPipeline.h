//===- CpuPipeline.h - nn to LLVM dialect for the host CPU ------*- C++ -*-===//

#ifndef NNC_COMPILER_BACKENDS_CPU_CPUPIPELINE_H
#define NNC_COMPILER_BACKENDS_CPU_CPUPIPELINE_H

#include "mlir/Pass/PassManager.h"

namespace nnc {

/// The first stage of the CPU pipeline: nn to linalg on tensors, inlining,
/// elementwise fusion and kernel formation (scf.forall per kernel).
void buildKernelFormationPipeline(mlir::OpPassManager &pm);

/// Adds the passes that take an nn module to the LLVM dialect: lowering to
/// linalg, inlining, fusion, bufferization with results as out-parameters,
/// the static memory plan and the lowering of loops, memrefs and math.
/// Public functions are the entries; each ends up with the C interface
/// `_mlir_ciface_<name>(args..., results..., arena)`.
/// `vectorLanes` are the f32 lanes of the target's vectors (16, 8, 4); 0
/// takes the host's.
void buildCpuPipeline(mlir::OpPassManager &pm, int64_t vectorLanes = 0);

/// Tiles and vectorizes the linalg ops of bufferized functions (wherever
/// they are, inside loops included); runs after bufferization and before
/// the memory plan and buffer deallocation. Defined in CpuCodegen.cpp.
void addCpuCodegenPasses(mlir::OpPassManager &pm, int64_t vectorLanes = 0);

/// Lowers the vector code of addCpuCodegenPasses towards LLVM; runs before
/// the remaining linalg ops become loops. Defined in CpuCodegen.cpp.
void addVectorLoweringPasses(mlir::OpPassManager &pm);

/// The same pipeline as an `nnc-opt` pipeline: `--nnc-cpu-pipeline`.
void registerCpuPipeline();

} // namespace nnc

#endif // NNC_COMPILER_BACKENDS_CPU_CPUPIPELINE_H
