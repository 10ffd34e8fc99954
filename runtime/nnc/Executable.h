//===- Executable.h - Calling the entry points of a compiled model -*- C++ -*-//
//
// An Executable wraps the descriptor a compiled model exports (nnc/abi.h):
// it loads an AOT model.so, or adopts the descriptor of JIT-compiled code, and
// calls entries by name on Tensors, checking every argument against the
// entry's signature before any compiled code runs.
//
//   nnc::Executable exe;
//   if (Status s = nnc::Executable::load("mlp.so", exe); !s.ok()) ...
//   std::vector<nnc::Tensor> results;
//   if (Status s = exe.call("forward", {x, w1, b1}, results); !s.ok()) ...
//
// Thread-safety: one Executable is not safe for concurrent calls, because the
// calls of an entry share its scratch arena and argument buffers; the const
// queries may run concurrently with each other. Copies share the loaded code
// but each copy has its own arenas, so one copy per thread may call
// concurrently.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_EXECUTABLE_H
#define NNC_EXECUTABLE_H

#include "nnc/Api.h"
#include "nnc/Status.h"
#include "nnc/Tensor.h"
#include "nnc/abi.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace nnc {

class Executable {
public:
  /// A null executable with no entries (isNull()).
  NNC_API Executable();
  NNC_API ~Executable();
  /// Shares the loaded code; the copy starts with empty arenas.
  NNC_API Executable(const Executable &other);
  NNC_API Executable &operator=(const Executable &other);
  NNC_API Executable(Executable &&other) noexcept;
  NNC_API Executable &operator=(Executable &&other) noexcept;

  /// Loads a compiled model (dlopen, RTLD_NOW | RTLD_LOCAL). A path without a
  /// '/' names a file in the current directory, not one on the library search
  /// path. Errors (missing or unloadable file, no nnc_model_descriptor symbol,
  /// ABI version mismatch, malformed descriptor) start with "PATH: ". The
  /// library stays loaded while any copy of `out` lives.
  NNC_API static Status load(const std::string &soPath, Executable &out);

  /// Adopts a descriptor whose code is already in the process (the JIT).
  /// `keepAlive` is released, with the descriptor, when the last copy of
  /// `out` dies; it keeps the descriptor and its code valid until then.
  NNC_API static Status fromDescriptor(const nnc_model_desc_t *desc,
                                       std::shared_ptr<void> keepAlive,
                                       Executable &out);

  bool isNull() const { return module == nullptr; }

  /// The model's descriptor, or null for a null executable.
  NNC_API const nnc_model_desc_t *descriptor() const;

  /// The names of the entries, in descriptor order.
  NNC_API std::vector<std::string> entryNames() const;

  /// Finds an entry's descriptor; an unknown name is an error listing the
  /// available entries. `out` stays valid while any copy of this lives.
  NNC_API Status findEntry(const std::string &name,
                           const nnc_entry_desc_t *&out) const;

  /// Calls `entry` on `args`, which must match its signature: count, dtype,
  /// rank and every static size; the dynamic (-1) sizes bind the batch size
  /// N and must all agree. Arguments may be written in place by entries that
  /// update parameters or state (training steps).
  ///
  /// `results` is resized to the entry's result count. A results[i] that
  /// already has the result's dtype and shape (-1 replaced by N), and does
  /// not overlap an argument, is written in place, so a loop that passes the
  /// same `results` back allocates nothing; any other results[i] is replaced
  /// by a new tensor. Writing in place shows through every copy of the
  /// handle: clone() or move out a result to keep it past the next call. On
  /// error no compiled code has run and `results` is valid but unspecified.
  NNC_API Status call(const std::string &entry, const std::vector<Tensor> &args,
                      std::vector<Tensor> &results);

  /// The bytes currently reserved for the scratch arena of `entry` by this
  /// copy (0 before its first call or for an unknown entry). The arena grows
  /// when a call's batch size needs more and never shrinks.
  NNC_API size_t arenaCapacity(const std::string &entry) const;

private:
  struct Module;
  struct Scratch;

  Scratch &scratchFor(size_t entryIndex);

  // The descriptor and what keeps its code loaded; shared by copies.
  std::shared_ptr<const Module> module;
  // Per-entry arenas and memref descriptors; owned by this copy alone, and
  // created on first use.
  std::unique_ptr<std::vector<Scratch>> scratch;
};

} // namespace nnc

#endif // NNC_EXECUTABLE_H
