//===- Softmax.cpp - softmax, log_softmax and the losses to linalg --------===//
//
// Softmax-like ops reduce along one axis with the maximum subtracted first,
// so exp never overflows:
//
//   softmax(x)     = exp(x − m) / Σ exp(x − m)          m = max_axis(x)
//   log_softmax(x) = x − m − log Σ exp(x − m)
//
// The losses build per-example values and then reduce them ("none" keeps
// them, "sum" adds all, "mean" divides that sum by their count, read at run
// time for a dynamic batch):
//
//   softmax_cross_entropy: lse_n = m_n + log Σ_k exp(x[n,k] − m_n), then
//     loss_n = lse_n − x[n, label_n]             (class-index labels)
//     loss_n = Σ_k t[n,k] · (lse_n − x[n,k])     (probability labels)
//   binary_cross_entropy: −(t·max(log p, −100) + (1 − t)·max(log(1 − p), −100))
//   mse_loss:             (y − t)²
//
//===----------------------------------------------------------------------===//

#include "compiler/conversion/NNToLinalg/PopulatePatterns.h"
#include "compiler/conversion/NNToLinalg/StructuredBuilders.h"
#include "dialects/nn/IR/NNOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <limits>

using namespace mlir;
using namespace nnc::structured;

//===----------------------------------------------------------------------===//
// Reductions along one axis
//===----------------------------------------------------------------------===//

static int64_t rankOf(Value tensor) {
  return cast<RankedTensorType>(tensor.getType()).getRank();
}

/// Identity map of x's loop nest, then the map of an operand reduced along
/// `axis` (broadcast back along it).
static std::pair<AffineMap, AffineMap> axisMaps(OpBuilder &b, Value x,
                                                int64_t axis) {
  int64_t rank = rankOf(x);
  return {b.getMultiDimIdentityMap(rank),
          dropDimsMap(b.getContext(), rank, {axis})};
}

/// A tensor shaped like x without `axis`, filled with `value`.
static Value reducedInit(OpBuilder &b, Location loc, Value x, int64_t axis,
                         double value) {
  Type type = getElementTypeOrSelf(x.getType());
  return filledTensor(b, loc, dropSizes(sizesOf(b, loc, x), {axis}),
                      floatConstant(b, loc, type, value));
}

/// m = max_axis(x), from −inf.
static Value maxAlong(OpBuilder &b, Location loc, Value x, int64_t axis) {
  auto [identity, reduced] = axisMaps(b, x, axis);
  Value init =
      reducedInit(b, loc, x, axis, -std::numeric_limits<double>::infinity());
  return reduceGeneric(b, loc, x, identity, {axis}, init,
                       [](OpBuilder &nb, Location nloc, ValueRange args) {
                         return nb.create<arith::MaximumFOp>(nloc, args[0],
                                                             args[1]);
                       });
}

/// Σ_axis exp(x − m).
static Value sumExpAlong(OpBuilder &b, Location loc, Value x, Value max,
                         int64_t axis) {
  auto [identity, reduced] = axisMaps(b, x, axis);
  Value init = reducedInit(b, loc, x, axis, 0.0);
  return reduceGeneric(
      b, loc, ValueRange{x, max}, {identity, reduced}, {axis}, init,
      [](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        Value shifted = nb.create<arith::SubFOp>(nloc, args[0], args[1]);
        Value e = nb.create<math::ExpOp>(nloc, shifted);
        return nb.create<arith::AddFOp>(nloc, args[2], e);
      });
}

/// f(x, m, s) elementwise over x, with m and s broadcast along `axis`.
static Value combineAlong(OpBuilder &b, Location loc, Value x, Value max,
                          Value sum, int64_t axis, BodyFn body) {
  auto [identity, reduced] = axisMaps(b, x, axis);
  Value init = emptyTensor(b, loc, sizesOf(b, loc, x),
                           getElementTypeOrSelf(x.getType()));
  return mapGeneric(b, loc, ValueRange{x, max, sum},
                    {identity, reduced, reduced}, init, body);
}

//===----------------------------------------------------------------------===//
// softmax and log_softmax
//===----------------------------------------------------------------------===//

/// exp(x − m) / s
static Value softmaxElement(OpBuilder &b, Location loc, ValueRange args) {
  Value shifted = b.create<arith::SubFOp>(loc, args[0], args[1]);
  Value e = b.create<math::ExpOp>(loc, shifted);
  return b.create<arith::DivFOp>(loc, e, args[2]);
}

/// x − m − log s
static Value logSoftmaxElement(OpBuilder &b, Location loc, ValueRange args) {
  Value shifted = b.create<arith::SubFOp>(loc, args[0], args[1]);
  Value logSum = b.create<math::LogOp>(loc, args[2]);
  return b.create<arith::SubFOp>(loc, shifted, logSum);
}

