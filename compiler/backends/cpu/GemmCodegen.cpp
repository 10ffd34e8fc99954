//===- GemmCodegen.cpp - contractions on memrefs to blocked FMA code ------===//
//
// The loop nest (BLIS order; see GemmBlocking for the sizes):
//
//   for jc < N step NC            (skipped when B was packed once, outside)
//     for pc < K step KC          pack B[pc:+KC, jc:+NC] into NR-wide panels
//       for ic < M step MC
//         for jr < NC step NR     one panel: KC x NR, L1-resident
//           for ir < MC step MR   + power-of-two remainder tiles
//             micro-kernel MR x NR over k in [pc, pc + KC)
//
// A is read in place (one broadcast per row and k); C is read and written
// once per K block, masked only where N is not a multiple of NR.
//
//===----------------------------------------------------------------------===//

#include "compiler/backends/cpu/GemmCodegen.h"
#include "compiler/backends/cpu/PackCodegen.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

using namespace mlir;
using namespace nnc;

namespace {
/// Which loops of the op play which GEMM role, and which operand is A.
struct GemmPlan {
  SmallVector<unsigned> batch;
  unsigned m, n, k;
  OpOperand *a, *b, *c;
};

/// One (batch-free) GEMM: C[M, N] += A[M, K] · B[K, N] on views.
struct Gemm2D {
  Value a, b, c;
  Value packed;  // all of B already in panels, or null
  Value init;    // C's value before the first K block (a folded fill), or null
  Value scratch; // a panel buffer allocated by the caller, or null
};
} // namespace

/// Results of `map` that are plain dims, in `order`, as a permutation.
static std::optional<SmallVector<int64_t>>
positionsOf(AffineMap map, ArrayRef<unsigned> order) {
  if (!map.isProjectedPermutation(/*allowZeroInResults=*/false) ||
      map.getNumResults() != order.size())
    return std::nullopt;
  SmallVector<int64_t> positions;
  for (unsigned dim : order) {
    std::optional<unsigned> pos =
        map.getResultPosition(getAffineDimExpr(dim, map.getContext()));
    if (!pos)
      return std::nullopt;
    positions.push_back(*pos);
  }
  return positions;
}

static SmallVector<unsigned> withBatch(const GemmPlan &plan, unsigned x,
                                       unsigned y) {
  SmallVector<unsigned> order(plan.batch);
  order.append({x, y});
  return order;
}

/// Whether `plan`'s operands can all be viewed as [batch..., rows, cols] and
/// C's columns are contiguous.
static bool viewable(linalg::LinalgOp op, const GemmPlan &plan) {
  auto positions = [&](OpOperand *operand, unsigned x, unsigned y) {
    return positionsOf(op.getMatchingIndexingMap(operand),
                       withBatch(plan, x, y));
  };
  auto a = positions(plan.a, plan.m, plan.k);
  auto b = positions(plan.b, plan.k, plan.n);
  auto c = positions(plan.c, plan.m, plan.n);
  return a && b && c && staticStride(plan.c->get(), c->back()) == 1;
}

static std::optional<GemmPlan> matchPlan(linalg::LinalgOp op) {
  if (!op.hasPureBufferSemantics() || op.getNumDpsInputs() != 2 ||
      op.getNumDpsInits() != 1 || !linalg::isaContractionOpInterface(op))
    return std::nullopt;
  for (OpOperand &operand : op->getOpOperands())
    if (getElementTypeOrSelf(operand.get().getType()) !=
        Float32Type::get(op->getContext()))
      return std::nullopt;
  FailureOr<linalg::ContractionDimensions> dims =
      linalg::inferContractionDims(op);
  if (failed(dims) || dims->m.size() != 1 || dims->n.size() != 1 ||
      dims->k.size() != 1 || dims->batch.size() + 3 != op.getNumLoops())
    return std::nullopt;
  GemmPlan plan{SmallVector<unsigned>(dims->batch.begin(), dims->batch.end()),
                dims->m[0],
                dims->n[0],
                dims->k[0],
                op.getDpsInputOperand(0),
                op.getDpsInputOperand(1),
                op.getDpsInitOperand(0)};
  // Vectors run along C's contiguous dimension: when that is M, compute
  // Cᵀ = Bᵀ · Aᵀ instead.
  AffineMap cMap = op.getMatchingIndexingMap(plan.c);
  if (cMap.getNumResults() &&
      cMap.getResults().back() == getAffineDimExpr(plan.m, op->getContext())) {
    std::swap(plan.a, plan.b);
    std::swap(plan.m, plan.n);
  }
  if (!viewable(op, plan))
    return std::nullopt;
  return plan;
}

