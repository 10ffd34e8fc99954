//===- Dataset.h - Classification data for nnc train ------------*- C++ -*-===//
//
// A Dataset holds examples (f32, [N, ...]) and class labels (i64, [N]).
// loadDataDirectory reads a training and a test split from a directory in
// one of two layouts, tried in this order:
//
//   MNIST IDX   train-images-idx3-ubyte, train-labels-idx1-ubyte,
//               t10k-images-idx3-ubyte,  t10k-labels-idx1-ubyte
//               (each may instead carry a .gz suffix); unsigned-byte images
//               [N, H, W] are scaled to [0, 1], labels are bytes [N]
//   NumPy       train-images.npy, train-labels.npy,
//               t10k-images.npy,  t10k-labels.npy
//               images f32 or f64 [N, ...] taken as they are (expected
//               already in [0, 1]), labels i64 or i32 [N]
//
//===----------------------------------------------------------------------===//

#ifndef NNC_TOOLS_NNC_TRAIN_DATASET_H
#define NNC_TOOLS_NNC_TRAIN_DATASET_H

#include <nnc/Status.h>
#include <nnc/Tensor.h>

#include <cstdint>
#include <string>

namespace nnc::train {

struct Dataset {
  Tensor examples; // f32 [N, ...]
  Tensor labels;   // i64 [N]

  int64_t size() const { return labels.isNull() ? 0 : labels.shape()[0]; }
};

struct DataSplits {
  Dataset train;
  Dataset test;
  /// Where the data came from, for the log: "MNIST IDX files in DIR".
  std::string source;
};

/// Loads both splits from `dir` (see above). A directory with neither
/// layout complete is an error listing the file names it looked for.
Status loadDataDirectory(const std::string &dir, DataSplits &out);

/// Checks that `examples` and `labels` describe the same number of examples,
/// naming `what` ("the training set") in the error.
Status checkSameCount(const Dataset &data, const std::string &what);

} // namespace nnc::train

#endif // NNC_TOOLS_NNC_TRAIN_DATASET_H
