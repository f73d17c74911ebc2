#include "loop/poll.h"

#include <cerrno>

#include "loop/io_backend.h"
#include "loop/loop.h"

namespace ringjs::loop {

Poll::~Poll() { Stop(); }

int Poll::Start(int fd, int events,
                std::function<void(int status, int events)> cb) {
  if (IsClosing() || !cb || loop_ == nullptr || fd < 0) return -EINVAL;
  if ((events & ~(kReadable | kWritable | kDisconnect | kEdgeTriggered)) != 0)
    return -EINVAL;
  Stop();
  fd_ = fd;
  events_ = events;
  cb_ = std::move(cb);
  int err = loop_->backend_->PollStart(this);
  if (err < 0) {
    fd_ = -1;
    events_ = 0;
    return err;
  }
  SetActive(true);
  return 0;
}

void Poll::Stop() {
  if (!IsActive()) return;
  if (loop_ != nullptr) loop_->backend_->PollStop(this);
  backend_state_ = nullptr;
  SetActive(false);
}

void Poll::Dispatch(int status, int events) {
  std::function<void(int, int)> cb = cb_;
  cb(status, events);
}

}  // namespace ringjs::loop
