//===- TrainOptions.h - The command line of nnc train -----------*- C++ -*-===//
//
//   nnc train MODEL.mlir --loss=F --optimizer=SPEC [--data=DIR] [--predict=G]
//       [--epochs=N] [--batch=B] [--seed=S] [--log=PATH] [--plot=PATH]
//       [--checkpoint=PATH] [--resume=PATH]
//
// MODEL may also be a .so compiled with `nnc --train=F --optimizer=SPEC`,
// which fixes the optimizer: then --optimizer is not given.
//
// Defaults: --predict=forward, --epochs=1, --batch=32, --seed=0; without
// --data a synthetic task; outputs MODEL-STEM.train.csv, .train.svg and
// .safetensors in the current directory (an empty value skips one).
//
//===----------------------------------------------------------------------===//

#ifndef NNC_TOOLS_NNC_TRAIN_TRAINOPTIONS_H
#define NNC_TOOLS_NNC_TRAIN_TRAINOPTIONS_H

#include "tools/nnc/train/TrainLoop.h"

#include <nnc/Status.h>

#include <cstdint>
#include <string>

namespace nnc::train {

struct TrainOptions {
  std::string model;
  std::string loss;
  std::string optimizer;
  std::string data; // empty: the synthetic task
  std::string predict = "forward";
  std::string resumePath;
  /// Epochs, batch size, seed and output paths (title left empty).
  TrainSettings settings;
};

extern const char *const kTrainUsage;
/// What --help adds to the usage: the flags, defaults and data layouts.
extern const char *const kTrainHelp;

/// Parses argv[1..argc) (argv[0] is "train"), filling the default output
/// paths from the model's name.
Status parseTrainOptions(int argc, const char *const *argv, TrainOptions &out);

} // namespace nnc::train

#endif // NNC_TOOLS_NNC_TRAIN_TRAINOPTIONS_H
