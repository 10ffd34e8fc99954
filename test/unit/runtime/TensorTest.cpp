//===- TensorTest.cpp - Owned and borrowed tensors, .npy conversion -------===//

#include "RuntimeTestUtil.h"

#include <nnc/Npy.h>
#include <nnc/Tensor.h>

#include <gtest/gtest.h>

#include <cstdint>

using namespace nnc;
using namespace nnc::test;

namespace {

// Tests that create() gives zero-filled, 64-byte aligned data of the shape.
TEST(TensorTest, CreateIsZeroedAndAligned) {
  Tensor tensor;
  ASSERT_TRUE(Tensor::create(DType::F64, {3, 5}, tensor).ok());
  EXPECT_EQ(tensor.shape(), (std::vector<int64_t>{3, 5}));
  EXPECT_EQ(tensor.numElements(), 15);
  EXPECT_EQ(tensor.byteSize(), 120u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(tensor.data()) % 64, 0u);
  for (int64_t i = 0; i < 15; ++i)
    EXPECT_EQ(tensor.data<double>()[i], 0.0);
  EXPECT_FALSE(tensor.isBorrowed());
}

// Tests that a 0-d tensor holds one element and an empty one none, both
// with a non-null data pointer.
TEST(TensorTest, ScalarAndEmptyShapes) {
  Tensor scalar, empty;
  ASSERT_TRUE(Tensor::create(DType::I64, {}, scalar).ok());
  ASSERT_TRUE(Tensor::create(DType::F32, {0, 4}, empty).ok());
  EXPECT_EQ(scalar.numElements(), 1);
  EXPECT_EQ(scalar.byteSize(), 8u);
  EXPECT_EQ(empty.numElements(), 0);
  EXPECT_NE(empty.data(), nullptr);
}

// Tests that negative and overflowing shapes are errors, not crashes.
TEST(TensorTest, CreateRejectsBadShapes) {
  Tensor tensor;
  EXPECT_EQ(errorOf(Tensor::create(DType::F32, {2, -1}, tensor)),
            "negative dimension in shape [2, -1]");
  EXPECT_EQ(errorOf(Tensor::create(DType::F32, {INT64_MAX / 2, 4}, tensor)),
            "shape [4611686018427387903, 4] of f32 is too large");
  EXPECT_TRUE(tensor.isNull());
}

// Tests that copies of a handle share data and clone() does not.
TEST(TensorTest, CopiesShareAndCloneCopies) {
  Tensor tensor = iotaTensor(DType::I32, {4});
  Tensor copy = tensor;
  Tensor cloned;
  ASSERT_TRUE(tensor.clone(cloned).ok());
  tensor.data<int32_t>()[0] = 42;
  EXPECT_EQ(copy.data(), tensor.data());
  EXPECT_EQ(copy.data<int32_t>()[0], 42);
  EXPECT_EQ(cloned.data<int32_t>()[0], 0);
  EXPECT_EQ(cloned.data<int32_t>()[3], 3);
}

// Tests that the owned data outlives the handle it was created through.
TEST(TensorTest, DataLivesWhileAnyCopyLives) {
  Tensor copy;
  {
    Tensor tensor = iotaTensor(DType::F32, {1000}, 1);
    copy = tensor;
  }
  EXPECT_EQ(copy.data<float>()[999], 1000.0f);
}

// Tests that a borrowed tensor uses the caller's memory as is.
TEST(TensorTest, BorrowUsesCallerMemory) {
  float values[6] = {1, 2, 3, 4, 5, 6};
  Tensor tensor = Tensor::borrow(DType::F32, {2, 3}, values);
  EXPECT_TRUE(tensor.isBorrowed());
  EXPECT_EQ(tensor.data(), values);
  tensor.data<float>()[5] = 60;
  EXPECT_EQ(values[5], 60);
}

// Tests that a default handle is null and converts to an empty array.
TEST(TensorTest, DefaultHandleIsNull) {
  Tensor tensor;
  EXPECT_TRUE(tensor.isNull());
  EXPECT_EQ(tensor.numElements(), 0);
  EXPECT_EQ(tensor.toNpy().shape, (std::vector<int64_t>{0}));
}

// Tests that Tensor -> NpyArray -> Tensor keeps dtype, shape and bytes.
TEST(TensorTest, NpyRoundTrip) {
  Tensor tensor = iotaTensor(DType::I64, {2, 3}, 7);
  NpyArray array = tensor.toNpy();
  EXPECT_EQ(array.dtype, DType::I64);
  EXPECT_EQ(array.shape, (std::vector<int64_t>{2, 3}));
  Tensor back;
  ASSERT_TRUE(Tensor::fromNpy(array, back).ok());
  EXPECT_NE(back.data(), tensor.data());
  EXPECT_EQ(back.shape(), tensor.shape());
  EXPECT_EQ(back.data<int64_t>()[5], 12);
}

// Tests that an NpyArray whose data does not fit its shape is rejected.
TEST(TensorTest, FromNpyRejectsSizeMismatch) {
  NpyArray array;
  array.dtype = DType::F32;
  array.shape = {2, 2};
  array.data.resize(12);
  Tensor tensor;
  EXPECT_EQ(errorOf(Tensor::fromNpy(array, tensor)),
            "array data has 12 bytes but [2, 2] of f32 needs 16");
}

} // namespace
