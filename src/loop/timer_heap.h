// Binary min-heap of timers ordered by (due time, start sequence), so timers
// with the same deadline fire in the order they were started.
#ifndef SRC_LOOP_TIMER_HEAP_H_
#define SRC_LOOP_TIMER_HEAP_H_

#include <cstddef>
#include <vector>

#include "loop/timer.h"

namespace ringjs::loop {

class TimerHeap {
 public:
  bool empty() const { return heap_.empty(); }
  size_t size() const { return heap_.size(); }
  Timer* Top() const { return heap_.empty() ? nullptr : heap_[0]; }
  void Insert(Timer* timer);
  void Remove(Timer* timer);

 private:
  static bool Less(const Timer* a, const Timer* b) {
    if (a->due_ != b->due_) return a->due_ < b->due_;
    return a->start_id_ < b->start_id_;
  }
  void Place(size_t index, Timer* timer) {
    heap_[index] = timer;
    timer->heap_index_ = index;
  }
  void SiftUp(size_t index);
  void SiftDown(size_t index);

  std::vector<Timer*> heap_;
};

}  // namespace ringjs::loop

#endif  // SRC_LOOP_TIMER_HEAP_H_
