//===- CheckGrad.cpp - nnc check-grad: symbolic vs numerical gradients ----===//
//
//   nnc check-grad MODEL.mlir --function=F [--seed=S] [--batch=B]
//       [--tolerance=T]
//
// Builds @F_grad with nn-autodiff and evaluates it in the reference
// interpreter on seeded random inputs. Then, in double precision, every
// element of every param (a random sample of 64 for bigger params) is moved
// by ±h and @F re-evaluated: (F(x + h) − F(x − h)) / 2h is the numerical
// derivative. An element fails when both its absolute and its relative
// error exceed the tolerance; any failure gives a non-zero exit.
//
// Inputs are drawn to suit their use: labels lie in [0, classes) of the
// cross-entropy they feed, operands of log/sqrt/rsqrt/pow and batch-norm
// variances are positive, binary_cross_entropy probabilities lie inside
// (0, 1) and its targets in [0, 1]. Weights of rank >= 2 are scaled by
// 1/sqrt(fan-in) so activations stay in the range where central differences
// are accurate.
//
//===----------------------------------------------------------------------===//

#include "tools/nnc/CheckGrad.h"

#include "compiler/InitAll.h"
#include "compiler/autodiff/Autodiff.h"
#include "compiler/driver/LoadModule.h"
#include "compiler/interpreter/Interpreter.h"
#include "compiler/interpreter/kernels/KernelUtils.h"
#include "dialects/nn/IR/NNOps.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <numeric>
#include <random>

using namespace mlir;
using namespace nnc::interp;

namespace {

struct CheckGradOptions {
  std::string model, function;
  uint64_t seed = 0;
  int64_t batch = 2;
  double tolerance = 1e-6;
};

/// Central-difference step: small enough that the truncation error (h²)
/// stays far below the tolerance, large enough to leave digits in double.
constexpr double kStep = 1e-6;
/// Params with more elements are checked on a random sample of this many.
constexpr int64_t kMaxElements = 64;

constexpr const char *kUsage =
    "usage: nnc check-grad MODEL.mlir --function=F [--seed=S] [--batch=B] "
    "[--tolerance=T]\n";

int usageError(const std::string &message) {
  llvm::errs() << "nnc: error: check-grad: " << message << "\n" << kUsage;
  return 1;
}

/// Parses `--name=value` flags and the model path; fills `error` when one is
/// bad.
bool parseOptions(int argc, char **argv, CheckGradOptions &options,
                  std::string &error) {
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef arg = argv[i];
    auto [flag, value] = arg.split('=');
    flag = flag.ltrim('-');
    bool ok = true;
    if (!arg.starts_with("-")) {
      ok = options.model.empty();
      options.model = arg.str();
    } else if (flag == "function") {
      options.function = value.str();
    } else if (flag == "seed") {
      ok = !value.getAsInteger(10, options.seed);
    } else if (flag == "batch") {
      ok = !value.getAsInteger(10, options.batch) && options.batch > 0;
    } else if (flag == "tolerance") {
      ok = !value.getAsDouble(options.tolerance) && options.tolerance > 0;
    } else {
      error = "unknown option '" + arg.str() + "'";
      return false;
    }
    if (!ok) {
      error = "bad argument '" + arg.str() + "'";
      return false;
    }
  }
  if (options.model.empty() || options.function.empty())
    error = options.model.empty() ? "no model given" : "no --function given";
  return error.empty();
}

//===----------------------------------------------------------------------===//
// Random inputs
//===----------------------------------------------------------------------===//

enum class Role { Any, Positive, Probability, Target, Labels };

/// How `arg` is used: the first use that restricts its values wins.
Role roleOf(BlockArgument arg, int64_t &classes) {
  for (OpOperand &use : arg.getUses()) {
    Operation *user = use.getOwner();
    unsigned index = use.getOperandNumber();
    if (isa<nn::LogOp, nn::SqrtOp, nn::RsqrtOp>(user) ||
        (isa<nn::PowOp>(user) && index == 0) ||
        (isa<nn::BatchNormOp>(user) && index == 4))
      return Role::Positive;
    if (isa<nn::BinaryCrossEntropyOp>(user))
      return index == 0 ? Role::Probability : Role::Target;
    if (auto loss = dyn_cast<nn::SoftmaxCrossEntropyOp>(user);
        loss && index == 1) {
      classes = loss.getLogits().getType().getDimSize(1);
      return Role::Labels;
    }
  }
  return Role::Any;
}

