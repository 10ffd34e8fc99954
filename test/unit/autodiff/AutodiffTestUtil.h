//===- AutodiffTestUtil.h - parse, differentiate, interpret -----*- C++ -*-===//

#ifndef NNC_TEST_UNIT_AUTODIFF_AUTODIFFTESTUTIL_H
#define NNC_TEST_UNIT_AUTODIFF_AUTODIFFTESTUTIL_H

#include "compiler/autodiff/Autodiff.h"
#include "compiler/interpreter/Interpreter.h"
#include "dialects/nn/IR/NNDialect.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

namespace nnc::autodiff::test {

/// A context with the nn dialect and its VJP rules (or without the rules),
/// collecting every diagnostic as text.
class AutodiffContext {
public:
  explicit AutodiffContext(bool withRules = true)
      : context(makeRegistry(withRules),
                mlir::MLIRContext::Threading::DISABLED),
        handler(&context, [this](mlir::Diagnostic &diagnostic) {
          llvm::raw_string_ostream(diagnostics) << diagnostic << "\n";
          return mlir::success();
        }) {
    context.loadDialect<mlir::nn::NNDialect, mlir::func::FuncDialect,
                        mlir::arith::ArithDialect>();
  }

  mlir::OwningOpRef<mlir::ModuleOp> parse(llvm::StringRef source) {
    return mlir::parseSourceString<mlir::ModuleOp>(source, &context);
  }

  mlir::MLIRContext context;
  std::string diagnostics;

private:
  static mlir::DialectRegistry makeRegistry(bool withRules) {
    mlir::DialectRegistry registry;
    registry.insert<mlir::nn::NNDialect>();
    if (withRules)
      registerDifferentiationRules(registry);
    return registry;
  }

  mlir::ScopedDiagnosticHandler handler;
};

inline interp::RefTensor f32(interp::Shape shape, std::vector<double> values) {
  return interp::RefTensor::fromFloats(std::move(shape), std::move(values));
}

} // namespace nnc::autodiff::test

#endif // NNC_TEST_UNIT_AUTODIFF_AUTODIFFTESTUTIL_H
