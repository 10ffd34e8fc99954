//===- Folders.cpp - folds of the nn ops ----------------------------------===//
//
// Identities that drop an op entirely, and products and quotients of splat
// constants (the scale factors autodiff builds). A fold only returns an
// operand when it has the result's exact type: an identity that also
// broadcasts is not one.
//
//===----------------------------------------------------------------------===//

#include "dialects/nn/IR/NNOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::nn;

/// True when `attr` is a constant tensor whose elements all equal `value`.
static bool isSplatOf(Attribute attr, double value) {
  auto dense = dyn_cast_if_present<DenseFPElementsAttr>(attr);
  if (!dense || !dense.isSplat())
    return false;
  return dense.getSplatValue<APFloat>().convertToDouble() == value;
}

/// The constant `value` folds to, looking through an nn.expand_as of a
/// constant (a splat spread over a dynamic shape, as autodiff seeds are).
static Attribute constantThroughExpand(Value value, Attribute folded) {
  Attribute inner;
  if (auto expand = value.getDefiningOp<ExpandAsOp>())
    if (matchPattern(expand.getX(), m_Constant(&inner)))
      return inner;
  return folded;
}

/// Returns `kept` when `other` is the identity constant and no broadcasting
/// changes the type.
static OpFoldResult foldIdentity(Value kept, Value other, Attribute folded,
                                 double identity, Type resultType) {
  if (kept.getType() == resultType &&
      isSplatOf(constantThroughExpand(other, folded), identity))
    return kept;
  return {};
}

/// `fn(a, b)` of two splat constants as a splat of the static `resultType`.
static OpFoldResult foldSplats(Attribute lhs, Attribute rhs, Type resultType,
                               llvm::function_ref<double(double, double)> fn) {
  auto a = dyn_cast_if_present<DenseFPElementsAttr>(lhs);
  auto b = dyn_cast_if_present<DenseFPElementsAttr>(rhs);
  auto type = cast<RankedTensorType>(resultType);
  if (!a || !b || !a.isSplat() || !b.isSplat() || !type.hasStaticShape())
    return {};
  double value = fn(a.getSplatValue<APFloat>().convertToDouble(),
                    b.getSplatValue<APFloat>().convertToDouble());
  return DenseElementsAttr::get(type,
                                FloatAttr::get(type.getElementType(), value));
}

// neg(neg(x)) = x
OpFoldResult NegOp::fold(FoldAdaptor) {
  if (auto inner = getX().getDefiningOp<NegOp>())
    return inner.getX();
  return {};
}

// x + 0 = 0 + x = x
OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded =
          foldIdentity(getLhs(), getRhs(), adaptor.getRhs(), 0.0, getType()))
    return folded;
  return foldIdentity(getRhs(), getLhs(), adaptor.getLhs(), 0.0, getType());
}

// x - 0 = x
OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  return foldIdentity(getLhs(), getRhs(), adaptor.getRhs(), 0.0, getType());
}

// x * 1 = 1 * x = x; c1 * c2 = c
OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded =
          foldIdentity(getLhs(), getRhs(), adaptor.getRhs(), 1.0, getType()))
    return folded;
  if (OpFoldResult folded =
          foldIdentity(getRhs(), getLhs(), adaptor.getLhs(), 1.0, getType()))
    return folded;
  return foldSplats(adaptor.getLhs(), adaptor.getRhs(), getType(),
                    [](double a, double b) { return a * b; });
}

// x / 1 = x; c1 / c2 = c
OpFoldResult DivOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded =
          foldIdentity(getLhs(), getRhs(), adaptor.getRhs(), 1.0, getType()))
    return folded;
  return foldSplats(adaptor.getLhs(), adaptor.getRhs(), getType(),
                    [](double a, double b) { return a / b; });
}

// reshape(x : T) : T = x; reshape of a constant is a constant.
OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (getX().getType() == getType())
    return getX();
  auto dense = dyn_cast_if_present<DenseElementsAttr>(adaptor.getX());
  if (dense && getType().hasStaticShape())
    return dense.reshape(getType());
  return {};
}

// broadcast_to(x : T) : T = x; a broadcast splat is a splat.
OpFoldResult BroadcastToOp::fold(FoldAdaptor adaptor) {
  if (getX().getType() == getType())
    return getX();
  auto dense = dyn_cast_if_present<DenseElementsAttr>(adaptor.getX());
  if (dense && dense.isSplat() && getType().hasStaticShape())
    return DenseElementsAttr::get(getType(),
                                  dense.getSplatValue<Attribute>());
  return {};
}

// transpose(x, identity) = x
OpFoldResult TransposeOp::fold(FoldAdaptor) {
  if (getX().getType() != getType())
    return {};
  for (auto [index, dim] : llvm::enumerate(getPermutation()))
    if ((int64_t)index != dim)
      return {};
  return getX();
}

// concat(x) = x
OpFoldResult ConcatOp::fold(FoldAdaptor) {
  if (getInputs().size() == 1 && getInputs()[0].getType() == getType())
    return getInputs()[0];
  return {};
}

// expand_as(x : T, like) : T = x (a `?` is assumed not to stretch, as in
// the lowering); an expanded splat is a splat.
OpFoldResult ExpandAsOp::fold(FoldAdaptor adaptor) {
  if (getX().getType() == getType())
    return getX();
  auto dense = dyn_cast_if_present<DenseElementsAttr>(adaptor.getX());
  if (dense && dense.isSplat() && getType().hasStaticShape())
    return DenseElementsAttr::get(getType(), dense.getSplatValue<Attribute>());
  return {};
}
