//===- Norm.cpp - VJP rules of batch_norm, dropout and lrn ----------------===//
//
// All three are composed of existing nn ops: statistics are recomputed from
// x with reductions over every axis but 1, channel windows are avg_pool2d
// over x viewed as [N, 1, C, rest], and dropout's mask is a pure function
// of (seed, element index), so dropout itself applies it to the cotangent.
//
// batch_norm has three results; only y carries a gradient. Its running
// statistics are state, not functions of the parameters being trained, so
// a loss that reads new_mean or new_var is rejected.
//
//===----------------------------------------------------------------------===//

#include "compiler/autodiff/rules/RuleModel.h"

using namespace mlir;
using namespace nnc::autodiff;

namespace {

//===----------------------------------------------------------------------===//
// batch_norm
//===----------------------------------------------------------------------===//

/// The channel vector `v` [C] as [1, C, 1, ...] to broadcast against a
/// tensor of rank `rank`.
Value perChannel(GradBuilder &b, Value v, int64_t rank) {
  auto type = cast<RankedTensorType>(v.getType());
  SmallVector<int64_t> shape(rank, 1);
  shape[1] = type.getDimSize(0);
  return b.reshape(v, RankedTensorType::get(shape, type.getElementType()));
}

/// Σ (or the mean, when `mean`) of `t` over every axis but 1, one axis at a
/// time from the last: f32 rounding then grows with the sum of the axis
/// sizes (32 + 32 + N for a 32x32 image) rather than with their product,
/// which matters where per-channel sums nearly cancel (batch-norm
/// gradients sum to 0 over each channel). Keeps the reduced axes as size 1
/// when `keepDims`, else gives [C].
Value perChannelReduce(GradBuilder &b, Value t, bool mean, bool keepDims) {
  auto type = cast<RankedTensorType>(t.getType());
  for (int64_t axis : llvm::reverse(allAxesBut(type.getRank(), 1)))
    t = mean ? b.reduceMean(t, {axis}, /*keepDims=*/true)
             : b.reduceSum(t, {axis}, /*keepDims=*/true);
  if (keepDims)
    return t;
  return b.reshape(
      t, RankedTensorType::get({type.getDimSize(1)}, type.getElementType()));
}

/// The gradients of gamma and beta, shared by both modes:
/// dγ = Σ g·x̂, dβ = Σ g over every axis but 1.
std::pair<Value, Value> affineGrads(nn::BatchNormOp op, GradBuilder &b, Value g,
                                    Value normalized) {
  Value dgamma = perChannelReduce(b, b.mul(g, normalized), false, false);
  Value dbeta = perChannelReduce(b, g, false, false);
  return {b.castTo(dgamma, op.getGamma().getType()),
          b.castTo(dbeta, op.getBeta().getType())};
}

// Batch statistics (μ, biased σ² over the m values of each channel):
//   x̂ = (x − μ)·r, r = (σ² + ε)^(−1/2), y = γ·x̂ + β
//   dx = γ·r·(g − mean(g) − x̂·mean(g·x̂))
// mean and var are not read: they get no gradient.
Grads batchNormTrainingVjp(nn::BatchNormOp op, GradBuilder &b, Value g) {
  Value x = op.getX();
  int64_t rank = op.getX().getType().getRank();
  Value centred = b.sub(x, perChannelReduce(b, x, true, true));
  Value var = perChannelReduce(b, b.mul(centred, centred), true, true);
  double epsilon = op.getEpsilon().convertToDouble();
  Value r = b.rsqrt(b.add(var, b.scalar(epsilon, x)));
  Value normalized = b.mul(centred, r);
  Value meanG = perChannelReduce(b, g, true, true);
  Value meanGX = perChannelReduce(b, b.mul(g, normalized), true, true);
  Value inner = b.sub(b.sub(g, meanG), b.mul(normalized, meanGX));
  Value dx = b.mul(b.mul(perChannel(b, op.getGamma(), rank), r), inner);
  auto [dgamma, dbeta] = affineGrads(op, b, g, normalized);
  return grads({b.castTo(dx, x.getType()), dgamma, dbeta, Value(), Value()});
}

// Running statistics, constants of the batch:
//   r = (var + ε)^(−1/2), x̂ = (x − mean)·r, dx = γ·r·g
//   dmean = −Σ γ·r·g,  dvar = −½ Σ γ·g·(x − mean)·r³
Grads batchNormInferenceVjp(nn::BatchNormOp op, GradBuilder &b, Value g) {
  Value x = op.getX();
  int64_t rank = op.getX().getType().getRank();
  Value centred = b.sub(x, perChannel(b, op.getMean(), rank));
  double epsilon = op.getEpsilon().convertToDouble();
  Value var = perChannel(b, op.getVar(), rank);
  Value r = b.rsqrt(b.add(var, b.scalar(epsilon, x)));
  Value scaledG = b.mul(g, b.mul(perChannel(b, op.getGamma(), rank), r));
  Value dmean = b.neg(perChannelReduce(b, scaledG, false, false));
  Value cubed = b.mul(b.scalar(-0.5, x), b.mul(r, r));
  Value dvar =
      perChannelReduce(b, b.mul(b.mul(scaledG, centred), cubed), false, false);
  auto [dgamma, dbeta] = affineGrads(op, b, g, b.mul(centred, r));
  return grads({b.castTo(scaledG, x.getType()), dgamma, dbeta,
                b.castTo(dmean, op.getMean().getType()),
                b.castTo(dvar, op.getVar().getType())});
}

Grads batchNormVjp(nn::BatchNormOp op, GradBuilder &b,
                   ArrayRef<Value> cotangents) {
  if (cotangents[1] || cotangents[2])
    return op.emitOpError()
           << "cannot be differentiated through its running statistics: "
              "only result 'y' may reach the loss";
  if (cast<RankedTensorType>(op.getGamma().getType()).isDynamicDim(0))
    return op.emitOpError() << "cannot be differentiated with a dynamic "
                               "number of channels";
  return op.getTraining() ? batchNormTrainingVjp(op, b, cotangents[0])
                          : batchNormInferenceVjp(op, b, cotangents[0]);
}

//===----------------------------------------------------------------------===//
// dropout
//===----------------------------------------------------------------------===//

// y = mask(seed) · x / (1 − rate):  dx = dropout(g) with the same seed and
// attributes, i.e. the same mask and scale; the identity when not training.
// The seed is an integer: no gradient.
Grads dropoutVjp(nn::DropoutOp op, GradBuilder &b, Value g) {
  if (!op.getTraining())
    return grads({g, Value()});
  Value dx = b.build<nn::DropoutOp>(g, op.getSeed(), op.getRateAttr(),
                                    op.getTrainingAttr());
  return grads({dx, Value()});
}

//===----------------------------------------------------------------------===//
// lrn
//===----------------------------------------------------------------------===//

/// mean_c(t) = (1/size) Σ_{c' = c − before}^{c + after} t[c'], zeros past
/// the channels: avg_pool2d (count_include_pad) over t viewed as
/// [N, 1, C, rest]. Fails after an error at `op` when C or rest is dynamic.
FailureOr<Value> channelWindowMean(nn::LrnOp op, GradBuilder &b, Value t,
                                   int64_t before, int64_t after) {
  auto type = cast<RankedTensorType>(t.getType());
  int64_t rest = 1;
  for (int64_t dim = 1; dim < type.getRank(); ++dim) {
    if (type.isDynamicDim(dim))
      return op.emitOpError()
             << "cannot be differentiated with a dynamic size other than "
                "the batch, got "
             << type;
    rest *= dim > 1 ? type.getDimSize(dim) : 1;
  }
  auto view = RankedTensorType::get(
      {type.getDimSize(0), 1, type.getDimSize(1), rest}, type.getElementType());
  int64_t size = op.getSize();
  MLIRContext *context = op.getContext();
  Value mean = b.build<nn::AvgPool2DOp>(
      b.reshape(t, view), ArrayRef<int64_t>{size, 1},
      DenseI64ArrayAttr::get(context, {1, 1}),
      ArrayRef<int64_t>{before, 0, after, 0}, /*count_include_pad=*/true);
  return b.reshape(mean, type);
}

// PyTorch's LocalResponseNorm, with the window W(c) = [c − size/2,
// c + (size − 1)/2] of existing channels:
//   d_c = bias + α · mean_{W(c)}(x²),   y_c = x_c · d_c^(−β)
//   dx_j = g_j · d_j^(−β) − 2αβ · x_j · mean'_j(g · x · d^(−β−1))
// where j ∈ W(c) ⟺ c ∈ [j − (size − 1)/2, j + size/2]: the adjoint window
// mean' has the two paddings swapped (and the same divisor, size).
Grads lrnVjp(nn::LrnOp op, GradBuilder &b, Value g) {
  Value x = op.getX();
  int64_t size = op.getSize();
  FailureOr<Value> windowMean =
      channelWindowMean(op, b, b.mul(x, x), size / 2, (size - 1) / 2);
  if (failed(windowMean))
    return failure();
  double alpha = op.getAlpha().convertToDouble();
  double beta = op.getBeta().convertToDouble();
  double bias = op.getBias().convertToDouble();
  Value d = b.add(b.scalar(bias, x), b.mul(b.scalar(alpha, x), *windowMean));
  Value scale = b.pow(d, b.scalar(-beta, x));
  Value inner = b.div(b.mul(b.mul(g, x), scale), d);
  FailureOr<Value> adjoint =
      channelWindowMean(op, b, inner, (size - 1) / 2, size / 2);
  if (failed(adjoint))
    return failure();
  Value cross = b.mul(b.scalar(2.0 * alpha * beta, x), b.mul(x, *adjoint));
  Value dx = b.sub(b.mul(g, scale), cross);
  return grads({b.castTo(dx, x.getType())});
}

} // namespace

void nnc::autodiff::attachNormRules(MLIRContext *context) {
  attachRule<nn::BatchNormOp, batchNormVjp>(context);
  attachRule<nn::DropoutOp, dropoutVjp>(context);
  attachRule<nn::LrnOp, lrnVjp>(context);
}
