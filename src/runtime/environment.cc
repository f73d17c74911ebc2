#include "runtime/environment.h"

#include <algorithm>

#include "runtime/callback_scope.h"
#include "runtime/v8_host.h"

namespace ringjs {
namespace {

// Embedder data slot holding the Environment* on the context. Slot 0 is reserved by V8 users
// such as the inspector, so use a later one.
constexpr int kEnvironmentSlot = 32;

}  // namespace

Environment::Environment(v8::Isolate* isolate, v8::Local<v8::Context> context, loop::Loop* loop,
                         const CliOptions& options)
    : isolate_(isolate), context_(isolate, context), loop_(loop), options_(options),
      platform_tasks_(loop) {
  platform_tasks_.Start([this] {
    // A task that ran JS (a FinalizationRegistry callback, a memory measurement resolving its
    // promise) leaves ticks and microtasks: an empty callback scope drains them.
    if (V8Host::PumpTasks(isolate_)) CallbackScope drain(this);
  });
  platform_tasks_.Unref();
  context->SetAlignedPointerInEmbedderData(kEnvironmentSlot, this);
  v8::Local<v8::ArrayBuffer> buffer =
      v8::ArrayBuffer::New(isolate, sizeof(int32_t) * kTickInfoFieldCount);
  tick_info_ = static_cast<int32_t*>(buffer->GetBackingStore()->Data());
  std::fill(tick_info_, tick_info_ + kTickInfoFieldCount, 0);
  tick_info_array_.Reset(isolate, v8::Int32Array::New(buffer, 0, kTickInfoFieldCount));
}

Environment::~Environment() {
  RunCleanupHooks();
  platform_tasks_.Stop();
  context()->SetAlignedPointerInEmbedderData(kEnvironmentSlot, nullptr);
}

void Environment::AssignToContext(v8::Local<v8::Context> context) {
  context->SetAlignedPointerInEmbedderData(kEnvironmentSlot, this);
}

Environment* Environment::From(v8::Local<v8::Context> context) {
  if (context.IsEmpty() ||
      context->GetNumberOfEmbedderDataFields() <= static_cast<uint32_t>(kEnvironmentSlot)) {
    return nullptr;
  }
  return static_cast<Environment*>(context->GetAlignedPointerFromEmbedderData(kEnvironmentSlot));
}

int Environment::GetExitCode(int default_code) {
  v8::HandleScope scope(isolate_);
  v8::Local<v8::Context> ctx = context();
  v8::Local<v8::Object> process = process_object.Get(isolate_);
  v8::Local<v8::Value> code;
  if (process.IsEmpty() ||
      !process->Get(ctx, v8::String::NewFromUtf8Literal(isolate_, "exitCode")).ToLocal(&code) ||
      code->IsUndefined() || code->IsNull()) {
    return default_code;
  }
  int32_t value;
  if (!code->Int32Value(ctx).To(&value)) return default_code;
  return value;
}

void Environment::RunCleanupHooks() {
  while (!cleanup_hooks_.empty()) {
    auto hook = std::move(cleanup_hooks_.back());
    cleanup_hooks_.pop_back();
    hook();
  }
}

}  // namespace ringjs
