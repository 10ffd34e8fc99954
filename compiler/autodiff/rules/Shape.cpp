//===- Shape.cpp - VJP rules of reductions and data movement --------------===//
//
// A reduction spreads its cotangent back over the reduced axes (nn.expand_as
// takes the sizes from x, so a dynamic batch works); data movement ops move
// the cotangent back where the elements came from.
//
// reduce_max routes g to the positions that hold the maximum. When several
// positions tie, g is split evenly among them: this is the gradient of
// torch.amax (torch.max(x, dim) instead sends all of it to one index), and
// it is the one a numerical derivative agrees with on a symmetric tie.
//
//===----------------------------------------------------------------------===//

#include "compiler/autodiff/rules/RuleModel.h"

using namespace mlir;
using namespace nnc::autodiff;

namespace {

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

// d/dx reduce_sum(x) = g spread over the reduced axes
Grads reduceSumVjp(nn::ReduceSumOp op, GradBuilder &b, Value g) {
  Value x = op.getX();
  Value kept = b.keepDims(g, op.getX().getType(), op.getReducedAxes());
  return grads({b.castTo(b.expandAs(kept, x), x.getType())});
}

// d/dx reduce_mean(x) = g / n spread over the reduced axes (n elements each)
Grads reduceMeanVjp(nn::ReduceMeanOp op, GradBuilder &b, Value g) {
  Value x = op.getX();
  SmallVector<int64_t> axes = op.getReducedAxes();
  Value kept = b.keepDims(g, op.getX().getType(), axes);
  Value scaled = b.divideByCount(kept, x, axes);
  return grads({b.castTo(b.expandAs(scaled, x), x.getType())});
}

// d/dx reduce_max(x) = g · [x = y] / #{x = y}, per reduced lane
Grads reduceMaxVjp(nn::ReduceMaxOp op, GradBuilder &b, Value g) {
  Value x = op.getX();
  RankedTensorType xType = op.getX().getType();
  SmallVector<int64_t> axes = op.getReducedAxes();
  Value winners = b.compare("eq", x, b.keepDims(op.getY(), xType, axes));
  Value ties = b.reduceSum(b.indicator(winners, x), axes, /*keepDims=*/true);
  Value share = b.div(b.keepDims(g, xType, axes), ties);
  return grads({b.select(winners, share, b.zero(g))});
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

// d/dx reshape(x) = reshape(g) to x's shape
Grads reshapeVjp(nn::ReshapeOp op, GradBuilder &b, Value g) {
  return grads({b.reshape(g, op.getX().getType())});
}

// d/dx broadcast_to(x) = g summed over the broadcast dimensions
Grads broadcastToVjp(nn::BroadcastToOp op, GradBuilder &b, Value g) {
  return grads({b.unbroadcast(g, op.getX().getType())});
}

// d/dx expand_as(x, like) = g summed over the broadcast dimensions; `like`
// contributes only its shape
Grads expandAsVjp(nn::ExpandAsOp op, GradBuilder &b, Value g) {
  return grads({b.unbroadcast(g, op.getX().getType()), Value()});
}

// d/dx transpose(x, p) = transpose(g, p⁻¹)
Grads transposeVjp(nn::TransposeOp op, GradBuilder &b, Value g) {
  ArrayRef<int64_t> perm = op.getPermutation();
  SmallVector<int64_t> inverse(perm.size());
  for (auto [index, dim] : llvm::enumerate(perm))
    inverse[dim] = static_cast<int64_t>(index);
  return grads({b.castTo(b.transpose(g, inverse), op.getX().getType())});
}

// d/dx_j concat(x_0, ..., x_k) = g[..., o_j : o_j + n_j, ...] along axis
Grads concatVjp(nn::ConcatOp op, GradBuilder &b, Value g) {
  int64_t rank = op.getType().getRank();
  int64_t axis = static_cast<int64_t>(op.getAxis());
  if (axis < 0)
    axis += rank;
  SmallVector<Value> result;
  int64_t start = 0;
  for (auto [index, input] : llvm::enumerate(op.getInputs())) {
    auto type = cast<RankedTensorType>(input.getType());
    if (type.isDynamicDim(axis))
      return op.emitOpError()
             << "cannot be differentiated: input #" << index
             << " has a dynamic size along the concatenated axis " << axis;
    int64_t size = type.getDimSize(axis);
    result.push_back(b.castTo(b.slice(g, axis, start, size), type));
    start += size;
  }
  return result;
}

// d/dx slice(x) = g placed at [start, start + size) along axis, 0 elsewhere
Grads sliceVjp(nn::SliceOp op, GradBuilder &b, Value g) {
  Value x = op.getX();
  RankedTensorType xType = op.getX().getType();
  int64_t axis = static_cast<int64_t>(op.getAxis());
  if (axis < 0)
    axis += xType.getRank();
  int64_t start = op.getStart(), end = start + op.getSize();
  if (xType.isDynamicDim(axis))
    return op.emitOpError() << "cannot be differentiated: 'x' has a dynamic "
                               "size along the sliced axis "
                            << axis;
  Value zeros = b.expandAs(b.zero(g), x);
  SmallVector<Value> pieces;
  if (start > 0)
    pieces.push_back(b.slice(zeros, axis, 0, start));
  pieces.push_back(g);
  if (end < xType.getDimSize(axis))
    pieces.push_back(b.slice(zeros, axis, end, xType.getDimSize(axis) - end));
  return grads({b.castTo(b.concat(pieces, axis), xType)});
}

} // namespace

void nnc::autodiff::attachShapeRules(MLIRContext *context) {
  attachRule<nn::ReduceSumOp, reduceSumVjp>(context);
  attachRule<nn::ReduceMeanOp, reduceMeanVjp>(context);
  attachRule<nn::ReduceMaxOp, reduceMaxVjp>(context);
  attachRule<nn::ReshapeOp, reshapeVjp>(context);
  attachRule<nn::BroadcastToOp, broadcastToVjp>(context);
  attachRule<nn::ExpandAsOp, expandAsVjp>(context);
  attachRule<nn::TransposeOp, transposeVjp>(context);
  attachRule<nn::ConcatOp, concatVjp>(context);
  attachRule<nn::SliceOp, sliceVjp>(context);
}
