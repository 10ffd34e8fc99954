//===- Compiler.h - the C++ API that compiles nn models ---------*- C++ -*-===//
//
// nnc::Compiler turns a model (a file, a string or a module) into an
// nnc::Executable in process (JIT), or into a shared library (AOT). Both go
// through the same pipeline and the same ABI descriptor, so a JIT-compiled
// model and a loaded .so behave identically.
//
// Thread-safety: a Compiler is not safe for concurrent use; use one per
// thread. Executables it returns are independent of it.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_DRIVER_COMPILER_H
#define NNC_COMPILER_DRIVER_COMPILER_H

#include "compiler/backends/cpu/ObjectEmitter.h"
#include "compiler/driver/Signature.h"

#include <nnc/Executable.h>
#include <nnc/Status.h>

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"

#include <functional>
#include <memory>
#include <string>

namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace nnc {

struct CompilerOptions {
  std::string target = "cpu"; // cpu (cuda is not built yet)
  CpuTarget cpu;              // CPU name, features, optimization level
  bool printIrAfterAll = false;
  /// When set (--grad=F), parsing adds @F_grad (the nn-autodiff pass).
  std::string gradFunction;
  /// When set (--train=F --optimizer=SPEC), parsing adds @F_train_step
  /// (NN_IR.md, Derived functions); `optimizerSpec` is NAME[:key=value,...].
  std::string trainFunction;
  std::string optimizerSpec;
};

/// A model lowered to LLVM IR with its ABI descriptor, ready for codegen.
struct LoweredModel {
  std::vector<EntrySignature> entries;
  std::unique_ptr<llvm::LLVMContext> context;
  std::unique_ptr<llvm::Module> module;
};

class Compiler {
public:
  explicit Compiler(CompilerOptions options = {});
  ~Compiler();

  /// The context modules must be created in to be compiled here.
  mlir::MLIRContext &context() { return *mlirContext; }

  /// Parses and verifies a model, then adds the derived functions the
  /// options ask for (@F_grad, @F_train_step); diagnostics go to the Status.
  Status parseFile(const std::string &path,
                   mlir::OwningOpRef<mlir::ModuleOp> &module);
  Status parseString(const std::string &source,
                     mlir::OwningOpRef<mlir::ModuleOp> &module);

  /// JIT: compiles in process into `out`.
  Status compileFile(const std::string &path, Executable &out);
  Status compileString(const std::string &source, Executable &out);
  Status compileModule(mlir::ModuleOp module, Executable &out);

  /// Runs the MLIR pipeline on `module` in place (to the LLVM dialect) and
  /// returns the entries with their arena sizes.
  Status lowerToLLVMDialect(mlir::ModuleOp module,
                            std::vector<EntrySignature> &entries);

  /// The kernels of `module` and the nn ops in each, as a DOT graph.
  Status drawKernels(mlir::ModuleOp module, std::string &dot);

  /// Translates a lowered module to optimized LLVM IR with the ABI.
  Status translateToLLVMIR(mlir::ModuleOp lowered,
                           std::vector<EntrySignature> entries,
                           LoweredModel &out);

  /// AOT: writes an object file, assembly, or a shared library (atomically).
  Status emitObject(LoweredModel &model, std::string &bytes, bool assembly);
  Status emitSharedLibrary(LoweredModel &model, const std::string &path);

private:
  /// Adds @F_grad and @F_train_step when the options ask for them.
  mlir::LogicalResult addDerivedFunctions(mlir::ModuleOp module);

  /// Runs `body` with MLIR diagnostics captured into the returned Status.
  Status withDiagnostics(const std::function<mlir::LogicalResult()> &body);

  CompilerOptions options;
  std::unique_ptr<mlir::MLIRContext> mlirContext;
  std::unique_ptr<llvm::TargetMachine> machine;
  std::shared_ptr<llvm::SourceMgr> sources;
};

} // namespace nnc

#endif // NNC_COMPILER_DRIVER_COMPILER_H
