//===- KernelGraph.cpp - the fusion groups of a model as a DOT graph ------===//

#include "compiler/driver/KernelGraph.h"

#include "compiler/backends/cpu/CpuPipeline.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace {

/// Names every nn op "nn.<op>#<n>" through its location, which lowering
/// and fusion carry to the ops that implement it.
void nameNNOps(ModuleOp module) {
  unsigned counter = 0;
  module.walk([&](Operation *op) {
    if (op->getDialect() && op->getDialect()->getNamespace() == "nn")
      op->setLoc(NameLoc::get(
          StringAttr::get(op->getContext(),
                          op->getName().getStringRef() + "#" +
                              std::to_string(counter++)),
          op->getLoc()));
  });
}

void collectNames(Location loc, llvm::SetVector<StringRef> &names) {
  loc->walk([&](Location inner) {
    if (auto name = dyn_cast<NameLoc>(inner))
      names.insert(name.getName().getValue());
    return WalkResult::advance();
  });
}

/// A kernel is a top-level op that computes: a tiled loop or an untiled
/// linalg op. Everything else (empties, dims, reshapes) only relays data.
bool isKernel(Operation *op) {
  return isa<scf::ForallOp, linalg::LinalgOp, tensor::PadOp>(op);
}

std::string quote(StringRef text) {
  std::string result = "\"";
  for (char c : text)
    result += c == '"' ? std::string("\\\"") : std::string(1, c);
  return result + "\"";
}

/// The kernels whose results reach `op`, through relaying ops. A tiled
/// kernel reads most inputs inside its body, so nested operands count.
void producers(Operation *op, Block &body,
               llvm::SetVector<Operation *> &found) {
  llvm::SetVector<Value> inputs(op->getOperands().begin(),
                                op->getOperands().end());
  op->walk([&](Operation *inner) {
    for (Value operand : inner->getOperands())
      inputs.insert(operand);
  });
  for (Value operand : inputs) {
    Operation *def = operand.getDefiningOp();
    if (!def || def->getBlock() != &body)
      continue;
    if (isKernel(def))
      found.insert(def);
    else
      producers(def, body, found);
  }
}

void drawFunction(func::FuncOp func, llvm::raw_ostream &os) {
  Block &body = func.getBody().front();
  llvm::MapVector<Operation *, unsigned> kernels;
  for (Operation &op : body)
    if (isKernel(&op))
      kernels.insert({&op, kernels.size()});
  std::string prefix = func.getSymName().str();
  os << "  subgraph " << quote("cluster_" + prefix) << " {\n";
  os << "    label=" << quote(prefix + ": " + std::to_string(kernels.size()) +
                              " kernels")
     << ";\n";
  for (auto [op, index] : kernels) {
    llvm::SetVector<StringRef> names;
    op->walk([&](Operation *inner) { collectNames(inner->getLoc(), names); });
    std::string label = "kernel " + std::to_string(index) + "\\n";
    for (StringRef name : names)
      label += name.split('#').first.str() + " ";
    os << "    " << quote(prefix + "_k" + std::to_string(index))
       << " [shape=box, label=" << quote(StringRef(label).rtrim().str())
       << "];\n";
  }
  for (auto [op, index] : kernels) {
    llvm::SetVector<Operation *> sources;
    producers(op, body, sources);
    for (Operation *source : sources)
      os << "    " << quote(prefix + "_k" + std::to_string(kernels[source]))
         << " -> " << quote(prefix + "_k" + std::to_string(index)) << ";\n";
  }
  os << "  }\n";
}

} // namespace

FailureOr<std::string> nnc::drawKernelGraph(ModuleOp module) {
  OwningOpRef<ModuleOp> copy = module.clone();
  nameNNOps(*copy);
  PassManager pm(module.getContext());
  buildKernelFormationPipeline(pm);
  if (failed(pm.run(*copy)))
    return failure();
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "digraph kernels {\n  node [fontname=\"monospace\"];\n";
  for (auto func : copy->getOps<func::FuncOp>())
    if (func.isPublic() && !func.isExternal())
      drawFunction(func, os);
  os << "}\n";
  return text;
}
