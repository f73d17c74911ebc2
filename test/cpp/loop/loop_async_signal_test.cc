// Async (cross-thread wakeups) and Signal (signalfd) handles.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <thread>
#include <vector>

#include "loop_test_util.h"

namespace ringjs::loop::test {
namespace {

using AsyncTest = LoopTest;
using SignalTest = LoopTest;

TEST_P(AsyncTest, SendFromAnotherThreadWakesTheLoop) {
  Loop* loop = loop_.get();
  std::thread::id loop_thread = std::this_thread::get_id();
  std::thread::id cb_thread;
  int calls = 0;
  Async async(loop, [&] {
    calls++;
    cb_thread = std::this_thread::get_id();
    async.Close(nullptr);
  });
  std::thread sender([&] { async.Send(); });
  // Blocks in poll (no timers) until the send arrives.
  EXPECT_FALSE(loop->Run());
  sender.join();
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(cb_thread, loop_thread);
}

TEST_P(AsyncTest, SendsCoalesce) {
  Loop* loop = loop_.get();
  int calls = 0;
  Async async(loop, [&] { calls++; });
  std::thread sender([&] {
    for (int i = 0; i < 1000; i++) async.Send();
  });
  sender.join();
  // Every send happened before the loop looked: exactly one callback.
  loop->Run(RunMode::kNoWait);
  EXPECT_EQ(calls, 1);
  async.Send();
  loop->Run(RunMode::kNoWait);
  EXPECT_EQ(calls, 2);
  async.Close(nullptr);
  EXPECT_FALSE(loop->Run());
}

TEST_P(AsyncTest, ManySendersManyWakeups) {
  Loop* loop = loop_.get();
  std::atomic<int> sent{0};
  const int kThreads = 4, kRounds = 200;
  int calls = 0;
  bool done = false;
  Async async(loop, [&] {
    calls++;
    if (sent.load() == kThreads * kRounds && !done) {
      done = true;
      async.Close(nullptr);
    }
  });
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; t++) {
    threads.emplace_back([&] {
      for (int i = 0; i < kRounds; i++) {
        sent.fetch_add(1);
        async.Send();
      }
    });
  }
  // The last Send happens after the last increment, so some callback sees
  // the full count and closes the handle.
  EXPECT_FALSE(loop->Run());
  for (std::thread& thread : threads) thread.join();
  EXPECT_TRUE(done);
  EXPECT_GE(calls, 1);
}

TEST_P(SignalTest, RaisedSignalRunsCallback) {
  Loop* loop = loop_.get();
  Signal signal(loop);
  std::vector<int> got;
  ASSERT_EQ(signal.Start([&](int signum) {
    got.push_back(signum);
    signal.Close(nullptr);
  }, SIGUSR1), 0);
  EXPECT_EQ(signal.signum(), SIGUSR1);
  ASSERT_EQ(raise(SIGUSR1), 0);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(got, std::vector<int>{SIGUSR1});
}

TEST_P(SignalTest, AllHandlesForOneSignalFire) {
  Loop* loop = loop_.get();
  Signal a(loop), b(loop), other(loop);
  int a_calls = 0, b_calls = 0, other_calls = 0;
  ASSERT_EQ(a.Start([&](int) { a_calls++; }, SIGUSR2), 0);
  ASSERT_EQ(b.Start([&](int) { b_calls++; }, SIGUSR2), 0);
  ASSERT_EQ(other.Start([&](int) { other_calls++; }, SIGUSR1), 0);
  ASSERT_EQ(raise(SIGUSR2), 0);
  while (a_calls == 0) loop->Run(RunMode::kOnce);
  EXPECT_EQ(a_calls, 1);
  EXPECT_EQ(b_calls, 1);
  EXPECT_EQ(other_calls, 0);
  // With one handle stopped the other still fires.
  a.Stop();
  ASSERT_EQ(raise(SIGUSR2), 0);
  while (b_calls == 1) loop->Run(RunMode::kOnce);
  EXPECT_EQ(a_calls, 1);
  EXPECT_EQ(b_calls, 2);
  a.Close(nullptr);
  b.Close(nullptr);
  other.Close(nullptr);
  EXPECT_FALSE(loop->Run());
}

TEST_P(SignalTest, ProcessDirectedSignalReachesTheLoop) {
  Loop* loop = loop_.get();
  // Start the pool first: its workers block every signal, so kill() (any
  // thread may receive it) still ends up in the loop's signalfd.
  bool work_done = false;
  loop->QueueWork([] {}, [&](int) { work_done = true; });
  loop->Run();
  ASSERT_TRUE(work_done);
  Signal signal(loop);
  int calls = 0;
  ASSERT_EQ(signal.Start([&](int) {
    calls++;
    signal.Close(nullptr);
  }, SIGUSR1), 0);
  ASSERT_EQ(kill(getpid(), SIGUSR1), 0);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(calls, 1);
}

TEST_P(SignalTest, RejectsBadSignals) {
  Signal signal(loop_.get());
  EXPECT_EQ(signal.Start([](int) {}, 0), -EINVAL);
  EXPECT_EQ(signal.Start([](int) {}, SIGKILL), -EINVAL);
  EXPECT_EQ(signal.Start([](int) {}, SIGSTOP), -EINVAL);
  EXPECT_EQ(signal.Start([](int) {}, 100000), -EINVAL);
  EXPECT_EQ(signal.Start(nullptr, SIGUSR1), -EINVAL);
  EXPECT_FALSE(signal.IsActive());
}

TEST_P(SignalTest, StopUnblocksOnlyWhatItBlocked) {
  Loop* loop = loop_.get();
  sigset_t before;
  pthread_sigmask(SIG_SETMASK, nullptr, &before);
  ASSERT_FALSE(sigismember(&before, SIGUSR1));
  {
    Signal signal(loop);
    ASSERT_EQ(signal.Start([](int) {}, SIGUSR1), 0);
    sigset_t during;
    pthread_sigmask(SIG_SETMASK, nullptr, &during);
    EXPECT_TRUE(sigismember(&during, SIGUSR1));
    signal.Stop();
  }
  sigset_t after;
  pthread_sigmask(SIG_SETMASK, nullptr, &after);
  EXPECT_FALSE(sigismember(&after, SIGUSR1));
}

RINGJS_BOTH_BACKENDS(AsyncTest);
RINGJS_BOTH_BACKENDS(SignalTest);

}  // namespace
}  // namespace ringjs::loop::test
