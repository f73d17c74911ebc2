// Timer handle: libuv's uv_timer_t semantics on the loop's millisecond clock.
#ifndef SRC_LOOP_TIMER_H_
#define SRC_LOOP_TIMER_H_

#include <cstddef>
#include <cstdint>
#include <functional>

#include "loop/handle.h"

namespace ringjs::loop {

class Timer final : public Handle {
 public:
  explicit Timer(Loop* loop) : Handle(loop) {}
  ~Timer() override;

  // Fires cb once timeout_ms after the loop's cached Now(), then every
  // repeat_ms if repeat_ms > 0. Restarts the timer if it is active. Timers
  // with equal due times fire in the order they were started. A timer started
  // from a timer callback never runs in the same timers phase. Returns 0, or
  // -EINVAL when closing or cb is empty.
  int Start(std::function<void()> cb, uint64_t timeout_ms, uint64_t repeat_ms);
  void Stop();
  // Restarts a repeating timer with timeout = repeat (uv_timer_again);
  // -EINVAL if it was never started.
  int Again();

  void set_repeat(uint64_t repeat_ms) { repeat_ = repeat_ms; }
  uint64_t repeat() const { return repeat_; }
  // Absolute due time in loop milliseconds (comparable with Loop::Now()).
  uint64_t due() const { return due_; }
  // Milliseconds until due, 0 if overdue or inactive.
  uint64_t DueIn() const;

 private:
  friend class Loop;
  friend class TimerHeap;
  static constexpr size_t kNotInHeap = static_cast<size_t>(-1);

  void OnClose() override { Stop(); }

  std::function<void()> cb_;
  uint64_t due_ = 0;
  uint64_t repeat_ = 0;
  uint64_t start_id_ = 0;
  size_t heap_index_ = kNotInHeap;
  // Links the timer into the list of expired timers while a timers phase
  // runs, so Stop() from an earlier callback can drop it.
  ListLink<Timer> ready_link_{this};
};

}  // namespace ringjs::loop

#endif  // SRC_LOOP_TIMER_H_
