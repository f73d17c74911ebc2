// DrainQueue<Item>: a stream of small blocking jobs handed from the loop thread to ONE pool task
// at a time, with the answers coming back in batches.
//
// QueueWork costs an allocation, a pool wakeup (a futex syscall on the loop thread) and a
// completion per job. For bursts of tiny jobs (10k stats issued from one JS loop) that overhead
// is the job. Here the loop thread only appends the item under a mutex; while a drain task is
// queued or running nothing else happens. The task swaps out everything pending, runs
// process(item) on each, appends the items to a completed list and wakes the loop through an
// Async (wakeups coalesce); it ends when nothing is pending, or after kItemsPerTask items, when
// it queues a fresh task behind the pool's other work so that it cannot starve it. The loop
// thread calls deliver(items) in its poll phase with every item completed since the last call.
//
// Order: items are processed and delivered in push order (one task at a time); Steal takes
// back the ones not started.
// Liveness: the queue keeps the loop alive (like a request in flight) from a push until that
// item was delivered, and not otherwise.
// Threads: construct, Push, destroy on the loop thread. process runs on pool threads and must
// only use its item (and what outlives the loop's pool); deliver runs on the loop thread and may
// Push, but must not destroy the queue.
// Teardown: destroy the queue before its loop (as any handle). Items not yet delivered are
// dropped (destroyed, never delivered); a task still running finishes its current item and
// stops.
#ifndef SRC_LOOP_DRAIN_QUEUE_H_
#define SRC_LOOP_DRAIN_QUEUE_H_

#include <sched.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "loop/loop.h"

namespace ringjs::loop {

template <typename Item>
class DrainQueue {
 public:
  using Process = std::function<void(Item& item)>;
  using Deliver = std::function<void(std::vector<Item>& items)>;

  // Items one pool task processes before it yields to the pool's queue.
  static constexpr size_t kItemsPerTask = 4096;
  // How long a task that just took a round of several items waits (spinning) for more before
  // it ends: a burst pushed a little slower than the pool processes it would otherwise start a
  // task (a futex wake on the loop thread) every few items. A round of one item (a lone job)
  // does not wait.
  static constexpr std::chrono::microseconds kLinger{50};

  DrainQueue(Loop* loop, Process process, Deliver deliver)
      : loop_(loop), shared_(std::make_shared<Shared>()), deliver_(std::move(deliver)) {
    shared_->process = std::move(process);
    async_.reset(new Async(loop, [this] { TakeCompleted(); }));
    // Referenced only while items are outstanding.
    async_->Unref();
    shared_->async = async_.get();
  }

  ~DrainQueue() {
    {
      std::lock_guard<std::mutex> lock(shared_->mutex);
      shared_->closed = true;
      shared_->async = nullptr;
      shared_->pending.clear();
      shared_->completed.clear();
    }
    // No pool thread sends through async_ any more: new sends see it gone (under the mutex),
    // and the ones under way are waited for.
    while (shared_->senders.load(std::memory_order_acquire) != 0) sched_yield();
    async_.reset();
  }

  DrainQueue(const DrainQueue&) = delete;
  DrainQueue& operator=(const DrainQueue&) = delete;

  void Push(Item item) {
    bool start_task;
    ThreadPool* known_pool;
    {
      std::lock_guard<std::mutex> lock(shared_->mutex);
      shared_->pending.push_back(std::move(item));
      shared_->pushes.fetch_add(1, std::memory_order_release);
      shared_->pending_count.store(shared_->pending.size(), std::memory_order_relaxed);
      start_task = !shared_->task_active;
      shared_->task_active = true;
      known_pool = shared_->pool;
      // The first task is submitted under the mutex so that shared_->pool is set before a task
      // can need it (lock order: ours, then the pool's, on every thread). Later ones are not:
      // the pool's wakeup (a futex syscall) would hold up a task publishing its answers.
      if (start_task && known_pool == nullptr) {
        shared_->pool = loop_->SubmitPoolTask(NewTask(shared_));
        start_task = false;
      } else if (start_task) {
        shared_->tasks_started++;
      }
    }
    if (start_task) loop_->SubmitPoolTask(NewTask(shared_, false));
    if (outstanding_++ == 0) async_->Ref();
  }

