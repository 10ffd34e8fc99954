//===- GradBuilder.h - nn op builders for VJP rules -------------*- C++ -*-===//
//
// VJP rules build nn IR at one location (the forward op's). GradBuilder
// names the ops they need after their math, so that a rule reads as its
// equation: `b.mul(g, b.sub(b.one(y), y))`. Result types are inferred by the
// ops themselves; scalar constants are rank-0 tensors that broadcast.
//
// The gradient plumbing every family shares lives here too: `unbroadcast`
// (sum a cotangent over the dimensions NumPy broadcasting added or
// stretched), `keepDims` and `count` for reductions, and `castTo`.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_AUTODIFF_GRADBUILDER_H
#define NNC_COMPILER_AUTODIFF_GRADBUILDER_H

#include "dialects/nn/IR/NNOps.h"

#include "mlir/IR/Builders.h"

namespace nnc::autodiff {

/// The gradients of an op's operands in operand order (null: none), or
/// failure after an error at the op.
using Grads = mlir::FailureOr<llvm::SmallVector<mlir::Value>>;

class GradBuilder {
public:
  GradBuilder(mlir::OpBuilder &builder, mlir::Location loc)
      : b(builder), loc(loc) {}

  mlir::Location getLoc() const { return loc; }

  //===--------------------------------------------------------------------===//
  // Constants
  //===--------------------------------------------------------------------===//

  /// A rank-0 constant `value` with the element type of `like`.
  mlir::Value scalar(double value, mlir::Value like);
  mlir::Value zero(mlir::Value like) { return scalar(0.0, like); }
  mlir::Value one(mlir::Value like) { return scalar(1.0, like); }

  /// A constant tensor of a static `type` filled with `value`.
  mlir::Value splat(double value, mlir::RankedTensorType type);

  /// The integers [0, n) as a 1-D tensor of `elementType` (i32 or i64).
  mlir::Value iota(int64_t n, mlir::Type elementType);

  //===--------------------------------------------------------------------===//
  // Elementwise ops (NumPy broadcasting)
  //===--------------------------------------------------------------------===//

  mlir::Value add(mlir::Value x, mlir::Value y);
  mlir::Value sub(mlir::Value x, mlir::Value y);
  mlir::Value mul(mlir::Value x, mlir::Value y);
  mlir::Value div(mlir::Value x, mlir::Value y);
  mlir::Value pow(mlir::Value x, mlir::Value y);
  mlir::Value maximum(mlir::Value x, mlir::Value y);
  mlir::Value neg(mlir::Value x);
  mlir::Value exp(mlir::Value x);
  mlir::Value log(mlir::Value x);
  mlir::Value abs(mlir::Value x);
  mlir::Value rsqrt(mlir::Value x);
  mlir::Value sqrt(mlir::Value x);

  /// `x <predicate> y` as an i1 mask; predicate "gt", "ge", ... "ne".
  mlir::Value compare(llvm::StringRef predicate, mlir::Value x, mlir::Value y);
  /// `cond ? x : y`.
  mlir::Value select(mlir::Value cond, mlir::Value x, mlir::Value y);
  /// 1 where `mask` holds, 0 elsewhere, in the element type of `like`.
  mlir::Value indicator(mlir::Value mask, mlir::Value like);

  //===--------------------------------------------------------------------===//
  // Reductions, data movement and layers
  //===--------------------------------------------------------------------===//

  mlir::Value reduceSum(mlir::Value x, llvm::ArrayRef<int64_t> axes,
                        bool keepDims);
  mlir::Value reduceMean(mlir::Value x, llvm::ArrayRef<int64_t> axes,
                         bool keepDims);
  /// `x` reshaped to `type`; `x` itself when it already has it.
  mlir::Value reshape(mlir::Value x, mlir::RankedTensorType type);
  mlir::Value expandAs(mlir::Value x, mlir::Value like);
  mlir::Value transpose(mlir::Value x, llvm::ArrayRef<int64_t> permutation);
  mlir::Value slice(mlir::Value x, int64_t axis, int64_t start, int64_t size);
  mlir::Value concat(mlir::ValueRange inputs, int64_t axis);
  mlir::Value matmul(mlir::Value x, mlir::Value y, bool transposeX,
                     bool transposeY);
  mlir::Value softmax(mlir::Value x, int64_t axis);
  mlir::Value logSoftmax(mlir::Value x, int64_t axis);

  /// An op with no name of its own here (the backward ops of conv2d and
  /// pooling, which take the forward op's attributes): its result, the
  /// type inferred.
  template <typename OpTy, typename... Args> mlir::Value build(Args &&...args) {
    return create<OpTy>(std::forward<Args>(args)...);
  }

  //===--------------------------------------------------------------------===//
  // Gradient plumbing
  //===--------------------------------------------------------------------===//

  /// The cotangent `g` of a broadcast result, summed back to `target`: over
  /// the leading dimensions broadcasting added and the size-1 dimensions it
  /// stretched, then cast to `target` exactly.
  mlir::Value unbroadcast(mlir::Value g, mlir::Type target);

  /// The reduced `g` of a reduction of `x` over `axes` with the reduced
  /// dimensions put back as size 1 (a reshape when they were dropped).
  mlir::Value keepDims(mlir::Value g, mlir::RankedTensorType x,
                       llvm::ArrayRef<int64_t> axes);

  /// The number of elements of `like` along `axes` in the float element type
  /// of `floatLike`: a rank-0 constant when those sizes are static,
  /// otherwise counted at run time (a keep-dims tensor that broadcasts).
  mlir::Value count(mlir::Value like, llvm::ArrayRef<int64_t> axes,
                    mlir::Value floatLike);

  /// `g` divided by the number of elements of `like` along `axes`: a
  /// multiplication by the reciprocal when that number is static (so that a
  /// seed of 1 folds to a constant), a division by count() otherwise.
  mlir::Value divideByCount(mlir::Value g, mlir::Value like,
                            llvm::ArrayRef<int64_t> axes);

  /// `value` with the exact type `type` (an nn.reshape when they differ only
  /// in what is static).
  mlir::Value castTo(mlir::Value value, mlir::Type type);

private:
  template <typename OpTy, typename... Args>
  mlir::Value create(Args &&...args) {
    return b.create<OpTy>(loc, std::forward<Args>(args)...)->getResult(0);
  }

  mlir::OpBuilder &b;
  mlir::Location loc;
};

/// The axes of a rank-`rank` tensor except `kept`.
llvm::SmallVector<int64_t> allAxesBut(int64_t rank, int64_t kept);

/// The axes [0, rank).
llvm::SmallVector<int64_t> allAxes(int64_t rank);

} // namespace nnc::autodiff

#endif // NNC_COMPILER_AUTODIFF_GRADBUILDER_H
