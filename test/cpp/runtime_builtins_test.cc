#include <string>

#include "runtime/builtins.h"
#include "v8_environment.h"

namespace ringjs::test {
namespace {

using BuiltinsTest = V8Test;

TEST_F(BuiltinsTest, EveryBuiltinCompiles) {
  v8::HandleScope scope(isolate_);
  v8::Local<v8::Context> context = context_.Get(isolate_);
  v8::Context::Scope context_scope(context);
  ASSERT_GT(builtins::kBuiltinCount, 10u);
  for (size_t i = 0; i < builtins::kBuiltinCount; i++) {
    const char* id = builtins::kBuiltinSources[i].id;
    v8::TryCatch try_catch(isolate_);
    v8::Local<v8::Function> fn;
    EXPECT_TRUE(builtins::Compile(context, id).ToLocal(&fn)) << "builtin " << id;
  }
}

TEST_F(BuiltinsTest, IdsFollowPathsUnderLibJs) {
  EXPECT_NE(builtins::Find("internal/bootstrap/realm"), nullptr);
  EXPECT_NE(builtins::Find("internal/modules/cjs/loader"), nullptr);
  EXPECT_NE(builtins::Find("events"), nullptr);
  EXPECT_EQ(builtins::Find("events.js"), nullptr);
  EXPECT_EQ(builtins::Find("no/such/module"), nullptr);
}

TEST_F(BuiltinsTest, SourceIsExternalAndComplete) {
  v8::HandleScope scope(isolate_);
  const builtins::BuiltinSource* source = builtins::Find("internal/bootstrap/realm");
  ASSERT_NE(source, nullptr);
  v8::Local<v8::String> text = builtins::SourceString(isolate_, *source);
  EXPECT_TRUE(text->IsExternal() || text->IsExternalOneByte());
  EXPECT_EQ(static_cast<size_t>(text->Length()), source->length);
}

}  // namespace
}  // namespace ringjs::test
