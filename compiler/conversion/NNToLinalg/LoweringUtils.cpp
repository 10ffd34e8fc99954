//===- LoweringUtils.cpp - broadcasting and permutation builders ---------===//

#include "compiler/conversion/NNToLinalg/LoweringUtils.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

namespace nnc::structured {

/// True when operand dimension `size` is stretched to result size `target`.
static bool isStretched(int64_t size, int64_t target) {
  return size == 1 && target != 1;
}

AffineMap broadcastMap(MLIRContext *context, RankedTensorType operand,
                       RankedTensorType result) {
  int64_t offset = result.getRank() - operand.getRank();
  SmallVector<AffineExpr> exprs;
  for (int64_t i = 0; i < operand.getRank(); ++i) {
    bool stretched =
        isStretched(operand.getDimSize(i), result.getDimSize(i + offset));
    exprs.push_back(stretched ? getAffineConstantExpr(0, context)
                              : getAffineDimExpr(i + offset, context));
  }
  return AffineMap::get(result.getRank(), 0, exprs, context);
}

/// The size of result dimension `dim` read from an operand that spans it.
static FailureOr<OpFoldResult> dynamicSize(OpBuilder &b, Location loc,
                                           RankedTensorType result, int64_t dim,
                                           ValueRange operands) {
  for (Value operand : operands) {
    auto type = cast<RankedTensorType>(operand.getType());
    int64_t operandDim = dim - (result.getRank() - type.getRank());
    if (operandDim < 0 || type.getDimSize(operandDim) == 1)
      continue;
    return tensor::getMixedSize(b, loc, operand, operandDim);
  }
  return failure();
}

FailureOr<SmallVector<OpFoldResult>> broadcastSizes(OpBuilder &b, Location loc,
                                                    RankedTensorType result,
                                                    ValueRange operands) {
  SmallVector<OpFoldResult> sizes;
  for (int64_t dim = 0; dim < result.getRank(); ++dim) {
    if (!result.isDynamicDim(dim)) {
      sizes.push_back(b.getIndexAttr(result.getDimSize(dim)));
      continue;
    }
    FailureOr<OpFoldResult> size = dynamicSize(b, loc, result, dim, operands);
    if (failed(size))
      return failure();
    sizes.push_back(*size);
  }
  return sizes;
}

FailureOr<Value> broadcastGeneric(OpBuilder &b, Location loc,
                                  RankedTensorType result, ValueRange inputs,
                                  BodyFn body) {
  FailureOr<SmallVector<OpFoldResult>> sizes =
      broadcastSizes(b, loc, result, inputs);
  if (failed(sizes))
    return failure();
  SmallVector<AffineMap> maps;
  for (Value input : inputs)
    maps.push_back(broadcastMap(
        b.getContext(), cast<RankedTensorType>(input.getType()), result));
  Value init = emptyTensor(b, loc, *sizes, result.getElementType());
  // A declared broadcast_to type may be more static than the input.
  Value mapped = mapGeneric(b, loc, inputs, maps, init, body);
  return castTo(b, loc, mapped, result);
}

Value transposed(OpBuilder &b, Location loc, Value value,
                 ArrayRef<int64_t> permutation) {
  SmallVector<OpFoldResult> sizes = sizesOf(b, loc, value);
  SmallVector<OpFoldResult> permuted;
  for (int64_t dim : permutation)
    permuted.push_back(sizes[dim]);
  auto type = cast<RankedTensorType>(value.getType());
  Value init = emptyTensor(b, loc, permuted, type.getElementType());
  return b.create<linalg::TransposeOp>(loc, value, init, permutation)
      .getResult()[0];
}

} // namespace nnc::structured
