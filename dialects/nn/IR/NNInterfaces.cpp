//===- NNInterfaces.cpp - op interfaces of the nn dialect ----------------===//

#include "dialects/nn/IR/NNInterfaces.h"

#include "dialects/nn/IR/NNInterfaces.cpp.inc"
