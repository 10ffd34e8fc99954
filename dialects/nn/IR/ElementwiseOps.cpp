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

LogicalResult CompareOp::inferResultTypes(Adaptor adaptor,
                                          const ShapeDiag &diag,
                                          SmallVectorImpl<Type> &types) {
  static const char *const predicates[] = {"gt", "ge", "lt", "le", "eq", "ne"};
  if (!llvm::is_contained(predicates, adaptor.getPredicate()))
    return diag.fail("unknown predicate '", adaptor.getPredicate(),
                     "' (expected \"gt\", \"ge\", \"lt\", \"le\", \"eq\" or "
                     "\"ne\")");
  SmallVector<Type> broadcast;
  if (failed(inferBroadcastResult(adaptor.getLhs().getType(),
                                  adaptor.getRhs().getType(), diag, broadcast)))
    return failure();
  auto shape = cast<RankedTensorType>(broadcast[0]).getShape();
  types.push_back(RankedTensorType::get(
      shape, IntegerType::get(adaptor.getLhs().getContext(), 1)));
  return success();
}

LogicalResult SelectOp::inferResultTypes(Adaptor adaptor, const ShapeDiag &diag,
                                         SmallVectorImpl<Type> &types) {
  auto cond = cast<RankedTensorType>(adaptor.getCond().getType());
  auto a = cast<RankedTensorType>(adaptor.getA().getType());
  auto b = cast<RankedTensorType>(adaptor.getB().getType());
  if (a.getElementType() != b.getElementType())
    return diag.fail("operand 'b' has element type ", b.getElementType(),
                     " but 'a' has ", a.getElementType());
  FailureOr<SmallVector<int64_t>> shape =
      broadcastShapes(cond.getShape(), a.getShape());
  if (succeeded(shape))
    shape = broadcastShapes(*shape, b.getShape());
  if (failed(shape))
    return diag.fail(
        "operands are not broadcast-compatible: ", formatShape(cond.getShape()),
        ", ", formatShape(a.getShape()), " and ", formatShape(b.getShape()));
  types.push_back(RankedTensorType::get(*shape, a.getElementType()));
  return success();
}
