//===- Status.h - Success or error with a message ---------------*- C++ -*-===//
//
// The runtime is built without exceptions, so every fallible function returns
// a Status. Messages are ready to print: lower-case, no final period, naming
// the file and the numbers involved.
//
// Thread-safety: a plain value type; distinct instances may be used from
// distinct threads.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_STATUS_H
#define NNC_STATUS_H

#include <string>
#include <utility>

namespace nnc {

class [[nodiscard]] Status {
public:
  static Status success() { return Status(); }

  static Status error(std::string message) {
    Status status;
    status.failed = true;
    status.text = std::move(message);
    return status;
  }

  bool ok() const { return !failed; }

  /// The error message; empty on success.
  const std::string &message() const { return text; }

private:
  Status() = default;

  bool failed = false;
  std::string text;
};

} // namespace nnc

#endif // NNC_STATUS_H
