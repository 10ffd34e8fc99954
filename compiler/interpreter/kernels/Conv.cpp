//===- Conv.cpp - reference kernels of conv2d and 2-D pooling -------------===//
//
// Every output element is computed on its own by walking its window over the
// unpadded input and skipping the positions that fall into the padding: the
// op's padding semantics (zero for conv, "never wins" for max, excluded or
// counted for avg, zero for lp) are then explicit at each reduction.
//
//===----------------------------------------------------------------------===//

#include "compiler/interpreter/KernelRegistry.h"
#include "compiler/interpreter/kernels/KernelUtils.h"
#include "dialects/nn/IR/NNOps.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace nnc;
using namespace nnc::interp;

namespace {

/// A read-only NCHW view that computes row-major offsets without allocating.
struct Nchw {
  const RefTensor &t;
  double operator()(int64_t n, int64_t c, int64_t h, int64_t w) const {
    return t.floats[((n * t.shape[1] + c) * t.shape[2] + h) * t.shape[3] + w];
  }
};

/// Geometry of a 2-D sliding window: kernel extent, strides, dilations and
/// the top/left padding that shifts window positions into the input.
struct Window {
  int64_t kh, kw, sh, sw, dh, dw, padTop, padLeft;
};

} // namespace

/// Floor output size of one spatial axis, or failure when the dilated kernel
/// does not fit the padded input (possible only once a `?` size is known).
static FailureOr<int64_t> outputSize(Operation *op, int64_t input,
                                     int64_t padBefore, int64_t padAfter,
                                     int64_t kernel, int64_t stride,
                                     int64_t dilation) {
  int64_t padded = input + padBefore + padAfter;
  int64_t extent = dilation * (kernel - 1) + 1;
  if (extent > padded)
    return op->emitOpError() << "kernel extent " << extent
                             << " is larger than the padded input " << padded;
  return (padded - extent) / stride + 1;
}

/// The [N, C, OH, OW] shape of a window op with `channels` output channels.
static FailureOr<Shape> windowResultShape(Operation *op, const RefTensor &x,
                                          int64_t channels, const Window &win,
                                          ArrayRef<int64_t> padding) {
  FailureOr<int64_t> oh =
      outputSize(op, x.dim(2), padding[0], padding[2], win.kh, win.sh, win.dh);
  if (failed(oh))
    return failure();
  FailureOr<int64_t> ow =
      outputSize(op, x.dim(3), padding[1], padding[3], win.kw, win.sw, win.dw);
  if (failed(ow))
    return failure();
  return Shape{x.dim(0), channels, *oh, *ow};
}

/// Calls `visit(h, w, p, q)` for each kernel tap (p, q) of output position
/// (i, j) whose input row/column (h, w) lies inside the unpadded input.
template <typename Visit>
static void forEachTap(const Window &win, int64_t height, int64_t width,
                       int64_t i, int64_t j, Visit &&visit) {
  for (int64_t p = 0; p < win.kh; ++p) {
    int64_t h = i * win.sh - win.padTop + p * win.dh;
    if (h < 0 || h >= height)
      continue;
    for (int64_t q = 0; q < win.kw; ++q) {
      int64_t w = j * win.sw - win.padLeft + q * win.dw;
      if (w >= 0 && w < width)
        visit(h, w, p, q);
    }
  }
}

static LogicalResult runConv2D(nn::Conv2DOp op,
                               const std::vector<RefTensor> &in,
                               std::vector<RefTensor> &out) {
  const RefTensor &x = in[0], &filter = in[1];
  int64_t groups = op.getGroups();
  int64_t channelsPerGroup = filter.dim(1);
  if (x.dim(1) != channelsPerGroup * groups)
    return op->emitOpError()
           << "operand 'x' has " << x.dim(1) << " channels but 'filter' "
           << shapeString(filter.shape) << " expects "
           << channelsPerGroup * groups;
  ArrayRef<int64_t> strides = op.getStrides(), dilations = op.getDilations();
  ArrayRef<int64_t> padding = op.getPadding();
  Window win = {filter.dim(2), filter.dim(3), strides[0], strides[1],
                dilations[0],  dilations[1],  padding[0], padding[1]};
  FailureOr<Shape> shape =
      windowResultShape(op, x, filter.dim(0), win, padding);
  if (failed(shape))
    return failure();
  RefTensor y = makeResult(op.getY(), *shape);
  int64_t filtersPerGroup = filter.dim(0) / groups;
  Nchw xv{x}, fv{filter};
  // y[n,f,i,j] = Σ_{c,p,q} x[n, g·C/groups + c, h, w] · filter[f,c,p,q] with
  // g the group of filter f; padded taps are zero and contribute nothing.
  forEachIndex(y.shape, [&](const Shape &idx) {
    int64_t n = idx[0], f = idx[1];
    int64_t firstChannel = (f / filtersPerGroup) * channelsPerGroup;
    double sum = 0.0;
    for (int64_t c = 0; c < channelsPerGroup; ++c)
      forEachTap(win, x.dim(2), x.dim(3), idx[2], idx[3],
                 [&](int64_t h, int64_t w, int64_t p, int64_t q) {
                   sum += xv(n, firstChannel + c, h, w) * fv(f, c, p, q);
                 });
    y.at(idx) = sum;
  });
  out.push_back(std::move(y));
  return success();
}

