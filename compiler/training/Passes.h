//===- Passes.h - train steps -----------------------------------*- C++ -*-===//

#ifndef NNC_COMPILER_TRAINING_PASSES_H
#define NNC_COMPILER_TRAINING_PASSES_H

#include "dialects/nn/IR/NNDialect.h"

#include "mlir/Pass/Pass.h"

namespace nnc {

#define GEN_PASS_DECL
#include "compiler/training/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "compiler/training/Passes.h.inc"

} // namespace nnc

#endif // NNC_COMPILER_TRAINING_PASSES_H