  // Takes back the items no task has taken yet (appended to *out, in push order): the loop
  // thread processes them itself rather than wait for them (they are never delivered).
  // Returns how many.
  size_t Steal(std::vector<Item>* out) {
    size_t count;
    {
      std::lock_guard<std::mutex> lock(shared_->mutex);
      count = shared_->pending.size();
      for (Item& item : shared_->pending) out->push_back(std::move(item));
      shared_->pending.clear();
      shared_->pending_count.store(0, std::memory_order_relaxed);
    }
    outstanding_ -= count;
    if (count != 0 && outstanding_ == 0) async_->Unref();
    return count;
  }

  // Pushed and not yet taken by a task.
  size_t pending() const { return shared_->pending_count.load(std::memory_order_relaxed); }
  // Pushed and not yet delivered.
  size_t outstanding() const { return outstanding_; }
  // Pool tasks started so far (drain episodes plus their kItemsPerTask continuations).
  size_t tasks_started() const {
    std::lock_guard<std::mutex> lock(shared_->mutex);
    return shared_->tasks_started;
  }

 private:
  // What the pool tasks share with the queue; outlives it while a task holds it.
  struct Shared {
    std::mutex mutex;
    Process process;
    std::vector<Item> pending;    // Pushed, not yet taken by a task.
    std::atomic<size_t> pending_count{0};  // Its size, readable without the mutex.
    std::atomic<int> senders{0};  // Pool threads inside async->Send() (outside the mutex).
    std::vector<Item> completed;  // Processed, not yet delivered.
    // A task's own vectors, kept (empty) between tasks.
    std::vector<Item> spare_working;
    std::vector<Item> spare_outbox;
    Async* async = nullptr;       // Null once the queue is gone.
    ThreadPool* pool = nullptr;
    bool task_active = false;     // A task is queued or running (it will see new pushes).
    bool closed = false;
    size_t tasks_started = 0;
    std::atomic<size_t> pushes{0};  // Read without the mutex by a lingering task.
  };

  struct Task {
    PoolTask pool_task;
    std::shared_ptr<Shared> shared;
  };

  // Called with shared->mutex held, unless counted is false (then the caller counted it).
  static PoolTask* NewTask(const std::shared_ptr<Shared>& shared, bool counted = true) {
    Task* task = new Task();
    task->shared = shared;
    task->pool_task.arg = task;
    task->pool_task.work = [](PoolTask* pool_task) {
      Drain(static_cast<Task*>(pool_task->arg)->shared);
    };
    task->pool_task.done = [](PoolTask* pool_task, int) {
      delete static_cast<Task*>(pool_task->arg);
    };
    task->pool_task.drop = [](PoolTask* pool_task) {
      delete static_cast<Task*>(pool_task->arg);
    };
    if (counted) shared->tasks_started++;
    return &task->pool_task;
  }