/// `operand` with its dimensions permuted to `order` (a memref.transpose,
/// which is only a view).
static Value viewAs(OpBuilder &b, Location loc, linalg::LinalgOp op,
                    OpOperand *operand, ArrayRef<unsigned> order) {
  SmallVector<int64_t> perm =
      *positionsOf(op.getMatchingIndexingMap(operand), order);
  AffineMap map = AffineMap::getPermutationMap(perm, b.getContext());
  if (map.isIdentity())
    return operand->get();
  return b.create<memref::TransposeOp>(loc, operand->get(),
                                       AffineMapAttr::get(map));
}

static Value dim(OpBuilder &b, Location loc, Value memref, int64_t d) {
  return b.createOrFold<memref::DimOp>(loc, memref, d);
}

/// Emits the row tiles of one panel: C[ic:+mc, col0:+NR] += A · panel.
static void emitPanel(OpBuilder &b, Location loc, const Gemm2D &g,
                      const CpuVectorTarget &target, Value ic, Value mc,
                      Value panel, Value col0, KRange k, Value bRowBase) {
  int64_t lanes = target.lanes;
  auto vecType = VectorType::get({lanes}, b.getF32Type());
  std::optional<int64_t> n = getConstantIntValue(dim(b, loc, g.c, 1));
  bool inBounds = n && *n % target.gemmCols() == 0;
  Value zero = b.create<arith::ConstantOp>(loc, b.getF32FloatAttr(0));
  Value first, initVec;
  if (g.init) {
    first = b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq, k.begin,
                                    indexConst(b, loc, 0));
    initVec = b.create<vector::BroadcastOp>(loc, vecType, g.init);
  }
  emitRowTiles(
      b, loc, ic, mc, target.gemmRows(),
      [&](OpBuilder &b, Location loc, Value row, int64_t rows) {
        auto rowAt = [&](OpBuilder &b, Location loc, int64_t i) {
          return addIndex(b, loc, row, i);
        };
        auto colAt = [&](OpBuilder &b, Location loc, int64_t j) {
          return addIndex(b, loc, col0, j * lanes);
        };
        MicroKernel kernel;
        kernel.rows = rows;
        kernel.vectors = target.gemmVectors();
        kernel.loadA = [&](OpBuilder &b, Location loc, int64_t i,
                           ValueRange ks) {
          return b.create<memref::LoadOp>(loc, g.a,
                                          ValueRange{rowAt(b, loc, i), ks[0]});
        };
        kernel.loadB = [&](OpBuilder &b, Location loc, ValueRange ks,
                           int64_t j) {
          Value r = b.create<arith::SubIOp>(loc, ks[0], bRowBase);
          return b.create<vector::LoadOp>(
              loc, vecType, g.packed,
              ValueRange{panel, r, indexConst(b, loc, j * lanes)});
        };
        kernel.loadC = [&](OpBuilder &b, Location loc, int64_t i,
                           int64_t j) -> Value {
          Value c = b.create<vector::TransferReadOp>(
              loc, vecType, g.c, ValueRange{rowAt(b, loc, i), colAt(b, loc, j)},
              zero, ArrayRef<bool>{inBounds});
          // The first K block starts from the folded fill's value instead (the
          // load of not yet written memory is discarded).
          if (!g.init)
            return c;
          return b.create<arith::SelectOp>(loc, first, initVec, c);
        };
        kernel.storeC = [&](OpBuilder &b, Location loc, Value v, int64_t i,
                            int64_t j) {
          b.create<vector::TransferWriteOp>(
              loc, v, g.c, ValueRange{rowAt(b, loc, i), colAt(b, loc, j)},
              ArrayRef<bool>{inBounds});
        };
        emitMicroKernel(b, loc, kernel, {k});
      });
}

