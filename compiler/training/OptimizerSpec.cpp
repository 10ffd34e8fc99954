//===- OptimizerSpec.cpp - NAME[:key=value,...] optimizer specs -----------===//

#include "compiler/training/OptimizerSpec.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

using namespace nnc;
using llvm::StringRef;

namespace {

llvm::Error specError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

/// What a key's value may be; checked as torch.optim's constructors do.
enum class Range { NonNegative, Beta, Flag };

struct KeyInfo {
  StringRef name;
  double OptimizerSpec::*field; // null for the flag `nesterov`
  Range range;
};

const KeyInfo kKeys[] = {
    {"lr", &OptimizerSpec::lr, Range::NonNegative},
    {"momentum", &OptimizerSpec::momentum, Range::NonNegative},
    {"nesterov", nullptr, Range::Flag},
    {"beta1", &OptimizerSpec::beta1, Range::Beta},
    {"beta2", &OptimizerSpec::beta2, Range::Beta},
    {"eps", &OptimizerSpec::eps, Range::NonNegative},
    {"alpha", &OptimizerSpec::alpha, Range::NonNegative},
    {"weight_decay", &OptimizerSpec::weightDecay, Range::NonNegative},
};

struct Default {
  StringRef key;
  double value; // 0 or 1 for nesterov
};

struct OptimizerInfo {
  StringRef name;
  llvm::SmallVector<Default, 6> defaults; // the keys it takes, in order
};

// torch.optim's defaults (torch 1.13); sgd has no default lr in torch, so
// 0.01 is ours. `momentum` is sgd with momentum 0.9.
const OptimizerInfo kOptimizers[] = {
    {"sgd",
     {{"lr", 0.01}, {"momentum", 0}, {"nesterov", 0}, {"weight_decay", 0}}},
    {"momentum",
     {{"lr", 0.01}, {"momentum", 0.9}, {"nesterov", 0}, {"weight_decay", 0}}},
    {"adagrad", {{"lr", 0.01}, {"eps", 1e-10}, {"weight_decay", 0}}},
    {"rmsprop",
     {{"lr", 0.01},
      {"alpha", 0.99},
      {"eps", 1e-8},
      {"weight_decay", 0},
      {"momentum", 0}}},
    {"adam",
     {{"lr", 1e-3},
      {"beta1", 0.9},
      {"beta2", 0.999},
      {"eps", 1e-8},
      {"weight_decay", 0}}},
    {"adamw",
     {{"lr", 1e-3},
      {"beta1", 0.9},
      {"beta2", 0.999},
      {"eps", 1e-8},
      {"weight_decay", 1e-2}}},
};

const KeyInfo &keyInfo(StringRef name) {
  const KeyInfo *info = llvm::find_if(
      kKeys, [&](const KeyInfo &key) { return key.name == name; });
  assert(info != std::end(kKeys) && "tables name only known keys");
  return *info;
}

const OptimizerInfo *findOptimizer(StringRef name) {
  const OptimizerInfo *info = llvm::find_if(
      kOptimizers, [&](const OptimizerInfo &o) { return o.name == name; });
  return info == std::end(kOptimizers) ? nullptr : info;
}

void set(OptimizerSpec &spec, StringRef key, double value) {
  const KeyInfo &info = keyInfo(key);
  if (info.field)
    spec.*info.field = value;
  else
    spec.nesterov = value != 0.0;
}

double get(const OptimizerSpec &spec, StringRef key) {
  const KeyInfo &info = keyInfo(key);
  return info.field ? spec.*info.field : (spec.nesterov ? 1.0 : 0.0);
}

bool takesKey(const OptimizerInfo &optimizer, StringRef key) {
  return llvm::any_of(optimizer.defaults,
                      [&](const Default &d) { return d.key == key; });
}

std::string keyList(const OptimizerInfo &optimizer) {
  std::string keys;
  for (const Default &d : optimizer.defaults)
    keys += (keys.empty() ? "" : ", ") + d.key.str();
  return keys;
}

/// The value of `key=text`, or an error message.
llvm::Expected<double> parseValue(const KeyInfo &key, StringRef text) {
  auto error = [&](const llvm::Twine &why) {
    return specError("'" + key.name + "=" + text + "': " + why);
  };
  if (key.range == Range::Flag) {
    if (text == "true" || text == "1")
      return 1.0;
    if (text == "false" || text == "0")
      return 0.0;
    return error("expected true or false");
  }
  double value = 0.0;
  if (text.getAsDouble(value) || !std::isfinite(value))
    return error("expected a finite number");
  if (value < 0.0)
    return error(key.name + " must be non-negative");
  if (key.range == Range::Beta && value >= 1.0)
    return error(key.name + " must be in [0, 1)");
  return value;
}

llvm::Error parseAssignments(OptimizerSpec &spec,
                             const OptimizerInfo &optimizer, StringRef list) {
  llvm::SmallVector<StringRef> items, seen;
  list.split(items, ',');
  for (StringRef item : items) {
    auto [key, value] = item.split('=');
    if (key.empty() || value.empty() || !item.contains('='))
      return specError("expected key=value, got '" + item + "'");
    if (!takesKey(optimizer, key))
      return specError("'" + key + "' is not a key of " + optimizer.name +
                       " (it takes " + keyList(optimizer) + ")");
    if (llvm::is_contained(seen, key))
      return specError("key '" + key + "' is given twice");
    seen.push_back(key);
    llvm::Expected<double> parsed = parseValue(keyInfo(key), value);
    if (!parsed)
      return parsed.takeError();
    set(spec, key, *parsed);
  }
  return llvm::Error::success();
}

} // namespace

std::string OptimizerSpec::str() const {
  const OptimizerInfo *optimizer = findOptimizer(name);
  assert(optimizer && "a spec comes from parseOptimizerSpec");
  std::string text;
  llvm::raw_string_ostream os(text);
  os << name;
  for (auto [index, d] : llvm::enumerate(optimizer->defaults)) {
    os << (index == 0 ? ":" : ",") << d.key << "=";
    if (keyInfo(d.key).range == Range::Flag)
      os << (nesterov ? "true" : "false");
    else
      // %g with 9 digits: every f32 value, and 0.001 rather than 0.0010000.
      os << llvm::format("%.9g", get(*this, d.key));
  }
  return text;
}

llvm::Expected<OptimizerSpec> nnc::parseOptimizerSpec(StringRef text) {
  auto [name, list] = text.split(':');
  auto fail = [&](llvm::Error error) -> llvm::Expected<OptimizerSpec> {
    return specError("invalid optimizer '" + text +
                     "': " + llvm::toString(std::move(error)));
  };
  const OptimizerInfo *optimizer = findOptimizer(name);
  if (!optimizer)
    return fail(specError("unknown optimizer '" + name +
                          "' (expected sgd, momentum, adagrad, rmsprop, "
                          "adam or adamw)"));
  OptimizerSpec spec;
  spec.name = name.str();
  for (const Default &d : optimizer->defaults)
    set(spec, d.key, d.value);
  if (text.contains(':'))
    if (llvm::Error error = parseAssignments(spec, *optimizer, list))
      return fail(std::move(error));
  // torch.optim.SGD: "Nesterov momentum requires a momentum".
  if (spec.nesterov && spec.momentum == 0.0)
    return fail(specError("nesterov needs a momentum > 0"));
  return spec;
}
