// File operations: every op on both backends, batching on the ring, many
// ops in flight with a small ring, cancellation, pool retry, Timeout.
#include <fcntl.h>
#include <linux/stat.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <vector>

#include "loop_test_util.h"

namespace ringjs::loop::test {
namespace {

class FsTest : public LoopTest {
 protected:
  void SetUp() override {
    LoopTest::SetUp();
    char tmpl[] = "/tmp/ringjs-loop-fs-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    LoopTest::TearDown();
    if (!dir_.empty()) {
      std::string cmd = "rm -rf '" + dir_ + "'";
      ASSERT_EQ(system(cmd.c_str()), 0);
    }
  }

  std::string Path(const char* name) const { return dir_ + "/" + name; }

  // Starts an op through `start`, runs the loop until its callback, returns
  // the result.
  template <typename Start>
  int64_t RunOp(Start start) {
    Request req;
    bool done = false;
    int64_t result = -9999;
    req.cb = [&](int64_t r) {
      done = true;
      result = r;
    };
    int err = start(&req);
    if (err != 0) return err;
    while (!done) loop_->Run(RunMode::kOnce);
    return result;
  }

  int WriteFile(const char* name, const std::string& data) {
    int fd = open(Path(name).c_str(), O_CREAT | O_TRUNC | O_RDWR | O_CLOEXEC,
                  0644);
    EXPECT_GE(fd, 0);
    EXPECT_EQ(write(fd, data.data(), data.size()),
              static_cast<ssize_t>(data.size()));
    return fd;
  }

