//===- nnc-run.cpp - run a model's function on .npy inputs ----------------===//
//
//   nnc-run MODEL.mlir --entry=F [--target=cpu|cuda|interp]
//           [--input=x.npy]... [--output=y.npy]...
//
// Inputs bind to F's arguments in order, outputs to its results in order;
// without --output the results are printed.
//
//===----------------------------------------------------------------------===//

#include "compiler/InitAll.h"
#include "compiler/driver/LoadModule.h"
#include "compiler/interpreter/Interpreter.h"
#include "compiler/interpreter/NpyConversion.h"
#include "tools/nnc-run/PrintTensor.h"

#include <nnc/Npy.h>

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

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
} // namespace

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

/// Writes the results to --output files, or prints them.
static LogicalResult emitResults(
    const std::vector<nnc::interp::RefTensor> &results) {
  if (outputs.empty()) {
    for (size_t i = 0; i < results.size(); ++i)
      llvm::outs() << "result #" << i << ": "
                   << nnc::formatTensor(results[i]) << "\n";
    return success();
  }
  for (size_t i = 0; i < results.size(); ++i) {
    nnc::Status status = nnc::writeNpy(outputs[i], nnc::interp::toNpy(results[i]));
    if (!status.ok()) {
      llvm::errs() << "nnc-run: error: " << status.message() << "\n";
      return failure();
    }
  }
  return success();
}

/// Checks the --input/--output counts against the function's signature
/// before anything runs, so a mistake costs nothing.
static LogicalResult checkArity(func::FuncOp func) {
  FunctionType type = func.getFunctionType();
  if (inputs.size() != type.getNumInputs())
    return func.emitError() << "@" << func.getSymName() << " takes "
                            << type.getNumInputs() << " arguments but "
                            << inputs.size() << " --input files were given";
  if (!outputs.empty() && outputs.size() != type.getNumResults())
    return func.emitError() << "@" << func.getSymName() << " returns "
                            << type.getNumResults() << " results but "
                            << outputs.size() << " --output files were given";
  return success();
}

static LogicalResult run() {
  if (target == "cpu" || target == "cuda") {
    llvm::errs() << "nnc-run: error: --target=" << target
                 << " is not available in this build yet; use --target=interp\n";
    return failure();
  }
  if (target != "interp") {
    llvm::errs() << "nnc-run: error: unknown target '" << target
                 << "' (expected cpu, cuda or interp)\n";
    return failure();
  }
  DialectRegistry registry;
  nnc::registerAllDialects(registry);
  MLIRContext context(registry);
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);
  OwningOpRef<ModuleOp> module = nnc::loadModule(modelPath, context, sourceMgr);
  if (!module)
    return failure();
  func::FuncOp func = nnc::lookupFunction(*module, entry);
  std::vector<nnc::interp::RefTensor> args;
  if (!func || failed(checkArity(func)) || failed(readInputs(args)))
    return failure();
  FailureOr<std::vector<nnc::interp::RefTensor>> results =
      nnc::interp::Interpreter(*module).run(entry, args);
  if (failed(results))
    return failure();
  return emitResults(*results);
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(argc, argv, "nnc model runner\n");
  return succeeded(run()) ? 0 : 1;
}
