//===- ShapeDiag.h - diagnostics and shape helpers for nn ops ---*- C++ -*-===//
//
// Shape inference and verification share one function per op. ShapeDiag lets
// that function report problems when called by the verifier or a parser and
// stay silent when called speculatively (type refinement).
//
//===----------------------------------------------------------------------===//

#ifndef NNC_DIALECTS_NN_IR_SHAPEDIAG_H
#define NNC_DIALECTS_NN_IR_SHAPEDIAG_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Operation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace mlir::nn {

/// Reports "'nn.op' op <message>" at a location, or nothing when silent.
class ShapeDiag {
public:
  static ShapeDiag silent() { return ShapeDiag(std::nullopt, ""); }
  ShapeDiag(std::optional<Location> loc, StringRef opName)
      : loc(loc), opName(opName) {}
  explicit ShapeDiag(Operation *op)
      : loc(op->getLoc()), opName(op->getName().getStringRef()) {}

  /// Emits the streamed arguments as an error and returns failure.
  template <typename... Args>
  LogicalResult fail(Args &&...args) const {
    if (!loc)
      return failure();
    InFlightDiagnostic diag = emitError(*loc) << "'" << opName << "' op ";
    (diag << ... << std::forward<Args>(args));
    return diag;
  }

private:
  std::optional<Location> loc;
  StringRef opName;
};

/// How a loss reduces its per-example values.
enum class Reduction { Mean, Sum, None };
std::optional<Reduction> parseReduction(StringRef name);

/// "[?, 3, 28]": shapes in messages, with `?` for dynamic sizes.
std::string formatShape(ArrayRef<int64_t> shape);

/// True when two sizes may be equal at run time.
inline bool compatibleDims(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) || a == b;
}

/// Normalizes a Python-style axis to [0, rank) or reports it out of range.
FailureOr<int64_t> normalizeAxis(int64_t axis, int64_t rank,
                                 StringRef attrName, const ShapeDiag &diag);

/// Checks that `rank` is one of `allowed` for the named operand.
LogicalResult checkRank(RankedTensorType type, ArrayRef<int64_t> allowed,
                        StringRef operand, const ShapeDiag &diag);

/// Checks that every element of an integer-list attribute is at least `min`
/// and that the list has `size` elements.
LogicalResult checkIntList(ArrayRef<int64_t> values, size_t size, int64_t min,
                           StringRef attrName, const ShapeDiag &diag);

/// NumPy broadcasting of two shapes; fails on incompatible sizes.
FailureOr<SmallVector<int64_t>> broadcastShapes(ArrayRef<int64_t> lhs,
                                                ArrayRef<int64_t> rhs);

/// Result type of a broadcasting binary op.
LogicalResult inferBroadcastResult(Type lhs, Type rhs, const ShapeDiag &diag,
                                   SmallVectorImpl<Type> &types);

/// Checks what inference relies on but only the verifier would check
/// otherwise: the attributes satisfy their constraints and every operand is a
/// ranked tensor. Reports at `loc`, or nothing without one.
template <typename AdaptorT>
LogicalResult checkInferenceInputs(AdaptorT &adaptor, ValueRange operands,
                                   MLIRContext *context,
                                   std::optional<Location> loc,
                                   StringRef opName) {
  if (!loc) {
    ScopedDiagnosticHandler silence(context,
                                    [](Diagnostic &) { return success(); });
    if (failed(adaptor.verify(UnknownLoc::get(context))))
      return failure();
  } else if (failed(adaptor.verify(*loc))) {
    return failure();
  }
  for (auto [index, operand] : llvm::enumerate(operands))
    if (!isa<RankedTensorType>(operand.getType()))
      return ShapeDiag(loc, opName)
          .fail("operand #", index, " must be a ranked tensor, got ",
                operand.getType());
  return success();
}

/// Checks that declared result types equal the inferred ones.
LogicalResult checkResultTypes(std::optional<Location> loc, StringRef opName,
                               TypeRange inferred, TypeRange declared);

} // namespace mlir::nn

#endif // NNC_DIALECTS_NN_IR_SHAPEDIAG_H
