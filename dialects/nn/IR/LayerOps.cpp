//===- LayerOps.cpp - shapes of matmul, linear, conv2d, pooling and grads -===//

#include "dialects/nn/IR/NNOps.h"

using namespace mlir;
using namespace mlir::nn;

LogicalResult MatmulOp::inferResultTypes(Adaptor adaptor, const ShapeDiag &diag,
                                         SmallVectorImpl<Type> &types) {
  auto a = cast<RankedTensorType>(adaptor.getLhs().getType());
  auto b = cast<RankedTensorType>(adaptor.getRhs().getType());
  if (failed(checkRank(a, {2, 3}, "lhs", diag)) ||
      failed(checkRank(b, {2, 3}, "rhs", diag)))
    return failure();
  if (a.getRank() != b.getRank())
    return diag.fail("operands must both be 2-D or both 3-D, got ",
                     formatShape(a.getShape()), " and ",
                     formatShape(b.getShape()));
  int64_t r = a.getRank();
  bool ta = adaptor.getTransposeA(), tb = adaptor.getTransposeB();
  int64_t m = a.getDimSize(ta ? r - 1 : r - 2);
  int64_t ka = a.getDimSize(ta ? r - 2 : r - 1);
  int64_t kb = b.getDimSize(tb ? r - 1 : r - 2);
  int64_t n = b.getDimSize(tb ? r - 2 : r - 1);
  if (!compatibleDims(ka, kb))
    return diag.fail("contraction sizes differ: 'lhs' ",
                     formatShape(a.getShape()), " gives ", ka, ", 'rhs' ",
                     formatShape(b.getShape()), " gives ", kb);
  SmallVector<int64_t> shape = {m, n};
  if (r == 3) {
    if (!compatibleDims(a.getDimSize(0), b.getDimSize(0)))
      return diag.fail("batch sizes differ: ", a.getDimSize(0), " and ",
                       b.getDimSize(0));
    int64_t batch = ShapedType::isDynamic(a.getDimSize(0)) ? b.getDimSize(0)
                                                           : a.getDimSize(0);
    shape.insert(shape.begin(), batch);
  }
  types.push_back(RankedTensorType::get(shape, a.getElementType()));
  return success();
}

LogicalResult LinearOp::inferResultTypes(Adaptor adaptor, const ShapeDiag &diag,
                                         SmallVectorImpl<Type> &types) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  auto w = cast<RankedTensorType>(adaptor.getWeight().getType());
  if (failed(checkRank(x, {2}, "x", diag)) ||
      failed(checkRank(w, {2}, "weight", diag)))
    return failure();
  if (!compatibleDims(x.getDimSize(1), w.getDimSize(1)))
    return diag.fail("operand 'x' has ", x.getDimSize(1),
                     " input features but 'weight' ", formatShape(w.getShape()),
                     " expects ", w.getDimSize(1));
  types.push_back(RankedTensorType::get({x.getDimSize(0), w.getDimSize(0)},
                                        x.getElementType()));
  return success();
}

/// Output size of a window sweep (floor), or a failure when the window does
/// not fit the padded input.
static FailureOr<int64_t> windowOutputSize(int64_t input, int64_t padBefore,
                                           int64_t padAfter, int64_t kernel,
                                           int64_t stride, int64_t dilation,
                                           StringRef dimName,
                                           const ShapeDiag &diag) {
  if (ShapedType::isDynamic(input))
    return ShapedType::kDynamic;
  int64_t padded = input + padBefore + padAfter;
  int64_t extent = dilation * (kernel - 1) + 1;
  if (extent > padded)
    return diag.fail("kernel extent ", extent, " is larger than the padded ",
                     dimName, " ", padded, " (input ", input, " + padding ",
                     padBefore, " + ", padAfter, ")");
  return (padded - extent) / stride + 1;
}

/// Spatial output sizes [OH, OW] of a 2-D window op on NCHW input.
static FailureOr<SmallVector<int64_t>>
windowOutputShape(RankedTensorType x, ArrayRef<int64_t> kernel,
                  ArrayRef<int64_t> strides, ArrayRef<int64_t> padding,
                  ArrayRef<int64_t> dilations, const ShapeDiag &diag) {
  FailureOr<int64_t> oh =
      windowOutputSize(x.getDimSize(2), padding[0], padding[2], kernel[0],
                       strides[0], dilations[0], "height", diag);
  if (failed(oh))
    return failure();
  FailureOr<int64_t> ow =
      windowOutputSize(x.getDimSize(3), padding[1], padding[3], kernel[1],
                       strides[1], dilations[1], "width", diag);
  if (failed(ow))
    return failure();
  return SmallVector<int64_t>{*oh, *ow};
}

