//===- ShapeOps.cpp - shapes of reductions and data movement -------------===//

#include "dialects/nn/IR/NNOps.h"

#include "llvm/ADT/SmallSet.h"

using namespace mlir;
using namespace mlir::nn;

/// Normalizes and checks a reduction's axes (all axes when absent).
static FailureOr<SmallVector<int64_t>>
normalizeAxes(std::optional<ArrayRef<int64_t>> axes, int64_t rank,
              const ShapeDiag &diag) {
  SmallVector<int64_t> result;
  if (!axes) {
    for (int64_t i = 0; i < rank; ++i)
      result.push_back(i);
    return result;
  }
  for (int64_t axis : *axes) {
    FailureOr<int64_t> normalized = normalizeAxis(axis, rank, "axis", diag);
    if (failed(normalized))
      return failure();
    if (llvm::is_contained(result, *normalized))
      return diag.fail("'axes' ", formatShape(*axes), " names axis ",
                       *normalized, " twice");
    result.push_back(*normalized);
  }
  llvm::sort(result);
  return result;
}

template <typename ReduceAdaptor>
static LogicalResult inferReduceResult(ReduceAdaptor adaptor,
                                       const ShapeDiag &diag,
                                       SmallVectorImpl<Type> &types) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  FailureOr<SmallVector<int64_t>> axes =
      normalizeAxes(adaptor.getAxes(), x.getRank(), diag);
  if (failed(axes))
    return failure();
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < x.getRank(); ++i) {
    if (!llvm::is_contained(*axes, i))
      shape.push_back(x.getDimSize(i));
    else if (adaptor.getKeepDims())
      shape.push_back(1);
  }
  types.push_back(RankedTensorType::get(shape, x.getElementType()));
  return success();
}

#define NN_DEFINE_REDUCE_OP(Op)                                                \
  LogicalResult Op::inferResultTypes(Adaptor adaptor, const ShapeDiag &diag,   \
                                     SmallVectorImpl<Type> &types) {           \
    return inferReduceResult(adaptor, diag, types);                            \
  }                                                                            \
  SmallVector<int64_t> Op::getReducedAxes() {                                  \
    return *normalizeAxes(getAxes(), getX().getType().getRank(),               \
                          ShapeDiag::silent());                                \
  }
NN_DEFINE_REDUCE_OP(ReduceSumOp)
NN_DEFINE_REDUCE_OP(ReduceMeanOp)
NN_DEFINE_REDUCE_OP(ReduceMaxOp)
#undef NN_DEFINE_REDUCE_OP

LogicalResult ReshapeOp::verify() {
  RankedTensorType x = getX().getType(), y = getY().getType();
  ShapeDiag diag(*this);
  if (x.getElementType() != y.getElementType())
    return diag.fail("result element type ", y.getElementType(),
                     " differs from the input's ", x.getElementType());
  for (int64_t i = 1; i < y.getRank(); ++i)
    if (y.isDynamicDim(i))
      return diag.fail("result ", formatShape(y.getShape()),
                       " may be dynamic only in its leading dimension");
  if (x.hasStaticShape() && y.hasStaticShape() &&
      x.getNumElements() != y.getNumElements())
    return diag.fail("cannot reshape ", formatShape(x.getShape()), " (",
                     x.getNumElements(), " elements) to ",
                     formatShape(y.getShape()), " (", y.getNumElements(),
                     " elements)");
  // With a dynamic batch the rest of the input must split evenly.
  if (y.getRank() > 0 && y.isDynamicDim(0)) {
    int64_t inner = 1, outer = 1;
    for (int64_t size : x.getShape())
      inner *= ShapedType::isDynamic(size) ? 1 : size;
    for (int64_t size : y.getShape().drop_front())
      outer *= size;
    if (outer == 0 || inner % outer != 0)
      return diag.fail("cannot reshape ", formatShape(x.getShape()), " to ",
                       formatShape(y.getShape()),
                       ": the static sizes do not divide evenly");
  }
  if (!x.hasStaticShape() && y.hasStaticShape())
    return diag.fail("cannot reshape dynamic ", formatShape(x.getShape()),
                     " to static ", formatShape(y.getShape()));
  return success();
}

LogicalResult BroadcastToOp::verify() {
  RankedTensorType x = getX().getType(), y = getY().getType();
  ShapeDiag diag(*this);
  if (x.getElementType() != y.getElementType())
    return diag.fail("result element type ", y.getElementType(),
                     " differs from the input's ", x.getElementType());
  if (x.getRank() > y.getRank())
    return diag.fail("cannot broadcast ", formatShape(x.getShape()),
                     " to the lower-rank ", formatShape(y.getShape()));
  int64_t offset = y.getRank() - x.getRank();
  for (int64_t i = 0; i < x.getRank(); ++i) {
    int64_t from = x.getDimSize(i), to = y.getDimSize(i + offset);
    if (from != 1 && !compatibleDims(from, to))
      return diag.fail("cannot broadcast ", formatShape(x.getShape()), " to ",
                       formatShape(y.getShape()), ": dimension ", i,
                       " has size ", from);
  }
  return success();
}

