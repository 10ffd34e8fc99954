//===- StackTileBuffers.cpp - bounded loop temporaries on the stack -------===//
//
// Kernel tiles that cannot write straight into their kernel's output keep a
// temporary per tile. Its size is `min(tile, N - i)` rows: dynamic, but
// bounded by the tile. Allocating the bound on the stack removes a malloc
// and a free per tile from the steady-state call.
//
//===----------------------------------------------------------------------===//

#include "compiler/transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/ValueBoundsOpInterface.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace nnc {
#define GEN_PASS_DEF_STACKTILEBUFFERSPASS
#include "compiler/transforms/Passes.h.inc"
} // namespace nnc

using namespace mlir;

namespace {

/// Bytes of `alloc`'s buffer at the largest sizes it can have, if every
/// dynamic size has a constant upper bound.
std::optional<int64_t> boundedBytes(memref::AllocOp alloc) {
  MemRefType type = alloc.getType();
  if (!type.getLayout().isIdentity() || !type.getElementType().isIntOrFloat())
    return std::nullopt;
  int64_t bytes = (type.getElementTypeBitWidth() + 7) / 8;
  auto dynamicSizes = alloc.getDynamicSizes().begin();
  for (int64_t size : type.getShape()) {
    if (ShapedType::isDynamic(size)) {
      FailureOr<int64_t> bound = ValueBoundsConstraintSet::computeConstantBound(
          presburger::BoundType::UB, *dynamicSizes++, /*stopCondition=*/nullptr,
          /*closedUB=*/true);
      if (failed(bound) || *bound < 0)
        return std::nullopt;
      size = *bound;
    }
    bytes *= size;
  }
  return bytes;
}

/// `alloc` as an alloca of `bytes` viewed at its real sizes. The view of a
/// contiguous i8 buffer has the identity layout, so every use is unchanged.
void moveToStack(memref::AllocOp alloc, int64_t bytes) {
  OpBuilder builder(alloc);
  Location loc = alloc.getLoc();
  auto storageType = MemRefType::get({bytes}, builder.getI8Type());
  auto storage = builder.create<memref::AllocaOp>(
      loc, storageType, ValueRange{}, alloc.getAlignmentAttr());
  Value zero = builder.create<arith::ConstantIndexOp>(loc, 0);
  Value view = builder.create<memref::ViewOp>(loc, alloc.getType(), storage,
                                              zero, alloc.getDynamicSizes());
  alloc.replaceAllUsesWith(view);
  alloc.erase();
}

struct StackTileBuffersPass
    : nnc::impl::StackTileBuffersPassBase<StackTileBuffersPass> {
  using StackTileBuffersPassBase::StackTileBuffersPassBase;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    SmallVector<std::pair<memref::AllocOp, int64_t>> moves;
    func.walk([&](memref::AllocOp alloc) {
      // Only temporaries of a loop body: the body's alloca scope releases
      // them per iteration. Entry-block buffers belong to the memory plan.
      if (alloc->getParentOp() == func.getOperation())
        return;
      std::optional<int64_t> bytes = boundedBytes(alloc);
      if (bytes && *bytes <= maxBytes && !escapesItsBlock(alloc))
        moves.push_back({alloc, *bytes});
    });
    for (auto [alloc, bytes] : moves)
      moveToStack(alloc, bytes);
  }

  /// Whether the buffer may outlive its block (yielded or returned): stack
  /// memory would be gone by then.
  static bool escapesItsBlock(memref::AllocOp alloc) {
    SmallVector<Value> worklist = {alloc.getResult()};
    while (!worklist.empty()) {
      Value value = worklist.pop_back_val();
      for (Operation *user : value.getUsers()) {
        if (user->hasTrait<OpTrait::IsTerminator>())
          return true;
        if (isa<ViewLikeOpInterface, memref::CastOp, memref::CollapseShapeOp,
                memref::ExpandShapeOp>(user))
          worklist.append(user->result_begin(), user->result_end());
      }
    }
    return false;
  }
};

} // namespace
