//===- ElementwiseOps.cpp - shapes of prelu and bias_add ------------------===//
//
// Unary ops take their type from SameOperandsAndResultType and binary ops
// from inferBroadcastResult (see ElementwiseOps.td).
//
//===----------------------------------------------------------------------===//

#include "dialects/nn/IR/NNOps.h"

using namespace mlir;
using namespace mlir::nn;

LogicalResult PReluOp::inferResultTypes(Adaptor adaptor,
                                        const ShapeDiag &diag,
                                        SmallVectorImpl<Type> &types) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  auto slope = cast<RankedTensorType>(adaptor.getSlope().getType());
  if (x.getRank() < 2)
    return diag.fail("operand 'x' must have rank >= 2 (channels on axis 1), "
                     "got rank ",
                     x.getRank());
  if (failed(checkRank(slope, {1}, "slope", diag)))
    return failure();
  int64_t channels = x.getDimSize(1), count = slope.getDimSize(0);
  if (count != 1 && !compatibleDims(count, channels))
    return diag.fail("operand 'slope' has ", count,
                     " elements but 'x' has ", channels,
                     " channels (expected ", channels, " or 1)");
  if (slope.getElementType() != x.getElementType())
    return diag.fail("operand 'slope' has element type ",
                     slope.getElementType(), " but 'x' has ",
                     x.getElementType());
  types.push_back(x);
  return success();
}

LogicalResult BiasAddOp::inferResultTypes(Adaptor adaptor,
                                          const ShapeDiag &diag,
                                          SmallVectorImpl<Type> &types) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  auto bias = cast<RankedTensorType>(adaptor.getBias().getType());
  FailureOr<int64_t> axis =
      normalizeAxis(adaptor.getAxis(), x.getRank(), "axis", diag);
  if (failed(axis) || failed(checkRank(bias, {1}, "bias", diag)))
    return failure();
  if (!compatibleDims(bias.getDimSize(0), x.getDimSize(*axis)))
    return diag.fail("operand 'bias' has ", bias.getDimSize(0),
                     " elements but 'x' has size ", x.getDimSize(*axis),
                     " along axis ", *axis);
  if (bias.getElementType() != x.getElementType())
    return diag.fail("operand 'bias' has element type ", bias.getElementType(),
                     " but 'x' has ", x.getElementType());
  types.push_back(x);
  return success();
}
