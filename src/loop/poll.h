// Poll handle: readiness watch on a file descriptor (uv_poll_t), for ttys,
// pipes and other fds the loop does not do I/O on itself.
//
// Default semantics are level-triggered on both backends (io_uring: a one-shot
// POLL_ADD re-armed after each callback; epoll: a level-triggered
// registration), so a callback that leaves data unread is called again next
// turn. kEdgeTriggered switches to a multishot POLL_ADD on the ring
// (EPOLLET on epoll): the callback then fires once per wakeup and must
// consume until EAGAIN. One active Poll per fd and loop.
#ifndef SRC_LOOP_POLL_H_
#define SRC_LOOP_POLL_H_

#include <functional>

#include "loop/handle.h"

namespace ringjs::loop {

class Poll final : public Handle {
 public:
  enum Event : int {
    kReadable = 1,
    kWritable = 2,
    // Peer hung up or the fd is in an error state.
    kDisconnect = 4,
    // Start() flag, not an event.
    kEdgeTriggered = 0x100,
  };

  explicit Poll(Loop* loop) : Handle(loop) {}
  ~Poll() override;

  // Watches fd for `events` (kReadable|kWritable, optionally kDisconnect and
  // kEdgeTriggered). cb(status, events) runs in the poll phase; status is 0
  // or -errno (then the watch has ended, call Stop()). Restarting replaces
  // the watch. Returns 0 or -errno (-EEXIST: another Poll watches fd, -EPERM:
  // epoll cannot watch regular files).
  int Start(int fd, int events, std::function<void(int status, int events)> cb);
  void Stop();
  int fd() const { return fd_; }
  int events() const { return events_; }

 private:
  friend class UringBackend;
  friend class EpollBackend;
  void OnClose() override { Stop(); }
  // Called by the backends.
  void Dispatch(int status, int events);

  std::function<void(int, int)> cb_;
  int fd_ = -1;
  int events_ = 0;
  void* backend_state_ = nullptr;
};

}  // namespace ringjs::loop

#endif  // SRC_LOOP_POLL_H_
