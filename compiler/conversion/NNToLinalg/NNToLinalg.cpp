//===- NNToLinalg.cpp - the convert-nn-to-linalg pass ---------------------===//

#include "compiler/conversion/NNToLinalg/PopulatePatterns.h"
#include "compiler/conversion/Passes.h"
#include "dialects/nn/IR/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Transforms/DialectConversion.h"

namespace nnc {
#define GEN_PASS_DEF_CONVERTNNTOLINALGPASS
#include "compiler/conversion/Passes.h.inc"
} // namespace nnc

using namespace mlir;

namespace {

struct ConvertNNToLinalgPass
    : nnc::impl::ConvertNNToLinalgPassBase<ConvertNNToLinalgPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    ConversionTarget target(*context);
    // Everything nn must go; what the patterns produce stays.
    target.addIllegalDialect<nn::NNDialect>();
    // nn.assign is a write at the function boundary, not a computation: it
    // becomes bufferization.materialize_in_destination right before
    // bufferization (nnc-materialize-assignments), because in tensor form
    // that op has no effect and the canonicalizations of kernel formation
    // would erase it as dead.
    target.addLegalOp<nn::AssignOp>();
    target.addLegalDialect<arith::ArithDialect, linalg::LinalgDialect,
                           math::MathDialect, tensor::TensorDialect,
                           func::FuncDialect>();
    RewritePatternSet patterns(context);
    nnc::populateElementwiseLoweringPatterns(patterns);
    nnc::populateMatmulLoweringPatterns(patterns);
    nnc::populateConvLoweringPatterns(patterns);
    nnc::populatePoolingLoweringPatterns(patterns);
    nnc::populateNormLoweringPatterns(patterns);
    nnc::populateSoftmaxLoweringPatterns(patterns);
    nnc::populateReductionLoweringPatterns(patterns);
    nnc::populateDataMovementLoweringPatterns(patterns);
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
