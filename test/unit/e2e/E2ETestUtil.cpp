//===- E2ETestUtil.cpp - compile, run, compare with the interpreter -------===//

#include "E2ETestUtil.h"

#include "compiler/interpreter/Interpreter.h"
#include "compiler/interpreter/NpyConversion.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <random>
#include <sstream>

using namespace nnc;
using namespace nnc::e2e;

Compiler &nnc::e2e::sharedCompiler() {
  static Compiler *compiler = new Compiler();
  return *compiler;
}

namespace {
/// Collects the diagnostics of the shared context while it lives.
class DiagnosticCollector {
public:
  DiagnosticCollector()
      : handler(&sharedCompiler().context(), [this](mlir::Diagnostic &d) {
          llvm::raw_string_ostream(text) << d << "\n";
          return mlir::success();
        }) {}
  const std::string &str() const { return text; }

private:
  std::string text;
  mlir::ScopedDiagnosticHandler handler;
};
} // namespace

// These parse with MLIR's parser directly rather than through
// Compiler::parseString or parseFile, which reparse the first model given to
// the Compiler (see CompilerTest.SecondCompileStringCompilesItsOwnSource).

void nnc::e2e::parseFile(const std::string &path,
                         mlir::OwningOpRef<mlir::ModuleOp> &out) {
  DiagnosticCollector diagnostics;
  out =
      mlir::parseSourceFile<mlir::ModuleOp>(path, &sharedCompiler().context());
  EXPECT_TRUE(out) << diagnostics.str() << "in " << path;
}

void nnc::e2e::parseSource(const std::string &source,
                           mlir::OwningOpRef<mlir::ModuleOp> &out) {
  DiagnosticCollector diagnostics;
  out = mlir::parseSourceString<mlir::ModuleOp>(source,
                                                &sharedCompiler().context());
  EXPECT_TRUE(out) << diagnostics.str() << "in:\n" << source;
}

/// Keeps an unlowered copy of `module` for the interpreter and compiles it.
static void compileParsed(mlir::OwningOpRef<mlir::ModuleOp> &module,
                          CompiledModel &out) {
  out.reference = mlir::OwningOpRef<mlir::ModuleOp>(module->clone());
  Status status = sharedCompiler().compileModule(*module, out.executable);
  ASSERT_TRUE(status.ok()) << "compilation failed:\n" << status.message();
}

void nnc::e2e::compileSource(const std::string &source, CompiledModel &out) {
  mlir::OwningOpRef<mlir::ModuleOp> module;
  ASSERT_NO_FATAL_FAILURE(parseSource(source, module));
  if (module)
    compileParsed(module, out);
}

void nnc::e2e::compileFileJit(const std::string &path, CompiledModel &out) {
  mlir::OwningOpRef<mlir::ModuleOp> module;
  ASSERT_NO_FATAL_FAILURE(parseFile(path, module));
  if (module)
    compileParsed(module, out);
}

CompiledModel *nnc::e2e::cachedModel(const std::string &source) {
  static auto *cache = new std::map<std::string, CompiledModel>();
  auto found = cache->find(source);
  if (found == cache->end()) {
    found = cache->emplace(source, CompiledModel()).first;
    compileSource(source, found->second);
  } else if (found->second.executable.isNull()) {
    ADD_FAILURE() << "the module failed to compile in an earlier test";
  }
  return found->second.executable.isNull() ? nullptr : &found->second;
}

static const nnc_entry_desc_t &entryOf(const Executable &executable,
                                       const std::string &entry) {
  const nnc_entry_desc_t *desc = nullptr;
  Status status = executable.findEntry(entry, desc);
  EXPECT_TRUE(status.ok()) << status.message();
  static const nnc_entry_desc_t empty{};
  return desc ? *desc : empty;
}

bool nnc::e2e::hasDynamicBatch(const Executable &executable,
                               const std::string &entry) {
  const nnc_entry_desc_t &desc = entryOf(executable, entry);
  for (uint32_t i = 0; i < desc.num_args; ++i)
    for (uint32_t d = 0; d < desc.args[i].rank; ++d)
      if (desc.args[i].shape[d] < 0)
        return true;
  return false;
}

