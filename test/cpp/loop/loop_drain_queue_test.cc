// DrainQueue: order, many items, liveness, coalesced wakeups, yielding to other pool work,
// teardown with work queued. Latches, never timing, decide what runs when.
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "loop/drain_queue.h"
#include "loop_test_util.h"

namespace ringjs::loop::test {
namespace {

struct Job {
  int input = 0;
  int output = 0;
  std::thread::id thread;
};

// Blocks whoever calls Wait() until Open().
class Latch {
 public:
  void Wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    waiting_++;
    cond_.notify_all();
    cond_.wait(lock, [this] { return open_; });
  }
  void WaitForWaiter() {
    std::unique_lock<std::mutex> lock(mutex_);
    cond_.wait(lock, [this] { return waiting_ > 0; });
  }
  void Open() {
    std::lock_guard<std::mutex> lock(mutex_);
    open_ = true;
    cond_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable cond_;
  int waiting_ = 0;
  bool open_ = false;
};

class DrainQueueTest : public LoopTest {
 protected:
  // A loop whose one pool thread is held by `gate` until it opens (drain tasks stay queued);
  // after_work runs when it is let go. Null if the backend is unavailable.
  std::unique_ptr<Loop> NewLoopWithBusyPool(Latch* gate, std::function<void(int)> after_work) {
    LoopOptions options;
    options.thread_pool_size = 1;
    std::unique_ptr<Loop> loop = NewLoop(options);
    if (loop == nullptr) return loop;
    loop->QueueWork([gate] { gate->Wait(); }, std::move(after_work));
    gate->WaitForWaiter();
    return loop;
  }
};

TEST_P(DrainQueueTest, ProcessesOnPoolAndDeliversInPushOrder) {
  std::thread::id loop_thread = std::this_thread::get_id();
  std::vector<Job> delivered;
  int deliveries = 0;
  DrainQueue<Job> queue(
      loop_.get(),
      [](Job& job) {
        job.output = job.input * 3;
        job.thread = std::this_thread::get_id();
      },
      [&](std::vector<Job>& jobs) {
        EXPECT_EQ(std::this_thread::get_id(), loop_thread);
        deliveries++;
        for (Job& job : jobs) delivered.push_back(job);
      });
  constexpr int kCount = 20000;  // Several kItemsPerTask rounds.
  for (int i = 0; i < kCount; i++) queue.Push(Job{i, 0, {}});
  EXPECT_EQ(queue.outstanding(), static_cast<size_t>(kCount));
  EXPECT_TRUE(loop_->IsAlive());
  loop_->Run();
  ASSERT_EQ(delivered.size(), static_cast<size_t>(kCount));
  for (int i = 0; i < kCount; i++) {
    ASSERT_EQ(delivered[i].input, i);
    ASSERT_EQ(delivered[i].output, i * 3);
    ASSERT_NE(delivered[i].thread, loop_thread);
  }
  EXPECT_GE(deliveries, 1);
  EXPECT_EQ(queue.outstanding(), 0u);
  EXPECT_FALSE(loop_->IsAlive());
}

TEST_P(DrainQueueTest, IdleQueueDoesNotKeepLoopAlive) {
  DrainQueue<Job> queue(loop_.get(), [](Job&) {}, [](std::vector<Job>&) {});
  EXPECT_FALSE(loop_->IsAlive());
  EXPECT_FALSE(loop_->Run());
  queue.Push(Job{});
  EXPECT_TRUE(loop_->IsAlive());
  loop_->Run();
  EXPECT_FALSE(loop_->IsAlive());
}

TEST_P(DrainQueueTest, DeliverMayPushMore) {
  std::vector<int> seen;
  DrainQueue<Job>* queue_ptr = nullptr;
  DrainQueue<Job> queue(
      loop_.get(), [](Job& job) { job.output = job.input + 1; },
      [&](std::vector<Job>& jobs) {
        for (Job& job : jobs) {
          seen.push_back(job.output);
          if (job.output < 5) queue_ptr->Push(Job{job.output, 0, {}});
        }
      });
  queue_ptr = &queue;
  queue.Push(Job{0, 0, {}});
  loop_->Run();
  EXPECT_EQ(seen, (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_FALSE(loop_->IsAlive());
}

TEST_P(DrainQueueTest, WakeupsCoalesce) {
  Latch gate;
  std::vector<int> delivered;
  int deliveries = 0;
  DrainQueue<Job> queue(
      loop_.get(),
      [&](Job& job) {
        if (job.input == 0) gate.Wait();
      },
      [&](std::vector<Job>& jobs) {
        deliveries++;
        for (Job& job : jobs) delivered.push_back(job.input);
      });
  // The task holds item 0 while the rest pile up; it then takes them in one swap.
  for (int i = 0; i < 1000; i++) queue.Push(Job{i, 0, {}});
  gate.WaitForWaiter();
  EXPECT_EQ(queue.tasks_started(), 1u);
  gate.Open();
  loop_->Run();
  ASSERT_EQ(delivered.size(), 1000u);
  for (int i = 0; i < 1000; i++) ASSERT_EQ(delivered[i], i);
  // Two publications at most (item 0, then the other 999), whatever the loop saw of them.
  EXPECT_LE(deliveries, 2);
  EXPECT_EQ(queue.tasks_started(), 1u);
}

TEST_P(DrainQueueTest, LongBurstYieldsToOtherPoolWork) {
  LoopOptions options;
  options.thread_pool_size = 1;
  std::unique_ptr<Loop> loop = NewLoop(options);
  ASSERT_NE(loop, nullptr);
  constexpr int kBound = static_cast<int>(DrainQueue<Job>::kItemsPerTask);
  constexpr int kCount = kBound + 10;
  Latch first;  // Holds item 0: the first round is that item alone.
  Latch last;   // Holds item kBound - 1, the end of the second round.
  std::mutex log_mutex;
  std::vector<std::string> log;
  auto note = [&](std::string what) {
    std::lock_guard<std::mutex> lock(log_mutex);
    log.push_back(std::move(what));
  };
  size_t delivered = 0;
  {
    DrainQueue<Job> queue(
        loop.get(),
        [&](Job& job) {
          if (job.input == 0) first.Wait();
          if (job.input == kBound - 1) last.Wait();
          if (job.input == 0 || job.input == kCount - 1) note("item" + std::to_string(job.input));
        },
        [&](std::vector<Job>& jobs) { delivered += jobs.size(); });
    queue.Push(Job{0, 0, {}});
    first.WaitForWaiter();
    loop->QueueWork([&] { note("other"); }, [](int) {});
    for (int i = 1; i < kBound; i++) queue.Push(Job{i, 0, {}});
    first.Open();
    // The task has taken items 1..kBound-1 in its second round; the last ten come after it.
    last.WaitForWaiter();
    for (int i = kBound; i < kCount; i++) queue.Push(Job{i, 0, {}});
    last.Open();
    loop->Run();
    EXPECT_EQ(delivered, static_cast<size_t>(kCount));
    EXPECT_EQ(queue.tasks_started(), 2u);
  }
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0], "item0");
  // The burst's last items ran after the pool's other work: the drain yielded.
  EXPECT_EQ(log[1], "other");
  EXPECT_EQ(log[2], "item" + std::to_string(kCount - 1));
}

TEST_P(DrainQueueTest, StealTakesBackWhatNoTaskStarted) {
  Latch gate;
  std::vector<int> delivered;
  DrainQueue<Job> queue(
      loop_.get(),
      [&](Job& job) {
        if (job.input == 0) gate.Wait();
        job.output = 1;
      },
      [&](std::vector<Job>& jobs) {
        for (Job& job : jobs) delivered.push_back(job.input);
      });
  queue.Push(Job{0, 0, {}});
  gate.WaitForWaiter();  // The task holds item 0; items 1..9 wait.
  for (int i = 1; i < 10; i++) queue.Push(Job{i, 0, {}});
  EXPECT_EQ(queue.pending(), 9u);
  std::vector<Job> stolen;
  EXPECT_EQ(queue.Steal(&stolen), 9u);
  ASSERT_EQ(stolen.size(), 9u);
  for (int i = 0; i < 9; i++) {
    EXPECT_EQ(stolen[i].input, i + 1);
    EXPECT_EQ(stolen[i].output, 0);
  }
  EXPECT_EQ(queue.pending(), 0u);
  EXPECT_EQ(queue.outstanding(), 1u);
  EXPECT_EQ(queue.Steal(&stolen), 0u);
  gate.Open();
  loop_->Run();
  EXPECT_EQ(delivered, (std::vector<int>{0}));
  EXPECT_FALSE(loop_->IsAlive());
}

TEST_P(DrainQueueTest, StealingEverythingLetsTheLoopEnd) {
  Latch gate;
  // The only worker is busy, so the drain task stays queued and takes nothing.
  std::unique_ptr<Loop> loop = NewLoopWithBusyPool(&gate, [](int) {});
  ASSERT_NE(loop, nullptr);
  {
    DrainQueue<Job> queue(loop.get(), [](Job&) {}, [](std::vector<Job>&) { FAIL(); });
    for (int i = 0; i < 5; i++) queue.Push(Job{i, 0, {}});
    std::vector<Job> stolen;
    EXPECT_EQ(queue.Steal(&stolen), 5u);
    EXPECT_EQ(queue.outstanding(), 0u);
    gate.Open();
    loop->Run();  // The drain task finds nothing; the loop ends.
    EXPECT_FALSE(loop->IsAlive());
  }
}

TEST_P(DrainQueueTest, TeardownWithWorkQueuedDropsItems) {
  Latch gate;
  auto token = std::make_shared<int>(0);
  struct Held {
    std::shared_ptr<int> token;
    int input = 0;
  };
  int deliveries = 0;
  {
    auto queue = std::make_unique<DrainQueue<Held>>(
        loop_.get(),
        [&](Held& held) {
          if (held.input == 0) gate.Wait();
        },
        [&](std::vector<Held>&) { deliveries++; });
    for (int i = 0; i < 100; i++) queue->Push(Held{token, i});
    gate.WaitForWaiter();
    EXPECT_TRUE(loop_->IsAlive());
    // Destroyed while the task holds item 0 and 99 items wait.
    queue.reset();
    EXPECT_FALSE(loop_->IsAlive());
    gate.Open();
  }
  loop_->Run();
  // The loop's destruction joins the pool, which lets go of the task's share.
  loop_.reset();
  EXPECT_EQ(deliveries, 0);
  EXPECT_EQ(token.use_count(), 1);
}

TEST_P(DrainQueueTest, TeardownBeforeTaskStarts) {
  Latch gate;
  auto token = std::make_shared<int>(0);
  struct Held {
    std::shared_ptr<int> token;
  };
  bool other_done = false;
  // The only worker is busy, so the drain task stays queued.
  std::unique_ptr<Loop> loop = NewLoopWithBusyPool(&gate, [&](int) { other_done = true; });
  ASSERT_NE(loop, nullptr);
  {
    DrainQueue<Held> queue(loop.get(), [](Held&) {}, [](std::vector<Held>&) { FAIL(); });
    for (int i = 0; i < 10; i++) queue.Push(Held{token});
  }
  gate.Open();
  loop->Run();
  EXPECT_TRUE(other_done);
  loop.reset();
  EXPECT_EQ(token.use_count(), 1);
}

RINGJS_BOTH_BACKENDS(DrainQueueTest);

}  // namespace
}  // namespace ringjs::loop::test
