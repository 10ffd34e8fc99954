//===- NNInterfaces.h - op interfaces of the nn dialect ---------*- C++ -*-===//

#ifndef NNC_DIALECTS_NN_IR_NNINTERFACES_H
#define NNC_DIALECTS_NN_IR_NNINTERFACES_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpDefinition.h"
#include "llvm/ADT/SmallVector.h"

#include "dialects/nn/IR/NNInterfaces.h.inc"

#endif // NNC_DIALECTS_NN_IR_NNINTERFACES_H
