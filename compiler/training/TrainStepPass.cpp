//===- TrainStepPass.cpp - the nn-train-step pass -------------------------===//

#include "compiler/training/Passes.h"
#include "compiler/training/Training.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

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
    // As for @F_grad: the gradient rules build every value they can and
    // the seed's identities fold away; the updates share their constants.
    OpPassManager cleanup(func::FuncOp::getOperationName());
    cleanup.addPass(createCanonicalizerPass());
    cleanup.addPass(createCSEPass());
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
