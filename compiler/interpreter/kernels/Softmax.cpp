//===- Softmax.cpp - reference kernels of softmax and the losses ----------===//
//
// Softmax, log-softmax and cross-entropy all go through one log-sum-exp per
// lane, computed as max + log Σ exp(x − max) so that large logits stay
// finite: log_softmax(x) = x − lse and softmax(x) = exp(x − lse). Losses are
// computed per example and then reduced ("mean" divides by the number of
// per-example values, as PyTorch does without class weights).
//
//===----------------------------------------------------------------------===//

#include "compiler/interpreter/KernelRegistry.h"
#include "compiler/interpreter/kernels/KernelUtils.h"
#include "dialects/nn/IR/NNOps.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace nnc;
using namespace nnc::interp;

/// log Σ_k exp(x[o, k, i]) along the split axis, shifted by the lane's
/// maximum. A NaN anywhere in the lane makes the result NaN, as in PyTorch.
static double logSumExp(const RefTensor &x, const AxisSplit &split, int64_t o,
                        int64_t i) {
  double max = -std::numeric_limits<double>::infinity();
  for (int64_t k = 0; k < split.size; ++k)
    max = std::max(max, x.floats[split.offset(o, k, i)]);
  double sum = 0.0;
  for (int64_t k = 0; k < split.size; ++k)
    sum += std::exp(x.floats[split.offset(o, k, i)] - max);
  return max + std::log(sum);
}

/// softmax (`isLog` false) or log_softmax along the op's axis.
template <typename OpTy>
static LogicalResult runSoftmaxLike(OpTy op, const std::vector<RefTensor> &in,
                                    std::vector<RefTensor> &out, bool isLog) {
  const RefTensor &x = in[0];
  AxisSplit split(x.shape, normalizeAxis(op.getAxis(), x.rank()));
  RefTensor y = makeResult(op.getY(), x.shape);
  for (int64_t o = 0; o < split.outer; ++o)
    for (int64_t i = 0; i < split.inner; ++i) {
      double lse = logSumExp(x, split, o, i);
      for (int64_t k = 0; k < split.size; ++k) {
        int64_t at = split.offset(o, k, i);
        y.floats[at] =
            isLog ? x.floats[at] - lse : std::exp(x.floats[at] - lse);
      }
    }
  out.push_back(std::move(y));
  return success();
}

/// Reduces per-element losses of shape `shape` as `kind` says.
static RefTensor reduceLoss(Value result, nn::Reduction kind,
                            const Shape &shape, std::vector<double> losses) {
  if (kind == nn::Reduction::None) {
    RefTensor loss = makeResult(result, shape);
    loss.floats = std::move(losses);
    return loss;
  }
  double sum = 0.0;
  for (double value : losses)
    sum += value;
  RefTensor loss = makeResult(result, {});
  // An empty mean is 0/0 = NaN, as in PyTorch.
  loss.floats[0] = kind == nn::Reduction::Mean
                       ? sum / static_cast<double>(losses.size())
                       : sum;
  return loss;
}

//===----------------------------------------------------------------------===//
// softmax_cross_entropy
//===----------------------------------------------------------------------===//

static LogicalResult checkLabelShape(nn::SoftmaxCrossEntropyOp op,
                                     const RefTensor &logits,
                                     const RefTensor &labels) {
  bool ok = labels.dim(0) == logits.dim(0) &&
            (!labels.isFloat() || labels.dim(1) == logits.dim(1));
  if (ok)
    return success();
  return op.emitOpError() << "'labels' " << shapeString(labels.shape)
                          << " do not match 'logits' "
                          << shapeString(logits.shape);
}

