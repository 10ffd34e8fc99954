//===- StructuredBuilders.cpp - tensor and linalg building blocks ---------===//

#include "compiler/conversion/NNToLinalg/StructuredBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;

namespace nnc::structured {

//===----------------------------------------------------------------------===//
// Sizes, constants and tensors
//===----------------------------------------------------------------------===//

SmallVector<OpFoldResult> sizesOf(OpBuilder &b, Location loc, Value tensor) {
  return tensor::getMixedSizes(b, loc, tensor);
}

OpFoldResult sizeOf(OpBuilder &b, Location loc, Value tensor, int64_t dim) {
  return tensor::getMixedSize(b, loc, tensor, dim);
}

SmallVector<OpFoldResult> dropSizes(ArrayRef<OpFoldResult> sizes,
                                    ArrayRef<int64_t> dropped) {
  SmallVector<OpFoldResult> kept;
  for (auto [i, size] : llvm::enumerate(sizes))
    if (!llvm::is_contained(dropped, static_cast<int64_t>(i)))
      kept.push_back(size);
  return kept;
}

RankedTensorType typeOf(ArrayRef<OpFoldResult> sizes, Type elementType) {
  SmallVector<int64_t> shape;
  for (OpFoldResult size : sizes)
    shape.push_back(getConstantIntValue(size).value_or(ShapedType::kDynamic));
  return RankedTensorType::get(shape, elementType);
}

Value floatConstant(OpBuilder &b, Location loc, Type type, double value) {
  return b.create<arith::ConstantOp>(loc, b.getFloatAttr(type, value));
}

Value indexToFloat(OpBuilder &b, Location loc, Value index, Type type) {
  Value i64 = b.create<arith::IndexCastOp>(loc, b.getI64Type(), index);
  return b.create<arith::SIToFPOp>(loc, type, i64);
}

Value countAlong(OpBuilder &b, Location loc, Value tensor,
                 ArrayRef<int64_t> dims, Type type) {
  int64_t staticCount = 1;
  Value dynamicCount;
  for (int64_t dim : dims) {
    OpFoldResult mixed = sizeOf(b, loc, tensor, dim);
    if (std::optional<int64_t> size = getConstantIntValue(mixed)) {
      staticCount *= *size;
      continue;
    }
    Value size = cast<Value>(mixed);
    dynamicCount =
        dynamicCount ? b.create<arith::MulIOp>(loc, dynamicCount, size) : size;
  }
  Value count = floatConstant(b, loc, type, static_cast<double>(staticCount));
  if (!dynamicCount)
    return count;
  return b.create<arith::MulFOp>(loc, count,
                                 indexToFloat(b, loc, dynamicCount, type));
}

Value emptyTensor(OpBuilder &b, Location loc, ArrayRef<OpFoldResult> sizes,
                  Type elementType) {
  return b.create<tensor::EmptyOp>(loc, sizes, elementType);
}

Value filledTensor(OpBuilder &b, Location loc, ArrayRef<OpFoldResult> sizes,
                   Value scalar) {
  Value empty = emptyTensor(b, loc, sizes, scalar.getType());
  return b.create<linalg::FillOp>(loc, scalar, empty).getResult(0);
}

Value castTo(OpBuilder &b, Location loc, Value value, Type type) {
  if (value.getType() == type)
    return value;
  return b.create<tensor::CastOp>(loc, type, value);
}

//===----------------------------------------------------------------------===//
// linalg.generic
//===----------------------------------------------------------------------===//

AffineMap dropDimsMap(MLIRContext *context, unsigned rank,
                      ArrayRef<int64_t> dropped) {
  SmallVector<AffineExpr> results;
  for (unsigned i = 0; i < rank; ++i)
    if (!llvm::is_contained(dropped, static_cast<int64_t>(i)))
      results.push_back(getAffineDimExpr(i, context));
  return AffineMap::get(rank, 0, results, context);
}

/// One linalg.generic with a single result.
static Value buildGeneric(OpBuilder &b, Location loc, ValueRange inputs,
                          ArrayRef<AffineMap> inputMaps, Value init,
                          AffineMap initMap,
                          ArrayRef<utils::IteratorType> iterators,
                          BodyFn body) {
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(initMap);
  auto generic = b.create<linalg::GenericOp>(
      loc, init.getType(), inputs, init, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        nested.create<linalg::YieldOp>(nestedLoc,
                                       body(nested, nestedLoc, args));
      });
  return generic.getResult(0);
}

Value mapGeneric(OpBuilder &b, Location loc, ValueRange inputs,
                 ArrayRef<AffineMap> inputMaps, Value init, BodyFn body) {
  unsigned rank = cast<RankedTensorType>(init.getType()).getRank();
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  return buildGeneric(b, loc, inputs, inputMaps, init,
                      b.getMultiDimIdentityMap(rank), iterators, body);
}

Value elementwise(OpBuilder &b, Location loc, ValueRange inputs, BodyFn body) {
  auto type = cast<RankedTensorType>(inputs[0].getType());
  Value init =
      emptyTensor(b, loc, sizesOf(b, loc, inputs[0]), type.getElementType());
  SmallVector<AffineMap> maps(inputs.size(),
                              b.getMultiDimIdentityMap(type.getRank()));
  return mapGeneric(b, loc, inputs, maps, init, body);
}

Value reduceGeneric(OpBuilder &b, Location loc, ValueRange inputs,
                    ArrayRef<AffineMap> inputMaps,
                    ArrayRef<int64_t> reducedDims, Value init, BodyFn body) {
  unsigned rank = inputMaps.front().getNumDims();
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  for (int64_t dim : reducedDims)
    iterators[dim] = utils::IteratorType::reduction;
  AffineMap initMap = dropDimsMap(b.getContext(), rank, reducedDims);
  return buildGeneric(b, loc, inputs, inputMaps, init, initMap, iterators,
                      body);
}