namespace {
template <typename SoftmaxLikeOp>
struct ConvertSoftmaxLike : OpRewritePattern<SoftmaxLikeOp> {
  ConvertSoftmaxLike(MLIRContext *context,
                     Value (*element)(OpBuilder &, Location, ValueRange))
      : OpRewritePattern<SoftmaxLikeOp>(context), element(element) {}

  LogicalResult matchAndRewrite(SoftmaxLikeOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = op.getX();
    int64_t rank = rankOf(x);
    // Python-style axis (I64Attr reads back unsigned); the verifier has
    // checked its range.
    int64_t axis = op.getAxisAttr().getInt();
    if (axis < 0)
      axis += rank;
    Value max = maxAlong(rewriter, loc, x, axis);
    Value sum = sumExpAlong(rewriter, loc, x, max, axis);
    Value y = combineAlong(rewriter, loc, x, max, sum, axis, element);
    rewriter.replaceOp(op, castTo(rewriter, loc, y, op.getType()));
    return success();
  }

private:
  Value (*element)(OpBuilder &, Location, ValueRange);
};
} // namespace

//===----------------------------------------------------------------------===//
// Loss reductions
//===----------------------------------------------------------------------===//

/// "none": `losses`; "sum": Σ losses; "mean": Σ losses / their count.
static Value reduceLosses(OpBuilder &b, Location loc, Value losses,
                          nn::Reduction kind) {
  if (kind == nn::Reduction::None)
    return losses;
  int64_t rank = rankOf(losses);
  Type type = getElementTypeOrSelf(losses.getType());
  SmallVector<int64_t> all = llvm::to_vector(llvm::seq<int64_t>(0, rank));
  Value init = filledTensor(b, loc, {}, floatConstant(b, loc, type, 0.0));
  Value total =
      reduceGeneric(b, loc, losses, b.getMultiDimIdentityMap(rank), all, init,
                    [](OpBuilder &nb, Location nloc, ValueRange args) {
                      return nb.create<arith::AddFOp>(nloc, args[1], args[0]);
                    });
  if (kind == nn::Reduction::Sum)
    return total;
  Value count = countAlong(b, loc, losses, all, type);
  return elementwise(b, loc, total,
                     [&](OpBuilder &nb, Location nloc, ValueRange args) {
                       return nb.create<arith::DivFOp>(nloc, args[0], count);
                     });
}

/// Replaces a loss op by the reduction of its per-element losses.
template <typename LossOp>
static void replaceLoss(PatternRewriter &rewriter, LossOp op, Value losses) {
  Location loc = op.getLoc();
  Value loss = reduceLosses(rewriter, loc, losses, op.getReductionKind());
  rewriter.replaceOp(op, castTo(rewriter, loc, loss, op.getType()));
}

//===----------------------------------------------------------------------===//
// softmax_cross_entropy
//===----------------------------------------------------------------------===//

/// lse_n = m_n + log Σ_k exp(x[n,k] − m_n), a [N] tensor.
static Value logSumExpRows(OpBuilder &b, Location loc, Value logits) {
  Value max = maxAlong(b, loc, logits, 1);
  Value sum = sumExpAlong(b, loc, logits, max, 1);
  return elementwise(b, loc, ValueRange{max, sum},
                     [](OpBuilder &nb, Location nloc, ValueRange args) {
                       Value logSum = nb.create<math::LogOp>(nloc, args[1]);
                       return nb.create<arith::AddFOp>(nloc, args[0], logSum);
                     });
}

/// loss_n = lse_n − x[n, label_n]: a reduction over k that keeps the term of
/// k = label_n, which never reads out of bounds whatever the label. It starts
/// from NaN, so a label outside [0, K) (which the interpreter rejects, but
/// compiled code cannot report) makes the loss NaN instead of silently lse.
static Value indexLabelLosses(OpBuilder &b, Location loc, Value logits,
                              Value labels, Value lse, Value nans) {
  AffineMap identity = b.getMultiDimIdentityMap(2);
  AffineMap row = dropDimsMap(b.getContext(), 2, {1});
  return reduceGeneric(
      b, loc, ValueRange{logits, labels, lse}, {identity, row, row}, {1}, nans,
      [](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        Value k = nb.create<linalg::IndexOp>(nloc, 1);
        Value label =
            nb.create<arith::IndexCastOp>(nloc, nb.getIndexType(), args[1]);
        Value hit =
            nb.create<arith::CmpIOp>(nloc, arith::CmpIPredicate::eq, k, label);
        Value loss = nb.create<arith::SubFOp>(nloc, args[2], args[0]);
        return nb.create<arith::SelectOp>(nloc, hit, loss, args[3]);
      });
}

