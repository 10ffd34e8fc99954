//===- Elementwise.cpp - activations and broadcasting arithmetic ----------===//
//
// Every elementwise op becomes one all-parallel linalg.generic on tensors
// whose body is the scalar rule below. Binary ops broadcast with NumPy rules
// through their indexing maps (LoweringUtils.h), so no operand is ever
// materialized at the broadcast shape; prelu and bias_add read their 1-D
// operand through a map that keeps only the channel (or `axis`) dimension.
//
// NaN semantics follow PyTorch: arith.maximumf/minimumf propagate NaN like
// torch.maximum/minimum, relu(NaN) = maximumf(NaN, 0) = NaN, and the
// comparisons of leaky_relu and prelu are ordered, so NaN takes the
// `slope · x` branch and stays NaN.
//
//===----------------------------------------------------------------------===//

#include "compiler/conversion/NNToLinalg/LoweringUtils.h"
#include "compiler/conversion/NNToLinalg/PopulatePatterns.h"
#include "compiler/conversion/NNToLinalg/StructuredBuilders.h"
#include "dialects/nn/IR/NNOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/ADT/StringSwitch.h"

using namespace mlir;
using namespace nnc::structured;

namespace {

//===----------------------------------------------------------------------===//
// Scalar rules: one per op; `v` holds the operand elements in order.
//===----------------------------------------------------------------------===//

Value zeroLike(OpBuilder &b, Location loc, Value x) {
  return floatConstant(b, loc, x.getType(), 0.0);
}

/// x > 0 ? x : slope · x
Value leakyRelu(OpBuilder &b, Location loc, Value x, Value slope) {
  Value positive = b.create<arith::CmpFOp>(loc, arith::CmpFPredicate::OGT, x,
                                           zeroLike(b, loc, x));
  Value scaled = b.create<arith::MulFOp>(loc, slope, x);
  return b.create<arith::SelectOp>(loc, positive, x, scaled);
}

// relu(x) = max(x, 0)
Value scalarRule(nn::ReluOp, OpBuilder &b, Location loc, ValueRange v) {
  return b.create<arith::MaximumFOp>(loc, v[0], zeroLike(b, loc, v[0]));
}
// sigmoid(x) = 1 / (1 + exp(−x)); exp overflows to +inf for x ≪ 0, giving 0.
Value scalarRule(nn::SigmoidOp, OpBuilder &b, Location loc, ValueRange v) {
  Value one = floatConstant(b, loc, v[0].getType(), 1.0);
  Value expNeg = b.create<math::ExpOp>(loc, b.create<arith::NegFOp>(loc, v[0]));
  return b.create<arith::DivFOp>(loc, one,
                                 b.create<arith::AddFOp>(loc, one, expNeg));
}
Value scalarRule(nn::LeakyReluOp op, OpBuilder &b, Location loc, ValueRange v) {
  double alpha = op.getAlphaAttr().getValueAsDouble();
  return leakyRelu(b, loc, v[0], floatConstant(b, loc, v[0].getType(), alpha));
}
Value scalarRule(nn::TanhOp, OpBuilder &b, Location loc, ValueRange v) {
  return b.create<math::TanhOp>(loc, v[0]);
}
Value scalarRule(nn::ExpOp, OpBuilder &b, Location loc, ValueRange v) {
  return b.create<math::ExpOp>(loc, v[0]);
}
Value scalarRule(nn::LogOp, OpBuilder &b, Location loc, ValueRange v) {
  return b.create<math::LogOp>(loc, v[0]);
}
Value scalarRule(nn::NegOp, OpBuilder &b, Location loc, ValueRange v) {
  return b.create<arith::NegFOp>(loc, v[0]);
}
Value scalarRule(nn::SqrtOp, OpBuilder &b, Location loc, ValueRange v) {
  return b.create<math::SqrtOp>(loc, v[0]);
}
Value scalarRule(nn::RsqrtOp, OpBuilder &b, Location loc, ValueRange v) {
  return b.create<math::RsqrtOp>(loc, v[0]);
}
Value scalarRule(nn::AbsOp, OpBuilder &b, Location loc, ValueRange v) {
  return b.create<math::AbsFOp>(loc, v[0]);
}
Value scalarRule(nn::AddOp, OpBuilder &b, Location loc, ValueRange v) {
  return b.create<arith::AddFOp>(loc, v[0], v[1]);
}
Value scalarRule(nn::SubOp, OpBuilder &b, Location loc, ValueRange v) {
  return b.create<arith::SubFOp>(loc, v[0], v[1]);
}
Value scalarRule(nn::MulOp, OpBuilder &b, Location loc, ValueRange v) {
  return b.create<arith::MulFOp>(loc, v[0], v[1]);
}
Value scalarRule(nn::DivOp, OpBuilder &b, Location loc, ValueRange v) {
  return b.create<arith::DivFOp>(loc, v[0], v[1]);
}
Value scalarRule(nn::MaximumOp, OpBuilder &b, Location loc, ValueRange v) {
  return b.create<arith::MaximumFOp>(loc, v[0], v[1]);
}
Value scalarRule(nn::MinimumOp, OpBuilder &b, Location loc, ValueRange v) {
  return b.create<arith::MinimumFOp>(loc, v[0], v[1]);
}
Value scalarRule(nn::PowOp, OpBuilder &b, Location loc, ValueRange v) {
  return b.create<math::PowFOp>(loc, v[0], v[1]);
}

// compare(a, b): ordered float predicates except "ne" (unordered, so NaN is
// unequal to everything as in PyTorch); signed integer predicates.
Value scalarRule(nn::CompareOp op, OpBuilder &b, Location loc, ValueRange v) {
  StringRef name = op.getPredicate();
  if (isa<FloatType>(v[0].getType())) {
    auto predicate = llvm::StringSwitch<arith::CmpFPredicate>(name)
                         .Case("gt", arith::CmpFPredicate::OGT)
                         .Case("ge", arith::CmpFPredicate::OGE)
                         .Case("lt", arith::CmpFPredicate::OLT)
                         .Case("le", arith::CmpFPredicate::OLE)
                         .Case("eq", arith::CmpFPredicate::OEQ)
                         .Default(arith::CmpFPredicate::UNE);
    return b.create<arith::CmpFOp>(loc, predicate, v[0], v[1]);
  }
  auto predicate = llvm::StringSwitch<arith::CmpIPredicate>(name)
                       .Case("gt", arith::CmpIPredicate::sgt)
                       .Case("ge", arith::CmpIPredicate::sge)
                       .Case("lt", arith::CmpIPredicate::slt)
                       .Case("le", arith::CmpIPredicate::sle)
                       .Case("eq", arith::CmpIPredicate::eq)
                       .Default(arith::CmpIPredicate::ne);
  return b.create<arith::CmpIOp>(loc, predicate, v[0], v[1]);
}
Value scalarRule(nn::SelectOp, OpBuilder &b, Location loc, ValueRange v) {
  return b.create<arith::SelectOp>(loc, v[0], v[1], v[2]);
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

/// y[i] = rule(a[bcast_a(i)], b[bcast_b(i)], ...) for the unary and the
/// NumPy-broadcasting binary ops.
template <typename OpTy>
struct ElementwiseLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = cast<RankedTensorType>(op->getResult(0).getType());
    FailureOr<Value> result =
        broadcastGeneric(rewriter, op.getLoc(), type, adaptor.getOperands(),
                         [&](OpBuilder &b, Location loc, ValueRange args) {
                           return scalarRule(op, b, loc, args.drop_back());
                         });
    // Unreachable for verified ops: some operand spans each dynamic size.
    if (failed(result))
      return rewriter.notifyMatchFailure(op, "no operand gives a result size");
    rewriter.replaceOp(op, *result);
    return success();
  }
};

