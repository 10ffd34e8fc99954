//===- Init.cpp - Initializing parameters from a seed ---------------------===//

#include "nnc/Init.h"
#include "nnc/Random.h"
#include "nnc/Signature.h"

#include <cmath>
#include <cstring>
#include <string>

using namespace nnc;

namespace {
/// Constant: every element is `a`. Uniform: [a, b). Normal: mean a, std b.
struct Distribution {
  enum Kind { Constant, Uniform, Normal } kind;
  double a;
  double b;
};

// torch.nn.init's formulas (see Init.h), one function per initializer.
Distribution zeros(const Fans &) { return {Distribution::Constant, 0, 0}; }
Distribution ones(const Fans &) { return {Distribution::Constant, 1, 0}; }
Distribution normal(const Fans &) { return {Distribution::Normal, 0, 1}; }
Distribution uniform(const Fans &) { return {Distribution::Uniform, 0, 1}; }

Distribution xavierUniform(const Fans &fans) {
  double a = std::sqrt(6.0 / (fans.in + fans.out));
  return {Distribution::Uniform, -a, a};
}

Distribution xavierNormal(const Fans &fans) {
  return {Distribution::Normal, 0, std::sqrt(2.0 / (fans.in + fans.out))};
}

Distribution heUniform(const Fans &fans) {
  double bound = std::sqrt(6.0 / fans.in);
  return {Distribution::Uniform, -bound, bound};
}

Distribution heNormal(const Fans &fans) {
  return {Distribution::Normal, 0, std::sqrt(2.0 / fans.in)};
}

struct InitRule {
  const char *name;
  Distribution (*distribution)(const Fans &fans);
};

const InitRule kInitRules[] = {
    {"zeros", zeros},
    {"ones", ones},
    {"normal", normal},
    {"uniform", uniform},
    {"xavier_uniform", xavierUniform},
    {"xavier_normal", xavierNormal},
    {"he_uniform", heUniform},
    {"he_normal", heNormal},
};

const InitRule *findRule(const std::string &name) {
  for (const InitRule &rule : kInitRules)
    if (name == rule.name)
      return &rule;
  return nullptr;
}

std::string knownInitializers() {
  std::string names;
  for (const InitRule &rule : kInitRules)
    names += (names.empty() ? "" : ", ") + std::string(rule.name);
  return names;
}

/// Writes `value` to every element, converted to the tensor's dtype.
void fillConstant(Tensor &tensor, double value) {
  int64_t count = tensor.numElements();
  auto fill = [&](auto typed) {
    using T = decltype(typed);
    T *data = tensor.data<T>();
    for (int64_t i = 0; i < count; ++i)
      data[i] = T(value);
  };
  switch (tensor.dtype()) {
  case DType::F32:
    return fill(float());
  case DType::F64:
    return fill(double());
  case DType::I64:
    return fill(int64_t());
  case DType::I32:
    return fill(int32_t());
  case DType::Bool:
    return fill(bool());
  }
}

/// Fills `data` from `random`; `bits` is the mantissa precision of T, so
/// that uniform values stay below their upper bound after rounding to T.
template <typename T>
void fillRandom(T *data, int64_t count, const Distribution &dist,
                Random &random, int bits) {
  if (dist.kind == Distribution::Uniform) {
    for (int64_t i = 0; i < count; ++i)
      data[i] = T(dist.a + (dist.b - dist.a) * random.uniform(bits));
    return;
  }
  // Box-Muller: two independent N(0, 1) values per pair of uniforms; 1 - u
  // lies in (0, 1], so the logarithm is finite.
  const double twoPi = 6.283185307179586476925286766559;
  for (int64_t i = 0; i < count; i += 2) {
    double radius = std::sqrt(-2.0 * std::log(1.0 - random.uniform(53)));
    double angle = twoPi * random.uniform(53);
    data[i] = T(dist.a + dist.b * radius * std::cos(angle));
    if (i + 1 < count)
      data[i + 1] = T(dist.a + dist.b * radius * std::sin(angle));
  }
}
} // namespace

Fans nnc::computeFans(const std::vector<int64_t> &shape) {
  if (shape.empty())
    return {1, 1};
  if (shape.size() == 1)
    return {double(shape[0]), double(shape[0])};
  double receptiveField = 1;
  for (size_t d = 2; d < shape.size(); ++d)
    receptiveField *= double(shape[d]);
  return {double(shape[1]) * receptiveField, double(shape[0]) * receptiveField};
}

Status nnc::fillInitializer(const std::string &init, uint64_t seed,
                            Tensor &tensor) {
  const InitRule *rule = findRule(init);
  if (!rule)
    return Status::error("unknown initializer '" + init +
                         "' (expected one of " + knownInitializers() + ")");
  Distribution dist = rule->distribution(computeFans(tensor.shape()));
  bool isFloat = tensor.dtype() == DType::F32 || tensor.dtype() == DType::F64;
  if (dist.kind != Distribution::Constant && !isFloat)
    return Status::error("initializer '" + init +
                         "' needs an f32 or f64 tensor, got " +
                         dtypeName(tensor.dtype()));
  if (tensor.numElements() == 0)
    return Status::success();
  if (dist.kind == Distribution::Constant) {
    fillConstant(tensor, dist.a);
    return Status::success();
  }
  Random random(seed);
  if (tensor.dtype() == DType::F32)
    fillRandom(tensor.data<float>(), tensor.numElements(), dist, random, 24);
  else
    fillRandom(tensor.data<double>(), tensor.numElements(), dist, random, 53);
  return Status::success();
}

Status nnc::initialize(const nnc_tensor_desc_t &desc, uint64_t seed,
                       Tensor &out) {
  std::string name = desc.name ? desc.name : "?";
  DType dtype = DType::F32;
  if (!dtypeFromAbi(desc.dtype, dtype))
    return Status::error("'" + name + "': unknown dtype code " +
                         std::to_string(desc.dtype));
  for (uint32_t d = 0; d < desc.rank; ++d)
    if (desc.shape[d] < 0)
      return Status::error("'" + name + "': cannot initialize " +
                           describeSignature(desc) +
                           ", which has a dynamic size");
  Tensor tensor;
  Status status = Tensor::create(dtype, concreteShape(desc, 0), tensor);
  if (status.ok())
    status = fillInitializer(desc.init ? desc.init : "zeros", seed, tensor);
  if (!status.ok())
    return Status::error("'" + name + "': " + status.message());
  out = std::move(tensor);
  return Status::success();
}

uint64_t nnc::deriveSeed(uint64_t seed, uint64_t index) {
  // Mixing the index first keeps (seed, i) and (seed + 1, i - 1) apart.
  return mix64(seed ^ mix64(index + 0x9e3779b97f4a7c15ull));
}

Status nnc::initializeParameters(const nnc_entry_desc_t &entry, uint64_t seed,
                                 std::vector<Tensor> &args) {
  args.resize(entry.num_args);
  for (uint32_t i = 0; i < entry.num_args; ++i) {
    const nnc_tensor_desc_t &desc = entry.args[i];
    if (desc.role != NNC_ROLE_PARAM && desc.role != NNC_ROLE_STATE)
      continue;
    if (Status status = initialize(desc, deriveSeed(seed, i), args[i]);
        !status.ok())
      return Status::error(std::string(entry.name) + ": argument #" +
                           std::to_string(i) + " " + status.message());
  }
  return Status::success();
}
