//===- Executable.cpp - Calling the entry points of a compiled model ------===//

#include "nnc/Executable.h"
#include "nnc/Signature.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <utility>

#include <dlfcn.h>
#include <elf.h>
#include <sys/stat.h>

using namespace nnc;

// The memref descriptors are built as arrays of 64-bit words, pointers
// included, which is MLIR's layout only where pointers take 64 bits.
static_assert(sizeof(void *) == sizeof(int64_t), "nnc needs 64-bit pointers");

struct Executable::Module {
  const nnc_model_desc_t *desc;
  std::shared_ptr<void> keepAlive;
};

namespace {
struct FreeDeleter {
  void operator()(void *memory) const { std::free(memory); }
};

/// The number of 64-bit words of a ranked memref descriptor: allocated,
/// aligned, offset, then rank sizes and rank strides.
size_t memrefWords(const nnc_tensor_desc_t &desc) { return 3 + 2 * desc.rank; }

/// Writes the descriptor of a contiguous row-major tensor to `words`.
void writeMemref(const Tensor &tensor, int64_t *words) {
  void *data = tensor.data();
  size_t rank = tensor.rank();
  std::memcpy(&words[0], &data, sizeof(data)); // allocated
  std::memcpy(&words[1], &data, sizeof(data)); // aligned
  words[2] = 0;                                // offset, in elements
  int64_t stride = 1;
  for (size_t d = rank; d-- > 0;) {
    words[3 + d] = tensor.shape()[d];
    words[3 + rank + d] = stride;
    stride *= tensor.shape()[d];
  }
}

bool overlap(const Tensor &a, const Tensor &b) {
  auto *aBegin = static_cast<const char *>(a.data());
  auto *bBegin = static_cast<const char *>(b.data());
  return aBegin && bBegin && aBegin < bBegin + b.byteSize() &&
         bBegin < aBegin + a.byteSize();
}

/// Whether `tensor` overlaps an argument or one of the first `count` results,
/// which would let the compiled code read what it has already overwritten.
bool overlapsOthers(const Tensor &tensor, const std::vector<Tensor> &args,
                    const std::vector<Tensor> &results, size_t count) {
  for (const Tensor &arg : args)
    if (overlap(tensor, arg))
      return true;
  for (size_t i = 0; i < count; ++i)
    if (overlap(tensor, results[i]))
      return true;
  return false;
}

Status prepareResults(const nnc_entry_desc_t &entry,
                      const std::vector<Tensor> &args, int64_t batch,
                      std::vector<Tensor> &results) {
  results.resize(entry.num_results);
  for (uint32_t i = 0; i < entry.num_results; ++i) {
    const nnc_tensor_desc_t &desc = entry.results[i];
    if (matches(results[i], desc, batch) &&
        !overlapsOthers(results[i], args, results, i))
      continue;
    DType dtype = DType::F32;
    (void)dtypeFromAbi(desc.dtype, dtype); // validated on load
    if (Status status =
            Tensor::create(dtype, concreteShape(desc, batch), results[i]);
        !status.ok())
      return Status::error(std::string(entry.name) + ": result #" +
                           std::to_string(i) + ": " + status.message());
  }
  return Status::success();
}

Status lookupEntry(const nnc_model_desc_t *desc, const std::string &name,
                   size_t &index) {
  if (!desc)
    return Status::error("unknown entry '" + name + "' (no model is loaded)");
  for (uint32_t i = 0; i < desc->num_entries; ++i) {
    if (name == desc->entries[i].name) {
      index = i;
      return Status::success();
    }
  }
  std::string available;
  for (uint32_t i = 0; i < desc->num_entries; ++i)
    available += (i ? ", " : "") + std::string(desc->entries[i].name);
  return Status::error("unknown entry '" + name + "' (available: " +
                       (available.empty() ? "none" : available) + ")");
}

/// dlerror() text without the leading "PATH: " that glibc adds, since our
/// messages name the path already.
std::string dlopenError(const std::string &path) {
  const char *text = ::dlerror();
  std::string message = text ? text : "unknown dlopen error";
  if (message.compare(0, path.size() + 2, path + ": ") == 0)
    message.erase(0, path.size() + 2);
  return message;
}
} // namespace

