// A thread that terminates the isolate's JS execution while a vm script or module runs: when a
// timeout passes (vm's { timeout }) or when SIGINT arrives ({ breakOnSigint }), whichever
// comes first, unless the Watchdog is destroyed before.
#ifndef RINGJS_RUNTIME_WATCHDOG_H_
#define RINGJS_RUNTIME_WATCHDOG_H_

#include <signal.h>

#include <cstdint>
#include <thread>

#include "v8.h"

namespace ringjs {

class Watchdog {
 public:
  enum class Outcome { kNone, kTimedOut, kInterrupted };

  // timeout_ms < 0: no timeout. With break_on_sigint, SIGINT is held back from the calling
  // thread (and so from JS listeners and its default action) for the Watchdog's lifetime.
  Watchdog(v8::Isolate* isolate, int64_t timeout_ms, bool break_on_sigint = false);
  ~Watchdog();
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

  // Ends the watch (idempotent). outcome() is final after it.
  void Stop();
  // Why the isolate was told to terminate.
  Outcome outcome() const { return outcome_; }

 private:
  void Run(int64_t timeout_ms);

  v8::Isolate* isolate_;
  bool break_on_sigint_;
  int stop_fd_ = -1;    // eventfd: the watched code finished
  int sigint_fd_ = -1;  // signalfd for SIGINT, with break_on_sigint
  sigset_t saved_mask_;
  Outcome outcome_ = Outcome::kNone;  // written by the thread, read after join()
  std::thread thread_;
};

// Runs `code` under a Watchdog unless neither a timeout nor breakOnSigint was asked for, and
// says why it was stopped. A termination is spent here (also one that landed after `code`
// returned), so the caller can throw its error.
template <typename Code>
Watchdog::Outcome RunWatched(v8::Isolate* isolate, int64_t timeout_ms, bool break_on_sigint,
                             Code&& code) {
  if (timeout_ms < 0 && !break_on_sigint) {
    code();
    return Watchdog::Outcome::kNone;
  }
  Watchdog watchdog(isolate, timeout_ms, break_on_sigint);
  code();
  watchdog.Stop();
  if (watchdog.outcome() != Watchdog::Outcome::kNone) isolate->CancelTerminateExecution();
  return watchdog.outcome();
}

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_WATCHDOG_H_
