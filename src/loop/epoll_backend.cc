// The fallback backend: epoll for readiness, the thread pool for file I/O.
// Used when io_uring is unavailable or RINGJS_IO_URING=0.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "loop/io_backend.h"
#include "loop/loop.h"

namespace ringjs::loop {

namespace {

constexpr int kMaxEvents = 256;
// Operations per fd and direction per wakeup, so one busy socket cannot
// starve the others.
constexpr int kMaxOpsPerEvent = 64;
constexpr size_t kRecvBufferSize = 64 * 1024;

// Reads without blocking even on a blocking pipe or tty: RWF_NOWAIT where
// the kernel supports it for this file, else a plain read after readiness.
int64_t ReadvNowait(int fd, const struct iovec* iov, int iovcnt) {
  ssize_t r;
  do {
    r = preadv2(fd, iov, iovcnt, -1, RWF_NOWAIT);
  } while (r < 0 && errno == EINTR);
  if (r < 0 && errno == EOPNOTSUPP) {
    do {
      r = readv(fd, iov, iovcnt);
    } while (r < 0 && errno == EINTR);
  }
  return r < 0 ? -errno : r;
}

int64_t WritevNowait(int fd, const struct iovec* iov, int iovcnt) {
  ssize_t r;
  do {
    r = pwritev2(fd, iov, iovcnt, -1, RWF_NOWAIT);
  } while (r < 0 && errno == EINTR);
  if (r < 0 && errno == EOPNOTSUPP) {
    do {
      r = writev(fd, iov, iovcnt);
    } while (r < 0 && errno == EINTR);
  }
  return r < 0 ? -errno : r;
}

int64_t SocketIo(int fd, const struct iovec* iov, int iovcnt, bool write) {
  struct msghdr msg = {};
  msg.msg_iov = const_cast<struct iovec*>(iov);
  msg.msg_iovlen = static_cast<size_t>(iovcnt);
  ssize_t r;
  do {
    r = write ? sendmsg(fd, &msg, MSG_DONTWAIT | MSG_NOSIGNAL)
              : recvmsg(fd, &msg, MSG_DONTWAIT);
  } while (r < 0 && errno == EINTR);
  return r < 0 ? -errno : r;
}

}  // namespace

class EpollBackend final : public IoBackend {
 public:
  EpollBackend(Loop* loop, int epfd)
      : IoBackend(loop), epfd_(epfd), recv_buffer_(kRecvBufferSize) {}
  ~EpollBackend() override;

  const char* name() const override { return "epoll"; }
  void Submit(Request* req) override;
  int Cancel(Request* req) override;
  int PollStart(Poll* handle) override;
  void PollStop(Poll* handle) override;
  void Wait(int timeout_ms) override;
  size_t ops_in_flight() const override { return in_flight_; }
  void Shutdown() override;
  int WatchWakeFd();

 private:
  struct Watcher {
    int fd = -1;
    uint32_t registered = 0;
    bool dead = false;
    Poll* poll = nullptr;
    List<Request> readers;
    List<Request> writers;
  };

  Watcher* GetWatcher(int fd);
  int Update(Watcher* watcher);
  void AddWaiter(Request* req, bool write);
  void OnEvents(Watcher* watcher, uint32_t events);
  void ProcessList(Watcher* watcher, bool write);
  int64_t TryOp(Request* req);
  void StartTimeout(Request* req);
  void FreeDead();

