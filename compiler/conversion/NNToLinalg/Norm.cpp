//===- Norm.cpp - batch_norm, lrn and dropout to linalg -------------------===//
//
// All three keep the shape of x and address it around the channel axis 1.
// batch_norm reduces over every other axis into per-channel [C] tensors;
// lrn sums squares over a window of channels; dropout is elementwise with a
// mask computed from the element's row-major index.
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

using namespace mlir;
using namespace nnc::structured;

//===----------------------------------------------------------------------===//
// batch_norm
//===----------------------------------------------------------------------===//

/// Every axis of a rank-`rank` tensor but the channel axis 1.
static SmallVector<int64_t> allButChannel(int64_t rank) {
  SmallVector<int64_t> dims = {0};
  for (int64_t i = 2; i < rank; ++i)
    dims.push_back(i);
  return dims;
}

/// Maps for a loop nest over x: x itself, then one per-channel operand
/// (read at d1) for each of `perChannel`.
static SmallVector<AffineMap> channelMaps(MLIRContext *context, int64_t rank,
                                          size_t perChannel) {
  SmallVector<AffineMap> maps = {
      AffineMap::getMultiDimIdentityMap(rank, context)};
  AffineMap channel = dropDimsMap(context, rank, allButChannel(rank));
  maps.append(perChannel, channel);
  return maps;
}

/// Σ over all axes but 1 of term(x, perChannel...): a [C] tensor, C sized
/// like `like`.
static Value channelSum(OpBuilder &b, Location loc, Value x,
                        ValueRange perChannel, Value like, BodyFn term) {
  int64_t rank = cast<RankedTensorType>(x.getType()).getRank();
  Type type = getElementTypeOrSelf(x.getType());
  Value init = filledTensor(b, loc, sizesOf(b, loc, like),
                            floatConstant(b, loc, type, 0));
  SmallVector<Value> inputs = {x};
  inputs.append(perChannel.begin(), perChannel.end());
  return reduceGeneric(
      b, loc, inputs, channelMaps(b.getContext(), rank, perChannel.size()),
      allButChannel(rank), init,
      [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        Value addend = term(nb, nloc, args.drop_back());
        return nb.create<arith::AddFOp>(nloc, args.back(), addend);
      });
}

/// y = gamma·(x − mean) / sqrt(var + eps) + beta, per channel.
static Value normalize(OpBuilder &b, Location loc, nn::BatchNormOp op,
                       Value mean, Value var) {
  Value x = op.getX();
  int64_t rank = cast<RankedTensorType>(x.getType()).getRank();
  Type type = getElementTypeOrSelf(x.getType());
  Value eps = floatConstant(b, loc, type, op.getEpsilon().convertToDouble());
  Value init = emptyTensor(b, loc, sizesOf(b, loc, x), type);
  return mapGeneric(
      b, loc, ValueRange{x, mean, var, op.getGamma(), op.getBeta()},
      channelMaps(b.getContext(), rank, 4), init,
      [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        Value centred = nb.create<arith::SubFOp>(nloc, args[0], args[1]);
        Value shifted = nb.create<arith::AddFOp>(nloc, args[2], eps);
        Value stddev = nb.create<math::SqrtOp>(nloc, shifted);
        Value scaled = nb.create<arith::MulFOp>(nloc, args[3], centred);
        Value unit = nb.create<arith::DivFOp>(nloc, scaled, stddev);
        return nb.create<arith::AddFOp>(nloc, unit, args[4]);
      });
}

/// (1 − m)·running + m·(batch · factor), elementwise on [C]; no factor
/// when `factor` is null.
static Value blendRunning(OpBuilder &b, Location loc, Value running,
                          Value batch, double momentum, Value factor) {
  Type type = getElementTypeOrSelf(running.getType());
  Value keep = floatConstant(b, loc, type, 1.0 - momentum);
  Value take = floatConstant(b, loc, type, momentum);
  return elementwise(
      b, loc, ValueRange{running, batch},
      [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        Value old = nb.create<arith::MulFOp>(nloc, keep, args[0]);
        Value fresh =
            factor ? nb.create<arith::MulFOp>(nloc, args[1], factor) : args[1];
        Value weighted = nb.create<arith::MulFOp>(nloc, take, fresh);
        return nb.create<arith::AddFOp>(nloc, old, weighted);
      });
}

