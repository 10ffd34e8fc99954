//===- TrainStepPass.cpp - the nn-train-step pass -------------------------===//

#include "compiler/autodiff/Autodiff.h"
#include "compiler/training/Passes.h"
#include "compiler/training/Training.h"

#include "mlir/Pass/PassManager.h"

namespace nnc {
#define GEN_PASS_DEF_NNTRAINSTEPPASS
#include "compiler/training/Passes.h.inc"
} // namespace nnc

using namespace mlir;

namespace {

struct NNTrainStepPass : nnc::impl::NNTrainStepPassBase<NNTrainStepPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (function.empty() || optimizer.empty()) {
      module.emitError() << "nn-train-step needs the options function=F (the "
                            "loss to train) and optimizer=SPEC";
      return signalPassFailure();
    }
    llvm::Expected<nnc::OptimizerSpec> spec =
        nnc::parseOptimizerSpec(optimizer);
    if (!spec) {
      module.emitError() << llvm::toString(spec.takeError());
      return signalPassFailure();
    }
    FailureOr<func::FuncOp> step =
        nnc::buildTrainStepFunction(module, function, *spec);
    if (failed(step))
      return signalPassFailure();
    OpPassManager cleanup = nnc::derivedFunctionCleanup();
    if (failed(runPipeline(cleanup, *step)))
      signalPassFailure();
  }
};

} // namespace

LogicalResult nnc::addTrainStepFunction(ModuleOp module, StringRef function,
                                        StringRef optimizerSpec) {
  PassManager pm(module.getContext());
  pm.addPass(createNNTrainStepPass(
      NNTrainStepPassOptions{function.str(), optimizerSpec.str()}));
  return pm.run(module);
}
