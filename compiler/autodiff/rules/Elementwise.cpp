//===- Elementwise.cpp - VJP rules of activations and arithmetic ----------===//
//
// g is the cotangent of the result y. Unary rules reuse the forward result
// where the derivative is a function of it (sigmoid, tanh, exp, sqrt). Binary
// ops broadcast, so each operand's gradient is summed back to its shape
// (GradBuilder::unbroadcast). Kinks follow PyTorch: relu, leaky_relu and
// prelu pass g where x > 0, abs has gradient 0 at 0, and maximum/minimum
// split g evenly between tied operands.
//
//===----------------------------------------------------------------------===//

#include "compiler/autodiff/rules/RuleModel.h"

using namespace mlir;
using namespace nnc::autodiff;

namespace {

//===----------------------------------------------------------------------===//
// Unary ops
//===----------------------------------------------------------------------===//

// d/dx relu(x) = g · [x > 0]
Grads reluVjp(nn::ReluOp op, GradBuilder &b, Value g) {
  Value x = op.getX();
  return grads({b.select(b.compare("gt", x, b.zero(x)), g, b.zero(g))});
}

// d/dx sigmoid(x) = g · y · (1 − y)
Grads sigmoidVjp(nn::SigmoidOp op, GradBuilder &b, Value g) {
  Value y = op.getY();
  return grads({b.mul(g, b.mul(y, b.sub(b.one(y), y)))});
}

// d/dx tanh(x) = g · (1 − y²)
Grads tanhVjp(nn::TanhOp op, GradBuilder &b, Value g) {
  Value y = op.getY();
  return grads({b.mul(g, b.sub(b.one(y), b.mul(y, y)))});
}

// d/dx exp(x) = g · y
Grads expVjp(nn::ExpOp op, GradBuilder &b, Value g) {
  return grads({b.mul(g, op.getY())});
}

// d/dx log(x) = g / x
Grads logVjp(nn::LogOp op, GradBuilder &b, Value g) {
  return grads({b.div(g, op.getX())});
}

// d/dx −x = −g
Grads negVjp(nn::NegOp, GradBuilder &b, Value g) { return grads({b.neg(g)}); }

// d/dx sqrt(x) = g / (2 · y)
Grads sqrtVjp(nn::SqrtOp op, GradBuilder &b, Value g) {
  Value y = op.getY();
  return grads({b.div(g, b.mul(b.scalar(2.0, y), y))});
}

// d/dx x^(−1/2) = g · (−1/2) · y³
Grads rsqrtVjp(nn::RsqrtOp op, GradBuilder &b, Value g) {
  Value y = op.getY();
  Value cube = b.mul(y, b.mul(y, y));
  return grads({b.mul(g, b.mul(b.scalar(-0.5, y), cube))});
}

// d/dx |x| = g · sign(x), with sign(0) = 0
Grads absVjp(nn::AbsOp op, GradBuilder &b, Value g) {
  Value x = op.getX(), zero = b.zero(x);
  Value negative = b.select(b.compare("lt", x, zero), b.neg(g), b.zero(g));
  return grads({b.select(b.compare("gt", x, zero), g, negative)});
}

// d/dx leaky_relu(x) = g · (x > 0 ? 1 : α)
Grads leakyReluVjp(nn::LeakyReluOp op, GradBuilder &b, Value g) {
  Value x = op.getX();
  double alpha = op.getAlpha().convertToDouble();
  Value scaled = b.mul(g, b.scalar(alpha, g));
  return grads({b.select(b.compare("gt", x, b.zero(x)), g, scaled)});
}

// d/dx prelu(x, s) = g · (x > 0 ? 1 : s[c])
// d/ds prelu(x, s)[c] = Σ_{all axes but 1} g · (x > 0 ? 0 : x)
Grads preluVjp(nn::PReluOp op, GradBuilder &b, Value g) {
  Value x = op.getX(), slope = op.getSlope();
  RankedTensorType xType = op.getX().getType();
  RankedTensorType slopeType = op.getSlope().getType();
  int64_t rank = xType.getRank();
  // slope[C] as [C, 1, ..., 1] broadcasts along axis 1 of x.
  SmallVector<int64_t> channelShape(rank - 1, 1);
  channelShape[0] = slopeType.getDimSize(0);
  Value channels = b.reshape(
      slope, RankedTensorType::get(channelShape, slopeType.getElementType()));
  Value positive = b.compare("gt", x, b.zero(x));
  Value dx = b.select(positive, g, b.mul(g, channels));
  Value perElement = b.select(positive, b.zero(g), b.mul(g, x));
  bool shared = slopeType.getDimSize(0) == 1;
  Value dslope =
      b.reduceSum(perElement, shared ? allAxes(rank) : allAxesBut(rank, 1),
                  /*keepDims=*/false);
  return grads({dx, b.castTo(dslope, slopeType)});
}

//===----------------------------------------------------------------------===//
// Binary ops with broadcasting
//===----------------------------------------------------------------------===//

/// Both gradients, each summed back to its operand's shape.
template <typename OpTy>
Grads unbroadcastBoth(OpTy op, GradBuilder &b, Value da, Value db) {
  return grads({b.unbroadcast(da, op.getLhs().getType()),
                b.unbroadcast(db, op.getRhs().getType())});
}

// d/da (a + b) = g, d/db (a + b) = g
Grads addVjp(nn::AddOp op, GradBuilder &b, Value g) {
  return unbroadcastBoth(op, b, g, g);
}

// d/da (a − b) = g, d/db (a − b) = −g
Grads subVjp(nn::SubOp op, GradBuilder &b, Value g) {
  return unbroadcastBoth(op, b, g, b.neg(g));
}

// d/da (a · b) = g · b, d/db (a · b) = g · a
Grads mulVjp(nn::MulOp op, GradBuilder &b, Value g) {
  return unbroadcastBoth(op, b, b.mul(g, op.getRhs()), b.mul(g, op.getLhs()));
}

// d/da (a / b) = g / b, d/db (a / b) = −g · y / b
Grads divVjp(nn::DivOp op, GradBuilder &b, Value g) {
  Value rhs = op.getRhs();
  Value db = b.neg(b.div(b.mul(g, op.getResult()), rhs));
  return unbroadcastBoth(op, b, b.div(g, rhs), db);
}

/// g where `wins`, g/2 where a == b (a tie), 0 elsewhere.
Value routeToWinner(GradBuilder &b, Value g, Value wins, Value tie) {
  Value half = b.mul(g, b.scalar(0.5, g));
  return b.select(wins, g, b.select(tie, half, b.zero(g)));
}

// d/da max(a, b) = g · ([a > b] + ½[a = b]), and symmetrically for b
Grads maximumVjp(nn::MaximumOp op, GradBuilder &b, Value g) {
  Value lhs = op.getLhs(), rhs = op.getRhs(), tie = b.compare("eq", lhs, rhs);
  return unbroadcastBoth(op, b,
                         routeToWinner(b, g, b.compare("gt", lhs, rhs), tie),
                         routeToWinner(b, g, b.compare("gt", rhs, lhs), tie));
}

// d/da min(a, b) = g · ([a < b] + ½[a = b]), and symmetrically for b
Grads minimumVjp(nn::MinimumOp op, GradBuilder &b, Value g) {
  Value lhs = op.getLhs(), rhs = op.getRhs(), tie = b.compare("eq", lhs, rhs);
  return unbroadcastBoth(op, b,
                         routeToWinner(b, g, b.compare("lt", lhs, rhs), tie),
                         routeToWinner(b, g, b.compare("lt", rhs, lhs), tie));
}

// d/da a^b = g · b · a^(b−1)   (0 where b = 0)
// d/db a^b = g · y · log(a)    (0 where a = 0 and b ≥ 0), as PyTorch
Grads powVjp(nn::PowOp op, GradBuilder &b, Value g) {
  Value a = op.getLhs(), e = op.getRhs(), y = op.getResult();
  Value zero = b.zero(g);
  Value da = b.mul(g, b.mul(e, b.pow(a, b.sub(e, b.one(e)))));
  da = b.select(b.compare("eq", e, b.zero(e)), zero, da);
  Value db = b.mul(g, b.mul(y, b.log(a)));
  Value baseZero = b.compare("eq", a, b.zero(a));
  db =
      b.select(baseZero, b.select(b.compare("ge", e, b.zero(e)), zero, db), db);
  return unbroadcastBoth(op, b, da, db);
}

// d/dx bias_add(x, c) = g, d/dc bias_add(x, c) = Σ_{all axes but axis} g
Grads biasAddVjp(nn::BiasAddOp op, GradBuilder &b, Value g) {
  int64_t rank = op.getX().getType().getRank();
  int64_t axis = static_cast<int64_t>(op.getAxis());
  if (axis < 0)
    axis += rank;
  Value dbias = b.reduceSum(g, allAxesBut(rank, axis), /*keepDims=*/false);
  return grads({g, b.castTo(dbias, op.getBias().getType())});
}

// d/dcond = none, d/da select(c, a, b) = g · [c], d/db = g · [¬c]
Grads selectVjp(nn::SelectOp op, GradBuilder &b, Value g) {
  Value zero = b.zero(g), cond = op.getCond();
  return grads({Value(),
                b.unbroadcast(b.select(cond, g, zero), op.getA().getType()),
                b.unbroadcast(b.select(cond, zero, g), op.getB().getType())});
}

} // namespace