/// Shared driver of the pooling ops: `reduce(values, area)` turns the
/// in-bounds values of one window (pads excluded) and the full window area
/// KH·KW into the output element.
template <typename PoolOp, typename Reduce>
static LogicalResult runPool(PoolOp op, const std::vector<RefTensor> &in,
                             std::vector<RefTensor> &out, Reduce &&reduce) {
  const RefTensor &x = in[0];
  ArrayRef<int64_t> kernel = op.getKernel(), padding = op.getPadding();
  SmallVector<int64_t, 2> strides = op.getEffectiveStrides();
  Window win = {kernel[0], kernel[1], strides[0], strides[1],
                1,         1,         padding[0], padding[1]};
  FailureOr<Shape> shape = windowResultShape(op, x, x.dim(1), win, padding);
  if (failed(shape))
    return failure();
  RefTensor y = makeResult(op.getY(), *shape);
  Nchw xv{x};
  SmallVector<double, 16> values;
  forEachIndex(y.shape, [&](const Shape &idx) {
    values.clear();
    forEachTap(win, x.dim(2), x.dim(3), idx[2], idx[3],
               [&](int64_t h, int64_t w, int64_t, int64_t) {
                 values.push_back(xv(idx[0], idx[1], h, w));
               });
    y.at(idx) = reduce(ArrayRef<double>(values), win.kh * win.kw);
  });
  out.push_back(std::move(y));
  return success();
}

static double windowMax(ArrayRef<double> values, int64_t) {
  // Pads behave as −inf: they are simply absent from `values`.
  double best = -std::numeric_limits<double>::infinity();
  for (double v : values)
    best = std::max(best, v);
  return best;
}

static double windowSum(ArrayRef<double> values) {
  double sum = 0.0;
  for (double v : values)
    sum += v;
  return sum;
}

static double windowLpNorm(ArrayRef<double> values, double p) {
  // Pads are zeros, which add nothing to Σ|x|^p.
  double sum = 0.0;
  for (double v : values)
    sum += std::pow(std::fabs(v), p);
  return std::pow(sum, 1.0 / p);
}

void nnc::interp::registerConvKernels(KernelRegistry &registry) {
  registry.add<nn::Conv2DOp>(runConv2D);
  registry.add<nn::MaxPool2DOp>([](nn::MaxPool2DOp op,
                                   const std::vector<RefTensor> &in,
                                   std::vector<RefTensor> &out) {
    return runPool(op, in, out, windowMax);
  });
  registry.add<nn::AvgPool2DOp>([](nn::AvgPool2DOp op,
                                   const std::vector<RefTensor> &in,
                                   std::vector<RefTensor> &out) {
    bool includePad = op.getCountIncludePad();
    return runPool(op, in, out, [&](ArrayRef<double> values, int64_t area) {
      // The padding rule keeps at least one real element in every window.
      int64_t count = includePad ? area : static_cast<int64_t>(values.size());
      return windowSum(values) / static_cast<double>(count);
    });
  });
  registry.add<nn::LpPool2DOp>([](nn::LpPool2DOp op,
                                  const std::vector<RefTensor> &in,
                                  std::vector<RefTensor> &out) {
    double p = op.getP().convertToDouble();
    return runPool(op, in, out, [&](ArrayRef<double> values, int64_t) {
      return windowLpNorm(values, p);
    });
  });
}