/// What one copy of an Executable needs to call one entry: the scratch
/// arena and the memref descriptors with the pointers `invoke` takes, both
/// kept across calls so that steady-state calls allocate nothing.
struct Executable::Scratch {
  std::unique_ptr<void, FreeDeleter> arena;
  size_t arenaSize = 0;
  std::vector<int64_t> words;
  std::vector<void *> pointers; // into `words`, one per argument and result

  void layOut(const nnc_entry_desc_t &entry);
  Status reserveArena(const nnc_entry_desc_t &entry, int64_t batch);
  void bind(const std::vector<Tensor> &args,
            const std::vector<Tensor> &results);
};

void Executable::Scratch::layOut(const nnc_entry_desc_t &entry) {
  size_t total = 0;
  for (uint32_t i = 0; i < entry.num_args; ++i)
    total += memrefWords(entry.args[i]);
  for (uint32_t i = 0; i < entry.num_results; ++i)
    total += memrefWords(entry.results[i]);
  words.assign(total, 0);
  size_t offset = 0;
  for (uint32_t i = 0; i < entry.num_args; ++i) {
    pointers.push_back(&words[offset]);
    offset += memrefWords(entry.args[i]);
  }
  for (uint32_t i = 0; i < entry.num_results; ++i) {
    pointers.push_back(&words[offset]);
    offset += memrefWords(entry.results[i]);
  }
}

Status Executable::Scratch::reserveArena(const nnc_entry_desc_t &entry,
                                         int64_t batch) {
  uint64_t perBatch = entry.arena_bytes_per_batch;
  uint64_t n = uint64_t(batch);
  if (n && perBatch > (UINT64_MAX - entry.arena_bytes - 63) / n)
    return Status::error(std::string(entry.name) +
                         ": the arena for batch "
                         "size " +
                         std::to_string(batch) + " is too large");
  // Rounded up to whole cache lines; never empty, so never null.
  uint64_t needed = (entry.arena_bytes + perBatch * n + 63) / 64 * 64;
  needed = needed ? needed : 64;
  if (needed <= arenaSize)
    return Status::success();
  void *memory = nullptr;
  if (needed > SIZE_MAX || ::posix_memalign(&memory, 64, size_t(needed)) != 0)
    return Status::error(std::string(entry.name) +
                         ": out of memory "
                         "allocating a " +
                         std::to_string(needed) + "-byte arena");
  arena.reset(memory);
  arenaSize = size_t(needed);
  return Status::success();
}

void Executable::Scratch::bind(const std::vector<Tensor> &args,
                               const std::vector<Tensor> &results) {
  size_t i = 0;
  for (const Tensor &arg : args)
    writeMemref(arg, static_cast<int64_t *>(pointers[i++]));
  for (const Tensor &result : results)
    writeMemref(result, static_cast<int64_t *>(pointers[i++]));
}

Executable::Executable() = default;
Executable::~Executable() = default;
Executable::Executable(const Executable &other) : module(other.module) {}
Executable::Executable(Executable &&other) noexcept = default;
Executable &Executable::operator=(Executable &&other) noexcept = default;

Executable &Executable::operator=(const Executable &other) {
  if (this != &other) {
    module = other.module;
    scratch.reset();
  }
  return *this;
}

/// dlopen maps segments that reach past the end of a truncated file and
/// faults (SIGBUS) when it touches them: check the ELF program headers
/// against the file size first.
static Status checkElfBounds(const std::string &path, off_t fileSize) {
  std::FILE *file = std::fopen(path.c_str(), "rb");
  if (!file)
    return Status::error(path + ": cannot open: " +
                         std::generic_category().message(errno));
  Elf64_Ehdr header;
  // Files that are not ELF at all are left to dlopen, which says so.
  if (std::fread(&header, sizeof header, 1, file) != 1 ||
      std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0) {
    std::fclose(file);
    return Status::success();
  }
  bool ok = header.e_ident[EI_CLASS] == ELFCLASS64 &&
            header.e_phentsize == sizeof(Elf64_Phdr) &&
            header.e_phoff + uint64_t(header.e_phnum) * sizeof(Elf64_Phdr) <=
                uint64_t(fileSize);
  for (unsigned i = 0; ok && i < header.e_phnum; ++i) {
    Elf64_Phdr segment;
    ok = std::fseek(file, long(header.e_phoff + i * sizeof segment),
                    SEEK_SET) == 0 &&
         std::fread(&segment, sizeof segment, 1, file) == 1 &&
         (segment.p_type != PT_LOAD ||
          segment.p_offset + segment.p_filesz <= uint64_t(fileSize));
  }
  std::fclose(file);
  if (!ok)
    return Status::error(path + ": cannot load: not a complete 64-bit ELF "
                                "shared library (truncated or corrupt)");
  return Status::success();
}

