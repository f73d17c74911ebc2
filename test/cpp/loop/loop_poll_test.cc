// Poll handles on pipes: level-triggered by default, edge-triggered on
// request, stop/restart from callbacks, hangup, error cases.
#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "loop_test_util.h"

namespace ringjs::loop::test {
namespace {

class PollTest : public LoopTest {
 protected:
  void SetUp() override {
    LoopTest::SetUp();
    ASSERT_EQ(pipe2(fds_, O_CLOEXEC | O_NONBLOCK), 0);
  }
  void TearDown() override {
    LoopTest::TearDown();
    if (fds_[0] >= 0) close(fds_[0]);
    if (fds_[1] >= 0) close(fds_[1]);
  }
  int fds_[2] = {-1, -1};
};

TEST_P(PollTest, PipeBecomesReadable) {
  Loop* loop = loop_.get();
  Poll poll(loop);
  std::vector<int> events;
  ASSERT_EQ(poll.Start(fds_[0], Poll::kReadable, [&](int status, int ev) {
    EXPECT_EQ(status, 0);
    events.push_back(ev);
    char c;
    EXPECT_EQ(read(fds_[0], &c, 1), 1);
    poll.Close(nullptr);
  }), 0);
  EXPECT_TRUE(poll.IsActive());
  EXPECT_EQ(poll.fd(), fds_[0]);
  ASSERT_EQ(write(fds_[1], "x", 1), 1);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(events, std::vector<int>{Poll::kReadable});
}

TEST_P(PollTest, WritableEndIsWritable) {
  Loop* loop = loop_.get();
  Poll poll(loop);
  int calls = 0;
  ASSERT_EQ(poll.Start(fds_[1], Poll::kWritable, [&](int status, int ev) {
    EXPECT_EQ(status, 0);
    EXPECT_EQ(ev, Poll::kWritable);
    calls++;
    poll.Stop();
  }), 0);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(calls, 1);
  EXPECT_FALSE(poll.IsActive());
}

TEST_P(PollTest, LevelTriggeredRepeatsWhileDataIsUnread) {
  Loop* loop = loop_.get();
  Poll poll(loop);
  int calls = 0;
  ASSERT_EQ(poll.Start(fds_[0], Poll::kReadable, [&](int, int) { calls++; }),
            0);
  ASSERT_EQ(write(fds_[1], "abc", 3), 3);
  while (calls < 3) loop->Run(RunMode::kOnce);
  char buf[8];
  EXPECT_EQ(read(fds_[0], buf, sizeof(buf)), 3);
  // Drained: no more callbacks until new data arrives.
  int settled = calls;
  loop->Run(RunMode::kNoWait);
  loop->Run(RunMode::kNoWait);
  EXPECT_LE(calls, settled + 1);
  settled = calls;
  loop->Run(RunMode::kNoWait);
  EXPECT_EQ(calls, settled);
  poll.Close(nullptr);
  EXPECT_FALSE(loop->Run());
}

TEST_P(PollTest, EdgeTriggeredFiresOncePerArrival) {
  Loop* loop = loop_.get();
  Poll poll(loop);
  int calls = 0;
  ASSERT_EQ(poll.Start(fds_[0], Poll::kReadable | Poll::kEdgeTriggered,
                       [&](int status, int ev) {
                         EXPECT_EQ(status, 0);
                         EXPECT_EQ(ev, Poll::kReadable);
                         calls++;
                       }),
            0);
  loop->Run(RunMode::kNoWait);  // Arm.
  ASSERT_EQ(write(fds_[1], "a", 1), 1);
  while (calls < 1) loop->Run(RunMode::kOnce);
  // Data left unread does not fire again.
  for (int i = 0; i < 5; i++) loop->Run(RunMode::kNoWait);
  EXPECT_EQ(calls, 1);
  ASSERT_EQ(write(fds_[1], "b", 1), 1);
  while (calls < 2) loop->Run(RunMode::kOnce);
  EXPECT_EQ(calls, 2);
  poll.Close(nullptr);
  EXPECT_FALSE(loop->Run());
}

TEST_P(PollTest, RestartFromCallbackSwitchesEvents) {
  Loop* loop = loop_.get();
  Poll poll(loop);
  std::vector<std::string> log;
  std::function<void(int, int)> on_writable = [&](int, int ev) {
    EXPECT_EQ(ev, Poll::kWritable);
    log.push_back("writable");
    poll.Close(nullptr);
  };
  ASSERT_EQ(poll.Start(fds_[0], Poll::kReadable, [&](int, int ev) {
    EXPECT_EQ(ev, Poll::kReadable);
    log.push_back("readable");
    char c;
    EXPECT_EQ(read(fds_[0], &c, 1), 1);
    // Same handle, other fd and events.
    EXPECT_EQ(poll.Start(fds_[1], Poll::kWritable, on_writable), 0);
  }), 0);
  ASSERT_EQ(write(fds_[1], "x", 1), 1);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(log, (std::vector<std::string>{"readable", "writable"}));
}

TEST_P(PollTest, HangupIsReported) {
  Loop* loop = loop_.get();
  Poll poll(loop);
  int got = 0;
  ASSERT_EQ(poll.Start(fds_[0], Poll::kReadable | Poll::kDisconnect,
                       [&](int status, int ev) {
                         EXPECT_EQ(status, 0);
                         got = ev;
                         poll.Close(nullptr);
                       }),
            0);
  close(fds_[1]);
  fds_[1] = -1;
  EXPECT_FALSE(loop->Run());
  EXPECT_NE(got & Poll::kDisconnect, 0);
  EXPECT_NE(got & Poll::kReadable, 0);
}

TEST_P(PollTest, StopInsideCallbackStopsForGood) {
  Loop* loop = loop_.get();
  Poll poll(loop);
  Idle spin(loop);
  int calls = 0, turns = 0;
  ASSERT_EQ(poll.Start(fds_[0], Poll::kReadable, [&](int, int) {
    calls++;
    poll.Stop();
  }), 0);
  spin.Start([&] {
    if (++turns == 10) spin.Stop();
  });
  ASSERT_EQ(write(fds_[1], "x", 1), 1);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(loop->ops_in_flight(), 0u);
}

TEST_P(PollTest, Errors) {
  Loop* loop = loop_.get();
  Poll poll(loop), other(loop);
  EXPECT_EQ(poll.Start(-1, Poll::kReadable, [](int, int) {}), -EINVAL);
  EXPECT_EQ(poll.Start(fds_[0], 0x40, [](int, int) {}), -EINVAL);
  EXPECT_EQ(poll.Start(fds_[0], Poll::kReadable, nullptr), -EINVAL);
  char tmpl[] = "/tmp/ringjs-poll-XXXXXX";
  int file = mkstemp(tmpl);
  ASSERT_GE(file, 0);
  unlink(tmpl);
  EXPECT_EQ(poll.Start(file, Poll::kReadable, [](int, int) {}), -EPERM);
  close(file);
  EXPECT_FALSE(poll.IsActive());
  ASSERT_EQ(poll.Start(fds_[0], Poll::kReadable, [](int, int) {}), 0);
  EXPECT_EQ(other.Start(fds_[0], Poll::kReadable, [](int, int) {}), -EEXIST);
  poll.Close(nullptr);
  other.Close(nullptr);
  EXPECT_FALSE(loop->Run());
}

TEST_P(PollTest, CloseWhileArmedFreesEverything) {
  Loop* loop = loop_.get();
  auto* poll = new Poll(loop);
  ASSERT_EQ(poll->Start(fds_[0], Poll::kReadable, [](int, int) {}), 0);
  loop->Run(RunMode::kNoWait);  // In the kernel now.
  bool closed = false;
  poll->Close([&] {
    closed = true;
    delete poll;
  });
  EXPECT_FALSE(loop->Run());
  EXPECT_TRUE(closed);
  // The cancelled watch's CQE may still be on its way; it must not need
  // the deleted handle. Drive the loop until the kernel is done with it.
  Idle spin(loop);
  spin.Start([&] {
    if (loop->ops_in_flight() == 0) spin.Stop();
  });
  loop->Run();
  EXPECT_EQ(loop->ops_in_flight(), 0u);
}

RINGJS_BOTH_BACKENDS(PollTest);

}  // namespace
}  // namespace ringjs::loop::test
