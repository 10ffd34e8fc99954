//===- nnc-run.cpp - run a model's function on .npy inputs ----------------===//
//
//   nnc-run MODEL.mlir|MODEL.so --entry=F [--target=cpu|cuda|interp]
//           [--input=x.npy]... [--output=y.npy]... [-v] [--grad=F]
//           [--train=F --optimizer=SPEC] [--updated-dir=DIR]
//
// With --grad=F the nn-autodiff pass adds @F_grad, which becomes the entry;
// with --train=F --optimizer=SPEC, @F_train_step does. Inputs bind to the
// entry's arguments in order, outputs to its results in order; without
// --output the results are printed. --updated-dir=DIR writes, after the
// call, every argument the entry may update in place (nn.param, nn.state
// and nn.opt_state arguments) as DIR/argN.npy. A failed run leaves no
// output file behind.
//
//===----------------------------------------------------------------------===//

#include "compiler/InitAll.h"
#include "compiler/autodiff/Autodiff.h"
#include "compiler/driver/Compiler.h"
#include "compiler/driver/LoadModule.h"
#include "compiler/interpreter/Interpreter.h"
#include "compiler/interpreter/NpyConversion.h"
#include "compiler/training/Training.h"
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
cl::opt<std::string>
    train("train",
          cl::desc("add @F_train_step (one optimizer step on the loss F) "
                   "and run it; needs --optimizer"),
          cl::cat(category));
cl::opt<std::string>
    optimizer("optimizer",
              cl::desc("optimizer of --train: NAME[:key=value,...], NAME one "
                       "of sgd, momentum, adagrad, rmsprop, adam, adamw"),
              cl::cat(category));
cl::opt<std::string> updatedDir(
    "updated-dir",
    cl::desc("after the call, write every argument the entry may update in "
             "place (nn.param, nn.state, nn.opt_state) as DIR/argN.npy"),
    cl::value_desc("DIR"), cl::cat(category));
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

using NpyFiles = std::vector<std::pair<std::string, nnc::NpyArray>>;

/// Writes `files` in order. If one cannot be written, the ones written
/// before it are removed.
static LogicalResult writeFiles(const NpyFiles &files) {
  for (size_t i = 0; i < files.size(); ++i) {
    nnc::Status status = nnc::writeNpy(files[i].first, files[i].second);
    if (!status.ok()) {
      llvm::errs() << "nnc-run: error: " << status.message() << "\n";
      for (size_t j = 0; j < i; ++j)
        llvm::sys::fs::remove(files[j].first);
      return failure();
    }
  }
  return success();
}

/// Writes the results to --output files, or prints them, and the updated
/// arguments (`updated`: index and value) to --updated-dir.
static LogicalResult
emitResults(const std::vector<nnc::NpyArray> &results,
            const std::vector<std::pair<unsigned, nnc::NpyArray>> &updated) {
  NpyFiles files;
  for (size_t i = 0; i < results.size(); ++i) {
    if (outputs.empty())
      llvm::outs() << "result #" << i << ": "
                   << nnc::formatTensor(nnc::interp::fromNpy(results[i]))
                   << "\n";
    else
      files.emplace_back(outputs[i], results[i]);
  }
  if (!updatedDir.empty())
    for (const auto &[index, array] : updated) {
      llvm::SmallString<128> path(updatedDir);
      llvm::sys::path::append(path, "arg" + std::to_string(index) + ".npy");
      files.emplace_back(path.str().str(), array);
    }
  return writeFiles(files);
}

/// The roles of the arguments an entry may update in place.
static bool isUpdatable(nnc_role_t role) {
  return role == NNC_ROLE_PARAM || role == NNC_ROLE_STATE ||
         role == NNC_ROLE_OPT_STATE;
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
    options.trainFunction = train;
    options.optimizerSpec = optimizer;
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
  std::vector<std::pair<unsigned, nnc::NpyArray>> updated;
  for (unsigned i = 0; i < desc->num_args; ++i)
    if (isUpdatable(static_cast<nnc_role_t>(desc->args[i].role)))
      updated.emplace_back(i, args[i].toNpy());
  return emitResults(arrays, updated);
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
      (!grad.empty() && failed(nnc::addGradientFunction(*module, grad))) ||
      (!train.empty() &&
       failed(nnc::addTrainStepFunction(*module, train, optimizer))))
    return failure();
  func::FuncOp func = nnc::lookupFunction(*module, entry);
  std::vector<nnc::interp::RefTensor> args, argsAfter;
  if (!func || failed(checkArity(func)) || failed(readInputs(args)))
    return failure();
  FailureOr<std::vector<nnc::interp::RefTensor>> results =
      nnc::interp::Interpreter(*module).run(entry, args, &argsAfter);
  if (failed(results))
    return failure();
  std::vector<nnc::NpyArray> arrays;
  for (const nnc::interp::RefTensor &result : *results)
    arrays.push_back(nnc::interp::toNpy(result));
  std::vector<std::pair<unsigned, nnc::NpyArray>> updated;
  for (unsigned i = 0; i < func.getNumArguments(); ++i)
    if (isUpdatable(nnc::argumentRole(func, i)))
      updated.emplace_back(i, nnc::interp::toNpy(argsAfter[i]));
  return emitResults(arrays, updated);
}

/// Every --output goes to an existing directory, and so does
/// --updated-dir: checked before anything runs, so a mistake costs nothing.
static LogicalResult checkOutputDirectories() {
  for (const std::string &path : outputs) {
    llvm::StringRef directory = llvm::sys::path::parent_path(path);
    if (!directory.empty() && !llvm::sys::fs::is_directory(directory)) {
      llvm::errs() << "nnc-run: error: cannot write '" << path
                   << "': no directory '" << directory << "'\n";
      return failure();
    }
  }
  if (!updatedDir.empty() && !llvm::sys::fs::is_directory(updatedDir)) {
    llvm::errs() << "nnc-run: error: --updated-dir: no directory '"
                 << updatedDir << "'\n";
    return failure();
  }
  return success();
}

/// --grad and --train derive the entry from a .mlir model; --train needs
/// a valid --optimizer (checked before anything is parsed).
static LogicalResult chooseDerivedEntry() {
  if (!grad.empty() && !train.empty()) {
    llvm::errs() << "nnc-run: error: --grad and --train each choose the "
                    "entry; give one of them\n";
    return failure();
  }
  const char *flag = !grad.empty() ? "--grad" : "--train";
  if ((!grad.empty() || !train.empty()) && isCompiledLibrary(modelPath)) {
    llvm::errs() << "nnc-run: error: " << flag
                 << " needs a .mlir model; compile the library with `nnc "
                 << flag << "` instead\n";
    return failure();
  }
  if (train.empty() != optimizer.empty()) {
    llvm::errs() << "nnc-run: error: "
                 << (train.empty() ? "--optimizer needs --train=F"
                                   : "--train needs --optimizer=SPEC")
                 << "\n";
    return failure();
  }
  if (!train.empty()) {
    llvm::Expected<nnc::OptimizerSpec> spec =
        nnc::parseOptimizerSpec(optimizer);
    if (!spec) {
      llvm::errs() << "nnc-run: error: " << llvm::toString(spec.takeError())
                   << "\n";
      return failure();
    }
    entry = nnc::trainStepFunctionName(train);
  }
  if (!grad.empty())
    entry = nnc::gradientFunctionName(grad);
  return success();
}

static LogicalResult run() {
  if (failed(chooseDerivedEntry()) || failed(checkOutputDirectories()))
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
