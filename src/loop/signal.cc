#include "loop/signal.h"

#include <errno.h>
#include <pthread.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>

#include "loop/loop.h"
#include "loop/signal_watcher.h"

namespace ringjs::loop {

ScopedBlockSignals::ScopedBlockSignals() {
  sigset_t all;
  sigfillset(&all);
  // Faults are delivered to the faulting thread whatever the mask says;
  // leave them alone so crashes still produce the usual report.
  sigdelset(&all, SIGSEGV);
  sigdelset(&all, SIGBUS);
  sigdelset(&all, SIGFPE);
  sigdelset(&all, SIGILL);
  sigdelset(&all, SIGTRAP);
  sigdelset(&all, SIGABRT);
  pthread_sigmask(SIG_BLOCK, &all, &saved_);
}

ScopedBlockSignals::~ScopedBlockSignals() {
  pthread_sigmask(SIG_SETMASK, &saved_, nullptr);
}

Signal::~Signal() { Stop(); }

int Signal::Start(std::function<void(int signum)> cb, int signum) {
  if (IsClosing() || !cb || loop_ == nullptr) return -EINVAL;
  if (signum <= 0 || signum >= _NSIG || signum == SIGKILL ||
      signum == SIGSTOP) {
    return -EINVAL;
  }
  if (IsActive() && signum == signum_) {
    cb_ = std::move(cb);
    return 0;
  }
  Stop();
  if (!loop_->signals_) loop_->signals_.reset(new SignalWatcher(loop_));
  signum_ = signum;
  int err = loop_->signals_->Add(this);
  if (err < 0) {
    signum_ = 0;
    return err;
  }
  cb_ = std::move(cb);
  SetActive(true);
  return 0;
}

void Signal::Stop() {
  if (!IsActive()) return;
  if (loop_ != nullptr && loop_->signals_) loop_->signals_->Remove(this);
  signal_link_.Unlink();
  signum_ = 0;
  SetActive(false);
}

SignalWatcher::SignalWatcher(Loop* loop) : poll_(loop) {
  poll_.Unref();
  sigemptyset(&watched_);
  sigemptyset(&blocked_by_us_);
}

SignalWatcher::~SignalWatcher() {
  // Handles still watching are detached; they are being torn down with the
  // loop.
  handles_.Clear();
  poll_.Stop();
  for (int signum = 1; signum < _NSIG; signum++) {
    if (counts_[signum] > 0) Unwatch(signum);
  }
  if (fd_ >= 0) close(fd_);
}

int SignalWatcher::UpdateFd() {
  int fd = signalfd(fd_, &watched_, SFD_NONBLOCK | SFD_CLOEXEC);
  if (fd < 0) return -errno;
  if (fd_ < 0) {
    fd_ = fd;
    int err = poll_.Start(fd_, Poll::kReadable,
                          [this](int status, int) {
                            if (status == 0) OnReadable();
                          });
    if (err < 0) {
      close(fd_);
      fd_ = -1;
      return err;
    }
  }
  return 0;
}

int SignalWatcher::Add(Signal* handle) {
  int signum = handle->signum_;
  if (counts_[signum] == 0) {
    sigset_t one;
    sigset_t old;
    sigemptyset(&one);
    sigaddset(&one, signum);
    // Blocked signals stay pending for the signalfd instead of running
    // their default action.
    int err = pthread_sigmask(SIG_BLOCK, &one, &old);
    if (err != 0) return -err;
    if (!sigismember(&old, signum)) sigaddset(&blocked_by_us_, signum);
    sigaddset(&watched_, signum);
    err = UpdateFd();
    if (err < 0) {
      sigdelset(&watched_, signum);
      if (sigismember(&blocked_by_us_, signum)) {
        sigdelset(&blocked_by_us_, signum);
        pthread_sigmask(SIG_UNBLOCK, &one, nullptr);
      }
      return err;
    }
  }
  counts_[signum]++;
  handles_.PushBack(&handle->signal_link_);
  return 0;
}

void SignalWatcher::Remove(Signal* handle) {
  int signum = handle->signum_;
  handle->signal_link_.Unlink();
  if (signum <= 0 || counts_[signum] == 0) return;
  if (--counts_[signum] == 0) Unwatch(signum);
}

void SignalWatcher::Unwatch(int signum) {
  counts_[signum] = 0;
  sigdelset(&watched_, signum);
  if (fd_ >= 0) UpdateFd();
  if (!sigismember(&blocked_by_us_, signum)) return;
  sigdelset(&blocked_by_us_, signum);
  sigset_t one;
  sigemptyset(&one);
  sigaddset(&one, signum);
  // Consume instances that arrived while watched so unblocking does not run
  // the default action for a signal somebody already listened to.
  struct timespec zero = {0, 0};
  while (sigtimedwait(&one, nullptr, &zero) > 0) {
  }
  pthread_sigmask(SIG_UNBLOCK, &one, nullptr);
}

void SignalWatcher::OnReadable() {
  struct signalfd_siginfo infos[16];
  for (;;) {
    ssize_t n = read(fd_, infos, sizeof(infos));
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // EAGAIN: drained.
    }
    size_t count = static_cast<size_t>(n) / sizeof(infos[0]);
    for (size_t i = 0; i < count; i++)
      Dispatch(static_cast<int>(infos[i].ssi_signo));
    if (count < sizeof(infos) / sizeof(infos[0])) return;
  }
}

void SignalWatcher::Dispatch(int signum) {
  // Move the list aside so handles may stop, start or close from callbacks.
  List<Signal> queue;
  handles_.MoveTo(&queue);
  while (Signal* handle = queue.PopFront()) {
    handles_.PushBack(&handle->signal_link_);
    if (handle->signum_ != signum) continue;
    std::function<void(int)> cb = handle->cb_;
    cb(signum);
  }
}

}  // namespace ringjs::loop
