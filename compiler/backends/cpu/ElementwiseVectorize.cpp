//===- ElementwiseVectorize.cpp - SIMD elementwise linalg ops -------------===//

#include "compiler/backends/cpu/ElementwiseVectorize.h"
#include "compiler/backends/cpu/PackCodegen.h"

#include "mlir/Dialect/Affine/Utils.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"

using namespace mlir;
using namespace nnc;

namespace {
/// How the flattened loop nest reaches one operand: a memref (collapsed
/// where loops were merged) and, per memref dimension, its index as a
/// function of the nest's loops (a loop; 0 for a size-1 broadcast
/// dimension; a window expression such as i·s + p of an im2col); or a
/// scalar.
struct Access {
  Value memref, scalar;
  SmallVector<AffineExpr> indices;
};

/// The loop nest after merging trailing loops that every operand reads
/// contiguously: `sizes.back()` is the (flattened) vectorized loop.
struct Nest {
  SmallVector<Value> sizes;
  SmallVector<Access> accesses; // one per op operand
};
} // namespace

/// Whether `e` is `inner` plus terms free of it (j + 2·q, not 2·j).
static bool advancesByOne(AffineExpr e, unsigned inner) {
  MLIRContext *context = e.getContext();
  AffineExpr d = getAffineDimExpr(inner, context);
  AffineExpr step = e.replace(d, d + 1) - e;
  auto one = dyn_cast<AffineConstantExpr>(simplifyAffineExpr(step, 0xffff, 0));
  return one && one.getValue() == 1;
}

/// Whether `operand` is contiguous along loop `inner`, or does not depend
/// on it (then it is broadcast). Results other than the last may be any
/// affine expression of the outer loops (the window rows of an im2col); the
/// last must step by one element per step of `inner`.
static bool contiguousAlong(linalg::LinalgOp op, OpOperand &operand,
                            unsigned inner) {
  auto type = dyn_cast<MemRefType>(operand.get().getType());
  if (!type)
    return !isa<ShapedType>(operand.get().getType());
  AffineMap map = op.getMatchingIndexingMap(&operand);
  if (!map.isFunctionOfDim(inner))
    return true;
  ArrayRef<AffineExpr> results = map.getResults();
  bool onlyLast = llvm::none_of(results.drop_back(), [&](AffineExpr e) {
    return e.isFunctionOfDim(inner);
  });
  return onlyLast && advancesByOne(results.back(), inner) &&
         staticStride(operand.get(), type.getRank() - 1) == 1;
}

/// Bodies made of elementwise-mappable scalar ops only (no linalg.index).
static bool hasVectorizableBody(linalg::LinalgOp op) {
  for (Operation &inner : op.getBlock()->without_terminator()) {
    if (!OpTrait::hasElementwiseMappableTraits(&inner) &&
        !isa<arith::ConstantOp>(inner))
      return false;
    for (Type t : inner.getResultTypes())
      if (!t.isIntOrFloat())
        return false;
  }
  return true;
}

/// Element types whose vectors have the memory layout of their memrefs: not
/// i1 (LLVM packs vectors of i1 into bits, memrefs keep a byte each) nor
/// index.
static bool hasVectorizableElements(linalg::LinalgOp op) {
  return llvm::all_of(op->getOperandTypes(), [](Type t) {
    Type element = getElementTypeOrSelf(t);
    return element.isIntOrFloat() && element.getIntOrFloatBitWidth() % 8 == 0;
  });
}

static bool isCandidate(linalg::LinalgOp op) {
  unsigned loops = op.getNumLoops();
  if (!op.hasPureBufferSemantics() || loops == 0 ||
      op.getIteratorTypesArray().back() != utils::IteratorType::parallel ||
      !hasVectorizableElements(op) || !hasVectorizableBody(op))
    return false;
  // An output that did not vary along the innermost loop would be reduced
  // across lanes.
  for (OpOperand &init : op.getDpsInitsMutable())
    if (!op.getMatchingIndexingMap(&init).isFunctionOfDim(loops - 1))
      return false;
  return llvm::all_of(op->getOpOperands(), [&](OpOperand &operand) {
    return contiguousAlong(op, operand, loops - 1);
  });
}

