// Request: one asynchronous I/O operation (file or socket) started with one
// of the Loop's I/O methods (Loop::Read, Loop::Accept, ...).
//
// The caller owns the Request and everything its arguments point to (buffers,
// paths, iovecs, sockaddrs, msghdr, statx buffer) and keeps them alive until
// the final callback, cancellation included: the kernel may touch them until
// its completion arrives. A Request runs one operation at a time and may be
// reused (even from inside its own final callback).
//
// cb(result) runs on the loop thread in the poll phase, never from inside the
// call that started the operation. result is >= 0 or -errno. Multishot
// operations (Accept, Recv) call cb once per event with has_more() true and a
// last time with has_more() false (error, EOF or -ECANCELED).
#ifndef SRC_LOOP_REQUEST_H_
#define SRC_LOOP_REQUEST_H_

#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>

#include <cstddef>
#include <cstdint>
#include <functional>

#include "loop/list.h"
#include "loop/thread_pool.h"

struct statx;

namespace ringjs::loop {

class Loop;
class Timer;

enum class OpType : uint8_t {
  kNone,
  kRead,
  kWrite,
  kReadv,
  kWritev,
  kOpenAt,
  kClose,
  kStatx,
  kFsync,
  kRenameAt,
  kUnlinkAt,
  kMkdirAt,
  kAccept,
  kConnect,
  kRecv,
  kSend,
  kSendmsg,
  kTimeout,
  kLinkAt,
  kSymlinkAt,
  kFtruncate,
};

const char* OpTypeName(OpType type);

class Request {
 public:
  Request() = default;
  Request(const Request&) = delete;
  Request& operator=(const Request&) = delete;
  ~Request() = default;

  std::function<void(int64_t result)> cb;
  void* data = nullptr;  // Free for the embedder.

  OpType type() const { return type_; }
  bool in_flight() const { return state_ != State::kIdle; }
  // Inside cb: whether more callbacks follow for this (multishot) operation.
  bool has_more() const { return more_; }
  // Inside a Recv callback with result > 0: the received bytes. The buffer
  // belongs to the loop and is recycled when cb returns; copy what you keep.
  const char* buffer() const { return recv_data_; }

  // Internal state, owned by the loop and its backends. Do not touch.
  enum class State : uint8_t {
    kIdle,
    kQueued,    // Waiting in user space for a ring slot (io_uring).
    kKernel,    // An SQE is staged or in flight.
    kPool,      // On the thread pool.
    kWaiting,   // Waiting for readiness (epoll).
    kTimer,     // Waiting on an internal timer (epoll Timeout).
    kDeferred,  // Completed; the callback runs in the next poll phase.
  };
  OpType type_ = OpType::kNone;
  State state_ = State::kIdle;
  bool more_ = false;
  bool ref_ = true;
  bool counted_ = false;  // Counted in the loop's referenced requests.
  bool cancel_requested_ = false;
  bool is_socket_ = false;  // epoll: Read/Write family on a socket.
  int fd_ = -1;
  int dirfd_ = -1;  // Also newdirfd for RenameAt in dirfd2_.
  int dirfd2_ = -1;
  int flags_ = 0;
  uint32_t mode_ = 0;  // Open/mkdir mode, statx mask, fsync datasync.
  void* buf_ = nullptr;
  size_t len_ = 0;
  int64_t offset_ = -1;
  const char* path_ = nullptr;
  const char* path2_ = nullptr;
  const struct iovec* iov_ = nullptr;
  int iovcnt_ = 0;
  const struct sockaddr* addr_ = nullptr;
  socklen_t addrlen_ = 0;
  const struct msghdr* msg_ = nullptr;
  struct statx* statx_buf_ = nullptr;
  uint64_t timeout_ms_ = 0;
  int64_t timespec_[2] = {0, 0};  // The kernel reads it at submission.
  int64_t result_ = 0;
  const char* recv_data_ = nullptr;
  Loop* loop_ = nullptr;
  Timer* timer_ = nullptr;  // epoll Timeout.
  ListLink<Request> link_{this};
  PoolTask pool_task_;
};

}  // namespace ringjs::loop

#endif  // SRC_LOOP_REQUEST_H_
