//===- Norm.cpp - reference kernels of batch_norm, dropout and lrn --------===//
//
// All three ops keep the shape of `x`. batch_norm and lrn are PyTorch's
// formulas written out directly, addressing `x` as [N, C, inner] around the
// channel axis 1; dropout applies the backend-independent mask of Dropout.h.
//
//===----------------------------------------------------------------------===//

#include "compiler/interpreter/KernelRegistry.h"
#include "compiler/interpreter/kernels/Dropout.h"
#include "compiler/interpreter/kernels/KernelUtils.h"
#include "dialects/nn/IR/NNOps.h"

#include <cmath>

using namespace mlir;
using namespace nnc;
using namespace nnc::interp;

/// Channel (index along axis 1) of the row-major element `flat`.
static int64_t channelOf(int64_t flat, const AxisSplit &split) {
  return (flat / split.inner) % split.size;
}

//===----------------------------------------------------------------------===//
// batch_norm
//===----------------------------------------------------------------------===//

namespace {
/// Per-channel mean and biased variance of x over every axis but 1.
struct ChannelStats {
  std::vector<double> mean, var;
  int64_t count; // elements per channel
};
} // namespace

static ChannelStats computeChannelStats(const RefTensor &x) {
  AxisSplit split(x.shape, 1);
  ChannelStats stats{std::vector<double>(split.size, 0.0),
                     std::vector<double>(split.size, 0.0),
                     split.outer * split.inner};
  for (int64_t i = 0; i < x.size(); ++i)
    stats.mean[channelOf(i, split)] += x.floats[i];
  for (double &m : stats.mean)
    m /= static_cast<double>(stats.count);
  // Two passes: the variance of centred values avoids cancellation.
  for (int64_t i = 0; i < x.size(); ++i) {
    int64_t c = channelOf(i, split);
    double centred = x.floats[i] - stats.mean[c];
    stats.var[c] += centred * centred;
  }
  for (double &v : stats.var)
    v /= static_cast<double>(stats.count);
  return stats;
}

/// Checks that gamma, beta, mean and var have one element per channel; `?`
/// sizes make this a run-time question.
static LogicalResult checkChannelOperands(nn::BatchNormOp op,
                                          const std::vector<RefTensor> &in) {
  static const char *names[] = {"gamma", "beta", "mean", "var"};
  for (int i = 0; i < 4; ++i)
    if (in[i + 1].size() != in[0].dim(1))
      return op->emitOpError()
             << "operand '" << names[i] << "' has " << in[i + 1].size()
             << " elements but 'x' has " << in[0].dim(1) << " channels";
  return success();
}

/// y = gamma·(x − μ)/sqrt(σ² + eps) + beta with per-channel μ, σ².
static RefTensor normalize(nn::BatchNormOp op, const std::vector<RefTensor> &in,
                           ArrayRef<double> mu, ArrayRef<double> sigma2) {
  const RefTensor &x = in[0], &gamma = in[1], &beta = in[2];
  double eps = op.getEpsilon().convertToDouble();
  AxisSplit split(x.shape, 1);
  RefTensor y = makeResult(op.getY(), x.shape);
  for (int64_t i = 0; i < x.size(); ++i) {
    int64_t c = channelOf(i, split);
    y.floats[i] =
        gamma.floats[c] * (x.floats[i] - mu[c]) / std::sqrt(sigma2[c] + eps) +
        beta.floats[c];
  }
  return y;
}

/// new = (1 − m)·old + m·batch, the batch variance made unbiased as PyTorch
/// does for the running statistics.
static void updateRunningStats(nn::BatchNormOp op,
                               const std::vector<RefTensor> &in,
                               const ChannelStats &stats, RefTensor &newMean,
                               RefTensor &newVar) {
  double m = op.getMomentum().convertToDouble();
  double n = static_cast<double>(stats.count);
  for (size_t c = 0; c < stats.mean.size(); ++c) {
    newMean.floats[c] = (1.0 - m) * in[3].floats[c] + m * stats.mean[c];
    newVar.floats[c] =
        (1.0 - m) * in[4].floats[c] + m * stats.var[c] * n / (n - 1.0);
  }
}

