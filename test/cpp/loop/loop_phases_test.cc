// Turn structure: phase order, run modes, Stop, liveness, close semantics.
#include <string>
#include <vector>

#include "loop_test_util.h"

namespace ringjs::loop::test {
namespace {

using PhasesTest = LoopTest;

TEST_P(PhasesTest, PhaseOrderWithinOneTurn) {
  std::vector<std::string> log;
  Loop* loop = loop_.get();
  Timer timer(loop);
  Idle idle(loop);
  Prepare prepare(loop);
  Check check(loop);
  ASSERT_EQ(timer.Start([&] { log.push_back("timer"); }, 0, 0), 0);
  loop->QueuePending([&] { log.push_back("pending"); });
  ASSERT_EQ(idle.Start([&] {
    log.push_back("idle");
    idle.Stop();
  }), 0);
  ASSERT_EQ(prepare.Start([&] {
    log.push_back("prepare");
    prepare.Stop();
  }), 0);
  ASSERT_EQ(check.Start([&] {
    log.push_back("check");
    check.Stop();
  }), 0);
  // An Async callback runs in the poll phase.
  Async async(loop, [&] {
    log.push_back("poll");
    async.Close([&] { log.push_back("close"); });
  });
  async.Send();

  EXPECT_FALSE(loop->Run());
  std::vector<std::string> expected = {"timer", "pending", "idle",  "prepare",
                                       "poll",  "check",   "close"};
  EXPECT_EQ(log, expected);
}

TEST_P(PhasesTest, ChecksRunEveryTurnUntilStopped) {
  Loop* loop = loop_.get();
  Check check(loop);
  Prepare prepare(loop);
  Idle idle(loop);
  int checks = 0, prepares = 0, idles = 0;
  idle.Start([&] { idles++; });
  prepare.Start([&] { prepares++; });
  check.Start([&] {
    if (++checks == 3) {
      check.Stop();
      prepare.Stop();
      idle.Stop();
    }
  });
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(checks, 3);
  EXPECT_EQ(prepares, 3);
  EXPECT_EQ(idles, 3);
}

TEST_P(PhasesTest, HandleStartedInItsPhaseWaitsForNextTurn) {
  Loop* loop = loop_.get();
  Check first(loop), second(loop);
  // Check handles alone let poll block; an idle handle keeps turns coming.
  Idle spin(loop);
  spin.Start([] {});
  std::vector<std::string> log;
  second.Start([&] {
    log.push_back("second");
    second.Stop();
  });
  second.Stop();
  first.Start([&] {
    log.push_back("first@" + std::to_string(loop->counters().turns));
    first.Stop();
    second.Start([&] {
      log.push_back("second@" + std::to_string(loop->counters().turns));
      second.Stop();
      spin.Stop();
    });
  });
  loop->Run();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0], "first@1");
  EXPECT_EQ(log[1], "second@2");
}

TEST_P(PhasesTest, EmptyLoopRunReturnsFalse) {
  EXPECT_FALSE(loop_->IsAlive());
  EXPECT_FALSE(loop_->Run());
  EXPECT_FALSE(loop_->Run(RunMode::kOnce));
  EXPECT_FALSE(loop_->Run(RunMode::kNoWait));
}

TEST_P(PhasesTest, NoWaitReturnsAliveWithoutBlocking) {
  Loop* loop = loop_.get();
  Timer timer(loop);
  bool fired = false;
  timer.Start([&] { fired = true; }, 100000, 0);
  EXPECT_TRUE(loop->Run(RunMode::kNoWait));
  EXPECT_FALSE(fired);
  EXPECT_EQ(loop->counters().turns, 1u);
  timer.Stop();
  EXPECT_FALSE(loop->Run(RunMode::kNoWait));
}

TEST_P(PhasesTest, OnceWaitsForTheTimerAndRunsIt) {
  Loop* loop = loop_.get();
  Timer timer(loop);
  int fired = 0;
  loop->UpdateTime();
  uint64_t start = loop->Now();
  timer.Start([&] { fired++; }, 5, 0);
  // kOnce blocks in poll until the timer is due, then runs it before
  // returning (libuv 1.44 semantics).
  EXPECT_FALSE(loop->Run(RunMode::kOnce));
  EXPECT_EQ(fired, 1);
  EXPECT_GE(loop->Now(), start + 5);
}

TEST_P(PhasesTest, OnceReturnsAfterOneIoEvent) {
  Loop* loop = loop_.get();
  int calls = 0;
  Async async(loop, [&] { calls++; });
  async.Send();
  EXPECT_TRUE(loop->Run(RunMode::kOnce));
  EXPECT_EQ(calls, 1);
  async.Close(nullptr);
  EXPECT_FALSE(loop->Run());
}

TEST_P(PhasesTest, StopEndsRunAfterTheTurn) {
  Loop* loop = loop_.get();
  Timer timer(loop);
  int count = 0;
  timer.Start([&] {
    if (++count == 3) loop->Stop();
  }, 0, 1);
  EXPECT_TRUE(loop->Run());
  EXPECT_EQ(count, 3);
  // Stop is one-shot: the next Run goes on.
  timer.Start([&] {
    if (++count == 5) timer.Stop();
  }, 0, 1);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(count, 5);
}