void nnc::autodiff::attachElementwiseRules(MLIRContext *context) {
  attachRule<nn::ReluOp, reluVjp>(context);
  attachRule<nn::SigmoidOp, sigmoidVjp>(context);
  attachRule<nn::TanhOp, tanhVjp>(context);
  attachRule<nn::ExpOp, expVjp>(context);
  attachRule<nn::LogOp, logVjp>(context);
  attachRule<nn::NegOp, negVjp>(context);
  attachRule<nn::SqrtOp, sqrtVjp>(context);
  attachRule<nn::RsqrtOp, rsqrtVjp>(context);
  attachRule<nn::AbsOp, absVjp>(context);
  attachRule<nn::LeakyReluOp, leakyReluVjp>(context);
  attachRule<nn::PReluOp, preluVjp>(context);
  attachRule<nn::AddOp, addVjp>(context);
  attachRule<nn::SubOp, subVjp>(context);
  attachRule<nn::MulOp, mulVjp>(context);
  attachRule<nn::DivOp, divVjp>(context);
  attachRule<nn::MaximumOp, maximumVjp>(context);
  attachRule<nn::MinimumOp, minimumVjp>(context);
  attachRule<nn::PowOp, powVjp>(context);
  attachRule<nn::BiasAddOp, biasAddVjp>(context);
  attachRule<nn::SelectOp, selectVjp>(context);
}
