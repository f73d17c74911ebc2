#include "v8_environment.h"

#include "runtime/v8_host.h"

namespace ringjs::test {
namespace {

class V8Environment : public ::testing::Environment {
 public:
  void SetUp() override { V8Host::Initialize("runtime_tests", {}); }
  void TearDown() override { V8Host::Dispose(); }
};

}  // namespace

void V8Test::SetUp() {
  isolate_ = V8Host::NewIsolate();
  isolate_->Enter();
  v8::HandleScope scope(isolate_);
  context_.Reset(isolate_, v8::Context::New(isolate_));
}

void V8Test::TearDown() {
  context_.Reset();
  isolate_->Exit();
  V8Host::DisposeIsolate(isolate_);
}

std::string V8Test::Eval(const char* source) {
  v8::HandleScope scope(isolate_);
  v8::Local<v8::Context> context = context_.Get(isolate_);
  v8::Context::Scope context_scope(context);
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::String> code = v8::String::NewFromUtf8(isolate_, source).ToLocalChecked();
  v8::Local<v8::Script> script;
  v8::Local<v8::Value> result;
  if (!v8::Script::Compile(context, code).ToLocal(&script) || !script->Run(context).ToLocal(&result)) {
    v8::String::Utf8Value error(isolate_, try_catch.Exception());
    return std::string("<exception: ") + *error + ">";
  }
  v8::String::Utf8Value utf8(isolate_, result);
  return *utf8;
}

}  // namespace ringjs::test

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new ringjs::test::V8Environment());
  return RUN_ALL_TESTS();
}
