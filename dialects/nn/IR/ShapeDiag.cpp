//===- ShapeDiag.cpp - shape helpers shared by the nn op families --------===//

#include "dialects/nn/IR/ShapeDiag.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::nn;

std::optional<Reduction> mlir::nn::parseReduction(StringRef name) {
  return llvm::StringSwitch<std::optional<Reduction>>(name)
      .Case("mean", Reduction::Mean)
      .Case("sum", Reduction::Sum)
      .Case("none", Reduction::None)
      .Default(std::nullopt);
}

std::string mlir::nn::formatShape(ArrayRef<int64_t> shape) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "[";
  llvm::interleaveComma(shape, os, [&](int64_t size) {
    if (ShapedType::isDynamic(size))
      os << "?";
    else
      os << size;
  });
  os << "]";
  return text;
}

FailureOr<int64_t> mlir::nn::normalizeAxis(int64_t axis, int64_t rank,
                                           StringRef attrName,
                                           const ShapeDiag &diag) {
  if (axis < -rank || axis >= rank)
    return diag.fail(attrName, " ", axis, " is out of range for rank ", rank,
                     " (expected -", rank, " <= ", attrName, " < ", rank, ")");
  return axis < 0 ? axis + rank : axis;
}

LogicalResult mlir::nn::checkRank(RankedTensorType type,
                                  ArrayRef<int64_t> allowed, StringRef operand,
                                  const ShapeDiag &diag) {
  if (llvm::is_contained(allowed, type.getRank()))
    return success();
  std::string expected;
  llvm::raw_string_ostream os(expected);
  llvm::interleave(allowed, os, " or ");
  return diag.fail("operand '", operand, "' must have rank ", expected,
                   ", got rank ", type.getRank(), " (",
                   formatShape(type.getShape()), ")");
}

LogicalResult mlir::nn::checkIntList(ArrayRef<int64_t> values, size_t size,
                                     int64_t min, StringRef attrName,
                                     const ShapeDiag &diag) {
  if (values.size() != size)
    return diag.fail("'", attrName, "' must have ", size, " elements, got ",
                     values.size());
  for (int64_t value : values)
    if (value < min)
      return diag.fail("'", attrName, "' must be ",
                       min == 0 ? "non-negative" : "positive", ", got ",
                       formatShape(values));
  return success();
}

FailureOr<SmallVector<int64_t>>
mlir::nn::broadcastShapes(ArrayRef<int64_t> lhs, ArrayRef<int64_t> rhs) {
  size_t rank = std::max(lhs.size(), rhs.size());
  SmallVector<int64_t> result(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t a = i < rank - lhs.size() ? 1 : lhs[i - (rank - lhs.size())];
    int64_t b = i < rank - rhs.size() ? 1 : rhs[i - (rank - rhs.size())];
    if (a == 1 || a == b)
      result[i] = b;
    else if (b == 1)
      result[i] = a;
    else if (ShapedType::isDynamic(a) || ShapedType::isDynamic(b))
      // ? against n > 1 can only be n at run time.
      result[i] = ShapedType::isDynamic(a) ? b : a;
    else
      return failure();
  }
  return result;
}

LogicalResult mlir::nn::inferBroadcastResult(Type lhs, Type rhs,
                                             const ShapeDiag &diag,
                                             SmallVectorImpl<Type> &types) {
  auto lhsType = cast<RankedTensorType>(lhs);
  auto rhsType = cast<RankedTensorType>(rhs);
  FailureOr<SmallVector<int64_t>> shape =
      broadcastShapes(lhsType.getShape(), rhsType.getShape());
  if (failed(shape))
    return diag.fail("operands are not broadcast-compatible: ",
                     formatShape(lhsType.getShape()), " and ",
                     formatShape(rhsType.getShape()));
  types.push_back(RankedTensorType::get(*shape, lhsType.getElementType()));
  return success();
}

LogicalResult mlir::nn::checkResultTypes(std::optional<Location> loc,
                                         StringRef opName, TypeRange inferred,
                                         TypeRange declared) {
  ShapeDiag diag(loc, opName);
  if (inferred.size() != declared.size())
    return diag.fail("expected ", inferred.size(), " results, got ",
                     declared.size());
  // Exact equality: the custom form prints no result types, so a declared
  // type that merely refined the inferred one would not survive a round trip.
  for (auto [index, pair] : llvm::enumerate(llvm::zip(inferred, declared)))
    if (std::get<0>(pair) != std::get<1>(pair))
      return diag.fail("result #", index, " has type ", std::get<1>(pair),
                       " but the operands give ", std::get<0>(pair));
  return success();
}
