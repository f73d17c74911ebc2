// internalBinding('errors'): how JS hands C++ the uncaught-exception handler and formatter.
#include "runtime/binding.h"
#include "runtime/callback_scope.h"
#include "runtime/error_report.h"

namespace ringjs::errors {
namespace {

void StoreFunction(const v8::FunctionCallbackInfo<v8::Value>& info,
                   v8::Global<v8::Function>* slot) {
  if (!info[0]->IsFunction()) return ThrowTypeError(info.GetIsolate(), "expected a function");
  slot->Reset(info.GetIsolate(), info[0].As<v8::Function>());
}

// setFatalExceptionCallback(fn(error, fromPromise) -> handled).
void SetFatalExceptionCallback(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StoreFunction(info, &Environment::From(info)->fatal_exception_callback);
}

// setInspectErrorCallback(fn(error) -> string) used for the fatal report.
void SetInspectErrorCallback(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StoreFunction(info, &Environment::From(info)->inspect_error_callback);
}

// triggerUncaughtException(error, fromPromise): as if `error` escaped a callback.
void TriggerUncaught(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  TriggerUncaughtException(env, info[0], v8::Local<v8::Message>(), info[1]->IsTrue());
}

// getArrowMessage(error): "file:line\nsource\n   ^\n" for where an error was created.
void GetArrowMessage(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Message> message = v8::Exception::CreateMessage(isolate, info[0]);
  info.GetReturnValue().Set(
      Utf8String(isolate, GetArrowString(isolate, isolate->GetCurrentContext(), message)));
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "setFatalExceptionCallback", SetFatalExceptionCallback);
  SetMethod(context, target, "setInspectErrorCallback", SetInspectErrorCallback);
  SetMethod(context, target, "triggerUncaughtException", TriggerUncaught);
  SetMethod(context, target, "getArrowMessage", GetArrowMessage);
}

}  // namespace
}  // namespace ringjs::errors

RINGJS_BINDING(errors, ringjs::errors::Initialize)