/// All of C[:, n0:+nc] += A[:, k] · panels for k in `k`.
static void emitBlock(OpBuilder &b, Location loc, const Gemm2D &g,
                      const CpuVectorTarget &target,
                      const GemmBlocking &blocking, Value n0, Value nc,
                      KRange k, Value bRowBase) {
  Value m = dim(b, loc, g.c, 0);
  Value c0 = indexConst(b, loc, 0);
  int64_t cols = target.gemmCols();
  emitFor(
      b, loc, c0, m, blocking.mc, [&](OpBuilder &b, Location loc, Value ic) {
        Value mc = minIndex(b, loc, indexConst(b, loc, blocking.mc),
                            b.create<arith::SubIOp>(loc, m, ic));
        emitFor(
            b, loc, c0, nc, cols, [&](OpBuilder &b, Location loc, Value jr) {
              Value panel =
                  b.create<arith::DivUIOp>(loc, jr, indexConst(b, loc, cols));
              Value col0 = b.create<arith::AddIOp>(loc, n0, jr);
              emitPanel(b, loc, g, target, ic, mc, panel, col0, k, bRowBase);
            });
      });
}

/// Loops over K blocks of size KC: [pc, pc + min(KC, K - pc)).
static void
emitKBlocks(OpBuilder &b, Location loc, Value kSize, int64_t kc,
            function_ref<void(OpBuilder &, Location, KRange)> body) {
  Value c0 = indexConst(b, loc, 0);
  emitFor(b, loc, c0, kSize, kc, [&](OpBuilder &b, Location loc, Value pc) {
    Value end = minIndex(b, loc, addIndex(b, loc, pc, kc), kSize);
    body(b, loc, KRange{pc, end});
  });
}

static Value roundUp(OpBuilder &b, Location loc, Value x, int64_t multiple) {
  Value m = indexConst(b, loc, multiple);
  return b.create<arith::MulIOp>(loc, ceilDiv(b, loc, x, multiple), m);
}

/// A buffer for the panels of one KC x NC block of B. `g`'s views may have
/// leading batch dimensions: the sizes are those of every batch.
static Value allocBlockPanels(OpBuilder &b, Location loc, const Gemm2D &g,
                              const CpuVectorTarget &target,
                              const GemmBlocking &blocking) {
  auto rank = cast<MemRefType>(g.c.getType()).getRank();
  Value kSize = dim(b, loc, g.a, rank - 1), n = dim(b, loc, g.c, rank - 1);
  Value ncMax = minIndex(b, loc, indexConst(b, loc, blocking.nc), n);
  Value panels = ceilDiv(b, loc, ncMax, target.gemmCols());
  Value rows = minIndex(b, loc, indexConst(b, loc, blocking.kc),
                        roundUp(b, loc, kSize, target.lanes));
  return allocPanels(b, loc, panels, rows, target.gemmCols());
}

static void emitGemm2D(OpBuilder &b, Location loc, Gemm2D g,
                       const CpuVectorTarget &target,
                       const GemmBlocking &blocking) {
  Value kSize = dim(b, loc, g.a, 1);
  Value n = dim(b, loc, g.c, 1);
  Value c0 = indexConst(b, loc, 0);
  if (g.packed) {
    emitKBlocks(b, loc, kSize, blocking.kc,
                [&](OpBuilder &b, Location loc, KRange k) {
                  emitBlock(b, loc, g, target, blocking, c0, n, k, c0);
                });
    return;
  }
  g.packed =
      g.scratch ? g.scratch : allocBlockPanels(b, loc, g, target, blocking);
  emitFor(b, loc, c0, n, blocking.nc,
          [&](OpBuilder &b, Location loc, Value jc) {
            Value nc = minIndex(b, loc, indexConst(b, loc, blocking.nc),
                                b.create<arith::SubIOp>(loc, n, jc));
            emitKBlocks(
                b, loc, kSize, blocking.kc,
                [&](OpBuilder &b, Location loc, KRange k) {
                  Value kc = b.create<arith::SubIOp>(loc, k.end, k.begin);
                  emitPackPanels(b, loc, PackBlock{g.b, k.begin, kc, jc, nc},
                                 g.packed, target);
                  emitBlock(b, loc, g, target, blocking, jc, nc, k, k.begin);
                });
          });
}

/// `view` at index `iv` of its leading dimension, with that dimension
/// dropped (a rank-reducing memref.subview).
static Value dropLeadingDim(OpBuilder &b, Location loc, Value view, Value iv) {
  auto type = cast<MemRefType>(view.getType());
  SmallVector<OpFoldResult> offsets(type.getRank(), b.getIndexAttr(0));
  SmallVector<OpFoldResult> sizes = memref::getMixedSizes(b, loc, view);
  SmallVector<OpFoldResult> strides(type.getRank(), b.getIndexAttr(1));
  offsets[0] = iv;
  sizes[0] = b.getIndexAttr(1);
  auto resultType =
      cast<MemRefType>(memref::SubViewOp::inferRankReducedResultType(
          type.getShape().drop_front(), type, offsets, sizes, strides));
  return b.create<memref::SubViewOp>(loc, resultType, view, offsets, sizes,
                                     strides);
}