/// The memref dims [rank - k, rank) as one: {{0}, ..., {rank - k, ...}}.
static SmallVector<ReassociationIndices> mergeTrailing(int64_t rank,
                                                       int64_t k) {
  SmallVector<ReassociationIndices> groups;
  for (int64_t i = 0; i < rank - k; ++i)
    groups.push_back({i});
  groups.emplace_back();
  for (int64_t i = rank - k; i < rank; ++i)
    groups.back().push_back(i);
  return groups;
}

/// Whether the last `k` loops can become one: every operand either ignores
/// them or has them, in order, as its trailing dimensions, laid out
/// contiguously (a [C, H, W] image row by row, a whole contiguous buffer).
static bool canMerge(linalg::LinalgOp op, unsigned k) {
  unsigned first = op.getNumLoops() - k;
  for (OpOperand &operand : op->getOpOperands()) {
    auto type = dyn_cast<MemRefType>(operand.get().getType());
    if (!type)
      continue;
    // Window expressions index one loop's worth of elements at a time.
    if (!op.getMatchingIndexingMap(&operand).isProjectedPermutation(
            /*allowZeroInResults=*/true))
      return false;
    ArrayRef<AffineExpr> results =
        op.getMatchingIndexingMap(&operand).getResults();
    unsigned used = llvm::count_if(results, [&](AffineExpr e) {
      auto d = dyn_cast<AffineDimExpr>(e);
      return d && d.getPosition() >= first;
    });
    if (used == 0)
      continue;
    if (used != k || results.size() < k)
      return false;
    for (unsigned i = 0; i < k; ++i)
      if (results[results.size() - k + i] !=
          getAffineDimExpr(first + i, op->getContext()))
        return false;
    if (!memref::CollapseShapeOp::isGuaranteedCollapsible(
            type, mergeTrailing(type.getRank(), k)))
      return false;
  }
  return true;
}

/// The access of `operand` once the loops from `first` on are merged into
/// loop `first`.
static Access accessOf(OpBuilder &b, Location loc, linalg::LinalgOp op,
                       OpOperand &operand, unsigned first) {
  Access access;
  Value value = operand.get();
  auto type = dyn_cast<MemRefType>(value.getType());
  if (!type) {
    access.scalar = value;
    return access;
  }
  bool merged = false;
  for (AffineExpr e : op.getMatchingIndexingMap(&operand).getResults()) {
    auto d = dyn_cast<AffineDimExpr>(e);
    if (d && d.getPosition() >= first) {
      merged = true;
      continue;
    }
    access.indices.push_back(e);
  }
  access.memref = value;
  if (merged) {
    unsigned k = op.getNumLoops() - first;
    if (k > 1)
      access.memref = b.create<memref::CollapseShapeOp>(
          loc, value, mergeTrailing(type.getRank(), k));
    access.indices.push_back(getAffineDimExpr(first, b.getContext()));
  }
  return access;
}

static Nest buildNest(OpBuilder &b, Location loc, linalg::LinalgOp op) {
  unsigned loops = op.getNumLoops();
  unsigned k = loops;
  while (k > 1 && !canMerge(op, k))
    --k;
  Nest nest;
  for (Range range : op.createLoopRanges(b, loc))
    nest.sizes.push_back(getValueOrCreateConstantIndexOp(b, loc, range.size));
  for (unsigned i = loops - k + 1; i < loops; ++i)
    nest.sizes[loops - k] =
        b.create<arith::MulIOp>(loc, nest.sizes[loops - k], nest.sizes[i]);
  nest.sizes.resize(loops - k + 1);
  for (OpOperand &operand : op->getOpOperands())
    nest.accesses.push_back(accessOf(b, loc, op, operand, loops - k));
  return nest;
}

