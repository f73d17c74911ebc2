#include "loop/timer.h"

#include <cerrno>

#include "loop/loop.h"

namespace ringjs::loop {

Timer::~Timer() { Stop(); }

int Timer::Start(std::function<void()> cb, uint64_t timeout_ms,
                 uint64_t repeat_ms) {
  if (IsClosing() || !cb || loop_ == nullptr) return -EINVAL;
  Stop();
  uint64_t due = loop_->Now() + timeout_ms;
  // Saturate instead of wrapping around (uv_timer_start does the same).
  if (due < timeout_ms) due = UINT64_MAX;
  cb_ = std::move(cb);
  due_ = due;
  repeat_ = repeat_ms;
  start_id_ = loop_->timer_counter_++;
  loop_->timers_.Insert(this);
  SetActive(true);
  return 0;
}

void Timer::Stop() {
  ready_link_.Unlink();
  if (loop_ != nullptr && heap_index_ != kNotInHeap)
    loop_->timers_.Remove(this);
  SetActive(false);
}

int Timer::Again() {
  if (!cb_) return -EINVAL;
  if (repeat_ != 0) {
    std::function<void()> cb = cb_;
    Start(std::move(cb), repeat_, repeat_);
  }
  return 0;
}

uint64_t Timer::DueIn() const {
  if (!IsActive() || loop_ == nullptr || due_ <= loop_->Now()) return 0;
  return due_ - loop_->Now();
}

}  // namespace ringjs::loop