/// [C] tensor / n.
static Value divideBy(OpBuilder &b, Location loc, Value sums, Value n) {
  return elementwise(b, loc, sums,
                     [&](OpBuilder &nb, Location nloc, ValueRange args) {
                       return nb.create<arith::DivFOp>(nloc, args[0], n);
                     });
}

namespace {
struct ConvertBatchNorm : OpRewritePattern<nn::BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(nn::BatchNormOp op,
                                PatternRewriter &rewriter) const override {
    if (!op.getTraining()) {
      Value y = normalize(rewriter, op.getLoc(), op, op.getMean(), op.getVar());
      rewriter.replaceOp(op, {y, op.getMean(), op.getVar()});
      return success();
    }
    Value x = op.getX();
    int64_t rank = cast<RankedTensorType>(x.getType()).getRank();
    Value n = countAlong(rewriter, op.getLoc(), x, allButChannel(rank),
                         getElementTypeOrSelf(x.getType()));
    auto [mean, var] = batchStatistics(rewriter, op, n);
    Value y = normalize(rewriter, op.getLoc(), op, mean, var);
    auto [newMean, newVar] = runningStatistics(rewriter, op, mean, var, n);
    rewriter.replaceOp(op, {y, newMean, newVar});
    return success();
  }

private:
  /// Per-channel mean and biased variance; two passes, as the centred
  /// squares avoid the cancellation of E[x²] − E[x]².
  static std::pair<Value, Value> batchStatistics(OpBuilder &b,
                                                 nn::BatchNormOp op, Value n) {
    Location loc = op.getLoc();
    Value x = op.getX(), like = op.getMean();
    Value sums = channelSum(
        b, loc, x, {}, like,
        [](OpBuilder &, Location, ValueRange args) { return args[0]; });
    Value mean = divideBy(b, loc, sums, n);
    Value squares =
        channelSum(b, loc, x, mean, like,
                   [](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
                     Value centred =
                         nb.create<arith::SubFOp>(nloc, args[0], args[1]);
                     return nb.create<arith::MulFOp>(nloc, centred, centred);
                   });
    return {mean, divideBy(b, loc, squares, n)};
  }