class InputGenerator {
public:
  explicit InputGenerator(const CheckGradOptions &options) : options(options) {
    rng.seed(options.seed);
  }

  std::vector<RefTensor> generate(func::FuncOp function);
  std::mt19937_64 &random() { return rng; }

private:
  RefTensor generate(BlockArgument arg, bool isParam);
  double uniform(double low, double high) {
    return std::uniform_real_distribution<double>(low, high)(rng);
  }

  const CheckGradOptions &options;
  std::mt19937_64 rng;
};

RefTensor InputGenerator::generate(BlockArgument arg, bool isParam) {
  auto type = cast<RankedTensorType>(arg.getType());
  Shape shape(type.getShape());
  for (int64_t &size : shape)
    size = ShapedType::isDynamic(size) ? options.batch : size;
  RefTensor tensor = RefTensor::zeros(*dtypeOf(type.getElementType()), shape);
  int64_t classes = 2;
  Role role = roleOf(arg, classes);
  if (!tensor.isFloat()) {
    int64_t range = role == Role::Labels ? std::max<int64_t>(classes, 1) : 2;
    for (int64_t &value : tensor.ints)
      value = std::uniform_int_distribution<int64_t>(0, range - 1)(rng);
    return tensor;
  }
  double scale = 1.0;
  if (isParam && tensor.rank() >= 2)
    scale = 1.0 / std::sqrt(double(tensor.size() /
                                   std::max<int64_t>(tensor.shape[0], 1)));
  for (double &value : tensor.floats) {
    switch (role) {
    case Role::Positive:
      value = uniform(0.5, 2.0);
      break;
    case Role::Probability:
      value = uniform(0.05, 0.95);
      break;
    case Role::Target:
      value = uniform(0.0, 1.0);
      break;
    default:
      value = scale * uniform(-1.0, 1.0);
    }
  }
  return tensor;
}

std::vector<RefTensor> InputGenerator::generate(func::FuncOp function) {
  std::vector<RefTensor> args;
  for (BlockArgument arg : function.getArguments())
    args.push_back(generate(arg, bool(function.getArgAttr(
                                     arg.getArgNumber(), nn::kParamAttrName))));
  return args;
}

//===----------------------------------------------------------------------===//
// The check
//===----------------------------------------------------------------------===//

/// Errors of one param's gradient, over the checked elements.
struct ParamReport {
  int64_t checked = 0, failed = 0, worst = -1;
  double maxAbs = 0, maxRel = 0;
  double worstScore = 0, symbolic = 0, numerical = 0;
};

class GradientCheck {
public:
  GradientCheck(ModuleOp module, const CheckGradOptions &options)
      : module(module), options(options), inputs(options) {}

  LogicalResult run();

private:
  FailureOr<double> loss(const std::vector<RefTensor> &args);
  FailureOr<ParamReport> checkParam(std::vector<RefTensor> &args,
                                    unsigned argIndex,
                                    const RefTensor &symbolic);
  std::vector<int64_t> sample(int64_t size);
  void print(unsigned paramIndex, BlockArgument arg, const ParamReport &report);

  ModuleOp module;
  const CheckGradOptions &options;
  InputGenerator inputs;
};

FailureOr<double> GradientCheck::loss(const std::vector<RefTensor> &args) {
  FailureOr<std::vector<RefTensor>> results =
      Interpreter(module).run(options.function, args);
  if (failed(results))
    return failure();
  return results->front().floats.front();
}

std::vector<int64_t> GradientCheck::sample(int64_t size) {
  std::vector<int64_t> elements(size);
  std::iota(elements.begin(), elements.end(), 0);
  if (size <= kMaxElements)
    return elements;
  for (int64_t i = 0; i < kMaxElements; ++i) {
    std::uniform_int_distribution<int64_t> pick(i, size - 1);
    std::swap(elements[i], elements[pick(inputs.random())]);
  }
  elements.resize(kMaxElements);
  std::sort(elements.begin(), elements.end());
  return elements;
}

