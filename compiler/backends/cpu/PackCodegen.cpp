//===- PackCodegen.cpp - packing GEMM B operands into panels --------------===//

#include "compiler/backends/cpu/PackCodegen.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

using namespace mlir;
using namespace nnc;

Value nnc::allocPanels(OpBuilder &b, Location loc, Value panels, Value rows,
                       int64_t cols) {
  SmallVector<int64_t> shape;
  SmallVector<Value> dynamicSizes;
  for (Value size : {panels, rows}) {
    std::optional<int64_t> value = getConstantIntValue(size);
    shape.push_back(value ? *value : ShapedType::kDynamic);
    if (!value)
      dynamicSizes.push_back(size);
  }
  shape.push_back(cols);
  auto type = MemRefType::get(shape, b.getF32Type());
  // 64 bytes: every panel row starts a cache line, so the kernel's B loads
  // are aligned full-width loads.
  return b.create<memref::AllocOp>(loc, type, dynamicSizes,
                                   b.getI64IntegerAttr(64));
}

std::optional<int64_t> nnc::staticStride(Value memref, unsigned dim) {
  auto type = cast<MemRefType>(memref.getType());
  SmallVector<int64_t> strides;
  int64_t offset;
  if (failed(getStridesAndOffset(type, strides, offset)) ||
      ShapedType::isDynamic(strides[dim]))
    return std::nullopt;
  return strides[dim];
}

/// True when `size` is static and a multiple of `multiple`.
static bool staticMultiple(Value size, int64_t multiple) {
  std::optional<int64_t> value = getConstantIntValue(size);
  return value && *value % multiple == 0;
}

/// Transposes a square block of `rows.size()` vectors with 2-input shuffles:
/// stage w exchanges bit w of the row and column indices, so log2(n) stages
/// of n shuffles each (64 `vpermt2ps` for 16 x 16) transpose the block.
static void transposeSquare(OpBuilder &b, Location loc,
                            SmallVector<Value> &rows) {
  int64_t n = rows.size();
  for (int64_t w = 1; w < n; w *= 2) {
    SmallVector<int64_t> lo, hi;
    for (int64_t c = 0; c < n; ++c) {
      bool high = c & w;
      lo.push_back(high ? n + (c ^ w) : c);
      hi.push_back(high ? n + c : (c | w));
    }
    for (int64_t i = 0; i < n; ++i) {
      if (i & w)
        continue;
      Value x = rows[i], y = rows[i | w];
      rows[i] = b.create<vector::ShuffleOp>(loc, x, y, lo);
      rows[i | w] = b.create<vector::ShuffleOp>(loc, x, y, hi);
    }
  }
}

namespace {
/// What every packing strategy needs, computed once.
struct PackContext {
  const PackBlock &block;
  Value panels;
  int64_t lanes, cols;
  Value numPanels;
  bool parallel;
};
} // namespace

/// The loop over panels: an scf.forall when packing may use the threads.
static void
forEachPanel(OpBuilder &b, Location loc, const PackContext &ctx,
             function_ref<void(OpBuilder &, Location, Value)> body) {
  if (!ctx.parallel)
    return emitFor(b, loc, indexConst(b, loc, 0), ctx.numPanels, 1, body);
  b.create<scf::ForallOp>(loc, ArrayRef<OpFoldResult>{b.getIndexAttr(0)},
                          ArrayRef<OpFoldResult>{ctx.numPanels},
                          ArrayRef<OpFoldResult>{b.getIndexAttr(1)},
                          ValueRange{}, std::nullopt,
                          [&](OpBuilder &b, Location loc, ValueRange ivs) {
                            body(b, loc, ivs[0]);
                            b.create<scf::InParallelOp>(loc);
                          });
}

/// The first column of vector `v` of panel `p`.
static Value panelColumn(OpBuilder &b, Location loc, const PackContext &ctx,
                         Value p, int64_t v) {
  Value col = b.create<arith::MulIOp>(loc, p, indexConst(b, loc, ctx.cols));
  return addIndex(b, loc, b.create<arith::AddIOp>(loc, ctx.block.n0, col),
                  v * ctx.lanes);
}

/// N contiguous: each panel row is `cols / lanes` vector loads of a B row.
static void packRows(OpBuilder &b, Location loc, const PackContext &ctx) {
  auto vecType = VectorType::get({ctx.lanes}, b.getF32Type());
  Value n = b.createOrFold<memref::DimOp>(loc, ctx.block.source, 1);
  bool inBounds = staticMultiple(n, ctx.cols);
  Value zero = b.create<arith::ConstantOp>(loc, b.getF32FloatAttr(0));
  Value c0 = indexConst(b, loc, 0);
  forEachPanel(b, loc, ctx, [&](OpBuilder &b, Location loc, Value p) {
    emitFor(b, loc, c0, ctx.block.kc, 1,
            [&](OpBuilder &b, Location loc, Value k) {
              Value row = b.create<arith::AddIOp>(loc, ctx.block.k0, k);
              for (int64_t v = 0; v < ctx.cols / ctx.lanes; ++v) {
                Value vec = b.create<vector::TransferReadOp>(
                    loc, vecType, ctx.block.source,
                    ValueRange{row, panelColumn(b, loc, ctx, p, v)}, zero,
                    ArrayRef<bool>{inBounds});
                b.create<vector::StoreOp>(
                    loc, vec, ctx.panels,
                    ValueRange{p, k, indexConst(b, loc, v * ctx.lanes)});
              }
            });
  });
}