  // The body of a pool task.
  static void Drain(const std::shared_ptr<Shared>& shared) {
    std::vector<Item> working;
    // Processed but not yet published because the loop had not taken the last batch: appending
    // to that batch under the mutex would hold up the loop thread's pushes for a whole round
    // (and a reallocation), so the task keeps growing its own until the loop takes it.
    std::vector<Item> outbox;
    size_t processed = 0;
    size_t last_round = 0;
    std::unique_lock<std::mutex> lock(shared->mutex);
    // The vectors (and the room they grew) outlive the task: buffers of a burst's size freed and
    // grown again by every task would cost page faults (and munmaps) on every burst.
    working.swap(shared->spare_working);
    outbox.swap(shared->spare_outbox);
    for (;;) {
      if (!shared->closed && shared->pending.empty() && last_round > 1) {
        last_round = 0;
        size_t seen = shared->pushes.load(std::memory_order_relaxed);
        lock.unlock();
        AwaitPush(shared.get(), seen);
        lock.lock();
      }
      bool ending = shared->closed || shared->pending.empty();
      if (ending || processed >= kItemsPerTask) {
        // The outbox goes now, appended under the mutex if need be (once per task).
        bool publish = !shared->closed && PublishLocked(shared.get(), &outbox, true);
        working.clear();
        outbox.clear();
        shared->spare_working.swap(working);
        shared->spare_outbox.swap(outbox);
        if (ending) {
          shared->task_active = false;
        } else {
          // task_active stays true: the continuation takes over.
          shared->pool->Submit(NewTask(shared));
        }
        if (publish) SendUnlocked(shared.get(), &lock);
        return;
      }
      working.swap(shared->pending);
      shared->pending_count.store(0, std::memory_order_relaxed);
      lock.unlock();
      for (Item& item : working) shared->process(item);
      last_round = working.size();
      processed += last_round;
      if (outbox.empty()) {
        outbox.swap(working);
      } else {
        for (Item& item : working) outbox.push_back(std::move(item));
        working.clear();
      }
      lock.lock();
      if (shared->closed) {
        outbox.clear();
        continue;
      }
      if (PublishLocked(shared.get(), &outbox, false)) {
        SendUnlocked(shared.get(), &lock);
        lock.lock();
      }
    }
  }

  // With the mutex held: hands the outbox to the loop when the loop took the last batch (a
  // swap), or else, with `force`, appends it to that batch. Returns whether it did.
  static bool PublishLocked(Shared* shared, std::vector<Item>* outbox, bool force) {
    if (outbox->empty()) return false;
    if (shared->completed.empty()) {
      shared->completed.swap(*outbox);
      return true;
    }
    if (!force) return false;
    for (Item& item : *outbox) shared->completed.push_back(std::move(item));
    outbox->clear();
    return true;
  }

  // Wakes the loop, releasing the mutex first: the send (an eventfd write) must not hold up the
  // loop thread's pushes; the queue's destructor waits for it.
  static void SendUnlocked(Shared* shared, std::unique_lock<std::mutex>* lock) {
    Async* async = shared->async;
    shared->senders.fetch_add(1, std::memory_order_acquire);
    lock->unlock();
    async->Send();
    shared->senders.fetch_sub(1, std::memory_order_release);
  }

  // Spins for at most kLinger until the push count moves past `seen`.
  static void AwaitPush(Shared* shared, size_t seen) {
    auto deadline = std::chrono::steady_clock::now() + kLinger;
    while (shared->pushes.load(std::memory_order_acquire) == seen) {
      for (int i = 0; i < 32; i++) CpuRelax();
      if (std::chrono::steady_clock::now() >= deadline) return;
    }
  }

  static void CpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#else
    std::atomic_signal_fence(std::memory_order_seq_cst);
#endif
  }

  // Async callback, in the poll phase.
  void TakeCompleted() {
    {
      std::lock_guard<std::mutex> lock(shared_->mutex);
      delivering_.swap(shared_->completed);
    }
    if (delivering_.empty()) return;
    size_t count = delivering_.size();
    deliver_(delivering_);
    delivering_.clear();
    outstanding_ -= count;
    if (outstanding_ == 0) async_->Unref();
  }

  Loop* loop_;
  std::shared_ptr<Shared> shared_;
  Deliver deliver_;
  std::unique_ptr<Async> async_;
  std::vector<Item> delivering_;  // Reused between deliveries.
  size_t outstanding_ = 0;
};

}  // namespace ringjs::loop

#endif  // SRC_LOOP_DRAIN_QUEUE_H_
