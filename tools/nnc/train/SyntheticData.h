//===- SyntheticData.h - A classification task from a seed ------*- C++ -*-===//
//
// Without --data, `nnc train` learns a built-in task that fits any model:
// K Gaussian blobs in the model's input space. Class k has mean
// 0.5 + a * s_k, where s_k is a random sign per input element and
// a = 3 sigma / sqrt(D) for D elements per example, so that classes sit
// about 4.2 sigma apart whatever D is: learnable, but not at a glance (a few
// percent of examples lie nearer another class's mean). Noise is N(0, sigma^2)
// with sigma = 0.15 and values are clamped to [0, 1], like images.
// Everything is a pure function of the seed, the same on every platform.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_TOOLS_NNC_TRAIN_SYNTHETICDATA_H
#define NNC_TOOLS_NNC_TRAIN_SYNTHETICDATA_H

#include "tools/nnc/train/Dataset.h"

#include <cstdint>
#include <vector>

namespace nnc::train {

struct SyntheticTask {
  std::vector<int64_t> exampleShape;
  int64_t classes = 2;
  int64_t trainSize = 4096;
  int64_t testSize = 1024;
  uint64_t seed = 0;
};

/// Generates both splits of the task (labels cycle through the classes).
Status makeSyntheticData(const SyntheticTask &task, DataSplits &out);

} // namespace nnc::train

#endif // NNC_TOOLS_NNC_TRAIN_SYNTHETICDATA_H
