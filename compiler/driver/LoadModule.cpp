//===- LoadModule.cpp - read, parse and verify a model file ---------------===//

#include "compiler/driver/LoadModule.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace mlir;

OwningOpRef<ModuleOp> nnc::loadModule(StringRef path, MLIRContext &context,
                                      llvm::SourceMgr &sourceMgr) {
  auto buffer = llvm::MemoryBuffer::getFileOrSTDIN(path, /*IsText=*/true);
  if (std::error_code error = buffer.getError()) {
    emitError(FileLineColLoc::get(&context, path, 0, 0))
        << "cannot open '" << path << "': " << error.message();
    return nullptr;
  }
  StringRef text = (*buffer)->getBuffer();
  bool empty = text.trim().empty();
  // A compiled model passed where the IR is expected would otherwise be
  // "parsed", printing binary bytes as the offending source line.
  bool library = text.starts_with("\x7f"
                                  "ELF");
  unsigned id = sourceMgr.AddNewSourceBuffer(std::move(*buffer), SMLoc());
  StringRef name = sourceMgr.getMemoryBuffer(id)->getBufferIdentifier();
  if (empty) {
    emitError(FileLineColLoc::get(&context, name, 1, 1))
        << "the model file is empty";
    return nullptr;
  }
  if (library) {
    emitError(FileLineColLoc::get(&context, name, 0, 0))
        << "this is a compiled library (ELF), not an MLIR model";
    return nullptr;
  }
  // Verification runs inside the parser.
  return parseSourceFile<ModuleOp>(sourceMgr, &context);
}

func::FuncOp nnc::lookupFunction(ModuleOp module, StringRef name) {
  if (auto func = module.lookupSymbol<func::FuncOp>(name))
    return func;
  std::string available;
  for (auto func : module.getOps<func::FuncOp>())
    available += (available.empty() ? "@" : ", @") + func.getSymName().str();
  InFlightDiagnostic diag = module.emitError()
                            << "no function named '@" << name << "'";
  if (available.empty())
    diag << " (the module defines no functions)";
  else
    diag << " (available: " << available << ")";
  return nullptr;
}
