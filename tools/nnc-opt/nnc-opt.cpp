//===- nnc-opt.cpp - mlir-opt with the nn dialect and nnc passes ----------===//

#include "compiler/InitAll.h"

#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  nnc::registerAllDialects(registry);
  nnc::registerAllPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "nnc optimizer driver\n", registry));
}
