//===- E2ETestUtil.h - compile, run, compare with the interpreter -*- C++
//-*-===//
//
// The end-to-end tests compile a model with the CPU backend, run it on
// seeded random arguments and compare every result with the reference
// interpreter, which computes in double precision. A test states its module
// as MLIR text and, where the defaults do not fit, how each argument is
// drawn; the signature (dtypes, shapes, the dynamic batch) comes from the
// compiled entry's descriptor.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_TEST_UNIT_E2E_E2ETESTUTIL_H
#define NNC_TEST_UNIT_E2E_E2ETESTUTIL_H

#include "compiler/driver/Compiler.h"
#include "compiler/interpreter/RefTensor.h"

#include <nnc/Executable.h>
#include <nnc/Tensor.h>

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include "../runtime/NpyTestUtil.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace nnc::e2e {

/// The compiler shared by every test of the binary: creating its MLIR
/// context (every dialect loaded) costs more than compiling a tiny module.
Compiler &sharedCompiler();

/// How the elements of one argument are drawn.
struct Fill {
  enum class Kind { Uniform, Integers, Constant };
  Kind kind = Kind::Uniform;
  double low = -1.0;
  double high = 1.0; // exclusive for Uniform and Integers

  /// Uniform in [low, high) (floats).
  static Fill uniform(double low, double high) {
    return {Kind::Uniform, low, high};
  }
  /// Uniform in [0.5, 2): for log, sqrt, rsqrt and pow bases.
  static Fill positive() { return uniform(0.5, 2.0); }
  /// Uniform in [0.05, 0.95): probabilities, away from the clamp of log.
  static Fill probabilities() { return uniform(0.05, 0.95); }
  /// Integers in [0, classes): class labels.
  static Fill labels(int64_t classes) {
    return {Kind::Integers, 0.0, double(classes)};
  }
  /// Every element `value` (e.g. a dropout seed).
  static Fill constant(double value) { return {Kind::Constant, value, value}; }
};

/// |actual - expected| <= atol + rtol * |expected|, for every element.
struct Tolerance {
  double rtol = 1e-5;
  double atol = 1e-5;
};

/// A model compiled for the CPU beside an unlowered copy for the interpreter.
struct CompiledModel {
  Executable executable;
  mlir::OwningOpRef<mlir::ModuleOp> reference;
};

/// Parses and JIT-compiles `source`; fails the test (fatally) on error.
void compileSource(const std::string &source, CompiledModel &out);

/// The model compiled from `source`, compiled on first use and kept for
/// the rest of the run, so tests over one module share one compilation.
/// Fails the test (fatally) and returns null on error.
CompiledModel *cachedModel(const std::string &source);

/// Parses a module (for the interpreter); fails the test on error.
void parseFile(const std::string &path, mlir::OwningOpRef<mlir::ModuleOp> &out);
void parseSource(const std::string &source,
                 mlir::OwningOpRef<mlir::ModuleOp> &out);

/// Parses the file at `path` for the interpreter and JIT-compiles it.
void compileFileJit(const std::string &path, CompiledModel &out);

/// Seeded random arguments for `entry`: dynamic sizes become `batch`;
/// `fills[i]` says how argument i is drawn (missing ones: uniform in
/// [-1, 1) for floats, 0 for integers).
std::vector<Tensor> randomArgs(const Executable &executable,
                               const std::string &entry, int64_t batch,
                               const std::vector<Fill> &fills, uint64_t seed);

/// Fills the input positions of `args` (parameters and state stay as they
/// are) as `fills` says, with dynamic sizes `batch`.
void fillInputs(const Executable &executable, const std::string &entry,
                int64_t batch, const std::vector<Fill> &fills, uint64_t seed,
                std::vector<Tensor> &args);

/// Conversions between runtime tensors and interpreter tensors.
interp::RefTensor toRef(const Tensor &tensor);
std::vector<interp::RefTensor> toRef(const std::vector<Tensor> &tensors);

/// Runs `entry` in the interpreter; fails the test and returns {} on error.
std::vector<interp::RefTensor> interpret(const CompiledModel &model,
                                         const std::string &entry,
                                         const std::vector<Tensor> &args);

/// Runs `entry` compiled; fails the test and returns {} on error.
std::vector<Tensor> runCompiled(Executable &executable,
                                const std::string &entry,
                                const std::vector<Tensor> &args);

/// Compares dtype, shape and every element; a failure names `what` and the
/// first few differing elements.
void expectNear(const Tensor &actual, const interp::RefTensor &expected,
                Tolerance tolerance, const std::string &what);

/// Runs `entry` compiled and interpreted on the same `args` and compares
/// every result. Interpreting first keeps the arguments pristine for
/// entries that update them.
void expectMatchesInterpreter(CompiledModel &model, const std::string &entry,
                              const std::vector<Tensor> &args,
                              Tolerance tolerance = {});

/// The batch sizes every dynamic-batch test runs on one executable; 3 comes
/// after 17 so that a small call also runs in an arena grown for a larger.
inline const std::vector<int64_t> kBatchSizes = {1, 17, 3};

/// The usual per-op test: compiles `source`, then, for each size of
/// `batches` (once if the entry has no dynamic size), compares @f on random
/// arguments drawn as `fills` says.
void checkOp(const std::string &source, const std::vector<Fill> &fills = {},
             Tolerance tolerance = {},
             const std::vector<int64_t> &batches = kBatchSizes);

/// checkOp on a compiled model and a named entry.
void checkEntry(CompiledModel &model, const std::string &entry,
                const std::vector<Fill> &fills = {}, Tolerance tolerance = {},
                const std::vector<int64_t> &batches = kBatchSizes);

/// A fresh directory removed with its contents when the object dies: the
/// one the runtime tests use.
using nnc::test::TempDir;

/// Runs the nnc tool (`nnc MODEL -o SO`); fails the test with its stderr on
/// error.
void compileWithTool(const std::string &model, const std::string &soPath);

/// Whether any argument of `entry` has a dynamic size.
bool hasDynamicBatch(const Executable &executable, const std::string &entry);

} // namespace nnc::e2e

#endif // NNC_TEST_UNIT_E2E_E2ETESTUTIL_H