static LogicalResult checkConvGroups(RankedTensorType x, RankedTensorType w,
                                     int64_t groups, const ShapeDiag &diag) {
  if (groups < 1)
    return diag.fail("'groups' must be positive, got ", groups);
  int64_t channels = x.getDimSize(1), filters = w.getDimSize(0);
  if (!ShapedType::isDynamic(channels) && channels % groups != 0)
    return diag.fail("'groups' ", groups, " does not divide the ", channels,
                     " input channels");
  if (!ShapedType::isDynamic(filters) && filters % groups != 0)
    return diag.fail("'groups' ", groups, " does not divide the ", filters,
                     " filters");
  if (!w.isDynamicDim(1) && !compatibleDims(w.getDimSize(1) * groups, channels))
    return diag.fail("operand 'filter' ", formatShape(w.getShape()),
                     " expects ", w.getDimSize(1) * groups, " input channels (",
                     w.getDimSize(1), " per group x ", groups,
                     " groups) but 'x' has ", channels);
  return success();
}

LogicalResult Conv2DOp::inferResultTypes(Adaptor adaptor, const ShapeDiag &diag,
                                         SmallVectorImpl<Type> &types) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  auto w = cast<RankedTensorType>(adaptor.getFilter().getType());
  if (failed(checkRank(x, {4}, "x", diag)) ||
      failed(checkRank(w, {4}, "filter", diag)) ||
      failed(checkIntList(adaptor.getStrides(), 2, 1, "strides", diag)) ||
      failed(checkIntList(adaptor.getPadding(), 4, 0, "padding", diag)) ||
      failed(checkIntList(adaptor.getDilations(), 2, 1, "dilations", diag)) ||
      failed(checkConvGroups(x, w, adaptor.getGroups(), diag)))
    return failure();
  if (w.isDynamicDim(2) || w.isDynamicDim(3))
    return diag.fail("operand 'filter' must have static kernel sizes, got ",
                     formatShape(w.getShape()));
  FailureOr<SmallVector<int64_t>> spatial =
      windowOutputShape(x, w.getShape().drop_front(2), adaptor.getStrides(),
                        adaptor.getPadding(), adaptor.getDilations(), diag);
  if (failed(spatial))
    return failure();
  types.push_back(RankedTensorType::get(
      {x.getDimSize(0), w.getDimSize(0), (*spatial)[0], (*spatial)[1]},
      x.getElementType()));
  return success();
}

/// Checks a pooling window and gives the spatial output sizes [OH, OW] of
/// pooling `x` (rank 4) with it.
static FailureOr<SmallVector<int64_t>>
poolOutputShape(RankedTensorType x, ArrayRef<int64_t> kernel,
                ArrayRef<int64_t> strides, ArrayRef<int64_t> padding,
                const ShapeDiag &diag) {
  if (failed(checkIntList(kernel, 2, 1, "kernel", diag)) ||
      failed(checkIntList(strides, 2, 1, "strides", diag)) ||
      failed(checkIntList(padding, 4, 0, "padding", diag)))
    return failure();
  for (int i = 0; i < 4; ++i)
    if (padding[i] > kernel[i % 2] / 2)
      return diag.fail("padding ", formatShape(padding),
                       " must be at most half the kernel ",
                       formatShape(kernel));
  int64_t ones[] = {1, 1};
  return windowOutputShape(x, kernel, strides, padding, ones, diag);
}

/// The strides of a pooling op or its gradient: `strides`, or the kernel.
template <typename PoolAdaptor>
static ArrayRef<int64_t> poolStrides(PoolAdaptor adaptor) {
  return adaptor.getStrides() ? *adaptor.getStrides() : adaptor.getKernel();
}

