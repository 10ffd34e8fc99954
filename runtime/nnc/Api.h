//===- Api.h - Symbol visibility of the runtime API -------------*- C++ -*-===//
//
// libnnc_runtime.so is built with -fvisibility=hidden so that only the
// documented API is exported and internal helpers can change freely; NNC_API
// marks the exported declarations.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_API_H
#define NNC_API_H

#define NNC_API __attribute__((visibility("default")))

#endif // NNC_API_H