/// Reads a 1-D operand along dimension `dim` of a rank-`rank` loop nest, or
/// at index 0 when it has a single element shared by all (prelu's slope[1]).
AffineMap alongDim(MLIRContext *context, unsigned rank, int64_t dim,
                   RankedTensorType operand) {
  AffineExpr expr = operand.getDimSize(0) == 1
                        ? getAffineConstantExpr(0, context)
                        : getAffineDimExpr(dim, context);
  return AffineMap::get(rank, 0, expr, context);
}

/// y[i] = body(x[i], operand[i_dim]): one generic over x's shape that reads
/// the 1-D `operand` along dimension `dim`.
Value mapAlongDim(OpBuilder &b, Location loc, Value x, Value operand,
                  int64_t dim, BodyFn body) {
  auto xType = cast<RankedTensorType>(x.getType());
  MLIRContext *context = b.getContext();
  AffineMap maps[] = {b.getMultiDimIdentityMap(xType.getRank()),
                      alongDim(context, xType.getRank(), dim,
                               cast<RankedTensorType>(operand.getType()))};
  Value init = emptyTensor(b, loc, sizesOf(b, loc, x), xType.getElementType());
  return mapGeneric(b, loc, {x, operand}, maps, init, body);
}

// prelu(x, slope)[n, c, ...] = x > 0 ? x : slope[c] · x
struct PReluLowering : OpConversionPattern<nn::PReluOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::PReluOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value result =
        mapAlongDim(rewriter, op.getLoc(), adaptor.getX(), adaptor.getSlope(),
                    /*dim=*/1, [](OpBuilder &b, Location loc, ValueRange args) {
                      return leakyRelu(b, loc, args[0], args[1]);
                    });
    rewriter.replaceOp(op, result);
    return success();
  }
};

// bias_add(x, bias)[..., i_axis, ...] = x[..., i_axis, ...] + bias[i_axis]
struct BiasAddLowering : OpConversionPattern<nn::BiasAddOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::BiasAddOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    int64_t rank = op.getX().getType().getRank();
    int64_t axis = static_cast<int64_t>(op.getAxis());
    if (axis < 0)
      axis += rank;
    Value result = mapAlongDim(
        rewriter, op.getLoc(), adaptor.getX(), adaptor.getBias(), axis,
        [](OpBuilder &b, Location loc, ValueRange args) {
          return b.create<arith::AddFOp>(loc, args[0], args[1]).getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void nnc::populateElementwiseLoweringPatterns(RewritePatternSet &patterns) {
  patterns.add<
      ElementwiseLowering<nn::ReluOp>, ElementwiseLowering<nn::SigmoidOp>,
      ElementwiseLowering<nn::TanhOp>, ElementwiseLowering<nn::ExpOp>,
      ElementwiseLowering<nn::LogOp>, ElementwiseLowering<nn::NegOp>,
      ElementwiseLowering<nn::SqrtOp>, ElementwiseLowering<nn::RsqrtOp>,
      ElementwiseLowering<nn::AbsOp>, ElementwiseLowering<nn::LeakyReluOp>,
      ElementwiseLowering<nn::AddOp>, ElementwiseLowering<nn::SubOp>,
      ElementwiseLowering<nn::MulOp>, ElementwiseLowering<nn::DivOp>,
      ElementwiseLowering<nn::MaximumOp>, ElementwiseLowering<nn::MinimumOp>,
      ElementwiseLowering<nn::PowOp>, ElementwiseLowering<nn::CompareOp>,
      ElementwiseLowering<nn::SelectOp>, PReluLowering, BiasAddLowering>(
      patterns.getContext());
}
