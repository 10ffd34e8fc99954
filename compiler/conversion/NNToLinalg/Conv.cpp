//===- Conv.cpp - nn.conv2d to linalg convolutions ------------------------===//
//
// conv2d is a zero-padded cross-correlation, so it becomes tensor.pad with
// zeros followed by a named linalg convolution accumulating into a
// zero-filled result:
//
//   groups = 1                 → linalg.conv_2d_nchw_fchw
//   groups = C = F (depthwise) → linalg.depthwise_conv_2d_nchw_chw
//   otherwise                  → linalg.conv_2d_ngchw_gfchw on x viewed as
//                                [N, G, C/G, H, W] and the filter as
//                                [G, F/G, C/G, KH, KW], result collapsed back
//
// The group views are expand_shape/collapse_shape, never copies: filter f
// belongs to group f / (F/G), which is exactly the row-major split of F.
//
//===----------------------------------------------------------------------===//

#include "compiler/conversion/NNToLinalg/PopulatePatterns.h"
#include "compiler/conversion/NNToLinalg/StructuredBuilders.h"
#include "dialects/nn/IR/NNOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace nnc::structured;

namespace {

/// What every conv2d variant shares: the zero-padded input, the result sizes
/// [N, F, OH, OW] and the zero to accumulate from.
struct ConvPieces {
  Value padded;
  Value zero;
  SmallVector<OpFoldResult> resultSizes;
  DenseIntElementsAttr strides, dilations;
};
} // namespace

static ConvPieces prepareConv(OpBuilder &b, nn::Conv2DOp op) {
  Location loc = op.getLoc();
  auto filterType = cast<RankedTensorType>(op.getFilter().getType());
  ArrayRef<int64_t> dilations = op.getDilations();
  ConvPieces pieces;
  pieces.zero = floatConstant(b, loc, filterType.getElementType(), 0.0);
  pieces.padded = padSpatial(b, loc, op.getX(), op.getPadding(), pieces.zero);
  // The window covers dilation·(K − 1) + 1 padded input elements.
  int64_t extents[2] = {dilations[0] * (filterType.getDimSize(2) - 1) + 1,
                        dilations[1] * (filterType.getDimSize(3) - 1) + 1};
  OpFoldResult filters = sizeOf(b, loc, op.getFilter(), 0);
  pieces.resultSizes = windowResultSizes(b, loc, pieces.padded, filters,
                                         extents, op.getStrides());
  pieces.strides = pairAttr(b, op.getStrides());
  pieces.dilations = pairAttr(b, dilations);
  return pieces;
}

/// size / divisor for a size that `divisor` divides.
static OpFoldResult divideSize(OpBuilder &b, Location loc, OpFoldResult size,
                               int64_t divisor) {
  if (std::optional<int64_t> value = getConstantIntValue(size))
    return b.getIndexAttr(*value / divisor);
  Value d = b.create<arith::ConstantIndexOp>(loc, divisor);
  return b.create<arith::DivUIOp>(loc, cast<Value>(size), d).getResult();
}

/// y = conv_2d_nchw_fchw(x_pad, w).
static Value buildPlainConv(OpBuilder &b, nn::Conv2DOp op,
                            const ConvPieces &p) {
  Location loc = op.getLoc();
  Value init = filledTensor(b, loc, p.resultSizes, p.zero);
  return b
      .create<linalg::Conv2DNchwFchwOp>(loc, init.getType(),
                                        ValueRange{p.padded, op.getFilter()},
                                        init, p.strides, p.dilations)
      .getResult(0);
}

/// One filter per channel: w [C, 1, KH, KW] is the depthwise [C, KH, KW].
static bool isDepthwise(nn::Conv2DOp op) {
  int64_t channels = cast<RankedTensorType>(op.getX().getType()).getDimSize(1);
  int64_t filters =
      cast<RankedTensorType>(op.getFilter().getType()).getDimSize(0);
  int64_t groups = op.getGroupsAttr().getInt();
  return channels == groups && filters == groups;
}

