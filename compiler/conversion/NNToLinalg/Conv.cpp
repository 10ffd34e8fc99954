//===- Conv.cpp - nn.conv2d and its gradients to linalg convolutions ------===//
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
// The gradient with respect to the input is itself such a convolution (the
// transposed convolution), so it takes the same named ops and the CPU
// backend's direct convolution codegen:
//
//   dx = conv(spread(dy), flip(w)ᵀ)   stride 1, the forward dilation d
//
// spread(dy) puts dy[i] at d·(K − 1) − pad_top + i·stride of a zero tensor
// of H + d·(K − 1) rows (likewise for columns), and flip(w)ᵀ is the filter
// with each kernel rotated by 180° and the filters and channels of each
// group swapped: [C, F/G, KH, KW]. Every dx[h] then sums exactly the
// dy[i]·w[p] with h = i·stride − pad_top + p·d.
//
// The gradient with respect to the filter correlates x with dy, the output
// positions becoming the reduction:
//
//   dw[g, f, c, p, q] = Σ_{n, i, j} dy[n, g, f, i, j] ·
//                       x_pad[n, g, c, i·sh + p·dh, j·sw + q·dw]
//
// As one scalar generic this is a long sum LLVM cannot vectorize (that would
// reassociate it), so it is split into GEMMs the CPU backend recognizes:
//
//   col[n, g, (c, p, q), (i, j)] = x_pad[n, g, c, i·sh + p·dh, j·sw + q·dw]
//   partial[n, g, f, r]          = Σ_k dy[n, g, f, k] · col[n, g, r, k]
//   dw[g, f, r]                  = Σ_n partial[n, g, f, r]
//
// im2col per image, a batched matmul_transpose_b per image (m = F/G,
// n = C/G·KH·KW, k = OH·OW), then a sum over the batch. The batch loop leads
// all three, so kernel formation spreads the images over threads without
// two threads accumulating into the same dw; the partials cost N copies of
// dw, small next to the images.
//
//===----------------------------------------------------------------------===//

#include "compiler/conversion/NNToLinalg/PopulatePatterns.h"
#include "compiler/conversion/NNToLinalg/StructuredBuilders.h"
#include "dialects/nn/IR/NNOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace nnc::structured;

namespace {
/// A convolution to build: `input` is padded already, `filter` is
/// [F, C/groups, KH, KW] and the result [N, F, OH, OW] has `resultSizes`.
struct ConvSpec {
  Value input, filter, zero;
  int64_t groups;
  SmallVector<OpFoldResult> resultSizes;
  DenseIntElementsAttr strides, dilations;
};
} // namespace

/// size / divisor for a size that `divisor` divides.
static OpFoldResult divideSize(OpBuilder &b, Location loc, OpFoldResult size,
                               int64_t divisor) {
  if (std::optional<int64_t> value = getConstantIntValue(size))
    return b.getIndexAttr(*value / divisor);
  Value d = b.create<arith::ConstantIndexOp>(loc, divisor);
  return b.create<arith::DivUIOp>(loc, cast<Value>(size), d).getResult();
}

/// size · factor.
static OpFoldResult multiplySize(OpBuilder &b, Location loc, OpFoldResult size,
                                 int64_t factor) {
  if (std::optional<int64_t> value = getConstantIntValue(size))
    return b.getIndexAttr(*value * factor);
  Value f = b.create<arith::ConstantIndexOp>(loc, factor);
  return b.create<arith::MulIOp>(loc, cast<Value>(size), f).getResult();
}

/// y = conv_2d_nchw_fchw(input, w).
static Value buildPlainConv(OpBuilder &b, Location loc, const ConvSpec &s) {
  Value init = filledTensor(b, loc, s.resultSizes, s.zero);
  return b
      .create<linalg::Conv2DNchwFchwOp>(loc, init.getType(),
                                        ValueRange{s.input, s.filter}, init,
                                        s.strides, s.dilations)
      .getResult(0);
}

/// One filter per channel: w [C, 1, KH, KW] is the depthwise [C, KH, KW].
static bool isDepthwise(const ConvSpec &s) {
  int64_t channels = cast<RankedTensorType>(s.input.getType()).getDimSize(1);
  int64_t filters = cast<RankedTensorType>(s.filter.getType()).getDimSize(0);
  return channels == s.groups && filters == s.groups;
}

