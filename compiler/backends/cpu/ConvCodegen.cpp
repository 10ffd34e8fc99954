//===- ConvCodegen.cpp - direct convolutions on memrefs -------------------===//
//
// The loop nest for one group:
//
//   for n < N
//     for f0 < F step MR            (+ the static or power-of-two remainder)
//       for oh0 < OH step ohRows    (2 when OW fits one vector, else 1)
//         for ow0 < OW step owVectors * lanes
//           micro-kernel over k = (c, kh, kw)
//
// Vectors past OW read input columns inside the padded row (masked at its
// end) and are never stored, so no lane of the tile needs special casing.
//
//===----------------------------------------------------------------------===//

#include "compiler/backends/cpu/ConvCodegen.h"
#include "compiler/backends/cpu/PackCodegen.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

using namespace mlir;
using namespace nnc;

namespace {
/// x [N, C, H, W] (padded), w [F, C, KH, KW], y [N, F, OH, OW].
struct ConvViews {
  Value x, w, y;
  int64_t strideH, strideW, dilationH, dilationW;
  Value init; // y's value before (a folded fill): not read, or null
};

/// Where one micro-kernel sits: image n, filters f0.., output rows oh0..,
/// output columns ow0.., and how its vectors map to (row, column) pairs.
struct ConvTile {
  Value n, f0, oh0, ow0;
  int64_t owVectors;
};
} // namespace

static Value dim(OpBuilder &b, Location loc, Value memref, int64_t d) {
  return b.createOrFold<memref::DimOp>(loc, memref, d);
}

static Value mulIndex(OpBuilder &b, Location loc, Value x, int64_t c) {
  if (c == 1)
    return x;
  return b.create<arith::MulIOp>(loc, x, indexConst(b, loc, c));
}

/// The input vector for k = (c, kh, kw) and tile vector j: lanes output
/// columns apart by the stride. Stride s > 1 reads s·lanes contiguous floats
/// and keeps every s-th (one shuffle) rather than gathering.
static Value loadInput(OpBuilder &b, Location loc, const ConvViews &v,
                       const ConvTile &t, ValueRange ks, int64_t j,
                       int64_t lanes) {
  Value oh = addIndex(b, loc, t.oh0, j / t.owVectors);
  Value ow = addIndex(b, loc, t.ow0, (j % t.owVectors) * lanes);
  Value h = b.create<arith::AddIOp>(loc, mulIndex(b, loc, oh, v.strideH),
                                    mulIndex(b, loc, ks[1], v.dilationH));
  Value w = b.create<arith::AddIOp>(loc, mulIndex(b, loc, ow, v.strideW),
                                    mulIndex(b, loc, ks[2], v.dilationW));
  Value zero = b.create<arith::ConstantOp>(loc, b.getF32FloatAttr(0));
  int64_t s = v.strideW;
  auto wide = VectorType::get({lanes * s}, b.getF32Type());
  Value row = b.create<vector::TransferReadOp>(loc, wide, v.x,
                                               ValueRange{t.n, ks[0], h, w},
                                               zero, ArrayRef<bool>{false});
  if (s == 1)
    return row;
  SmallVector<int64_t> every;
  for (int64_t l = 0; l < lanes; ++l)
    every.push_back(l * s);
  return b.create<vector::ShuffleOp>(loc, row, row, every);
}

/// Output indices of tile row i (a filter) and vector j.
static SmallVector<Value> outputAt(OpBuilder &b, Location loc,
                                   const ConvTile &t, int64_t i, int64_t j,
                                   int64_t lanes) {
  return {t.n, addIndex(b, loc, t.f0, i),
          addIndex(b, loc, t.oh0, j / t.owVectors),
          addIndex(b, loc, t.ow0, (j % t.owVectors) * lanes)};
}