/// Shared shape rule of the pooling ops.
template <typename PoolAdaptor>
static LogicalResult inferPoolResult(PoolAdaptor adaptor, const ShapeDiag &diag,
                                     SmallVectorImpl<Type> &types) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  if (failed(checkRank(x, {4}, "x", diag)))
    return failure();
  FailureOr<SmallVector<int64_t>> spatial = poolOutputShape(
      x, adaptor.getKernel(), poolStrides(adaptor), adaptor.getPadding(), diag);
  if (failed(spatial))
    return failure();
  types.push_back(RankedTensorType::get(
      {x.getDimSize(0), x.getDimSize(1), (*spatial)[0], (*spatial)[1]},
      x.getElementType()));
  return success();
}

LogicalResult MaxPool2DOp::inferResultTypes(Adaptor adaptor,
                                            const ShapeDiag &diag,
                                            SmallVectorImpl<Type> &types) {
  return inferPoolResult(adaptor, diag, types);
}

LogicalResult AvgPool2DOp::inferResultTypes(Adaptor adaptor,
                                            const ShapeDiag &diag,
                                            SmallVectorImpl<Type> &types) {
  return inferPoolResult(adaptor, diag, types);
}

LogicalResult LpPool2DOp::inferResultTypes(Adaptor adaptor,
                                           const ShapeDiag &diag,
                                           SmallVectorImpl<Type> &types) {
  if (!(adaptor.getP().convertToFloat() > 0.0f))
    return diag.fail("'p' must be positive, got ",
                     adaptor.getP().convertToFloat());
  return inferPoolResult(adaptor, diag, types);
}

//===----------------------------------------------------------------------===//
// Gradients of conv2d and pooling
//===----------------------------------------------------------------------===//

/// Checks that the cotangent `dy` may have the shape of the forward result,
/// `expected`.
static LogicalResult checkCotangent(RankedTensorType dy,
                                    ArrayRef<int64_t> expected,
                                    const ShapeDiag &diag) {
  for (auto [got, want] : llvm::zip(dy.getShape(), expected))
    if (!compatibleDims(got, want))
      return diag.fail("operand 'dy' ", formatShape(dy.getShape()),
                       " does not have the shape of the forward result ",
                       formatShape(expected));
  return success();
}

/// Checks the attributes a conv2d gradient shares with nn.conv2d.
template <typename ConvGradAdaptor>
static LogicalResult checkConvAttrs(ConvGradAdaptor adaptor,
                                    const ShapeDiag &diag) {
  return success(
      succeeded(checkIntList(adaptor.getStrides(), 2, 1, "strides", diag)) &&
      succeeded(checkIntList(adaptor.getPadding(), 4, 0, "padding", diag)) &&
      succeeded(checkIntList(adaptor.getDilations(), 2, 1, "dilations", diag)));
}

/// Checks that `dy` may be the result of the conv2d of `x` (the forward
/// input, or its type) with `filters` filters of size `kernel` and the
/// window attributes of `adaptor`.
template <typename ConvGradAdaptor>
static LogicalResult
checkConvCotangent(ConvGradAdaptor adaptor, RankedTensorType x,
                   ArrayRef<int64_t> kernel, int64_t filters,
                   RankedTensorType dy, const ShapeDiag &diag) {
  FailureOr<SmallVector<int64_t>> spatial =
      windowOutputShape(x, kernel, adaptor.getStrides(), adaptor.getPadding(),
                        adaptor.getDilations(), diag);
  if (failed(spatial))
    return failure();
  return checkCotangent(
      dy, {x.getDimSize(0), filters, (*spatial)[0], (*spatial)[1]}, diag);
}

/// Checks the window of a pooling gradient and that `dy` may be the result
/// of pooling `x` (the forward input, or its type) with it.
template <typename PoolGradAdaptor>
static LogicalResult checkPoolCotangent(PoolGradAdaptor adaptor,
                                        RankedTensorType x, RankedTensorType dy,
                                        const ShapeDiag &diag) {
  FailureOr<SmallVector<int64_t>> spatial = poolOutputShape(
      x, adaptor.getKernel(), poolStrides(adaptor), adaptor.getPadding(), diag);
  if (failed(spatial))
    return failure();
  return checkCotangent(
      dy, {x.getDimSize(0), x.getDimSize(1), (*spatial)[0], (*spatial)[1]},
      diag);
}

