//===- SyntheticData.cpp - A classification task from a seed --------------===//

#include "tools/nnc/train/SyntheticData.h"

#include <algorithm>
#include <cmath>
#include <random>

using namespace nnc;
using namespace nnc::train;

namespace {
constexpr double kSigma = 0.15;

/// A uniform double in [0, 1) from the top 53 bits (portable, unlike
/// std::uniform_real_distribution).
double uniform(std::mt19937_64 &random) {
  return double(random() >> 11) * (1.0 / 9007199254740992.0);
}

/// N(0, 1) by Box-Muller; 1 - u lies in (0, 1], so the logarithm is finite.
double gaussian(std::mt19937_64 &random) {
  double radius = std::sqrt(-2.0 * std::log(1.0 - uniform(random)));
  return radius * std::cos(6.283185307179586 * uniform(random));
}

/// The number of elements where two means differ.
int64_t differences(const std::vector<float> &a, const std::vector<float> &b) {
  int64_t count = 0;
  for (size_t d = 0; d < a.size(); ++d)
    count += a[d] != b[d];
  return count;
}

/// A class mean 0.5 +- offset per element. In few dimensions random signs
/// can repeat another class's; such draws are retried (a bounded number of
/// times: with more classes than sign patterns some must share) so that
/// classes differ in at least a quarter of the elements.
std::vector<float> drawMean(const std::vector<std::vector<float>> &others,
                            int64_t dims, double offset,
                            std::mt19937_64 &random) {
  std::vector<float> mean(static_cast<size_t>(dims));
  for (int attempt = 0; attempt < 100; ++attempt) {
    for (float &value : mean)
      value = float(0.5 + (random() >> 63 ? offset : -offset));
    bool apart = true;
    for (const std::vector<float> &other : others)
      apart =
          apart && differences(mean, other) >= std::max<int64_t>(1, dims / 4);
    if (apart)
      break;
  }
  return mean;
}

Status makeSplit(const SyntheticTask &task,
                 const std::vector<std::vector<float>> &means, int64_t size,
                 std::mt19937_64 &random, Dataset &out) {
  std::vector<int64_t> shape = {size};
  shape.insert(shape.end(), task.exampleShape.begin(), task.exampleShape.end());
  if (Status status = Tensor::create(DType::F32, shape, out.examples);
      !status.ok())
    return status;
  if (Status status = Tensor::create(DType::I64, {size}, out.labels);
      !status.ok())
    return status;
  int64_t dims = int64_t(means[0].size());
  for (int64_t i = 0; i < size; ++i) {
    int64_t label = i % task.classes;
    out.labels.data<int64_t>()[i] = label;
    float *example = out.examples.data<float>() + i * dims;
    for (int64_t d = 0; d < dims; ++d)
      example[d] = float(
          std::clamp(means[label][d] + kSigma * gaussian(random), 0.0, 1.0));
  }
  return Status::success();
}
} // namespace

Status train::makeSyntheticData(const SyntheticTask &task, DataSplits &out) {
  int64_t dims = 1;
  for (int64_t size : task.exampleShape)
    dims *= size;
  if (dims < 1 || task.classes < 2)
    return Status::error("a synthetic task needs examples with at least one "
                         "value and at least two classes");
  std::mt19937_64 random(task.seed);
  // Means 6σ apart in the whole space separate the classes; in many
  // dimensions that is a tiny offset per element, which image models (a
  // LeNet sees 5x5 windows) barely notice within an epoch, so each element
  // also moves by at least 4σ/3: a random template per class under noise.
  double offset = std::max(3 * kSigma / std::sqrt(double(dims)), 0.2);
  std::vector<std::vector<float>> means;
  for (int64_t k = 0; k < task.classes; ++k)
    means.push_back(drawMean(means, dims, offset, random));
  DataSplits splits;
  if (Status status =
          makeSplit(task, means, task.trainSize, random, splits.train);
      !status.ok())
    return status;
  if (Status status =
          makeSplit(task, means, task.testSize, random, splits.test);
      !status.ok())
    return status;
  splits.source = "a synthetic task (" + std::to_string(task.classes) +
                  " Gaussian blobs, seed " + std::to_string(task.seed) + ")";
  out = std::move(splits);
  return Status::success();
}
