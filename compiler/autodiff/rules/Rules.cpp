//===- Rules.cpp - registration of every VJP rule -------------------------===//

#include "compiler/autodiff/Autodiff.h"
#include "compiler/autodiff/rules/RuleModel.h"

#include "mlir/IR/DialectRegistry.h"

void nnc::registerDifferentiationRules(mlir::DialectRegistry &registry) {
  registry.addExtension(+[](mlir::MLIRContext *context, mlir::nn::NNDialect *) {
    autodiff::attachElementwiseRules(context);
    autodiff::attachLayerRules(context);
    autodiff::attachNormRules(context);
    autodiff::attachShapeRules(context);
    autodiff::attachSoftmaxRules(context);
  });
}
