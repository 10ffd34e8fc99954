//===- InitAll.h - registration of every nnc dialect and pass ---*- C++ -*-===//

#ifndef NNC_COMPILER_INITALL_H
#define NNC_COMPILER_INITALL_H

#include "mlir/IR/DialectRegistry.h"

namespace nnc {

/// The nn dialect and the upstream dialects nnc's pipelines produce.
void registerAllDialects(mlir::DialectRegistry &registry);

/// Every nnc pass plus the upstream passes its pipelines use.
void registerAllPasses();

} // namespace nnc

#endif // NNC_COMPILER_INITALL_H
