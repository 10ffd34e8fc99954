//===- InitAll.cpp - registration of every nnc dialect and pass -----------===//

#include "compiler/InitAll.h"

#include "compiler/autodiff/Autodiff.h"
#include "compiler/autodiff/Passes.h"
#include "compiler/backends/cpu/CpuCodegen.h"
#include "compiler/backends/cpu/CpuPipeline.h"
#include "compiler/conversion/Passes.h"
#include "compiler/training/Passes.h"
#include "compiler/transforms/Passes.h"
#include "dialects/nn/IR/NNDialect.h"

#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"

void nnc::registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<mlir::nn::NNDialect>();
  nnc::registerDifferentiationRules(registry);
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
}

void nnc::registerAllPasses() {
  mlir::registerAllPasses();
  nnc::registerNNAutodiffPasses();
  nnc::registerNNTrainingPasses();
  nnc::registerNNConversionPasses();
  nnc::registerNNTransformsPasses();
  nnc::registerCpuPipeline();
  nnc::registerCpuCodegenPasses();
}