/// A uniform double in [0, 1) from 53 random bits: the same sequence on every
/// platform, unlike std::uniform_real_distribution.
static double unitDouble(std::mt19937_64 &rng) {
  return double(rng() >> 11) * 0x1.0p-53;
}

static Tensor makeTensor(const nnc_tensor_desc_t &desc, int64_t batch,
                         const Fill &fill, std::mt19937_64 &rng) {
  std::vector<int64_t> shape(desc.shape, desc.shape + desc.rank);
  for (int64_t &size : shape)
    if (size < 0)
      size = batch;
  Tensor tensor;
  Status status = Tensor::create(DType(desc.dtype), shape, tensor);
  EXPECT_TRUE(status.ok()) << status.message();
  for (int64_t i = 0, e = tensor.numElements(); i < e; ++i) {
    double value = fill.low;
    if (fill.kind == Fill::Kind::Uniform)
      value = fill.low + (fill.high - fill.low) * unitDouble(rng);
    else if (fill.kind == Fill::Kind::Integers)
      value = std::floor(fill.low + (fill.high - fill.low) * unitDouble(rng));
    nnc::test::storeElement(tensor, i, value);
  }
  return tensor;
}

static Fill defaultFill(const nnc_tensor_desc_t &desc) {
  bool isFloat = desc.dtype == NNC_DTYPE_F32 || desc.dtype == NNC_DTYPE_F64;
  return isFloat ? Fill() : Fill::constant(0);
}

void nnc::e2e::fillInputs(const Executable &executable,
                          const std::string &entry, int64_t batch,
                          const std::vector<Fill> &fills, uint64_t seed,
                          std::vector<Tensor> &args) {
  const nnc_entry_desc_t &desc = entryOf(executable, entry);
  args.resize(desc.num_args);
  std::mt19937_64 rng(seed);
  for (uint32_t i = 0; i < desc.num_args; ++i) {
    if (desc.args[i].role != NNC_ROLE_INPUT)
      continue;
    Fill fill = i < fills.size() ? fills[i] : defaultFill(desc.args[i]);
    args[i] = makeTensor(desc.args[i], batch, fill, rng);
  }
}

std::vector<Tensor> nnc::e2e::randomArgs(const Executable &executable,
                                         const std::string &entry,
                                         int64_t batch,
                                         const std::vector<Fill> &fills,
                                         uint64_t seed) {
  const nnc_entry_desc_t &desc = entryOf(executable, entry);
  std::vector<Tensor> args(desc.num_args);
  std::mt19937_64 rng(seed);
  for (uint32_t i = 0; i < desc.num_args; ++i) {
    Fill fill = i < fills.size() ? fills[i] : defaultFill(desc.args[i]);
    args[i] = makeTensor(desc.args[i], batch, fill, rng);
  }
  return args;
}

interp::RefTensor nnc::e2e::toRef(const Tensor &tensor) {
  return interp::fromNpy(tensor.toNpy());
}

std::vector<interp::RefTensor>
nnc::e2e::toRef(const std::vector<Tensor> &tensors) {
  std::vector<interp::RefTensor> refs;
  for (const Tensor &tensor : tensors)
    refs.push_back(toRef(tensor));
  return refs;
}

std::vector<interp::RefTensor>
nnc::e2e::interpret(const CompiledModel &model, const std::string &entry,
                    const std::vector<Tensor> &args) {
  DiagnosticCollector diagnostics;
  auto results = interp::Interpreter(*model.reference).run(entry, toRef(args));
  if (mlir::failed(results)) {
    ADD_FAILURE() << "the interpreter failed on @" << entry << ":\n"
                  << diagnostics.str();
    return {};
  }
  return std::move(*results);
}

std::vector<Tensor> nnc::e2e::runCompiled(Executable &executable,
                                          const std::string &entry,
                                          const std::vector<Tensor> &args) {
  std::vector<Tensor> results;
  Status status = executable.call(entry, args, results);
  if (!status.ok()) {
    ADD_FAILURE() << "the compiled @" << entry
                  << " failed: " << status.message();
    return {};
  }
  return results;
}

