//===- LoweringUtils.h - broadcasting and permutation builders --*- C++ -*-===//
//
// Private to the conversion, on top of StructuredBuilders.h: the indexing
// maps and result sizes of a NumPy broadcast (shared by the binary
// elementwise ops and nn.broadcast_to) and a materialized transpose (shared
// by nn.transpose and nn.matmul).
//
// Operands are aligned on their trailing dimensions. A static size-1
// dimension facing a result size other than 1 is read at index 0 (the map
// yields the constant 0); every other dimension is read at the loop index.
// A dynamic operand size is therefore assumed to equal the result size at
// run time: broadcasting is decided from the types, as in torch-mlir, so a
// `?` that turns out to be 1 against a larger size is not supported.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_CONVERSION_NNTOLINALG_LOWERINGUTILS_H
#define NNC_COMPILER_CONVERSION_NNTOLINALG_LOWERINGUTILS_H

#include "compiler/conversion/NNToLinalg/StructuredBuilders.h"

#include "mlir/Support/LogicalResult.h"

namespace nnc::structured {

/// The map that reads `operand` in the loop nest of `result` (see above).
mlir::AffineMap broadcastMap(mlir::MLIRContext *context,
                             mlir::RankedTensorType operand,
                             mlir::RankedTensorType result);

/// The sizes of `result`: static ones as attributes, a dynamic one read with
/// tensor.dim from the first operand that is not broadcast along it. Fails
/// when no operand determines a dynamic size.
mlir::FailureOr<llvm::SmallVector<mlir::OpFoldResult>>
broadcastSizes(mlir::OpBuilder &b, mlir::Location loc,
               mlir::RankedTensorType result, mlir::ValueRange operands);

/// One all-parallel linalg.generic computing a tensor of type `result` from
/// `inputs` broadcast to it; `body` gets the input elements, then the output
/// element. Fails as broadcastSizes does.
mlir::FailureOr<mlir::Value> broadcastGeneric(mlir::OpBuilder &b,
                                              mlir::Location loc,
                                              mlir::RankedTensorType result,
                                              mlir::ValueRange inputs,
                                              BodyFn body);

/// `value` with its dimensions permuted (result dimension i is dimension
/// `permutation[i]` of `value`), as a linalg.transpose into a fresh tensor.
mlir::Value transposed(mlir::OpBuilder &b, mlir::Location loc,
                       mlir::Value value, llvm::ArrayRef<int64_t> permutation);

} // namespace nnc::structured

#endif // NNC_COMPILER_CONVERSION_NNTOLINALG_LOWERINGUTILS_H
