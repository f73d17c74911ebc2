#ifndef RINGJS_TEST_CPP_V8_ENVIRONMENT_H_
#define RINGJS_TEST_CPP_V8_ENVIRONMENT_H_

#include <gtest/gtest.h>

#include "v8.h"

namespace ringjs::test {

// A fresh isolate and context per test; V8 itself is initialised once per binary.
class V8Test : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Runs `source` as a script and returns its result as a UTF-8 string ("<exception: ...>" if
  // it threw).
  std::string Eval(const char* source);

  v8::Isolate* isolate_ = nullptr;
  v8::Global<v8::Context> context_;
};

}  // namespace ringjs::test

#endif  // RINGJS_TEST_CPP_V8_ENVIRONMENT_H_
