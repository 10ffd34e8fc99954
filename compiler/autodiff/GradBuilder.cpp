//===- GradBuilder.cpp - nn op builders for VJP rules ---------------------===//

#include "compiler/autodiff/GradBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/Sequence.h"

using namespace mlir;
using namespace nnc::autodiff;

static RankedTensorType tensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

SmallVector<int64_t> nnc::autodiff::allAxes(int64_t rank) {
  return llvm::to_vector(llvm::seq<int64_t>(0, rank));
}

SmallVector<int64_t> nnc::autodiff::allAxesBut(int64_t rank, int64_t kept) {
  SmallVector<int64_t> axes;
  for (int64_t axis = 0; axis < rank; ++axis)
    if (axis != kept)
      axes.push_back(axis);
  return axes;
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

Value GradBuilder::splat(double value, RankedTensorType type) {
  Attribute element = b.getFloatAttr(type.getElementType(), value);
  return create<arith::ConstantOp>(DenseElementsAttr::get(type, element));
}

Value GradBuilder::scalar(double value, Value like) {
  return splat(value,
               RankedTensorType::get({}, tensorType(like).getElementType()));
}

Value GradBuilder::iota(int64_t n, Type elementType) {
  SmallVector<APInt> values;
  for (int64_t i = 0; i < n; ++i)
    values.push_back(APInt(elementType.getIntOrFloatBitWidth(), i));
  auto type = RankedTensorType::get({n}, elementType);
  return create<arith::ConstantOp>(DenseElementsAttr::get(type, values));
}

//===----------------------------------------------------------------------===//
// Elementwise ops
//===----------------------------------------------------------------------===//

Value GradBuilder::add(Value x, Value y) { return create<nn::AddOp>(x, y); }
Value GradBuilder::sub(Value x, Value y) { return create<nn::SubOp>(x, y); }
Value GradBuilder::mul(Value x, Value y) { return create<nn::MulOp>(x, y); }
Value GradBuilder::div(Value x, Value y) { return create<nn::DivOp>(x, y); }
Value GradBuilder::pow(Value x, Value y) { return create<nn::PowOp>(x, y); }
Value GradBuilder::maximum(Value x, Value y) {
  return create<nn::MaximumOp>(x, y);
}
Value GradBuilder::neg(Value x) { return create<nn::NegOp>(x); }
Value GradBuilder::exp(Value x) { return create<nn::ExpOp>(x); }
Value GradBuilder::log(Value x) { return create<nn::LogOp>(x); }
Value GradBuilder::abs(Value x) { return create<nn::AbsOp>(x); }
Value GradBuilder::rsqrt(Value x) { return create<nn::RsqrtOp>(x); }
Value GradBuilder::sqrt(Value x) { return create<nn::SqrtOp>(x); }

Value GradBuilder::compare(StringRef predicate, Value x, Value y) {
  return create<nn::CompareOp>(x, y, b.getStringAttr(predicate));
}

Value GradBuilder::select(Value cond, Value x, Value y) {
  return create<nn::SelectOp>(cond, x, y);
}

Value GradBuilder::indicator(Value mask, Value like) {
  return select(mask, one(like), zero(like));
}

//===----------------------------------------------------------------------===//
// Reductions, data movement and layers
//===----------------------------------------------------------------------===//

Value GradBuilder::reduceSum(Value x, ArrayRef<int64_t> axes, bool keepDims) {
  // An absent `axes` would mean every axis: reducing none is the identity.
  if (axes.empty())
    return x;
  return create<nn::ReduceSumOp>(x, b.getDenseI64ArrayAttr(axes), keepDims);
}

Value GradBuilder::reduceMean(Value x, ArrayRef<int64_t> axes, bool keepDims) {
  if (axes.empty())
    return x;
  return create<nn::ReduceMeanOp>(x, b.getDenseI64ArrayAttr(axes), keepDims);
}

Value GradBuilder::reshape(Value x, RankedTensorType type) {
  if (x.getType() == type)
    return x;
  return create<nn::ReshapeOp>(type, x);
}

Value GradBuilder::expandAs(Value x, Value like) {
  return create<nn::ExpandAsOp>(x, like);
}

Value GradBuilder::transpose(Value x, ArrayRef<int64_t> permutation) {
  return create<nn::TransposeOp>(x, b.getDenseI64ArrayAttr(permutation));
}

Value GradBuilder::slice(Value x, int64_t axis, int64_t start, int64_t size) {
  return create<nn::SliceOp>(x, axis, start, size);
}

Value GradBuilder::concat(ValueRange inputs, int64_t axis) {
  return create<nn::ConcatOp>(inputs, axis);
}

Value GradBuilder::matmul(Value x, Value y, bool transposeX, bool transposeY) {
  return create<nn::MatmulOp>(x, y, transposeX, transposeY);
}

Value GradBuilder::softmax(Value x, int64_t axis) {
  return create<nn::SoftmaxOp>(x, axis);
}

Value GradBuilder::logSoftmax(Value x, int64_t axis) {
  return create<nn::LogSoftmaxOp>(x, axis);
}

//===----------------------------------------------------------------------===//
// Gradient plumbing
//===----------------------------------------------------------------------===//

Value GradBuilder::unbroadcast(Value g, Type target) {
  auto to = cast<RankedTensorType>(target);
  int64_t added = tensorType(g).getRank() - to.getRank();
  assert(added >= 0 && "an operand cannot outrank its broadcast result");
  g = reduceSum(g, allAxes(added), /*keepDims=*/false);
  SmallVector<int64_t> stretched;
  for (int64_t axis = 0; axis < to.getRank(); ++axis)
    if (to.getDimSize(axis) == 1 && tensorType(g).getDimSize(axis) != 1)
      stretched.push_back(axis);
  g = reduceSum(g, stretched, /*keepDims=*/true);
  return castTo(g, to);
}

Value GradBuilder::keepDims(Value g, RankedTensorType x,
                            ArrayRef<int64_t> axes) {
  SmallVector<int64_t> shape(x.getShape());
  for (int64_t axis : axes)
    shape[axis] = 1;
  Type elementType = tensorType(g).getElementType();
  return reshape(g, RankedTensorType::get(shape, elementType));
}

Value GradBuilder::count(Value like, ArrayRef<int64_t> axes, Value floatLike) {
  RankedTensorType type = tensorType(like);
  int64_t product = 1;
  for (int64_t axis : axes) {
    if (type.isDynamicDim(axis)) {
      // Sum ones spread over `like`: the size is only known at run time.
      Value ones = expandAs(one(floatLike), like);
      return reduceSum(ones, axes, /*keepDims=*/true);
    }
    product *= type.getDimSize(axis);
  }
  return scalar(static_cast<double>(product), floatLike);
}

Value GradBuilder::divideByCount(Value g, Value like, ArrayRef<int64_t> axes) {
  Value n = count(like, axes, g);
  auto constant = n.getDefiningOp<arith::ConstantOp>();
  if (!constant)
    return div(g, n);
  double value = cast<DenseElementsAttr>(constant.getValue())
                     .getSplatValue<APFloat>()
                     .convertToDouble();
  return mul(g, scalar(1.0 / value, g));
}

Value GradBuilder::castTo(Value value, Type type) {
  if (value.getType() == type)
    return value;
  return create<nn::ReshapeOp>(type, value);
}
