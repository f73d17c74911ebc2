#include "loop/async.h"

#include <sched.h>

#include "loop/loop.h"

namespace ringjs::loop {

Async::Async(Loop* loop, std::function<void()> cb)
    : Handle(loop), cb_(std::move(cb)) {
  loop_->asyncs_.PushBack(&async_link_);
  SetActive(true);
}

Async::~Async() {
  SpinUntilIdle();
  async_link_.Unlink();
  SetActive(false);
}

void Async::Send() {
  // A cheap read first: most sends find the flag already set.
  if (pending_.load(std::memory_order_acquire) != 0) return;
  // busy_ lets Close() wait until no thread still touches the loop through
  // this handle (libuv's uv__async_spin).
  busy_.fetch_add(1, std::memory_order_acq_rel);
  int expected = 0;
  if (pending_.compare_exchange_strong(expected, 1,
                                       std::memory_order_acq_rel)) {
    loop_->Wake();
  }
  busy_.fetch_sub(1, std::memory_order_acq_rel);
}

void Async::SpinUntilIdle() {
  while (busy_.load(std::memory_order_acquire) != 0) sched_yield();
}

void Async::OnClose() {
  SpinUntilIdle();
  async_link_.Unlink();
  SetActive(false);
}

}  // namespace ringjs::loop
