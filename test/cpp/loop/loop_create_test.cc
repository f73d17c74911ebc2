// Backend selection: explicit backends, RINGJS_IO_URING, RINGJS_DEBUG.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <string>

#include "loop/loop.h"

namespace ringjs::loop::test {
namespace {

TEST(LoopCreateTest, ExplicitEpoll) {
  std::unique_ptr<Loop> loop = Loop::Create(Backend::kEpoll);
  ASSERT_NE(loop, nullptr);
  EXPECT_STREQ(loop->backend_name(), "epoll");
}

TEST(LoopCreateTest, EnvForcesEpoll) {
  setenv("RINGJS_IO_URING", "0", 1);
  std::unique_ptr<Loop> loop = Loop::Create();
  unsetenv("RINGJS_IO_URING");
  ASSERT_NE(loop, nullptr);
  EXPECT_STREQ(loop->backend_name(), "epoll");
}

TEST(LoopCreateTest, DefaultPrefersIoUring) {
  std::unique_ptr<Loop> uring = Loop::Create(Backend::kIoUring);
  std::unique_ptr<Loop> loop = Loop::Create();
  ASSERT_NE(loop, nullptr);
  // Where the ring works, the default uses it.
  if (uring != nullptr) {
    EXPECT_STREQ(loop->backend_name(), "io_uring");
  }
}

TEST(LoopCreateTest, DebugPrintsOneLine) {
  setenv("RINGJS_DEBUG", "module,loop", 1);
  setenv("RINGJS_IO_URING", "0", 1);
  ::testing::internal::CaptureStderr();
  std::unique_ptr<Loop> loop = Loop::Create();
  std::string output = ::testing::internal::GetCapturedStderr();
  unsetenv("RINGJS_DEBUG");
  unsetenv("RINGJS_IO_URING");
  ASSERT_NE(loop, nullptr);
  EXPECT_EQ(output, "ringjs:loop: backend=epoll (RINGJS_IO_URING=0)\n");

  setenv("RINGJS_DEBUG", "loopy", 1);
  ::testing::internal::CaptureStderr();
  loop = Loop::Create(Backend::kEpoll);
  output = ::testing::internal::GetCapturedStderr();
  unsetenv("RINGJS_DEBUG");
  EXPECT_EQ(output, "");
}

TEST(LoopCreateTest, DebugNamesTheRingSetup) {
  setenv("RINGJS_DEBUG", "loop", 1);
  ::testing::internal::CaptureStderr();
  std::unique_ptr<Loop> loop = Loop::Create(Backend::kIoUring);
  std::string output = ::testing::internal::GetCapturedStderr();
  unsetenv("RINGJS_DEBUG");
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

}  // namespace
}  // namespace ringjs::loop::test
