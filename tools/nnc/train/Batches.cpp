//===- Batches.cpp - Data as the arguments of a model's entries -----------===//

#include "tools/nnc/train/Batches.h"

#include <cstring>

using namespace nnc;
using namespace nnc::train;

std::string train::describeArgument(const nnc_tensor_desc_t &desc) {
  std::string text = desc.dtype == NNC_DTYPE_F32   ? "f32 ["
                     : desc.dtype == NNC_DTYPE_I64 ? "i64 ["
                     : desc.dtype == NNC_DTYPE_I32 ? "i32 ["
                                                   : "[";
  for (uint32_t d = 0; d < desc.rank; ++d)
    text += (d ? ", " : "") +
            (desc.shape[d] < 0 ? "?" : std::to_string(desc.shape[d]));
  return "'" + std::string(desc.name) + "' (" + text + "])";
}

bool train::sameSignature(const nnc_tensor_desc_t &a,
                          const nnc_tensor_desc_t &b) {
  if (a.dtype != b.dtype || a.rank != b.rank)
    return false;
  for (uint32_t d = 0; d < a.rank; ++d)
    if (a.shape[d] != b.shape[d])
      return false;
  return true;
}

namespace {

/// A tensor of `dtype` and `shape` in `tensor`, reusing it when it fits.
Status reuseOrCreate(DType dtype, const std::vector<int64_t> &shape,
                     Tensor &tensor) {
  if (!tensor.isNull() && !tensor.isBorrowed() && tensor.dtype() == dtype &&
      tensor.shape() == shape) {
    std::memset(tensor.data(), 0, tensor.byteSize());
    return Status::success();
  }
  return Tensor::create(dtype, shape, tensor);
}

Status checkInput(const nnc_tensor_desc_t &input) {
  bool ok = input.dtype == NNC_DTYPE_F32 && input.rank >= 2;
  for (uint32_t d = 1; ok && d < input.rank; ++d)
    ok = input.shape[d] >= 0;
  if (!ok)
    return Status::error("the input argument " + describeArgument(input) +
                         " is not an f32 batch of examples [N, ...]");
  return Status::success();
}
} // namespace

Status DataBinding::create(const nnc_tensor_desc_t &input,
                           const nnc_tensor_desc_t &label,
                           const nnc_tensor_desc_t &scores, DataBinding &out) {
  if (Status status = checkInput(input); !status.ok())
    return status;
  if (scores.dtype != NNC_DTYPE_F32 || scores.rank != 2 || scores.shape[1] < 1)
    return Status::error("accuracy needs the prediction entry to return f32 "
                         "scores [N, K], but it returns " +
                         describeArgument(scores));
  DataBinding binding;
  int64_t outputs = scores.shape[1];
  binding.numClasses = outputs > 1 ? outputs : 2;
  binding.fixedBatch = input.shape[0] < 0 ? 0 : input.shape[0];
  binding.perExample.assign(input.shape + 1, input.shape + input.rank);
  for (int64_t size : binding.perExample)
    binding.exampleSize *= size;
  bool indices =
      (label.dtype == NNC_DTYPE_I64 || label.dtype == NNC_DTYPE_I32) &&
      label.rank == 1;
  bool rows = label.dtype == NNC_DTYPE_F32 && label.rank == 2 &&
              label.shape[1] == outputs;
  if ((!indices && !rows) || label.shape[0] != input.shape[0])
    return Status::error(
        "the label argument " + describeArgument(label) +
        " takes no form of class labels nnc train knows: i64 or i32 [N], "
        "one-hot f32 [N, K] or binary f32 [N, 1], with the input's N and K = " +
        std::to_string(outputs) + " outputs of the prediction entry");
  binding.labelType = label.dtype == NNC_DTYPE_I32 ? DType::I32
                      : rows                       ? DType::F32
                                                   : DType::I64;
  binding.oneHot = rows && outputs > 1;
  out = std::move(binding);
  return Status::success();
}

Status DataBinding::check(const Dataset &data, const std::string &what) const {
  const std::vector<int64_t> &shape = data.examples.shape();
  int64_t size = 1;
  for (size_t d = 1; d < shape.size(); ++d)
    size *= shape[d];
  if (size != exampleSize)
    return Status::error(
        what + ": examples of shape " +
        describeShape({shape.begin() + 1, shape.end()}) + " hold " +
        std::to_string(size) + " values, but the model's input takes " +
        std::to_string(exampleSize) + " (" + describeShape(perExample) + ")");
  const int64_t *labels = data.labels.data<int64_t>();
  for (int64_t i = 0; i < data.size(); ++i)
    if (labels[i] < 0 || labels[i] >= numClasses)
      return Status::error(what + ": label #" + std::to_string(i) + " is " +
                           std::to_string(labels[i]) +
                           ", outside the model's classes 0.." +
                           std::to_string(numClasses - 1));
  return Status::success();
}

Status DataBinding::gather(const Dataset &data, const int64_t *indices,
                           int64_t count, int64_t rows, Tensor &input,
                           Tensor *label) const {
  std::vector<int64_t> inputShape = {rows};
  inputShape.insert(inputShape.end(), perExample.begin(), perExample.end());
  if (Status status = reuseOrCreate(DType::F32, inputShape, input);
      !status.ok())
    return status;
  const float *examples = data.examples.data<float>();
  for (int64_t i = 0; i < count; ++i)
    std::memcpy(input.data<float>() + i * exampleSize,
                examples + indices[i] * exampleSize,
                size_t(exampleSize) * sizeof(float));
  if (!label)
    return Status::success();
  std::vector<int64_t> labelShape = {rows};
  if (labelType == DType::F32)
    labelShape.push_back(oneHot ? numClasses : 1);
  if (Status status = reuseOrCreate(labelType, labelShape, *label);
      !status.ok())
    return status;
  for (int64_t i = 0; i < count; ++i) {
    int64_t value = data.labels.data<int64_t>()[indices[i]];
    if (labelType == DType::I64)
      label->data<int64_t>()[i] = value;
    else if (labelType == DType::I32)
      label->data<int32_t>()[i] = int32_t(value);
    else if (oneHot)
      label->data<float>()[i * numClasses + value] = 1.0f;
    else
      label->data<float>()[i] = float(value);
  }
  return Status::success();
}

int64_t train::countCorrect(const Tensor &scores, const Dataset &data,
                            const int64_t *indices, int64_t count) {
  int64_t classes = scores.shape()[1], correct = 0;
  const float *rows = scores.data<float>();
  const int64_t *labels = data.labels.data<int64_t>();
  for (int64_t i = 0; i < count; ++i) {
    const float *row = rows + i * classes;
    int64_t predicted = row[0] > 0.5f ? 1 : 0;
    if (classes > 1) {
      predicted = 0;
      for (int64_t k = 1; k < classes; ++k)
        if (row[k] > row[predicted])
          predicted = k;
    }
    correct += predicted == labels[indices[i]];
  }
  return correct;
}
