// Async handle: lets any thread wake the loop and run a callback on it.
#ifndef SRC_LOOP_ASYNC_H_
#define SRC_LOOP_ASYNC_H_

#include <atomic>
#include <functional>

#include "loop/handle.h"

namespace ringjs::loop {

class Async final : public Handle {
 public:
  // The handle is active (and referenced) from construction until Close(),
  // like uv_async_init.
  Async(Loop* loop, std::function<void()> cb);
  ~Async() override;

  // Thread-safe. Several sends before the loop notices coalesce into one
  // callback, which runs in the poll phase.
  void Send();

 private:
  friend class Loop;
  void OnClose() override;
  // Waits until no other thread is inside Send().
  void SpinUntilIdle();

  std::function<void()> cb_;
  std::atomic<int> pending_{0};
  std::atomic<int> busy_{0};
  ListLink<Async> async_link_{this};
};

}  // namespace ringjs::loop

#endif  // SRC_LOOP_ASYNC_H_
