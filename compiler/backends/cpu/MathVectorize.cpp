//===- MathVectorize.cpp - math ops on vectors for the CPU ----------------===//

#include "compiler/backends/cpu/MathVectorize.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;

namespace {

/// Math ops that convert-math-to-llvm lowers on vectors (LLVM intrinsics).
bool lowersOnVectors(Operation *op) {
  return isa<math::AbsFOp, math::AbsIOp, math::CeilOp, math::CopySignOp,
             math::CosOp, math::CountLeadingZerosOp, math::CountTrailingZerosOp,
             math::CtPopOp, math::ExpOp, math::Exp2Op, math::ExpM1Op,
             math::FloorOp, math::FmaOp, math::LogOp, math::Log10Op,
             math::Log1pOp, math::Log2Op, math::PowFOp, math::RoundEvenOp,
             math::RoundOp, math::RsqrtOp, math::SinOp, math::SqrtOp,
             math::TruncOp>(op);
}

bool isVectorMath(Operation *op) {
  return isa<math::MathDialect>(op->getDialect()) && op->getNumResults() == 1 &&
         isa<VectorType>(op->getResult(0).getType());
}

/// op(v) = [op(v[0]), op(v[1]), ...] for 1-D vectors.
struct UnrollVectorMath : RewritePattern {
  explicit UnrollVectorMath(MLIRContext *context)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/0, context) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    if (!isVectorMath(op) || lowersOnVectors(op))
      return failure();
    auto type = cast<VectorType>(op->getResult(0).getType());
    if (type.getRank() != 1 || type.isScalable())
      return failure();
    Location loc = op->getLoc();
    Value result = rewriter.create<arith::ConstantOp>(
        loc, type, rewriter.getZeroAttr(type));
    for (int64_t i = 0; i < type.getNumElements(); ++i) {
      SmallVector<Value> lanes;
      for (Value operand : op->getOperands())
        lanes.push_back(rewriter.create<vector::ExtractOp>(
            loc, operand, ArrayRef<int64_t>{i}));
      Operation *scalar =
          rewriter.create(loc, op->getName().getIdentifier(), lanes,
                          type.getElementType(), op->getAttrs());
      result = rewriter.create<vector::InsertOp>(loc, scalar->getResult(0),
                                                 result, ArrayRef<int64_t>{i});
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

LogicalResult nnc::lowerVectorMath(Operation *root) {
  SmallVector<Operation *> ops;
  root->walk([&](Operation *op) {
    if (isVectorMath(op))
      ops.push_back(op);
  });
  if (ops.empty())
    return success();
  RewritePatternSet patterns(root->getContext());
  populateMathPolynomialApproximationPatterns(patterns, {});
  patterns.add<UnrollVectorMath>(root->getContext());
  // Only the codegen's vector ops, and what rewriting them creates: scalar
  // math elsewhere keeps its libm or LLVM lowering.
  GreedyRewriteConfig config;
  config.strictMode = GreedyRewriteStrictness::ExistingAndNewOps;
  return applyOpPatternsAndFold(ops, std::move(patterns), config);
}
