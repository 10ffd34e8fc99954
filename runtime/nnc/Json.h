//===- Json.h - A small JSON reader and string quoting ----------*- C++ -*-===//
//
// Internal to the runtime (not exported). The safetensors header is JSON, and
// the runtime must not depend on a JSON library (nor LLVM's), so this is a
// strict RFC 8259 reader: no comments, no trailing commas, no duplicate keys,
// nesting limited so that hostile input cannot exhaust the stack. Numbers
// keep their literal text; callers convert what they expect.
//
// Thread-safety: pure functions and plain values.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_JSON_H
#define NNC_JSON_H

#include "nnc/Status.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace nnc {

struct JsonValue {
  enum class Kind { Null, Bool, Number, String, Array, Object };

  Kind kind = Kind::Null;
  bool boolean = false;
  /// The decoded string, or a number's literal text.
  std::string text;
  std::vector<JsonValue> items;
  /// Object members in document order; keys are unique.
  std::vector<std::pair<std::string, JsonValue>> members;

  /// The member named `key`, or null.
  const JsonValue *find(const std::string &key) const;

  /// Whether this is a number holding a non-negative integer that fits in
  /// int64_t (no fraction, no exponent), stored in `value`.
  bool asNonNegativeInt(int64_t &value) const;
};

/// Parses `text` as one JSON value. Errors name the byte offset:
/// "at byte 17: expected ':' after an object key".
Status parseJson(const std::string &text, JsonValue &out);

/// `value` as a JSON string literal, quotes included.
std::string quoteJson(const std::string &value);

} // namespace nnc

#endif // NNC_JSON_H
