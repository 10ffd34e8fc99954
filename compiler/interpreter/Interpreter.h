//===- Interpreter.h - the reference interpreter of nn IR -------*- C++ -*-===//
//
// Evaluates functions of nn ops (with func.call and arith.constant) on
// concrete tensors with plain loops in double precision. It is the oracle of
// every compiled backend and of numerical gradient checking.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_INTERPRETER_INTERPRETER_H
#define NNC_COMPILER_INTERPRETER_INTERPRETER_H

#include "compiler/interpreter/RefTensor.h"

#include "mlir/IR/BuiltinOps.h"

namespace nnc::interp {

class Interpreter {
public:
  explicit Interpreter(mlir::ModuleOp module) : module(module) {}

  /// Runs the function named `entry` on `args`. Checks the argument count,
  /// dtypes and shapes against the signature (a `?` matches any size) and
  /// reports problems as MLIR diagnostics at the function or op. When
  /// `updatedArgs` is given, it receives the arguments as the caller sees
  /// them after the call: `args` with the entry's nn.assign applied.
  mlir::FailureOr<std::vector<RefTensor>>
  run(llvm::StringRef entry, const std::vector<RefTensor> &args,
      std::vector<RefTensor> *updatedArgs = nullptr) const;

private:
  mlir::ModuleOp module;
};

} // namespace nnc::interp

#endif // NNC_COMPILER_INTERPRETER_INTERPRETER_H