/// loss_n = Σ_k t[n,k] · (lse_n − x[n,k]) = −Σ_k t · log_softmax(x).
static Value probabilityLabelLosses(OpBuilder &b, Location loc, Value logits,
                                    Value labels, Value lse, Value zeros) {
  AffineMap identity = b.getMultiDimIdentityMap(2);
  AffineMap row = dropDimsMap(b.getContext(), 2, {1});
  return reduceGeneric(
      b, loc, ValueRange{logits, labels, lse}, {identity, identity, row}, {1},
      zeros, [](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        Value negLogP = nb.create<arith::SubFOp>(nloc, args[2], args[0]);
        Value term = nb.create<arith::MulFOp>(nloc, args[1], negLogP);
        return nb.create<arith::AddFOp>(nloc, args[3], term);
      });
}

namespace {
struct ConvertSoftmaxCrossEntropy
    : OpRewritePattern<nn::SoftmaxCrossEntropyOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(nn::SoftmaxCrossEntropyOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value logits = op.getLogits(), labels = op.getLabels();
    Value lse = logSumExpRows(rewriter, loc, logits);
    Type type = getElementTypeOrSelf(logits.getType());
    bool indices = isa<IntegerType>(getElementTypeOrSelf(labels.getType()));
    double init = indices ? std::numeric_limits<double>::quiet_NaN() : 0.0;
    Value inits = filledTensor(rewriter, loc, sizesOf(rewriter, loc, lse),
                               floatConstant(rewriter, loc, type, init));
    Value losses =
        indices
            ? indexLabelLosses(rewriter, loc, logits, labels, lse, inits)
            : probabilityLabelLosses(rewriter, loc, logits, labels, lse, inits);
    replaceLoss(rewriter, op, losses);
    return success();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// binary_cross_entropy and mse_loss
//===----------------------------------------------------------------------===//

/// max(log v, −100): PyTorch's clamp keeps p = 0 or 1 finite.
static Value clampedLog(OpBuilder &b, Location loc, Value v) {
  Value log = b.create<math::LogOp>(loc, v);
  return b.create<arith::MaximumFOp>(
      loc, log, floatConstant(b, loc, v.getType(), -100.0));
}

/// −(t·log p + (1 − t)·log(1 − p)), logs clamped.
static Value bceElement(OpBuilder &b, Location loc, ValueRange args) {
  Value p = args[0], t = args[1];
  Value one = floatConstant(b, loc, p.getType(), 1.0);
  Value logP = clampedLog(b, loc, p);
  Value logQ = clampedLog(b, loc, b.create<arith::SubFOp>(loc, one, p));
  Value hit = b.create<arith::MulFOp>(loc, t, logP);
  Value miss =
      b.create<arith::MulFOp>(loc, b.create<arith::SubFOp>(loc, one, t), logQ);
  return b.create<arith::NegFOp>(loc, b.create<arith::AddFOp>(loc, hit, miss));
}

/// (y − t)²
static Value squaredError(OpBuilder &b, Location loc, ValueRange args) {
  Value d = b.create<arith::SubFOp>(loc, args[0], args[1]);
  return b.create<arith::MulFOp>(loc, d, d);
}

namespace {
/// A loss that is an elementwise function of (input, target), reduced.
template <typename PairwiseLossOp>
struct ConvertPairwiseLoss : OpRewritePattern<PairwiseLossOp> {
  ConvertPairwiseLoss(MLIRContext *context,
                      Value (*element)(OpBuilder &, Location, ValueRange))
      : OpRewritePattern<PairwiseLossOp>(context), element(element) {}

  LogicalResult matchAndRewrite(PairwiseLossOp op,
                                PatternRewriter &rewriter) const override {
    Value losses =
        elementwise(rewriter, op.getLoc(),
                    ValueRange{op.getInput(), op.getTarget()}, element);
    replaceLoss(rewriter, op, losses);
    return success();
  }

private:
  Value (*element)(OpBuilder &, Location, ValueRange);
};
} // namespace

void nnc::populateSoftmaxLoweringPatterns(RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<ConvertSoftmaxLike<nn::SoftmaxOp>>(context, softmaxElement);
  patterns.add<ConvertSoftmaxLike<nn::LogSoftmaxOp>>(context,
                                                     logSoftmaxElement);
  patterns.add<ConvertSoftmaxCrossEntropy>(context);
  patterns.add<ConvertPairwiseLoss<nn::BinaryCrossEntropyOp>>(context,
                                                              bceElement);
  patterns.add<ConvertPairwiseLoss<nn::MseLossOp>>(context, squaredError);
}