/// The payload argument of `operand`, or null: linalg.map has none for its
/// init.
static BlockArgument payloadArg(linalg::LinalgOp op, OpOperand &operand) {
  Block *body = op.getBlock();
  if (operand.getOperandNumber() >= body->getNumArguments())
    return nullptr;
  return body->getArgument(operand.getOperandNumber());
}

namespace {
/// Emits the vector body of one op at one position of its loops.
class TileEmitter {
public:
  TileEmitter(linalg::LinalgOp op, const Nest &nest, int64_t lanes)
      : op(op), nest(nest), lanes(lanes) {}

  /// Per row (outer ivs fixed): operands that do not depend on the
  /// vectorized loop, loaded and broadcast once.
  void loadInvariants(OpBuilder &b, Location loc, ValueRange ivs);
  /// One vector tile at vectorized-loop index `ivs.back()`.
  void emitTile(OpBuilder &b, Location loc, ValueRange ivs, bool inBounds);

private:
  bool isInvariant(const Access &a) const {
    return llvm::none_of(a.indices, [&](AffineExpr e) {
      return e.isFunctionOfDim(nest.sizes.size() - 1);
    });
  }
  SmallVector<Value> indicesFor(OpBuilder &b, Location loc, const Access &a,
                                ValueRange ivs);
  Value vectorOf(OpBuilder &b, Location loc, Value scalar);
  void emitBodyOp(OpBuilder &b, Location loc, Operation &inner,
                  IRMapping &mapping);

  linalg::LinalgOp op;
  const Nest &nest;
  int64_t lanes;
  IRMapping invariants; // block argument → broadcast vector
};
} // namespace

SmallVector<Value> TileEmitter::indicesFor(OpBuilder &b, Location loc,
                                           const Access &a, ValueRange ivs) {
  SmallVector<Value> indices;
  for (AffineExpr e : a.indices) {
    if (auto d = dyn_cast<AffineDimExpr>(e))
      indices.push_back(ivs[d.getPosition()]);
    else
      indices.push_back(affine::expandAffineExpr(b, loc, e, ivs, {}));
  }
  return indices;
}

Value TileEmitter::vectorOf(OpBuilder &b, Location loc, Value scalar) {
  auto type = VectorType::get({lanes}, scalar.getType());
  return b.create<vector::BroadcastOp>(loc, type, scalar);
}

void TileEmitter::loadInvariants(OpBuilder &b, Location loc, ValueRange ivs) {
  for (OpOperand &operand : op->getOpOperands()) {
    const Access &a = nest.accesses[operand.getOperandNumber()];
    BlockArgument arg = payloadArg(op, operand);
    if (!arg || arg.use_empty() || (a.memref && !isInvariant(a)))
      continue;
    Value scalar = a.scalar ? a.scalar
                            : b.create<memref::LoadOp>(
                                  loc, a.memref, indicesFor(b, loc, a, ivs));
    invariants.map(arg, vectorOf(b, loc, scalar));
  }
}

/// `inner` with vector operands and results (an elementwise-mappable op
/// accepts vectors as it is).
void TileEmitter::emitBodyOp(OpBuilder &b, Location loc, Operation &inner,
                             IRMapping &mapping) {
  if (isa<arith::ConstantOp>(inner)) {
    Value scalar = b.clone(inner)->getResult(0);
    mapping.map(inner.getResult(0), vectorOf(b, loc, scalar));
    return;
  }
  SmallVector<Value> operands;
  for (Value v : inner.getOperands()) {
    // A scalar from above the body.
    if (!mapping.contains(v))
      mapping.map(v, vectorOf(b, loc, v));
    operands.push_back(mapping.lookup(v));
  }
  SmallVector<Type> types;
  for (Type t : inner.getResultTypes())
    types.push_back(VectorType::get({lanes}, t));
  Operation *vec = b.create(loc, inner.getName().getIdentifier(), operands,
                            types, inner.getAttrs());
  mapping.map(inner.getResults(), vec->getResults());
}