static void emitConvTile(OpBuilder &b, Location loc, const ConvViews &v,
                         const ConvTile &t, int64_t rows, int64_t vectors,
                         int64_t lanes) {
  auto vecType = VectorType::get({lanes}, b.getF32Type());
  Value zero = b.create<arith::ConstantOp>(loc, b.getF32FloatAttr(0));
  MicroKernel kernel;
  kernel.rows = rows;
  kernel.vectors = vectors;
  kernel.loadA = [&](OpBuilder &b, Location loc, int64_t i, ValueRange ks) {
    return b.create<memref::LoadOp>(
        loc, v.w, ValueRange{addIndex(b, loc, t.f0, i), ks[0], ks[1], ks[2]});
  };
  kernel.loadB = [&](OpBuilder &b, Location loc, ValueRange ks, int64_t j) {
    return loadInput(b, loc, v, t, ks, j, lanes);
  };
  kernel.loadC = [&](OpBuilder &b, Location loc, int64_t i,
                     int64_t j) -> Value {
    if (v.init)
      return b.create<vector::BroadcastOp>(loc, vecType, v.init);
    return b.create<vector::TransferReadOp>(loc, vecType, v.y,
                                            outputAt(b, loc, t, i, j, lanes),
                                            zero, ArrayRef<bool>{false});
  };
  kernel.storeC = [&](OpBuilder &b, Location loc, Value x, int64_t i,
                      int64_t j) {
    b.create<vector::TransferWriteOp>(
        loc, x, v.y, outputAt(b, loc, t, i, j, lanes), ArrayRef<bool>{false});
  };
  Value c0 = indexConst(b, loc, 0);
  SmallVector<KRange> k = {{c0, dim(b, loc, v.w, 1)},
                           {c0, dim(b, loc, v.w, 2)},
                           {c0, dim(b, loc, v.w, 3)}};
  emitMicroKernel(b, loc, kernel, k);
}

static void emitConv(OpBuilder &b, Location loc, const ConvViews &v,
                     const CpuVectorTarget &target) {
  int64_t lanes = target.lanes;
  Value ow = dim(b, loc, v.y, 3);
  // At most 16 accumulators (8 filters x 2 vectors): two vectors along a
  // row, or two output rows of one vector when a row fits in one.
  std::optional<int64_t> owStatic = getConstantIntValue(ow);
  int64_t owVectors = owStatic && *owStatic <= lanes ? 1 : 2;
  int64_t ohRows = owVectors == 1 ? 2 : 1;
  Value c0 = indexConst(b, loc, 0);
  emitFor(b, loc, c0, dim(b, loc, v.y, 0), 1,
          [&](OpBuilder &b, Location loc, Value n) {
            emitRowTiles(
                b, loc, c0, dim(b, loc, v.y, 1), target.gemmRows(),
                [&](OpBuilder &b, Location loc, Value f0, int64_t rows) {
                  emitRowTiles(
                      b, loc, c0, dim(b, loc, v.y, 2), ohRows,
                      [&](OpBuilder &b, Location loc, Value oh0, int64_t ohs) {
                        emitFor(b, loc, c0, ow, owVectors * lanes,
                                [&](OpBuilder &b, Location loc, Value ow0) {
                                  ConvTile t{n, f0, oh0, ow0, owVectors};
                                  emitConvTile(b, loc, v, t, rows,
                                               ohs * owVectors, lanes);
                                });
                      });
                });
          });
}

/// `view` at index `iv` of dimension `d`, with that dimension dropped.
static Value dropDim(OpBuilder &b, Location loc, Value view, int64_t d,
                     Value iv) {
  auto type = cast<MemRefType>(view.getType());
  SmallVector<OpFoldResult> offsets(type.getRank(), b.getIndexAttr(0));
  SmallVector<OpFoldResult> sizes = memref::getMixedSizes(b, loc, view);
  SmallVector<OpFoldResult> strides(type.getRank(), b.getIndexAttr(1));
  offsets[d] = iv;
  sizes[d] = b.getIndexAttr(1);
  SmallVector<int64_t> shape(type.getShape());
  shape.erase(shape.begin() + d);
  auto resultType =
      cast<MemRefType>(memref::SubViewOp::inferRankReducedResultType(
          shape, type, offsets, sizes, strides));
  return b.create<memref::SubViewOp>(loc, resultType, view, offsets, sizes,
                                     strides);
}

