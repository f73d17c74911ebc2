// Backend selection: explicit backends, RINGJS_IO_URING, RINGJS_DEBUG.
#include <gtest/gtest.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "loop/loop.h"
#include "loop_test_util.h"

namespace ringjs::loop::test {
namespace {

TEST(LoopCreateTest, ExplicitEpoll) {
  std::unique_ptr<Loop> loop = Loop::Create(Backend::kEpoll);
  ASSERT_NE(loop, nullptr);
  EXPECT_STREQ(loop->backend_name(), "epoll");
}

TEST(LoopCreateTest, EnvForcesEpoll) {
  ScopedEnv env("RINGJS_IO_URING", "0");
  std::unique_ptr<Loop> loop = Loop::Create();
  ASSERT_NE(loop, nullptr);
  EXPECT_STREQ(loop->backend_name(), "epoll");
}

TEST(LoopCreateTest, DefaultPrefersIoUring) {
  ScopedEnv env("RINGJS_IO_URING", nullptr);
  std::unique_ptr<Loop> uring = Loop::Create(Backend::kIoUring);
  std::unique_ptr<Loop> loop = Loop::Create();
  ASSERT_NE(loop, nullptr);
  // Where the ring works, the default uses it.
  if (uring != nullptr) {
    EXPECT_STREQ(loop->backend_name(), "io_uring");
  }
}

TEST(LoopCreateTest, DebugPrintsOneLine) {
  std::unique_ptr<Loop> loop;
  std::string output;
  {
    ScopedEnv debug("RINGJS_DEBUG", "module,loop");
    ScopedEnv uring("RINGJS_IO_URING", "0");
    ::testing::internal::CaptureStderr();
    loop = Loop::Create();
    output = ::testing::internal::GetCapturedStderr();
  }
  ASSERT_NE(loop, nullptr);
  EXPECT_EQ(output, "ringjs:loop: backend=epoll (RINGJS_IO_URING=0)\n");
  {
    ScopedEnv debug("RINGJS_DEBUG", "loopy");
    ::testing::internal::CaptureStderr();
    loop = Loop::Create(Backend::kEpoll);
    output = ::testing::internal::GetCapturedStderr();
  }
  EXPECT_EQ(output, "");
}

TEST(LoopCreateTest, DebugNamesTheRingSetup) {
  std::unique_ptr<Loop> loop;
  std::string output;
  {
    ScopedEnv debug("RINGJS_DEBUG", "loop");
    ::testing::internal::CaptureStderr();
    loop = Loop::Create(Backend::kIoUring);
    output = ::testing::internal::GetCapturedStderr();
  }
  if (loop == nullptr) GTEST_SKIP() << output;
  EXPECT_EQ(output.find("ringjs:loop: backend=io_uring (io_uring: "), 0u)
      << output;
  EXPECT_EQ(output.back(), '\n');
  EXPECT_EQ(output.find('\n'), output.size() - 1);
}

TEST(LoopCreateTest, SqpollOptionWorksOrFallsBack) {
  LoopOptions options;
  options.backend = Backend::kIoUring;
  options.sqpoll = true;
  std::unique_ptr<Loop> loop = Loop::Create(options);
  if (loop == nullptr) GTEST_SKIP() << "SQPOLL unavailable";
  int calls = 0;
  Timer timer(loop.get());
  timer.Start([&] { calls++; }, 1, 0);
  Async async(loop.get(), [&] {
    calls++;
    async.Close(nullptr);
  });
  async.Send();
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(calls, 2);
}

#if defined(__x86_64__)
#define RINGJS_TEST_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define RINGJS_TEST_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif

#ifdef RINGJS_TEST_AUDIT_ARCH
// Makes io_uring_setup fail with EPERM, as Docker's default seccomp profile
// does.
bool DenyIoUringSetup() {
  struct sock_filter filter[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, RINGJS_TEST_AUDIT_ARCH, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_io_uring_setup, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA)),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog prog = {};
  prog.len = sizeof(filter) / sizeof(filter[0]);
  prog.filter = filter;
  return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
         prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) == 0;
}

// In a child process (the filter cannot be undone): io_uring blocked by
// seccomp means the epoll backend, one debug line saying why, and no second
// probe for the next loop.
TEST(LoopCreateTest, FallsBackWhenSeccompDeniesIoUring) {
  int out[2];
  ASSERT_EQ(pipe(out), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    dup2(out[1], 2);
    if (!DenyIoUringSetup()) _exit(10);
    setenv("RINGJS_DEBUG", "loop", 1);
    unsetenv("RINGJS_IO_URING");
    std::unique_ptr<Loop> first = Loop::Create();
    if (first == nullptr || std::string(first->backend_name()) != "epoll")
      _exit(11);
    std::unique_ptr<Loop> second = Loop::Create();
    if (second == nullptr || std::string(second->backend_name()) != "epoll")
      _exit(12);
    if (Loop::Create(Backend::kIoUring) != nullptr) _exit(13);
    // The fallback loop works.
    bool fired = false;
    Timer timer(second.get());
    timer.Start([&] { fired = true; }, 1, 0);
    second->Run();
    _exit(fired ? 0 : 14);
  }
  close(out[1]);
  std::string output;
  char buf[512];
  ssize_t n;
  while ((n = read(out[0], buf, sizeof(buf))) > 0) output.append(buf, n);
  close(out[0]);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0) << output;
  EXPECT_NE(output.find("ringjs:loop: backend=epoll (io_uring_setup: "
                        "Operation not permitted)\n"),
            std::string::npos)
      << output;
  EXPECT_NE(output.find("ringjs:loop: backend=epoll (io_uring unavailable "
                        "(earlier probe: Operation not permitted))\n"),
            std::string::npos)
      << output;
}
#endif

}  // namespace
}  // namespace ringjs::loop::test