  const int epfd_;
  size_t in_flight_ = 0;
  std::unordered_map<int, Watcher*> watchers_;
  std::vector<Watcher*> dead_;
  std::vector<char> recv_buffer_;
  std::vector<Request*> timeouts_;
};

std::unique_ptr<IoBackend> CreateEpollBackend(Loop* loop, std::string* why,
                                              int* error) {
  int epfd = epoll_create1(EPOLL_CLOEXEC);
  if (epfd < 0) {
    *error = -errno;
    *why = std::string("epoll_create1: ") + strerror(errno);
    return nullptr;
  }
  std::unique_ptr<EpollBackend> backend(new EpollBackend(loop, epfd));
  int err = backend->WatchWakeFd();
  if (err < 0) {
    *error = err;
    *why = std::string("epoll_ctl(eventfd): ") + strerror(-err);
    return nullptr;
  }
  *why = "epoll";
  return backend;
}

int EpollBackend::WatchWakeFd() {
  struct epoll_event ev = {};
  ev.events = EPOLLIN;
  ev.data.ptr = nullptr;  // nullptr marks the wake eventfd.
  if (epoll_ctl(epfd_, EPOLL_CTL_ADD, loop_->wake_fd_, &ev) < 0) return -errno;
  return 0;
}

EpollBackend::~EpollBackend() {
  Shutdown();
  close(epfd_);
}

void EpollBackend::Shutdown() {
  for (auto& entry : watchers_) {
    Watcher* watcher = entry.second;
    while (Request* req = watcher->readers.PopFront())
      req->state_ = Request::State::kIdle;
    while (Request* req = watcher->writers.PopFront())
      req->state_ = Request::State::kIdle;
    if (watcher->poll != nullptr) watcher->poll->backend_state_ = nullptr;
    delete watcher;
  }
  watchers_.clear();
  for (Request* req : timeouts_) {
    if (req->timer_ != nullptr) {
      delete req->timer_;
      req->timer_ = nullptr;
      req->state_ = Request::State::kIdle;
    }
  }
  timeouts_.clear();
  in_flight_ = 0;
  FreeDead();
}

void EpollBackend::FreeDead() {
  for (Watcher* watcher : dead_) delete watcher;
  dead_.clear();
}

EpollBackend::Watcher* EpollBackend::GetWatcher(int fd) {
  auto it = watchers_.find(fd);
  if (it != watchers_.end()) return it->second;
  Watcher* watcher = new Watcher();
  watcher->fd = fd;
  watchers_[fd] = watcher;
  return watcher;
}

int EpollBackend::Update(Watcher* watcher) {
  if (watcher->dead) return 0;
  uint32_t want = 0;
  bool edge = false;
  if (!watcher->readers.empty()) want |= EPOLLIN;
  if (!watcher->writers.empty()) want |= EPOLLOUT;
  if (watcher->poll != nullptr) {
    int events = watcher->poll->events_;
    if (events & Poll::kReadable) want |= EPOLLIN;
    if (events & Poll::kWritable) want |= EPOLLOUT;
    if (events & Poll::kDisconnect) want |= EPOLLRDHUP;
    edge = (events & Poll::kEdgeTriggered) != 0;
  }
  if (want == 0) {
    if (watcher->registered != 0) {
      // Errors are fine here: the fd may already be closed.
      epoll_ctl(epfd_, EPOLL_CTL_DEL, watcher->fd, nullptr);
      watcher->registered = 0;
    }
    if (watcher->poll == nullptr) {
      watcher->dead = true;
      watchers_.erase(watcher->fd);
      dead_.push_back(watcher);
    }
    return 0;
  }
  uint32_t events = want | (edge ? static_cast<uint32_t>(EPOLLET) : 0u);
  if (events == watcher->registered) return 0;
  struct epoll_event ev = {};
  ev.events = events;
  ev.data.ptr = watcher;
  int op = watcher->registered != 0 ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
  int r = epoll_ctl(epfd_, op, watcher->fd, &ev);
  // The fd may have been closed (dropping the registration) and reused, or
  // be registered already by an earlier watcher of the same number.
  if (r < 0 && errno == ENOENT && op == EPOLL_CTL_MOD)
    r = epoll_ctl(epfd_, EPOLL_CTL_ADD, watcher->fd, &ev);
  else if (r < 0 && errno == EEXIST && op == EPOLL_CTL_ADD)
    r = epoll_ctl(epfd_, EPOLL_CTL_MOD, watcher->fd, &ev);
  if (r < 0) return -errno;
  watcher->registered = events;
  return 0;
}

void EpollBackend::AddWaiter(Request* req, bool write) {
  Watcher* watcher = GetWatcher(req->fd_);
  (write ? watcher->writers : watcher->readers).PushBack(&req->link_);
  req->state_ = Request::State::kWaiting;
  in_flight_++;
  int err = Update(watcher);
  if (err < 0) {
    req->link_.Unlink();
    in_flight_--;
    Update(watcher);
    loop_->Defer(req, err);
  }
}

void EpollBackend::Submit(Request* req) {
  switch (req->type_) {
    case OpType::kRead:
    case OpType::kWrite:
    case OpType::kReadv:
    case OpType::kWritev: {
      struct stat st;
      if (fstat(req->fd_, &st) < 0) {
        loop_->Defer(req, -errno);
        return;
      }
      if (S_ISREG(st.st_mode) || S_ISBLK(st.st_mode) || S_ISDIR(st.st_mode)) {
        loop_->RunOnPool(req);
        return;
      }
      // Pipes, sockets, ttys: readiness, so a pending read never pins a
      // pool thread and can be cancelled.
      req->is_socket_ = S_ISSOCK(st.st_mode);
      bool write = req->type_ == OpType::kWrite || req->type_ == OpType::kWritev;
      AddWaiter(req, write);
      return;
    }
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
      loop_->RunOnPool(req);
      return;
    case OpType::kAccept:
    case OpType::kRecv:
      AddWaiter(req, false);
      return;
    case OpType::kConnect: {
      int r = connect(req->fd_, req->addr_, req->addrlen_);
      if (r == 0) {
        loop_->Defer(req, 0);
      } else if (errno == EINPROGRESS || errno == EINTR) {
        // EINTR: the connect goes on asynchronously, like EINPROGRESS.
        AddWaiter(req, true);
      } else {
        loop_->Defer(req, -errno);
      }
      return;
    }
    case OpType::kSend:
    case OpType::kSendmsg: {
      auto it = watchers_.find(req->fd_);
      // Try right away unless earlier writes wait: they must stay in order.
      if (it == watchers_.end() || it->second->writers.empty()) {
        int64_t r = TryOp(req);
        if (r != -EAGAIN) {
          loop_->Defer(req, r);
          return;
        }
      }
      AddWaiter(req, true);
      return;
    }
    case OpType::kTimeout:
      StartTimeout(req);
      return;
    case OpType::kNone:
      break;
  }
  loop_->Defer(req, -ENOSYS);
}

void EpollBackend::StartTimeout(Request* req) {
  Timer* timer = new Timer(loop_);
  // The request keeps the loop alive, not its timer.
  timer->Unref();
  req->timer_ = timer;
  req->state_ = Request::State::kTimer;
  in_flight_++;
  timeouts_.push_back(req);
  timer->Start(
      [this, req]() {
        Timer* timer = req->timer_;
        req->timer_ = nullptr;
        in_flight_--;
        for (size_t i = 0; i < timeouts_.size(); i++) {
          if (timeouts_[i] == req) {
            timeouts_[i] = timeouts_.back();
            timeouts_.pop_back();
            break;
          }
        }
        // Delivered in this turn's poll phase, like a ring CQE.
        loop_->Defer(req, 0);
        // Safe: the timers phase runs a copy of this callback.
        delete timer;
      },
      req->timeout_ms_, 0);
}

int EpollBackend::Cancel(Request* req) {
  switch (req->state_) {
    case Request::State::kWaiting: {
      req->link_.Unlink();
      in_flight_--;
      auto it = watchers_.find(req->fd_);
      if (it != watchers_.end()) Update(it->second);
      loop_->counters_.cancels++;
      loop_->Defer(req, -ECANCELED);
      return 0;
    }
    case Request::State::kTimer: {
      delete req->timer_;
      req->timer_ = nullptr;
      in_flight_--;
      for (size_t i = 0; i < timeouts_.size(); i++) {
        if (timeouts_[i] == req) {
          timeouts_[i] = timeouts_.back();
          timeouts_.pop_back();
          break;
        }
      }
      loop_->counters_.cancels++;
      loop_->Defer(req, -ECANCELED);
      return 0;
    }
    case Request::State::kIdle:
      return -ENOENT;
    default:
      return -EALREADY;
  }
}

int64_t EpollBackend::TryOp(Request* req) {
  ssize_t r;
  switch (req->type_) {
    case OpType::kRead:
    case OpType::kWrite: {
      struct iovec iov = {req->buf_, req->len_};
      bool write = req->type_ == OpType::kWrite;
      if (req->is_socket_) return SocketIo(req->fd_, &iov, 1, write);
      return write ? WritevNowait(req->fd_, &iov, 1)
                   : ReadvNowait(req->fd_, &iov, 1);
    }
    case OpType::kReadv:
    case OpType::kWritev: {
      bool write = req->type_ == OpType::kWritev;
      if (req->is_socket_)
        return SocketIo(req->fd_, req->iov_, req->iovcnt_, write);
      return write ? WritevNowait(req->fd_, req->iov_, req->iovcnt_)
                   : ReadvNowait(req->fd_, req->iov_, req->iovcnt_);
    }
    case OpType::kAccept:
      for (;;) {
        r = accept4(req->fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        // The peer gave up before we accepted: try the next one.
        if (r < 0 && (errno == EINTR || errno == ECONNABORTED)) continue;
        return r < 0 ? -errno : r;
      }
    case OpType::kRecv:
      do {
        r = recv(req->fd_, recv_buffer_.data(), recv_buffer_.size(),
                 MSG_DONTWAIT);
      } while (r < 0 && errno == EINTR);
      return r < 0 ? -errno : r;
    case OpType::kConnect: {
      int error = 0;
      socklen_t len = sizeof(error);
      if (getsockopt(req->fd_, SOL_SOCKET, SO_ERROR, &error, &len) < 0)
        return -errno;
      if (error == EINPROGRESS) return -EAGAIN;
      return -error;
    }
    case OpType::kSend:
      do {
        r = send(req->fd_, req->buf_, req->len_, req->flags_ | MSG_DONTWAIT);
      } while (r < 0 && errno == EINTR);
      return r < 0 ? -errno : r;
    case OpType::kSendmsg:
      do {
        r = sendmsg(req->fd_, req->msg_, req->flags_ | MSG_DONTWAIT);
      } while (r < 0 && errno == EINTR);
      return r < 0 ? -errno : r;
    default:
      return -ENOSYS;
  }
}

void EpollBackend::ProcessList(Watcher* watcher, bool write) {
  List<Request>* list = write ? &watcher->writers : &watcher->readers;
  for (int i = 0; i < kMaxOpsPerEvent; i++) {
    Request* req = list->Front();
    if (req == nullptr) return;
    int64_t r = TryOp(req);
    if (r == -EAGAIN) return;
    if (req->type_ == OpType::kAccept && r >= 0) {
      loop_->Complete(req, r, true);
      continue;
    }
    if (req->type_ == OpType::kRecv && r > 0) {
      req->recv_data_ = recv_buffer_.data();
      loop_->Complete(req, r, true);
      continue;
    }
    req->link_.Unlink();
    in_flight_--;
    loop_->Complete(req, r, false);
  }
}

void EpollBackend::OnEvents(Watcher* watcher, uint32_t events) {
  if (events & (EPOLLIN | EPOLLHUP | EPOLLERR | EPOLLRDHUP))
    ProcessList(watcher, false);
  if (events & (EPOLLOUT | EPOLLHUP | EPOLLERR)) ProcessList(watcher, true);
  if (watcher->poll != nullptr) {
    int want = watcher->poll->events_;
    int ready = 0;
    if (events & EPOLLIN) ready |= Poll::kReadable;
    if (events & EPOLLOUT) ready |= Poll::kWritable;
    if (events & (EPOLLERR | EPOLLHUP)) ready |= Poll::kReadable | Poll::kWritable;
    if (events & (EPOLLERR | EPOLLHUP | EPOLLRDHUP)) ready |= Poll::kDisconnect;
    ready &= want;
    if (ready != 0) watcher->poll->Dispatch(0, ready);
  }
  if (watcher->dead) return;
  int err = Update(watcher);
  if (err < 0) {
    // The fd went away under us: fail whoever waits on it.
    while (Request* req = watcher->readers.PopFront()) {
      in_flight_--;
      loop_->Defer(req, err);
    }
    while (Request* req = watcher->writers.PopFront()) {
      in_flight_--;
      loop_->Defer(req, err);
    }
    if (watcher->poll != nullptr) watcher->poll->Dispatch(err, 0);
  }
}

void EpollBackend::Wait(int timeout_ms) {
  struct epoll_event events[kMaxEvents];
  uint64_t start = timeout_ms > 0 ? Loop::HrTime() : 0;
  int n;
  for (;;) {
    uint64_t idle_start = timeout_ms != 0 ? Loop::HrTime() : 0;
    n = epoll_wait(epfd_, events, kMaxEvents, timeout_ms);
    if (timeout_ms != 0) loop_->AddIdleTime(idle_start);
    loop_->counters_.enters++;
    if (n >= 0) break;
    if (errno != EINTR) {
      fprintf(stderr, "ringjs:loop: epoll_wait: %s\n", strerror(errno));
      return;
    }
    // Interrupted (a signal with a handler, io_uring task work of another
    // ring...): wait out the rest of the timeout, as libuv does.
    if (timeout_ms == 0) return;
    if (timeout_ms > 0) {
      uint64_t elapsed_ms = (Loop::HrTime() - start) / 1000000u;
      if (elapsed_ms >= static_cast<uint64_t>(timeout_ms)) return;
      timeout_ms -= static_cast<int>(elapsed_ms);
      start = Loop::HrTime();
    }
  }
  loop_->AddEvents(static_cast<uint64_t>(n), timeout_ms != 0);
  for (int i = 0; i < n; i++) {
    Watcher* watcher = static_cast<Watcher*>(events[i].data.ptr);
    if (watcher == nullptr) {
      uint64_t value;
      ssize_t r;
      do {
        r = read(loop_->wake_fd_, &value, sizeof(value));
      } while (r < 0 && errno == EINTR);
      loop_->OnWakeup();
      continue;
    }
    // Removed by an earlier callback of this batch.
    if (watcher->dead) continue;
    OnEvents(watcher, events[i].events);
  }
  FreeDead();
}

int EpollBackend::PollStart(Poll* handle) {
  Watcher* watcher = GetWatcher(handle->fd_);
  if (watcher->poll != nullptr && watcher->poll != handle) return -EEXIST;
  watcher->poll = handle;
  handle->backend_state_ = watcher;
  int err = Update(watcher);
  if (err < 0) {
    watcher->poll = nullptr;
    handle->backend_state_ = nullptr;
    Update(watcher);
    return err;
  }
  return 0;
}

void EpollBackend::PollStop(Poll* handle) {
  Watcher* watcher = static_cast<Watcher*>(handle->backend_state_);
  if (watcher == nullptr) return;
  handle->backend_state_ = nullptr;
  watcher->poll = nullptr;
  Update(watcher);
}

}  // namespace ringjs::loop
