//===- Pooling.cpp - nn pooling ops and their gradients to linalg ---------===//
//
// Each pooling op pads x, sweeps a named linalg pooling op over the windows
// and, where the op is not a plain max or sum, finishes elementwise:
//
//   max_pool2d(x) = pooling_nchw_max(pad(x, −inf))     accumulating from −inf
//   avg_pool2d(x) = pooling_nchw_sum(pad(x, 0)) / count
//   lp_pool2d(x)  = pooling_nchw_sum(pad(|x|^p, 0))^(1/p)
//
// Padding with −inf (the identity of max) means padding never wins; padding
// with 0 adds nothing to a sum. The average divides by KH·KW when
// count_include_pad, otherwise by the number of window elements inside x,
// computed per output position from linalg.index (see windowCount).
//
// The gradients lay the cotangent out over the input grid (spreadSpatial):
// dy[i] goes to row KH − 1 − top + i·stride of H + KH − 1 zero rows, so that
// input row h = i·stride − top + p finds it at row h + KH − 1 − p. Each
// input element then gathers from its windows in one stride-1 sweep:
//
//   avg_pool2d_grad = pooling_nchw_sum(spread(dy / count))
//   max_pool2d_grad = Σ_{p,q} [A = p·KW + q] · spread(dy)   at (h, w) + K − 1 −
//   (p, q)
//
// where A = spread(arg) holds, per window, the tap of its first maximum in
// row-major order: the smallest p·KW + q whose x equals the window's max.
// When the windows tile x exactly (stride = kernel, no padding, as LeNet's
// 2x2/2), each input element has one window and dx, viewed as
// [N, C, OH, KH, OW, KW], is [A = p·KW + q] · dy read at (i, j): no spread.
// That minimum does not depend on the order the reduction visits the taps,
// and x is padded with NaN for it, which equals nothing: padding never wins.
//
//===----------------------------------------------------------------------===//

#include "compiler/conversion/NNToLinalg/PopulatePatterns.h"
#include "compiler/conversion/NNToLinalg/StructuredBuilders.h"
#include "dialects/nn/IR/NNOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <limits>

using namespace mlir;
using namespace nnc::structured;

namespace {
/// The window of a pooling op: kernel, effective strides and padding
/// (top, left, bottom, right).
struct Window {
  SmallVector<int64_t, 2> kernel;
  SmallVector<int64_t, 2> strides;
  SmallVector<int64_t, 4> padding;
};
} // namespace

template <typename PoolOp> static Window windowOf(PoolOp op) {
  return {SmallVector<int64_t, 2>(op.getKernel()), op.getEffectiveStrides(),
          SmallVector<int64_t, 4>(op.getPadding())};
}

/// Reduces every `kernel` window of `padded` (strides `strides`) with the
/// named pooling op `NamedPoolOp`, starting from `identity`.
template <typename NamedPoolOp>
static Value poolPadded(OpBuilder &b, Location loc, Value padded,
                        ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                        Value identity) {
  SmallVector<OpFoldResult> sizes = windowResultSizes(
      b, loc, padded, sizeOf(b, loc, padded, 1), kernel, strides);
  Value init = filledTensor(b, loc, sizes, identity);
  // The pooling ops read only the shape of their window operand.
  Value shape = emptyTensor(
      b, loc, {b.getIndexAttr(kernel[0]), b.getIndexAttr(kernel[1])},
      identity.getType());
  int64_t ones[] = {1, 1};
  return b
      .create<NamedPoolOp>(loc, init.getType(), ValueRange{padded, shape}, init,
                           pairAttr(b, strides), pairAttr(b, ones))
      .getResult(0);
}

/// Reduces every window of `x`, padded with `identity`, with the named
/// pooling op `NamedPoolOp`, starting from `identity`.
template <typename NamedPoolOp>
static Value poolWindows(OpBuilder &b, Location loc, Value x, const Window &w,
                         Value identity) {
  Value padded = padSpatial(b, loc, x, w.padding, identity);
  return poolPadded<NamedPoolOp>(b, loc, padded, w.kernel, w.strides, identity);
}

//===----------------------------------------------------------------------===//
// max_pool2d
//===----------------------------------------------------------------------===//

