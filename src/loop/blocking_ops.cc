#include "loop/blocking_ops.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>

#include "loop/request.h"

namespace ringjs::loop {

namespace {

int64_t Result(int64_t r) { return r < 0 ? -errno : r; }

}  // namespace

bool IsPoolable(const Request* req) {
  switch (req->type_) {
    case OpType::kRead:
    case OpType::kWrite:
    case OpType::kReadv:
    case OpType::kWritev:
    case OpType::kOpenAt:
    case OpType::kClose:
    case OpType::kStatx:
    case OpType::kFsync:
    case OpType::kRenameAt:
    case OpType::kUnlinkAt:
    case OpType::kMkdirAt:
    case OpType::kLinkAt:
    case OpType::kSymlinkAt:
    case OpType::kFtruncate:
      return true;
    default:
      return false;
  }
}

int64_t ExecuteBlocking(Request* req) {
  int64_t r;
  switch (req->type_) {
    case OpType::kRead:
      do {
        r = req->offset_ < 0 ? read(req->fd_, req->buf_, req->len_)
                             : pread(req->fd_, req->buf_, req->len_,
                                     req->offset_);
      } while (r < 0 && errno == EINTR);
      return Result(r);
    case OpType::kWrite:
      do {
        r = req->offset_ < 0 ? write(req->fd_, req->buf_, req->len_)
                             : pwrite(req->fd_, req->buf_, req->len_,
                                      req->offset_);
      } while (r < 0 && errno == EINTR);
      return Result(r);
    case OpType::kReadv:
      do {
        r = req->offset_ < 0
                ? readv(req->fd_, req->iov_, req->iovcnt_)
                : preadv(req->fd_, req->iov_, req->iovcnt_, req->offset_);
      } while (r < 0 && errno == EINTR);
      return Result(r);
    case OpType::kWritev:
      do {
        r = req->offset_ < 0
                ? writev(req->fd_, req->iov_, req->iovcnt_)
                : pwritev(req->fd_, req->iov_, req->iovcnt_, req->offset_);
      } while (r < 0 && errno == EINTR);
      return Result(r);
    case OpType::kOpenAt:
      do {
        r = openat(req->dirfd_, req->path_, req->flags_,
                   static_cast<mode_t>(req->mode_));
      } while (r < 0 && errno == EINTR);
      return Result(r);
    case OpType::kClose:
      // Linux releases the fd even when close() reports EINTR; retrying
      // could close an fd another thread just got.
      r = close(req->fd_);
      if (r < 0 && errno == EINTR) return 0;
      return Result(r);
    case OpType::kStatx:
      return Result(statx(req->dirfd_, req->path_, req->flags_, req->mode_,
                          req->statx_buf_));
    case OpType::kFsync:
      return Result(req->mode_ != 0 ? fdatasync(req->fd_) : fsync(req->fd_));
    case OpType::kRenameAt:
      return Result(renameat2(req->dirfd_, req->path_, req->dirfd2_,
                              req->path2_,
                              static_cast<unsigned>(req->flags_)));
    case OpType::kUnlinkAt:
      return Result(unlinkat(req->dirfd_, req->path_, req->flags_));
    case OpType::kMkdirAt:
      return Result(
          mkdirat(req->dirfd_, req->path_, static_cast<mode_t>(req->mode_)));
    case OpType::kLinkAt:
      return Result(linkat(req->dirfd_, req->path_, req->dirfd2_, req->path2_, req->flags_));
    case OpType::kSymlinkAt:
      return Result(symlinkat(req->path_, req->dirfd2_, req->path2_));
    case OpType::kFtruncate:
      do {
        r = ftruncate(req->fd_, req->offset_);
      } while (r < 0 && errno == EINTR);
      return Result(r);
    default:
      return -ENOSYS;
  }
}

}  // namespace ringjs::loop
