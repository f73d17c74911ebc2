// Many operations at once: zero-length timeouts complete without a kernel op, the CQ size
// decides how many ops wait in user space, and a burst of socket completions is delivered in a
// few turns, not 20 per io_uring_enter.
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <vector>

#include "loop_test_util.h"

namespace ringjs::loop::test {
namespace {

using BatchTest = LoopTest;

TEST_P(BatchTest, ZeroTimeoutsCostNoKernelOpAndCompleteInOrderThisTurn) {
  Loop* loop = loop_.get();
  const int n = 10000;  // Far beyond the old in-flight cap (448).
  std::vector<Request> reqs(n);
  std::vector<int> order;
  order.reserve(n);
  for (int i = 0; i < n; i++) {
    reqs[i].cb = [&order, i](int64_t result) {
      EXPECT_EQ(result, 0);
      order.push_back(i);
    };
    ASSERT_EQ(loop->Timeout(&reqs[i], 0), 0);
  }
  EXPECT_TRUE(reqs[0].in_flight());
  // Already expired: too late to cancel, the callback still runs once with 0.
  EXPECT_EQ(loop->Cancel(&reqs[1]), -EALREADY);
  size_t completed_at_check = 0;
  Check check(loop);
  ASSERT_EQ(check.Start([&] {
    completed_at_check = order.size();
    check.Stop();
  }), 0);
  uint64_t sqes_before = loop->counters().sqes_submitted;
  loop->Run(RunMode::kOnce);
  // All of them in the first turn's poll phase, in the order started.
  EXPECT_EQ(completed_at_check, static_cast<size_t>(n));
  ASSERT_EQ(order.size(), static_cast<size_t>(n));
  for (int i = 0; i < n; i++) ASSERT_EQ(order[i], i);
  EXPECT_EQ(loop->counters().sqes_submitted, sqes_before);
  EXPECT_EQ(loop->counters().ops_queued, 0u);
  EXPECT_EQ(loop->ops_in_flight(), 0u);
  EXPECT_FALSE(loop->Run());
}

TEST_P(BatchTest, ZeroTimeoutFromACallbackRunsInTheNextPollPhase) {
  Loop* loop = loop_.get();
  std::vector<std::string> log;
  Request first, second;
  Check check(loop);
  ASSERT_EQ(check.Start([&] { log.push_back("check"); }), 0);
  second.cb = [&](int64_t) {
    log.push_back("second");
    check.Stop();
  };
  first.cb = [&](int64_t) {
    log.push_back("first");
    ASSERT_EQ(loop->Timeout(&second, 0), 0);
  };
  ASSERT_EQ(loop->Timeout(&first, 0), 0);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(log, (std::vector<std::string>{"first", "check", "second"}));
}

// Reads of a file at distinct offsets: each result tells which op it was.
void ReadMany(Loop* loop, int n, int* done) {
  char path[] = "/tmp/ringjs-loop-batch-XXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  unlink(path);
  std::vector<int> data(n);
  for (int i = 0; i < n; i++) data[i] = i;
  ASSERT_EQ(write(fd, data.data(), data.size() * sizeof(int)),
            static_cast<ssize_t>(data.size() * sizeof(int)));
  std::vector<Request> reqs(n);
  std::vector<int> bufs(n, -1);
  for (int i = 0; i < n; i++) {
    reqs[i].cb = [&bufs, done, i](int64_t r) {
      EXPECT_EQ(r, 4) << i;
      EXPECT_EQ(bufs[i], i);
      (*done)++;
    };
    ASSERT_EQ(loop->Read(&reqs[i], fd, &bufs[i], 4, static_cast<int64_t>(i) * 4), 0);
  }
  EXPECT_FALSE(loop->Run());
  close(fd);
}

TEST_P(BatchTest, DefaultCompletionQueueTakesThousandsOfOpsWithoutQueueing) {
  Loop* loop = loop_.get();
  int done = 0;
  ReadMany(loop, 5000, &done);
  EXPECT_EQ(done, 5000);
  if (IsUring()) {
    // A 512-entry CQ made all but ~448 of these wait in user space.
    EXPECT_EQ(loop->counters().ops_queued, 0u);
    EXPECT_EQ(loop->counters().pool_fallbacks, 0u);
  }
}

TEST_P(BatchTest, ExplicitCompletionQueueSizeCapsOpsInFlight) {
  LoopOptions options;
  options.cq_entries = 1024;
  std::unique_ptr<Loop> loop = NewLoop(options);
  ASSERT_NE(loop, nullptr);
  int done = 0;
  ReadMany(loop.get(), 5000, &done);
  EXPECT_EQ(done, 5000);
  if (IsUring()) {
    EXPECT_GT(loop->counters().ops_queued, 0u);
    EXPECT_LE(loop->counters().max_in_flight, 1024u);
  }
}

TEST_P(BatchTest, BurstOfSocketCompletionsIsDeliveredInFewTurns) {
  Loop* loop = loop_.get();
  const int n = 1000;
  std::vector<int> readers(n), writers(n);
  std::vector<Request> recvs(n);
  int received = 0, ended = 0;
  for (int i = 0; i < n; i++) {
    int pair[2];
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, pair), 0);
    readers[i] = pair[0];
    writers[i] = pair[1];
    recvs[i].cb = [&](int64_t r) {
      if (r > 0) received++;
      if (r <= 0) ended++;
    };
    ASSERT_EQ(loop->Recv(&recvs[i], readers[i]), 0);
  }
  // Arm every recv, so each byte below completes through the kernel's task work.
  loop->Run(RunMode::kNoWait);
  ASSERT_EQ(received, 0);
  for (int i = 0; i < n; i++) ASSERT_EQ(write(writers[i], "x", 1), 1);
  int turns = 0;
  while (received < n && turns < n) {
    loop->Run(RunMode::kOnce);
    turns++;
  }
  EXPECT_EQ(received, n);
  // epoll takes 256 events per wait; io_uring used to deliver 20 per enter (Linux 6.14+ caps
  // the task work one enter runs), i.e. 50 turns here.
  EXPECT_LE(turns, n / 256 + 2);
  for (int i = 0; i < n; i++) close(writers[i]);
  while (ended < n) loop->Run(RunMode::kOnce);
  for (int i = 0; i < n; i++) close(readers[i]);
  EXPECT_FALSE(loop->Run());
}

RINGJS_BOTH_BACKENDS(BatchTest);

}  // namespace
}  // namespace ringjs::loop::test
