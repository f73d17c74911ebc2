#include "runtime/watchdog.h"

#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>

#include "loop/signal.h"

namespace ringjs {

Watchdog::Watchdog(v8::Isolate* isolate, int64_t timeout_ms, bool break_on_sigint)
    : isolate_(isolate), break_on_sigint_(break_on_sigint) {
  stop_fd_ = eventfd(0, EFD_CLOEXEC);
  if (stop_fd_ < 0) {
    // Out of descriptors: the code runs unwatched rather than with a thread nobody can stop.
    break_on_sigint_ = false;
    return;
  }
  if (break_on_sigint) {
    // Blocked here (and in every other thread already), a SIGINT stays pending for the
    // process until the watchdog's signalfd takes it; the loop does not read its own signalfd
    // while the script runs.
    sigset_t sigint;
    sigemptyset(&sigint);
    sigaddset(&sigint, SIGINT);
    pthread_sigmask(SIG_BLOCK, &sigint, &saved_mask_);
    sigint_fd_ = signalfd(-1, &sigint, SFD_CLOEXEC);
  }
  loop::ScopedBlockSignals block_signals;  // signals stay with the loop's signalfd
  thread_ = std::thread([this, timeout_ms] { Run(timeout_ms); });
}

Watchdog::~Watchdog() { Stop(); }

void Watchdog::Stop() {
  if (thread_.joinable()) {
    uint64_t one = 1;
    if (write(stop_fd_, &one, sizeof(one)) < 0) {
      // Cannot happen for an eventfd counter this small; the thread would then wait forever.
      abort();
    }
    thread_.join();
  }
  if (stop_fd_ >= 0) close(stop_fd_);
  if (sigint_fd_ >= 0) close(sigint_fd_);
  stop_fd_ = sigint_fd_ = -1;
  if (break_on_sigint_) pthread_sigmask(SIG_SETMASK, &saved_mask_, nullptr);
  break_on_sigint_ = false;
}

void Watchdog::Run(int64_t timeout_ms) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  pollfd fds[2] = {{stop_fd_, POLLIN, 0}, {sigint_fd_, POLLIN, 0}};
  const nfds_t count = sigint_fd_ >= 0 ? 2 : 1;
  for (;;) {
    int wait_ms = -1;
    if (timeout_ms >= 0) {
      auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
      wait_ms = left > 0 ? static_cast<int>(left) : 0;
    }
    int ready = poll(fds, count, wait_ms);
    if (ready < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (ready == 0) {
      if (timeout_ms >= 0 && Clock::now() >= deadline) {
        outcome_ = Outcome::kTimedOut;
        isolate_->TerminateExecution();
        return;
      }
      continue;
    }
    if (fds[0].revents != 0) return;
    if (count == 2 && fds[1].revents != 0) {
      signalfd_siginfo info;
      if (read(sigint_fd_, &info, sizeof(info)) != sizeof(info)) continue;
      outcome_ = Outcome::kInterrupted;
      isolate_->TerminateExecution();
      return;
    }
  }
}

}  // namespace ringjs