/// Loops over the batch dimensions (leading in every view), then the GEMM.
static void emitBatched(OpBuilder &b, Location loc, Gemm2D g, int64_t batchRank,
                        const CpuVectorTarget &target,
                        const GemmBlocking &blocking) {
  if (batchRank == 0)
    return emitGemm2D(b, loc, g, target, blocking);
  Value c0 = indexConst(b, loc, 0);
  emitFor(b, loc, c0, dim(b, loc, g.c, 0), 1,
          [&](OpBuilder &b, Location loc, Value iv) {
            Gemm2D inner{dropLeadingDim(b, loc, g.a, iv),
                         dropLeadingDim(b, loc, g.b, iv),
                         dropLeadingDim(b, loc, g.c, iv),
                         Value(),
                         g.init,
                         g.scratch};
            emitBatched(b, loc, inner, batchRank - 1, target, blocking);
          });
}

static Value packOutside(OpBuilder &b, Location loc, linalg::LinalgOp op,
                         const GemmPlan &plan, Operation *point,
                         const CpuVectorTarget &target) {
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPoint(point);
  Value bView = viewAs(b, loc, op, plan.b, {plan.k, plan.n});
  Value k = dim(b, loc, bView, 0), n = dim(b, loc, bView, 1);
  Value panels = ceilDiv(b, loc, n, target.gemmCols());
  Value packed = allocPanels(b, loc, panels, roundUp(b, loc, k, target.lanes),
                             target.gemmCols());
  Value c0 = indexConst(b, loc, 0);
  // Packed once for every tile: let the threads share it too, unless this
  // already runs inside a parallel loop.
  bool parallel = !point->getParentOfType<scf::ForallOp>() &&
                  !point->getParentOfType<scf::ParallelOp>();
  emitPackPanels(b, loc, PackBlock{bView, c0, k, c0, n}, packed, target,
                 parallel);
  return packed;
}

/// A linalg.fill of C right before `op`, which the first K block can do
/// instead of reading C: one pass over C less. Not with a K that may be 0,
/// where no K block would run.
static linalg::FillOp foldableFill(linalg::LinalgOp op, const GemmPlan &plan) {
  auto fill = dyn_cast_or_null<linalg::FillOp>(op->getPrevNode());
  if (!fill || fill.getOutputs()[0] != plan.c->get())
    return nullptr;
  int64_t k = op.getStaticLoopRanges()[plan.k];
  return ShapedType::isDynamic(k) || k == 0 ? nullptr : fill;
}

LogicalResult nnc::rewriteContraction(RewriterBase &rewriter,
                                      linalg::LinalgOp op,
                                      const CpuVectorTarget &target,
                                      const GemmBlocking &blocking) {
  std::optional<GemmPlan> plan = matchPlan(op);
  if (!plan)
    return failure();
  Location loc = op.getLoc();
  Operation *point =
      plan->batch.empty() ? findHoistingPoint(op, plan->b->get()) : nullptr;
  // Before any view is created between the fill and `op`.
  linalg::FillOp fill = foldableFill(op, *plan);
  rewriter.setInsertionPoint(op);
  Gemm2D g{
      viewAs(rewriter, loc, op, plan->a, withBatch(*plan, plan->m, plan->k)),
      Value(),
      viewAs(rewriter, loc, op, plan->c, withBatch(*plan, plan->m, plan->n)),
      Value(),
      Value(),
      Value()};
  if (fill)
    g.init = fill.getInputs()[0];
  if (point)
    g.packed = packOutside(rewriter, loc, op, *plan, point, target);
  else
    g.b =
        viewAs(rewriter, loc, op, plan->b, withBatch(*plan, plan->k, plan->n));
  // Batched GEMMs share one panel buffer rather than allocating per batch.
  if (!g.packed && !plan->batch.empty())
    g.scratch = allocBlockPanels(rewriter, loc, g, target, blocking);
  emitBatched(rewriter, loc, g, plan->batch.size(), target, blocking);
  rewriter.eraseOp(op);
  if (fill)
    rewriter.eraseOp(fill);
  return success();
}