// loss[n] = lse(logits[n]) − logits[n, label] for class indices, and
// Σ_k t[n, k] · (lse(logits[n]) − logits[n, k]) for probabilities.
static LogicalResult runCrossEntropy(nn::SoftmaxCrossEntropyOp op,
                                     const std::vector<RefTensor> &in,
                                     std::vector<RefTensor> &out) {
  const RefTensor &logits = in[0], &labels = in[1];
  if (failed(checkLabelShape(op, logits, labels)))
    return failure();
  int64_t rows = logits.dim(0), classes = logits.dim(1);
  AxisSplit split(logits.shape, 1);
  std::vector<double> losses(rows, 0.0);
  for (int64_t n = 0; n < rows; ++n) {
    double lse = logSumExp(logits, split, n, 0);
    if (labels.isFloat()) {
      for (int64_t k = 0; k < classes; ++k)
        losses[n] += labels.floats[n * classes + k] *
                     (lse - logits.floats[n * classes + k]);
      continue;
    }
    int64_t label = labels.ints[n];
    if (label < 0 || label >= classes)
      return op.emitOpError() << "label " << label << " of row " << n
                              << " is outside [0, " << classes << ")";
    losses[n] = lse - logits.floats[n * classes + label];
  }
  out.push_back(reduceLoss(op.getLoss(), op.getReductionKind(), {rows},
                           std::move(losses)));
  return success();
}

//===----------------------------------------------------------------------===//
// binary_cross_entropy and mse_loss
//===----------------------------------------------------------------------===//

/// Input and target must agree exactly once `?` sizes are known.
template <typename OpTy>
static LogicalResult checkSameShape(OpTy op, const RefTensor &input,
                                    const RefTensor &target) {
  if (input.shape == target.shape)
    return success();
  return op.emitOpError() << "operand 'target' " << shapeString(target.shape)
                          << " must match 'input' " << shapeString(input.shape);
}

// loss = −(t · max(log p, −100) + (1 − t) · max(log(1 − p), −100))
static LogicalResult runBinaryCrossEntropy(nn::BinaryCrossEntropyOp op,
                                           const std::vector<RefTensor> &in,
                                           std::vector<RefTensor> &out) {
  const RefTensor &p = in[0], &t = in[1];
  if (failed(checkSameShape(op, p, t)))
    return failure();
  std::vector<double> losses(p.size());
  for (int64_t i = 0; i < p.size(); ++i) {
    double prob = p.floats[i], target = t.floats[i];
    // PyTorch rejects probabilities outside [0, 1] (NaN included).
    if (!(prob >= 0.0 && prob <= 1.0))
      return op.emitOpError() << "'input' element " << i << " is "
                              << formatDouble(prob) << ", outside [0, 1]";
    double logP = std::max(std::log(prob), -100.0);
    double log1mP = std::max(std::log(1.0 - prob), -100.0);
    losses[i] = -(target * logP + (1.0 - target) * log1mP);
  }
  out.push_back(reduceLoss(op.getLoss(), op.getReductionKind(), p.shape,
                           std::move(losses)));
  return success();
}

// loss = (y − t)²
static LogicalResult runMseLoss(nn::MseLossOp op,
                                const std::vector<RefTensor> &in,
                                std::vector<RefTensor> &out) {
  const RefTensor &y = in[0], &t = in[1];
  if (failed(checkSameShape(op, y, t)))
    return failure();
  std::vector<double> losses(y.size());
  for (int64_t i = 0; i < y.size(); ++i) {
    double diff = y.floats[i] - t.floats[i];
    losses[i] = diff * diff;
  }
  out.push_back(reduceLoss(op.getLoss(), op.getReductionKind(), y.shape,
                           std::move(losses)));
  return success();
}

void interp::registerSoftmaxKernels(KernelRegistry &registry) {
  registry.add<nn::SoftmaxOp>([](nn::SoftmaxOp op,
                                 const std::vector<RefTensor> &in,
                                 std::vector<RefTensor> &out) {
    return runSoftmaxLike(op, in, out, /*isLog=*/false);
  });
  registry.add<nn::LogSoftmaxOp>([](nn::LogSoftmaxOp op,
                                    const std::vector<RefTensor> &in,
                                    std::vector<RefTensor> &out) {
    return runSoftmaxLike(op, in, out, /*isLog=*/true);
  });
  registry.add<nn::SoftmaxCrossEntropyOp>(runCrossEntropy);
  registry.add<nn::BinaryCrossEntropyOp>(runBinaryCrossEntropy);
  registry.add<nn::MseLossOp>(runMseLoss);
}
