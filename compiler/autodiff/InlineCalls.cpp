//===- InlineCalls.cpp - inline every call of a function ------------------===//
//
// nn's functions are straight-line single blocks, so inlining is cloning the
// callee's ops with its arguments mapped to the call's operands. The upstream
// inliner would need an inliner interface on nn and would also pick which
// calls to inline; differentiation needs all of them.
//
//===----------------------------------------------------------------------===//

#include "compiler/autodiff/InlineCalls.h"

#include "mlir/IR/IRMapping.h"

using namespace mlir;

/// The callee of `call` if it has a body autodiff can copy.
static FailureOr<func::FuncOp> bodyOf(func::CallOp call, ModuleOp module) {
  auto callee = module.lookupSymbol<func::FuncOp>(call.getCallee());
  if (!callee)
    return call.emitOpError() << "calls '@" << call.getCallee()
                              << "', which is not a func.func of the module";
  if (callee.isExternal() || !callee.getBody().hasOneBlock())
    return call.emitOpError()
           << "calls '@" << call.getCallee()
           << "', which has no single-block body to differentiate through";
  return callee;
}

/// Fails at the first call that closes a cycle of calls through `function`.
static LogicalResult checkAcyclic(func::FuncOp function, ModuleOp module,
                                  SmallVectorImpl<func::FuncOp> &active) {
  active.push_back(function);
  WalkResult walk = function.walk([&](func::CallOp call) {
    FailureOr<func::FuncOp> callee = bodyOf(call, module);
    if (failed(callee))
      return WalkResult::interrupt();
    if (llvm::is_contained(active, *callee)) {
      call.emitOpError() << "calls '@" << call.getCallee()
                         << "' recursively, which cannot be differentiated";
      return WalkResult::interrupt();
    }
    return failed(checkAcyclic(*callee, module, active))
               ? WalkResult::interrupt()
               : WalkResult::advance();
  });
  active.pop_back();
  return failure(walk.wasInterrupted());
}

/// Replaces `call` by a copy of `callee`'s body.
static void inlineCall(func::CallOp call, func::FuncOp callee) {
  Block &body = callee.getBody().front();
  IRMapping mapping;
  mapping.map(body.getArguments(), call.getOperands());
  OpBuilder builder(call);
  for (Operation &op : body.without_terminator())
    builder.clone(op, mapping);
  for (auto [result, returned] :
       llvm::zip(call.getResults(), body.getTerminator()->getOperands()))
    result.replaceAllUsesWith(mapping.lookupOrDefault(returned));
  call.erase();
}

LogicalResult nnc::autodiff::inlineCalls(func::FuncOp function,
                                         ModuleOp module) {
  SmallVector<func::FuncOp> active;
  if (failed(checkAcyclic(function, module, active)))
    return failure();
  // Without cycles this ends: each round removes one call of the finite
  // call tree.
  while (true) {
    func::CallOp call;
    function.walk([&](func::CallOp found) {
      call = found;
      return WalkResult::interrupt();
    });
    if (!call)
      return success();
    inlineCall(call, *bodyOf(call, module));
  }
}
