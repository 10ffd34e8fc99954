//===- NormOps.cpp - shapes of batch_norm, dropout, lrn and softmax ------===//

#include "dialects/nn/IR/NNOps.h"

using namespace mlir;
using namespace mlir::nn;

/// Checks a per-channel vector operand of batch_norm: 1-D with C elements.
static LogicalResult checkChannelVector(Value value, StringRef name,
                                        RankedTensorType x,
                                        const ShapeDiag &diag) {
  auto type = cast<RankedTensorType>(value.getType());
  if (failed(checkRank(type, {1}, name, diag)))
    return failure();
  if (!compatibleDims(type.getDimSize(0), x.getDimSize(1)))
    return diag.fail("operand '", name, "' has ", type.getDimSize(0),
                     " elements but 'x' has ", x.getDimSize(1), " channels");
  return success();
}

LogicalResult BatchNormOp::inferResultTypes(Adaptor adaptor,
                                            const ShapeDiag &diag,
                                            SmallVectorImpl<Type> &types) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  if (x.getRank() < 2)
    return diag.fail("operand 'x' must have rank >= 2 (channels on axis 1), "
                     "got rank ",
                     x.getRank());
  if (failed(checkChannelVector(adaptor.getGamma(), "gamma", x, diag)) ||
      failed(checkChannelVector(adaptor.getBeta(), "beta", x, diag)) ||
      failed(checkChannelVector(adaptor.getMean(), "mean", x, diag)) ||
      failed(checkChannelVector(adaptor.getVar(), "var", x, diag)))
    return failure();
  float epsilon = adaptor.getEpsilon().convertToFloat();
  float momentum = adaptor.getMomentum().convertToFloat();
  if (!(epsilon >= 0.0f))
    return diag.fail("'epsilon' must be non-negative, got ", epsilon);
  if (!(momentum >= 0.0f && momentum <= 1.0f))
    return diag.fail("'momentum' must be in [0, 1], got ", momentum);
  types.append({x, adaptor.getMean().getType(), adaptor.getVar().getType()});
  return success();
}

LogicalResult DropoutOp::inferResultTypes(Adaptor adaptor,
                                          const ShapeDiag &diag,
                                          SmallVectorImpl<Type> &types) {
  float rate = adaptor.getRate().convertToFloat();
  if (!(rate >= 0.0f && rate < 1.0f))
    return diag.fail("'rate' must be in [0, 1), got ", rate);
  types.push_back(adaptor.getX().getType());
  return success();
}

LogicalResult LrnOp::inferResultTypes(Adaptor adaptor, const ShapeDiag &diag,
                                      SmallVectorImpl<Type> &types) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  if (x.getRank() < 3)
    return diag.fail("operand 'x' must have rank >= 3 (N, C, ...), got rank ",
                     x.getRank());
  if (adaptor.getSize() < 1)
    return diag.fail("'size' must be positive, got ", adaptor.getSize());
  types.push_back(x);
  return success();
}

template <typename SoftmaxAdaptor>
static LogicalResult inferSoftmaxResult(SoftmaxAdaptor adaptor,
                                        const ShapeDiag &diag,
                                        SmallVectorImpl<Type> &types) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  if (x.getRank() < 1)
    return diag.fail("operand 'x' must have rank >= 1, got rank 0");
  if (failed(normalizeAxis(adaptor.getAxis(), x.getRank(), "axis", diag)))
    return failure();
  types.push_back(x);
  return success();
}

LogicalResult SoftmaxOp::inferResultTypes(Adaptor adaptor,
                                          const ShapeDiag &diag,
                                          SmallVectorImpl<Type> &types) {
  return inferSoftmaxResult(adaptor, diag, types);
}

LogicalResult LogSoftmaxOp::inferResultTypes(Adaptor adaptor,
                                             const ShapeDiag &diag,
                                             SmallVectorImpl<Type> &types) {
  return inferSoftmaxResult(adaptor, diag, types);
}
