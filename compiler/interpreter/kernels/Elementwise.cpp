//===- Elementwise.cpp - reference kernels of elementwise ops -------------===//
//
// Each op is its scalar formula in double applied per element. Binary ops
// broadcast with NumPy rules; with `?` sizes the verifier could not check
// that the operands broadcast, so the kernels check it on the real shapes.
// Where PyTorch propagates NaN (relu, maximum, minimum) so do these.
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

using UnaryFn = double (*)(double);
using BinaryFn = double (*)(double, double);

//===----------------------------------------------------------------------===//
// Unary ops
//===----------------------------------------------------------------------===//

/// Registers `y = fn(x)` per element for an op with operand `x`, result `y`.
template <typename OpTy>
static void addUnary(KernelRegistry &registry, UnaryFn fn) {
  registry.add<OpTy>([fn](OpTy op, const std::vector<RefTensor> &in,
                          std::vector<RefTensor> &out) -> LogicalResult {
    RefTensor y = makeResult(op.getY(), in[0].shape);
    for (int64_t i = 0; i < y.size(); ++i)
      y.floats[i] = fn(in[0].floats[i]);
    out.push_back(std::move(y));
    return success();
  });
}

// `x < 0 ? 0 : x` keeps a NaN, as torch.relu does.
static double relu(double x) { return x < 0 ? 0.0 : x; }
static double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }
static double tanhFn(double x) { return std::tanh(x); }
static double expFn(double x) { return std::exp(x); }
static double logFn(double x) { return std::log(x); }
static double neg(double x) { return -x; }
static double sqrtFn(double x) { return std::sqrt(x); }
static double rsqrt(double x) { return 1.0 / std::sqrt(x); }
static double absFn(double x) { return std::fabs(x); }

static LogicalResult runLeakyRelu(nn::LeakyReluOp op,
                                  const std::vector<RefTensor> &in,
                                  std::vector<RefTensor> &out) {
  double alpha = op.getAlpha().convertToDouble();
  RefTensor y = makeResult(op.getY(), in[0].shape);
  for (int64_t i = 0; i < y.size(); ++i) {
    double x = in[0].floats[i];
    y.floats[i] = x > 0 ? x : alpha * x;
  }
  out.push_back(std::move(y));
  return success();
}

// y = x > 0 ? x : slope[c] * x with c the index along axis 1.
static LogicalResult runPRelu(nn::PReluOp op, const std::vector<RefTensor> &in,
                              std::vector<RefTensor> &out) {
  const RefTensor &x = in[0], &slope = in[1];
  int64_t channels = x.dim(1);
  if (slope.size() != 1 && slope.size() != channels)
    return op.emitOpError()
           << "operand 'slope' has " << slope.size() << " elements but 'x' "
           << shapeString(x.shape) << " has " << channels
           << " channels (expected " << channels << " or 1)";
  AxisSplit split(x.shape, 1);
  RefTensor y = makeResult(op.getY(), x.shape);
  for (int64_t o = 0; o < split.outer; ++o)
    for (int64_t c = 0; c < channels; ++c)
      for (int64_t i = 0; i < split.inner; ++i) {
        int64_t at = split.offset(o, c, i);
        double value = x.floats[at];
        double s = slope.floats[slope.size() == 1 ? 0 : c];
        y.floats[at] = value > 0 ? value : s * value;
      }
  out.push_back(std::move(y));
  return success();
}

//===----------------------------------------------------------------------===//
// Binary ops
//===----------------------------------------------------------------------===//

/// Registers `result = fn(lhs, rhs)` with NumPy broadcasting.
template <typename OpTy>
static void addBinary(KernelRegistry &registry, BinaryFn fn) {
  registry.add<OpTy>([fn](OpTy op, const std::vector<RefTensor> &in,
                          std::vector<RefTensor> &out) -> LogicalResult {
    const RefTensor &a = in[0], &b = in[1];
    std::optional<Shape> shape = broadcastShapes(a.shape, b.shape);
    if (!shape)
      return op.emitOpError()
             << "operands 'lhs' " << shapeString(a.shape) << " and 'rhs' "
             << shapeString(b.shape) << " do not broadcast";
    RefTensor c = makeResult(op.getResult(), *shape);
    int64_t n = 0;
    forEachIndex(*shape, [&](const Shape &index) {
      c.floats[n++] = fn(a.floats[broadcastOffset(index, a.shape)],
                         b.floats[broadcastOffset(index, b.shape)]);
    });
    out.push_back(std::move(c));
    return success();
  });
}

static double add(double a, double b) { return a + b; }
static double sub(double a, double b) { return a - b; }
static double mul(double a, double b) { return a * b; }
static double divide(double a, double b) { return a / b; }
static double powFn(double a, double b) { return std::pow(a, b); }

// std::fmax would drop a NaN; torch.maximum returns it.
static double maximum(double a, double b) {
  if (std::isnan(a) || std::isnan(b))
    return std::numeric_limits<double>::quiet_NaN();
  return a > b ? a : b;
}
static double minimum(double a, double b) {
  if (std::isnan(a) || std::isnan(b))
    return std::numeric_limits<double>::quiet_NaN();
  return a < b ? a : b;
}

