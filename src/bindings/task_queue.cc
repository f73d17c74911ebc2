// internalBinding('task_queue'): the nextTick/microtask contract (see callback_scope.h).
#include "runtime/binding.h"

namespace ringjs::task_queue {
namespace {

enum PromiseRejectEvent {
  kPromiseRejectWithNoHandler = 0,
  kPromiseHandlerAddedAfterReject = 1,
  kPromiseResolveAfterResolved = 2,
  kPromiseRejectAfterResolved = 3,
};

void OnPromiseReject(v8::PromiseRejectMessage message) {
  v8::Local<v8::Promise> promise = message.GetPromise();
  v8::Isolate* isolate = promise->GetIsolate();
  v8::Local<v8::Context> context;
  if (!promise->GetCreationContext().ToLocal(&context)) return;
  Environment* env = Environment::From(context);
  if (env == nullptr || env->promise_reject_callback.IsEmpty() || env->is_stopping()) return;
  v8::HandleScope scope(isolate);
  int type;
  v8::Local<v8::Value> value = v8::Undefined(isolate);
  switch (message.GetEvent()) {
    case v8::kPromiseRejectWithNoHandler:
      type = kPromiseRejectWithNoHandler;
      value = message.GetValue();
      break;
    case v8::kPromiseHandlerAddedAfterReject:
      type = kPromiseHandlerAddedAfterReject;
      break;
    case v8::kPromiseResolveAfterResolved:
      type = kPromiseResolveAfterResolved;
      value = message.GetValue();
      break;
    case v8::kPromiseRejectAfterResolved:
      type = kPromiseRejectAfterResolved;
      value = message.GetValue();
      break;
    default:
      return;
  }
  if (value.IsEmpty()) value = v8::Undefined(isolate);
  v8::Local<v8::Value> args[] = {v8::Integer::New(isolate, type), promise, value};
  v8::TryCatch try_catch(isolate);
  USE(env->promise_reject_callback.Get(isolate)
      ->Call(context, v8::Undefined(isolate), 3, args));
}

void SetTickCallback(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info[0]->IsFunction()) return ThrowTypeError(info.GetIsolate(), "expected a function");
  Environment::From(info)->tick_callback.Reset(info.GetIsolate(), info[0].As<v8::Function>());
}

void SetPromiseRejectCallback(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info[0]->IsFunction()) return ThrowTypeError(info.GetIsolate(), "expected a function");
  Environment::From(info)->promise_reject_callback.Reset(info.GetIsolate(),
                                                         info[0].As<v8::Function>());
}

void RunMicrotasks(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetIsolate()->PerformMicrotaskCheckpoint();
}

void EnqueueMicrotask(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info[0]->IsFunction()) return ThrowTypeError(info.GetIsolate(), "expected a function");
  info.GetIsolate()->EnqueueMicrotask(info[0].As<v8::Function>());
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  isolate->SetPromiseRejectCallback(OnPromiseReject);
  SetValue(context, target, "tickInfo", env->tick_info_array());
  SetMethod(context, target, "setTickCallback", SetTickCallback);
  SetMethod(context, target, "setPromiseRejectCallback", SetPromiseRejectCallback);
  SetMethod(context, target, "runMicrotasks", RunMicrotasks);
  SetMethod(context, target, "enqueueMicrotask", EnqueueMicrotask);
  v8::Local<v8::Object> events = v8::Object::New(isolate);
  SetConstant(context, events, "kPromiseRejectWithNoHandler", kPromiseRejectWithNoHandler);
  SetConstant(context, events, "kPromiseHandlerAddedAfterReject", kPromiseHandlerAddedAfterReject);
  SetConstant(context, events, "kPromiseResolveAfterResolved", kPromiseResolveAfterResolved);
  SetConstant(context, events, "kPromiseRejectAfterResolved", kPromiseRejectAfterResolved);
  SetValue(context, target, "promiseRejectEvents", events);
  SetConstant(context, target, "kHasTickScheduled", kHasTickScheduled);
  SetConstant(context, target, "kHasRejectionToWarn", kHasRejectionToWarn);
}

}  // namespace
}  // namespace ringjs::task_queue

RINGJS_BINDING(task_queue, ringjs::task_queue::Initialize)
