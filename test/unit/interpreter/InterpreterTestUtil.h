//===- InterpreterTestUtil.h - parse a module and interpret it --*- C++ -*-===//
//
// Tests state a module in MLIR text, run one function on hand-built tensors
// and compare with values computed by hand or from closed forms.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_TEST_UNIT_INTERPRETER_INTERPRETERTESTUTIL_H
#define NNC_TEST_UNIT_INTERPRETER_INTERPRETERTESTUTIL_H

#include "compiler/interpreter/Interpreter.h"
#include "dialects/nn/IR/NNDialect.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

namespace nnc::interp::test {

/// What a run produced: the results, or the diagnostics of a failure.
struct RunResult {
  bool ok = false;
  std::vector<RefTensor> results;
  /// Every diagnostic emitted while parsing and running, one per line.
  std::string diagnostics;
};

/// Parses `source` (nn, func and arith ops) and runs `entry` on `args`.
inline RunResult runSource(llvm::StringRef source, llvm::StringRef entry,
                           const std::vector<RefTensor> &args) {
  mlir::MLIRContext context(mlir::MLIRContext::Threading::DISABLED);
  context.loadDialect<mlir::nn::NNDialect, mlir::func::FuncDialect,
                      mlir::arith::ArithDialect>();
  RunResult result;
  mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &d) {
    llvm::raw_string_ostream(result.diagnostics) << d << "\n";
    return mlir::success();
  });
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceString<mlir::ModuleOp>(source, &context);
  if (!module)
    return result;
  mlir::FailureOr<std::vector<RefTensor>> results =
      Interpreter(*module).run(entry, args);
  if (succeeded(results)) {
    result.ok = true;
    result.results = std::move(*results);
  }
  return result;
}

/// Runs and expects success; fails the test with the diagnostics otherwise.
inline std::vector<RefTensor> runOk(llvm::StringRef source,
                                    llvm::StringRef entry,
                                    const std::vector<RefTensor> &args) {
  RunResult result = runSource(source, entry, args);
  EXPECT_TRUE(result.ok) << result.diagnostics;
  return result.results;
}

/// Runs and expects failure; returns the diagnostics.
inline std::string runError(llvm::StringRef source, llvm::StringRef entry,
                            const std::vector<RefTensor> &args) {
  RunResult result = runSource(source, entry, args);
  EXPECT_FALSE(result.ok) << "the run unexpectedly succeeded";
  EXPECT_FALSE(result.diagnostics.empty());
  return result.diagnostics;
}

/// f32 tensors from literals.
inline RefTensor f32(Shape shape, std::vector<double> values) {
  return RefTensor::fromFloats(std::move(shape), std::move(values));
}
inline RefTensor i64(Shape shape, std::vector<int64_t> values) {
  return RefTensor::fromInts(std::move(shape), std::move(values));
}

/// Checks shape and every element of `actual` within `tolerance`.
inline void expectTensorNear(const RefTensor &actual, const Shape &shape,
                             const std::vector<double> &expected,
                             double tolerance = 1e-12) {
  ASSERT_EQ(actual.shape, shape);
  ASSERT_EQ(actual.floats.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i)
    EXPECT_NEAR(actual.floats[i], expected[i], tolerance) << "element " << i;
}

} // namespace nnc::interp::test

#endif // NNC_TEST_UNIT_INTERPRETER_INTERPRETERTESTUTIL_H
