//===- LossOps.cpp - shapes of the loss functions ------------------------===//

#include "dialects/nn/IR/NNOps.h"

using namespace mlir;
using namespace mlir::nn;

static FailureOr<Reduction> checkReduction(StringRef name,
                                           const ShapeDiag &diag) {
  std::optional<Reduction> reduction = parseReduction(name);
  if (!reduction)
    return diag.fail("unknown reduction '", name,
                     "' (expected \"mean\", \"sum\" or \"none\")");
  return *reduction;
}

/// A scalar for "mean"/"sum"; `unreduced` for "none".
static Type lossType(Reduction reduction, ArrayRef<int64_t> unreduced,
                     Type elementType) {
  if (reduction == Reduction::None)
    return RankedTensorType::get(unreduced, elementType);
  return RankedTensorType::get({}, elementType);
}

static LogicalResult checkLabels(RankedTensorType logits,
                                 RankedTensorType labels,
                                 const ShapeDiag &diag) {
  int64_t n = logits.getDimSize(0);
  if (isa<IntegerType>(labels.getElementType())) {
    if (labels.getRank() != 1 || !compatibleDims(labels.getDimSize(0), n))
      return diag.fail("integer 'labels' must have shape [N] = ",
                       formatShape({n}), ", got ",
                       formatShape(labels.getShape()));
    return success();
  }
  if (labels.getElementType() != logits.getElementType())
    return diag.fail("probability 'labels' have element type ",
                     labels.getElementType(), " but 'logits' have ",
                     logits.getElementType());
  if (labels.getRank() != 2 || !compatibleDims(labels.getDimSize(0), n) ||
      !compatibleDims(labels.getDimSize(1), logits.getDimSize(1)))
    return diag.fail("probability 'labels' must have the shape of 'logits' ",
                     formatShape(logits.getShape()), ", got ",
                     formatShape(labels.getShape()));
  return success();
}

LogicalResult SoftmaxCrossEntropyOp::inferResultTypes(
    Adaptor adaptor, const ShapeDiag &diag, SmallVectorImpl<Type> &types) {
  auto logits = cast<RankedTensorType>(adaptor.getLogits().getType());
  auto labels = cast<RankedTensorType>(adaptor.getLabels().getType());
  FailureOr<Reduction> reduction = checkReduction(adaptor.getReduction(), diag);
  if (failed(reduction) || failed(checkRank(logits, {2}, "logits", diag)) ||
      failed(checkLabels(logits, labels, diag)))
    return failure();
  types.push_back(lossType(*reduction, {logits.getDimSize(0)},
                           logits.getElementType()));
  return success();
}

/// BCE and MSE: input and target of one shape.
template <typename LossAdaptor>
static LogicalResult inferPairwiseLoss(LossAdaptor adaptor,
                                       const ShapeDiag &diag,
                                       SmallVectorImpl<Type> &types) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  auto target = cast<RankedTensorType>(adaptor.getTarget().getType());
  FailureOr<Reduction> reduction = checkReduction(adaptor.getReduction(), diag);
  if (failed(reduction))
    return failure();
  bool same = input.getRank() == target.getRank() &&
              input.getElementType() == target.getElementType();
  for (int64_t i = 0; same && i < input.getRank(); ++i)
    same = compatibleDims(input.getDimSize(i), target.getDimSize(i));
  if (!same)
    return diag.fail("operand 'target' ", target, " must match 'input' ",
                     input);
  types.push_back(
      lossType(*reduction, input.getShape(), input.getElementType()));
  return success();
}

LogicalResult BinaryCrossEntropyOp::inferResultTypes(
    Adaptor adaptor, const ShapeDiag &diag, SmallVectorImpl<Type> &types) {
  return inferPairwiseLoss(adaptor, diag, types);
}

LogicalResult MseLossOp::inferResultTypes(Adaptor adaptor,
                                          const ShapeDiag &diag,
                                          SmallVectorImpl<Type> &types) {
  return inferPairwiseLoss(adaptor, diag, types);
}
