// Signal handle: delivers POSIX signals to the loop thread through a
// signalfd, like uv_signal_t.
//
// Start() blocks the signal in the calling (loop) thread so the signalfd
// receives it. Threads that the loop creates (the thread pool) block every
// signal; threads the embedder creates should be created inside a
// ScopedBlockSignals so a process-directed signal is not delivered to them.
// Several Signal handles for one signal all fire. When the last handle for a
// signal stops, the signal is unblocked again (its default action returns),
// unless it was blocked before the first Start().
#ifndef SRC_LOOP_SIGNAL_H_
#define SRC_LOOP_SIGNAL_H_

#include <signal.h>

#include <functional>

#include "loop/handle.h"

namespace ringjs::loop {

class Signal final : public Handle {
 public:
  explicit Signal(Loop* loop) : Handle(loop) {}
  ~Signal() override;

  // Returns 0, or -EINVAL (bad signal, SIGKILL/SIGSTOP, closing, empty cb), or
  // -errno from signalfd(). Restarting with another signal switches signals.
  int Start(std::function<void(int signum)> cb, int signum);
  void Stop();
  int signum() const { return signum_; }

 private:
  friend class SignalWatcher;
  void OnClose() override { Stop(); }

  std::function<void(int)> cb_;
  int signum_ = 0;
  ListLink<Signal> signal_link_{this};
};

// Blocks every asynchronous signal in the calling thread for its lifetime;
// threads created meanwhile inherit the mask.
class ScopedBlockSignals {
 public:
  ScopedBlockSignals();
  ~ScopedBlockSignals();
  ScopedBlockSignals(const ScopedBlockSignals&) = delete;
  ScopedBlockSignals& operator=(const ScopedBlockSignals&) = delete;

 private:
  sigset_t saved_;
};

}  // namespace ringjs::loop

#endif  // SRC_LOOP_SIGNAL_H_
