//===- RuntimeTestUtil.cpp - Helpers for Tensor and Executable tests ------===//

#include "RuntimeTestUtil.h"
#include "NpyTestUtil.h"

#include <cstring>
#include <utility>

using namespace nnc;

const char *const nnc::test::kModelSo = NNC_TEST_MODEL_SO;
const char *const nnc::test::kBadAbiSo = NNC_TEST_BAD_ABI_SO;
const char *const nnc::test::kNoSymbolSo = NNC_TEST_NO_SYMBOL_SO;
const char *const nnc::test::kBadDescSo = NNC_TEST_BAD_DESC_SO;

Tensor nnc::test::f32Tensor(std::vector<int64_t> shape,
                            const std::vector<float> &values) {
  Tensor tensor;
  EXPECT_TRUE(Tensor::create(DType::F32, std::move(shape), tensor).ok());
  EXPECT_EQ(size_t(tensor.numElements()), values.size());
  std::memcpy(tensor.data(), values.data(), tensor.byteSize());
  return tensor;
}

Tensor nnc::test::iotaTensor(DType dtype, std::vector<int64_t> shape,
                             double start) {
  Tensor tensor;
  EXPECT_TRUE(Tensor::create(dtype, std::move(shape), tensor).ok());
  for (int64_t i = 0; i < tensor.numElements(); ++i) {
    double value = start + double(i);
    // Bools alternate (odd values are true), like the iota arrays.
    test::storeElement(
        tensor, i, dtype == DType::Bool ? double(int64_t(value) % 2) : value);
  }
  return tensor;
}

std::vector<float> nnc::test::f32Values(const Tensor &tensor) {
  const float *data = tensor.data<float>();
  return std::vector<float>(data, data + tensor.numElements());
}

Executable nnc::test::loadModel() {
  Executable executable;
  Status status = Executable::load(kModelSo, executable);
  EXPECT_TRUE(status.ok()) << status.message();
  return executable;
}

std::string nnc::test::errorOf(const Status &status) {
  return status.ok() ? "<ok>" : status.message();
}

std::string nnc::test::describe(nnc_status_t status) {
  std::string text = std::to_string(int(nnc_status_code(status))) + ": " +
                     nnc_status_message(status);
  nnc_status_free(status);
  return text;
}
