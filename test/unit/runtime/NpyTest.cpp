//===- NpyTest.cpp - Parsing .npy bytes -----------------------------------===//
//
// Fixtures are written out by hand from what numpy.save produces (see
// kArange6Header), so that the parser is checked against NumPy's real layout
// rather than against our own writer.
//
//===----------------------------------------------------------------------===//

#include "NpyTestUtil.h"

#include <nnc/Npy.h>

#include <gtest/gtest.h>

#include <ostream>

using namespace nnc;
using namespace nnc::test;

namespace {

std::string dictWith(const std::string &descr, const std::string &shape,
                     const std::string &fortranOrder = "False") {
  return "{'descr': '" + descr + "', 'fortran_order': " + fortranOrder +
         ", 'shape': " + shape + ", }";
}

// Tests that numpy's header for a float matrix parses to its shape and data.
TEST(NpyParseTest, ReadsNumpyFloatMatrix) {
  ASSERT_EQ(kArange6Header.size(), 128u);
  std::vector<uint8_t> bytes = bytesOf(kArange6Header + kArange6Data);
  NpyArray array;
  ASSERT_TRUE(parseNpy(bytes.data(), bytes.size(), array).ok());
  EXPECT_EQ(array.dtype, DType::F32);
  EXPECT_EQ(array.shape, (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(array.data, iotaArray(DType::F32, {2, 3}).data);
}

// Tests that the shape () reads as a 0-d array with one element.
TEST(NpyParseTest, ReadsNumpyScalar) {
  std::string onePointFive("\x00\x00\x00\x00\x00\x00\xf8\x3f", 8);
  std::vector<uint8_t> bytes = npyBytes(dictWith("<f8", "()"), onePointFive);
  NpyArray array;
  ASSERT_TRUE(parseNpy(bytes.data(), bytes.size(), array).ok());
  EXPECT_EQ(array.dtype, DType::F64);
  EXPECT_TRUE(array.shape.empty());
  EXPECT_EQ(array.data, bytesOf(onePointFive));
}

// Tests that a 1-d bool array, shape "(5,)" and descr '|b1', parses.
TEST(NpyParseTest, ReadsNumpyBoolVector) {
  std::string data("\x00\x01\x00\x01\x00", 5);
  std::vector<uint8_t> bytes = npyBytes(dictWith("|b1", "(5,)"), data);
  NpyArray array;
  ASSERT_TRUE(parseNpy(bytes.data(), bytes.size(), array).ok());
  EXPECT_EQ(array.dtype, DType::Bool);
  EXPECT_EQ(array.shape, (std::vector<int64_t>{5}));
  EXPECT_EQ(array.data, bytesOf(data));
}

// Tests that version 2.0, with its 4-byte header length, is read.
TEST(NpyParseTest, AcceptsVersion2Header) {
  std::vector<uint8_t> bytes =
      npyBytes(dictWith("<f4", "(2, 3)"), kArange6Data, 2);
  NpyArray array;
  Status status = parseNpy(bytes.data(), bytes.size(), array);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(array.shape, (std::vector<int64_t>{2, 3}));
}

// Tests that version 3.0 (2.0 with a UTF-8 header) is read.
TEST(NpyParseTest, AcceptsVersion3Header) {
  std::vector<uint8_t> bytes =
      npyBytes(dictWith("<i4", "(0,)"), /*data=*/"", 3);
  NpyArray array;
  Status status = parseNpy(bytes.data(), bytes.size(), array);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(array.dtype, DType::I32);
}

// Tests that dictionary entries may come in any order.
TEST(NpyParseTest, AcceptsKeysInAnyOrder) {
  std::vector<uint8_t> bytes =
      npyBytes("{'shape': (2, 3), 'fortran_order': False, 'descr': '<f4'}",
               kArange6Data);
  NpyArray array;
  Status status = parseNpy(bytes.data(), bytes.size(), array);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(array.shape, (std::vector<int64_t>{2, 3}));
}

// Tests that Python 2 long literals ("3L"), found in old files, are read.
TEST(NpyParseTest, AcceptsPython2LongDimensions) {
  std::vector<uint8_t> bytes =
      npyBytes(dictWith("<f4", "(2L, 3L)"), kArange6Data);
  NpyArray array;
  Status status = parseNpy(bytes.data(), bytes.size(), array);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(array.shape, (std::vector<int64_t>{2, 3}));
}

// Tests that a failed parse leaves the output array as it was.
TEST(NpyParseTest, LeavesOutputUnchangedOnError) {
  NpyArray array = iotaArray(DType::I64, {3});
  std::vector<uint8_t> bytes = npyBytes(dictWith("<f4", "(2, 3)"), "");
  ASSERT_FALSE(parseNpy(bytes.data(), bytes.size(), array).ok());
  EXPECT_EQ(array.dtype, DType::I64);
  EXPECT_EQ(array.shape, (std::vector<int64_t>{3}));
  EXPECT_EQ(array.data, iotaArray(DType::I64, {3}).data);
}

// Tests that input without the magic string is rejected as not .npy.
TEST(NpyRejectTest, BadMagic) {
  std::vector<uint8_t> bytes = bytesOf(kArange6Header + kArange6Data);
  bytes[1] = 'X';
  EXPECT_EQ(parseError(bytes), "not a .npy file (no \\x93NUMPY magic string)");
}

// Tests that input ending inside the fixed-size preamble is rejected.
TEST(NpyRejectTest, TruncatedPreamble) {
  std::vector<uint8_t> bytes = bytesOf(kArange6Header.substr(0, 9));
  EXPECT_EQ(parseError(bytes),
            "truncated preamble: 9 bytes, but a version 1.0 preamble takes 10");
}

// Tests that input shorter than the declared header length is rejected.
TEST(NpyRejectTest, TruncatedHeader) {
  std::vector<uint8_t> bytes = bytesOf(kArange6Header.substr(0, 100));
  EXPECT_EQ(parseError(bytes), "truncated header: header length is 118 bytes "
                               "but only 90 bytes follow");
}

// Tests that format versions other than 1.0, 2.0 and 3.0 are rejected.
TEST(NpyRejectTest, UnsupportedVersion) {
  std::vector<uint8_t> bytes = bytesOf(kArange6Header + kArange6Data);
  bytes[6] = 4;
  EXPECT_EQ(parseError(bytes), "unsupported .npy format version 4.0 "
                               "(expected 1.0, 2.0 or 3.0)");
}

// Tests that an unknown dtype is named along with the supported ones.
TEST(NpyRejectTest, UnknownDtypeIsNamed) {
  std::vector<uint8_t> bytes = npyBytes(dictWith("<f2", "(2,)"), "abcd");
  EXPECT_EQ(parseError(bytes), "unsupported dtype '<f2' (expected one of "
                               "<f4, <f8, <i8, <i4, |b1)");
}

// Tests that a big-endian variant of a supported dtype gets its own message.
TEST(NpyRejectTest, BigEndianDtype) {
  std::vector<uint8_t> bytes = npyBytes(dictWith(">f4", "(1,)"), "abcd");
  EXPECT_EQ(parseError(bytes), "unsupported big-endian dtype '>f4' (only "
                               "little-endian arrays are supported)");
}

// Tests that Fortran-order arrays are rejected rather than misread.
TEST(NpyRejectTest, FortranOrder) {
  std::vector<uint8_t> bytes =
      npyBytes(dictWith("<f4", "(2, 3)", "True"), kArange6Data);
  EXPECT_EQ(parseError(bytes),
            "fortran_order arrays are not supported (save a C-order array, "
            "e.g. numpy.ascontiguousarray(a))");
}

// Tests that data shorter than the shape needs is rejected with both sizes.
TEST(NpyRejectTest, DataShorterThanShape) {
  std::vector<uint8_t> bytes =
      npyBytes(dictWith("<f4", "(2, 3)"), kArange6Data.substr(0, 20));
  EXPECT_EQ(parseError(bytes), "data size mismatch: shape [2, 3] of f32 needs "
                               "24 bytes but 20 bytes follow the header");
}

// Tests that data longer than the shape needs is rejected with both sizes.
TEST(NpyRejectTest, DataLongerThanShape) {
  std::vector<uint8_t> bytes =
      npyBytes(dictWith("<f4", "(2, 3)"), kArange6Data + "abcd");
  EXPECT_EQ(parseError(bytes), "data size mismatch: shape [2, 3] of f32 needs "
                               "24 bytes but 28 bytes follow the header");
}

// Tests that a shape whose byte size overflows is rejected.
TEST(NpyRejectTest, ShapeTooLarge) {
  std::vector<uint8_t> bytes =
      npyBytes(dictWith("<f4", "(4611686018427387904, 2)"));
  EXPECT_EQ(parseError(bytes),
            "shape [4611686018427387904, 2] of f32 is too large");
}

struct MalformedCase {
  const char *name;
  const char *dict;
  const char *message;
};

const MalformedCase kMalformedCases[] = {
    {"MissingOpeningBrace",
     "'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
     "expected '{' at offset 0"},
    {"MissingColon", "{'descr' '<f4', 'fortran_order': False, 'shape': (2,), }",
     "expected ':' after key 'descr' at offset 9"},
    {"MissingComma", "{'descr': '<f4' 'fortran_order': False, 'shape': (2,), }",
     "expected ',' or '}' at offset 16"},
    {"UnterminatedString", "{'descr': '<f4",
     "unterminated string at offset 10"},
    {"MissingKey", "{'descr': '<f4', 'fortran_order': False, }",
     "missing key 'shape'"},
    {"UnexpectedKey",
     "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1, }",
     "unexpected key 'x' (expected 'descr', 'fortran_order' and 'shape')"},
    {"DuplicateKey",
     "{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (), }",
     "duplicate key 'descr'"},
    {"DescrNotString", "{'descr': 5, 'fortran_order': False, 'shape': (2,), }",
     "expected a string for 'descr' at offset 10"},
    {"FortranOrderNotBool",
     "{'descr': '<f4', 'fortran_order': 0, 'shape': (2,), }",
     "expected True or False for 'fortran_order' at offset 34"},
    {"ShapeNotTuple",
     "{'descr': '<f4', 'fortran_order': False, 'shape': [2], }",
     "expected a tuple for 'shape' at offset 50"},
    {"NegativeDimension",
     "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }",
     "expected a non-negative integer in 'shape' at offset 51"},
    {"DimensionsWithoutComma",
     "{'descr': '<f4', 'fortran_order': False, 'shape': (2 3), }",
     "expected ',' or ')' in 'shape' at offset 53"},
    {"OneDimShapeWithoutComma",
     "{'descr': '<f4', 'fortran_order': False, 'shape': (5), }",
     "'shape' (5) is not a tuple (a 1-d shape is written (5,))"},
    {"DimensionOverflow",
     "{'descr': '<f4', 'fortran_order': False, "
     "'shape': (99999999999999999999,), }",
     "dimension at offset 51 is too large"},
    {"TextAfterDictionary",
     "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), } x",
     "unexpected text after the dictionary at offset 58"},
};

void PrintTo(const MalformedCase &malformed, std::ostream *os) {
  *os << malformed.name;
}

class NpyMalformedHeaderTest : public testing::TestWithParam<MalformedCase> {};

// Tests that a malformed header dictionary is rejected with a message saying
// what was expected where.
TEST_P(NpyMalformedHeaderTest, IsRejectedWithPreciseMessage) {
  std::vector<uint8_t> bytes = npyBytes(GetParam().dict, "abcdefgh");
  EXPECT_EQ(parseError(bytes),
            std::string("malformed header: ") + GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Dicts, NpyMalformedHeaderTest, testing::ValuesIn(kMalformedCases),
    [](const testing::TestParamInfo<MalformedCase> &param) {
      return std::string(param.param.name);
    });

} // namespace
