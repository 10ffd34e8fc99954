//===- KernelGraph.h - the fusion groups of a model as a DOT graph -*- C++ -*-===//

#ifndef NNC_COMPILER_DRIVER_KERNELGRAPH_H
#define NNC_COMPILER_DRIVER_KERNELGRAPH_H

#include "mlir/IR/BuiltinOps.h"

#include <string>

namespace nnc {

/// Forms kernels on a copy of an nn module (the CPU pipeline up to kernel
/// formation) and draws, for every public function, one node per kernel
/// labelled with the nn ops fused into it, and the data edges between
/// kernels. Fails (with diagnostics) when the pipeline does.
mlir::FailureOr<std::string> drawKernelGraph(mlir::ModuleOp module);

} // namespace nnc

#endif // NNC_COMPILER_DRIVER_KERNELGRAPH_H
