// internalBinding('async_wrap'): V8's promise hooks, which AsyncLocalStorage uses to carry its
// stores into promise continuations (lib/js/internal/async_context_frame.js).
#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::async_wrap {
namespace {

v8::Local<v8::Function> FunctionOrEmpty(v8::Local<v8::Value> value) {
  return value->IsFunction() ? value.As<v8::Function>() : v8::Local<v8::Function>();
}

// setPromiseHooks(init, before, after, resolve): undefined clears a hook.
void SetPromiseHooks(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  env->context()->SetPromiseHooks(FunctionOrEmpty(info[0]), FunctionOrEmpty(info[1]),
                                  FunctionOrEmpty(info[2]), FunctionOrEmpty(info[3]));
}

// trackAsyncContext(state): native callbacks run in the frame of their handle/request from now.
void TrackAsyncContext(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info[0]->IsObject()) return ThrowTypeError(info.GetIsolate(), "trackAsyncContext(state)");
  TrackAsyncContext(Environment::From(info), info[0].As<v8::Object>());
}

// captureAsyncContext(resource): resource's native callbacks run in the frame current now.
void CaptureAsyncContext(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (info[0]->IsObject()) CaptureAsyncContext(Environment::From(info), info[0].As<v8::Object>());
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  SetMethod(env->context(), target, "setPromiseHooks", SetPromiseHooks);
  SetMethod(env->context(), target, "trackAsyncContext", TrackAsyncContext);
  SetMethod(env->context(), target, "captureAsyncContext", CaptureAsyncContext);
}

}  // namespace
}  // namespace ringjs::async_wrap

RINGJS_BINDING(async_wrap, ringjs::async_wrap::Initialize)
