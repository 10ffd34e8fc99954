//===- AutodiffPass.cpp - the nn-autodiff pass ----------------------------===//

#include "compiler/autodiff/Autodiff.h"
#include "compiler/autodiff/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

namespace nnc {
#define GEN_PASS_DEF_NNAUTODIFFPASS
#include "compiler/autodiff/Passes.h.inc"
} // namespace nnc

using namespace mlir;

namespace {

struct NNAutodiffPass : nnc::impl::NNAutodiffPassBase<NNAutodiffPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (function.empty()) {
      module.emitError() << "nn-autodiff needs the option function=F (the "
                            "loss function to differentiate)";
      return signalPassFailure();
    }
    FailureOr<func::FuncOp> grad = nnc::buildGradientFunction(module, function);
    if (failed(grad))
      return signalPassFailure();
    OpPassManager cleanup = nnc::derivedFunctionCleanup();
    if (failed(runPipeline(cleanup, *grad)))
      signalPassFailure();
  }
};

} // namespace

OpPassManager nnc::derivedFunctionCleanup() {
  OpPassManager cleanup(func::FuncOp::getOperationName());
  cleanup.addPass(createCanonicalizerPass());
  cleanup.addPass(createCSEPass());
  return cleanup;
}

LogicalResult nnc::addGradientFunction(ModuleOp module, StringRef function) {
  PassManager pm(module.getContext());
  pm.addPass(createNNAutodiffPass(NNAutodiffPassOptions{function.str()}));
  return pm.run(module);
}
