//===- BatchesTest.cpp - Binding data to a model's arguments --------------===//

#include "TrainTestUtil.h"

#include "tools/nnc/train/Batches.h"

#include <cstring>

using namespace nnc;
using namespace nnc::train;
using namespace nnc::train::test;

namespace {

const int64_t kImages[] = {-1, 1, 2, 2};
const int64_t kFlat[] = {-1, 4};
const int64_t kFixed[] = {3, 4};
const int64_t kBatch[] = {-1};
const int64_t kThreeScores[] = {-1, 3};
const int64_t kOneScore[] = {-1, 1};

nnc_tensor_desc_t desc(const char *name, nnc_dtype_t dtype, uint32_t rank,
                       const int64_t *shape) {
  return {name, dtype, NNC_ROLE_INPUT, rank, shape, nullptr};
}

const nnc_tensor_desc_t kScores3 =
    desc("scores", NNC_DTYPE_F32, 2, kThreeScores);

/// Four examples of 2x2 pixels: example i holds i, i + 0.25, ...
Dataset fourExamples(std::vector<int64_t> labels) {
  Dataset data;
  EXPECT_TRUE(Tensor::create(DType::F32, {4, 2, 2}, data.examples).ok());
  for (int64_t i = 0; i < 16; ++i)
    data.examples.data<float>()[i] = float(i / 4) + 0.25f * float(i % 4);
  EXPECT_TRUE(Tensor::create(DType::I64, {4}, data.labels).ok());
  std::memcpy(data.labels.data(), labels.data(), 32);
  return data;
}

DataBinding bind(const nnc_tensor_desc_t &input, const nnc_tensor_desc_t &label,
                 const nnc_tensor_desc_t &scores = kScores3) {
  DataBinding binding;
  Status status = DataBinding::create(input, label, scores, binding);
  EXPECT_TRUE(status.ok()) << status.message();
  return binding;
}

// Tests that examples take the input's shape (2x2 images into [N, 1, 2, 2])
// in the order of the indices, with i64 labels.
TEST(BatchesTest, GathersInIndexOrder) {
  DataBinding binding = bind(desc("x", NNC_DTYPE_F32, 4, kImages),
                             desc("y", NNC_DTYPE_I64, 1, kBatch));
  Dataset data = fourExamples({0, 1, 2, 1});
  Tensor input, label;
  int64_t indices[] = {3, 1};
  ASSERT_TRUE(binding.gather(data, indices, 2, 2, input, &label).ok());
  EXPECT_EQ(input.shape(), (std::vector<int64_t>{2, 1, 2, 2}));
  EXPECT_EQ(input.data<float>()[0], 3.0f);
  EXPECT_EQ(input.data<float>()[5], 1.25f);
  EXPECT_EQ(label.data<int64_t>()[0], 1);
  EXPECT_EQ(binding.staticBatch(), 0);
}

// Tests one-hot f32 labels and zero padding up to a fixed batch size.
TEST(BatchesTest, OneHotLabelsAndPadding) {
  const int64_t oneHot[] = {3, 3};
  DataBinding binding = bind(desc("x", NNC_DTYPE_F32, 2, kFixed),
                             desc("y", NNC_DTYPE_F32, 2, oneHot));
  EXPECT_EQ(binding.staticBatch(), 3);
  Dataset data = fourExamples({2, 0, 1, 1});
  Tensor input, label;
  int64_t indices[] = {0, 2};
  ASSERT_TRUE(binding.gather(data, indices, 2, 3, input, &label).ok());
  EXPECT_EQ(label.shape(), (std::vector<int64_t>{3, 3}));
  std::vector<float> rows(label.data<float>(), label.data<float>() + 9);
  EXPECT_EQ(rows, (std::vector<float>{0, 0, 1, 0, 1, 0, 0, 0, 0}));
  EXPECT_EQ(input.data<float>()[8], 0.0f); // the padded row
}

// Tests binary f32 [N, 1] targets for a one-output model, and i32 labels.
TEST(BatchesTest, BinaryAndI32Labels) {
  const nnc_tensor_desc_t oneScore = desc("p", NNC_DTYPE_F32, 2, kOneScore);
  DataBinding binary = bind(desc("x", NNC_DTYPE_F32, 2, kFlat),
                            desc("t", NNC_DTYPE_F32, 2, kOneScore), oneScore);
  EXPECT_EQ(binary.classes(), 2);
  Dataset data = fourExamples({1, 0, 1, 0});
  Tensor input, label;
  int64_t indices[] = {0, 1, 2};
  ASSERT_TRUE(binary.gather(data, indices, 3, 3, input, &label).ok());
  EXPECT_EQ(label.shape(), (std::vector<int64_t>{3, 1}));
  EXPECT_EQ(label.data<float>()[2], 1.0f);
  DataBinding i32 = bind(desc("x", NNC_DTYPE_F32, 2, kFlat),
                         desc("y", NNC_DTYPE_I32, 1, kBatch));
  ASSERT_TRUE(i32.gather(data, indices, 3, 3, input, &label).ok());
  EXPECT_EQ(label.data<int32_t>()[2], 1);
}

// Tests argmax accuracy, and the 0.5 threshold of one-output models.
TEST(BatchesTest, CountsCorrectPredictions) {
  Dataset data = fourExamples({2, 0, 1, 1});
  Tensor scores;
  ASSERT_TRUE(Tensor::create(DType::F32, {2, 3}, scores).ok());
  float values[] = {0.1f, 0.2f, 0.9f, 5, -1, 7};
  std::memcpy(scores.data(), values, sizeof(values));
  int64_t indices[] = {0, 1};
  EXPECT_EQ(countCorrect(scores, data, indices, 2), 1);
  Tensor probabilities;
  ASSERT_TRUE(Tensor::create(DType::F32, {2, 1}, probabilities).ok());
  probabilities.data<float>()[0] = 0.7f;
  probabilities.data<float>()[1] = 0.2f;
  int64_t binary[] = {2, 1}; // labels 1 and 0
  EXPECT_EQ(countCorrect(probabilities, data, binary, 2), 2);
}

// Tests that data of the wrong size or with labels out of range is refused.
TEST(BatchesTest, ChecksDataAgainstTheModel) {
  DataBinding binding = bind(desc("x", NNC_DTYPE_F32, 2, kFlat),
                             desc("y", NNC_DTYPE_I64, 1, kBatch));
  EXPECT_TRUE(binding.check(fourExamples({0, 1, 2, 0}), "train").ok());
  EXPECT_EQ(errorOf(binding.check(fourExamples({0, 1, 3, 0}), "train")),
            "train: label #2 is 3, outside the model's classes 0..2");
  DataBinding wide = bind(desc("x", NNC_DTYPE_F32, 4, kImages),
                          desc("y", NNC_DTYPE_I64, 1, kBatch));
  Dataset data = fourExamples({0, 0, 0, 0});
  ASSERT_TRUE(Tensor::create(DType::F32, {4, 3}, data.examples).ok());
  EXPECT_EQ(errorOf(wide.check(data, "train")),
            "train: examples of shape [3] hold 3 values, but the model's "
            "input takes 4 ([1, 2, 2])");
}

// Tests the arguments a binding refuses.
TEST(BatchesTest, RejectsUnusableArguments) {
  DataBinding binding;
  EXPECT_EQ(errorOf(DataBinding::create(desc("x", NNC_DTYPE_F32, 1, kBatch),
                                        desc("y", NNC_DTYPE_I64, 1, kBatch),
                                        kScores3, binding)),
            "the input argument 'x' (f32 [?]) is not an f32 batch of "
            "examples [N, ...]");
  EXPECT_EQ(errorOf(DataBinding::create(desc("x", NNC_DTYPE_F32, 2, kFlat),
                                        desc("y", NNC_DTYPE_F32, 1, kBatch),
                                        kScores3, binding)),
            "the label argument 'y' (f32 [?]) takes no form of class labels "
            "nnc train knows: i64 or i32 [N], one-hot f32 [N, K] or binary "
            "f32 [N, 1], with the input's N and K = 3 outputs of the "
            "prediction entry");
  EXPECT_EQ(errorOf(DataBinding::create(desc("x", NNC_DTYPE_F32, 2, kFlat),
                                        desc("y", NNC_DTYPE_I64, 1, kBatch),
                                        desc("s", NNC_DTYPE_F32, 1, kBatch),
                                        binding)),
            "accuracy needs the prediction entry to return f32 scores "
            "[N, K], but it returns 's' (f32 [?])");
}

} // namespace
