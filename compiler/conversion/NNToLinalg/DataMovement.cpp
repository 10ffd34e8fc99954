//===- DataMovement.cpp - reshape, broadcast_to, transpose, concat --------===//
//
//   reshape      → tensor.collapse_shape or tensor.expand_shape when it only
//                  merges or splits neighbouring dimensions, otherwise a
//                  collapse to 1-D followed by an expand (both views, never
//                  copies); a dynamic leading result size is the element
//                  count divided by the static result sizes
//   broadcast_to → linalg.broadcast when it only adds leading dimensions,
//                  otherwise a linalg.generic with broadcasting maps
//   transpose    → linalg.transpose
//   concat       → tensor.insert_slice of each input into a tensor.empty,
//                  at offsets summed along `axis` (tensor.dim when dynamic)
//   slice        → tensor.extract_slice
//   expand_as    → a linalg.generic with broadcasting maps into a tensor
//                  sized like `like`
//
// These ops also accept integer and i1 tensors; nothing here depends on the
// element type.
//
//===----------------------------------------------------------------------===//

#include "compiler/conversion/NNToLinalg/LoweringUtils.h"
#include "compiler/conversion/NNToLinalg/PopulatePatterns.h"
#include "compiler/conversion/NNToLinalg/StructuredBuilders.h"
#include "dialects/nn/IR/NNOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace nnc::structured;

namespace {

//===----------------------------------------------------------------------===//
// Index arithmetic on sizes, folded when static
//===----------------------------------------------------------------------===//

OpFoldResult addSizes(OpBuilder &b, Location loc, OpFoldResult x,
                      OpFoldResult y) {
  std::optional<int64_t> cx = getConstantIntValue(x);
  std::optional<int64_t> cy = getConstantIntValue(y);
  if (cx && cy)
    return b.getIndexAttr(*cx + *cy);
  if (cx == 0 || cy == 0)
    return cx == 0 ? y : x;
  return b
      .create<arith::AddIOp>(loc, getValueOrCreateConstantIndexOp(b, loc, x),
                             getValueOrCreateConstantIndexOp(b, loc, y))
      .getResult();
}

OpFoldResult divideSize(OpBuilder &b, Location loc, OpFoldResult x,
                        int64_t divisor) {
  // No elements: any size fits, and 0 keeps the constant fold defined.
  if (divisor == 0)
    return b.getIndexAttr(0);
  if (std::optional<int64_t> cx = getConstantIntValue(x))
    return b.getIndexAttr(*cx / divisor);
  if (divisor == 1)
    return x;
  Value constant = b.create<arith::ConstantIndexOp>(loc, divisor);
  return b.create<arith::DivUIOp>(loc, cast<Value>(x), constant).getResult();
}

//===----------------------------------------------------------------------===//
// reshape
//===----------------------------------------------------------------------===//

/// True when each group of `groups` (indices into the larger shape `wide`)
/// can have the size of the corresponding dimension of `narrow`: static
/// sizes multiply out, and a dynamic one follows from the element count
/// (reshape results are dynamic only in dimension 0, so one group at most).
bool isValidRegrouping(ArrayRef<int64_t> wide, ArrayRef<int64_t> narrow,
                       ArrayRef<ReassociationIndices> groups) {
  for (auto [group, size] : llvm::zip_equal(groups, narrow)) {
    if (ShapedType::isDynamic(size))
      continue;
    if (llvm::any_of(group,
                     [&](int64_t i) { return ShapedType::isDynamic(wide[i]); }))
      return false;
    int64_t product = 1;
    for (int64_t i : group)
      product *= wide[i];
    if (product != size)
      return false;
  }
  return true;
}

/// `source` split into `target`'s dimensions by `groups` (one group of
/// target dimensions per source dimension). A dynamic target size is the
/// source size divided by the static sizes of its group.
Value expandTo(OpBuilder &b, Location loc, Value source,
               RankedTensorType target, ArrayRef<ReassociationIndices> groups) {
  SmallVector<OpFoldResult> sourceSizes = sizesOf(b, loc, source);
  // Only a rank-0 source leaves dimensions out of every group: all are 1.
  SmallVector<OpFoldResult> sizes(target.getRank(), b.getIndexAttr(1));
  for (auto [sourceDim, group] : llvm::enumerate(groups)) {
    int64_t staticProduct = 1;
    for (int64_t i : group)
      if (!target.isDynamicDim(i))
        staticProduct *= target.getDimSize(i);
    for (int64_t i : group)
      sizes[i] = target.isDynamicDim(i)
                     ? divideSize(b, loc, sourceSizes[sourceDim], staticProduct)
                     : b.getIndexAttr(target.getDimSize(i));
  }
  return b.create<tensor::ExpandShapeOp>(
      loc, typeOf(sizes, target.getElementType()), source, groups, sizes);
}

/// `value` as a 1-D tensor (row-major).
Value flatten(OpBuilder &b, Location loc, Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getRank() == 1)
    return value;
  if (type.getRank() == 0)
    return expandTo(b, loc, value,
                    RankedTensorType::get({1}, type.getElementType()), {});
  ReassociationIndices all =
      llvm::to_vector(llvm::seq<int64_t>(type.getRank()));
  return b.create<tensor::CollapseShapeOp>(loc, value,
                                           ArrayRef<ReassociationIndices>{all});
}

