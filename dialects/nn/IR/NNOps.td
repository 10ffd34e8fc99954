//===- NNOps.td - all ops of the nn dialect --------------------*- tablegen -*-===//

#ifndef NN_OPS_TD
#define NN_OPS_TD

include "dialects/nn/IR/NNBase.td"
include "dialects/nn/IR/ElementwiseOps.td"
include "dialects/nn/IR/LayerOps.td"
include "dialects/nn/IR/NormOps.td"
include "dialects/nn/IR/ShapeOps.td"
include "dialects/nn/IR/LossOps.td"
include "dialects/nn/IR/StateOps.td"

#endif // NN_OPS_TD
