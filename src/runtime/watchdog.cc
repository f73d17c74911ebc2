#include "runtime/watchdog.h"

#include <chrono>

#include "loop/signal.h"

namespace ringjs {

Watchdog::Watchdog(v8::Isolate* isolate, int64_t timeout_ms) : isolate_(isolate) {
  loop::ScopedBlockSignals block_signals;  // signals stay with the loop's signalfd
  thread_ = std::thread([this, timeout_ms] { Run(timeout_ms); });
}

Watchdog::~Watchdog() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    finished_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

bool Watchdog::fired() {
  std::lock_guard<std::mutex> lock(mutex_);
  return fired_;
}

void Watchdog::Run(int64_t timeout_ms) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (wake_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [this] { return finished_; })) {
    return;
  }
  fired_ = true;
  isolate_->TerminateExecution();
}

}  // namespace ringjs
