//===- Batches.h - Data as the arguments of a model's entries ---*- C++ -*-===//
//
// `nnc train` binds each batch to the model: the examples to the input
// argument, reshaped to its per-example shape ([N, 784] for an MLP,
// [N, 1, 28, 28] for LeNet: only the element count must agree), and the
// labels to the label argument in the form it takes:
//
//   i64 [N] or i32 [N]   class indices
//   f32 [N, K], K > 1    one-hot rows
//   f32 [N, 1]           binary targets 0 or 1 (models with one output)
//
// Accuracy compares the prediction entry's [N, K] output with the labels:
// the argmax for K > 1; for K = 1 the output is a probability and > 0.5
// means class 1.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_TOOLS_NNC_TRAIN_BATCHES_H
#define NNC_TOOLS_NNC_TRAIN_BATCHES_H

#include "tools/nnc/train/Dataset.h"

#include <nnc/Status.h>
#include <nnc/Tensor.h>
#include <nnc/abi.h>

#include <cstdint>
#include <string>
#include <vector>

namespace nnc::train {

class DataBinding {
public:
  /// `input` and `label` are the train step's data arguments; `scores` is
  /// the prediction entry's result, [N, K].
  static Status create(const nnc_tensor_desc_t &input,
                       const nnc_tensor_desc_t &label,
                       const nnc_tensor_desc_t &scores, DataBinding &out);

  /// The number of classes the labels range over (2 when K = 1).
  int64_t classes() const { return numClasses; }
  /// The batch size fixed by the model, or 0 when it is dynamic.
  int64_t staticBatch() const { return fixedBatch; }
  /// The shape of one example: the input's shape without its batch size.
  const std::vector<int64_t> &exampleShape() const { return perExample; }

  /// Checks that `data` fits: elements per example and label range.
  /// `what` names the data in errors ("the training set in DIR").
  Status check(const Dataset &data, const std::string &what) const;

  /// Gathers the examples `indices[0 .. count)` into `input` and their labels
  /// into `label` (when not null), `rows` >= count rows; rows past `count`
  /// are zero (padding that callers ignore).
  Status gather(const Dataset &data, const int64_t *indices, int64_t count,
                int64_t rows, Tensor &input, Tensor *label) const;

private:
  std::vector<int64_t> perExample;
  int64_t exampleSize = 1;
  DType labelType = DType::I64;
  bool oneHot = false;
  int64_t numClasses = 0;
  int64_t fixedBatch = 0;
};

/// "'x' (f32 [?, 784])", for diagnostics.
std::string describeArgument(const nnc_tensor_desc_t &desc);

/// Whether two arguments have the same dtype and shape (names aside).
bool sameSignature(const nnc_tensor_desc_t &a, const nnc_tensor_desc_t &b);

/// How many of the first `count` rows of `scores` ([N, K] f32) predict
/// labels[indices[i]] (see the accuracy rule above).
int64_t countCorrect(const Tensor &scores, const Dataset &data,
                     const int64_t *indices, int64_t count);

} // namespace nnc::train

#endif // NNC_TOOLS_NNC_TRAIN_BATCHES_H