namespace {
struct ConvertMaxPool2D : OpRewritePattern<nn::MaxPool2DOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(nn::MaxPool2DOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type elementType = op.getType().getElementType();
    Value minusInf = floatConstant(rewriter, loc, elementType,
                                   -std::numeric_limits<double>::infinity());
    Value y = poolWindows<linalg::PoolingNchwMaxOp>(rewriter, loc, op.getX(),
                                                    windowOf(op), minusInf);
    rewriter.replaceOp(op, castTo(rewriter, loc, y, op.getType()));
    return success();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// avg_pool2d
//===----------------------------------------------------------------------===//

/// Window elements inside [0, size) along one axis for output position
/// `out`: the window starts at out·stride − padBefore, so
///   count = min(start + kernel, size) − max(start, 0).
static Value windowCount(OpBuilder &b, Location loc, Value out, Value size,
                         int64_t kernel, int64_t stride, int64_t padBefore) {
  auto constant = [&](int64_t v) {
    return b.create<arith::ConstantIndexOp>(loc, v);
  };
  Value scaled = b.create<arith::MulIOp>(loc, out, constant(stride));
  Value start = b.create<arith::SubIOp>(loc, scaled, constant(padBefore));
  Value end = b.create<arith::AddIOp>(loc, start, constant(kernel));
  Value clippedEnd = b.create<arith::MinSIOp>(loc, end, size);
  Value clippedStart = b.create<arith::MaxSIOp>(loc, start, constant(0));
  return b.create<arith::SubIOp>(loc, clippedEnd, clippedStart);
}

/// sums / (number of non-padding elements of each window), the count
/// recomputed per output position of an input of `height` x `width` (which
/// may be dynamic).
static Value divideByInsideCount(OpBuilder &b, Location loc, Value sums,
                                 OpFoldResult inputHeight,
                                 OpFoldResult inputWidth, const Window &w) {
  Value height = getValueOrCreateConstantIndexOp(b, loc, inputHeight);
  Value width = getValueOrCreateConstantIndexOp(b, loc, inputWidth);
  Value init = emptyTensor(b, loc, sizesOf(b, loc, sums),
                           getElementTypeOrSelf(sums.getType()));
  AffineMap identity = b.getMultiDimIdentityMap(4);
  return mapGeneric(
      b, loc, sums, identity, init,
      [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        Value oh = nb.create<linalg::IndexOp>(nloc, 2);
        Value ow = nb.create<linalg::IndexOp>(nloc, 3);
        Value rows = windowCount(nb, nloc, oh, height, w.kernel[0],
                                 w.strides[0], w.padding[0]);
        Value cols = windowCount(nb, nloc, ow, width, w.kernel[1], w.strides[1],
                                 w.padding[1]);
        Value count = nb.create<arith::MulIOp>(nloc, rows, cols);
        return nb.create<arith::DivFOp>(
            nloc, args[0], indexToFloat(nb, nloc, count, args[0].getType()));
      });
}

/// sums / (KH·KW): the output-size rule keeps every window inside the
/// padded input, so each window counts all its elements.
static Value divideByWindowSize(OpBuilder &b, Location loc, Value sums,
                                const Window &w) {
  Type type = getElementTypeOrSelf(sums.getType());
  Value size = floatConstant(b, loc, type,
                             static_cast<double>(w.kernel[0] * w.kernel[1]));
  return elementwise(b, loc, sums,
                     [&](OpBuilder &nb, Location nloc, ValueRange args) {
                       return nb.create<arith::DivFOp>(nloc, args[0], size);
                     });
}

/// sums / (the divisor of each window of an input of `height` x `width`).
static Value divideByCount(OpBuilder &b, Location loc, Value sums,
                           bool countIncludePad, OpFoldResult height,
                           OpFoldResult width, const Window &w) {
  // Without padding every window lies inside x: both counts are KH·KW.
  bool unpadded = llvm::all_of(w.padding, [](int64_t p) { return p == 0; });
  if (countIncludePad || unpadded)
    return divideByWindowSize(b, loc, sums, w);
  return divideByInsideCount(b, loc, sums, height, width, w);
}

namespace {
struct ConvertAvgPool2D : OpRewritePattern<nn::AvgPool2DOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(nn::AvgPool2DOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Window w = windowOf(op);
    Value zero = floatConstant(rewriter, loc, op.getType().getElementType(), 0);
    Value sums = poolWindows<linalg::PoolingNchwSumOp>(rewriter, loc, op.getX(),
                                                       w, zero);
    Value y = divideByCount(rewriter, loc, sums, op.getCountIncludePad(),
                            sizeOf(rewriter, loc, op.getX(), 2),
                            sizeOf(rewriter, loc, op.getX(), 3), w);
    rewriter.replaceOp(op, castTo(rewriter, loc, y, op.getType()));
    return success();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// lp_pool2d
//===----------------------------------------------------------------------===//

/// |x|^p, with the exact x·x for the common p = 2 and |x| for p = 1.
static Value absPower(OpBuilder &b, Location loc, Value x, double p) {
  if (p == 2.0)
    return b.create<arith::MulFOp>(loc, x, x);
  Value magnitude = b.create<math::AbsFOp>(loc, x);
  if (p == 1.0)
    return magnitude;
  return b.create<math::PowFOp>(loc, magnitude,
                                floatConstant(b, loc, x.getType(), p));
}

/// s^(1/p), with sqrt for p = 2.
static Value root(OpBuilder &b, Location loc, Value s, double p) {
  if (p == 2.0)
    return b.create<math::SqrtOp>(loc, s);
  if (p == 1.0)
    return s;
  return b.create<math::PowFOp>(loc, s,
                                floatConstant(b, loc, s.getType(), 1.0 / p));
}

namespace {
struct ConvertLpPool2D : OpRewritePattern<nn::LpPool2DOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(nn::LpPool2DOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    double p = op.getP().convertToDouble();
    Value powers = elementwise(rewriter, loc, op.getX(),
                               [&](OpBuilder &b, Location l, ValueRange args) {
                                 return absPower(b, l, args[0], p);
                               });
    Value zero = floatConstant(rewriter, loc, op.getType().getElementType(), 0);
    Value sums = poolWindows<linalg::PoolingNchwSumOp>(rewriter, loc, powers,
                                                       windowOf(op), zero);
    Value y = elementwise(rewriter, loc, sums,
                          [&](OpBuilder &b, Location l, ValueRange args) {
                            return root(b, l, args[0], p);
                          });
    rewriter.replaceOp(op, castTo(rewriter, loc, y, op.getType()));
    return success();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Gradients
//===----------------------------------------------------------------------===//

/// `t` spread over the grid of an input of `inputSize` for window `w` (see
/// the top of the file).
static Value spreadOverInput(OpBuilder &b, Location loc, Value t,
                             ArrayRef<int64_t> inputSize, const Window &w,
                             Value fill) {
  SmallVector<int64_t, 2> rows, offsets;
  for (int axis = 0; axis < 2; ++axis) {
    rows.push_back(inputSize[axis] + w.kernel[axis] - 1);
    offsets.push_back(w.kernel[axis] - 1 - w.padding[axis]);
  }
  t = withSpatialSizes(
      b, loc, t, windowOutputSizes(inputSize, w.padding, w.kernel, w.strides));
  return spreadSpatial(b, loc, t, rows, offsets, w.strides, fill);
}

/// The row-major tap p·KW + q of the window loops (…, u, v) as an i32:
/// (p, q) = (u, v), or (KH − 1 − u, KW − 1 − v) when `reflected`.
static Value tapIndex(OpBuilder &b, Location loc, const Window &w,
                      bool reflected) {
  auto tap = [&](int64_t dim, int64_t kernel) -> Value {
    Value index = b.create<linalg::IndexOp>(loc, dim);
    if (!reflected)
      return index;
    Value last = b.create<arith::ConstantIndexOp>(loc, kernel - 1);
    return b.create<arith::SubIOp>(loc, last, index);
  };
  Value width = b.create<arith::ConstantIndexOp>(loc, w.kernel[1]);
  Value row = b.create<arith::MulIOp>(loc, tap(4, w.kernel[0]), width);
  Value flat = b.create<arith::AddIOp>(loc, row, tap(5, w.kernel[1]));
  return b.create<arith::IndexCastOp>(loc, b.getI32Type(), flat);
}

/// The maps of loops (n, c, a, b, u, v) reading a tensor at (n, c,
/// a·stride[0] + u, b·stride[1] + v), and the window [KH, KW] at (u, v).
/// Every coefficient is positive: tiling slices operands by evaluating the
/// maps at the bounds of the loops, which a decreasing map would defeat.
static SmallVector<AffineMap> windowMaps(MLIRContext *context,
                                         ArrayRef<int64_t> strides) {
  auto d = [&](unsigned i) { return getAffineDimExpr(i, context); };
  AffineMap read = AffineMap::get(
      6, 0, {d(0), d(1), d(2) * strides[0] + d(4), d(3) * strides[1] + d(5)},
      context);
  return {read, AffineMap::get(6, 0, {d(4), d(5)}, context)};
}

/// arg[n, c, i, j] = min {p·KW + q : x_nan[n, c, i·sh + p, j·sw + q] =
/// max[n, c, i, j]}, KH·KW where none is.
static Value firstMaxTaps(OpBuilder &b, Location loc, Value x,
                          const Window &w) {
  Type type = getElementTypeOrSelf(x.getType());
  Value minusInf =
      floatConstant(b, loc, type, -std::numeric_limits<double>::infinity());
  Value max = poolWindows<linalg::PoolingNchwMaxOp>(b, loc, x, w, minusInf);
  Value nan =
      floatConstant(b, loc, type, std::numeric_limits<double>::quiet_NaN());
  Value padded = padSpatial(b, loc, x, w.padding, nan);
  Value none =
      b.create<arith::ConstantIntOp>(loc, w.kernel[0] * w.kernel[1], 32);
  Value init = filledTensor(b, loc, sizesOf(b, loc, max), none);
  Value window = emptyTensor(
      b, loc, {b.getIndexAttr(w.kernel[0]), b.getIndexAttr(w.kernel[1])}, type);
  SmallVector<AffineMap> maps = windowMaps(b.getContext(), w.strides);
  maps.insert(maps.begin() + 1, dropDimsMap(b.getContext(), 6, {4, 5}));
  return reduceGeneric(
      b, loc, ValueRange{padded, max, window}, maps, {4, 5}, init,
      [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        Value isMax = nb.create<arith::CmpFOp>(nloc, arith::CmpFPredicate::OEQ,
                                               args[0], args[1]);
        Value tap = tapIndex(nb, nloc, w, /*reflected=*/false);
        Value candidate = nb.create<arith::SelectOp>(nloc, isMax, tap, none);
        return nb.create<arith::MinSIOp>(nloc, candidate, args.back());
      });
}

/// dx[n, c, h, w] = Σ_{p,q} [A = p·KW + q] · D, both read at (n, c,
/// h + KH − 1 − p, w + KW − 1 − q): loops over u = KH − 1 − p and
/// v = KW − 1 − q read them at (h + u, w + v).
static Value routeToTaps(OpBuilder &b, Location loc, Value spreadDy,
                         Value spreadArg, ArrayRef<int64_t> inputSize,
                         const Window &w) {
  Type type = getElementTypeOrSelf(spreadDy.getType());
  Value zero = floatConstant(b, loc, type, 0.0);
  SmallVector<OpFoldResult> sizes = sizesOf(b, loc, spreadDy);
  sizes[2] = b.getIndexAttr(inputSize[0]);
  sizes[3] = b.getIndexAttr(inputSize[1]);
  Value init = filledTensor(b, loc, sizes, zero);
  Value window = emptyTensor(
      b, loc, {b.getIndexAttr(w.kernel[0]), b.getIndexAttr(w.kernel[1])}, type);
  int64_t ones[] = {1, 1};
  SmallVector<AffineMap> maps = windowMaps(b.getContext(), ones);
  maps.insert(maps.begin(), maps.front());
  return reduceGeneric(
      b, loc, ValueRange{spreadDy, spreadArg, window}, maps, {4, 5}, init,
      [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        Value tap = tapIndex(nb, nloc, w, /*reflected=*/true);
        Value hit = nb.create<arith::CmpIOp>(nloc, arith::CmpIPredicate::eq,
                                             args[1], tap);
        Value routed = nb.create<arith::SelectOp>(nloc, hit, args[0], zero);
        return nb.create<arith::AddFOp>(nloc, args.back(), routed);
      });
}

/// Whether the windows tile x exactly: stride = kernel, no padding, and the
/// kernel divides the input, so each input element lies in one window.
static bool windowsTileInput(const Window &w, ArrayRef<int64_t> inputSize) {
  return llvm::all_of(w.padding, [](int64_t p) { return p == 0; }) &&
         w.strides == w.kernel && inputSize[0] % w.kernel[0] == 0 &&
         inputSize[1] % w.kernel[1] == 0;
}

/// dx viewed as [N, C, OH, KH, OW, KW]: dx[n, c, i, p, j, q] = [A[n, c, i,
/// j] = p·KW + q] · dy[n, c, i, j]. One visit per input element, where the
/// general routeToTaps visits KH·KW taps of a mostly-zero spread.
static Value routeWithinTiles(OpBuilder &b, Location loc, Value dy, Value arg,
                              ArrayRef<int64_t> inputSize, const Window &w) {
  MLIRContext *context = b.getContext();
  int64_t rows = inputSize[0] / w.kernel[0], cols = inputSize[1] / w.kernel[1];
  dy = withSpatialSizes(b, loc, dy, {rows, cols});
  Type type = getElementTypeOrSelf(dy.getType());
  Value init = emptyTensor(b, loc,
                           {sizeOf(b, loc, dy, 0), sizeOf(b, loc, dy, 1),
                            b.getIndexAttr(rows), b.getIndexAttr(w.kernel[0]),
                            b.getIndexAttr(cols), b.getIndexAttr(w.kernel[1])},
                           type);
  auto d = [&](unsigned i) { return getAffineDimExpr(i, context); };
  AffineMap window = AffineMap::get(6, 0, {d(0), d(1), d(2), d(4)}, context);
  Value zero = floatConstant(b, loc, type, 0.0);
  Value tiles = mapGeneric(
      b, loc, ValueRange{dy, arg}, {window, window}, init,
      [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        Value p = nb.create<linalg::IndexOp>(nloc, 3);
        Value q = nb.create<linalg::IndexOp>(nloc, 5);
        Value width = nb.create<arith::ConstantIndexOp>(nloc, w.kernel[1]);
        Value row = nb.create<arith::MulIOp>(nloc, p, width);
        Value tap = nb.create<arith::IndexCastOp>(
            nloc, nb.getI32Type(), nb.create<arith::AddIOp>(nloc, row, q));
        Value hit = nb.create<arith::CmpIOp>(nloc, arith::CmpIPredicate::eq,
                                             args[1], tap);
        return nb.create<arith::SelectOp>(nloc, hit, args[0], zero);
      });
  return b.create<tensor::CollapseShapeOp>(
      loc, tiles, SmallVector<ReassociationIndices>{{0}, {1}, {2, 3}, {4, 5}});
}

namespace {
struct ConvertMaxPool2DGrad : OpRewritePattern<nn::MaxPool2DGradOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(nn::MaxPool2DGradOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Window w = windowOf(op);
    ArrayRef<int64_t> inputSize = op.getX().getType().getShape().drop_front(2);
    Value arg = firstMaxTaps(rewriter, loc, op.getX(), w);
    if (windowsTileInput(w, inputSize)) {
      Value dx = routeWithinTiles(rewriter, loc, op.getDy(), arg, inputSize, w);
      rewriter.replaceOp(op, castTo(rewriter, loc, dx, op.getType()));
      return success();
    }
    Value zero = floatConstant(rewriter, loc, op.getType().getElementType(), 0);
    Value none = rewriter.create<arith::ConstantIntOp>(loc, -1, 32);
    Value dx = routeToTaps(
        rewriter, loc,
        spreadOverInput(rewriter, loc, op.getDy(), inputSize, w, zero),
        spreadOverInput(rewriter, loc, arg, inputSize, w, none), inputSize, w);
    rewriter.replaceOp(op, castTo(rewriter, loc, dx, op.getType()));
    return success();
  }
};

struct ConvertAvgPool2DGrad : OpRewritePattern<nn::AvgPool2DGradOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(nn::AvgPool2DGradOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Window w = windowOf(op);
    ArrayRef<int64_t> inputSize = op.getInputSize();
    Value zero = floatConstant(rewriter, loc, op.getType().getElementType(), 0);
    Value shares =
        divideByCount(rewriter, loc, op.getDy(), op.getCountIncludePad(),
                      rewriter.getIndexAttr(inputSize[0]),
                      rewriter.getIndexAttr(inputSize[1]), w);
    Value spread = spreadOverInput(rewriter, loc, shares, inputSize, w, zero);
    int64_t ones[] = {1, 1};
    Value dx = poolPadded<linalg::PoolingNchwSumOp>(rewriter, loc, spread,
                                                    w.kernel, ones, zero);
    rewriter.replaceOp(op, castTo(rewriter, loc, dx, op.getType()));
    return success();
  }
};
} // namespace

void nnc::populatePoolingLoweringPatterns(RewritePatternSet &patterns) {
  patterns.add<ConvertMaxPool2D, ConvertAvgPool2D, ConvertLpPool2D,
               ConvertMaxPool2DGrad, ConvertAvgPool2DGrad>(
      patterns.getContext());
}
