//===- CpuCodegen.cpp - tiling and vectorization for the CPU --------------===//

#include "compiler/backends/cpu/CpuCodegen.h"
#include "compiler/backends/cpu/ConvCodegen.h"
#include "compiler/backends/cpu/CpuPipeline.h"
#include "compiler/backends/cpu/ElementwiseVectorize.h"
#include "compiler/backends/cpu/GemmCodegen.h"
#include "compiler/backends/cpu/MathVectorize.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;
using namespace nnc;

namespace {

struct CpuCodegenPass
    : PassWrapper<CpuCodegenPass, OperationPass<func::FuncOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(CpuCodegenPass)

  CpuCodegenPass() = default;
  CpuCodegenPass(const CpuCodegenPass &other) : PassWrapper(other) {}
  explicit CpuCodegenPass(int64_t lanes) { this->lanes = lanes; }

  StringRef getArgument() const final { return "nnc-cpu-codegen"; }
  StringRef getDescription() const final {
    return "tile and vectorize the linalg ops of bufferized functions";
  }
  void getDependentDialects(DialectRegistry &registry) const override {
    registry.insert<affine::AffineDialect, arith::ArithDialect,
                    math::MathDialect, memref::MemRefDialect, scf::SCFDialect,
                    vector::VectorDialect>();
  }

  void runOnOperation() override;

  Option<int64_t> lanes{
      *this, "lanes",
      llvm::cl::desc("f32 lanes per vector (16, 8, 4); 0 detects the host"),
      llvm::cl::init(0)};
};

/// The linalg ops under `root`, collected before any is rewritten.
SmallVector<linalg::LinalgOp> linalgOps(Operation *root) {
  SmallVector<linalg::LinalgOp> ops;
  root->walk([&](linalg::LinalgOp op) { ops.push_back(op); });
  return ops;
}

void CpuCodegenPass::runOnOperation() {
  CpuVectorTarget target = CpuVectorTarget::host();
  if (lanes > 0)
    target.lanes = lanes;
  IRRewriter rewriter(&getContext());
  // Contractions and convolutions go before elementwise ops: they may fold
  // the fill of their output, which must still be there. An op no strategy
  // takes is left for the loop lowering.
  for (linalg::LinalgOp op : linalgOps(getOperation()))
    if (failed(rewriteContraction(rewriter, op, target)))
      (void)rewriteConvolution(rewriter, op, target);
  for (linalg::LinalgOp op : linalgOps(getOperation()))
    (void)vectorizeElementwise(rewriter, op, target);
  if (failed(lowerVectorMath(getOperation())))
    return signalPassFailure();
}

} // namespace

std::unique_ptr<Pass> nnc::createCpuCodegenPass(int64_t lanes) {
  return std::make_unique<CpuCodegenPass>(lanes);
}

void nnc::registerCpuCodegenPasses() { PassRegistration<CpuCodegenPass>(); }

void nnc::addCpuCodegenPasses(OpPassManager &pm, int64_t vectorLanes) {
  pm.addNestedPass<func::FuncOp>(createCpuCodegenPass(vectorLanes));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void nnc::addVectorLoweringPasses(OpPassManager &pm) {
  // Vector code is lowered here, before the rest becomes loops: what is
  // left of n-D transfers becomes 1-D ones, then LLVM vector operations.
  pm.addNestedPass<func::FuncOp>(createConvertVectorToSCFPass());
  pm.addPass(createConvertVectorToLLVMPass());
}
