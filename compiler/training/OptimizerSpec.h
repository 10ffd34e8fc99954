//===- OptimizerSpec.h - NAME[:key=value,...] optimizer specs ---*- C++ -*-===//
//
// The optimizers of `--train=F --optimizer=SPEC` (NN_IR.md, "Derived
// functions") and their hyperparameters, with torch.optim's defaults. A spec
// names an optimizer and overrides some of its keys; every key it does not
// give takes the default, so a parsed spec is complete and prints back as
// `adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0`.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_TRAINING_OPTIMIZERSPEC_H
#define NNC_COMPILER_TRAINING_OPTIMIZERSPEC_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace nnc {

struct OptimizerSpec {
  /// sgd, momentum, adagrad, rmsprop, adam or adamw.
  std::string name;
  double lr = 0.0;
  double momentum = 0.0;
  double beta1 = 0.0;
  double beta2 = 0.0;
  double eps = 0.0;
  double alpha = 0.0;
  double weightDecay = 0.0;
  bool nesterov = false;

  /// `NAME:key=value,...` with every key the optimizer takes, in the order
  /// of its table (the value of the train step's nn.optimizer attribute).
  std::string str() const;
};

/// Parses `NAME[:key=value,...]`. Rejects an unknown optimizer, a key the
/// optimizer does not take, a key given twice, a malformed or out-of-range
/// value, and nesterov without momentum, naming the offender.
llvm::Expected<OptimizerSpec> parseOptimizerSpec(llvm::StringRef spec);

} // namespace nnc

#endif // NNC_COMPILER_TRAINING_OPTIMIZERSPEC_H
