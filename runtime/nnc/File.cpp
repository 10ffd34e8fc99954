//===- File.cpp - Whole-file reads and atomic writes ----------------------===//

#include "nnc/File.h"

#include <atomic>
#include <cerrno>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace nnc;

namespace {
/// Owns a file descriptor and closes it on every early return.
class UniqueFd {
public:
  explicit UniqueFd(int fd = -1) : descriptor(fd) {}
  UniqueFd(const UniqueFd &) = delete;
  UniqueFd &operator=(const UniqueFd &) = delete;
  ~UniqueFd() { reset(-1); }

  int get() const { return descriptor; }

  int release() {
    int result = descriptor;
    descriptor = -1;
    return result;
  }

  void reset(int newDescriptor) {
    if (descriptor >= 0)
      ::close(descriptor);
    descriptor = newDescriptor;
  }

private:
  int descriptor;
};

/// Reports the current errno as "PATH: WHAT 'FILE': CAUSE". Arguments are
/// plain pointers and references so that nothing runs (and possibly changes
/// errno) between the failed call and this one.
Status ioError(const std::string &path, const char *what,
               const std::string &file = "") {
  int error = errno;
  std::string subject = file.empty() ? what : what + (" '" + file + "'");
  return Status::error(path + ": " + subject + ": " +
                       std::generic_category().message(error));
}

/// Creates a fresh file next to `path`: the same directory keeps the final
/// rename() on one file system, hence atomic, and O_EXCL keeps concurrent
/// writers (threads or processes) off each other's temporaries.
Status createTemporary(const std::string &path, std::string &tempPath,
                       UniqueFd &file) {
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0; attempt < 100; ++attempt) {
    tempPath = path + ".tmp." + std::to_string(::getpid()) + "." +
               std::to_string(counter++);
    file.reset(::open(tempPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                      0666));
    if (file.get() >= 0)
      return Status::success();
    if (errno != EEXIST)
      break;
  }
  return ioError(path, "cannot create temporary file", tempPath);
}

Status writeAll(int fd, const std::string &path, const std::string &tempPath,
                ByteRange piece) {
  const char *next = static_cast<const char *>(piece.data);
  size_t left = piece.size;
  while (left > 0) {
    ssize_t written = ::write(fd, next, left);
    if (written < 0 && errno == EINTR)
      continue;
    if (written < 0)
      return ioError(path, "cannot write temporary file", tempPath);
    next += written;
    left -= static_cast<size_t>(written);
  }
  return Status::success();
}

Status writeAndClose(UniqueFd &file, const std::string &path,
                     const std::string &tempPath,
                     const std::vector<ByteRange> &pieces) {
  for (const ByteRange &piece : pieces)
    if (Status status = writeAll(file.get(), path, tempPath, piece);
        !status.ok())
      return status;
  // Flush before the rename so that a crash cannot leave `path` naming a file
  // whose data never reached the disk.
  if (::fsync(file.get()) != 0)
    return ioError(path, "cannot flush temporary file", tempPath);
  // close() can report a deferred write error (e.g. on NFS).
  if (::close(file.release()) != 0)
    return ioError(path, "cannot close temporary file", tempPath);
  return Status::success();
}
} // namespace

Status nnc::readFile(const std::string &path, std::vector<uint8_t> &bytes) {
  UniqueFd file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0)
    return ioError(path, "cannot open file");
  struct stat info;
  bytes.clear();
  if (::fstat(file.get(), &info) == 0 && S_ISREG(info.st_mode))
    bytes.reserve(static_cast<size_t>(info.st_size));
  uint8_t buffer[1 << 16];
  while (true) {
    ssize_t count = ::read(file.get(), buffer, sizeof(buffer));
    if (count == 0)
      return Status::success();
    if (count < 0 && errno == EINTR)
      continue;
    if (count < 0)
      return ioError(path, "cannot read file");
    bytes.insert(bytes.end(), buffer, buffer + count);
  }
}

Status nnc::writeFileAtomically(const std::string &path,
                                const std::vector<ByteRange> &pieces) {
  std::string tempPath;
  UniqueFd file;
  if (Status status = createTemporary(path, tempPath, file); !status.ok())
    return status;
  Status status = writeAndClose(file, path, tempPath, pieces);
  if (status.ok() && ::rename(tempPath.c_str(), path.c_str()) != 0)
    status = ioError(path, "cannot rename temporary file", tempPath);
  if (!status.ok())
    ::unlink(tempPath.c_str());
  return status;
}
