// SignalWatcher: the loop's one signalfd, shared by all its Signal handles.
// Internal header.
#ifndef SRC_LOOP_SIGNAL_WATCHER_H_
#define SRC_LOOP_SIGNAL_WATCHER_H_

#include <signal.h>

#include "loop/list.h"
#include "loop/poll.h"
#include "loop/signal.h"

namespace ringjs::loop {

class Loop;

class SignalWatcher {
 public:
  explicit SignalWatcher(Loop* loop);
  // Closes the signalfd and unblocks the signals it blocked.
  ~SignalWatcher();
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

  // handle->signum_ is set. Returns 0 or -errno.
  int Add(Signal* handle);
  void Remove(Signal* handle);

 private:
  int UpdateFd();
  void Unwatch(int signum);
  void OnReadable();
  void Dispatch(int signum);

  int fd_ = -1;
  // Internal and unreferenced: the Signal handles keep the loop alive.
  Poll poll_;
  List<Signal> handles_;
  int counts_[_NSIG] = {};
  sigset_t watched_;
  sigset_t blocked_by_us_;
};

}  // namespace ringjs::loop

#endif  // SRC_LOOP_SIGNAL_WATCHER_H_