static LogicalResult runBatchNorm(nn::BatchNormOp op,
                                  const std::vector<RefTensor> &in,
                                  std::vector<RefTensor> &out) {
  if (failed(checkChannelOperands(op, in)))
    return failure();
  const RefTensor &mean = in[3], &var = in[4];
  if (!op.getTraining()) {
    // new_mean and new_var have the types of mean and var: pass them on.
    out.push_back(normalize(op, in, mean.floats, var.floats));
    out.push_back(mean);
    out.push_back(var);
    return success();
  }
  ChannelStats stats = computeChannelStats(in[0]);
  // The unbiased variance needs two values per channel (PyTorch refuses too).
  if (stats.count < 2)
    return op->emitOpError()
           << "expects more than 1 value per channel when training, got "
           << stats.count << " for input shape " << shapeString(in[0].shape);
  RefTensor newMean = makeResult(op.getNewMean(), mean.shape);
  RefTensor newVar = makeResult(op.getNewVar(), var.shape);
  updateRunningStats(op, in, stats, newMean, newVar);
  out.push_back(normalize(op, in, stats.mean, stats.var));
  out.push_back(std::move(newMean));
  out.push_back(std::move(newVar));
  return success();
}

//===----------------------------------------------------------------------===//
// dropout
//===----------------------------------------------------------------------===//

static LogicalResult runDropout(nn::DropoutOp op,
                                const std::vector<RefTensor> &in,
                                std::vector<RefTensor> &out) {
  const RefTensor &x = in[0];
  double rate = op.getRate().convertToDouble();
  if (!op.getTraining() || rate == 0.0) {
    out.push_back(x);
    return success();
  }
  int64_t seed = in[1].ints[0];
  double scale = 1.0 / (1.0 - rate);
  RefTensor y = makeResult(op.getY(), x.shape);
  for (int64_t i = 0; i < y.size(); ++i)
    y.floats[i] = dropoutKeeps(seed, i, rate) ? x.floats[i] * scale : 0.0;
  out.push_back(std::move(y));
  return success();
}

//===----------------------------------------------------------------------===//
// lrn
//===----------------------------------------------------------------------===//

static LogicalResult runLrn(nn::LrnOp op, const std::vector<RefTensor> &in,
                            std::vector<RefTensor> &out) {
  const RefTensor &x = in[0];
  int64_t size = op.getSize();
  double alpha = op.getAlpha().convertToDouble();
  double beta = op.getBeta().convertToDouble();
  double bias = op.getBias().convertToDouble();
  AxisSplit split(x.shape, 1);
  int64_t channels = split.size;
  RefTensor y = makeResult(op.getY(), x.shape);
  for (int64_t i = 0; i < x.size(); ++i) {
    int64_t c = channelOf(i, split);
    // Channels c − size/2 … c + (size−1)/2; those outside [0, C) are the
    // zero padding of PyTorch's implementation and add nothing.
    int64_t first = std::max<int64_t>(0, c - size / 2);
    int64_t last = std::min<int64_t>(channels - 1, c + (size - 1) / 2);
    double sumSquares = 0.0;
    for (int64_t k = first; k <= last; ++k) {
      double v = x.floats[i + (k - c) * split.inner];
      sumSquares += v * v;
    }
    double denom = std::pow(bias + alpha / size * sumSquares, beta);
    y.floats[i] = x.floats[i] / denom;
  }
  out.push_back(std::move(y));
  return success();
}

void nnc::interp::registerNormKernels(KernelRegistry &registry) {
  registry.add<nn::BatchNormOp>(runBatchNorm);
  registry.add<nn::DropoutOp>(runDropout);
  registry.add<nn::LrnOp>(runLrn);
}
