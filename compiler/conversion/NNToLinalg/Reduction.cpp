//===- Reduction.cpp - reduce_sum, reduce_mean and reduce_max -------------===//
//
// A reduction is one linalg.reduce over the reduced axes into an accumulator
// filled with the identity of its combiner (0 for sums, −inf for max):
//
//   reduce_sum(x)  = linalg.reduce{addf}(x, fill(0))
//   reduce_max(x)  = linalg.reduce{maximumf}(x, fill(−inf))
//   reduce_mean(x) = reduce_sum(x) / Π_{a ∈ axes} dim(x, a)
//
// arith.maximumf propagates NaN like torch.amax. The mean divides by the
// number of reduced elements, read with tensor.dim when an axis is dynamic.
// With keep_dims the reduced axes come back as size-1 dimensions through
// tensor.expand_shape, a reshape that never copies.
//
//===----------------------------------------------------------------------===//

#include "compiler/conversion/NNToLinalg/PopulatePatterns.h"
#include "compiler/conversion/NNToLinalg/StructuredBuilders.h"
#include "dialects/nn/IR/NNOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

#include <limits>

using namespace mlir;
using namespace nnc::structured;

namespace {

using CombineFn = Value (*)(OpBuilder &, Location, Value, Value);

/// How each op reduces: the identity of its combiner, the combiner, and
/// whether the sum is divided by the element count afterwards.
struct ReductionRule {
  double identity;
  CombineFn combine;
  bool mean;
};

Value addCombine(OpBuilder &b, Location loc, Value x, Value acc) {
  return b.create<arith::AddFOp>(loc, x, acc);
}
Value maxCombine(OpBuilder &b, Location loc, Value x, Value acc) {
  return b.create<arith::MaximumFOp>(loc, x, acc);
}

ReductionRule ruleOf(nn::ReduceSumOp) { return {0.0, addCombine, false}; }
ReductionRule ruleOf(nn::ReduceMeanOp) { return {0.0, addCombine, true}; }
ReductionRule ruleOf(nn::ReduceMaxOp) {
  return {-std::numeric_limits<double>::infinity(), maxCombine, false};
}

/// `x` reduced over `dims` (sorted) by `rule.combine`.
Value reduceOver(OpBuilder &b, Location loc, Value x, ArrayRef<int64_t> dims,
                 const ReductionRule &rule) {
  Type elementType = cast<RankedTensorType>(x.getType()).getElementType();
  Value identity = floatConstant(b, loc, elementType, rule.identity);
  Value init =
      filledTensor(b, loc, dropSizes(sizesOf(b, loc, x), dims), identity);
  auto reduce = b.create<linalg::ReduceOp>(
      loc, ValueRange{x}, ValueRange{init}, dims,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value combined = rule.combine(nested, nestedLoc, args[0], args[1]);
        nested.create<linalg::YieldOp>(nestedLoc, combined);
      });
  return reduce.getResult(0);
}

/// sum / count, elementwise.
Value divideBy(OpBuilder &b, Location loc, Value sum, Value count) {
  return elementwise(
      b, loc, sum,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) -> Value {
        return nested.create<arith::DivFOp>(nestedLoc, args[0], count);
      });
}

/// Groups each dimension of the keep-dims shape (rank `rank`) with the kept
/// dimension it belongs to: leading reduced dimensions join the first kept
/// one, later ones the kept dimension before them. No kept dimension: the
/// reduced value is rank 0 and needs no groups.
SmallVector<ReassociationIndices> keepDimsGroups(int64_t rank,
                                                 ArrayRef<int64_t> dims) {
  SmallVector<ReassociationIndices> groups;
  ReassociationIndices leading;
  for (int64_t i = 0; i < rank; ++i) {
    bool reduced = llvm::is_contained(dims, i);
    if (!reduced) {
      leading.push_back(i);
      groups.push_back(leading);
      leading.clear();
    } else if (groups.empty()) {
      leading.push_back(i);
    } else {
      groups.back().push_back(i);
    }
  }
  return groups;
}

/// `reduced` with the reduced axes `dims` put back as size-1 dimensions.
Value keepReducedDims(OpBuilder &b, Location loc, Value reduced,
                      ArrayRef<int64_t> dims) {
  SmallVector<OpFoldResult> kept = sizesOf(b, loc, reduced);
  int64_t rank = kept.size() + dims.size();
  SmallVector<OpFoldResult> sizes;
  for (int64_t i = 0, next = 0; i < rank; ++i)
    sizes.push_back(llvm::is_contained(dims, i) ? b.getIndexAttr(1)
                                                : kept[next++]);
  Type elementType = cast<RankedTensorType>(reduced.getType()).getElementType();
  return b.create<tensor::ExpandShapeOp>(loc, typeOf(sizes, elementType),
                                         reduced, keepDimsGroups(rank, dims),
                                         sizes);
}

// reduce(x)[kept] = combine_{reduced} x[kept, reduced]
template <typename OpTy> struct ReductionLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getX();
    SmallVector<int64_t> dims = op.getReducedAxes();
    ReductionRule rule = ruleOf(op);
    // Reducing no axis is the identity (also for the mean: a count of 1).
    Value result = x;
    if (!dims.empty()) {
      result = reduceOver(rewriter, loc, x, dims, rule);
      if (rule.mean)
        result = divideBy(
            rewriter, loc, result,
            countAlong(rewriter, loc, x, dims, op.getType().getElementType()));
      if (op.getKeepDims())
        result = keepReducedDims(rewriter, loc, result, dims);
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void nnc::populateReductionLoweringPatterns(RewritePatternSet &patterns) {
  patterns.add<ReductionLowering<nn::ReduceSumOp>,
               ReductionLowering<nn::ReduceMeanOp>,
               ReductionLowering<nn::ReduceMaxOp>>(patterns.getContext());
}