LogicalResult
Conv2DGradInputOp::inferResultTypes(Adaptor adaptor, const ShapeDiag &diag,
                                    SmallVectorImpl<Type> &types) {
  auto dy = cast<RankedTensorType>(adaptor.getDy().getType());
  auto w = cast<RankedTensorType>(adaptor.getFilter().getType());
  ArrayRef<int64_t> inputSize = adaptor.getInputSize();
  if (failed(checkRank(dy, {4}, "dy", diag)) ||
      failed(checkRank(w, {4}, "filter", diag)) ||
      failed(checkIntList(inputSize, 2, 1, "input_size", diag)) ||
      failed(checkConvAttrs(adaptor, diag)))
    return failure();
  if (w.isDynamicDim(2) || w.isDynamicDim(3))
    return diag.fail("operand 'filter' must have static kernel sizes, got ",
                     formatShape(w.getShape()));
  int64_t groups = adaptor.getGroups();
  if (groups < 1)
    return diag.fail("'groups' must be positive, got ", groups);
  int64_t channels =
      w.isDynamicDim(1) ? ShapedType::kDynamic : w.getDimSize(1) * groups;
  auto x = RankedTensorType::get(
      {dy.getDimSize(0), channels, inputSize[0], inputSize[1]},
      dy.getElementType());
  if (failed(checkConvGroups(x, w, groups, diag)))
    return failure();
  if (failed(checkConvCotangent(adaptor, x, w.getShape().drop_front(2),
                                w.getDimSize(0), dy, diag)))
    return failure();
  types.push_back(x);
  return success();
}

LogicalResult
Conv2DGradFilterOp::inferResultTypes(Adaptor adaptor, const ShapeDiag &diag,
                                     SmallVectorImpl<Type> &types) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  auto dy = cast<RankedTensorType>(adaptor.getDy().getType());
  ArrayRef<int64_t> kernel = adaptor.getKernel();
  if (failed(checkRank(x, {4}, "x", diag)) ||
      failed(checkRank(dy, {4}, "dy", diag)) ||
      failed(checkIntList(kernel, 2, 1, "kernel", diag)) ||
      failed(checkConvAttrs(adaptor, diag)))
    return failure();
  int64_t groups = adaptor.getGroups(), channels = x.getDimSize(1);
  int64_t perGroup = ShapedType::isDynamic(channels) || groups < 1
                         ? ShapedType::kDynamic
                         : channels / groups;
  auto w = RankedTensorType::get(
      {dy.getDimSize(1), perGroup, kernel[0], kernel[1]}, x.getElementType());
  if (failed(checkConvGroups(x, w, groups, diag)))
    return failure();
  if (failed(
          checkConvCotangent(adaptor, x, kernel, dy.getDimSize(1), dy, diag)))
    return failure();
  types.push_back(w);
  return success();
}

LogicalResult MaxPool2DGradOp::inferResultTypes(Adaptor adaptor,
                                                const ShapeDiag &diag,
                                                SmallVectorImpl<Type> &types) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  auto dy = cast<RankedTensorType>(adaptor.getDy().getType());
  if (failed(checkRank(x, {4}, "x", diag)) ||
      failed(checkRank(dy, {4}, "dy", diag)))
    return failure();
  // The lowering lays dy out over the input's rows and columns.
  if (x.isDynamicDim(2) || x.isDynamicDim(3))
    return diag.fail("operand 'x' must have static spatial sizes, got ",
                     formatShape(x.getShape()));
  if (failed(checkPoolCotangent(adaptor, x, dy, diag)))
    return failure();
  types.push_back(x);
  return success();
}

LogicalResult AvgPool2DGradOp::inferResultTypes(Adaptor adaptor,
                                                const ShapeDiag &diag,
                                                SmallVectorImpl<Type> &types) {
  auto dy = cast<RankedTensorType>(adaptor.getDy().getType());
  ArrayRef<int64_t> inputSize = adaptor.getInputSize();
  if (failed(checkRank(dy, {4}, "dy", diag)) ||
      failed(checkIntList(inputSize, 2, 1, "input_size", diag)))
    return failure();
  auto x = RankedTensorType::get(
      {dy.getDimSize(0), dy.getDimSize(1), inputSize[0], inputSize[1]},
      dy.getElementType());
  if (failed(checkPoolCotangent(adaptor, x, dy, diag)))
    return failure();
  types.push_back(x);
  return success();
}
