#include "loop/timer_heap.h"

namespace ringjs::loop {

void TimerHeap::Insert(Timer* timer) {
  heap_.push_back(timer);
  Place(heap_.size() - 1, timer);
  SiftUp(heap_.size() - 1);
}

void TimerHeap::Remove(Timer* timer) {
  size_t index = timer->heap_index_;
  if (index == Timer::kNotInHeap) return;
  timer->heap_index_ = Timer::kNotInHeap;
  Timer* last = heap_.back();
  heap_.pop_back();
  if (last == timer) return;
  Place(index, last);
  // The moved element may need to go either way.
  SiftUp(index);
  SiftDown(last->heap_index_);
}

void TimerHeap::SiftUp(size_t index) {
  Timer* timer = heap_[index];
  while (index > 0) {
    size_t parent = (index - 1) / 2;
    if (!Less(timer, heap_[parent])) break;
    Place(index, heap_[parent]);
    index = parent;
  }
  Place(index, timer);
}

void TimerHeap::SiftDown(size_t index) {
  Timer* timer = heap_[index];
  size_t size = heap_.size();
  for (;;) {
    size_t child = 2 * index + 1;
    if (child >= size) break;
    if (child + 1 < size && Less(heap_[child + 1], heap_[child])) child++;
    if (!Less(heap_[child], timer)) break;
    Place(index, heap_[child]);
    index = child;
  }
  Place(index, timer);
}

}  // namespace ringjs::loop
