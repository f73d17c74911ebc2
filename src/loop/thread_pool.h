// ThreadPool: worker threads for blocking work (QueueWork, file ops on the
// epoll backend, ops the ring rejects). Each Loop owns one, started lazily.
// Finished tasks are collected in a completion list and announced by writing
// the loop's eventfd; the loop runs their `done` hooks in its poll phase.
#ifndef SRC_LOOP_THREAD_POOL_H_
#define SRC_LOOP_THREAD_POOL_H_

#include <pthread.h>

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <vector>

#include "loop/list.h"

namespace ringjs::loop {

struct PoolTask {
  // Runs on a worker.
  void (*work)(PoolTask* task) = nullptr;
  // Runs on the loop thread; status is 0, or -ECANCELED if cancelled before
  // it started.
  void (*done)(PoolTask* task, int status) = nullptr;
  // Runs instead of done when the pool is destroyed before done could run
  // (loop teardown); frees what the task owns. May be null.
  void (*drop)(PoolTask* task) = nullptr;
  void* arg = nullptr;

  // Internal, guarded by the pool's mutex.
  enum class State : unsigned char { kIdle, kQueued, kRunning, kDone };
  State state = State::kIdle;
  int status = 0;
  ListLink<PoolTask> link{this};
};

class ThreadPool {
 public:
  // notify_fd is an eventfd written when the completion list becomes
  // non-empty.
  ThreadPool(unsigned size, int notify_fd);
  // Joins the workers; tasks never run or never reported are dropped.
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // UV_THREADPOOL_SIZE clamped to 1..1024, or 4.
  static unsigned SizeFromEnv();

  // Creates the workers with every signal blocked. Returns 0 or -errno (then
  // no worker could be created).
  int Start();
  void Submit(PoolTask* task);
  // Removes a task that has not started; it completes with -ECANCELED.
  // Returns false if it already runs or finished.
  bool Cancel(PoolTask* task);
  // Moves finished tasks to `out` (in completion order).
  void TakeCompleted(List<PoolTask>* out);

  unsigned size() const { return size_; }
  size_t queued() const;
  size_t running() const;

 private:
  static void* WorkerMain(void* arg);
  void Work();
  void PushCompletedLocked(PoolTask* task);

  const unsigned size_;
  const int notify_fd_;
  mutable std::mutex mutex_;
  std::condition_variable cond_;
  List<PoolTask> queue_;
  List<PoolTask> completed_;
  size_t queued_ = 0;
  size_t running_ = 0;
  bool notified_ = false;
  bool stopping_ = false;
  std::vector<pthread_t> threads_;
};

}  // namespace ringjs::loop

#endif  // SRC_LOOP_THREAD_POOL_H_