//===----------------------------------------------------------------------===//
// NCHW windows
//===----------------------------------------------------------------------===//

Value padSpatial(OpBuilder &b, Location loc, Value x, ArrayRef<int64_t> padding,
                 Value padValue) {
  if (llvm::all_of(padding, [](int64_t p) { return p == 0; }))
    return x;
  SmallVector<OpFoldResult> low = {b.getIndexAttr(0), b.getIndexAttr(0),
                                   b.getIndexAttr(padding[0]),
                                   b.getIndexAttr(padding[1])};
  SmallVector<OpFoldResult> high = {b.getIndexAttr(0), b.getIndexAttr(0),
                                    b.getIndexAttr(padding[2]),
                                    b.getIndexAttr(padding[3])};
  return b.create<tensor::PadOp>(loc, Type(), x, low, high, padValue);
}

/// (padded − extent) / stride + 1, folded when `padded` is static.
static OpFoldResult windowOutputSize(OpBuilder &b, Location loc,
                                     OpFoldResult padded, int64_t extent,
                                     int64_t stride) {
  if (std::optional<int64_t> size = getConstantIntValue(padded))
    return b.getIndexAttr((*size - extent) / stride + 1);
  auto constant = [&](int64_t v) {
    return b.create<arith::ConstantIndexOp>(loc, v);
  };
  Value span =
      b.create<arith::SubIOp>(loc, cast<Value>(padded), constant(extent));
  Value steps = b.create<arith::DivUIOp>(loc, span, constant(stride));
  return b.create<arith::AddIOp>(loc, steps, constant(1)).getResult();
}

SmallVector<OpFoldResult> windowResultSizes(OpBuilder &b, Location loc,
                                            Value padded, OpFoldResult channels,
                                            ArrayRef<int64_t> extents,
                                            ArrayRef<int64_t> strides) {
  auto size = [&](int64_t dim) { return sizeOf(b, loc, padded, dim); };
  return {size(0), channels,
          windowOutputSize(b, loc, size(2), extents[0], strides[0]),
          windowOutputSize(b, loc, size(3), extents[1], strides[1])};
}

SmallVector<int64_t, 2> windowOutputSizes(ArrayRef<int64_t> inputSize,
                                          ArrayRef<int64_t> padding,
                                          ArrayRef<int64_t> extents,
                                          ArrayRef<int64_t> strides) {
  SmallVector<int64_t, 2> sizes;
  for (int axis = 0; axis < 2; ++axis)
    sizes.push_back(
        (inputSize[axis] + padding[axis] + padding[axis + 2] - extents[axis]) /
            strides[axis] +
        1);
  return sizes;
}

Value withSpatialSizes(OpBuilder &b, Location loc, Value t,
                       ArrayRef<int64_t> sizes) {
  auto type = cast<RankedTensorType>(t.getType());
  SmallVector<int64_t> shape(type.getShape());
  shape[2] = sizes[0];
  shape[3] = sizes[1];
  return castTo(b, loc, t, type.clone(shape));
}

/// The elements [first, end) of a row of `count` that land inside [0, size)
/// at offset + index·stride.
static std::pair<int64_t, int64_t>
landingRange(int64_t count, int64_t size, int64_t offset, int64_t stride) {
  int64_t first = offset < 0 ? (-offset + stride - 1) / stride : 0;
  int64_t end =
      offset >= size ? 0 : std::min(count, (size - 1 - offset) / stride + 1);
  return {first, std::max(first, end)};
}

Value spreadSpatial(OpBuilder &b, Location loc, Value t,
                    ArrayRef<int64_t> sizes, ArrayRef<int64_t> offsets,
                    ArrayRef<int64_t> strides, Value fill) {
  auto type = cast<RankedTensorType>(t.getType());
  SmallVector<OpFoldResult> resultSizes = sizesOf(b, loc, t);
  resultSizes[2] = b.getIndexAttr(sizes[0]);
  resultSizes[3] = b.getIndexAttr(sizes[1]);
  Value result = filledTensor(b, loc, resultSizes, fill);
  SmallVector<OpFoldResult> zeros(4, b.getIndexAttr(0)),
      ones(4, b.getIndexAttr(1));
  SmallVector<OpFoldResult> from = zeros, to = zeros,
                            extent = sizesOf(b, loc, t);
  SmallVector<OpFoldResult> step = ones;
  bool cropped = false;
  for (int axis = 0; axis < 2; ++axis) {
    int64_t count = type.getDimSize(axis + 2);
    auto [first, end] =
        landingRange(count, sizes[axis], offsets[axis], strides[axis]);
    if (first == end)
      return result;
    cropped |= first > 0 || end < count;
    from[axis + 2] = b.getIndexAttr(first);
    extent[axis + 2] = b.getIndexAttr(end - first);
    to[axis + 2] = b.getIndexAttr(offsets[axis] + first * strides[axis]);
    step[axis + 2] = b.getIndexAttr(strides[axis]);
  }
  if (cropped)
    t = b.create<tensor::ExtractSliceOp>(loc, t, from, extent, ones);
  return b.create<tensor::InsertSliceOp>(loc, t, result, to, extent, step);
}

DenseIntElementsAttr pairAttr(OpBuilder &b, ArrayRef<int64_t> values) {
  return b.getI64VectorAttr(values);
}

} // namespace nnc::structured
