// The Loop's asynchronous I/O entry points: fill the Request, hand it to
// the backend.
#include "loop/request.h"

#include <cerrno>

#include "loop/io_backend.h"
#include "loop/loop.h"

namespace ringjs::loop {

const char* OpTypeName(OpType type) {
  switch (type) {
    case OpType::kNone: return "none";
    case OpType::kRead: return "read";
    case OpType::kWrite: return "write";
    case OpType::kReadv: return "readv";
    case OpType::kWritev: return "writev";
    case OpType::kOpenAt: return "openat";
    case OpType::kClose: return "close";
    case OpType::kStatx: return "statx";
    case OpType::kFsync: return "fsync";
    case OpType::kRenameAt: return "renameat";
    case OpType::kUnlinkAt: return "unlinkat";
    case OpType::kMkdirAt: return "mkdirat";
    case OpType::kAccept: return "accept";
    case OpType::kConnect: return "connect";
    case OpType::kRecv: return "recv";
    case OpType::kSend: return "send";
    case OpType::kSendmsg: return "sendmsg";
    case OpType::kTimeout: return "timeout";
    case OpType::kLinkAt: return "linkat";
    case OpType::kSymlinkAt: return "symlinkat";
    case OpType::kFtruncate: return "ftruncate";
  }
  return "unknown";
}

int Loop::BeginRequest(Request* req, OpType type) {
  if (req == nullptr) return -EINVAL;
  if (req->in_flight()) return -EBUSY;
  req->type_ = type;
  req->more_ = false;
  req->cancel_requested_ = false;
  req->is_socket_ = false;
  req->result_ = 0;
  req->recv_data_ = nullptr;
  req->loop_ = this;
  req->counted_ = req->ref_;
  if (req->counted_) active_reqs_++;
  return 0;
}

int Loop::SubmitBufferOp(Request* req, OpType type, int fd, void* buf, size_t len,
                         int64_t offset) {
  int err = BeginRequest(req, type);
  if (err != 0) return err;
  req->fd_ = fd;
  req->buf_ = buf;
  req->len_ = len;
  req->offset_ = offset;
  backend_->Submit(req);
  return 0;
}

int Loop::SubmitVectorOp(Request* req, OpType type, int fd, const struct iovec* iov,
                         int iovcnt, int64_t offset) {
  if (iovcnt < 0) return -EINVAL;
  int err = BeginRequest(req, type);
  if (err != 0) return err;
  req->fd_ = fd;
  req->iov_ = iov;
  req->iovcnt_ = iovcnt;
  req->offset_ = offset;
  backend_->Submit(req);
  return 0;
}

int Loop::Read(Request* req, int fd, void* buf, size_t len, int64_t offset) {
  return SubmitBufferOp(req, OpType::kRead, fd, buf, len, offset);
}

int Loop::Write(Request* req, int fd, const void* buf, size_t len, int64_t offset) {
  // The kernel only reads from buf; the request keeps one pointer type for both directions.
  return SubmitBufferOp(req, OpType::kWrite, fd, const_cast<void*>(buf), len, offset);
}

int Loop::Readv(Request* req, int fd, const struct iovec* iov, int iovcnt, int64_t offset) {
  return SubmitVectorOp(req, OpType::kReadv, fd, iov, iovcnt, offset);
}

int Loop::Writev(Request* req, int fd, const struct iovec* iov, int iovcnt, int64_t offset) {
  return SubmitVectorOp(req, OpType::kWritev, fd, iov, iovcnt, offset);
}

int Loop::OpenAt(Request* req, int dirfd, const char* path, int flags,
                 uint32_t mode) {
  if (path == nullptr) return -EINVAL;
  int err = BeginRequest(req, OpType::kOpenAt);
  if (err != 0) return err;
  req->dirfd_ = dirfd;
  req->path_ = path;
  req->flags_ = flags;
  req->mode_ = mode;
  backend_->Submit(req);
  return 0;
}

int Loop::Close(Request* req, int fd) {
  int err = BeginRequest(req, OpType::kClose);
  if (err != 0) return err;
  req->fd_ = fd;
  backend_->Submit(req);
  return 0;
}

int Loop::Statx(Request* req, int dirfd, const char* path, int flags,
                uint32_t mask, struct statx* buf) {
  if (path == nullptr || buf == nullptr) return -EINVAL;
  int err = BeginRequest(req, OpType::kStatx);
  if (err != 0) return err;
  req->dirfd_ = dirfd;
  req->path_ = path;
  req->flags_ = flags;
  req->mode_ = mask;
  req->statx_buf_ = buf;
  backend_->Submit(req);
  return 0;
}

int Loop::Fsync(Request* req, int fd, bool datasync) {
  int err = BeginRequest(req, OpType::kFsync);
  if (err != 0) return err;
  req->fd_ = fd;
  req->mode_ = datasync ? 1 : 0;
  backend_->Submit(req);
  return 0;
}

int Loop::RenameAt(Request* req, int olddirfd, const char* oldpath,
                   int newdirfd, const char* newpath, unsigned flags) {
  if (oldpath == nullptr || newpath == nullptr) return -EINVAL;
  int err = BeginRequest(req, OpType::kRenameAt);
  if (err != 0) return err;
  req->dirfd_ = olddirfd;
  req->path_ = oldpath;
  req->dirfd2_ = newdirfd;
  req->path2_ = newpath;
  req->flags_ = static_cast<int>(flags);
  backend_->Submit(req);
  return 0;
}

int Loop::UnlinkAt(Request* req, int dirfd, const char* path, int flags) {
  if (path == nullptr) return -EINVAL;
  int err = BeginRequest(req, OpType::kUnlinkAt);
  if (err != 0) return err;
  req->dirfd_ = dirfd;
  req->path_ = path;
  req->flags_ = flags;
  backend_->Submit(req);
  return 0;
}

int Loop::MkdirAt(Request* req, int dirfd, const char* path, uint32_t mode) {
  if (path == nullptr) return -EINVAL;
  int err = BeginRequest(req, OpType::kMkdirAt);
  if (err != 0) return err;
  req->dirfd_ = dirfd;
  req->path_ = path;
  req->mode_ = mode;
  backend_->Submit(req);
  return 0;
}

int Loop::LinkAt(Request* req, int olddirfd, const char* oldpath, int newdirfd,
                 const char* newpath, int flags) {
  if (oldpath == nullptr || newpath == nullptr) return -EINVAL;
  int err = BeginRequest(req, OpType::kLinkAt);
  if (err != 0) return err;
  req->dirfd_ = olddirfd;
  req->path_ = oldpath;
  req->dirfd2_ = newdirfd;
  req->path2_ = newpath;
  req->flags_ = flags;
  backend_->Submit(req);
  return 0;
}

int Loop::SymlinkAt(Request* req, const char* target, int newdirfd, const char* linkpath) {
  if (target == nullptr || linkpath == nullptr) return -EINVAL;
  int err = BeginRequest(req, OpType::kSymlinkAt);
  if (err != 0) return err;
  req->path_ = target;
  req->dirfd2_ = newdirfd;
  req->path2_ = linkpath;
  backend_->Submit(req);
  return 0;
}

int Loop::Ftruncate(Request* req, int fd, int64_t length) {
  if (length < 0) return -EINVAL;
  int err = BeginRequest(req, OpType::kFtruncate);
  if (err != 0) return err;
  req->fd_ = fd;
  req->offset_ = length;
  backend_->Submit(req);
  return 0;
}

int Loop::Accept(Request* req, int listen_fd) {
  int err = BeginRequest(req, OpType::kAccept);
  if (err != 0) return err;
  req->fd_ = listen_fd;
  backend_->Submit(req);
  return 0;
}

int Loop::Connect(Request* req, int fd, const struct sockaddr* addr,
                  socklen_t addrlen) {
  if (addr == nullptr) return -EINVAL;
  int err = BeginRequest(req, OpType::kConnect);
  if (err != 0) return err;
  req->fd_ = fd;
  req->addr_ = addr;
  req->addrlen_ = addrlen;
  backend_->Submit(req);
  return 0;
}

int Loop::Recv(Request* req, int fd) {
  int err = BeginRequest(req, OpType::kRecv);
  if (err != 0) return err;
  req->fd_ = fd;
  backend_->Submit(req);
  return 0;
}

int Loop::Send(Request* req, int fd, const void* buf, size_t len,
               int flags) {
  int err = BeginRequest(req, OpType::kSend);
  if (err != 0) return err;
  req->fd_ = fd;
  req->buf_ = const_cast<void*>(buf);
  req->len_ = len;
  req->flags_ = flags | MSG_NOSIGNAL;
  backend_->Submit(req);
  return 0;
}

int Loop::Sendmsg(Request* req, int fd, const struct msghdr* msg, int flags) {
  if (msg == nullptr) return -EINVAL;
  int err = BeginRequest(req, OpType::kSendmsg);
  if (err != 0) return err;
  req->fd_ = fd;
  req->msg_ = msg;
  req->flags_ = flags | MSG_NOSIGNAL;
  backend_->Submit(req);
  return 0;
}

int Loop::Timeout(Request* req, uint64_t timeout_ms) {
  int err = BeginRequest(req, OpType::kTimeout);
  if (err != 0) return err;
  req->timeout_ms_ = timeout_ms;
  req->timespec_[0] = static_cast<int64_t>(timeout_ms / 1000);
  req->timespec_[1] = static_cast<int64_t>((timeout_ms % 1000) * 1000000);
  if (timeout_ms == 0) {
    // Already expired: no SQE or timer. A ring timeout of 0 took the kernel a timer tick or
    // more to complete and counted against the in-flight cap; 10k sockets closing at once
    // queued behind it.
    req->state_ = Request::State::kDeferred;
    req->result_ = 0;
    deferred_next_poll_.PushBack(&req->link_);
    return 0;
  }
  backend_->Submit(req);
  return 0;
}

int Loop::Cancel(Request* req) {
  if (req == nullptr || !req->in_flight() || req->loop_ != this)
    return -ENOENT;
  // Like a closing handle, a request being cancelled keeps the loop alive
  // until its final callback, even when unreferenced.
  if (!req->counted_) {
    req->counted_ = true;
    active_reqs_++;
  }
  switch (req->state_) {
    case Request::State::kDeferred:
      return -EALREADY;
    case Request::State::kPool:
      if (pool_ && pool_->Cancel(&req->pool_task_)) {
        counters_.cancels++;
        return 0;
      }
      return -EBUSY;
    default:
      return backend_->Cancel(req);
  }
}

void Loop::SetRequestRef(Request* req, bool ref) {
  if (req->ref_ == ref) return;
  req->ref_ = ref;
  if (!req->in_flight()) return;
  if (ref && !req->counted_) {
    req->counted_ = true;
    active_reqs_++;
  } else if (!ref && req->counted_) {
    req->counted_ = false;
    active_reqs_--;
  }
}

}  // namespace ringjs::loop