void TileEmitter::emitTile(OpBuilder &b, Location loc, ValueRange ivs,
                           bool inBounds) {
  IRMapping mapping = invariants;
  for (OpOperand &operand : op->getOpOperands()) {
    const Access &a = nest.accesses[operand.getOperandNumber()];
    BlockArgument arg = payloadArg(op, operand);
    if (!arg || arg.use_empty() || mapping.contains(arg))
      continue;
    auto type = VectorType::get({lanes}, arg.getType());
    Value pad = b.create<arith::ConstantOp>(loc, b.getZeroAttr(arg.getType()));
    mapping.map(arg, b.create<vector::TransferReadOp>(
                         loc, type, a.memref, indicesFor(b, loc, a, ivs), pad,
                         ArrayRef<bool>{inBounds}));
  }
  Block *body = op.getBlock();
  for (Operation &inner : body->without_terminator())
    emitBodyOp(b, loc, inner, mapping);
  auto yield = cast<linalg::YieldOp>(body->getTerminator());
  for (auto [init, value] :
       llvm::zip(op.getDpsInitsMutable(), yield.getValues())) {
    const Access &a = nest.accesses[init.getOperandNumber()];
    if (!mapping.contains(value))
      mapping.map(value, vectorOf(b, loc, value));
    b.create<vector::TransferWriteOp>(loc, mapping.lookup(value), a.memref,
                                      indicesFor(b, loc, a, ivs),
                                      ArrayRef<bool>{inBounds});
  }
}

/// The vectorized loop: full vectors, then one partial vector.
static void emitInnerLoop(OpBuilder &b, Location loc, TileEmitter &emitter,
                          SmallVector<Value> ivs, Value size, int64_t lanes) {
  Value step = indexConst(b, loc, lanes);
  Value rem = b.create<arith::RemUIOp>(loc, size, step);
  Value fullEnd = b.create<arith::SubIOp>(loc, size, rem);
  emitFor(b, loc, indexConst(b, loc, 0), fullEnd, lanes,
          [&](OpBuilder &b, Location loc, Value iv) {
            ivs.push_back(iv);
            emitter.emitTile(b, loc, ivs, /*inBounds=*/true);
            ivs.pop_back();
          });
  Value partial = b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::ne, rem,
                                          indexConst(b, loc, 0));
  b.create<scf::IfOp>(loc, partial, [&](OpBuilder &b, Location loc) {
    ivs.push_back(fullEnd);
    // Lanes past the end are masked by the transfers' bound checks: every
    // operand that varies along this loop has its extent there.
    emitter.emitTile(b, loc, ivs, /*inBounds=*/false);
    b.create<scf::YieldOp>(loc);
  });
}

/// Scalar loops over every loop but the vectorized one, in order.
static void emitOuterLoops(OpBuilder &b, Location loc, TileEmitter &emitter,
                           ArrayRef<Value> sizes, SmallVector<Value> &ivs,
                           int64_t lanes) {
  if (ivs.size() + 1 == sizes.size()) {
    emitter.loadInvariants(b, loc, ivs);
    return emitInnerLoop(b, loc, emitter, ivs, sizes.back(), lanes);
  }
  emitFor(b, loc, indexConst(b, loc, 0), sizes[ivs.size()], 1,
          [&](OpBuilder &b, Location loc, Value iv) {
            ivs.push_back(iv);
            emitOuterLoops(b, loc, emitter, sizes, ivs, lanes);
            ivs.pop_back();
          });
}

LogicalResult nnc::vectorizeElementwise(RewriterBase &rewriter,
                                        linalg::LinalgOp op,
                                        const CpuVectorTarget &target) {
  if (!isCandidate(op))
    return failure();
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  Nest nest = buildNest(rewriter, loc, op);
  TileEmitter emitter(op, nest, target.lanes);
  SmallVector<Value> ivs;
  emitOuterLoops(rewriter, loc, emitter, nest.sizes, ivs, target.lanes);
  rewriter.eraseOp(op);
  return success();
}