FailureOr<ParamReport> GradientCheck::checkParam(std::vector<RefTensor> &args,
                                                 unsigned argIndex,
                                                 const RefTensor &symbolic) {
  ParamReport report;
  std::vector<double> &values = args[argIndex].floats;
  for (int64_t element : sample(symbolic.size())) {
    double saved = values[element];
    values[element] = saved + kStep;
    FailureOr<double> plus = loss(args);
    values[element] = saved - kStep;
    FailureOr<double> minus = loss(args);
    values[element] = saved;
    if (failed(plus) || failed(minus))
      return failure();
    double numerical = (*plus - *minus) / (2 * kStep);
    double analytic = symbolic.floats[element];
    double abs = std::fabs(analytic - numerical);
    double rel =
        abs / std::max({std::fabs(analytic), std::fabs(numerical), 1e-300});
    // An element fails when both errors exceed the tolerance (NaN fails).
    double score = std::min(abs, rel);
    score = std::isnan(score) ? INFINITY : score;
    ++report.checked;
    report.failed += score > options.tolerance;
    if (report.worst < 0 || score > report.worstScore)
      std::tie(report.worst, report.worstScore, report.symbolic,
               report.numerical) =
          std::make_tuple(element, score, analytic, numerical);
    report.maxAbs = std::max(report.maxAbs, std::isnan(abs) ? INFINITY : abs);
    report.maxRel = std::max(report.maxRel, std::isnan(rel) ? INFINITY : rel);
  }
  return report;
}

void GradientCheck::print(unsigned paramIndex, BlockArgument arg,
                          const ParamReport &report) {
  llvm::outs() << "  param #" << paramIndex << " (argument #"
               << arg.getArgNumber() << ", " << arg.getType()
               << "): " << report.checked << " elements, max abs error "
               << llvm::format("%.3g", report.maxAbs) << ", max rel error "
               << llvm::format("%.3g", report.maxRel)
               << (report.failed ? "  FAILED" : "") << "\n";
  if (report.failed)
    llvm::outs() << "    " << report.failed << " elements exceed the "
                 << "tolerance; element " << report.worst << ": symbolic "
                 << llvm::format("%.12g", report.symbolic) << ", numerical "
                 << llvm::format("%.12g", report.numerical) << "\n";
}

LogicalResult GradientCheck::run() {
  std::string gradName = nnc::gradientFunctionName(options.function);
  auto grad = module.lookupSymbol<func::FuncOp>(gradName);
  std::vector<RefTensor> args = inputs.generate(grad);
  FailureOr<std::vector<RefTensor>> symbolic =
      Interpreter(module).run(gradName, args);
  if (failed(symbolic))
    return failure();
  llvm::outs() << "check-grad @" << options.function << ": loss "
               << llvm::format("%.9g", symbolic->front().floats.front())
               << " (seed " << options.seed << ", batch " << options.batch
               << ", h " << llvm::format("%g", kStep) << ", tolerance "
               << llvm::format("%g", options.tolerance) << ")\n";
  unsigned paramIndex = 0, failures = 0;
  for (BlockArgument arg : grad.getArguments()) {
    if (!grad.getArgAttr(arg.getArgNumber(), nn::kParamAttrName))
      continue;
    FailureOr<ParamReport> report =
        checkParam(args, arg.getArgNumber(), (*symbolic)[paramIndex + 1]);
    if (failed(report))
      return failure();
    print(paramIndex++, arg, *report);
    failures += report->failed > 0;
  }
  if (failures) {
    llvm::errs() << "nnc: error: check-grad @" << options.function << ": "
                 << failures << " of " << paramIndex
                 << " params have gradients beyond the tolerance "
                 << llvm::format("%g", options.tolerance) << "\n";
    return failure();
  }
  llvm::outs() << "check-grad @" << options.function << ": ok, " << paramIndex
               << " params within tolerance\n";
  return success();
}

} // namespace

int nnc::runCheckGrad(int argc, char **argv) {
  CheckGradOptions options;
  std::string error;
  if (argc > 1 && (llvm::StringRef(argv[1]) == "--help" ||
                   llvm::StringRef(argv[1]) == "-h")) {
    llvm::outs() << kUsage;
    return 0;
  }
  if (!parseOptions(argc, argv, options, error))
    return usageError(error);
  DialectRegistry registry;
  registerAllDialects(registry);
  MLIRContext context(registry);
  context.printOpOnDiagnostic(false);
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);
  OwningOpRef<ModuleOp> module = loadModule(options.model, context, sourceMgr);
  if (!module || failed(addGradientFunction(*module, options.function)))
    return 1;
  return succeeded(GradientCheck(*module, options).run()) ? 0 : 1;
}
