//===- NpyHeader.cpp - The preamble and header of .npy files --------------===//
//
// Layout (numpy/lib/format.py): the magic string "\x93NUMPY", a major and a
// minor version byte, the header length (2 bytes little-endian in version 1.0,
// 4 bytes in 2.0 and 3.0), then a Python dict literal padded with spaces and
// ended by '\n', then the raw array data.
//
//===----------------------------------------------------------------------===//

#include "nnc/NpyHeader.h"

#include <cctype>
#include <cstring>
#include <iterator>
#include <string_view>

using namespace nnc;

namespace {
constexpr char kMagic[] = "\x93NUMPY";
constexpr size_t kMagicSize = 6;
// numpy.save aligns the data to this many bytes so that it can be mapped and
// read in place for any element type.
constexpr size_t kArrayAlign = 64;
// numpy.save leaves room to rewrite the first dimension in place with up to
// this many digits (GROWTH_AXIS_MAX_DIGITS in numpy/lib/format.py).
constexpr size_t kGrowthAxisMaxDigits = 21;
constexpr const char *kKeys[] = {"descr", "fortran_order", "shape"};

std::string str(size_t n) { return std::to_string(n); }

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool isIdentifierChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

/// Parses the subset of Python literals that numpy.save writes, e.g.
///   {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
class HeaderParser {
public:
  explicit HeaderParser(std::string_view header) : text(header) {}
  Status parse(NpyHeader &out);

private:
  Status parseEntries(NpyHeader &out);
  Status parseEntry(NpyHeader &out, unsigned &seenKeys);
  Status parseString(std::string &out, const std::string &what);
  Status parseBool(bool &out);
  Status parseShape(std::vector<int64_t> &out);
  Status parseDim(int64_t &out);
  Status fail(const std::string &problem) const;
  Status expected(const std::string &what) const;
  void skipSpace();
  bool consume(char c);
  bool consumeWord(std::string_view word);

  std::string_view text;
  size_t pos = 0;
};
} // namespace

Status HeaderParser::fail(const std::string &problem) const {
  return Status::error("malformed header: " + problem);
}

Status HeaderParser::expected(const std::string &what) const {
  return fail("expected " + what + " at offset " + str(pos));
}

void HeaderParser::skipSpace() {
  while (pos < text.size() && isSpace(text[pos]))
    ++pos;
}

bool HeaderParser::consume(char c) {
  skipSpace();
  if (pos == text.size() || text[pos] != c)
    return false;
  ++pos;
  return true;
}

bool HeaderParser::consumeWord(std::string_view word) {
  skipSpace();
  if (text.substr(pos, word.size()) != word)
    return false;
  size_t end = pos + word.size();
  // "Falsey" is not "False".
  if (end < text.size() && isIdentifierChar(text[end]))
    return false;
  pos = end;
  return true;
}

Status HeaderParser::parse(NpyHeader &out) {
  if (!consume('{'))
    return expected("'{'");
  if (Status status = parseEntries(out); !status.ok())
    return status;
  skipSpace();
  if (pos != text.size())
    return fail("unexpected text after the dictionary at offset " + str(pos));
  return Status::success();
}

Status HeaderParser::parseEntries(NpyHeader &out) {
  unsigned seenKeys = 0;
  while (!consume('}')) {
    if (Status status = parseEntry(out, seenKeys); !status.ok())
      return status;
    if (!consume(',')) {
      if (consume('}'))
        break;
      return expected("',' or '}'");
    }
  }
  for (unsigned i = 0; i < std::size(kKeys); ++i)
    if (!(seenKeys & (1u << i)))
      return fail("missing key '" + std::string(kKeys[i]) + "'");
  return Status::success();
}

Status HeaderParser::parseEntry(NpyHeader &out, unsigned &seenKeys) {
  std::string key;
  if (Status status = parseString(key, "a quoted key"); !status.ok())
    return status;
  if (!consume(':'))
    return expected("':' after key '" + key + "'");
  unsigned index = 0;
  while (index < std::size(kKeys) && key != kKeys[index])
    ++index;
  if (index == std::size(kKeys))
    return fail("unexpected key '" + key +
                "' (expected 'descr', 'fortran_order' and 'shape')");
  if (seenKeys & (1u << index))
    return fail("duplicate key '" + key + "'");
  seenKeys |= 1u << index;
  if (key == "descr")
    return parseString(out.descr, "a string for 'descr'");
  if (key == "fortran_order")
    return parseBool(out.fortranOrder);
  return parseShape(out.shape);
}

Status HeaderParser::parseString(std::string &out, const std::string &what) {
  skipSpace();
  if (pos == text.size() || (text[pos] != '\'' && text[pos] != '"'))
    return expected(what);
  size_t close = text.find(text[pos], pos + 1);
  if (close == std::string_view::npos)
    return fail("unterminated string at offset " + str(pos));
  out = std::string(text.substr(pos + 1, close - pos - 1));
  pos = close + 1;
  return Status::success();
}

Status HeaderParser::parseBool(bool &out) {
  if (consumeWord("True"))
    out = true;
  else if (consumeWord("False"))
    out = false;
  else
    return expected("True or False for 'fortran_order'");
  return Status::success();
}