/// The 1-D `flat` split into `target`'s shape.
Value unflatten(OpBuilder &b, Location loc, Value flat,
                RankedTensorType target) {
  if (target.getRank() == 1)
    return flat;
  if (target.getRank() == 0) // The verifier guarantees a static tensor<1xT>.
    return b.create<tensor::CollapseShapeOp>(
        loc,
        castTo(b, loc, flat,
               RankedTensorType::get({1}, target.getElementType())),
        ArrayRef<ReassociationIndices>{});
  ReassociationIndices all =
      llvm::to_vector(llvm::seq<int64_t>(target.getRank()));
  return expandTo(b, loc, flat, target, {all});
}

/// `x` reshaped to `target` (row-major), with views only.
Value reshapeTo(OpBuilder &b, Location loc, Value x, RankedTensorType target) {
  auto source = cast<RankedTensorType>(x.getType());
  if (source.getShape() == target.getShape())
    return x;
  std::optional<SmallVector<ReassociationIndices>> groups =
      getReassociationIndicesForReshape(source, target);
  if (groups && source.getRank() > target.getRank() &&
      isValidRegrouping(source.getShape(), target.getShape(), *groups))
    return b.create<tensor::CollapseShapeOp>(loc, x, *groups);
  // An expand may split only the dynamic batch: its group then holds the
  // one dynamic result size, the batch of the result.
  if (groups && source.getRank() < target.getRank() &&
      isValidRegrouping(target.getShape(), source.getShape(), *groups) &&
      llvm::none_of(source.getShape().drop_front(), ShapedType::isDynamic))
    return expandTo(b, loc, x, target, *groups);
  return unflatten(b, loc, flatten(b, loc, x), target);
}

// reshape(x) = expand(collapse(x)) in row-major order
struct ReshapeLowering : OpConversionPattern<nn::ReshapeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::ReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = op.getType();
    Value result = reshapeTo(rewriter, op.getLoc(), adaptor.getX(), type);
    rewriter.replaceOp(op, castTo(rewriter, op.getLoc(), result, type));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// broadcast_to, transpose, concat
//===----------------------------------------------------------------------===//

// broadcast_to(x)[i] = x[bcast(i)]
struct BroadcastToLowering : OpConversionPattern<nn::BroadcastToOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::BroadcastToOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getX();
    RankedTensorType type = op.getType();
    FailureOr<SmallVector<OpFoldResult>> sizes =
        broadcastSizes(rewriter, loc, type, x);
    if (failed(sizes))
      return op.emitOpError("cannot be lowered: a dynamic result size is not "
                            "a size of the input, so nothing determines it");
    Value init = emptyTensor(rewriter, loc, *sizes, type.getElementType());
    rewriter.replaceOp(
        op, castTo(rewriter, loc, broadcast(rewriter, x, init), type));
    return success();
  }

  /// linalg.broadcast when `x` only gains leading dimensions (the named op
  /// cannot stretch size-1 dimensions), a broadcasting generic otherwise.
  static Value broadcast(OpBuilder &b, Value x, Value init) {
    Location loc = x.getLoc();
    auto from = cast<RankedTensorType>(x.getType());
    auto to = cast<RankedTensorType>(init.getType());
    int64_t added = to.getRank() - from.getRank();
    if (from.getShape() == to.getShape().drop_front(added))
      return b
          .create<linalg::BroadcastOp>(
              loc, x, init, llvm::to_vector(llvm::seq<int64_t>(added)))
          .getResult()[0];
    AffineMap map = broadcastMap(b.getContext(), from, to);
    return mapGeneric(
        b, loc, x, map, init,
        [](OpBuilder &, Location, ValueRange args) { return args[0]; });
  }
};

