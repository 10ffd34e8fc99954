//===- StructuredBuilders.h - tensor and linalg building blocks -*- C++ -*-===//
//
// Private to the conversion: small builders shared by the window (conv,
// pooling), normalization and softmax/loss lowerings. Every size is an
// OpFoldResult so that static sizes stay static and dynamic ones (the batch)
// are read with tensor.dim exactly once.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_CONVERSION_NNTOLINALG_STRUCTUREDBUILDERS_H
#define NNC_COMPILER_CONVERSION_NNTOLINALG_STRUCTUREDBUILDERS_H

#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace nnc::structured {

/// The scalar body of a linalg.generic: receives the block arguments (input
/// elements, then the output element) and returns the value to yield.
using BodyFn = llvm::function_ref<mlir::Value(mlir::OpBuilder &, mlir::Location,
                                              mlir::ValueRange)>;

//===----------------------------------------------------------------------===//
// Sizes, constants and tensors
//===----------------------------------------------------------------------===//

/// Sizes of a ranked tensor: static ones as attributes, dynamic ones read
/// with tensor.dim.
llvm::SmallVector<mlir::OpFoldResult>
sizesOf(mlir::OpBuilder &b, mlir::Location loc, mlir::Value tensor);

/// Size `dim` of a ranked tensor, as sizesOf.
mlir::OpFoldResult sizeOf(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::Value tensor, int64_t dim);

/// `sizes` without the dimensions in `dropped` (sorted).
llvm::SmallVector<mlir::OpFoldResult>
dropSizes(llvm::ArrayRef<mlir::OpFoldResult> sizes,
          llvm::ArrayRef<int64_t> dropped);

/// The tensor type of `sizes`: static wherever the size is a constant.
mlir::RankedTensorType typeOf(llvm::ArrayRef<mlir::OpFoldResult> sizes,
                              mlir::Type elementType);

/// A float constant of `type`, rounded to its semantics.
mlir::Value floatConstant(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::Type type, double value);

/// An index value converted to a float of `type`.
mlir::Value indexToFloat(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::Value index, mlir::Type type);

/// The number of elements of `tensor` along `dims`, as a float of `type`;
/// folds to a constant when those sizes are static.
mlir::Value countAlong(mlir::OpBuilder &b, mlir::Location loc,
                       mlir::Value tensor, llvm::ArrayRef<int64_t> dims,
                       mlir::Type type);

/// tensor.empty of `sizes`.
mlir::Value emptyTensor(mlir::OpBuilder &b, mlir::Location loc,
                        llvm::ArrayRef<mlir::OpFoldResult> sizes,
                        mlir::Type elementType);

/// tensor.empty of `sizes` filled with `scalar` (linalg.fill).
mlir::Value filledTensor(mlir::OpBuilder &b, mlir::Location loc,
                         llvm::ArrayRef<mlir::OpFoldResult> sizes,
                         mlir::Value scalar);

/// `value` as `type` (tensor.cast when the static information differs).
mlir::Value castTo(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value,
                   mlir::Type type);

//===----------------------------------------------------------------------===//
// linalg.generic
//===----------------------------------------------------------------------===//

/// The map of an operand that is broadcast along (or reduced over) the
/// iteration dimensions `dropped` of a `rank`-dimensional loop nest.
mlir::AffineMap dropDimsMap(mlir::MLIRContext *context, unsigned rank,
                            llvm::ArrayRef<int64_t> dropped);

/// An all-parallel linalg.generic over the iteration space of `init`
/// (identity map); input i is read through `inputMaps[i]`.
mlir::Value mapGeneric(mlir::OpBuilder &b, mlir::Location loc,
                       mlir::ValueRange inputs,
                       llvm::ArrayRef<mlir::AffineMap> inputMaps,
                       mlir::Value init, BodyFn body);

/// mapGeneric with every input shaped like the result (identity maps) and a
/// fresh result tensor shaped like `inputs[0]`.
mlir::Value elementwise(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::ValueRange inputs, BodyFn body);

/// A linalg.generic that reduces the loop dimensions `reducedDims` (sorted)
/// into `init`, whose map drops them; the loop nest has the rank of the
/// input maps.
mlir::Value reduceGeneric(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::ValueRange inputs,
                          llvm::ArrayRef<mlir::AffineMap> inputMaps,
                          llvm::ArrayRef<int64_t> reducedDims, mlir::Value init,
                          BodyFn body);

//===----------------------------------------------------------------------===//
// NCHW windows (conv and pooling)
//===----------------------------------------------------------------------===//

/// x padded by (top, left, bottom, right) with `padValue` on H and W; `x`
/// itself when there is no padding.
mlir::Value padSpatial(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                       llvm::ArrayRef<int64_t> padding, mlir::Value padValue);

/// Result sizes [N, channels, OH, OW] of a window op sweeping `padded` with
/// window extents `extents` (dilation included) and `strides`, floor rule.
llvm::SmallVector<mlir::OpFoldResult>
windowResultSizes(mlir::OpBuilder &b, mlir::Location loc, mlir::Value padded,
                  mlir::OpFoldResult channels, llvm::ArrayRef<int64_t> extents,
                  llvm::ArrayRef<int64_t> strides);

/// Static spatial output sizes [OH, OW] of a window op on an input of
/// spatial size `inputSize`: (H + top + bottom − extent) / stride + 1.
llvm::SmallVector<int64_t, 2> windowOutputSizes(
    llvm::ArrayRef<int64_t> inputSize, llvm::ArrayRef<int64_t> padding,
    llvm::ArrayRef<int64_t> extents, llvm::ArrayRef<int64_t> strides);

/// `t` [N, C, H, W] cast to the static spatial sizes `sizes` (it may have
/// `?` there).
mlir::Value withSpatialSizes(mlir::OpBuilder &b, mlir::Location loc,
                             mlir::Value t, llvm::ArrayRef<int64_t> sizes);

/// `t` [N, C, OH, OW] (static OH, OW) spread over a [N, C, sizes[0],
/// sizes[1]] tensor of `fill`: t[n, c, i, j] lands at (offsets[0] +
/// i·strides[0], offsets[1] + j·strides[1]); what lands outside is dropped.
/// This lays a cotangent out over the input grid, where the adjoint of a
/// strided, padded window op becomes a stride-1 window sweep.
mlir::Value spreadSpatial(mlir::OpBuilder &b, mlir::Location loc, mlir::Value t,
                          llvm::ArrayRef<int64_t> sizes,
                          llvm::ArrayRef<int64_t> offsets,
                          llvm::ArrayRef<int64_t> strides, mlir::Value fill);

/// A 2-element i64 attribute as the named conv and pooling ops expect.
mlir::DenseIntElementsAttr pairAttr(mlir::OpBuilder &b,
                                    llvm::ArrayRef<int64_t> values);

} // namespace nnc::structured

#endif // NNC_COMPILER_CONVERSION_NNTOLINALG_STRUCTUREDBUILDERS_H
