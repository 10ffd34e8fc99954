//===- Pooling.cpp - nn pooling ops to linalg pooling ---------------------===//
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

/// Reduces every window of `x`, padded with `identity`, with the named
/// pooling op `NamedPoolOp`, starting from `identity`.
template <typename NamedPoolOp>
static Value poolWindows(OpBuilder &b, Location loc, Value x, const Window &w,
                         Value identity) {
  Value padded = padSpatial(b, loc, x, w.padding, identity);
  SmallVector<OpFoldResult> sizes = windowResultSizes(
      b, loc, padded, sizeOf(b, loc, x, 1), w.kernel, w.strides);
  Value init = filledTensor(b, loc, sizes, identity);
  // The pooling ops read only the shape of their window operand.
  Value shape = emptyTensor(
      b, loc, {b.getIndexAttr(w.kernel[0]), b.getIndexAttr(w.kernel[1])},
      identity.getType());
  int64_t ones[] = {1, 1};
  return b
      .create<NamedPoolOp>(loc, init.getType(), ValueRange{padded, shape}, init,
                           pairAttr(b, w.strides), pairAttr(b, ones))
      .getResult(0);
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
/// recomputed per output position (H, W may be dynamic).
static Value divideByInsideCount(OpBuilder &b, Location loc, Value sums,
                                 Value x, const Window &w) {
  Value height = getValueOrCreateConstantIndexOp(b, loc, sizeOf(b, loc, x, 2));
  Value width = getValueOrCreateConstantIndexOp(b, loc, sizeOf(b, loc, x, 3));
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
    // Without padding every window lies inside x: both counts are KH·KW.
    bool unpadded = llvm::all_of(w.padding, [](int64_t p) { return p == 0; });
    Value y = op.getCountIncludePad() || unpadded
                  ? divideByWindowSize(rewriter, loc, sums, w)
                  : divideByInsideCount(rewriter, loc, sums, op.getX(), w);
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

void nnc::populatePoolingLoweringPatterns(RewritePatternSet &patterns) {
  patterns.add<ConvertMaxPool2D, ConvertAvgPool2D, ConvertLpPool2D>(
      patterns.getContext());
}