  std::string dir_;
};

TEST_P(FsTest, OpenWriteReadStatFsyncClose) {
  Loop* loop = loop_.get();
  std::string path = Path("a.txt");
  int64_t fd = RunOp([&](Request* req) {
    return loop->OpenAt(req, AT_FDCWD, path.c_str(),
                        O_CREAT | O_RDWR | O_CLOEXEC, 0600);
  });
  ASSERT_GE(fd, 0);
  const char text[] = "hello, ring";
  EXPECT_EQ(RunOp([&](Request* req) {
              return loop->Write(req, static_cast<int>(fd), text,
                                 strlen(text), 0);
            }),
            static_cast<int64_t>(strlen(text)));
  EXPECT_EQ(RunOp([&](Request* req) {
              return loop->Fsync(req, static_cast<int>(fd), true);
            }),
            0);
  char buf[64] = {};
  EXPECT_EQ(RunOp([&](Request* req) {
              return loop->Read(req, static_cast<int>(fd), buf, sizeof(buf),
                                7);
            }),
            4);
  EXPECT_EQ(std::string(buf, 4), "ring");

  // Vectored I/O at an offset.
  char part1[] = "AB", part2[] = "CD";
  struct iovec out[2] = {{part1, 2}, {part2, 2}};
  EXPECT_EQ(RunOp([&](Request* req) {
              return loop->Writev(req, static_cast<int>(fd), out, 2, 20);
            }),
            4);
  char in1[3] = {}, in2[1] = {};
  struct iovec in[2] = {{in1, 3}, {in2, 1}};
  EXPECT_EQ(RunOp([&](Request* req) {
              return loop->Readv(req, static_cast<int>(fd), in, 2, 20);
            }),
            4);
  EXPECT_EQ(std::string(in1, 3) + std::string(in2, 1), "ABCD");

  struct statx stx;
  memset(&stx, 0, sizeof(stx));
  EXPECT_EQ(RunOp([&](Request* req) {
              return loop->Statx(req, AT_FDCWD, path.c_str(), 0,
                                 STATX_BASIC_STATS, &stx);
            }),
            0);
  EXPECT_EQ(stx.stx_size, 24u);
  EXPECT_TRUE(S_ISREG(stx.stx_mode));
  EXPECT_EQ(stx.stx_mode & 0777, 0600u);

  EXPECT_EQ(RunOp([&](Request* req) {
              return loop->Close(req, static_cast<int>(fd));
            }),
            0);
  EXPECT_EQ(fcntl(static_cast<int>(fd), F_GETFD), -1);  // Really closed.
  EXPECT_FALSE(loop->IsAlive());
}

TEST_P(FsTest, ReadAtCurrentPosition) {
  Loop* loop = loop_.get();
  int fd = WriteFile("pos.txt", "0123456789");
  ASSERT_EQ(lseek(fd, 3, SEEK_SET), 3);
  char buf[4] = {};
  EXPECT_EQ(RunOp([&](Request* req) { return loop->Read(req, fd, buf, 4, -1); }),
            4);
  EXPECT_EQ(std::string(buf, 4), "3456");
  EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 7);
  close(fd);
}

// Large reads go to io-wq workers on io_uring (IOSQE_ASYNC): same bytes, same positions,
// several in flight at once, and a read at the current position still advances it.
TEST_P(FsTest, LargeReadsInFlightTogether) {
  Loop* loop = loop_.get();
  constexpr size_t kChunk = 512 * 1024;
  std::string data(3 * kChunk, '\0');
  for (size_t i = 0; i < data.size(); i++) data[i] = static_cast<char>((i * 31) >> 3);
  int fd = WriteFile("large.bin", data);
  std::vector<std::string> bufs(3, std::string(kChunk, 'x'));
  Request reqs[3];
  int done = 0;
  for (int i = 0; i < 3; i++) {
    reqs[i].cb = [&, i](int64_t r) {
      EXPECT_EQ(r, static_cast<int64_t>(kChunk)) << i;
      done++;
    };
    // Last chunk first: completions may come in any order.
    ASSERT_EQ(loop->Read(&reqs[i], fd, &bufs[i][0], kChunk, (2 - i) * kChunk), 0);
  }
  while (done < 3) loop->Run(RunMode::kOnce);
  for (int i = 0; i < 3; i++) EXPECT_TRUE(bufs[i] == data.substr((2 - i) * kChunk, kChunk)) << i;
  ASSERT_EQ(lseek(fd, kChunk, SEEK_SET), static_cast<off_t>(kChunk));
  std::string rest(2 * kChunk, 'y');
  EXPECT_EQ(RunOp([&](Request* req) { return loop->Read(req, fd, &rest[0], rest.size(), -1); }),
            static_cast<int64_t>(rest.size()));
  EXPECT_TRUE(rest == data.substr(kChunk));
  EXPECT_EQ(lseek(fd, 0, SEEK_CUR), static_cast<off_t>(3 * kChunk));
  close(fd);
}

TEST_P(FsTest, DirectoryOps) {
  Loop* loop = loop_.get();
  std::string sub = Path("sub");
  std::string file = Path("sub/f");
  std::string moved = Path("g");
  EXPECT_EQ(RunOp([&](Request* req) {
              return loop->MkdirAt(req, AT_FDCWD, sub.c_str(), 0755);
            }),
            0);
  EXPECT_EQ(RunOp([&](Request* req) {
              return loop->MkdirAt(req, AT_FDCWD, sub.c_str(), 0755);
            }),
            -EEXIST);
  close(open(file.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0644));
  EXPECT_EQ(RunOp([&](Request* req) {
              return loop->RenameAt(req, AT_FDCWD, file.c_str(), AT_FDCWD,
                                    moved.c_str(), 0);
            }),
            0);
  EXPECT_EQ(access(moved.c_str(), F_OK), 0);
  EXPECT_EQ(RunOp([&](Request* req) {
              return loop->UnlinkAt(req, AT_FDCWD, moved.c_str(), 0);
            }),
            0);
  EXPECT_EQ(RunOp([&](Request* req) {
              return loop->UnlinkAt(req, AT_FDCWD, sub.c_str(), AT_REMOVEDIR);
            }),
            0);
  EXPECT_EQ(access(sub.c_str(), F_OK), -1);
}

TEST_P(FsTest, ErrorsAreNegativeErrno) {
  Loop* loop = loop_.get();
  std::string missing = Path("missing");
  EXPECT_EQ(RunOp([&](Request* req) {
              return loop->OpenAt(req, AT_FDCWD, missing.c_str(),
                                  O_RDONLY | O_CLOEXEC, 0);
            }),
            -ENOENT);
  struct statx stx;
  EXPECT_EQ(RunOp([&](Request* req) {
              return loop->Statx(req, AT_FDCWD, missing.c_str(), 0,
                                 STATX_BASIC_STATS, &stx);
            }),
            -ENOENT);
  char buf[4];
  EXPECT_EQ(RunOp([&](Request* req) { return loop->Read(req, 12345, buf, 4, 0); }),
            -EBADF);
  EXPECT_EQ(RunOp([&](Request* req) {
              return loop->UnlinkAt(req, AT_FDCWD, missing.c_str(), 0);
            }),
            -ENOENT);
}

TEST_P(FsTest, RequestInFlightIsBusyAndCallbackNeverSynchronous) {
  Loop* loop = loop_.get();
  int fd = WriteFile("x", "abc");
  char buf[3];
  Request req;
  bool called = false;
  req.cb = [&](int64_t) { called = true; };
  ASSERT_EQ(loop->Read(&req, fd, buf, 3, 0), 0);
  EXPECT_FALSE(called);
  EXPECT_TRUE(req.in_flight());
  EXPECT_EQ(req.type(), OpType::kRead);
  EXPECT_EQ(loop->Read(&req, fd, buf, 3, 0), -EBUSY);
  EXPECT_TRUE(loop->IsAlive());
  EXPECT_FALSE(loop->Run());
  EXPECT_TRUE(called);
  EXPECT_FALSE(req.in_flight());
  close(fd);
}

TEST_P(FsTest, RequestCanBeReusedFromItsCallback) {
  Loop* loop = loop_.get();
  int fd = WriteFile("chain", "abcdef");
  char buf[1];
  std::string got;
  Request req;
  int64_t offset = 0;
  req.cb = [&](int64_t r) {
    if (r <= 0) return;
    got.push_back(buf[0]);
    offset++;
    EXPECT_EQ(loop->Read(&req, fd, buf, 1, offset), 0);
  };
  ASSERT_EQ(loop->Read(&req, fd, buf, 1, 0), 0);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(got, "abcdef");
  close(fd);
}

TEST_P(FsTest, HundredReadsInOneTurnAreOneBatch) {
  Loop* loop = loop_.get();
  std::string data;
  for (int i = 0; i < 100; i++) data += static_cast<char>('a' + i % 26);
  int fd = WriteFile("batch", data);
  std::vector<std::unique_ptr<Request>> reqs;
  std::vector<char> bufs(100);
  int done = 0;
  Counters before = loop->counters();
  for (int i = 0; i < 100; i++) {
    reqs.emplace_back(new Request());
    reqs.back()->cb = [&, i](int64_t r) {
      EXPECT_EQ(r, 1);
      EXPECT_EQ(bufs[i], data[i]);
      done++;
    };
    ASSERT_EQ(loop->Read(reqs.back().get(), fd, &bufs[i], 1, i), 0);
  }
  if (IsUring()) {
    // Nothing reached the kernel yet: the SQEs wait for the poll phase.
    EXPECT_EQ(loop->counters().enters, before.enters);
    EXPECT_EQ(loop->counters().sqes_submitted, before.sqes_submitted);
  }
  loop->Run(RunMode::kNoWait);
  Counters after = loop->counters();
  EXPECT_EQ(after.turns - before.turns, 1u);
  EXPECT_EQ(after.enters - before.enters, 1u);
  if (IsUring()) {
    EXPECT_EQ(after.sqes_submitted - before.sqes_submitted, 100u);
    EXPECT_EQ(after.pool_tasks, before.pool_tasks);
  } else {
    EXPECT_EQ(after.pool_tasks - before.pool_tasks, 100u);
  }
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(done, 100);
  close(fd);
}

TEST_P(FsTest, TwentyThousandReadsWithSmallRing) {
  LoopOptions options;
  options.ring_entries = 64;
  options.cq_entries = 128;
  std::unique_ptr<Loop> loop = NewLoop(options);
  ASSERT_NE(loop, nullptr);
  const int n = 20000;
  std::string data(static_cast<size_t>(n) * 4, '\0');
  for (int i = 0; i < n; i++) memcpy(&data[static_cast<size_t>(i) * 4], &i, 4);
  int fd = WriteFile("many", data);
  std::vector<Request> reqs(n);
  std::vector<int> bufs(n, -1);
  std::vector<int> calls(n, 0);
  int done = 0;
  for (int i = 0; i < n; i++) {
    reqs[i].cb = [&, i](int64_t r) {
      EXPECT_EQ(r, 4) << i;
      calls[i]++;
      done++;
    };
    ASSERT_EQ(loop->Read(&reqs[i], fd, &bufs[i], 4,
                         static_cast<int64_t>(i) * 4),
              0);
  }
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(done, n);
  for (int i = 0; i < n; i++) {
    ASSERT_EQ(calls[i], 1) << i;
    ASSERT_EQ(bufs[i], i) << i;
  }
  EXPECT_EQ(loop->ops_in_flight(), 0u);
  if (IsUring()) {
    // 64 SQ entries, 128 CQ entries: most ops waited in user space and the
    // ring never held more than the CQ can take.
    EXPECT_GT(loop->counters().ops_queued, 0u);
    EXPECT_LE(loop->counters().max_in_flight, 128u);
    EXPECT_GE(loop->counters().sqes_submitted, static_cast<uint64_t>(n));
    EXPECT_EQ(loop->counters().pool_fallbacks, 0u);
  }
  close(fd);
}

TEST_P(FsTest, CancelPendingPipeRead) {
  Loop* loop = loop_.get();
  int fds[2];
  ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
  char buf[8];
  Request req;
  int64_t result = 1;
  int calls = 0;
  req.cb = [&](int64_t r) {
    result = r;
    calls++;
  };
  ASSERT_EQ(loop->Read(&req, fds[0], buf, sizeof(buf), -1), 0);
  // Let the read reach the kernel and block there.
  loop->Run(RunMode::kNoWait);
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(loop->ops_in_flight(), 1u);
  Counters before = loop->counters();
  EXPECT_EQ(loop->Cancel(&req), 0);
  EXPECT_EQ(loop->Cancel(&req), -EALREADY);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(result, -ECANCELED);
  EXPECT_EQ(loop->ops_in_flight(), 0u);
  EXPECT_EQ(loop->Cancel(&req), -ENOENT);
  if (IsUring()) {
    // The read's CQE and the cancel's own CQE.
    EXPECT_GE(loop->counters().cqes_reaped - before.cqes_reaped, 2u);
  }
  EXPECT_GE(loop->counters().cancels, 1u);
  // The pipe still works afterwards; the cancelled read took nothing.
  ASSERT_EQ(write(fds[1], "xy", 2), 2);
  EXPECT_EQ(RunOp([&](Request* r) { return loop->Read(r, fds[0], buf, 8, -1); }),
            2);
  close(fds[0]);
  close(fds[1]);
}

TEST_P(FsTest, CancelBeforeTheOpReachesTheKernel) {
  Loop* loop = loop_.get();
  int fds[2];
  ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
  char buf[8];
  Request req;
  int64_t result = 1;
  req.cb = [&](int64_t r) { result = r; };
  ASSERT_EQ(loop->Read(&req, fds[0], buf, sizeof(buf), -1), 0);
  EXPECT_EQ(loop->Cancel(&req), 0);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(result, -ECANCELED);
  close(fds[0]);
  close(fds[1]);
}

TEST_P(FsTest, UnrefdRequestDoesNotKeepLoopAlive) {
  Loop* loop = loop_.get();
  int fds[2];
  ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
  char buf[8];
  Request req;
  int64_t result = 1;
  req.cb = [&](int64_t r) { result = r; };
  ASSERT_EQ(loop->Read(&req, fds[0], buf, sizeof(buf), -1), 0);
  loop->SetRequestRef(&req, false);
  EXPECT_FALSE(loop->IsAlive());
  EXPECT_FALSE(loop->Run());
  EXPECT_TRUE(req.in_flight());
  loop->SetRequestRef(&req, true);
  EXPECT_TRUE(loop->IsAlive());
  ASSERT_EQ(write(fds[1], "q", 1), 1);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(result, 1);
  close(fds[0]);
  close(fds[1]);
}

TEST_P(FsTest, RejectedRingOpsRetryOnThePool) {
  LoopOptions options;
  options.debug_reject_ops = (1u << static_cast<unsigned>(OpType::kRead)) |
                             (1u << static_cast<unsigned>(OpType::kStatx));
  std::unique_ptr<Loop> loop = NewLoop(options);
  ASSERT_NE(loop, nullptr);
  loop_.swap(loop);
  int fd = WriteFile("retry", "payload");
  char buf[7];
  EXPECT_EQ(RunOp([&](Request* r) { return loop_->Read(r, fd, buf, 7, 0); }), 7);
  EXPECT_EQ(std::string(buf, 7), "payload");
  std::string path = Path("retry");
  struct statx stx;
  EXPECT_EQ(RunOp([&](Request* r) {
              return loop_->Statx(r, AT_FDCWD, path.c_str(), 0,
                                  STATX_SIZE, &stx);
            }),
            0);
  EXPECT_EQ(stx.stx_size, 7u);
  if (IsUring()) {
    EXPECT_EQ(loop_->counters().pool_fallbacks, 2u);
    EXPECT_EQ(loop_->counters().pool_tasks, 2u);
  }
  close(fd);
  loop_.swap(loop);
}

// linkat and symlinkat on the ring (Linux 5.15+), ftruncate too from 6.9; the pool otherwise.
TEST_P(FsTest, LinkSymlinkFtruncate) {
  Loop* loop = loop_.get();
  int fd = WriteFile("orig", "0123456789");
  std::string orig = Path("orig"), hard = Path("hard"), soft = Path("soft");
  uint64_t pool_before = loop->counters().pool_tasks;
  EXPECT_EQ(RunOp([&](Request* r) {
              return loop->LinkAt(r, AT_FDCWD, orig.c_str(), AT_FDCWD, hard.c_str(), 0);
            }),
            0);
  struct stat st;
  ASSERT_EQ(stat(hard.c_str(), &st), 0);
  EXPECT_EQ(st.st_nlink, 2u);
  EXPECT_EQ(RunOp([&](Request* r) {
              return loop->LinkAt(r, AT_FDCWD, orig.c_str(), AT_FDCWD, hard.c_str(), 0);
            }),
            -EEXIST);
  EXPECT_EQ(RunOp([&](Request* r) { return loop->SymlinkAt(r, "orig", AT_FDCWD, soft.c_str()); }),
            0);
  char target[16] = {};
  EXPECT_EQ(readlink(soft.c_str(), target, sizeof(target)), 4);
  EXPECT_STREQ(target, "orig");
  EXPECT_EQ(RunOp([&](Request* r) { return loop->SymlinkAt(r, "x", AT_FDCWD, soft.c_str()); }),
            -EEXIST);
  if (IsUring()) EXPECT_EQ(loop->counters().pool_tasks, pool_before);
  EXPECT_EQ(RunOp([&](Request* r) { return loop->Ftruncate(r, fd, 3); }), 0);
  ASSERT_EQ(fstat(fd, &st), 0);
  EXPECT_EQ(st.st_size, 3);
  EXPECT_EQ(RunOp([&](Request* r) { return loop->Ftruncate(r, fd, 100000); }), 0);
  ASSERT_EQ(fstat(fd, &st), 0);
  EXPECT_EQ(st.st_size, 100000);
  EXPECT_EQ(loop->Ftruncate(nullptr, fd, 1), -EINVAL);
  EXPECT_EQ(RunOp([&](Request* r) { return loop->Ftruncate(r, -1, 0); }), -EBADF);
  close(fd);
}

TEST_P(FsTest, LinkSymlinkFtruncateRejectedByTheRingRunOnThePool) {
  LoopOptions options;
  options.debug_reject_ops = (1u << static_cast<unsigned>(OpType::kLinkAt)) |
                             (1u << static_cast<unsigned>(OpType::kSymlinkAt)) |
                             (1u << static_cast<unsigned>(OpType::kFtruncate));
  std::unique_ptr<Loop> loop = NewLoop(options);
  ASSERT_NE(loop, nullptr);
  loop_.swap(loop);
  int fd = WriteFile("orig", "0123456789");
  std::string orig = Path("orig"), hard = Path("hard"), soft = Path("soft");
  EXPECT_EQ(RunOp([&](Request* r) {
              return loop_->LinkAt(r, AT_FDCWD, orig.c_str(), AT_FDCWD, hard.c_str(), 0);
            }),
            0);
  EXPECT_EQ(RunOp([&](Request* r) { return loop_->SymlinkAt(r, "orig", AT_FDCWD, soft.c_str()); }),
            0);
  EXPECT_EQ(RunOp([&](Request* r) { return loop_->Ftruncate(r, fd, 4); }), 0);
  struct stat st;
  ASSERT_EQ(stat(soft.c_str(), &st), 0);
  EXPECT_EQ(st.st_size, 4);
  EXPECT_EQ(st.st_nlink, 2u);
  if (IsUring()) EXPECT_EQ(loop_->counters().pool_fallbacks, 3u);
  close(fd);
  loop_.swap(loop);
}

TEST_P(FsTest, TimeoutOp) {
  Loop* loop = loop_.get();
  loop->UpdateTime();
  uint64_t start = loop->Now();
  EXPECT_EQ(RunOp([&](Request* r) { return loop->Timeout(r, 5); }), 0);
  loop->UpdateTime();
  EXPECT_GE(loop->Now(), start + 5);

  Request req;
  int64_t result = 1;
  req.cb = [&](int64_t r) { result = r; };
  ASSERT_EQ(loop->Timeout(&req, 1000000), 0);
  loop->Run(RunMode::kNoWait);
  EXPECT_EQ(loop->Cancel(&req), 0);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(result, -ECANCELED);
}

TEST_P(FsTest, DestroyLoopWithOpsInFlight) {
  std::unique_ptr<Loop> loop = NewLoop(LoopOptions());
  ASSERT_NE(loop, nullptr);
  int fds[2];
  ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
  char buf[8];
  Request pending, queued;
  bool called = false;
  pending.cb = [&](int64_t) { called = true; };
  queued.cb = [&](int64_t) { called = true; };
  ASSERT_EQ(loop->Read(&pending, fds[0], buf, sizeof(buf), -1), 0);
  loop->Run(RunMode::kNoWait);
  ASSERT_EQ(loop->Read(&queued, fds[0], buf, sizeof(buf), -1), 0);
  loop.reset();  // Cancels and waits; runs no callback.
  EXPECT_FALSE(called);
  EXPECT_FALSE(pending.in_flight());
  EXPECT_FALSE(queued.in_flight());
  close(fds[0]);
  close(fds[1]);
}

RINGJS_BOTH_BACKENDS(FsTest);

}  // namespace
}  // namespace ringjs::loop::test
