//===- KernelCodegen.cpp - register-tiled FMA micro-kernels ---------------===//

#include "compiler/backends/cpu/KernelCodegen.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Interfaces/ValueBoundsOpInterface.h"
#include "llvm/TargetParser/Host.h"

using namespace mlir;
using namespace nnc;

CpuVectorTarget CpuVectorTarget::host() {
  CpuVectorTarget target;
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  if (features.lookup("avx512f"))
    target.lanes = 16;
  else if (features.lookup("avx"))
    target.lanes = 8;
  else
    target.lanes = 4;
  return target;
}

Value nnc::indexConst(OpBuilder &b, Location loc, int64_t v) {
  return b.create<arith::ConstantIndexOp>(loc, v);
}

Value nnc::addIndex(OpBuilder &b, Location loc, Value x, int64_t c) {
  if (c == 0)
    return x;
  return b.create<arith::AddIOp>(loc, x, indexConst(b, loc, c));
}

Value nnc::minIndex(OpBuilder &b, Location loc, Value x, Value y) {
  return b.create<arith::MinSIOp>(loc, x, y);
}

Value nnc::ceilDiv(OpBuilder &b, Location loc, Value x, int64_t d) {
  // Not arith.ceildivui: the LLVM lowering of this pipeline has no
  // arith-expand step for it.
  Value bumped = addIndex(b, loc, x, d - 1);
  return b.create<arith::DivUIOp>(loc, bumped, indexConst(b, loc, d));
}

void nnc::emitFor(OpBuilder &b, Location loc, Value lb, Value ub, int64_t step,
                  function_ref<void(OpBuilder &, Location, Value)> body) {
  b.create<scf::ForOp>(loc, lb, ub, indexConst(b, loc, step), ValueRange{},
                       [&](OpBuilder &nb, Location nloc, Value iv, ValueRange) {
                         body(nb, nloc, iv);
                         nb.create<scf::YieldOp>(nloc);
                       });
}

std::optional<int64_t> nnc::constantUpperBound(Value v) {
  FailureOr<int64_t> bound = ValueBoundsConstraintSet::computeConstantBound(
      presburger::BoundType::UB, v, /*stopCondition=*/nullptr,
      /*closedUB=*/true);
  if (failed(bound))
    return std::nullopt;
  return *bound;
}

/// One k loop level: threads the accumulators through iter_args, and at the
/// innermost level does the rank-1 update of the whole tile.
static SmallVector<Value> emitKLoops(OpBuilder &b, Location loc,
                                     const MicroKernel &kernel,
                                     ArrayRef<KRange> k, ValueRange acc,
                                     SmallVector<Value> &ivs) {
  auto loop = b.create<scf::ForOp>(
      loc, k.front().begin, k.front().end, indexConst(b, loc, 1), acc,
      [&](OpBuilder &nb, Location nloc, Value iv, ValueRange iterAcc) {
        ivs.push_back(iv);
        SmallVector<Value> next;
        if (k.size() > 1) {
          next = emitKLoops(nb, nloc, kernel, k.drop_front(), iterAcc, ivs);
        } else {
          SmallVector<Value> bVecs;
          for (int64_t j = 0; j < kernel.vectors; ++j)
            bVecs.push_back(kernel.loadB(nb, nloc, ivs, j));
          auto vecType = cast<VectorType>(bVecs.front().getType());
          for (int64_t i = 0; i < kernel.rows; ++i) {
            Value a = kernel.loadA(nb, nloc, i, ivs);
            Value aVec = nb.create<vector::BroadcastOp>(nloc, vecType, a);
            for (int64_t j = 0; j < kernel.vectors; ++j)
              next.push_back(nb.create<vector::FMAOp>(
                  nloc, aVec, bVecs[j], iterAcc[i * kernel.vectors + j]));
          }
        }
        ivs.pop_back();
        nb.create<scf::YieldOp>(nloc, next);
      });
  return loop.getResults();
}

void nnc::emitMicroKernel(OpBuilder &b, Location loc, const MicroKernel &kernel,
                          ArrayRef<KRange> k) {
  SmallVector<Value> acc;
  for (int64_t i = 0; i < kernel.rows; ++i)
    for (int64_t j = 0; j < kernel.vectors; ++j)
      acc.push_back(kernel.loadC(b, loc, i, j));
  SmallVector<Value> ivs;
  SmallVector<Value> result = emitKLoops(b, loc, kernel, k, acc, ivs);
  for (int64_t i = 0; i < kernel.rows; ++i)
    for (int64_t j = 0; j < kernel.vectors; ++j)
      kernel.storeC(b, loc, result[i * kernel.vectors + j], i, j);
}

/// Remainder rows of a dynamic count: one tile per set bit of `rem`.
static void emitDynamicRemainder(
    OpBuilder &b, Location loc, Value offset, Value rem, int64_t tileRows,
    function_ref<void(OpBuilder &, Location, Value, int64_t)> body) {
  int64_t part = 1;
  while (part * 2 < tileRows)
    part *= 2;
  for (; part >= 1; part /= 2) {
    Value bit = b.create<arith::AndIOp>(loc, rem, indexConst(b, loc, part));
    Value zero = indexConst(b, loc, 0);
    Value taken =
        b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::ne, bit, zero);
    Value at = offset;
    b.create<scf::IfOp>(loc, taken, [&](OpBuilder &nb, Location nloc) {
      body(nb, nloc, at, part);
      nb.create<scf::YieldOp>(nloc);
    });
    offset = b.create<arith::AddIOp>(loc, offset, bit);
  }
}

void nnc::emitRowTiles(
    OpBuilder &b, Location loc, Value begin, Value count, int64_t tileRows,
    function_ref<void(OpBuilder &, Location, Value, int64_t)> body) {
  Value step = indexConst(b, loc, tileRows);
  Value rem = b.create<arith::RemUIOp>(loc, count, step);
  Value fullEnd = b.create<arith::AddIOp>(
      loc, begin, b.create<arith::SubIOp>(loc, count, rem));
  emitFor(b, loc, begin, fullEnd, tileRows,
          [&](OpBuilder &nb, Location nloc, Value row) {
            body(nb, nloc, row, tileRows);
          });
  if (std::optional<int64_t> staticCount = getConstantIntValue(count)) {
    if (int64_t r = *staticCount % tileRows)
      body(b, loc, fullEnd, r);
    return;
  }
  emitDynamicRemainder(b, loc, fullEnd, rem, tileRows, body);
}
