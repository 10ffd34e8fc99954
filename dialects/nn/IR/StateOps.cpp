//===- StateOps.cpp - verification of nn.assign ---------------------------===//

#include "dialects/nn/IR/NNOps.h"

using namespace mlir;
using namespace mlir::nn;

/// An assignment of `target` before `op` in its block, if any.
static AssignOp earlierAssignment(AssignOp op, Value target) {
  for (Operation *user : target.getUsers()) {
    auto other = dyn_cast<AssignOp>(user);
    if (other && other != op && other.getTarget() == target &&
        other->getBlock() == op->getBlock() && other->isBeforeInBlock(op))
      return other;
  }
  return nullptr;
}

LogicalResult AssignOp::verify() {
  auto arg = dyn_cast<BlockArgument>(getTarget());
  auto func = (*this)->getParentOfType<func::FuncOp>();
  if (!arg || arg.getOwner() != &func.getBody().front())
    return emitOpError() << "target must be an argument of the enclosing "
                            "function";
  if (!getTarget().getType().hasStaticShape())
    return emitOpError() << "target argument #" << arg.getArgNumber()
                         << " has type " << getTarget().getType()
                         << "; only a statically shaped argument can be "
                            "assigned (its buffer size must not depend on "
                            "the call)";
  if (AssignOp first = earlierAssignment(*this, arg)) {
    InFlightDiagnostic diag = emitOpError()
                              << "argument #" << arg.getArgNumber()
                              << " is assigned more than once";
    diag.attachNote(first.getLoc()) << "first assigned here";
    return diag;
  }
  return success();
}

LogicalResult mlir::nn::checkCalleeAssignsNothing(func::CallOp call,
                                                  func::FuncOp callee) {
  if (callee.isExternal() || callee.getBody().getOps<AssignOp>().empty())
    return success();
  return call.emitOpError() << "calls '@" << callee.getSymName()
                            << "', which assigns its arguments (nn.assign); "
                               "only an entry may";
}
