//===- Folders.cpp - folds of the nn ops ----------------------------------===//
//
// Identities that drop an op entirely. A fold only returns an operand when it
// has the result's exact type: an identity that also broadcasts is not one.
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

/// Returns `kept` when the other operand is the identity constant and no
/// broadcasting changes the type.
static OpFoldResult foldIdentity(Value kept, Attribute other, double identity,
                                 Type resultType) {
  if (kept.getType() == resultType && isSplatOf(other, identity))
    return kept;
  return {};
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
          foldIdentity(getLhs(), adaptor.getRhs(), 0.0, getType()))
    return folded;
  return foldIdentity(getRhs(), adaptor.getLhs(), 0.0, getType());
}

// x - 0 = x
OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  return foldIdentity(getLhs(), adaptor.getRhs(), 0.0, getType());
}

// x * 1 = 1 * x = x
OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded =
          foldIdentity(getLhs(), adaptor.getRhs(), 1.0, getType()))
    return folded;
  return foldIdentity(getRhs(), adaptor.getLhs(), 1.0, getType());
}

// x / 1 = x
OpFoldResult DivOp::fold(FoldAdaptor adaptor) {
  return foldIdentity(getLhs(), adaptor.getRhs(), 1.0, getType());
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
