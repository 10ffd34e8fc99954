//===- TrainOptions.cpp - The command line of nnc train -------------------===//

#include "tools/nnc/train/TrainOptions.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace nnc;
using namespace nnc::train;

const char *const train::kTrainUsage =
    "usage: nnc train MODEL.mlir --loss=F --optimizer=SPEC [--data=DIR] "
    "[--predict=G]\n"
    "       nnc train MODEL.so --loss=F [--data=DIR] [--predict=G]\n"
    "         [--epochs=N] [--batch=B] [--seed=S] [--log=PATH] [--plot=PATH]\n"
    "         [--checkpoint=PATH] [--resume=PATH]\n";

const char *const train::kTrainHelp =
    "\nTrains F of MODEL (JIT-compiled with @F_train_step, or a .so compiled\n"
    "with `nnc --train=F --optimizer=SPEC`) and reports G's accuracy.\n"
    "  --loss=F            the loss function to train\n"
    "  --optimizer=SPEC    NAME[:key=value,...], e.g. adam:lr=0.001\n"
    "  --data=DIR          MNIST IDX files (train-images-idx3-ubyte[.gz],\n"
    "                      train-labels-idx1-ubyte[.gz], t10k-...) or .npy\n"
    "                      pairs (train-images.npy, train-labels.npy,\n"
    "                      t10k-images.npy, t10k-labels.npy); without it, a\n"
    "                      synthetic task from the seed\n"
    "  --predict=G         the entry for accuracy (default forward)\n"
    "  --epochs=N          default 1\n"
    "  --batch=B           default 32\n"
    "  --seed=S            initialization, shuffling, dropout (default 0)\n"
    "  --log=PATH          CSV log (default MODEL-STEM.train.csv)\n"
    "  --plot=PATH         SVG plot (default MODEL-STEM.train.svg)\n"
    "  --checkpoint=PATH   safetensors checkpoint (default "
    "MODEL-STEM.safetensors)\n"
    "  --resume=PATH       start from a checkpoint\n"
    "An empty --log=, --plot= or --checkpoint= skips that output.\n";

namespace {
/// A positive count, or an error naming the flag.
Status parseCount(llvm::StringRef flag, llvm::StringRef value, int64_t &out) {
  if (value.getAsInteger(10, out) || out <= 0)
    return Status::error("--" + flag.str() +
                         " needs a positive integer, got '" + value.str() +
                         "'");
  return Status::success();
}

/// Applies one `--flag=value`.
Status applyFlag(llvm::StringRef flag, llvm::StringRef value, bool hasValue,
                 TrainOptions &options) {
  std::string *text = llvm::StringSwitch<std::string *>(flag)
                          .Case("loss", &options.loss)
                          .Case("optimizer", &options.optimizer)
                          .Case("data", &options.data)
                          .Case("predict", &options.predict)
                          .Case("log", &options.settings.logPath)
                          .Case("plot", &options.settings.plotPath)
                          .Case("checkpoint", &options.settings.checkpointPath)
                          .Case("resume", &options.resumePath)
                          .Default(nullptr);
  bool known = text || flag == "epochs" || flag == "batch" || flag == "seed";
  if (!known)
    return Status::error("unknown option '--" + flag.str() + "'");
  if (!hasValue)
    return Status::error("--" + flag.str() + " needs a value (--" + flag.str() +
                         "=...)");
  if (text) {
    *text = value.str();
    return Status::success();
  }
  if (flag == "seed")
    return value.getAsInteger(10, options.settings.seed)
               ? Status::error("--seed needs an unsigned integer, got '" +
                               value.str() + "'")
               : Status::success();
  return parseCount(flag, value,
                    flag == "epochs" ? options.settings.epochs
                                     : options.settings.batch);
}

/// MODEL-STEM.train.csv and friends, for the outputs not given.
void defaultOutputs(TrainOptions &options, bool givenLog, bool givenPlot,
                    bool givenCheckpoint) {
  std::string stem = llvm::sys::path::stem(options.model).str();
  if (!givenLog)
    options.settings.logPath = stem + ".train.csv";
  if (!givenPlot)
    options.settings.plotPath = stem + ".train.svg";
  if (!givenCheckpoint)
    options.settings.checkpointPath = stem + ".safetensors";
}
} // namespace

Status train::parseTrainOptions(int argc, const char *const *argv,
                                TrainOptions &out) {
  TrainOptions options;
  bool given[3] = {false, false, false}; // log, plot, checkpoint
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef arg = argv[i];
    if (!arg.starts_with("-")) {
      if (!options.model.empty())
        return Status::error("more than one model: '" + options.model +
                             "' and '" + arg.str() + "'");
      options.model = arg.str();
      continue;
    }
    auto [flag, value] = arg.ltrim('-').split('=');
    if (Status status = applyFlag(flag, value, arg.contains('='), options);
        !status.ok())
      return status;
    given[0] |= flag == "log";
    given[1] |= flag == "plot";
    given[2] |= flag == "checkpoint";
  }
  if (options.model.empty())
    return Status::error("no model given");
  if (options.loss.empty())
    return Status::error("no --loss=F given (the function to train)");
  bool compiled = llvm::StringRef(options.model).ends_with(".so");
  if (compiled && !options.optimizer.empty())
    return Status::error("--optimizer applies to .mlir models; '" +
                         options.model +
                         "' was compiled with its optimizer (nnc --train)");
  if (!compiled && options.optimizer.empty())
    return Status::error("no --optimizer=SPEC given (e.g. adam:lr=0.001)");
  defaultOutputs(options, given[0], given[1], given[2]);
  out = std::move(options);
  return Status::success();
}
