// A thread that terminates the isolate's JS execution when a timeout passes before the
// Watchdog is destroyed: vm's { timeout } for scripts and modules.
#ifndef RINGJS_RUNTIME_WATCHDOG_H_
#define RINGJS_RUNTIME_WATCHDOG_H_

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "v8.h"

namespace ringjs {

class Watchdog {
 public:
  Watchdog(v8::Isolate* isolate, int64_t timeout_ms);
  ~Watchdog();
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

  // Whether the timeout passed (the isolate was told to terminate).
  bool fired();

 private:
  void Run(int64_t timeout_ms);

  v8::Isolate* isolate_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool finished_ = false;
  bool fired_ = false;
  std::thread thread_;
};

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_WATCHDOG_H_
