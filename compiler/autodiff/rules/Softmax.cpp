//===- Softmax.cpp - VJP rules of softmax and the losses ------------------===//
//
// Losses first turn the cotangent of their (possibly reduced) result into
// the cotangent of each per-example value: g itself for "none" and "sum", g
// divided by the number of values for "mean". The rest broadcasts.
//
// binary_cross_entropy differentiates its clamped logs exactly: a log below
// −100 is a constant and passes no gradient. Where neither log is clamped
// this is PyTorch's g · (p − t) / (p · (1 − p)).
//
//===----------------------------------------------------------------------===//

#include "compiler/autodiff/rules/RuleModel.h"

using namespace mlir;
using namespace nnc::autodiff;

namespace {

/// The lowest value a clamped log of binary_cross_entropy takes.
constexpr double kLogClamp = -100.0;

/// The cotangent of each of the loss values of `perValue` (shaped like the
/// "none" result), given the cotangent `g` of the reduced result. Broadcasts
/// against per-value terms ([N] becomes [N, 1] when `rowsOfMatrix`).
Value perValueCotangent(GradBuilder &b, nn::Reduction reduction, Value g,
                        Value perValue, ArrayRef<int64_t> valueAxes,
                        bool rowsOfMatrix) {
  if (reduction == nn::Reduction::Mean)
    return b.divideByCount(g, perValue, valueAxes);
  if (reduction == nn::Reduction::None && rowsOfMatrix) {
    auto rows = cast<RankedTensorType>(g.getType());
    return b.reshape(g, RankedTensorType::get({rows.getDimSize(0), 1},
                                              rows.getElementType()));
  }
  return g;
}

// d/dx softmax(x) = y · (g − Σ_axis g · y)
Grads softmaxVjp(nn::SoftmaxOp op, GradBuilder &b, Value g) {
  Value y = op.getY();
  int64_t axis = static_cast<int64_t>(op.getAxis());
  if (axis < 0)
    axis += op.getX().getType().getRank();
  Value dot = b.reduceSum(b.mul(g, y), {axis}, /*keepDims=*/true);
  return grads({b.mul(y, b.sub(g, dot))});
}

// d/dx log_softmax(x) = g − exp(y) · Σ_axis g
Grads logSoftmaxVjp(nn::LogSoftmaxOp op, GradBuilder &b, Value g) {
  Value y = op.getY();
  int64_t axis = static_cast<int64_t>(op.getAxis());
  if (axis < 0)
    axis += op.getX().getType().getRank();
  Value total = b.reduceSum(g, {axis}, /*keepDims=*/true);
  return grads({b.sub(g, b.mul(b.exp(y), total))});
}

/// one_hot(labels)[n, k] = [labels[n] = k] as floats like `logits`.
Value oneHot(GradBuilder &b, Value labels, Value logits) {
  auto labelType = cast<RankedTensorType>(labels.getType());
  auto logitType = cast<RankedTensorType>(logits.getType());
  auto column = RankedTensorType::get({labelType.getDimSize(0), 1},
                                      labelType.getElementType());
  Value classes = b.iota(logitType.getDimSize(1), labelType.getElementType());
  return b.indicator(b.compare("eq", b.reshape(labels, column), classes),
                     logits);
}

// Integer labels:     d/dz = (softmax(z) − one_hot(labels)) · g_n
// Probability labels: d/dz = (softmax(z) · Σ_k t − t) · g_n,
//                     d/dt = −log_softmax(z) · g_n
Grads crossEntropyVjp(nn::SoftmaxCrossEntropyOp op, GradBuilder &b, Value g) {
  Value logits = op.getLogits(), labels = op.getLabels();
  if (isa<IntegerType>(op.getLabels().getType().getElementType()) &&
      op.getLogits().getType().isDynamicDim(1))
    return op.emitOpError() << "cannot be differentiated with a dynamic "
                               "number of classes";
  Value gRow = perValueCotangent(b, op.getReductionKind(), g, labels, {0},
                                 /*rowsOfMatrix=*/true);
  Value probs = b.softmax(logits, 1);
  if (isa<IntegerType>(op.getLabels().getType().getElementType())) {
    Value dz = b.mul(b.sub(probs, oneHot(b, labels, logits)), gRow);
    return grads({dz, Value()});
  }
  Value mass = b.reduceSum(labels, {1}, /*keepDims=*/true);
  Value dz = b.mul(b.sub(b.mul(probs, mass), labels), gRow);
  Value dt = b.mul(b.neg(b.logSoftmax(logits, 1)), gRow);
  return grads({dz, dt});
}

/// max(log(x), −100): the clamped log of binary_cross_entropy.
Value clampedLog(GradBuilder &b, Value x) {
  return b.maximum(b.log(x), b.scalar(kLogClamp, x));
}

// d/dp = g_i · ([log(1−p) > −100] · (1−t)/(1−p) − [log p > −100] · t/p)
// d/dt = g_i · (clog(1−p) − clog(p))
Grads binaryCrossEntropyVjp(nn::BinaryCrossEntropyOp op, GradBuilder &b,
                            Value g) {
  Value p = op.getInput(), t = op.getTarget();
  int64_t rank = op.getInput().getType().getRank();
  Value gi = perValueCotangent(b, op.getReductionKind(), g, p, allAxes(rank),
                               /*rowsOfMatrix=*/false);
  Value one = b.one(p), zero = b.zero(p), floor = b.scalar(kLogClamp, p);
  Value q = b.sub(one, p);
  Value dLogP = b.select(b.compare("gt", b.log(p), floor), b.div(t, p), zero);
  Value dLogQ =
      b.select(b.compare("gt", b.log(q), floor), b.div(b.sub(one, t), q), zero);
  Value dp = b.mul(gi, b.sub(dLogQ, dLogP));
  Value dt = b.mul(gi, b.sub(clampedLog(b, q), clampedLog(b, p)));
  return grads({b.castTo(dp, p.getType()), b.castTo(dt, t.getType())});
}

// d/dy (y − t)² = 2 · (y − t) · g_i,  d/dt = −d/dy
Grads mseLossVjp(nn::MseLossOp op, GradBuilder &b, Value g) {
  Value y = op.getInput(), t = op.getTarget();
  int64_t rank = op.getInput().getType().getRank();
  Value gi = perValueCotangent(b, op.getReductionKind(), g, y, allAxes(rank),
                               /*rowsOfMatrix=*/false);
  Value dy = b.mul(b.mul(b.scalar(2.0, y), b.sub(y, t)), gi);
  return grads({b.castTo(dy, y.getType()), b.castTo(b.neg(dy), t.getType())});
}

} // namespace

void nnc::autodiff::attachSoftmaxRules(MLIRContext *context) {
  attachRule<nn::SoftmaxOp, softmaxVjp>(context);
  attachRule<nn::LogSoftmaxOp, logSoftmaxVjp>(context);
  attachRule<nn::SoftmaxCrossEntropyOp, crossEntropyVjp>(context);
  attachRule<nn::BinaryCrossEntropyOp, binaryCrossEntropyVjp>(context);
  attachRule<nn::MseLossOp, mseLossVjp>(context);
}