// transpose(x)[i_0, ..., i_n] = x[i_perm⁻¹(0), ..., i_perm⁻¹(n)]
struct TransposeLowering : OpConversionPattern<nn::TransposeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value result =
        transposed(rewriter, op.getLoc(), adaptor.getX(), op.getPermutation());
    rewriter.replaceOp(op, result);
    return success();
  }
};

// concat(x_0, ..., x_k)[..., o_j + i, ...] = x_j[..., i, ...] along axis,
// with o_j = Σ_{l<j} dim(x_l, axis)
struct ConcatLowering : OpConversionPattern<nn::ConcatOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    int64_t axis = static_cast<int64_t>(op.getAxis());
    if (axis < 0)
      axis += type.getRank();
    ValueRange inputs = adaptor.getInputs();
    Value result =
        emptyTensor(rewriter, loc, resultSizes(rewriter, loc, inputs, axis),
                    type.getElementType());
    SmallVector<OpFoldResult> offsets(type.getRank(), rewriter.getIndexAttr(0));
    SmallVector<OpFoldResult> strides(type.getRank(), rewriter.getIndexAttr(1));
    for (auto [index, input] : llvm::enumerate(inputs)) {
      SmallVector<OpFoldResult> sizes = sizesOf(rewriter, loc, input);
      result = rewriter.create<tensor::InsertSliceOp>(loc, input, result,
                                                      offsets, sizes, strides);
      if (index + 1 < inputs.size())
        offsets[axis] = addSizes(rewriter, loc, offsets[axis], sizes[axis]);
    }
    rewriter.replaceOp(op, result);
    return success();
  }

  /// The first input's sizes with the sum of all along `axis`, exactly the
  /// inferred result shape.
  static SmallVector<OpFoldResult>
  resultSizes(OpBuilder &b, Location loc, ValueRange inputs, int64_t axis) {
    SmallVector<OpFoldResult> sizes = sizesOf(b, loc, inputs[0]);
    for (Value input : inputs.drop_front())
      sizes[axis] = addSizes(b, loc, sizes[axis],
                             tensor::getMixedSize(b, loc, input, axis));
    return sizes;
  }
};

// slice(x)[..., i, ...] = x[..., start + i, ...] along axis
struct SliceLowering : OpConversionPattern<nn::SliceOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::SliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    int64_t rank = type.getRank(), axis = op.getAxis();
    if (axis < 0)
      axis += rank;
    SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0));
    SmallVector<OpFoldResult> strides(rank, rewriter.getIndexAttr(1));
    SmallVector<OpFoldResult> sizes = sizesOf(rewriter, loc, adaptor.getX());
    offsets[axis] = rewriter.getIndexAttr(op.getStart());
    sizes[axis] = rewriter.getIndexAttr(op.getSize());
    rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
        op, type, adaptor.getX(), offsets, sizes, strides);
    return success();
  }
};

// expand_as(x, like)[i] = x[bcast(i)] with the sizes of `like`
struct ExpandAsLowering : OpConversionPattern<nn::ExpandAsOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::ExpandAsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    Value init =
        emptyTensor(rewriter, loc, sizesOf(rewriter, loc, adaptor.getLike()),
                    type.getElementType());
    Value x = adaptor.getX();
    AffineMap map = broadcastMap(rewriter.getContext(),
                                 cast<RankedTensorType>(x.getType()), type);
    rewriter.replaceOp(op, mapGeneric(rewriter, loc, x, map, init,
                                      [](OpBuilder &, Location,
                                         ValueRange args) { return args[0]; }));
    return success();
  }
};

} // namespace

void nnc::populateDataMovementLoweringPatterns(RewritePatternSet &patterns) {
  patterns.add<ReshapeLowering, BroadcastToLowering, TransposeLowering,
               ConcatLowering, SliceLowering, ExpandAsLowering>(
      patterns.getContext());
}
