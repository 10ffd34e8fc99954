//===- PlanMemory.cpp - static arena placement of intermediate buffers ---===//
//
// A model's intermediates are known at compile time: their sizes are static
// or a static multiple of the batch size N. Placing them in one arena by
// liveness removes every heap allocation from the steady-state call and lets
// buffers that are never live together share memory.
//
//===----------------------------------------------------------------------===//

#include "compiler/transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace nnc {
#define GEN_PASS_DEF_PLANMEMORYPASS
#include "compiler/transforms/Passes.h.inc"
} // namespace nnc

using namespace mlir;

namespace {

/// One top-level allocation: `bytes` (or bytes per unit of batch) and the
/// positions in the entry block of its first and last use.
struct Buffer {
  memref::AllocOp alloc;
  int64_t bytes = 0;
  bool perBatch = false;
  int64_t begin = 0, end = 0;
  int64_t offset = 0;
};

int64_t alignUp(int64_t value) {
  return (value + nnc::kArenaAlignment - 1) / nnc::kArenaAlignment *
         nnc::kArenaAlignment;
}

/// Whether `size` is the batch size N: a dynamic dimension of an argument of
/// `func` (in nn IR every `?` of an entry's signature is N). A size computed
/// from N (a rounded-up pack buffer, a flattened N·C) is not, and is left to
/// the heap rather than mis-scaled.
bool isBatchSize(Value size, func::FuncOp func) {
  auto dim = size.getDefiningOp<memref::DimOp>();
  if (!dim)
    return false;
  auto arg = dyn_cast<BlockArgument>(dim.getSource());
  return arg && arg.getOwner()->getParentOp() == func.getOperation();
}

/// Size of an allocation if it is static or linear in the batch size.
std::optional<Buffer> sizeBuffer(memref::AllocOp alloc, func::FuncOp func) {
  MemRefType type = alloc.getType();
  if (!type.getLayout().isIdentity() || alloc.getDynamicSizes().size() > 1 ||
      !type.getElementType().isIntOrFloat())
    return std::nullopt;
  if (!alloc.getDynamicSizes().empty() &&
      !isBatchSize(alloc.getDynamicSizes().front(), func))
    return std::nullopt;
  int64_t bytes = (type.getElementTypeBitWidth() + 7) / 8;
  for (int64_t size : type.getShape())
    if (!ShapedType::isDynamic(size))
      bytes *= size;
  Buffer buffer;
  buffer.alloc = alloc;
  buffer.bytes = alignUp(bytes);
  buffer.perBatch = alloc.getDynamicSizes().size() == 1;
  return buffer;
}

/// The last position in `block` where `value` or a view of it is used, or
/// nullopt when it escapes through a return (it must outlive the call).
std::optional<int64_t>
lastUse(Value value, Block &block,
        const llvm::DenseMap<Operation *, int64_t> &position) {
  int64_t last = position.lookup(value.getDefiningOp());
  SmallVector<Value> worklist = {value};
  while (!worklist.empty()) {
    Value current = worklist.pop_back_val();
    for (OpOperand &use : current.getUses()) {
      Operation *user = block.findAncestorOpInBlock(*use.getOwner());
      if (!user || isa<func::ReturnOp>(user))
        return std::nullopt;
      last = std::max(last, position.lookup(user));
      // Views alias the buffer: their uses keep it alive too.
      if (auto view = dyn_cast<ViewLikeOpInterface>(use.getOwner()))
        if (view.getViewSource() == current)
          worklist.push_back(view->getResult(0));
      if (isa<memref::CollapseShapeOp, memref::ExpandShapeOp, memref::CastOp>(
              use.getOwner()))
        worklist.push_back(use.getOwner()->getResult(0));
    }
  }
  return last;
}

/// Greedy placement, largest first: each buffer goes to the lowest offset
/// free of every already placed buffer whose live range overlaps its own.
/// Returns the bytes the group needs.
int64_t placeBuffers(SmallVectorImpl<Buffer *> &group) {
  llvm::stable_sort(group,
                    [](Buffer *a, Buffer *b) { return a->bytes > b->bytes; });
  SmallVector<Buffer *> placed;
  int64_t total = 0;
  for (Buffer *buffer : group) {
    SmallVector<std::pair<int64_t, int64_t>> busy;
    for (Buffer *other : placed)
      if (other->begin <= buffer->end && buffer->begin <= other->end)
        busy.push_back({other->offset, other->offset + other->bytes});
    llvm::sort(busy);
    int64_t offset = 0;
    for (auto [start, stop] : busy) {
      if (offset + buffer->bytes <= start)
        break;
      offset = std::max(offset, stop);
    }
    buffer->offset = offset;
    total = std::max(total, offset + buffer->bytes);
    placed.push_back(buffer);
  }
  return total;
}

/// Replaces an allocation by a view at its planned offset: static buffers at
/// `offset`, per-batch ones at `staticBytes + offset · N`.
void rewriteAsView(Buffer &buffer, Value arena, int64_t staticBytes) {
  memref::AllocOp alloc = buffer.alloc;
  OpBuilder builder(alloc);
  Location loc = alloc.getLoc();
  Value shift;
  if (!buffer.perBatch) {
    shift = builder.create<arith::ConstantIndexOp>(loc, buffer.offset);
  } else {
    Value batch = alloc.getDynamicSizes().front();
    Value scaled = builder.create<arith::MulIOp>(
        loc, batch, builder.create<arith::ConstantIndexOp>(loc, buffer.offset));
    shift = builder.create<arith::AddIOp>(
        loc, scaled, builder.create<arith::ConstantIndexOp>(loc, staticBytes));
  }
  Value view = builder.create<memref::ViewOp>(loc, alloc.getType(), arena,
                                              shift, alloc.getDynamicSizes());
  alloc.replaceAllUsesWith(view);
  alloc.erase();
}

LogicalResult planFunction(func::FuncOp func) {
  Block &block = func.getBody().front();
  llvm::DenseMap<Operation *, int64_t> position;
  for (auto [index, op] : llvm::enumerate(block))
    position[&op] = index;

  SmallVector<Buffer> buffers;
  for (auto alloc : block.getOps<memref::AllocOp>()) {
    std::optional<Buffer> buffer = sizeBuffer(alloc, func);
    std::optional<int64_t> end = lastUse(alloc, block, position);
    if (!buffer || !end)
      continue;
    buffer->begin = position[alloc];
    buffer->end = *end;
    buffers.push_back(*buffer);
  }
  SmallVector<Buffer *> fixed, scaled;
  for (Buffer &buffer : buffers)
    (buffer.perBatch ? scaled : fixed).push_back(&buffer);
  int64_t staticBytes = placeBuffers(fixed);
  int64_t perBatchBytes = placeBuffers(scaled);

  MLIRContext *context = func.getContext();
  auto arenaType =
      MemRefType::get({ShapedType::kDynamic}, IntegerType::get(context, 8));
  unsigned index = func.getNumArguments();
  func.insertArgument(index, arenaType, {}, func.getLoc());
  Value arena = func.getArgument(index);
  for (Buffer &buffer : buffers)
    rewriteAsView(buffer, arena, staticBytes);
  Builder builder(context);
  func->setAttr(nnc::kArenaBytesAttr, builder.getI64IntegerAttr(staticBytes));
  func->setAttr(nnc::kArenaBytesPerBatchAttr,
                builder.getI64IntegerAttr(perBatchBytes));
  return success();
}

struct PlanMemoryPass : nnc::impl::PlanMemoryPassBase<PlanMemoryPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isPrivate() || func.isExternal())
        continue;
      if (!SymbolTable::symbolKnownUseEmpty(func, module)) {
        func.emitError() << "cannot plan the memory of @" << func.getSymName()
                         << ": it has callers (inline calls first)";
        return signalPassFailure();
      }
      if (failed(planFunction(func)))
        return signalPassFailure();
    }
  }
};

} // namespace
