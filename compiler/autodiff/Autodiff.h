//===- Autodiff.h - symbolic differentiation of nn functions ----*- C++ -*-===//
//
// Reverse-mode differentiation of a loss function into ordinary nn IR. Each
// op's vector-Jacobian product comes from its DifferentiableOpInterface
// model (rules/<Family>.cpp); this library walks the graph, accumulates
// cotangents and assembles @F_grad (NN_IR.md, "Derived functions").
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_AUTODIFF_AUTODIFF_H
#define NNC_COMPILER_AUTODIFF_AUTODIFF_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Pass/PassManager.h"

namespace nnc {

/// Attaches the VJP rule of every differentiable nn op (as external models
/// of DifferentiableOpInterface) when the nn dialect loads.
void registerDifferentiationRules(mlir::DialectRegistry &registry);

/// Adds `@<function>_grad` to `module`: the arguments of @<function>, and as
/// results its loss followed by d loss / d param for each `nn.param`
/// argument in order. Calls are inlined into the new function; the original
/// is left untouched. Reports problems as diagnostics. The result is not yet
/// canonicalized (see addGradientFunction).
mlir::FailureOr<mlir::func::FuncOp>
buildGradientFunction(mlir::ModuleOp module, llvm::StringRef function);

/// As above, but names the new function `name` (a train step starts as the
/// gradient function of its loss).
mlir::FailureOr<mlir::func::FuncOp>
buildGradientFunction(mlir::ModuleOp module, llvm::StringRef function,
                      llvm::StringRef name);

/// The clean-up of a derived function (@F_grad, @F_train_step): VJP rules
/// build every gradient they can, and the canonicalizer drops the ones
/// nobody needs and folds the identities (x · 1, x + 0) of the seed; CSE
/// shares what the rules built twice.
mlir::OpPassManager derivedFunctionCleanup();

/// Runs the nn-autodiff pass (buildGradientFunction, then canonicalize and
/// CSE of the new function) on `module`.
mlir::LogicalResult addGradientFunction(mlir::ModuleOp module,
                                        llvm::StringRef function);

/// The name of the gradient function of `function`.
std::string gradientFunctionName(llvm::StringRef function);

} // namespace nnc

#endif // NNC_COMPILER_AUTODIFF_AUTODIFF_H
