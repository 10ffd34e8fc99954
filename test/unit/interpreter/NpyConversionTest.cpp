//===- NpyConversionTest.cpp - RefTensor <-> .npy arrays ------------------===//
//
// Tests that each dtype widens into a RefTensor and narrows back to the same
// bytes, with arrays built byte by byte as NumPy lays them out.
//
//===----------------------------------------------------------------------===//

#include "compiler/interpreter/NpyConversion.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace nnc;
using namespace nnc::interp;

namespace {

/// An array of `dtype` whose data are the bytes of `values`.
template <typename T>
NpyArray makeArray(DType dtype, std::vector<int64_t> shape,
                   const std::vector<T> &values) {
  NpyArray array;
  array.dtype = dtype;
  array.shape = std::move(shape);
  array.data.resize(values.size() * sizeof(T));
  std::memcpy(array.data.data(), values.data(), array.data.size());
  return array;
}

TEST(NpyConversionTest, F32WidensToDoubleAndRoundTrips) {
  NpyArray array =
      makeArray<float>(DType::F32, {2, 2}, {0.1f, -2.5f, 3.f, 0.f});
  RefTensor tensor = fromNpy(array);
  EXPECT_EQ(tensor.dtype, DType::F32);
  EXPECT_EQ(tensor.shape, (Shape{2, 2}));
  // 0.1f widened exactly, not the double 0.1.
  EXPECT_EQ(tensor.floats[0], static_cast<double>(0.1f));
  EXPECT_EQ(tensor.floats[1], -2.5);
  EXPECT_TRUE(tensor.ints.empty());
  NpyArray back = toNpy(tensor);
  EXPECT_EQ(back.dtype, DType::F32);
  EXPECT_EQ(back.shape, array.shape);
  EXPECT_EQ(back.data, array.data);
}

TEST(NpyConversionTest, F32NarrowingRoundsToNearest) {
  RefTensor tensor = RefTensor::fromFloats({1}, {0.1});
  NpyArray array = toNpy(tensor);
  ASSERT_EQ(array.data.size(), sizeof(float));
  float value;
  std::memcpy(&value, array.data.data(), sizeof(float));
  EXPECT_EQ(value, 0.1f);
}

TEST(NpyConversionTest, F64RoundTrips) {
  NpyArray array = makeArray<double>(DType::F64, {3}, {0.1, -1e300, 7});
  RefTensor tensor = fromNpy(array);
  EXPECT_EQ(tensor.dtype, DType::F64);
  EXPECT_EQ(tensor.floats, (std::vector<double>{0.1, -1e300, 7}));
  EXPECT_EQ(toNpy(tensor).data, array.data);
}

TEST(NpyConversionTest, I64RoundTrips) {
  NpyArray array =
      makeArray<int64_t>(DType::I64, {3}, {-(int64_t(1) << 40), 0, 9});
  RefTensor tensor = fromNpy(array);
  EXPECT_EQ(tensor.dtype, DType::I64);
  EXPECT_EQ(tensor.ints, (std::vector<int64_t>{-(int64_t(1) << 40), 0, 9}));
  EXPECT_TRUE(tensor.floats.empty());
  EXPECT_EQ(toNpy(tensor).data, array.data);
}

TEST(NpyConversionTest, I32SignExtendsAndRoundTrips) {
  NpyArray array = makeArray<int32_t>(DType::I32, {2}, {-7, 2147483647});
  RefTensor tensor = fromNpy(array);
  EXPECT_EQ(tensor.dtype, DType::I32);
  EXPECT_EQ(tensor.ints, (std::vector<int64_t>{-7, 2147483647}));
  NpyArray back = toNpy(tensor);
  EXPECT_EQ(back.dtype, DType::I32);
  EXPECT_EQ(back.data, array.data);
}

TEST(NpyConversionTest, BoolBecomesZeroOrOne) {
  NpyArray array = makeArray<uint8_t>(DType::Bool, {3}, {1, 0, 1});
  RefTensor tensor = fromNpy(array);
  EXPECT_EQ(tensor.dtype, DType::Bool);
  EXPECT_EQ(tensor.ints, (std::vector<int64_t>{1, 0, 1}));
  EXPECT_EQ(toNpy(tensor).data, array.data);
}

TEST(NpyConversionTest, ZeroDimensionalArrayHasOneElement) {
  NpyArray array = makeArray<float>(DType::F32, {}, {4.5f});
  RefTensor tensor = fromNpy(array);
  EXPECT_TRUE(tensor.shape.empty());
  EXPECT_EQ(tensor.floats, (std::vector<double>{4.5}));
  EXPECT_EQ(toNpy(tensor).data, array.data);
}

} // namespace
