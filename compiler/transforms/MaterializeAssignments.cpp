//===- MaterializeAssignments.cpp - nn.assign into argument buffers ------===//
//
// nn.assign says "this argument holds this value when the function returns".
// One-shot bufferization with function boundaries gives each argument the
// caller's buffer, and bufferization.materialize_in_destination is its way
// of saying "this value must end up in that buffer": it fails to bufferize
// rather than miscompile when the write cannot happen in place. Putting the
// writes last keeps every read of the old value before them.
//
//===----------------------------------------------------------------------===//

#include "compiler/transforms/Passes.h"
#include "dialects/nn/IR/NNOps.h"

#include "mlir/IR/Dominance.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "mlir/Transforms/CSE.h"
#include "mlir/Transforms/RegionUtils.h"

namespace nnc {
#define GEN_PASS_DEF_MATERIALIZEASSIGNMENTSPASS
#include "compiler/transforms/Passes.h.inc"
} // namespace nnc

using namespace mlir;

namespace {

/// When `value` is computed by a destination-style op (a kernel's
/// scf.forall, a linalg op) into a tensor.empty, makes `target` that
/// destination: the op then writes the new value directly into the
/// argument's buffer. An empty tensor's contents are undefined, so the
/// result is the same whatever the destination; whether the write can
/// really happen in place is for bufferization's analysis to decide.
///
/// Inside a kernel the shared output holds the destination's value, so
/// the kernel's reads of the argument (`p` in `p − lr·g`) may read the
/// shared output instead. They must: bufferization proves a tile read
/// from the shared output and written back to the same place free of
/// conflicts, but sees a read of the argument itself racing with the
/// other tiles' writes, and would copy the whole argument twice. The read
/// and the written tile then become one slice (CSE), or bufferization
/// would still copy each input tile before overwriting it.
void computeInto(Value value, BlockArgument target) {
  auto result = dyn_cast<OpResult>(value);
  auto dps = value.getDefiningOp<DestinationStyleOpInterface>();
  if (!result || !dps || value.getType() != target.getType())
    return;
  OpOperand *init = dps.getTiedOpOperand(result);
  if (!init || !init->get().getDefiningOp<tensor::EmptyOp>())
    return;
  init->set(target);
  auto kernel = dyn_cast<scf::ForallOp>(dps.getOperation());
  if (!kernel)
    return;
  replaceAllUsesInRegionWith(target, kernel.getTiedBlockArgument(init),
                             kernel.getRegion());
  IRRewriter rewriter(kernel.getContext());
  DominanceInfo dominance(kernel);
  eliminateCommonSubExpressions(rewriter, dominance, kernel);
}

void materialize(nn::AssignOp assign, Operation *terminator) {
  OpBuilder builder(terminator);
  BlockArgument target = assign.getTargetArgument();
  computeInto(assign.getValue(), target);
  builder.create<bufferization::MaterializeInDestinationOp>(
      assign.getLoc(), assign.getValue(), target);
  assign.erase();
}

/// The arguments an entry does not assign are its caller's inputs: read
/// only, so that no in-place decision of bufferization can clobber them.
void markInputsReadOnly(func::FuncOp func,
                        const llvm::SmallDenseSet<unsigned> &assigned) {
  if (!func.isPublic())
    return;
  auto readOnly = BoolAttr::get(func.getContext(), false);
  for (unsigned i = 0; i < func.getNumArguments(); ++i)
    if (!assigned.contains(i) && isa<TensorType>(func.getArgumentTypes()[i]))
      func.setArgAttr(i, bufferization::BufferizationDialect::kWritableAttrName,
                      readOnly);
}

struct MaterializeAssignmentsPass
    : nnc::impl::MaterializeAssignmentsPassBase<MaterializeAssignmentsPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    Operation *terminator = func.getBody().front().getTerminator();
    llvm::SmallDenseSet<unsigned> assigned;
    for (nn::AssignOp assign :
         llvm::make_early_inc_range(func.getBody().getOps<nn::AssignOp>())) {
      assigned.insert(assign.getTargetArgument().getArgNumber());
      materialize(assign, terminator);
    }
    markInputsReadOnly(func, assigned);
  }
};

} // namespace
