//===- RuleModel.h - attaching VJP rules to nn ops --------------*- C++ -*-===//
//
// Private to compiler/autodiff/rules. A rule is a plain function of the op,
// a GradBuilder at the op's location and the cotangent of its result (of
// each of its results, for ops with several); it returns one gradient per
// operand (null where there is none). attachRule turns it into the op's
// DifferentiableOpInterface external model, so each family file is a table
// of `attachRule<Op, rule>(context)` lines.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_AUTODIFF_RULES_RULEMODEL_H
#define NNC_COMPILER_AUTODIFF_RULES_RULEMODEL_H

#include "compiler/autodiff/GradBuilder.h"
#include "dialects/nn/IR/NNInterfaces.h"

namespace nnc::autodiff {

/// The VJP of an op given the cotangent of each of its results, in result
/// order (null for a result that does not reach the loss; at least one is
/// not null).
template <typename OpTy>
using MultiResultVjpRule = Grads (*)(OpTy op, GradBuilder &b,
                                     llvm::ArrayRef<mlir::Value> cotangents);

/// The VJP of a single-result op whose result has cotangent `g`.
template <typename OpTy>
using VjpRule = Grads (*)(OpTy op, GradBuilder &b, mlir::Value g);

template <typename OpTy, MultiResultVjpRule<OpTy> Rule>
struct VjpModel
    : mlir::nn::DifferentiableOpInterface::ExternalModel<VjpModel<OpTy, Rule>,
                                                         OpTy> {
  Grads buildVjp(mlir::Operation *op, mlir::OpBuilder &builder,
                 llvm::ArrayRef<mlir::Value> cotangents) const {
    GradBuilder b(builder, op->getLoc());
    return Rule(llvm::cast<OpTy>(op), b, cotangents);
  }
};

/// A single-result rule as a multi-result one: its one cotangent is set.
template <typename OpTy, VjpRule<OpTy> Rule>
Grads onlyResult(OpTy op, GradBuilder &b,
                 llvm::ArrayRef<mlir::Value> cotangents) {
  return Rule(op, b, cotangents.front());
}

/// Makes `Rule` the VJP of every OpTy in `context`.
template <typename OpTy, MultiResultVjpRule<OpTy> Rule>
void attachRule(mlir::MLIRContext *context) {
  OpTy::template attachInterface<VjpModel<OpTy, Rule>>(*context);
}
template <typename OpTy, VjpRule<OpTy> Rule>
void attachRule(mlir::MLIRContext *context) {
  attachRule<OpTy, onlyResult<OpTy, Rule>>(context);
}

/// Gradients in operand order.
inline Grads grads(std::initializer_list<mlir::Value> values) {
  return llvm::SmallVector<mlir::Value>(values);
}

// One registration per family (rules/<Family>.cpp), called on the nn
// dialect's load through registerDifferentiationRules.
void attachElementwiseRules(mlir::MLIRContext *context);
void attachLayerRules(mlir::MLIRContext *context);
void attachNormRules(mlir::MLIRContext *context);
void attachShapeRules(mlir::MLIRContext *context);
void attachSoftmaxRules(mlir::MLIRContext *context);

} // namespace nnc::autodiff

#endif // NNC_COMPILER_AUTODIFF_RULES_RULEMODEL_H