Status HeaderParser::parseShape(std::vector<int64_t> &out) {
  if (!consume('('))
    return expected("a tuple for 'shape'");
  out.clear();
  if (consume(')'))
    return Status::success();
  while (true) {
    int64_t dim = 0;
    if (Status status = parseDim(dim); !status.ok())
      return status;
    out.push_back(dim);
    bool comma = consume(',');
    if (consume(')')) {
      // In Python "(5)" is the integer 5, not a tuple.
      if (out.size() == 1 && !comma)
        return fail("'shape' (" + std::to_string(dim) +
                    ") is not a tuple (a 1-d shape is written (" +
                    std::to_string(dim) + ",))");
      return Status::success();
    }
    if (!comma)
      return expected("',' or ')' in 'shape'");
  }
}

Status HeaderParser::parseDim(int64_t &out) {
  skipSpace();
  size_t start = pos;
  uint64_t value = 0;
  for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
    unsigned digit = static_cast<unsigned>(text[pos] - '0');
    if (value > (uint64_t(INT64_MAX) - digit) / 10)
      return fail("dimension at offset " + str(start) + " is too large");
    value = value * 10 + digit;
  }
  if (pos == start)
    return expected("a non-negative integer in 'shape'");
  // Files written under Python 2 spell long integers "3L"; numpy reads them.
  if (pos < text.size() && text[pos] == 'L')
    ++pos;
  out = static_cast<int64_t>(value);
  return Status::success();
}

namespace {
/// Checks the magic string and reads the major version (1, 2 or 3).
Status decodeVersion(const uint8_t *bytes, size_t size, unsigned &major) {
  if (size < kMagicSize || std::memcmp(bytes, kMagic, kMagicSize) != 0)
    return Status::error("not a .npy file (no \\x93NUMPY magic string)");
  if (size < kMagicSize + 2)
    return Status::error("truncated preamble: " + str(size) +
                         " bytes, but the magic string and version take 8");
  major = bytes[kMagicSize];
  unsigned minor = bytes[kMagicSize + 1];
  if (major < 1 || major > 3 || minor != 0)
    return Status::error("unsupported .npy format version " + str(major) + "." +
                         str(minor) + " (expected 1.0, 2.0 or 3.0)");
  return Status::success();
}

/// Checks the preamble and locates the header dictionary.
Status decodePreamble(const uint8_t *bytes, size_t size, size_t &headerStart,
                      size_t &headerLength) {
  unsigned major = 0;
  if (Status status = decodeVersion(bytes, size, major); !status.ok())
    return status;
  // Version 1.0 stores the header length in 2 bytes, later versions in 4.
  size_t lengthSize = major == 1 ? 2 : 4;
  headerStart = kMagicSize + 2 + lengthSize;
  if (size < headerStart)
    return Status::error("truncated preamble: " + str(size) +
                         " bytes, but a version " + str(major) +
                         ".0 preamble takes " + str(headerStart));
  headerLength = 0;
  for (size_t i = 0; i < lengthSize; ++i)
    headerLength |= size_t(bytes[kMagicSize + 2 + i]) << (8 * i);
  if (headerLength > size - headerStart)
    return Status::error("truncated header: header length is " +
                         str(headerLength) + " bytes but only " +
                         str(size - headerStart) + " bytes follow");
  return Status::success();
}

/// Python's repr of a tuple of ints: "()", "(5,)", "(2, 3)".
std::string pythonTuple(const std::vector<int64_t> &shape) {
  std::string text = "(";
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + (shape.size() == 1 ? ",)" : ")");
}
} // namespace

Status nnc::decodeNpyHeader(const uint8_t *bytes, size_t size,
                            NpyHeader &header, size_t &dataOffset) {
  size_t headerStart = 0, headerLength = 0;
  if (Status status = decodePreamble(bytes, size, headerStart, headerLength);
      !status.ok())
    return status;
  dataOffset = headerStart + headerLength;
  std::string_view text(reinterpret_cast<const char *>(bytes) + headerStart,
                        headerLength);
  return HeaderParser(text).parse(header);
}

Status nnc::encodeNpyHeader(const std::string &descr,
                            const std::vector<int64_t> &shape,
                            std::string &out) {
  std::string dict =
      "{'descr': '" + descr +
      "', 'fortran_order': False, 'shape': " + pythonTuple(shape) + ", }";
  if (!shape.empty())
    dict.append(kGrowthAxisMaxDigits - std::to_string(shape[0]).size(), ' ');
  // As in numpy, the padding is never empty, and the length counts the '\n'.
  size_t prefixSize = kMagicSize + 4;
  size_t padding = kArrayAlign - (prefixSize + dict.size() + 1) % kArrayAlign;
  size_t headerLength = dict.size() + padding + 1;
  if (headerLength > 0xffff)
    return Status::error("header of " + str(headerLength) +
                         " bytes is too long for .npy format version 1.0");
  out.assign(kMagic, kMagicSize);
  out += {'\x01', '\x00', char(headerLength & 0xff), char(headerLength >> 8)};
  out += dict;
  out.append(padding, ' ');
  out += '\n';
  return Status::success();
}
