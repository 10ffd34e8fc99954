//===- Json.cpp - A small JSON reader and string quoting ------------------===//

#include "nnc/Json.h"

#include <cstdio>
#include <limits>

using namespace nnc;

namespace {
/// Deeper nesting is an error rather than a deep recursion.
constexpr int kMaxDepth = 64;

class Parser {
public:
  explicit Parser(const std::string &text) : text(text) {}

  Status parseDocument(JsonValue &out) {
    if (Status status = parseValue(out, 0); !status.ok())
      return status;
    skipSpace();
    if (pos != text.size())
      return error("unexpected text after the JSON value");
    return Status::success();
  }

private:
  Status error(const std::string &what) const {
    return Status::error("at byte " + std::to_string(pos) + ": " + what);
  }

  void skipSpace() {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' ||
                                 text[pos] == '\n' || text[pos] == '\r'))
      ++pos;
  }

  bool consume(char c) {
    skipSpace();
    if (pos < text.size() && text[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  }

  bool consumeWord(const char *word) {
    size_t length = std::char_traits<char>::length(word);
    if (text.compare(pos, length, word) != 0)
      return false;
    pos += length;
    return true;
  }

  Status parseValue(JsonValue &out, int depth) {
    if (depth > kMaxDepth)
      return error("nesting deeper than " + std::to_string(kMaxDepth));
    skipSpace();
    if (pos == text.size())
      return error("unexpected end of input");
    char c = text[pos];
    if (c == '{')
      return parseObject(out, depth);
    if (c == '[')
      return parseArray(out, depth);
    if (c == '"') {
      out.kind = JsonValue::Kind::String;
      return parseString(out.text);
    }
    if (c == '-' || (c >= '0' && c <= '9'))
      return parseNumber(out);
    if (consumeWord("true") || consumeWord("false")) {
      out.kind = JsonValue::Kind::Bool;
      out.boolean = c == 't';
      return Status::success();
    }
    if (consumeWord("null")) {
      out.kind = JsonValue::Kind::Null;
      return Status::success();
    }
    return error("unexpected character '" + std::string(1, c) + "'");
  }

  Status parseObject(JsonValue &out, int depth) {
    out.kind = JsonValue::Kind::Object;
    ++pos; // '{'
    if (consume('}'))
      return Status::success();
    do {
      skipSpace();
      std::string key;
      if (pos == text.size() || text[pos] != '"')
        return error("expected a string key");
      if (Status status = parseString(key); !status.ok())
        return status;
      if (out.find(key))
        return error("duplicate key \"" + key + "\"");
      if (!consume(':'))
        return error("expected ':' after an object key");
      JsonValue value;
      if (Status status = parseValue(value, depth + 1); !status.ok())
        return status;
      out.members.emplace_back(std::move(key), std::move(value));
    } while (consume(','));
    return consume('}') ? Status::success() : error("expected ',' or '}'");
  }

  Status parseArray(JsonValue &out, int depth) {
    out.kind = JsonValue::Kind::Array;
    ++pos; // '['
    if (consume(']'))
      return Status::success();
    do {
      out.items.emplace_back();
      if (Status status = parseValue(out.items.back(), depth + 1); !status.ok())
        return status;
    } while (consume(','));
    return consume(']') ? Status::success() : error("expected ',' or ']'");
  }

  /// RFC 8259 number grammar; the literal is kept as text.
  Status parseNumber(JsonValue &out) {
    size_t start = pos;
    auto digits = [&] {
      size_t first = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
        ++pos;
      return pos > first;
    };
    if (text[pos] == '-')
      ++pos;
    if (pos < text.size() && text[pos] == '0')
      ++pos;
    else if (!digits())
      return error("malformed number");
    if (pos < text.size() && text[pos] == '.' && (++pos, !digits()))
      return error("malformed number");
    if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
      ++pos;
      if (pos < text.size() && (text[pos] == '+' || text[pos] == '-'))
        ++pos;
      if (!digits())
        return error("malformed number");
    }
    out.kind = JsonValue::Kind::Number;
    out.text = text.substr(start, pos - start);
    return Status::success();
  }

  Status parseHex4(uint32_t &value) {
    value = 0;
    for (int i = 0; i < 4; ++i, ++pos) {
      char c = pos < text.size() ? text[pos] : '\0';
      int digit = c >= '0' && c <= '9'   ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                         : -1;
      if (digit < 0)
        return error("malformed \\u escape");
      value = value * 16 + uint32_t(digit);
    }
    return Status::success();
  }

  /// A \uXXXX escape (pos after the 'u'), joining surrogate pairs.
  Status parseUnicodeEscape(std::string &out) {
    uint32_t code;
    if (Status status = parseHex4(code); !status.ok())
      return status;
    if (code >= 0xD800 && code < 0xDC00) {
      uint32_t low;
      if (!consumeWord("\\u"))
        return error("unpaired surrogate in \\u escape");
      if (Status status = parseHex4(low); !status.ok())
        return status;
      if (low < 0xDC00 || low >= 0xE000)
        return error("unpaired surrogate in \\u escape");
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    } else if (code >= 0xDC00 && code < 0xE000) {
      return error("unpaired surrogate in \\u escape");
    }
    appendUtf8(code, out);
    return Status::success();
  }

  static void appendUtf8(uint32_t code, std::string &out) {
    if (code < 0x80) {
      out += char(code);
    } else if (code < 0x800) {
      out += char(0xC0 | (code >> 6));
      out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += char(0xE0 | (code >> 12));
      out += char(0x80 | ((code >> 6) & 0x3F));
      out += char(0x80 | (code & 0x3F));
    } else {
      out += char(0xF0 | (code >> 18));
      out += char(0x80 | ((code >> 12) & 0x3F));
      out += char(0x80 | ((code >> 6) & 0x3F));
      out += char(0x80 | (code & 0x3F));
    }
  }

  Status parseEscape(std::string &out) {
    if (pos == text.size())
      return error("unterminated string");
    char c = text[pos++];
    static const char kPlain[] = "\"\\/bfnrt";
    static const char kDecoded[] = "\"\\/\b\f\n\r\t";
    for (size_t i = 0; kPlain[i]; ++i) {
      if (c == kPlain[i]) {
        out += kDecoded[i];
        return Status::success();
      }
    }
    if (c == 'u')
      return parseUnicodeEscape(out);
    --pos;
    return error("unknown escape '\\" + std::string(1, c) + "'");
  }

  Status parseString(std::string &out) {
    ++pos; // '"'
    out.clear();
    while (pos < text.size()) {
      char c = text[pos];
      if (c == '"') {
        ++pos;
        return Status::success();
      }
      if (static_cast<unsigned char>(c) < 0x20)
        return error("control character in a string");
      ++pos;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (Status status = parseEscape(out); !status.ok())
        return status;
    }
    return error("unterminated string");
  }

  const std::string &text;
  size_t pos = 0;
};
} // namespace

const JsonValue *JsonValue::find(const std::string &key) const {
  for (const auto &[name, value] : members)
    if (name == key)
      return &value;
  return nullptr;
}

bool JsonValue::asNonNegativeInt(int64_t &value) const {
  if (kind != Kind::Number || text.empty() || text[0] == '-')
    return false;
  uint64_t result = 0;
  for (char c : text) {
    if (c < '0' || c > '9')
      return false;
    uint64_t digit = uint64_t(c - '0');
    if (result > (uint64_t(std::numeric_limits<int64_t>::max()) - digit) / 10)
      return false;
    result = result * 10 + digit;
  }
  value = int64_t(result);
  return true;
}

Status nnc::parseJson(const std::string &text, JsonValue &out) {
  JsonValue value;
  if (Status status = Parser(text).parseDocument(value); !status.ok())
    return status;
  out = std::move(value);
  return Status::success();
}

std::string nnc::quoteJson(const std::string &value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof(escape), "\\u%04x", unsigned(c));
      out += escape;
    } else {
      out += c;
    }
  }
  return out + "\"";
}
