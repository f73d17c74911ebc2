// Shared fixture: each test runs once per backend. Set
// RINGJS_TEST_REQUIRE_IO_URING=1 to fail (not skip) when the ring is
// unavailable.
#ifndef TEST_CPP_LOOP_LOOP_TEST_UTIL_H_
#define TEST_CPP_LOOP_LOOP_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <stdlib.h>
#include <string.h>

#include <memory>
#include <string>

#include "loop/loop.h"

namespace ringjs::loop::test {

// Sets (or, with value nullptr, unsets) an environment variable for its
// lifetime; tests must not depend on what the CI environment exports.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    const char* old = getenv(name);
    had_ = old != nullptr;
    if (had_) old_ = old;
    if (value != nullptr)
      setenv(name, value, 1);
    else
      unsetenv(name);
  }
  ~ScopedEnv() {
    if (had_)
      setenv(name_.c_str(), old_.c_str(), 1);
    else
      unsetenv(name_.c_str());
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::string old_;
  bool had_ = false;
};

inline const char* BackendName(Backend backend) {
  return backend == Backend::kIoUring ? "io_uring" : "epoll";
}

class LoopTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    loop_ = NewLoop(LoopOptions());
    if (loop_ == nullptr) {
      const char* require = getenv("RINGJS_TEST_REQUIRE_IO_URING");
      if (require != nullptr && strcmp(require, "1") == 0)
        FAIL() << "io_uring required but unavailable";
      GTEST_SKIP() << "io_uring unavailable on this machine";
    }
  }

  void TearDown() override {
    // Let close callbacks of the test's handles run before the loop goes.
    if (loop_ != nullptr) loop_->Run(RunMode::kNoWait);
  }

  std::unique_ptr<Loop> NewLoop(LoopOptions options) {
    options.backend = GetParam();
    std::unique_ptr<Loop> loop = Loop::Create(options);
    if (loop != nullptr) {
      EXPECT_STREQ(loop->backend_name(), BackendName(GetParam()));
    }
    return loop;
  }

  bool IsUring() const { return GetParam() == Backend::kIoUring; }

  std::unique_ptr<Loop> loop_;
};

#define RINGJS_BOTH_BACKENDS(Suite)                                     \
  INSTANTIATE_TEST_SUITE_P(                                             \
      Backends, Suite,                                                  \
      ::testing::Values(::ringjs::loop::Backend::kIoUring,              \
                        ::ringjs::loop::Backend::kEpoll),               \
      [](const ::testing::TestParamInfo<::ringjs::loop::Backend>& info) { \
        return std::string(::ringjs::loop::test::BackendName(info.param)); \
      })

}  // namespace ringjs::loop::test

#endif  // TEST_CPP_LOOP_LOOP_TEST_UTIL_H_
