//===- Conv.cpp - reference kernels of conv2d, 2-D pooling and their grads ===//
//
// Every output element is computed on its own by walking its window over the
// unpadded input and skipping the positions that fall into the padding: the
// op's padding semantics (zero for conv, "never wins" for max, excluded or
// counted for avg, zero for lp) are then explicit at each reduction.
//
// The gradients walk the same windows, once per element of the cotangent
// dy, and add what that element contributes to each input (or filter) tap:
// the adjoint of each forward kernel, written as its scatter.
//
//===----------------------------------------------------------------------===//

#include "compiler/interpreter/KernelRegistry.h"
#include "compiler/interpreter/kernels/KernelUtils.h"
#include "dialects/nn/IR/NNOps.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cmath>
#include <limits>
#include <tuple>

using namespace mlir;
using namespace nnc;
using namespace nnc::interp;

namespace {

/// Row-major offset of (n, c, h, w) in an NCHW tensor.
int64_t nchwOffset(const RefTensor &t, int64_t n, int64_t c, int64_t h,
                   int64_t w) {
  return ((n * t.shape[1] + c) * t.shape[2] + h) * t.shape[3] + w;
}

/// A read-only NCHW view that computes row-major offsets without allocating.
struct Nchw {
  const RefTensor &t;
  double operator()(int64_t n, int64_t c, int64_t h, int64_t w) const {
    return t.floats[nchwOffset(t, n, c, h, w)];
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

/// The window of nn.conv2d or one of its gradients, with kernel KH x KW.
template <typename ConvOp>
static Window convWindow(ConvOp op, int64_t kh, int64_t kw) {
  ArrayRef<int64_t> strides = op.getStrides(), dilations = op.getDilations();
  ArrayRef<int64_t> padding = op.getPadding();
  return {kh,           kw,           strides[0], strides[1],
          dilations[0], dilations[1], padding[0], padding[1]};
}

/// The window of a pooling op or its gradient.
template <typename PoolOp> static Window poolWindow(PoolOp op) {
  ArrayRef<int64_t> kernel = op.getKernel(), padding = op.getPadding();
  SmallVector<int64_t, 2> strides = op.getEffectiveStrides();
  return {kernel[0], kernel[1], strides[0], strides[1],
          1,         1,         padding[0], padding[1]};
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
  Window win = convWindow(op, filter.dim(2), filter.dim(3));
  FailureOr<Shape> shape =
      windowResultShape(op, x, filter.dim(0), win, op.getPadding());
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
  Window win = poolWindow(op);
  FailureOr<Shape> shape =
      windowResultShape(op, x, x.dim(1), win, op.getPadding());
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

//===----------------------------------------------------------------------===//
// Gradients
//===----------------------------------------------------------------------===//

/// Checks, once `?` sizes are known, that `dy` has the shape the forward op
/// gives for an input `x` (the real input, or one shaped like it).
static LogicalResult checkCotangent(Operation *op, const RefTensor &x,
                                    const RefTensor &dy, int64_t channels,
                                    const Window &win,
                                    ArrayRef<int64_t> padding) {
  FailureOr<Shape> expected = windowResultShape(op, x, channels, win, padding);
  if (failed(expected))
    return failure();
  if (*expected != dy.shape)
    return op->emitOpError()
           << "operand 'dy' " << shapeString(dy.shape)
           << " does not have the shape of the forward result "
           << shapeString(*expected);
  return success();
}

/// Checks that `count` channels split into `groups` equal groups.
static LogicalResult checkGroups(Operation *op, StringRef what, int64_t count,
                                 int64_t groups) {
  if (count % groups == 0)
    return success();
  return op->emitOpError() << "'groups' " << groups << " does not divide the "
                           << count << " " << what;
}

namespace {
/// One product conv2d formed: dy element g = dy[n, f, i, j] and the input
/// element (n, channel = group start + c, h, w) that tap (p, q) of filter f
/// read.
struct ConvProduct {
  int64_t n, f, c, channel, h, w, p, q;
  double g;
};
} // namespace

/// Calls `visit` with every product of a conv2d whose result has cotangent
/// `dy`, skipping the taps that fell into the padding: the pairs both of
/// conv2d's gradients sum.
template <typename Visit>
static void forEachConvProduct(const RefTensor &dy, const Window &win,
                               int64_t height, int64_t width,
                               int64_t channelsPerGroup,
                               int64_t filtersPerGroup, Visit &&visit) {
  forEachIndex(dy.shape, [&](const Shape &idx) {
    ConvProduct t{idx[0], idx[1], 0, 0, 0, 0, 0, 0, dy.at(idx)};
    int64_t firstChannel = (t.f / filtersPerGroup) * channelsPerGroup;
    for (t.c = 0; t.c < channelsPerGroup; ++t.c) {
      t.channel = firstChannel + t.c;
      forEachTap(win, height, width, idx[2], idx[3],
                 [&](int64_t h, int64_t w, int64_t p, int64_t q) {
                   std::tie(t.h, t.w, t.p, t.q) = std::make_tuple(h, w, p, q);
                   visit(t);
                 });
    }
  });
}

// dx[n, g·C/G + c, h, w] += dy[n, f, i, j] · filter[f, c, p, q] for every tap
// (p, q) of output (i, j) inside the input, g the group of filter f.
static LogicalResult runConv2DGradInput(nn::Conv2DGradInputOp op,
                                        const std::vector<RefTensor> &in,
                                        std::vector<RefTensor> &out) {
  const RefTensor &dy = in[0], &filter = in[1];
  int64_t groups = op.getGroups(), channelsPerGroup = filter.dim(1);
  if (failed(checkGroups(op, "filters", filter.dim(0), groups)))
    return failure();
  ArrayRef<int64_t> inputSize = op.getInputSize();
  RefTensor dx = makeResult(op.getDx(), {dy.dim(0), channelsPerGroup * groups,
                                         inputSize[0], inputSize[1]});
  Window win = convWindow(op, filter.dim(2), filter.dim(3));
  if (failed(checkCotangent(op, dx, dy, filter.dim(0), win, op.getPadding())))
    return failure();
  Nchw fv{filter};
  forEachConvProduct(dy, win, dx.dim(2), dx.dim(3), channelsPerGroup,
                     filter.dim(0) / groups, [&](const ConvProduct &t) {
                       dx.floats[nchwOffset(dx, t.n, t.channel, t.h, t.w)] +=
                           t.g * fv(t.f, t.c, t.p, t.q);
                     });
  out.push_back(std::move(dx));
  return success();
}

// dfilter[f, c, p, q] += dy[n, f, i, j] · x[n, g·C/G + c, h, w] for every
// tap (p, q) of output (i, j) inside x, g the group of filter f.
static LogicalResult runConv2DGradFilter(nn::Conv2DGradFilterOp op,
                                         const std::vector<RefTensor> &in,
                                         std::vector<RefTensor> &out) {
  const RefTensor &x = in[0], &dy = in[1];
  int64_t groups = op.getGroups();
  if (failed(checkGroups(op, "input channels", x.dim(1), groups)) ||
      failed(checkGroups(op, "filters", dy.dim(1), groups)))
    return failure();
  ArrayRef<int64_t> kernel = op.getKernel();
  Window win = convWindow(op, kernel[0], kernel[1]);
  if (failed(checkCotangent(op, x, dy, dy.dim(1), win, op.getPadding())))
    return failure();
  int64_t channelsPerGroup = x.dim(1) / groups;
  RefTensor dw = makeResult(
      op.getDfilter(), {dy.dim(1), channelsPerGroup, kernel[0], kernel[1]});
  Nchw xv{x};
  forEachConvProduct(dy, win, x.dim(2), x.dim(3), channelsPerGroup,
                     dy.dim(1) / groups, [&](const ConvProduct &t) {
                       dw.floats[nchwOffset(dw, t.f, t.c, t.p, t.q)] +=
                           t.g * xv(t.n, t.channel, t.h, t.w);
                     });
  out.push_back(std::move(dw));
  return success();
}

// dx[n, c, h*, w*] += dy[n, c, i, j] where (h*, w*) is the first position of
// window (i, j), in row-major order, holding the window's maximum. Only
// positions inside x compete: padding never wins.
static LogicalResult runMaxPool2DGrad(nn::MaxPool2DGradOp op,
                                      const std::vector<RefTensor> &in,
                                      std::vector<RefTensor> &out) {
  const RefTensor &x = in[0], &dy = in[1];
  Window win = poolWindow(op);
  if (failed(checkCotangent(op, x, dy, x.dim(1), win, op.getPadding())))
    return failure();
  RefTensor dx = makeResult(op.getDx(), x.shape);
  Nchw xv{x};
  forEachIndex(dy.shape, [&](const Shape &idx) {
    int64_t n = idx[0], c = idx[1], bestH = -1, bestW = -1;
    double best = 0.0;
    forEachTap(win, x.dim(2), x.dim(3), idx[2], idx[3],
               [&](int64_t h, int64_t w, int64_t, int64_t) {
                 // Strictly greater: a later tie does not displace the first.
                 if (bestH < 0 || xv(n, c, h, w) > best)
                   std::tie(best, bestH, bestW) =
                       std::make_tuple(xv(n, c, h, w), h, w);
               });
    // The padding rule leaves at least one position of x in every window.
    if (bestH >= 0)
      dx.floats[nchwOffset(dx, n, c, bestH, bestW)] += dy.at(idx);
  });
  out.push_back(std::move(dx));
  return success();
}

// dx[n, c, h, w] += dy[n, c, i, j] / count(i, j) for every position (h, w)
// of window (i, j) inside the input; count is KH·KW with count_include_pad,
// otherwise the number of those positions.
static LogicalResult runAvgPool2DGrad(nn::AvgPool2DGradOp op,
                                      const std::vector<RefTensor> &in,
                                      std::vector<RefTensor> &out) {
  const RefTensor &dy = in[0];
  ArrayRef<int64_t> inputSize = op.getInputSize();
  RefTensor dx = makeResult(op.getDx(),
                            {dy.dim(0), dy.dim(1), inputSize[0], inputSize[1]});
  Window win = poolWindow(op);
  if (failed(checkCotangent(op, dx, dy, dy.dim(1), win, op.getPadding())))
    return failure();
  bool includePad = op.getCountIncludePad();
  forEachIndex(dy.shape, [&](const Shape &idx) {
    int64_t inside = 0;
    forEachTap(win, dx.dim(2), dx.dim(3), idx[2], idx[3],
               [&](int64_t, int64_t, int64_t, int64_t) { ++inside; });
    int64_t count = includePad ? win.kh * win.kw : inside;
    double share = dy.at(idx) / static_cast<double>(count);
    forEachTap(win, dx.dim(2), dx.dim(3), idx[2], idx[3],
               [&](int64_t h, int64_t w, int64_t, int64_t) {
                 dx.floats[nchwOffset(dx, idx[0], idx[1], h, w)] += share;
               });
  });
  out.push_back(std::move(dx));
  return success();
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
  registry.add<nn::Conv2DGradInputOp>(runConv2DGradInput);
  registry.add<nn::Conv2DGradFilterOp>(runConv2DGradFilter);
  registry.add<nn::MaxPool2DGradOp>(runMaxPool2DGrad);
  registry.add<nn::AvgPool2DGradOp>(runAvgPool2DGrad);
}
