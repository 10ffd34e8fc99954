//===- KernelRegistry.cpp - the table of reference kernels ----------------===//

#include "compiler/interpreter/KernelRegistry.h"

using namespace nnc::interp;

const KernelRegistry &KernelRegistry::get() {
  // Built once on first use; C++ guarantees the initialization is
  // thread-safe, and the table is read-only afterwards.
  static const KernelRegistry registry = [] {
    KernelRegistry table;
    registerElementwiseKernels(table);
    registerLayerKernels(table);
    registerConvKernels(table);
    registerNormKernels(table);
    registerSoftmaxKernels(table);
    registerShapeKernels(table);
    return table;
  }();
  return registry;
}

const Kernel *KernelRegistry::lookup(mlir::Operation *op) const {
  // Unregistered ops have no TypeID of their own: they never have a kernel.
  std::optional<mlir::RegisteredOperationName> name = op->getRegisteredInfo();
  if (!name)
    return nullptr;
  auto it = kernels.find(name->getTypeID());
  return it == kernels.end() ? nullptr : &it->second;
}