  /// new = (1 − m)·old + m·batch, the variance made unbiased by n / (n − 1)
  /// as PyTorch does for the running statistics.
  static std::pair<Value, Value> runningStatistics(OpBuilder &b,
                                                   nn::BatchNormOp op,
                                                   Value mean, Value var,
                                                   Value n) {
    Location loc = op.getLoc();
    Type type = getElementTypeOrSelf(op.getX().getType());
    Value one = floatConstant(b, loc, type, 1.0);
    Value unbias =
        b.create<arith::DivFOp>(loc, n, b.create<arith::SubFOp>(loc, n, one));
    double m = op.getMomentum().convertToDouble();
    Value newMean = blendRunning(b, loc, op.getMean(), mean, m, Value());
    Value newVar = blendRunning(b, loc, op.getVar(), var, m, unbias);
    return {castTo(b, loc, newMean, op.getNewMean().getType()),
            castTo(b, loc, newVar, op.getNewVar().getType())};
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// lrn
//===----------------------------------------------------------------------===//

/// s[c] = Σ_{k < size} sq_pad[c + k] with sq padded by size/2 zeros before
/// and (size − 1)/2 after channel axis 1: the sum over the channels
/// c − size/2 … c + (size − 1)/2 that exist, as PyTorch's zero padding.
static Value channelWindowSum(OpBuilder &b, Location loc, Value squares,
                              int64_t size) {
  auto type = cast<RankedTensorType>(squares.getType());
  int64_t rank = type.getRank();
  SmallVector<OpFoldResult> low(rank, b.getIndexAttr(0));
  SmallVector<OpFoldResult> high(rank, b.getIndexAttr(0));
  low[1] = b.getIndexAttr(size / 2);
  high[1] = b.getIndexAttr((size - 1) / 2);
  Value zero = floatConstant(b, loc, type.getElementType(), 0.0);
  Value padded = b.create<tensor::PadOp>(loc, Type(), squares, low, high, zero);
  // Loops (d0 … d{rank−1}, k); the window operand only gives k its extent.
  Value window =
      emptyTensor(b, loc, {b.getIndexAttr(size)}, type.getElementType());
  MLIRContext *context = b.getContext();
  SmallVector<AffineExpr> shifted;
  for (int64_t i = 0; i < rank; ++i)
    shifted.push_back(getAffineDimExpr(i, context));
  shifted[1] = shifted[1] + getAffineDimExpr(rank, context);
  AffineMap paddedMap = AffineMap::get(rank + 1, 0, shifted, context);
  AffineMap windowMap =
      AffineMap::get(rank + 1, 0, getAffineDimExpr(rank, context));
  Value init = filledTensor(b, loc, sizesOf(b, loc, squares), zero);
  return reduceGeneric(
      b, loc, ValueRange{padded, window}, {paddedMap, windowMap}, {rank}, init,
      [](OpBuilder &nb, Location nloc, ValueRange args) {
        return nb.create<arith::AddFOp>(nloc, args.back(), args[0]);
      });
}

namespace {
/// y = x / (bias + alpha/size · Σ_window x²)^beta.
struct ConvertLrn : OpRewritePattern<nn::LrnOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(nn::LrnOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type type = op.getType().getElementType();
    Value squares =
        elementwise(rewriter, loc, op.getX(),
                    [](OpBuilder &b, Location l, ValueRange args) {
                      return b.create<arith::MulFOp>(l, args[0], args[0]);
                    });
    Value sums = channelWindowSum(rewriter, loc, squares, op.getSize());
    double alphaOverSize = op.getAlpha().convertToDouble() / op.getSize();
    Value scale = floatConstant(rewriter, loc, type, alphaOverSize);
    Value bias =
        floatConstant(rewriter, loc, type, op.getBias().convertToDouble());
    Value beta =
        floatConstant(rewriter, loc, type, op.getBeta().convertToDouble());
    Value y =
        elementwise(rewriter, loc, ValueRange{op.getX(), sums},
                    [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                      Value scaled = b.create<arith::MulFOp>(l, scale, args[1]);
                      Value base = b.create<arith::AddFOp>(l, bias, scaled);
                      Value denom = b.create<math::PowFOp>(l, base, beta);
                      return b.create<arith::DivFOp>(l, args[0], denom);
                    });
    rewriter.replaceOp(op, castTo(rewriter, loc, y, op.getType()));
    return success();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// dropout
//===----------------------------------------------------------------------===//

static Value i64Constant(OpBuilder &b, Location loc, uint64_t value) {
  return b.create<arith::ConstantOp>(
      loc, b.getI64IntegerAttr(static_cast<int64_t>(value)));
}

/// The splitmix64 finalizer of seed + (index + 1)·0x9E3779B97F4A7C15 in
/// wrapping i64 arithmetic with logical shifts (Dropout.h of the
/// interpreter states the same function).
static Value splitmix64(OpBuilder &b, Location loc, Value seed, Value index) {
  Value next = b.create<arith::AddIOp>(loc, index, i64Constant(b, loc, 1));
  Value step = b.create<arith::MulIOp>(loc, next,
                                       i64Constant(b, loc, 0x9E3779B97F4A7C15));
  Value z = b.create<arith::AddIOp>(loc, seed, step);
  // z = (z ^ (z >> shift)) · multiplier
  auto mix = [&](Value z, uint64_t shift, uint64_t multiplier) -> Value {
    Value shifted =
        b.create<arith::ShRUIOp>(loc, z, i64Constant(b, loc, shift));
    Value mixed = b.create<arith::XOrIOp>(loc, z, shifted);
    return b.create<arith::MulIOp>(loc, mixed, i64Constant(b, loc, multiplier));
  };
  z = mix(z, 30, 0xBF58476D1CE4E5B9);
  z = mix(z, 27, 0x94D049BB133111EB);
  Value shifted = b.create<arith::ShRUIOp>(loc, z, i64Constant(b, loc, 31));
  return b.create<arith::XOrIOp>(loc, z, shifted);
}

/// Row-major linear index of the current element of a generic over a tensor
/// whose sizes after the first are `trailingSizes`, as i64:
/// ((i0·s1 + i1)·s2 + i2)…
static Value linearIndex(OpBuilder &b, Location loc, int64_t rank,
                         ArrayRef<Value> trailingSizes) {
  Value index = rank == 0 ? b.create<arith::ConstantIndexOp>(loc, 0).getResult()
                          : b.create<linalg::IndexOp>(loc, 0).getResult();
  for (int64_t dim = 1; dim < rank; ++dim) {
    Value scaled = b.create<arith::MulIOp>(loc, index, trailingSizes[dim - 1]);
    Value position = b.create<linalg::IndexOp>(loc, dim);
    index = b.create<arith::AddIOp>(loc, scaled, position);
  }
  return b.create<arith::IndexCastOp>(loc, b.getI64Type(), index);
}

/// Keeps iff u·2⁻²⁴ ≥ rate, u = the top 24 bits of the hash; compared in
/// f32, where both sides are exact, so every backend agrees.
static Value keepsElement(OpBuilder &b, Location loc, Value hash, float rate) {
  Value u = b.create<arith::ShRUIOp>(loc, hash, i64Constant(b, loc, 40));
  Value uf = b.create<arith::UIToFPOp>(loc, b.getF32Type(), u);
  Value unit = b.create<arith::MulFOp>(
      loc, uf, floatConstant(b, loc, b.getF32Type(), 0x1p-24));
  return b.create<arith::CmpFOp>(loc, arith::CmpFPredicate::OGE, unit,
                                 floatConstant(b, loc, b.getF32Type(), rate));
}

namespace {
/// y = keep(seed, index) ? x / (1 − rate) : 0 when training, else x.
struct ConvertDropout : OpRewritePattern<nn::DropoutOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(nn::DropoutOp op,
                                PatternRewriter &rewriter) const override {
    float rate = op.getRate().convertToFloat();
    if (!op.getTraining() || rate == 0.0f) {
      rewriter.replaceOp(op, op.getX());
      return success();
    }
    Location loc = op.getLoc();
    Type type = op.getType().getElementType();
    Value seed = rewriter.create<tensor::ExtractOp>(loc, op.getSeed());
    int64_t rank = op.getType().getRank();
    SmallVector<Value> sizes;
    for (int64_t dim = 1; dim < rank; ++dim)
      sizes.push_back(getValueOrCreateConstantIndexOp(
          rewriter, loc, sizeOf(rewriter, loc, op.getX(), dim)));
    Value scale = floatConstant(rewriter, loc, type, 1.0 / (1.0 - rate));
    Value zero = floatConstant(rewriter, loc, type, 0.0);
    Value y = elementwise(
        rewriter, loc, op.getX(),
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value hash = splitmix64(b, l, seed, linearIndex(b, l, rank, sizes));
          Value scaled = b.create<arith::MulFOp>(l, args[0], scale);
          return b.create<arith::SelectOp>(l, keepsElement(b, l, hash, rate),
                                           scaled, zero);
        });
    rewriter.replaceOp(op, castTo(rewriter, loc, y, op.getType()));
    return success();
  }
};
} // namespace

void nnc::populateNormLoweringPatterns(RewritePatternSet &patterns) {
  patterns.add<ConvertBatchNorm, ConvertLrn, ConvertDropout>(
      patterns.getContext());
}
