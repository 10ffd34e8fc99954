//===- Shape.cpp - reference kernels of reductions and data movement ------===//
//
// Reductions visit every input element once and accumulate it into the
// output element it projects to. Data movement ops compute, for every output
// element, the input element it copies; they work on any dtype. Sizes a
// result type leaves as `?` are resolved from the operands here.
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

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

namespace {
enum class ReduceKind { Sum, Mean, Max };
} // namespace

/// Drops the reduced `axes` of a shape or index, or with `keepDims` replaces
/// them by `keptValue` (1 for a shape, 0 for an index).
static Shape project(const Shape &values, ArrayRef<int64_t> axes, bool keepDims,
                     int64_t keptValue) {
  Shape result;
  for (size_t d = 0; d < values.size(); ++d) {
    if (!llvm::is_contained(axes, static_cast<int64_t>(d)))
      result.push_back(values[d]);
    else if (keepDims)
      result.push_back(keptValue);
  }
  return result;
}

/// `acc` combined with `value`. A NaN wins the maximum, as in torch.amax.
static double combine(ReduceKind kind, double acc, double value) {
  if (kind != ReduceKind::Max)
    return acc + value;
  return std::isnan(value) || value > acc ? value : acc;
}

template <typename OpTy>
static LogicalResult runReduce(OpTy op, const std::vector<RefTensor> &in,
                               std::vector<RefTensor> &out, ReduceKind kind) {
  const RefTensor &x = in[0];
  SmallVector<int64_t> axes = op.getReducedAxes();
  bool keepDims = op.getKeepDims();
  int64_t count = 1;
  for (int64_t axis : axes)
    count *= x.shape[axis];
  RefTensor y = makeResult(op.getY(), project(x.shape, axes, keepDims, 1));
  if (kind == ReduceKind::Max) {
    if (count == 0 && y.size() != 0)
      return op.emitOpError()
             << "cannot take the maximum of " << shapeString(x.shape)
             << " over an empty reduced axis";
    y.floats.assign(y.size(), -std::numeric_limits<double>::infinity());
  }
  int64_t n = 0;
  forEachIndex(x.shape, [&](const Shape &index) {
    double &acc = y.at(project(index, axes, keepDims, 0));
    acc = combine(kind, acc, x.floats[n++]);
  });
  // An empty mean is 0/0 = NaN, as in PyTorch.
  if (kind == ReduceKind::Mean)
    for (double &value : y.floats)
      value /= static_cast<double>(count);
  out.push_back(std::move(y));
  return success();
}

//===----------------------------------------------------------------------===//
// Reshape and broadcast_to
//===----------------------------------------------------------------------===//

// The verifier allows `?` only in the leading result dimension: its size is
// the element count divided by the product of the other sizes.
static LogicalResult runReshape(nn::ReshapeOp op,
                                const std::vector<RefTensor> &in,
                                std::vector<RefTensor> &out) {
  const RefTensor &x = in[0];
  RankedTensorType type = op.getType();
  Shape shape(type.getShape());
  int64_t known = 1;
  for (int64_t size : shape)
    known *= ShapedType::isDynamic(size) ? 1 : size;
  if (type.getRank() > 0 && type.isDynamicDim(0)) {
    if (known == 0 || x.size() % known != 0)
      return op.emitOpError()
             << "cannot reshape " << shapeString(x.shape) << " to "
             << nn::formatShape(type.getShape()) << ": " << x.size()
             << " elements are not a multiple of " << known;
    shape[0] = x.size() / known;
  }
  if (numElements(shape) != x.size())
    return op.emitOpError()
           << "cannot reshape " << shapeString(x.shape) << " (" << x.size()
           << " elements) to " << nn::formatShape(type.getShape());
  RefTensor y = makeResult(op.getY(), shape);
  y.floats = x.floats;
  y.ints = x.ints;
  out.push_back(std::move(y));
  return success();
}

/// The broadcast target: the result type with each `?` taking the aligned
/// input size (1 where the input has no such dimension).
static Shape broadcastTarget(RankedTensorType type, const Shape &input) {
  Shape shape(type.getShape());
  int64_t lead = type.getRank() - static_cast<int64_t>(input.size());
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (type.isDynamicDim(d))
      shape[d] = d < lead ? 1 : input[d - lead];
  return shape;
}

/// y[i] = x[bcast(i)] for y of `shape`; nn.broadcast_to and nn.expand_as.
static LogicalResult broadcastInto(Operation *op, Value result,
                                   const RefTensor &x, const Shape &shape,
                                   std::vector<RefTensor> &out) {
  std::optional<Shape> common = broadcastShapes(x.shape, shape);
  if (!common || *common != shape)
    return op->emitOpError() << "cannot broadcast " << shapeString(x.shape)
                             << " to " << shapeString(shape);
  RefTensor y = makeResult(result, shape);
  int64_t n = 0;
  forEachIndex(shape, [&](const Shape &index) {
    copyElement(x, broadcastOffset(index, x.shape), y, n++);
  });
  out.push_back(std::move(y));
  return success();
}