/// K contiguous (B = Wᵀ of a linear layer): reads `lanes` rows of W along
/// K, transposes them in registers and stores them as `lanes` panel rows.
/// Rows past N are clamped to N - 1 (don't-care columns); K past the end
/// reads as zero through the transfer's bound check.
static void packTransposed(OpBuilder &b, Location loc, const PackContext &ctx) {
  auto vecType = VectorType::get({ctx.lanes}, b.getF32Type());
  Value source = ctx.block.source;
  Value wT = b.create<memref::TransposeOp>(
      loc, source,
      AffineMapAttr::get(AffineMap::getPermutationMap(ArrayRef<unsigned>{1, 0},
                                                      b.getContext())));
  Value kSize = b.createOrFold<memref::DimOp>(loc, source, 0);
  Value lastN =
      addIndex(b, loc, b.createOrFold<memref::DimOp>(loc, source, 1), -1);
  bool inBounds = staticMultiple(kSize, ctx.lanes);
  Value zero = b.create<arith::ConstantOp>(loc, b.getF32FloatAttr(0));
  Value c0 = indexConst(b, loc, 0);
  forEachPanel(b, loc, ctx, [&](OpBuilder &b, Location loc, Value p) {
    emitFor(b, loc, c0, ctx.block.kc, ctx.lanes,
            [&](OpBuilder &b, Location loc, Value k) {
              Value kAt = b.create<arith::AddIOp>(loc, ctx.block.k0, k);
              for (int64_t v = 0; v < ctx.cols / ctx.lanes; ++v) {
                Value col = panelColumn(b, loc, ctx, p, v);
                SmallVector<Value> rows;
                for (int64_t r = 0; r < ctx.lanes; ++r) {
                  Value nAt = minIndex(b, loc, addIndex(b, loc, col, r), lastN);
                  rows.push_back(b.create<vector::TransferReadOp>(
                      loc, vecType, wT, ValueRange{nAt, kAt}, zero,
                      ArrayRef<bool>{inBounds}));
                }
                transposeSquare(b, loc, rows);
                for (int64_t r = 0; r < ctx.lanes; ++r)
                  b.create<vector::StoreOp>(
                      loc, rows[r], ctx.panels,
                      ValueRange{p, addIndex(b, loc, k, r),
                                 indexConst(b, loc, v * ctx.lanes)});
              }
            });
  });
}

/// Any other layout: element by element.
static void packScalar(OpBuilder &b, Location loc, const PackContext &ctx) {
  Value lastN = addIndex(
      b, loc, b.createOrFold<memref::DimOp>(loc, ctx.block.source, 1), -1);
  Value c0 = indexConst(b, loc, 0);
  Value cols = indexConst(b, loc, ctx.cols);
  forEachPanel(b, loc, ctx, [&](OpBuilder &b, Location loc, Value p) {
    emitFor(
        b, loc, c0, ctx.block.kc, 1, [&](OpBuilder &b, Location loc, Value k) {
          emitFor(
              b, loc, c0, cols, 1, [&](OpBuilder &b, Location loc, Value c) {
                Value col = b.create<arith::AddIOp>(
                    loc, panelColumn(b, loc, ctx, p, 0), c);
                Value x = b.create<memref::LoadOp>(
                    loc, ctx.block.source,
                    ValueRange{b.create<arith::AddIOp>(loc, ctx.block.k0, k),
                               minIndex(b, loc, col, lastN)});
                b.create<memref::StoreOp>(loc, x, ctx.panels,
                                          ValueRange{p, k, c});
              });
        });
  });
}

void nnc::emitPackPanels(OpBuilder &b, Location loc, const PackBlock &block,
                         Value panels, const CpuVectorTarget &target,
                         bool parallel) {
  int64_t cols = target.gemmCols();
  Value numPanels = ceilDiv(b, loc, block.nc, cols);
  PackContext ctx{block, panels, target.lanes, cols, numPanels, parallel};
  if (staticStride(block.source, 1) == 1)
    packRows(b, loc, ctx);
  else if (staticStride(block.source, 0) == 1)
    packTransposed(b, loc, ctx);
  else
    packScalar(b, loc, ctx);
}

/// The memref that `value` is a view of.
static Value viewRoot(Value value) {
  while (auto view = value.getDefiningOp<ViewLikeOpInterface>())
    value = view.getViewSource();
  return value;
}

/// Whether something in `scope` may write or free memory of `root`: any
/// write to a view of the same root counts (arena views included), and so
/// does any op whose effects are unknown.
static bool mayWrite(Operation *scope, Value root) {
  WalkResult result = scope->walk([&](Operation *op) {
    if (op->hasTrait<OpTrait::HasRecursiveMemoryEffects>() ||
        op->hasTrait<OpTrait::IsTerminator>())
      return WalkResult::advance();
    auto iface = dyn_cast<MemoryEffectOpInterface>(op);
    if (!iface)
      return WalkResult::interrupt();
    SmallVector<MemoryEffects::EffectInstance> effects;
    iface.getEffects(effects);
    for (MemoryEffects::EffectInstance &effect : effects) {
      if (!isa<MemoryEffects::Write, MemoryEffects::Free>(effect.getEffect()))
        continue;
      Value target = effect.getValue();
      if (!target || viewRoot(target) == root)
        return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return result.wasInterrupted();
}

Operation *nnc::findHoistingPoint(Operation *op, Value value) {
  Value root = viewRoot(value);
  Operation *point = nullptr;
  for (Operation *loop = op->getParentOp();
       loop && isa<scf::ForOp, scf::ForallOp, scf::ParallelOp>(loop);
       loop = loop->getParentOp()) {
    if (loop->isAncestor(value.getParentBlock()->getParentOp()) ||
        mayWrite(loop, root))
      break;
    point = loop;
  }
  return point;
}