static std::string shapeText(const std::vector<int64_t> &shape) {
  return interp::shapeString(shape);
}

void nnc::e2e::expectNear(const Tensor &actual,
                          const interp::RefTensor &expected,
                          Tolerance tolerance, const std::string &what) {
  ASSERT_EQ(dtypeName(actual.dtype()), std::string(dtypeName(expected.dtype)))
      << what;
  ASSERT_EQ(shapeText(actual.shape()), shapeText(expected.shape)) << what;
  interp::RefTensor got = toRef(actual);
  std::ostringstream firsts;
  int64_t mismatches = 0;
  double worst = 0;
  for (int64_t i = 0, e = got.size(); i < e; ++i) {
    double a = got.isFloat() ? got.floats[i] : double(got.ints[i]);
    double b =
        expected.isFloat() ? expected.floats[i] : double(expected.ints[i]);
    double error = std::fabs(a - b);
    bool same = a == b || (std::isnan(a) && std::isnan(b));
    if (same || (got.isFloat() &&
                 error <= tolerance.atol + tolerance.rtol * std::fabs(b)))
      continue;
    worst = std::isnan(error) ? error : std::max(worst, error);
    if (mismatches++ < 5)
      firsts << "\n  element " << i << ": compiled " << a << ", interpreter "
             << b;
  }
  EXPECT_EQ(mismatches, 0) << what << ": " << mismatches << " of " << got.size()
                           << " elements differ (largest error " << worst
                           << ", rtol " << tolerance.rtol << ", atol "
                           << tolerance.atol << ")" << firsts.str();
}

void nnc::e2e::expectMatchesInterpreter(CompiledModel &model,
                                        const std::string &entry,
                                        const std::vector<Tensor> &args,
                                        Tolerance tolerance) {
  std::vector<interp::RefTensor> expected = interpret(model, entry, args);
  std::vector<Tensor> actual = runCompiled(model.executable, entry, args);
  if (expected.empty() || actual.empty())
    return;
  ASSERT_EQ(actual.size(), expected.size()) << "result count of @" << entry;
  int64_t batch = args.empty() || args[0].rank() == 0 ? 0 : args[0].shape()[0];
  for (size_t i = 0; i < actual.size(); ++i)
    expectNear(actual[i], expected[i], tolerance,
               "@" + entry + " result " + std::to_string(i) +
                   " (first argument's leading size " + std::to_string(batch) +
                   ")");
}

void nnc::e2e::checkEntry(CompiledModel &model, const std::string &entry,
                          const std::vector<Fill> &fills, Tolerance tolerance,
                          const std::vector<int64_t> &batches) {
  bool dynamic = hasDynamicBatch(model.executable, entry);
  for (int64_t batch : dynamic ? batches : std::vector<int64_t>{1}) {
    std::vector<Tensor> args =
        randomArgs(model.executable, entry, batch, fills, 1000 + batch);
    expectMatchesInterpreter(model, entry, args, tolerance);
  }
}

void nnc::e2e::checkOp(const std::string &source,
                       const std::vector<Fill> &fills, Tolerance tolerance,
                       const std::vector<int64_t> &batches) {
  CompiledModel model;
  ASSERT_NO_FATAL_FAILURE(compileSource(source, model));
  checkEntry(model, "f", fills, tolerance, batches);
}

void nnc::e2e::compileWithTool(const std::string &model,
                               const std::string &soPath) {
  std::string errors = soPath + ".stderr";
  std::optional<llvm::StringRef> redirects[] = {std::nullopt, std::nullopt,
                                                llvm::StringRef(errors)};
  llvm::StringRef args[] = {NNC_TOOL, model, "-o", soPath};
  std::string message;
  int rc = llvm::sys::ExecuteAndWait(NNC_TOOL, args, std::nullopt, redirects,
                                     /*SecondsToWait=*/0, /*MemoryLimit=*/0,
                                     &message);
  auto text = llvm::MemoryBuffer::getFile(errors);
  ASSERT_EQ(rc, 0) << NNC_TOOL << " " << model << " -o " << soPath
                   << " failed: " << message << "\n"
                   << (text ? (*text)->getBuffer().str() : "");
}