/// y = depthwise_conv_2d_nchw_chw(input, collapse(w)).
static Value buildDepthwiseConv(OpBuilder &b, Location loc, const ConvSpec &s) {
  auto filterType = cast<RankedTensorType>(s.filter.getType());
  auto kernelType =
      RankedTensorType::get({filterType.getDimSize(0), filterType.getDimSize(2),
                             filterType.getDimSize(3)},
                            filterType.getElementType());
  SmallVector<ReassociationIndices> reassociation = {{0, 1}, {2}, {3}};
  Value kernel = b.create<tensor::CollapseShapeOp>(loc, kernelType, s.filter,
                                                   reassociation);
  Value init = filledTensor(b, loc, s.resultSizes, s.zero);
  return b
      .create<linalg::DepthwiseConv2DNchwChwOp>(loc, init.getType(),
                                                ValueRange{s.input, kernel},
                                                init, s.strides, s.dilations)
      .getResult(0);
}

/// The reassociation that keeps every dimension of a rank-`rank` tensor but
/// merges `dim` with `dim + 1`.
static SmallVector<ReassociationIndices> mergingPair(int64_t rank,
                                                     int64_t dim) {
  SmallVector<ReassociationIndices> reassociation;
  for (int64_t i = 0; i < rank; ++i) {
    if (i == dim + 1)
      reassociation.back().push_back(i);
    else
      reassociation.push_back({i});
  }
  return reassociation;
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
  return b.create<tensor::ExpandShapeOp>(
      loc, typeOf(sizes, type.getElementType()), value,
      mergingPair(type.getRank() + 1, dim), sizes);
}

/// Merges dimensions `dim` and `dim + 1` of `value`: undoes splitGroups.
static Value mergeGroups(OpBuilder &b, Location loc, Value value, int64_t dim) {
  int64_t rank = cast<RankedTensorType>(value.getType()).getRank();
  return b.create<tensor::CollapseShapeOp>(loc, value, mergingPair(rank, dim));
}

/// y = merge(conv_2d_ngchw_gfchw(split(input), split(w))).
static Value buildGroupedConv(OpBuilder &b, Location loc, const ConvSpec &s) {
  OpFoldResult channelsPerGroup = sizeOf(b, loc, s.filter, 1);
  OpFoldResult filtersPerGroup =
      divideSize(b, loc, sizeOf(b, loc, s.filter, 0), s.groups);
  Value x = splitGroups(b, loc, s.input, 1, s.groups, channelsPerGroup);
  Value w = splitGroups(b, loc, s.filter, 0, s.groups, filtersPerGroup);
  SmallVector<OpFoldResult> groupedSizes = s.resultSizes;
  groupedSizes[1] = filtersPerGroup;
  groupedSizes.insert(groupedSizes.begin() + 1, b.getIndexAttr(s.groups));
  Value init = filledTensor(b, loc, groupedSizes, s.zero);
  Value grouped = b.create<linalg::Conv2DNgchwGfchwOp>(loc, init.getType(),
                                                       ValueRange{x, w}, init,
                                                       s.strides, s.dilations)
                      .getResult(0);
  return mergeGroups(b, loc, grouped, 1);
}

/// The named convolution that fits `s`.
static Value buildConv(OpBuilder &b, Location loc, const ConvSpec &s) {
  if (s.groups == 1)
    return buildPlainConv(b, loc, s);
  if (isDepthwise(s))
    return buildDepthwiseConv(b, loc, s);
  return buildGroupedConv(b, loc, s);
}

/// The window extents d·(K − 1) + 1 of a kernel of `kernel` taps.
static SmallVector<int64_t, 2> windowExtents(ArrayRef<int64_t> kernel,
                                             ArrayRef<int64_t> dilations) {
  return {dilations[0] * (kernel[0] - 1) + 1,
          dilations[1] * (kernel[1] - 1) + 1};
}

//===----------------------------------------------------------------------===//
// conv2d
//===----------------------------------------------------------------------===//

