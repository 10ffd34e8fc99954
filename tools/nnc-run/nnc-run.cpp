//===- nnc-run.cpp - run a model's function on .npy inputs ----------------===//
//
//   nnc-run MODEL.mlir|MODEL.so --entry=F [--target=cpu|cuda|interp]
//           [--input=x.npy]... [--output=y.npy]... [-v] [--grad=F]
//
// With --grad=F the nn-autodiff pass adds @F_grad, which becomes the entry.
// Inputs bind to F's arguments in order, outputs to its results in order;
// without --output the results are printed. A failed run leaves no output
// file behind.
//
//===----------------------------------------------------------------------===//

#include "compiler/InitAll.h"
#include "compiler/autodiff/Autodiff.h"
#include "compiler/driver/Compiler.h"
#include "compiler/driver/LoadModule.h"
#include "compiler/interpreter/Interpreter.h"
#include "compiler/interpreter/NpyConversion.h"
#include "tools/nnc-run/PrintTensor.h"

#include <nnc/Executable.h>
#include <nnc/Npy.h>
#include <nnc/Tensor.h>

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/BinaryFormat/Magic.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>

using namespace mlir;
namespace cl = llvm::cl;

namespace {
cl::OptionCategory category("nnc-run options");
cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                               cl::desc("<model.mlir>"), cl::cat(category));
cl::opt<std::string> entry("entry", cl::desc("function to run"),
                           cl::init("forward"), cl::cat(category));
cl::opt<std::string> target("target",
                            cl::desc("cpu (default), cuda or interp "
                                     "(the reference interpreter)"),
                            cl::init("cpu"), cl::cat(category));
cl::list<std::string> inputs("input", cl::desc("an argument as .npy, in order"),
                             cl::cat(category));
cl::list<std::string> outputs("output",
                              cl::desc("where to write a result (.npy)"),
                              cl::cat(category));
cl::opt<bool> verbose("v", cl::desc("print the arena size and the run time"),
                      cl::cat(category));
cl::opt<std::string> grad("grad",
                          cl::desc("add @F_grad (nn-autodiff) and run it"),
                          cl::cat(category));
cl::opt<std::string> train("train",
                           cl::desc("run @F_train_step (not yet available)"),
                           cl::cat(category));
cl::opt<std::string> optimizer("optimizer", cl::desc("optimizer for --train"),
                               cl::cat(category));
} // namespace

/// A compiled model is recognized by its name or, whatever its name, by its
/// contents (e.g. libfoo.so.1).
static bool isCompiledLibrary(llvm::StringRef path) {
  llvm::file_magic magic;
  return path.ends_with(".so") ||
         (!llvm::identify_magic(path, magic) &&
          magic == llvm::file_magic::elf_shared_object);
}

/// Reads every --input file; reports the first problem.
static LogicalResult readInputs(std::vector<nnc::interp::RefTensor> &args) {
  for (const std::string &path : inputs) {
    nnc::NpyArray array;
    nnc::Status status = nnc::readNpy(path, array);
    if (!status.ok()) {
      llvm::errs() << "nnc-run: error: " << status.message() << "\n";
      return failure();
    }
    args.push_back(nnc::interp::fromNpy(array));
  }
  return success();
}

/// Writes the results to --output files, or prints them. If one cannot be
/// written, the ones written before it are removed.
static LogicalResult emitResults(const std::vector<nnc::NpyArray> &results) {
  for (size_t i = 0; i < results.size(); ++i) {
    if (outputs.empty()) {
      llvm::outs() << "result #" << i << ": "
                   << nnc::formatTensor(nnc::interp::fromNpy(results[i]))
                   << "\n";
      continue;
    }
    nnc::Status status = nnc::writeNpy(outputs[i], results[i]);
    if (!status.ok()) {
      llvm::errs() << "nnc-run: error: " << status.message() << "\n";
      for (size_t j = 0; j < i; ++j)
        llvm::sys::fs::remove(outputs[j]);
      return failure();
    }
  }
  return success();
}

/// Compiler diagnostics arrive formatted (`file:line:col: error: ...`);
/// runtime errors ("PATH: ..." or "ENTRY: ...") get the tool's prefix.
static LogicalResult report(const nnc::Status &status) {
  if (status.ok())
    return success();
  llvm::StringRef message = status.message();
  if (!message.contains("error: "))
    llvm::errs() << "nnc-run: error: ";
  llvm::errs() << message << "\n";
  return failure();
}