Status Executable::load(const std::string &soPath, Executable &out) {
  struct stat info;
  if (::stat(soPath.c_str(), &info) != 0)
    return Status::error(
        soPath + ": cannot open: " + std::generic_category().message(errno));
  if (Status status = checkElfBounds(soPath, info.st_size); !status.ok())
    return status;
  // Without a '/', dlopen would search the library path instead.
  std::string dlPath =
      soPath.find('/') == std::string::npos ? "./" + soPath : soPath;
  void *handle = ::dlopen(dlPath.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle)
    return Status::error(soPath + ": cannot load: " + dlopenError(dlPath));
  std::shared_ptr<void> library(handle, [](void *h) { ::dlclose(h); });
  auto describe = reinterpret_cast<nnc_model_descriptor_fn>(
      ::dlsym(handle, NNC_MODEL_DESCRIPTOR_SYMBOL));
  if (!describe)
    return Status::error(soPath + ": not an nnc model (no " +
                         NNC_MODEL_DESCRIPTOR_SYMBOL + " symbol)");
  if (Status status = fromDescriptor(describe(), std::move(library), out);
      !status.ok())
    return Status::error(soPath + ": " + status.message());
  return Status::success();
}

Status Executable::fromDescriptor(const nnc_model_desc_t *desc,
                                  std::shared_ptr<void> keepAlive,
                                  Executable &out) {
  if (Status status = validateModel(desc); !status.ok())
    return status;
  Executable executable;
  executable.module =
      std::make_shared<const Module>(Module{desc, std::move(keepAlive)});
  out = std::move(executable);
  return Status::success();
}

const nnc_model_desc_t *Executable::descriptor() const {
  return module ? module->desc : nullptr;
}

std::vector<std::string> Executable::entryNames() const {
  std::vector<std::string> names;
  for (uint32_t i = 0; module && i < module->desc->num_entries; ++i)
    names.push_back(module->desc->entries[i].name);
  return names;
}

Status Executable::findEntry(const std::string &name,
                             const nnc_entry_desc_t *&out) const {
  size_t index = 0;
  if (Status status = lookupEntry(descriptor(), name, index); !status.ok())
    return status;
  out = &module->desc->entries[index];
  return Status::success();
}

Executable::Scratch &Executable::scratchFor(size_t entryIndex) {
  if (!scratch)
    scratch = std::make_unique<std::vector<Scratch>>(module->desc->num_entries);
  Scratch &entryScratch = (*scratch)[entryIndex];
  const nnc_entry_desc_t &entry = module->desc->entries[entryIndex];
  if (entryScratch.pointers.size() != entry.num_args + entry.num_results)
    entryScratch.layOut(entry);
  return entryScratch;
}

Status Executable::call(const std::string &name,
                        const std::vector<Tensor> &args,
                        std::vector<Tensor> &results) {
  size_t index = 0;
  if (Status status = lookupEntry(descriptor(), name, index); !status.ok())
    return status;
  const nnc_entry_desc_t &entry = module->desc->entries[index];
  int64_t batch = 0;
  if (Status status = checkArguments(entry, args, batch); !status.ok())
    return status;
  if (Status status = prepareResults(entry, args, batch, results); !status.ok())
    return status;
  Scratch &entryScratch = scratchFor(index);
  if (Status status = entryScratch.reserveArena(entry, batch); !status.ok())
    return status;
  entryScratch.bind(args, results);
  entry.invoke(entryScratch.pointers.data(), entryScratch.arena.get());
  return Status::success();
}

size_t Executable::arenaCapacity(const std::string &name) const {
  size_t index = 0;
  if (!scratch || !lookupEntry(descriptor(), name, index).ok())
    return 0;
  return (*scratch)[index].arenaSize;
}
