//===- ReuseTileBuffers.cpp - fused producers write the kernel output ----===//
//
// Inside a kernel, bufferization gives a fused producer (a matmul tile) its
// own temporary, which the epilogue then reads to write the output tile:
//   A = alloc; fill(A); matmul(.., A); generic(ins(A, ..), outs(O))
// When that last reader is elementwise, reads A with the identity map and O
// has A's shape, A can be O itself: every element is read before the
// epilogue overwrites it. The tile then needs no temporary, and no heap
// allocation happens on the call path.
//
//===----------------------------------------------------------------------===//

#include "compiler/transforms/Passes.h"

#include "mlir/Interfaces/ViewLikeInterface.h"

namespace nnc {
#define GEN_PASS_DEF_REUSETILEBUFFERSPASS
#include "compiler/transforms/Passes.h.inc"
} // namespace nnc

using namespace mlir;

namespace {

/// The sizes of a buffer value: static sizes, or the SSA values of a
/// memref.alloc / memref.subview that define the dynamic ones.
SmallVector<OpFoldResult> sizesOf(Value buffer) {
  if (auto alloc = buffer.getDefiningOp<memref::AllocOp>()) {
    Builder builder(alloc.getContext());
    return getMixedValues(alloc.getType().getShape(), alloc.getDynamicSizes(),
                          builder);
  }
  if (auto subview = buffer.getDefiningOp<memref::SubViewOp>())
    return subview.getMixedSizes();
  return {};
}

bool sameSizes(Value a, Value b) {
  SmallVector<OpFoldResult> x = sizesOf(a), y = sizesOf(b);
  return !x.empty() && x == y;
}

/// The elementwise op that reads `alloc` last, when it qualifies.
linalg::GenericOp finalEpilogue(memref::AllocOp alloc) {
  Operation *last = nullptr;
  for (Operation *user : alloc->getUsers()) {
    if (user->getBlock() != alloc->getBlock() || !isa<linalg::LinalgOp>(user))
      return nullptr;
    if (!last || last->isBeforeInBlock(user))
      last = user;
  }
  auto generic = dyn_cast_if_present<linalg::GenericOp>(last);
  if (!generic || generic.getNumLoops() != generic.getNumParallelLoops() ||
      generic.getNumDpsInits() != 1)
    return nullptr;
  for (OpOperand *input : generic.getDpsInputOperands())
    if (input->get() == alloc.getResult() &&
        generic.getMatchingIndexingMap(input).isIdentity())
      return generic;
  return nullptr;
}

/// The buffer `view` is a view of (through subviews, reshapes, ...).
Value rootOf(Value view) {
  while (auto viewLike = view.getDefiningOp<ViewLikeOpInterface>())
    view = viewLike.getViewSource();
  return view;
}

/// True when nothing between `alloc` and `epilogue` touches the memory of
/// `output`, and the epilogue reads it through no input: writing the
/// producers' values there early is then unobservable. An epilogue that
/// updates its output in place (a train step's `p − lr·g`, reading the
/// param tile it overwrites) must read the old values, so it keeps its
/// temporary.
bool untouchedBefore(Value output, memref::AllocOp alloc,
                     linalg::GenericOp epilogue) {
  Value root = rootOf(output);
  auto touches = [&](Value operand) {
    return isa<MemRefType>(operand.getType()) && rootOf(operand) == root;
  };
  for (Operation *op = alloc->getNextNode(); op != epilogue;
       op = op->getNextNode())
    if (llvm::any_of(op->getOperands(), touches))
      return false;
  return llvm::none_of(epilogue.getDpsInputs(), touches);
}

/// A top-level buffer whose last use copies it into a result out-parameter
/// (buffer-results-to-out-params keeps that copy when sizes are dynamic) can
/// be the out-parameter itself: the copy requires equal shapes, and nothing
/// else touches the out-parameter before it.
void writeResultsInPlace(func::FuncOp func) {
  Block &body = func.getBody().front();
  SmallVector<linalg::CopyOp> copies;
  for (auto copy : body.getOps<linalg::CopyOp>())
    copies.push_back(copy);
  for (linalg::CopyOp copy : copies) {
    auto alloc = copy.getInputs()[0].getDefiningOp<memref::AllocOp>();
    auto result = dyn_cast<BlockArgument>(copy.getOutputs()[0]);
    if (!alloc || !result || alloc->getBlock() != &body ||
        result.getType() != alloc.getType() || !result.hasOneUse())
      continue;
    bool copyIsLast = llvm::all_of(alloc->getUsers(), [&](Operation *user) {
      Operation *ancestor = body.findAncestorOpInBlock(*user);
      return ancestor && (ancestor == copy || ancestor->isBeforeInBlock(copy));
    });
    if (!copyIsLast)
      continue;
    copy.erase();
    alloc.getResult().replaceAllUsesWith(result);
    alloc.erase();
  }
}

struct ReuseTileBuffersPass
    : nnc::impl::ReuseTileBuffersPassBase<ReuseTileBuffersPass> {
  void runOnOperation() override {
    writeResultsInPlace(getOperation());
    SmallVector<memref::AllocOp> allocs;
    getOperation().walk([&](memref::AllocOp alloc) {
      if (!isa<func::FuncOp>(alloc->getParentOp()))
        allocs.push_back(alloc);
    });
    for (memref::AllocOp alloc : allocs) {
      linalg::GenericOp epilogue = finalEpilogue(alloc);
      if (!epilogue)
        continue;
      Value output = epilogue.getDpsInitOperand(0)->get();
      auto outputType = cast<MemRefType>(output.getType());
      if (outputType.getShape() != alloc.getType().getShape() ||
          outputType.getElementType() != alloc.getType().getElementType() ||
          !sameSizes(alloc, output) ||
          !untouchedBefore(output, alloc, epilogue) ||
          !output.getParentBlock()->findAncestorOpInBlock(*alloc))
        continue;
      // The output is defined before the alloc (it dominates the users).
      if (Operation *def = output.getDefiningOp();
          def && def->getBlock() == alloc->getBlock() &&
          alloc->isBeforeInBlock(def))
        def->moveBefore(alloc);
      alloc.getResult().replaceAllUsesWith(output);
      alloc.erase();
    }
  }
};

} // namespace
