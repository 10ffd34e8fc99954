//===- Optimizers.cpp - torch.optim's update rules as nn ops --------------===//
//
// Each rule below is headed by torch's code for one parameter (p, its
// gradient g); `lr`, `wd`, ... are the spec's keys. Constants combine in
// double, as torch combines its Python floats, before meeting a tensor.
//
//===----------------------------------------------------------------------===//

#include "compiler/training/Optimizers.h"

using namespace mlir;
using namespace nnc;

SmallVector<StringRef> nnc::optimizerSlots(const OptimizerSpec &spec) {
  if (spec.name == "sgd" || spec.name == "momentum")
    return spec.momentum != 0.0 ? SmallVector<StringRef>{"momentum_buffer"}
                                : SmallVector<StringRef>{};
  if (spec.name == "adagrad")
    return {"sum"};
  if (spec.name == "rmsprop")
    return spec.momentum != 0.0
               ? SmallVector<StringRef>{"square_avg", "momentum_buffer"}
               : SmallVector<StringRef>{"square_avg"};
  assert((spec.name == "adam" || spec.name == "adamw") && "known optimizer");
  return {"exp_avg", "exp_avg_sq"};
}

bool nnc::usesStepCount(const OptimizerSpec &spec) {
  return spec.name == "adam" || spec.name == "adamw";
}

OptimizerBuilder::OptimizerBuilder(autodiff::GradBuilder &b,
                                   const OptimizerSpec &spec, Value step)
    : b(b), spec(spec), step(step) {
  assert(static_cast<bool>(step) == usesStepCount(spec) &&
         "a step count exactly for the optimizers that use one");
}

Value OptimizerBuilder::scaled(Value x, double c) {
  return b.mul(x, b.scalar(c, x));
}

Value OptimizerBuilder::decayed(Value g, Value p) {
  return spec.weightDecay == 0.0 ? g : b.add(g, scaled(p, spec.weightDecay));
}

ParamUpdate OptimizerBuilder::update(Value param, Value grad,
                                     ValueRange slots) {
  assert(slots.size() == optimizerSlots(spec).size() && "one value per slot");
  if (spec.name == "sgd" || spec.name == "momentum")
    return sgd(param, grad, slots);
  if (spec.name == "adagrad")
    return adagrad(param, grad, slots);
  if (spec.name == "rmsprop")
    return rmsprop(param, grad, slots);
  return adam(param, grad, slots);
}

// d = g + wd·p
// buf = g on the first step, then momentum·buf + (1 − dampening)·d
// d = d + momentum·buf if nesterov else buf
// p = p − lr·d
//
// Our keys fix dampening at 0, so `momentum·buf + d` with buf starting at
// zero gives exactly d on the first step: no step count is needed.
ParamUpdate OptimizerBuilder::sgd(Value p, Value g, ValueRange slots) {
  Value d = decayed(g, p);
  ParamUpdate result;
  if (spec.momentum != 0.0) {
    Value buf = b.add(scaled(slots[0], spec.momentum), d);
    result.slots.push_back(buf);
    d = spec.nesterov ? b.add(d, scaled(buf, spec.momentum)) : buf;
  }
  result.param = b.sub(p, scaled(d, spec.lr));
  return result;
}

// d = g + wd·p
// sum = sum + d·d
// p = p − lr · d / (sqrt(sum) + eps)          (lr_decay 0: clr = lr)
ParamUpdate OptimizerBuilder::adagrad(Value p, Value g, ValueRange slots) {
  Value d = decayed(g, p);
  Value sum = b.add(slots[0], b.mul(d, d));
  Value std = b.add(b.sqrt(sum), b.scalar(spec.eps, sum));
  return {b.sub(p, scaled(b.div(d, std), spec.lr)), {sum}};
}

// d = g + wd·p
// square_avg = alpha·square_avg + (1 − alpha)·d·d
// avg = sqrt(square_avg) + eps
// buf = momentum·buf + d / avg;  p = p − lr·buf    (momentum > 0)
// p = p − lr · d / avg                             (otherwise)
ParamUpdate OptimizerBuilder::rmsprop(Value p, Value g, ValueRange slots) {
  Value d = decayed(g, p);
  Value square = b.add(scaled(slots[0], spec.alpha),
                       scaled(b.mul(d, d), 1.0 - spec.alpha));
  Value avg = b.add(b.sqrt(square), b.scalar(spec.eps, square));
  if (spec.momentum == 0.0)
    return {b.sub(p, scaled(b.div(d, avg), spec.lr)), {square}};
  Value buf = b.add(scaled(slots[1], spec.momentum), b.div(d, avg));
  return {b.sub(p, scaled(buf, spec.lr)), {square, buf}};
}

// p = p · (1 − lr·wd)                          (adamw: decoupled decay)
// d = g + wd·p                                 (adam)
// exp_avg = beta1·exp_avg + (1 − beta1)·d
// exp_avg_sq = beta2·exp_avg_sq + (1 − beta2)·d·d
// step_size = lr / (1 − beta1^step)
// denom = sqrt(exp_avg_sq) / sqrt(1 − beta2^step) + eps
// p = p − step_size · exp_avg / denom
ParamUpdate OptimizerBuilder::adam(Value p, Value g, ValueRange slots) {
  Value d = g;
  if (spec.name == "adamw")
    p = spec.weightDecay == 0.0 ? p
                                : scaled(p, 1.0 - spec.lr * spec.weightDecay);
  else
    d = decayed(g, p);
  Value avg = b.add(scaled(slots[0], spec.beta1), scaled(d, 1.0 - spec.beta1));
  Value avgSq = b.add(scaled(slots[1], spec.beta2),
                      scaled(b.mul(d, d), 1.0 - spec.beta2));
  Value one = b.one(step);
  Value correction1 = b.sub(one, b.pow(b.scalar(spec.beta1, step), step));
  Value correction2 = b.sub(one, b.pow(b.scalar(spec.beta2, step), step));
  Value stepSize = b.div(b.scalar(spec.lr, step), correction1);
  Value denom = b.add(b.div(b.sqrt(avgSq), b.sqrt(correction2)),
                      b.scalar(spec.eps, avgSq));
  Value newParam = b.sub(p, b.mul(stepSize, b.div(avg, denom)));
  return {newParam, {avg, avgSq}};
}