LogicalResult TransposeOp::inferResultTypes(Adaptor adaptor,
                                            const ShapeDiag &diag,
                                            SmallVectorImpl<Type> &types) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  ArrayRef<int64_t> perm = adaptor.getPermutation();
  if ((int64_t)perm.size() != x.getRank())
    return diag.fail("'permutation' ", formatShape(perm), " has ",
                     perm.size(), " elements but 'x' has rank ", x.getRank());
  SmallVector<int64_t> shape;
  llvm::SmallSet<int64_t, 8> seen;
  for (int64_t dim : perm) {
    if (dim < 0 || dim >= x.getRank() || !seen.insert(dim).second)
      return diag.fail("'permutation' ", formatShape(perm),
                       " is not a permutation of [0, ", x.getRank(), ")");
    shape.push_back(x.getDimSize(dim));
  }
  types.push_back(RankedTensorType::get(shape, x.getElementType()));
  return success();
}

LogicalResult ConcatOp::inferResultTypes(Adaptor adaptor,
                                         const ShapeDiag &diag,
                                         SmallVectorImpl<Type> &types) {
  if (adaptor.getInputs().empty())
    return diag.fail("needs at least one input");
  auto first = cast<RankedTensorType>(adaptor.getInputs()[0].getType());
  FailureOr<int64_t> axis =
      normalizeAxis(adaptor.getAxis(), first.getRank(), "axis", diag);
  if (failed(axis))
    return failure();
  SmallVector<int64_t> shape(first.getShape());
  for (auto [index, input] : llvm::enumerate(adaptor.getInputs())) {
    auto type = cast<RankedTensorType>(input.getType());
    if (type.getRank() != first.getRank())
      return diag.fail("input #", index, " has rank ", type.getRank(),
                       " but input #0 has rank ", first.getRank());
    for (int64_t i = 0; i < type.getRank(); ++i) {
      if (i == *axis || compatibleDims(type.getDimSize(i), shape[i]))
        continue;
      return diag.fail("input #", index, " ", formatShape(type.getShape()),
                       " differs from input #0 ",
                       formatShape(first.getShape()),
                       " in dimension ", i);
    }
    if (index == 0)
      continue;
    bool dynamic = type.isDynamicDim(*axis) || ShapedType::isDynamic(shape[*axis]);
    shape[*axis] = dynamic ? ShapedType::kDynamic
                           : shape[*axis] + type.getDimSize(*axis);
  }
  types.push_back(RankedTensorType::get(shape, first.getElementType()));
  return success();
}

LogicalResult SliceOp::inferResultTypes(Adaptor adaptor, const ShapeDiag &diag,
                                        SmallVectorImpl<Type> &types) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  FailureOr<int64_t> axis =
      normalizeAxis(adaptor.getAxis(), x.getRank(), "axis", diag);
  if (failed(axis))
    return failure();
  int64_t start = adaptor.getStart(), size = adaptor.getSize();
  int64_t extent = x.getDimSize(*axis);
  if (start < 0 || size < 0)
    return diag.fail("'start' ", start, " and 'size' ", size,
                     " must be non-negative");
  if (!ShapedType::isDynamic(extent) && start + size > extent)
    return diag.fail("range [", start, ", ", start + size, ") exceeds size ",
                     extent, " of axis ", *axis);
  SmallVector<int64_t> shape(x.getShape());
  shape[*axis] = size;
  types.push_back(RankedTensorType::get(shape, x.getElementType()));
  return success();
}

LogicalResult ExpandAsOp::inferResultTypes(Adaptor adaptor,
                                           const ShapeDiag &diag,
                                           SmallVectorImpl<Type> &types) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  auto like = cast<RankedTensorType>(adaptor.getLike().getType());
  int64_t offset = like.getRank() - x.getRank();
  bool fits = offset >= 0;
  for (int64_t i = 0; fits && i < x.getRank(); ++i)
    fits = x.getDimSize(i) == 1 ||
           compatibleDims(x.getDimSize(i), like.getDimSize(i + offset));
  if (!fits)
    return diag.fail("cannot broadcast 'x' ", formatShape(x.getShape()),
                     " to the shape of 'like' ", formatShape(like.getShape()));
  types.push_back(RankedTensorType::get(like.getShape(), x.getElementType()));
  return success();
}