/// --target=cpu: a .so is loaded by the runtime; a .mlir is JIT-compiled.
static LogicalResult runCompiled() {
  nnc::Executable executable;
  if (isCompiledLibrary(modelPath)) {
    if (failed(report(nnc::Executable::load(modelPath, executable))))
      return failure();
  } else {
    nnc::CompilerOptions options;
    options.gradFunction = grad;
    nnc::Compiler compiler(options);
    if (failed(report(compiler.compileFile(modelPath, executable))))
      return failure();
  }
  const nnc_entry_desc_t *desc = nullptr;
  if (failed(report(executable.findEntry(entry, desc))))
    return failure();
  if (inputs.size() != desc->num_args ||
      (!outputs.empty() && outputs.size() != desc->num_results)) {
    llvm::errs() << "nnc-run: error: '" << entry << "' takes " << desc->num_args
                 << " arguments and returns " << desc->num_results
                 << " results, but " << inputs.size() << " --input and "
                 << outputs.size() << " --output files were given\n";
    return failure();
  }
  std::vector<nnc::Tensor> args(inputs.size()), results;
  for (size_t i = 0; i < inputs.size(); ++i) {
    nnc::NpyArray array;
    if (failed(report(nnc::readNpy(inputs[i], array))) ||
        failed(report(nnc::Tensor::fromNpy(array, args[i]))))
      return failure();
  }
  auto start = std::chrono::steady_clock::now();
  if (failed(report(executable.call(entry, args, results))))
    return failure();
  std::chrono::duration<double, std::milli> elapsed =
      std::chrono::steady_clock::now() - start;
  if (verbose)
    llvm::errs() << "nnc-run: '" << entry << "' ran in "
                 << llvm::format("%.3f", elapsed.count()) << " ms; arena "
                 << desc->arena_bytes << " bytes + "
                 << desc->arena_bytes_per_batch << " bytes per batch element ("
                 << executable.arenaCapacity(entry) << " bytes allocated)\n";
  std::vector<nnc::NpyArray> arrays;
  for (const nnc::Tensor &result : results)
    arrays.push_back(result.toNpy());
  return emitResults(arrays);
}

/// Checks the --input/--output counts against the function's signature
/// before anything runs, so a mistake costs nothing.
static LogicalResult checkArity(func::FuncOp func) {
  FunctionType type = func.getFunctionType();
  if (inputs.size() != type.getNumInputs())
    return func.emitError()
           << "@" << func.getSymName() << " takes " << type.getNumInputs()
           << " arguments but " << inputs.size() << " --input files were given";
  if (!outputs.empty() && outputs.size() != type.getNumResults())
    return func.emitError()
           << "@" << func.getSymName() << " returns " << type.getNumResults()
           << " results but " << outputs.size() << " --output files were given";
  return success();
}

/// --target=interp: the reference interpreter.
static LogicalResult runInterpreted() {
  DialectRegistry registry;
  nnc::registerAllDialects(registry);
  MLIRContext context(registry);
  // Errors name the function or op; printing it whole adds only noise.
  context.printOpOnDiagnostic(false);
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);
  OwningOpRef<ModuleOp> module = nnc::loadModule(modelPath, context, sourceMgr);
  if (!module ||
      (!grad.empty() && failed(nnc::addGradientFunction(*module, grad))))
    return failure();
  func::FuncOp func = nnc::lookupFunction(*module, entry);
  std::vector<nnc::interp::RefTensor> args;
  if (!func || failed(checkArity(func)) || failed(readInputs(args)))
    return failure();
  FailureOr<std::vector<nnc::interp::RefTensor>> results =
      nnc::interp::Interpreter(*module).run(entry, args);
  if (failed(results))
    return failure();
  std::vector<nnc::NpyArray> arrays;
  for (const nnc::interp::RefTensor &result : *results)
    arrays.push_back(nnc::interp::toNpy(result));
  return emitResults(arrays);
}

/// Every --output goes to an existing directory: checked before anything
/// runs, so a mistake costs nothing.
static LogicalResult checkOutputDirectories() {
  for (const std::string &path : outputs) {
    llvm::StringRef directory = llvm::sys::path::parent_path(path);
    if (!directory.empty() && !llvm::sys::fs::is_directory(directory)) {
      llvm::errs() << "nnc-run: error: cannot write '" << path
                   << "': no directory '" << directory << "'\n";
      return failure();
    }
  }
  return success();
}

static LogicalResult run() {
  if (!train.empty() || !optimizer.empty()) {
    llvm::errs() << "nnc-run: error: --train and --optimizer are not "
                    "available in this build yet\n";
    return failure();
  }
  if (!grad.empty()) {
    if (isCompiledLibrary(modelPath)) {
      llvm::errs() << "nnc-run: error: --grad needs a .mlir model; compile "
                      "the library with `nnc --grad` instead\n";
      return failure();
    }
    entry = nnc::gradientFunctionName(grad);
  }
  if (failed(checkOutputDirectories()))
    return failure();
  if (target == "cpu")
    return runCompiled();
  if (target == "interp") {
    if (isCompiledLibrary(modelPath)) {
      llvm::errs() << "nnc-run: error: the interpreter runs .mlir models, not "
                      "compiled libraries\n";
      return failure();
    }
    return runInterpreted();
  }
  if (target == "cuda")
    llvm::errs() << "nnc-run: error: the cuda target is not available in this "
                    "build yet\n";
  else
    llvm::errs() << "nnc-run: error: unknown target '" << target
                 << "' (expected cpu, cuda or interp)\n";
  return failure();
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(argc, argv, "nnc model runner\n");
  return succeeded(run()) ? 0 : 1;
}
