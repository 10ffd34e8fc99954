//===- NNOps.cpp - generated op definitions of the nn dialect ------------===//
//
// The op classes generated from NNOps.td. Shape inference and verification of
// each family live in <Family>Ops.cpp; folders in Folders.cpp and rewrite
// patterns in Canonicalize.cpp.
//
//===----------------------------------------------------------------------===//

#include "dialects/nn/IR/NNOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::nn;

#define GET_OP_CLASSES
#include "dialects/nn/IR/NNOps.cpp.inc"
