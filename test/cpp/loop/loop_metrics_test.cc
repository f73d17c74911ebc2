// Loop metrics: idle time is counted only while the poll phase blocks, and
// events count what the poll phase delivered. Bounds are one-sided where the
// machine may stall.
#include <memory>

#include "loop_test_util.h"

namespace ringjs::loop::test {
namespace {

using MetricsTest = LoopTest;

TEST_P(MetricsTest, NewLoopHasNoIdleTime) {
  EXPECT_EQ(loop_->metrics().idle_time_ns, 0u);
  EXPECT_EQ(loop_->metrics().events, 0u);
}

TEST_P(MetricsTest, WaitingForATimerIsIdle) {
  Loop* loop = loop_.get();
  Timer timer(loop);
  timer.Start([] {}, 50, 0);
  uint64_t start = Loop::HrTime();
  EXPECT_FALSE(loop->Run());
  uint64_t elapsed = Loop::HrTime() - start;
  uint64_t idle = loop->metrics().idle_time_ns;
  // The loop slept most of the 50 ms (a timer may fire up to 1 ms early on the
  // millisecond clock) and never longer than the run took.
  EXPECT_GE(idle, 40u * 1000000u);
  EXPECT_LE(idle, elapsed);
}

TEST_P(MetricsTest, BusyTurnsAreNotIdle) {
  Loop* loop = loop_.get();
  Idle idle(loop);
  int turns = 0;
  // An active idle handle keeps every poll non-blocking (as libuv's).
  idle.Start([&] {
    if (++turns == 100) idle.Stop();
  });
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(turns, 100);
  EXPECT_EQ(loop->metrics().idle_time_ns, 0u);
}

TEST_P(MetricsTest, WakeupsAreCountedAsEvents) {
  Loop* loop = loop_.get();
  Async async(loop, [&] { async.Close(nullptr); });
  async.Send();
  EXPECT_FALSE(loop->Run());
  EXPECT_GE(loop->metrics().events, 1u);
  EXPECT_LE(loop->metrics().events_waiting, loop->metrics().events);
}

RINGJS_BOTH_BACKENDS(MetricsTest);

}  // namespace
}  // namespace ringjs::loop::test
