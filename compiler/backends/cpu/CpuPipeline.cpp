//===- CpuPipeline.cpp - nn to LLVM dialect for the host CPU --------------===//

#include "compiler/backends/cpu/CpuPipeline.h"

#include "compiler/conversion/Passes.h"
#include "compiler/transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/OneShotAnalysis.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

namespace {

/// Copies become linalg.copy, which lowers to loops like any other linalg op,
/// instead of calls into MLIR's C runner library: the .so must not need it.
LogicalResult copyWithLinalg(OpBuilder &builder, Location loc, Value from,
                             Value to) {
  builder.create<linalg::CopyOp>(loc, from, to);
  return success();
}

/// Marks the public functions, the entries, for the C interface wrappers the
/// ABI calls (`_mlir_ciface_<name>`).
struct MarkEntriesPass
    : PassWrapper<MarkEntriesPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(MarkEntriesPass)
  StringRef getArgument() const final { return "nnc-mark-entries"; }
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal())
        func->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                      UnitAttr::get(&getContext()));
  }
};

void addBufferizationPasses(OpPassManager &pm) {
  bufferization::OneShotBufferizationOptions options;
  options.bufferizeFunctionBoundaries = true;
  options.setFunctionBoundaryTypeConversion(
      bufferization::LayoutMapOption::IdentityLayoutMap);
  options.memCpyFn = copyWithLinalg;
  pm.addPass(bufferization::createOneShotBufferizePass(options));
  bufferization::BufferResultsToOutParamsOpts outParams;
  outParams.memCpyFn = copyWithLinalg;
  outParams.hoistStaticAllocs = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(nnc::createPlanMemoryPass());
  // Whatever the plan could not place (allocations inside loops) is freed
  // by MLIR's ownership-based deallocation.
  bufferization::BufferDeallocationPipelineOptions deallocation;
  bufferization::buildBufferDeallocationPipeline(pm, deallocation);
}

void addLoweringToLLVMPasses(OpPassManager &pm) {
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createConvertSCFToCFPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  pm.addPass(createConvertMathToLLVMPass());
  // What LLVM has no intrinsic for (tanh, erf) becomes a libm call.
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
}

} // namespace

void nnc::buildCpuPipeline(OpPassManager &pm) {
  pm.addPass(nnc::createConvertNNToLinalgPass());
  pm.addPass(createInlinerPass());
  pm.addPass(createSymbolDCEPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  pm.addNestedPass<func::FuncOp>(createLinalgElementwiseOpFusionPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(std::make_unique<MarkEntriesPass>());
  addBufferizationPasses(pm);
  addLoweringToLLVMPasses(pm);
}

void nnc::registerCpuPipeline() {
  PassPipelineRegistration<>(
      "nnc-cpu-pipeline", "lower an nn module to the LLVM dialect for the CPU",
      [](OpPassManager &pm) { buildCpuPipeline(pm); });
}