TEST_P(PhasesTest, UnrefdHandlesDoNotKeepTheLoopAlive) {
  Loop* loop = loop_.get();
  Timer timer(loop);
  Check check(loop);
  Async async(loop, [] {});
  bool fired = false;
  timer.Start([&] { fired = true; }, 100000, 0);
  timer.Unref();
  check.Start([] {});
  check.Unref();
  async.Unref();
  EXPECT_FALSE(timer.HasRef());
  EXPECT_TRUE(timer.IsActive());
  EXPECT_FALSE(loop->IsAlive());
  EXPECT_FALSE(loop->Run());
  EXPECT_FALSE(fired);
  timer.Ref();
  EXPECT_TRUE(loop->IsAlive());
  timer.Unref();
  async.Close(nullptr);
  check.Close(nullptr);
  timer.Close(nullptr);
}

TEST_P(PhasesTest, UnrefdTimerDoesNotDelayExitAfterRefdOne) {
  Loop* loop = loop_.get();
  Timer refd(loop), unrefd(loop);
  bool refd_fired = false, unrefd_fired = false;
  refd.Start([&] { refd_fired = true; }, 2, 0);
  unrefd.Start([&] { unrefd_fired = true; }, 100000, 0);
  unrefd.Unref();
  EXPECT_FALSE(loop->Run());
  EXPECT_TRUE(refd_fired);
  EXPECT_FALSE(unrefd_fired);
}

TEST_P(PhasesTest, CloseCallbackRunsInClosePhaseAndKeepsLoopAlive) {
  Loop* loop = loop_.get();
  auto* timer = new Timer(loop);
  timer->Start([] {}, 100000, 0);
  bool closed = false;
  timer->Close([&] {
    closed = true;
    delete timer;
  });
  EXPECT_TRUE(timer->IsClosing());
  EXPECT_FALSE(timer->IsActive());
  EXPECT_TRUE(loop->IsAlive());
  // Closing twice is harmless.
  timer->Close(nullptr);
  EXPECT_EQ(timer->Start([] {}, 1, 0), -EINVAL);
  EXPECT_FALSE(closed);
  EXPECT_FALSE(loop->Run(RunMode::kNoWait));
  EXPECT_TRUE(closed);
}

TEST_P(PhasesTest, CloseCallbacksRunInCloseOrder) {
  Loop* loop = loop_.get();
  Check a(loop), b(loop), c(loop);
  std::vector<char> order;
  b.Close([&] { order.push_back('b'); });
  a.Close([&] { order.push_back('a'); });
  c.Close([&] { order.push_back('c'); });
  loop->Run();
  EXPECT_EQ(order, (std::vector<char>{'b', 'a', 'c'}));
}

TEST_P(PhasesTest, PendingCallbacksMakePollNonBlocking) {
  Loop* loop = loop_.get();
  Timer timer(loop);
  Prepare prepare(loop);
  Check check(loop);
  bool pending_ran = false;
  timer.Start([] {}, 100000, 0);
  // Queued after the pending phase: poll must not block on the timer while
  // it waits (this test would hang otherwise).
  prepare.Start([&] {
    loop->QueuePending([&] { pending_ran = true; });
    prepare.Stop();
  });
  check.Start([&] {
    loop->Stop();
    check.Stop();
  });
  EXPECT_TRUE(loop->Run());
  // libuv 1.46: callbacks pending after poll run in the same turn, before check.
  EXPECT_TRUE(pending_ran);
  timer.Close(nullptr);
}

TEST_P(PhasesTest, PendingCallbackThatKeepsAliveRunsWithoutHandles) {
  Loop* loop = loop_.get();
  int runs = 0;
  // A completion known early (fs results taken without waiting) holds the loop like the
  // request it stands for, chained ones included.
  loop->QueuePending([&] {
    runs++;
    loop->QueuePending([&] { runs++; }, true);
  }, true);
  EXPECT_TRUE(loop->IsAlive());
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(runs, 2);
  EXPECT_FALSE(loop->IsAlive());
}

TEST_P(PhasesTest, PlainPendingCallbackDoesNotKeepTheLoopAlive) {
  Loop* loop = loop_.get();
  bool ran = false;
  loop->QueuePending([&] { ran = true; });
  EXPECT_FALSE(loop->IsAlive());
  EXPECT_FALSE(loop->Run());
  EXPECT_FALSE(ran);
}

TEST_P(PhasesTest, CompleteLaterRunsInThePollPhaseAfterACheckAndKeepsAlive) {
  Loop* loop = loop_.get();
  std::vector<std::string> log;
  Request req;
  Prepare prepare(loop);
  Check check(loop);
  req.cb = [&](int64_t result) { log.push_back("done " + std::to_string(result)); };
  ASSERT_EQ(prepare.Start([&] {
    log.push_back("prepare");
    prepare.Stop();
  }), 0);
  ASSERT_EQ(check.Start([&] {
    log.push_back("check");
    check.Stop();
  }), 0);
  ASSERT_EQ(loop->CompleteLater(&req, 42), 0);
  EXPECT_TRUE(req.in_flight());
  EXPECT_EQ(loop->CompleteLater(&req, 1), -EBUSY);
  EXPECT_FALSE(loop->Run());
  std::vector<std::string> expected = {"prepare", "check", "done 42"};
  EXPECT_EQ(log, expected);
  EXPECT_FALSE(req.in_flight());
  prepare.Close(nullptr);
  check.Close(nullptr);
  loop->Run();
}

TEST_P(PhasesTest, HrTimeAndNowAreMonotonic) {
  uint64_t a = Loop::HrTime();
  uint64_t b = Loop::HrTime();
  EXPECT_LE(a, b);
  uint64_t now = loop_->Now();
  loop_->UpdateTime();
  EXPECT_LE(now, loop_->Now());
  EXPECT_EQ(loop_->Now(), loop_->Now());  // Cached.
}

RINGJS_BOTH_BACKENDS(PhasesTest);

}  // namespace
}  // namespace ringjs::loop::test