template <typename ConvOp>
static std::optional<ConvViews> viewsOf(ConvOp conv) {
  auto strides = conv.getStrides().template getValues<int64_t>();
  auto dilations = conv.getDilations().template getValues<int64_t>();
  // Vector loads need unit-stride rows in the input and the output; the
  // strided shuffle needs a small stride.
  ConvViews v{conv.getInputs()[0],  conv.getInputs()[1],
              conv.getOutputs()[0], strides[0],
              strides[1],           dilations[0],
              dilations[1],         Value()};
  int64_t rank = cast<MemRefType>(v.x.getType()).getRank();
  if (staticStride(v.x, rank - 1) != 1 || staticStride(v.y, rank - 1) != 1 ||
      v.strideW > 4)
    return std::nullopt;
  return v;
}

static bool isF32Buffers(linalg::LinalgOp op) {
  if (!op.hasPureBufferSemantics())
    return false;
  return llvm::all_of(op->getOperandTypes(), [&](Type t) {
    return getElementTypeOrSelf(t) == Float32Type::get(op->getContext());
  });
}

/// x [N, G, C, H, W], w [G, F, C, KH, KW], y [N, G, F, OH, OW]: one
/// ungrouped convolution per group on rank-reduced views.
static void emitGroupedConv(OpBuilder &b, Location loc, const ConvViews &v,
                            const CpuVectorTarget &target) {
  Value c0 = indexConst(b, loc, 0);
  emitFor(b, loc, c0, dim(b, loc, v.y, 1), 1,
          [&](OpBuilder &b, Location loc, Value g) {
            ConvViews group = v;
            group.x = dropDim(b, loc, v.x, 1, g);
            group.w = dropDim(b, loc, v.w, 0, g);
            group.y = dropDim(b, loc, v.y, 1, g);
            emitConv(b, loc, group, target);
          });
}

/// A linalg.fill of the output right before `op`: every output vector is
/// computed in one kernel call over the whole reduction, so the kernel can
/// start from the fill's value instead of reading it. Not with an empty
/// reduction (no kernel would write the output).
static linalg::FillOp foldableFill(linalg::LinalgOp op) {
  auto fill = dyn_cast_or_null<linalg::FillOp>(op->getPrevNode());
  if (!fill || fill.getOutputs()[0] != op.getDpsInitOperand(0)->get())
    return nullptr;
  for (auto [size, type] :
       llvm::zip(op.getStaticLoopRanges(), op.getIteratorTypesArray()))
    if (type == utils::IteratorType::reduction &&
        (ShapedType::isDynamic(size) || size == 0))
      return nullptr;
  return fill;
}

/// The views of a supported convolution, or nothing.
static std::optional<ConvViews> viewsOf(linalg::LinalgOp op) {
  if (auto conv = dyn_cast<linalg::Conv2DNchwFchwOp>(op.getOperation()))
    return viewsOf(conv);
  if (auto conv = dyn_cast<linalg::Conv2DNgchwGfchwOp>(op.getOperation()))
    return viewsOf(conv);
  return std::nullopt;
}

LogicalResult nnc::rewriteConvolution(RewriterBase &rewriter,
                                      linalg::LinalgOp op,
                                      const CpuVectorTarget &target) {
  std::optional<ConvViews> v = isF32Buffers(op) ? viewsOf(op) : std::nullopt;
  if (!v)
    return failure();
  Location loc = op.getLoc();
  linalg::FillOp fill = foldableFill(op);
  if (fill)
    v->init = fill.getInputs()[0];
  rewriter.setInsertionPoint(op);
  if (isa<linalg::Conv2DNchwFchwOp>(op.getOperation())) {
    emitConv(rewriter, loc, *v, target);
  } else {
    emitGroupedConv(rewriter, loc, *v, target);
  }
  rewriter.eraseOp(op);
  if (fill)
    rewriter.eraseOp(fill);
  return success();
}
