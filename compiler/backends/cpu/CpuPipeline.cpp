//===- CpuPipeline.cpp - nn to LLVM dialect for the host CPU --------------===//

#include "compiler/backends/cpu/CpuPipeline.h"

#include "compiler/conversion/Passes.h"
#include "compiler/transforms/Passes.h"
#include "dialects/nn/IR/NNDialect.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/OneShotAnalysis.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
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

/// Prepares the public functions, the entries, for the ABI: they get the C
/// interface wrappers it calls (`_mlir_ciface_<name>`), and lose the nn
/// argument roles and the optimizer record, which the signature has
/// recorded and which only make sense on tensors.
struct PrepareEntriesPass
    : PassWrapper<PrepareEntriesPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(PrepareEntriesPass)
  StringRef getArgument() const final { return "nnc-prepare-entries"; }
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      for (unsigned i = 0; i < func.getNumArguments(); ++i)
        for (StringRef name :
             {nn::kParamAttrName, nn::kStateAttrName, nn::kInitAttrName,
              nn::kNameAttrName, nn::kOptStateAttrName, nn::kOptParamAttrName})
          func.removeArgAttr(i, name);
      func->removeAttr(nn::kOptimizerAttrName);
      if (func.isPublic() && !func.isExternal()) {
        func->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                      UnitAttr::get(&getContext()));
        copyAliasedResults(func);
      }
    }
  }

  /// A result that is an argument, or a value returned twice, would alias
  /// another buffer once results become out-parameters (and MLIR 19's
  /// buffer-results-to-out-params crashes on it): such results get a copy.
  static void copyAliasedResults(func::FuncOp func) {
    func.walk([](func::ReturnOp ret) {
      OpBuilder builder(ret);
      llvm::SmallPtrSet<Value, 8> seen;
      for (OpOperand &operand : ret->getOpOperands()) {
        Value value = operand.get();
        if (!isa<BlockArgument>(value) && seen.insert(value).second)
          continue;
        auto type = dyn_cast<RankedTensorType>(value.getType());
        if (!type)
          continue;
        Location loc = ret.getLoc();
        Value empty = builder.create<tensor::EmptyOp>(
            loc, tensor::getMixedSizes(builder, loc, value),
            type.getElementType());
        operand.set(
            builder.create<linalg::CopyOp>(loc, value, empty).getResult(0));
      }
    });
  }
};

/// SCF-to-OpenMP wraps each parallel loop body in memref.alloca_scope so that
/// stack allocations are released per iteration. The scope must stay a
/// single block, which the later SCF-to-CF lowering breaks. Static allocas
/// (tile temporaries, see nnc-stack-tile-buffers) move to the start of their
/// thread's parallel region, or of the function: allocated once per thread
/// rather than per iteration. Bodies left without memref.alloca need no
/// scope, so it is inlined away.
struct InlineAllocaFreeScopesPass
    : PassWrapper<InlineAllocaFreeScopesPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(InlineAllocaFreeScopesPass)
  StringRef getArgument() const final { return "nnc-inline-alloca-scopes"; }

  static void hoistStaticAllocas(ModuleOp module) {
    SmallVector<memref::AllocaOp> allocas;
    module.walk([&](memref::AllocaOp alloca) {
      if (alloca->getNumOperands() == 0)
        allocas.push_back(alloca);
    });
    for (memref::AllocaOp alloca : allocas) {
      Operation *home = alloca->getParentOfType<omp::ParallelOp>();
      if (!home)
        home = alloca->getParentOfType<func::FuncOp>();
      Block &entry = home->getRegion(0).front();
      alloca->moveBefore(&entry, entry.begin());
    }
  }

  void runOnOperation() override {
    hoistStaticAllocas(getOperation());
    SmallVector<memref::AllocaScopeOp> scopes;
    getOperation().walk([&](memref::AllocaScopeOp scope) {
      if (!scope.walk([](memref::AllocaOp) { return WalkResult::interrupt(); })
               .wasInterrupted() &&
          scope.getNumResults() == 0)
        scopes.push_back(scope);
    });
    IRRewriter rewriter(&getContext());
    for (memref::AllocaScopeOp scope : scopes) {
      Block &body = scope.getBodyRegion().front();
      rewriter.eraseOp(body.getTerminator());
      rewriter.inlineBlockBefore(&body, scope);
      rewriter.eraseOp(scope);
    }
  }
};

void addBufferizationPasses(OpPassManager &pm, int64_t vectorLanes) {
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
  pm.addNestedPass<func::FuncOp>(nnc::createReuseTileBuffersPass());
  // Kernel tiles bufferize to copies of a tile onto itself: CSE exposes
  // them and canonicalization erases them.
  pm.addPass(createCSEPass());
  pm.addPass(createCanonicalizerPass());
  // Register tiling and vectorization (CpuCodegen.cpp) before the plan, so
  // that the packing buffers it allocates get arena space too.
  nnc::addCpuCodegenPasses(pm, vectorLanes);
  pm.addPass(nnc::createPlanMemoryPass());
  pm.addNestedPass<func::FuncOp>(nnc::createStackTileBuffersPass());
  // Whatever the plan could not place (allocations inside loops) is freed
  // by MLIR's ownership-based deallocation.
  bufferization::BufferDeallocationPipelineOptions deallocation;
  bufferization::buildBufferDeallocationPipeline(pm, deallocation);
}

void addLoweringToLLVMPasses(OpPassManager &pm) {
  // Vector code first; every linalg op left becomes plain loops.
  nnc::addVectorLoweringPasses(pm);
  // Kernel tiles are independent: they run across threads through OpenMP
  // (libomp), whose team size OMP_NUM_THREADS sets at run time.
  pm.addNestedPass<func::FuncOp>(createForallToParallelLoopPass());
  pm.addPass(createConvertSCFToOpenMPPass());
  pm.addPass(std::make_unique<InlineAllocaFreeScopesPass>());
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
  pm.addPass(createConvertOpenMPToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
}

} // namespace

void nnc::buildKernelFormationPipeline(OpPassManager &pm) {
  pm.addPass(nnc::createConvertNNToLinalgPass());
  pm.addPass(createInlinerPass());
  pm.addPass(createSymbolDCEPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  pm.addNestedPass<func::FuncOp>(createLinalgElementwiseOpFusionPass());
  pm.addNestedPass<func::FuncOp>(nnc::createCollapseContractionDimsPass());
  pm.addPass(createCanonicalizerPass());
  pm.addNestedPass<func::FuncOp>(nnc::createFormKernelsPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void nnc::buildCpuPipeline(OpPassManager &pm, int64_t vectorLanes) {
  buildKernelFormationPipeline(pm);
  pm.addPass(std::make_unique<PrepareEntriesPass>());
  pm.addNestedPass<func::FuncOp>(nnc::createMaterializeAssignmentsPass());
  addBufferizationPasses(pm, vectorLanes);
  addLoweringToLLVMPasses(pm);
}

void nnc::registerCpuPipeline() {
  PassPipelineRegistration<>(
      "nnc-cpu-pipeline", "lower an nn module to the LLVM dialect for the CPU",
      [](OpPassManager &pm) { buildCpuPipeline(pm); });
}