static LogicalResult runBroadcastTo(nn::BroadcastToOp op,
                                    const std::vector<RefTensor> &in,
                                    std::vector<RefTensor> &out) {
  Shape shape = broadcastTarget(op.getType(), in[0].shape);
  return broadcastInto(op, op.getY(), in[0], shape, out);
}

//===----------------------------------------------------------------------===//
// Transpose and concat
//===----------------------------------------------------------------------===//

// y[i_0, ..., i_r] = x[j] with j[permutation[d]] = i_d.
static LogicalResult runTranspose(nn::TransposeOp op,
                                  const std::vector<RefTensor> &in,
                                  std::vector<RefTensor> &out) {
  const RefTensor &x = in[0];
  ArrayRef<int64_t> perm = op.getPermutation();
  Shape shape;
  for (int64_t dim : perm)
    shape.push_back(x.shape[dim]);
  RefTensor y = makeResult(op.getY(), shape);
  Shape source(x.rank());
  int64_t n = 0;
  forEachIndex(shape, [&](const Shape &index) {
    for (size_t d = 0; d < perm.size(); ++d)
      source[perm[d]] = index[d];
    copyElement(x, x.offset(source), y, n++);
  });
  out.push_back(std::move(y));
  return success();
}

/// The concatenated shape; every input must match input #0 off `axis`.
static FailureOr<Shape>
concatShape(nn::ConcatOp op, const std::vector<RefTensor> &in, int64_t axis) {
  Shape shape = in[0].shape;
  shape[axis] = 0;
  for (auto [index, input] : llvm::enumerate(in)) {
    for (int64_t d = 0; d < input.rank(); ++d)
      if (d != axis && input.shape[d] != in[0].shape[d])
        return op.emitOpError()
               << "input #" << index << " " << shapeString(input.shape)
               << " differs from input #0 " << shapeString(in[0].shape)
               << " in dimension " << d;
    shape[axis] += input.shape[axis];
  }
  return shape;
}

static LogicalResult runConcat(nn::ConcatOp op,
                               const std::vector<RefTensor> &in,
                               std::vector<RefTensor> &out) {
  int64_t axis = normalizeAxis(op.getAxis(), in[0].rank());
  FailureOr<Shape> shape = concatShape(op, in, axis);
  if (failed(shape))
    return failure();
  RefTensor y = makeResult(op.getY(), *shape);
  int64_t start = 0;
  for (const RefTensor &input : in) {
    int64_t n = 0;
    forEachIndex(input.shape, [&](const Shape &index) {
      Shape target = index;
      target[axis] += start;
      copyElement(input, n++, y, y.offset(target));
    });
    start += input.shape[axis];
  }
  out.push_back(std::move(y));
  return success();
}

//===----------------------------------------------------------------------===//
// Slice and expand_as
//===----------------------------------------------------------------------===//

// y[..., i, ...] = x[..., start + i, ...] along axis
static LogicalResult runSlice(nn::SliceOp op, const std::vector<RefTensor> &in,
                              std::vector<RefTensor> &out) {
  const RefTensor &x = in[0];
  int64_t axis = normalizeAxis(op.getAxis(), x.rank());
  int64_t start = op.getStart(), size = op.getSize();
  if (start + size > x.shape[axis])
    return op.emitOpError() << "range [" << start << ", " << start + size
                            << ") exceeds size " << x.shape[axis] << " of axis "
                            << axis << " of " << shapeString(x.shape);
  Shape shape = x.shape;
  shape[axis] = size;
  RefTensor y = makeResult(op.getY(), shape);
  int64_t n = 0;
  forEachIndex(shape, [&](const Shape &index) {
    Shape source = index;
    source[axis] += start;
    copyElement(x, x.offset(source), y, n++);
  });
  out.push_back(std::move(y));
  return success();
}

// y[i] = x[bcast(i)] with y shaped like `like`
static LogicalResult runExpandAs(nn::ExpandAsOp op,
                                 const std::vector<RefTensor> &in,
                                 std::vector<RefTensor> &out) {
  return broadcastInto(op, op.getY(), in[0], in[1].shape, out);
}

void interp::registerShapeKernels(KernelRegistry &registry) {
  registry.add<nn::ReduceSumOp>([](nn::ReduceSumOp op,
                                   const std::vector<RefTensor> &in,
                                   std::vector<RefTensor> &out) {
    return runReduce(op, in, out, ReduceKind::Sum);
  });
  registry.add<nn::ReduceMeanOp>([](nn::ReduceMeanOp op,
                                    const std::vector<RefTensor> &in,
                                    std::vector<RefTensor> &out) {
    return runReduce(op, in, out, ReduceKind::Mean);
  });
  registry.add<nn::ReduceMaxOp>([](nn::ReduceMaxOp op,
                                   const std::vector<RefTensor> &in,
                                   std::vector<RefTensor> &out) {
    return runReduce(op, in, out, ReduceKind::Max);
  });
  registry.add<nn::ReshapeOp>(runReshape);
  registry.add<nn::BroadcastToOp>(runBroadcastTo);
  registry.add<nn::TransposeOp>(runTranspose);
  registry.add<nn::ConcatOp>(runConcat);
  registry.add<nn::SliceOp>(runSlice);
  registry.add<nn::ExpandAsOp>(runExpandAs);
}
