// Timers: ordering, repeat, restart-from-callback, lower bounds. Nothing here
// assumes a timer fires soon after its deadline (the machine may stall).
#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include "loop_test_util.h"

namespace ringjs::loop::test {
namespace {

using TimersTest = LoopTest;

TEST_P(TimersTest, FireInDueOrderThenStartOrder) {
  Loop* loop = loop_.get();
  const uint64_t timeouts[] = {30, 10, 20, 10, 0, 20, 0, 5, 30, 5};
  const size_t n = sizeof(timeouts) / sizeof(timeouts[0]);
  std::vector<std::unique_ptr<Timer>> timers;
  std::vector<size_t> fired;
  for (size_t i = 0; i < n; i++) {
    timers.emplace_back(new Timer(loop));
    timers.back()->Start([&fired, i] { fired.push_back(i); }, timeouts[i], 0);
  }
  EXPECT_FALSE(loop->Run());
  std::vector<size_t> expected(n);
  for (size_t i = 0; i < n; i++) expected[i] = i;
  std::stable_sort(expected.begin(), expected.end(),
                   [&](size_t a, size_t b) { return timeouts[a] < timeouts[b]; });
  EXPECT_EQ(fired, expected);
}

TEST_P(TimersTest, EqualDeadlinesFireInStartOrder) {
  Loop* loop = loop_.get();
  std::vector<std::unique_ptr<Timer>> timers;
  std::vector<int> fired;
  for (int i = 0; i < 100; i++) {
    timers.emplace_back(new Timer(loop));
    timers.back()->Start([&fired, i] { fired.push_back(i); }, 3, 0);
  }
  // Restarting moves a timer behind the others with the same deadline.
  timers[10]->Start([&fired] { fired.push_back(10); }, 3, 0);
  EXPECT_FALSE(loop->Run());
  ASSERT_EQ(fired.size(), 100u);
  std::vector<int> expected;
  for (int i = 0; i < 100; i++) {
    if (i != 10) expected.push_back(i);
  }
  expected.push_back(10);
  EXPECT_EQ(fired, expected);
}

TEST_P(TimersTest, TenThousandTimersFireInOrder) {
  Loop* loop = loop_.get();
  const int n = 10000;
  std::vector<std::unique_ptr<Timer>> timers;
  std::vector<uint64_t> timeout(n);
  std::vector<int> fired;
  fired.reserve(n);
  uint32_t seed = 12345;
  for (int i = 0; i < n; i++) {
    seed = seed * 1103515245u + 12345u;
    timeout[i] = (seed >> 16) % 50;
    timers.emplace_back(new Timer(loop));
    timers.back()->Start([&fired, i] { fired.push_back(i); }, timeout[i], 0);
  }
  EXPECT_FALSE(loop->Run());
  ASSERT_EQ(fired.size(), static_cast<size_t>(n));
  std::vector<int> expected(n);
  for (int i = 0; i < n; i++) expected[i] = i;
  std::stable_sort(expected.begin(), expected.end(),
                   [&](int a, int b) { return timeout[a] < timeout[b]; });
  EXPECT_EQ(fired, expected);
}

TEST_P(TimersTest, TimerStartedInZeroTimerCallbackWaitsForNextTimersPhase) {
  Loop* loop = loop_.get();
  Timer a(loop), b(loop);
  Check check(loop);
  std::vector<std::string> log;
  check.Start([&] {
    log.push_back("check");
    check.Stop();
  });
  a.Start([&] {
    log.push_back("a");
    b.Start([&] { log.push_back("b"); }, 0, 0);
  }, 0, 0);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(log, (std::vector<std::string>{"a", "check", "b"}));
}

TEST_P(TimersTest, TimerRestartedFromOwnCallbackIsNotRerunInSamePhase) {
  Loop* loop = loop_.get();
  Timer timer(loop);
  std::vector<uint64_t> turns;
  timer.Start([&] {
    turns.push_back(loop->counters().turns);
    if (turns.size() < 3) {
      timer.Start([&] { turns.push_back(loop->counters().turns); }, 0, 0);
    }
  }, 0, 0);
  EXPECT_FALSE(loop->Run());
  ASSERT_EQ(turns.size(), 2u);
  EXPECT_LT(turns[0], turns[1]);
}

TEST_P(TimersTest, StopFromEarlierCallbackCancelsExpiredTimer) {
  Loop* loop = loop_.get();
  Timer a(loop), b(loop);
  bool b_fired = false;
  a.Start([&] { b.Stop(); }, 1, 0);
  b.Start([&] { b_fired = true; }, 1, 0);
  EXPECT_FALSE(loop->Run());
  EXPECT_FALSE(b_fired);
}

TEST_P(TimersTest, RepeatTimerReArmsFromFiringTime) {
  Loop* loop = loop_.get();
  Timer timer(loop);
  loop->UpdateTime();
  uint64_t start = loop->Now();
  std::vector<uint64_t> fired_at;
  timer.Start([&] {
    fired_at.push_back(loop->Now());
    // As uv_timer: re-armed at (time of this turn) + repeat before the
    // callback runs.
    EXPECT_EQ(timer.due(), loop->Now() + 3);
    if (fired_at.size() == 5) timer.Stop();
  }, 2, 3);
  EXPECT_FALSE(loop->Run());
  ASSERT_EQ(fired_at.size(), 5u);
  EXPECT_GE(fired_at[0], start + 2);
  for (size_t i = 1; i < fired_at.size(); i++)
    EXPECT_GE(fired_at[i], fired_at[i - 1] + 3);
  EXPECT_EQ(timer.repeat(), 3u);
}

TEST_P(TimersTest, AgainRestartsRepeatingTimer) {
  Loop* loop = loop_.get();
  Timer timer(loop);
  EXPECT_EQ(timer.Again(), -EINVAL);  // Never started.
  int fired = 0;
  timer.Start([&] {
    if (++fired == 2) timer.Stop();
  }, 100000, 0);
  timer.set_repeat(1);
  EXPECT_EQ(timer.Again(), 0);  // Now due in 1 ms, repeating.
  EXPECT_LE(timer.due(), loop->Now() + 1);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(fired, 2);
}

TEST_P(TimersTest, NeverFiresBeforeItsDeadline) {
  Loop* loop = loop_.get();
  Timer timer(loop);
  loop->UpdateTime();
  uint64_t start_ms = loop->Now();
  uint64_t start_ns = Loop::HrTime();
  uint64_t fired_ms = 0, fired_ns = 0;
  timer.Start([&] {
    fired_ms = loop->Now();
    fired_ns = Loop::HrTime();
  }, 20, 0);
  EXPECT_EQ(timer.due(), start_ms + 20);
  EXPECT_FALSE(loop->Run());
  EXPECT_GE(fired_ms, start_ms + 20);
  // Now() floors to whole milliseconds, so allow that one millisecond.
  EXPECT_GE(fired_ns - start_ns, 19u * 1000 * 1000);
}

TEST_P(TimersTest, DueInAndInactiveState) {
  Loop* loop = loop_.get();
  Timer timer(loop);
  EXPECT_FALSE(timer.IsActive());
  EXPECT_EQ(timer.DueIn(), 0u);
  timer.Start([] {}, 1000, 0);
  EXPECT_TRUE(timer.IsActive());
  EXPECT_EQ(timer.DueIn(), 1000u);
  timer.Stop();
  EXPECT_FALSE(timer.IsActive());
  EXPECT_FALSE(loop->IsAlive());
}

TEST_P(TimersTest, DeletingAStoppedOrUnstartedTimerIsFine) {
  Loop* loop = loop_.get();
  {
    Timer never(loop);
  }
  {
    Timer stopped(loop);
    stopped.Start([] {}, 10, 0);
    stopped.Stop();
  }
  {
    // Even an active one is unlinked by its destructor.
    Timer active(loop);
    active.Start([] {}, 10, 0);
  }
  EXPECT_FALSE(loop->IsAlive());
  EXPECT_FALSE(loop->Run());
}

RINGJS_BOTH_BACKENDS(TimersTest);

}  // namespace
}  // namespace ringjs::loop::test
