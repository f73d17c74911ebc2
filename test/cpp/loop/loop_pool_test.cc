// Thread pool: QueueWork, concurrency limit, UV_THREADPOOL_SIZE. Uses
// latches, never timing, to prove what runs when.
#include <stdlib.h>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "loop_test_util.h"

namespace ringjs::loop::test {
namespace {

using PoolTest = LoopTest;

// Tasks block in Enter() until Release() lets some of them go.
class Gate {
 public:
  void Enter() {
    std::unique_lock<std::mutex> lock(mutex_);
    started_++;
    cond_.notify_all();
    cond_.wait(lock, [this] { return permits_ > 0; });
    permits_--;
  }
  void WaitStarted(int n) {
    std::unique_lock<std::mutex> lock(mutex_);
    cond_.wait(lock, [&] { return started_ >= n; });
  }
  int started() {
    std::lock_guard<std::mutex> lock(mutex_);
    return started_;
  }
  void Release(int n) {
    std::lock_guard<std::mutex> lock(mutex_);
    permits_ += n;
    cond_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable cond_;
  int started_ = 0;
  int permits_ = 0;
};

TEST_P(PoolTest, WorkOnWorkerAfterWorkOnLoopThread) {
  Loop* loop = loop_.get();
  std::thread::id loop_thread = std::this_thread::get_id();
  std::mutex mutex;
  std::vector<std::thread::id> work_threads;
  int after = 0;
  for (int i = 0; i < 100; i++) {
    loop->QueueWork(
        [&] {
          std::lock_guard<std::mutex> lock(mutex);
          work_threads.push_back(std::this_thread::get_id());
        },
        [&](int status) {
          EXPECT_EQ(status, 0);
          EXPECT_EQ(std::this_thread::get_id(), loop_thread);
          after++;
        });
  }
  EXPECT_TRUE(loop->IsAlive());  // Pool work counts as in flight.
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(after, 100);
  ASSERT_EQ(work_threads.size(), 100u);
  for (std::thread::id id : work_threads) EXPECT_NE(id, loop_thread);
  EXPECT_EQ(loop->counters().pool_tasks, 100u);
}

TEST_P(PoolTest, FifthSlowTaskWaitsForAFreeWorker) {
  LoopOptions options;
  options.thread_pool_size = 4;
  std::unique_ptr<Loop> loop = NewLoop(options);
  ASSERT_NE(loop, nullptr);
  EXPECT_EQ(loop->thread_pool_size(), 4u);
  EXPECT_EQ(loop->thread_pool(), nullptr);  // Lazily started.
  Gate gate;
  int done = 0;
  for (int i = 0; i < 5; i++)
    loop->QueueWork([&] { gate.Enter(); }, [&](int) { done++; });
  ASSERT_NE(loop->thread_pool(), nullptr);
  // All four workers are inside a task and cannot leave it: the fifth task
  // must still be queued.
  gate.WaitStarted(4);
  EXPECT_EQ(loop->thread_pool()->running(), 4u);
  EXPECT_EQ(loop->thread_pool()->queued(), 1u);
  EXPECT_EQ(gate.started(), 4);
  // Freeing one worker lets the fifth start.
  gate.Release(1);
  gate.WaitStarted(5);
  EXPECT_EQ(loop->thread_pool()->queued(), 0u);
  gate.Release(4);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(done, 5);
}

TEST_P(PoolTest, HonoursUvThreadpoolSize) {
  std::unique_ptr<Loop> loop;
  {
    ScopedEnv env("UV_THREADPOOL_SIZE", "2");
    loop = NewLoop(LoopOptions());
  }
  ASSERT_NE(loop, nullptr);
  EXPECT_EQ(loop->thread_pool_size(), 2u);
  Gate gate;
  int done = 0;
  for (int i = 0; i < 3; i++)
    loop->QueueWork([&] { gate.Enter(); }, [&](int) { done++; });
  gate.WaitStarted(2);
  EXPECT_EQ(loop->thread_pool()->size(), 2u);
  EXPECT_EQ(loop->thread_pool()->running(), 2u);
  EXPECT_EQ(loop->thread_pool()->queued(), 1u);
  gate.Release(3);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(done, 3);
}

TEST_P(PoolTest, ThreadpoolSizeIsClamped) {
  ScopedEnv env("UV_THREADPOOL_SIZE", "0");
  EXPECT_EQ(ThreadPool::SizeFromEnv(), 1u);
  setenv("UV_THREADPOOL_SIZE", "5000", 1);
  EXPECT_EQ(ThreadPool::SizeFromEnv(), 1024u);
  setenv("UV_THREADPOOL_SIZE", "7", 1);
  EXPECT_EQ(ThreadPool::SizeFromEnv(), 7u);
  unsetenv("UV_THREADPOOL_SIZE");
  EXPECT_EQ(ThreadPool::SizeFromEnv(), 4u);
  std::unique_ptr<Loop> loop = NewLoop(LoopOptions());
  ASSERT_NE(loop, nullptr);
  EXPECT_EQ(loop->thread_pool_size(), 4u);
}

TEST_P(PoolTest, AfterWorkCanQueueMoreWork) {
  Loop* loop = loop_.get();
  int rounds = 0;
  std::function<void(int)> again = [&](int) {
    if (++rounds < 10) loop->QueueWork([] {}, again);
  };
  loop->QueueWork([] {}, again);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(rounds, 10);
}

TEST_P(PoolTest, DestroyingLoopWithQueuedWorkDoesNotHang) {
  LoopOptions options;
  options.thread_pool_size = 1;
  std::unique_ptr<Loop> loop = NewLoop(options);
  ASSERT_NE(loop, nullptr);
  Gate gate;
  bool after_ran = false;
  loop->QueueWork([&] { gate.Enter(); }, [&](int) { after_ran = true; });
  loop->QueueWork([] {}, [&](int) { after_ran = true; });
  gate.WaitStarted(1);
  gate.Release(1);
  loop.reset();  // Joins the worker; the queued task is dropped.
  EXPECT_FALSE(after_ran);
}

RINGJS_BOTH_BACKENDS(PoolTest);

}  // namespace
}  // namespace ringjs::loop::test