/// y = depthwise_conv_2d_nchw_chw(x_pad, collapse(w)).
static Value buildDepthwiseConv(OpBuilder &b, nn::Conv2DOp op,
                                const ConvPieces &p) {
  Location loc = op.getLoc();
  auto filterType = cast<RankedTensorType>(op.getFilter().getType());
  auto kernelType =
      RankedTensorType::get({filterType.getDimSize(0), filterType.getDimSize(2),
                             filterType.getDimSize(3)},
                            filterType.getElementType());
  SmallVector<ReassociationIndices> reassociation = {{0, 1}, {2}, {3}};
  Value kernel = b.create<tensor::CollapseShapeOp>(
      loc, kernelType, op.getFilter(), reassociation);
  Value init = filledTensor(b, loc, p.resultSizes, p.zero);
  return b
      .create<linalg::DepthwiseConv2DNchwChwOp>(loc, init.getType(),
                                                ValueRange{p.padded, kernel},
                                                init, p.strides, p.dilations)
      .getResult(0);
}

/// Splits dimension `dim` of `value` into [groups, size / groups].
static Value splitGroups(OpBuilder &b, Location loc, Value value, int64_t dim,
                         int64_t groups, OpFoldResult perGroup) {
  auto type = cast<RankedTensorType>(value.getType());
  // expand_shape needs a static source dimension when every part of its
  // split is static, so refine a `?` that the filter shape pins down.
  if (std::optional<int64_t> part = getConstantIntValue(perGroup)) {
    SmallVector<int64_t> shape(type.getShape());
    shape[dim] = groups * *part;
    value = castTo(b, loc, value, type.clone(shape));
  }
  SmallVector<OpFoldResult> sizes = sizesOf(b, loc, value);
  sizes[dim] = perGroup;
  sizes.insert(sizes.begin() + dim, b.getIndexAttr(groups));
  SmallVector<ReassociationIndices> reassociation;
  for (int64_t i = 0, e = sizes.size(); i < e; ++i) {
    if (i == dim + 1)
      reassociation.back().push_back(i);
    else
      reassociation.push_back({i});
  }
  Type elementType = cast<RankedTensorType>(value.getType()).getElementType();
  return b.create<tensor::ExpandShapeOp>(loc, typeOf(sizes, elementType), value,
                                         reassociation, sizes);
}

/// y = collapse(conv_2d_ngchw_gfchw(split(x_pad), split(w))).
static Value buildGroupedConv(OpBuilder &b, nn::Conv2DOp op,
                              const ConvPieces &p) {
  Location loc = op.getLoc();
  int64_t groups = op.getGroupsAttr().getInt();
  OpFoldResult channelsPerGroup = sizeOf(b, loc, op.getFilter(), 1);
  OpFoldResult filtersPerGroup =
      divideSize(b, loc, sizeOf(b, loc, op.getFilter(), 0), groups);
  Value x = splitGroups(b, loc, p.padded, 1, groups, channelsPerGroup);
  Value w = splitGroups(b, loc, op.getFilter(), 0, groups, filtersPerGroup);
  SmallVector<OpFoldResult> groupedSizes = p.resultSizes;
  groupedSizes[1] = filtersPerGroup;
  groupedSizes.insert(groupedSizes.begin() + 1, b.getIndexAttr(groups));
  Value init = filledTensor(b, loc, groupedSizes, p.zero);
  Value grouped = b.create<linalg::Conv2DNgchwGfchwOp>(loc, init.getType(),
                                                       ValueRange{x, w}, init,
                                                       p.strides, p.dilations)
                      .getResult(0);
  SmallVector<ReassociationIndices> reassociation = {{0}, {1, 2}, {3}, {4}};
  Type elementType = cast<RankedTensorType>(init.getType()).getElementType();
  return b.create<tensor::CollapseShapeOp>(
      loc, typeOf(p.resultSizes, elementType), grouped, reassociation);
}

namespace {
struct ConvertConv2D : OpRewritePattern<nn::Conv2DOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(nn::Conv2DOp op,
                                PatternRewriter &rewriter) const override {
    ConvPieces pieces = prepareConv(rewriter, op);
    Value y;
    if (op.getGroups() == 1)
      y = buildPlainConv(rewriter, op, pieces);
    else if (isDepthwise(op))
      y = buildDepthwiseConv(rewriter, op, pieces);
    else
      y = buildGroupedConv(rewriter, op, pieces);
    rewriter.replaceOp(op, castTo(rewriter, op.getLoc(), y, op.getType()));
    return success();
  }
};

} // namespace

void nnc::populateConvLoweringPatterns(RewritePatternSet &patterns) {
  patterns.add<ConvertConv2D>(patterns.getContext());
}
