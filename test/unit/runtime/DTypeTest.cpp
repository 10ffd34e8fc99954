//===- DTypeTest.cpp - DType, Status and array helpers --------------------===//

#include <nnc/DType.h>
#include <nnc/Npy.h>
#include <nnc/Status.h>

#include <gtest/gtest.h>

using namespace nnc;

namespace {

// Tests that each DType has its short diagnostic name.
TEST(DTypeTest, NamesAreShortLowerCase) {
  EXPECT_STREQ(dtypeName(DType::F32), "f32");
  EXPECT_STREQ(dtypeName(DType::F64), "f64");
  EXPECT_STREQ(dtypeName(DType::I64), "i64");
  EXPECT_STREQ(dtypeName(DType::I32), "i32");
  EXPECT_STREQ(dtypeName(DType::Bool), "bool");
}

// Tests that element sizes match NumPy's itemsize, one byte for bool.
TEST(DTypeTest, SizesMatchNumpyItemsize) {
  EXPECT_EQ(dtypeSize(DType::F32), 4u);
  EXPECT_EQ(dtypeSize(DType::F64), 8u);
  EXPECT_EQ(dtypeSize(DType::I64), 8u);
  EXPECT_EQ(dtypeSize(DType::I32), 4u);
  EXPECT_EQ(dtypeSize(DType::Bool), 1u);
}

// Tests that a success Status is ok and carries no message.
TEST(StatusTest, SuccessIsOkWithoutMessage) {
  Status status = Status::success();
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.message(), "");
}

// Tests that an error Status is not ok and keeps its message.
TEST(StatusTest, ErrorKeepsMessage) {
  Status status = Status::error("x.npy: file is empty");
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "x.npy: file is empty");
}

// Tests that shapes print as bracketed comma-separated lists.
TEST(DescribeShapeTest, PrintsBracketedList) {
  EXPECT_EQ(describeShape({}), "[]");
  EXPECT_EQ(describeShape({5}), "[5]");
  EXPECT_EQ(describeShape({2, 3}), "[2, 3]");
}

// Tests that a 0-d array holds one element.
TEST(NpyArrayTest, ZeroDimArrayHasOneElement) {
  NpyArray array;
  EXPECT_EQ(array.numElements(), 1);
}

// Tests that a zero-extent dimension makes the array empty.
TEST(NpyArrayTest, ZeroExtentArrayHasNoElements) {
  NpyArray array;
  array.shape = {2, 0, 3};
  EXPECT_EQ(array.numElements(), 0);
}

} // namespace