// y[..., k, ...] = x[..., k, ...] + bias[k] with k the index along `axis`.
static LogicalResult runBiasAdd(nn::BiasAddOp op,
                                const std::vector<RefTensor> &in,
                                std::vector<RefTensor> &out) {
  const RefTensor &x = in[0], &bias = in[1];
  int64_t axis = normalizeAxis(op.getAxis(), x.rank());
  if (bias.size() != x.dim(axis))
    return op.emitOpError()
           << "operand 'bias' has " << bias.size() << " elements but 'x' "
           << shapeString(x.shape) << " has size " << x.dim(axis)
           << " along axis " << axis;
  AxisSplit split(x.shape, axis);
  RefTensor y = makeResult(op.getY(), x.shape);
  for (int64_t o = 0; o < split.outer; ++o)
    for (int64_t k = 0; k < split.size; ++k)
      for (int64_t i = 0; i < split.inner; ++i) {
        int64_t at = split.offset(o, k, i);
        y.floats[at] = x.floats[at] + bias.floats[k];
      }
  out.push_back(std::move(y));
  return success();
}

//===----------------------------------------------------------------------===//
// Comparison and selection
//===----------------------------------------------------------------------===//

/// `a <predicate> b`; C++ comparisons are ordered except `!=`, as in PyTorch.
template <typename T> static bool compareValues(StringRef predicate, T a, T b) {
  if (predicate == "gt")
    return a > b;
  if (predicate == "ge")
    return a >= b;
  if (predicate == "lt")
    return a < b;
  if (predicate == "le")
    return a <= b;
  if (predicate == "eq")
    return a == b;
  return a != b;
}

/// The broadcast shape of `tensors`, or an error naming their shapes.
static FailureOr<Shape> broadcastAll(Operation *op,
                                     ArrayRef<const RefTensor *> tensors) {
  std::optional<Shape> shape = Shape();
  std::string shapes;
  for (const RefTensor *tensor : tensors) {
    shapes += (shapes.empty() ? "" : ", ") + shapeString(tensor->shape);
    if (shape)
      shape = broadcastShapes(*shape, tensor->shape);
  }
  if (!shape)
    return op->emitOpError() << "operands " << shapes << " do not broadcast";
  return *shape;
}

// result = lhs <predicate> rhs, broadcast
static LogicalResult runCompare(nn::CompareOp op,
                                const std::vector<RefTensor> &in,
                                std::vector<RefTensor> &out) {
  const RefTensor &a = in[0], &b = in[1];
  FailureOr<Shape> shape = broadcastAll(op, {&a, &b});
  if (failed(shape))
    return failure();
  RefTensor c = makeResult(op.getResult(), *shape);
  StringRef predicate = op.getPredicate();
  int64_t n = 0;
  forEachIndex(*shape, [&](const Shape &index) {
    int64_t i = broadcastOffset(index, a.shape);
    int64_t j = broadcastOffset(index, b.shape);
    c.ints[n++] = a.isFloat()
                      ? compareValues(predicate, a.floats[i], b.floats[j])
                      : compareValues(predicate, a.ints[i], b.ints[j]);
  });
  out.push_back(std::move(c));
  return success();
}

// result = cond ? a : b, broadcast
static LogicalResult runSelect(nn::SelectOp op,
                               const std::vector<RefTensor> &in,
                               std::vector<RefTensor> &out) {
  const RefTensor &cond = in[0], &a = in[1], &b = in[2];
  FailureOr<Shape> shape = broadcastAll(op, {&cond, &a, &b});
  if (failed(shape))
    return failure();
  RefTensor c = makeResult(op.getResult(), *shape);
  int64_t n = 0;
  forEachIndex(*shape, [&](const Shape &index) {
    bool taken = cond.ints[broadcastOffset(index, cond.shape)] != 0;
    const RefTensor &from = taken ? a : b;
    c.floats[n++] = from.floats[broadcastOffset(index, from.shape)];
  });
  out.push_back(std::move(c));
  return success();
}

void interp::registerElementwiseKernels(KernelRegistry &registry) {
  addUnary<nn::ReluOp>(registry, relu);
  addUnary<nn::SigmoidOp>(registry, sigmoid);
  addUnary<nn::TanhOp>(registry, tanhFn);
  addUnary<nn::ExpOp>(registry, expFn);
  addUnary<nn::LogOp>(registry, logFn);
  addUnary<nn::NegOp>(registry, neg);
  addUnary<nn::SqrtOp>(registry, sqrtFn);
  addUnary<nn::RsqrtOp>(registry, rsqrt);
  addUnary<nn::AbsOp>(registry, absFn);
  registry.add<nn::LeakyReluOp>(runLeakyRelu);
  registry.add<nn::PReluOp>(runPRelu);
  addBinary<nn::AddOp>(registry, add);
  addBinary<nn::SubOp>(registry, sub);
  addBinary<nn::MulOp>(registry, mul);
  addBinary<nn::DivOp>(registry, divide);
  addBinary<nn::MaximumOp>(registry, maximum);
  addBinary<nn::MinimumOp>(registry, minimum);
  addBinary<nn::PowOp>(registry, powFn);
  registry.add<nn::BiasAddOp>(runBiasAdd);
  registry.add<nn::CompareOp>(runCompare);
  registry.add<nn::SelectOp>(runSelect);
}