namespace {
struct ConvertConv2D : OpRewritePattern<nn::Conv2DOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(nn::Conv2DOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto filterType = cast<RankedTensorType>(op.getFilter().getType());
    ConvSpec s;
    s.filter = op.getFilter();
    s.groups = op.getGroups();
    s.zero = floatConstant(rewriter, loc, filterType.getElementType(), 0.0);
    s.input = padSpatial(rewriter, loc, op.getX(), op.getPadding(), s.zero);
    s.resultSizes = windowResultSizes(
        rewriter, loc, s.input, sizeOf(rewriter, loc, s.filter, 0),
        windowExtents(filterType.getShape().drop_front(2), op.getDilations()),
        op.getStrides());
    s.strides = pairAttr(rewriter, op.getStrides());
    s.dilations = pairAttr(rewriter, op.getDilations());
    Value y = buildConv(rewriter, loc, s);
    rewriter.replaceOp(op, castTo(rewriter, loc, y, op.getType()));
    return success();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// conv2d_grad_input
//===----------------------------------------------------------------------===//

/// flip(w)ᵀ: w [F, C/G, KH, KW] as [C, F/G, KH, KW] with
/// wt[g·C/G + c, f, p, q] = w[g·F/G + f, c, KH − 1 − p, KW − 1 − q].
/// The body reads w at those indices (tensor.extract) rather than through
/// an indexing map: the reversal's negative coefficient would defeat the
/// slicing that fuses this op into the convolution's tiles.
static Value transposedFilter(OpBuilder &b, Location loc, Value filter,
                              int64_t groups) {
  auto type = cast<RankedTensorType>(filter.getType());
  OpFoldResult filtersPerGroup =
      divideSize(b, loc, sizeOf(b, loc, filter, 0), groups);
  OpFoldResult channelsPerGroup = sizeOf(b, loc, filter, 1);
  OpFoldResult channels = multiplySize(b, loc, channelsPerGroup, groups);
  Value init = emptyTensor(b, loc,
                           {channels, filtersPerGroup,
                            b.getIndexAttr(type.getDimSize(2)),
                            b.getIndexAttr(type.getDimSize(3))},
                           type.getElementType());
  Value perGroupC = getValueOrCreateConstantIndexOp(b, loc, channelsPerGroup);
  Value perGroupF = getValueOrCreateConstantIndexOp(b, loc, filtersPerGroup);
  return mapGeneric(
      b, loc, ValueRange{}, {}, init,
      [&](OpBuilder &nb, Location nloc, ValueRange) -> Value {
        auto index = [&](int64_t dim) {
          return nb.create<linalg::IndexOp>(nloc, dim).getResult();
        };
        auto flip = [&](Value i, int64_t size) -> Value {
          Value last = nb.create<arith::ConstantIndexOp>(nloc, size - 1);
          return nb.create<arith::SubIOp>(nloc, last, i);
        };
        Value group = nb.create<arith::DivUIOp>(nloc, index(0), perGroupC);
        Value channel = nb.create<arith::RemUIOp>(nloc, index(0), perGroupC);
        Value firstFilter = nb.create<arith::MulIOp>(nloc, group, perGroupF);
        Value f = nb.create<arith::AddIOp>(nloc, firstFilter, index(1));
        return nb.create<tensor::ExtractOp>(
            nloc, filter,
            ValueRange{f, channel, flip(index(2), type.getDimSize(2)),
                       flip(index(3), type.getDimSize(3))});
      });
}

namespace {
struct ConvertConv2DGradInput : OpRewritePattern<nn::Conv2DGradInputOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(nn::Conv2DGradInputOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto filterType = cast<RankedTensorType>(op.getFilter().getType());
    ArrayRef<int64_t> inputSize = op.getInputSize();
    ArrayRef<int64_t> padding = op.getPadding();
    SmallVector<int64_t, 2> extents =
        windowExtents(filterType.getShape().drop_front(2), op.getDilations());
    // spread(dy): see the top of the file.
    SmallVector<int64_t, 2> rows, offsets;
    for (int axis = 0; axis < 2; ++axis) {
      rows.push_back(inputSize[axis] + extents[axis] - 1);
      offsets.push_back(extents[axis] - 1 - padding[axis]);
    }
    ConvSpec s;
    s.groups = op.getGroups();
    s.zero = floatConstant(rewriter, loc, filterType.getElementType(), 0.0);
    Value dy = withSpatialSizes(
        rewriter, loc, op.getDy(),
        windowOutputSizes(inputSize, padding, extents, op.getStrides()));
    s.input = spreadSpatial(rewriter, loc, dy, rows, offsets, op.getStrides(),
                            s.zero);
    s.filter = transposedFilter(rewriter, loc, op.getFilter(), s.groups);
    s.resultSizes = {sizeOf(rewriter, loc, dy, 0),
                     sizeOf(rewriter, loc, s.filter, 0),
                     rewriter.getIndexAttr(inputSize[0]),
                     rewriter.getIndexAttr(inputSize[1])};
    int64_t ones[] = {1, 1};
    s.strides = pairAttr(rewriter, ones);
    s.dilations = pairAttr(rewriter, op.getDilations());
    Value dx = buildConv(rewriter, loc, s);
    rewriter.replaceOp(op, castTo(rewriter, loc, dx, op.getType()));
    return success();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// conv2d_grad_filter
//===----------------------------------------------------------------------===//

/// The window columns of x_pad [N, G, C/G, Hp, Wp] as [N, G, C/G, KH, KW,
/// OH, OW]: col[n, g, c, p, q, i, j] = x_pad[n, g, c, i·sh + p·dh,
/// j·sw + q·dw], a copy whose input map holds the window expressions.
static Value windowColumns(OpBuilder &b, Location loc, Value x,
                           ArrayRef<int64_t> kernel, OpFoldResult outRows,
                           OpFoldResult outCols, ArrayRef<int64_t> strides,
                           ArrayRef<int64_t> dilations) {
  MLIRContext *context = b.getContext();
  auto d = [&](unsigned i) { return getAffineDimExpr(i, context); };
  AffineMap xMap =
      AffineMap::get(7, 0,
                     {d(0), d(1), d(2), d(5) * strides[0] + d(3) * dilations[0],
                      d(6) * strides[1] + d(4) * dilations[1]},
                     context);
  SmallVector<OpFoldResult> sizes = sizesOf(b, loc, x);
  sizes.resize(3);
  sizes.append(
      {b.getIndexAttr(kernel[0]), b.getIndexAttr(kernel[1]), outRows, outCols});
  Value init = emptyTensor(b, loc, sizes, getElementTypeOrSelf(x.getType()));
  return mapGeneric(
      b, loc, x, xMap, init,
      [](OpBuilder &, Location, ValueRange args) -> Value { return args[0]; });
}

/// Per image, the GEMM partial[n, g, f, r] = Σ_k dy[n, g, f, k] ·
/// col[n, g, r, k] over loops (n, g, f, r | k): batch (n, g), m = f, n = r,
/// k = output position, every operand a plain view, so the CPU backend's
/// packed GEMM takes it and kernel formation hands each thread its images.
static Value perImageProducts(OpBuilder &b, Location loc, Value dy, Value col,
                              Value init) {
  MLIRContext *context = b.getContext();
  auto d = [&](unsigned i) { return getAffineDimExpr(i, context); };
  auto map = [&](ArrayRef<AffineExpr> results) {
    return AffineMap::get(5, 0, results, context);
  };
  SmallVector<utils::IteratorType> iterators(4, utils::IteratorType::parallel);
  iterators.push_back(utils::IteratorType::reduction);
  auto generic = b.create<linalg::GenericOp>(
      loc, init.getType(), ValueRange{dy, col}, init,
      ArrayRef<AffineMap>{map({d(0), d(1), d(2), d(4)}),
                          map({d(0), d(1), d(3), d(4)}),
                          map({d(0), d(1), d(2), d(3)})},
      iterators, [](OpBuilder &nb, Location nloc, ValueRange args) {
        Value product = nb.create<arith::MulFOp>(nloc, args[0], args[1]);
        Value sum = nb.create<arith::AddFOp>(nloc, args[2], product);
        nb.create<linalg::YieldOp>(nloc, sum);
      });
  return generic.getResult(0);
}

/// Σ_n partial[n, g, f, r] into [G, F/G, R], over loops (g, n, f, r): the
/// batch is an outer reduction, so the inner loops run along contiguous
/// rows of both and vectorize without reassociating a sum.
static Value sumOverImages(OpBuilder &b, Location loc, Value partial,
                           Value zero) {
  MLIRContext *context = b.getContext();
  auto d = [&](unsigned i) { return getAffineDimExpr(i, context); };
  SmallVector<OpFoldResult> sizes = dropSizes(sizesOf(b, loc, partial), {0});
  Value init = filledTensor(b, loc, sizes, zero);
  AffineMap partialMap =
      AffineMap::get(4, 0, {d(1), d(0), d(2), d(3)}, context);
  return reduceGeneric(
      b, loc, partial, partialMap, {1}, init,
      [](OpBuilder &nb, Location nloc, ValueRange args) {
        return nb.create<arith::AddFOp>(nloc, args[0], args[1]).getResult();
      });
}

/// dw = Σ_n dy_n · col_nᵀ: see the top of the file.
static Value filterGradient(OpBuilder &b, Location loc, Value x, Value dy,
                            Value zero, ArrayRef<int64_t> kernel,
                            ArrayRef<int64_t> strides,
                            ArrayRef<int64_t> dilations) {
  Value col = windowColumns(b, loc, x, kernel, sizeOf(b, loc, dy, 3),
                            sizeOf(b, loc, dy, 4), strides, dilations);
  // [N, G, C/G·KH·KW, OH·OW] and [N, G, F/G, OH·OW]: reshapes, no copies.
  col = b.create<tensor::CollapseShapeOp>(
      loc, col, SmallVector<ReassociationIndices>{{0}, {1}, {2, 3, 4}, {5, 6}});
  dy = b.create<tensor::CollapseShapeOp>(
      loc, dy, SmallVector<ReassociationIndices>{{0}, {1}, {2}, {3, 4}});
  Value init = filledTensor(b, loc,
                            {sizeOf(b, loc, dy, 0), sizeOf(b, loc, dy, 1),
                             sizeOf(b, loc, dy, 2), sizeOf(b, loc, col, 2)},
                            zero);
  Value partial = perImageProducts(b, loc, dy, col, init);
  return sumOverImages(b, loc, partial, zero);
}

namespace {
struct ConvertConv2DGradFilter : OpRewritePattern<nn::Conv2DGradFilterOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(nn::Conv2DGradFilterOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    int64_t groups = op.getGroups();
    ArrayRef<int64_t> kernel = op.getKernel();
    Value zero = floatConstant(rewriter, loc, type.getElementType(), 0.0);
    Value padded = padSpatial(rewriter, loc, op.getX(), op.getPadding(), zero);
    OpFoldResult channelsPerGroup =
        divideSize(rewriter, loc, sizeOf(rewriter, loc, op.getX(), 1), groups);
    OpFoldResult filtersPerGroup =
        divideSize(rewriter, loc, sizeOf(rewriter, loc, op.getDy(), 1), groups);
    Value x = splitGroups(rewriter, loc, padded, 1, groups, channelsPerGroup);
    Value dy =
        splitGroups(rewriter, loc, op.getDy(), 1, groups, filtersPerGroup);
    // [G, F/G, C/G·KH·KW] → [F, C/G, KH, KW].
    Value dw = filterGradient(rewriter, loc, x, dy, zero, kernel,
                              op.getStrides(), op.getDilations());
    dw = mergeGroups(rewriter, loc, dw, 0);
    SmallVector<OpFoldResult> sizes = {
        sizeOf(rewriter, loc, dw, 0), channelsPerGroup,
        rewriter.getIndexAttr(kernel[0]), rewriter.getIndexAttr(kernel[1])};
    dw = rewriter.create<tensor::ExpandShapeOp>(
        loc, typeOf(sizes, type.getElementType()), dw,
        SmallVector<ReassociationIndices>{{0}, {1, 2, 3}}, sizes);
    rewriter.replaceOp(op, castTo(rewriter, loc, dw, type));
    return success();
  }
};
} // namespace

void nnc::populateConvLoweringPatterns(RewritePatternSet &patterns) {
  patterns.add<ConvertConv2D, ConvertConv2DGradInput, ConvertConv2DGradFilter>(
      patterns.getContext());
}
