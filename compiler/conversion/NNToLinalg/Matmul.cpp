//===- Matmul.cpp - nn.matmul and nn.linear to linalg contractions --------===//
//
// Both become named linalg contractions accumulating into a zero-filled
// result (linalg.fill):
//
//   matmul            → linalg.matmul / linalg.batch_matmul
//   matmul transpose_a → linalg.matmul_transpose_a (batch_… for 3-D)
//   matmul transpose_b → linalg.matmul_transpose_b (batch_… for 3-D)
//   matmul both       → linalg.transpose of lhs, then …_transpose_b
//   linear(x, w)      → linalg.matmul_transpose_b(x, w) = x · wᵀ
//
// Why the transposed named ops rather than linalg.transpose + matmul: a
// transposed operand costs nothing in the contraction itself (its indexing
// map just swaps two dimensions), whereas a materialized transpose is an
// extra pass over memory on every call, which for batch-1 inference is as
// expensive as the product. The CPU backend tiles and vectorizes any of
// these ops to vector.contract, whose lowering handles every operand layout,
// and it may still pack operands into its preferred layout there, where the
// tile sizes are known. Linear keeps its weight [out, in] for the same
// reason: the reduction runs along contiguous rows of both x and w. Only
// Aᵀ·Bᵀ has no named op; it transposes lhs so that it shares linear's form.
//
//===----------------------------------------------------------------------===//

#include "compiler/conversion/NNToLinalg/LoweringUtils.h"
#include "compiler/conversion/NNToLinalg/PopulatePatterns.h"
#include "compiler/conversion/NNToLinalg/StructuredBuilders.h"
#include "dialects/nn/IR/NNOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace nnc::structured;

namespace {

/// The result sizes [(B,) M, N] of lhs · rhs with lhs [(B,) M, K] (or
/// [(B,) K, M] when `transposeA`) and rhs [(B,) K, N] (or [(B,) N, K]).
/// Static sizes come from `resultType`: a batch may be static in rhs only.
SmallVector<OpFoldResult> productSizes(OpBuilder &b, Location loc,
                                       RankedTensorType resultType, Value lhs,
                                       Value rhs, bool transposeA,
                                       bool transposeB) {
  int64_t rank = resultType.getRank();
  // Where each result dimension comes from: (operand, dimension).
  SmallVector<std::pair<Value, int64_t>> sources;
  if (rank == 3)
    sources.push_back({lhs, 0});
  sources.push_back({lhs, transposeA ? rank - 1 : rank - 2});
  sources.push_back({rhs, transposeB ? rank - 2 : rank - 1});
  SmallVector<OpFoldResult> sizes;
  for (auto [i, source] : llvm::enumerate(sources))
    sizes.push_back(
        resultType.isDynamicDim(i)
            ? tensor::getMixedSize(b, loc, source.first, source.second)
            : b.getIndexAttr(resultType.getDimSize(i)));
  return sizes;
}

/// A zero-filled accumulator of type `resultType`.
Value zeroAccumulator(OpBuilder &b, Location loc, RankedTensorType resultType,
                      ArrayRef<OpFoldResult> sizes) {
  Value zero = floatConstant(b, loc, resultType.getElementType(), 0.0);
  return filledTensor(b, loc, sizes, zero);
}

/// `value` with its last two dimensions swapped, materialized.
Value transposeLastTwo(OpBuilder &b, Location loc, Value value) {
  int64_t rank = cast<RankedTensorType>(value.getType()).getRank();
  SmallVector<int64_t> permutation = llvm::to_vector(llvm::seq<int64_t>(rank));
  std::swap(permutation[rank - 2], permutation[rank - 1]);
  return transposed(b, loc, value, permutation);
}

/// The named contraction (batch_)matmul(_transpose_a|_transpose_b).
template <typename Op2D, typename Op3D>
Value contract(OpBuilder &b, Location loc, Value lhs, Value rhs, Value init) {
  auto type = cast<RankedTensorType>(init.getType());
  if (type.getRank() == 3)
    return b.create<Op3D>(loc, type, ValueRange{lhs, rhs}, init).getResult(0);
  return b.create<Op2D>(loc, type, ValueRange{lhs, rhs}, init).getResult(0);
}

/// lhs · rhs with either operand optionally transposed in its last two
/// dimensions, into the zero-filled `init`.
Value buildMatmul(OpBuilder &b, Location loc, Value lhs, Value rhs,
                  bool transposeA, bool transposeB, Value init) {
  if (transposeA && transposeB) {
    // Aᵀ·Bᵀ: no named op reads both operands transposed.
    lhs = transposeLastTwo(b, loc, lhs);
    transposeA = false;
  }
  if (transposeA)
    return contract<linalg::MatmulTransposeAOp,
                    linalg::BatchMatmulTransposeAOp>(b, loc, lhs, rhs, init);
  if (transposeB)
    return contract<linalg::MatmulTransposeBOp,
                    linalg::BatchMatmulTransposeBOp>(b, loc, lhs, rhs, init);
  return contract<linalg::MatmulOp, linalg::BatchMatmulOp>(b, loc, lhs, rhs,
                                                           init);
}

// matmul(a, b)[(β,) i, j] = Σ_k op(a)[(β,) i, k] · op(b)[(β,) k, j]
struct MatmulLowering : OpConversionPattern<nn::MatmulOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::MatmulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    bool ta = op.getTransposeA(), tb = op.getTransposeB();
    SmallVector<OpFoldResult> sizes = productSizes(
        rewriter, loc, type, adaptor.getLhs(), adaptor.getRhs(), ta, tb);
    Value init = zeroAccumulator(rewriter, loc, type, sizes);
    rewriter.replaceOp(op, buildMatmul(rewriter, loc, adaptor.getLhs(),
                                       adaptor.getRhs(), ta, tb, init));
    return success();
  }
};

// linear(x, w)[n, o] = Σ_i x[n, i] · w[o, i]
struct LinearLowering : OpConversionPattern<nn::LinearOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::LinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    SmallVector<OpFoldResult> sizes =
        productSizes(rewriter, loc, type, adaptor.getX(), adaptor.getWeight(),
                     /*transposeA=*/false, /*transposeB=*/true);
    Value init = zeroAccumulator(rewriter, loc, type, sizes);
    rewriter.replaceOp(op, buildMatmul(rewriter, loc, adaptor.getX(),
                                       adaptor.getWeight(), false, true, init));
    return success();
  }
};

} // namespace

void nnc::populateMatmulLoweringPatterns(RewritePatternSet &patterns) {
  patterns.add<MatmulLowering, LinearLowering>(patterns.getContext());
}
