// internalBinding('util'): V8 introspection util.inspect needs (promise state, proxy parts,
// collection entries, non-index keys, constructor names) and small helpers.
#include <time.h>

#include "runtime/binding.h"
#include "runtime/handle_type.h"

namespace ringjs::util {
namespace {

enum PromiseState { kPending = 0, kFulfilled = 1, kRejected = 2 };

// getPromiseDetails(promise) -> [state, result?].
void GetPromiseDetails(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info[0]->IsPromise()) return;
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Promise> promise = info[0].As<v8::Promise>();
  int state;
  switch (promise->State()) {
    case v8::Promise::kPending:
      state = kPending;
      break;
    case v8::Promise::kFulfilled:
      state = kFulfilled;
      break;
    default:
      state = kRejected;
  }
  v8::Local<v8::Value> values[] = {v8::Integer::New(isolate, state),
                                   state == kPending ? v8::Undefined(isolate).As<v8::Value>()
                                                     : promise->Result()};
  info.GetReturnValue().Set(v8::Array::New(isolate, values, state == kPending ? 1 : 2));
}

// getProxyDetails(value, showProxy = true) -> [target, handler] | target | undefined.
void GetProxyDetails(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info[0]->IsProxy()) return;
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Proxy> proxy = info[0].As<v8::Proxy>();
  if (info.Length() == 1 || info[1]->IsTrue()) {
    v8::Local<v8::Value> parts[] = {proxy->GetTarget(), proxy->GetHandler()};
    info.GetReturnValue().Set(v8::Array::New(isolate, parts, 2));
  } else {
    info.GetReturnValue().Set(proxy->GetTarget());
  }
}

// previewEntries(obj, isIterator?) -> entries, or [entries, isKeyValue] when isIterator given.
void PreviewEntries(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info[0]->IsObject()) return;
  v8::Isolate* isolate = info.GetIsolate();
  bool is_key_value;
  v8::Local<v8::Array> entries;
  if (!info[0].As<v8::Object>()->PreviewEntries(&is_key_value).ToLocal(&entries)) return;
  if (info.Length() == 1) {
    info.GetReturnValue().Set(entries);
    return;
  }
  v8::Local<v8::Value> parts[] = {entries, v8::Boolean::New(isolate, is_key_value)};
  info.GetReturnValue().Set(v8::Array::New(isolate, parts, 2));
}

// getOwnNonIndexProperties(obj, filter) -> own keys that are not array indices.
void GetOwnNonIndexProperties(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (!info[0]->IsObject() || !info[1]->IsUint32()) return;
  auto filter = static_cast<v8::PropertyFilter>(info[1].As<v8::Uint32>()->Value());
  v8::Local<v8::Array> properties;
  if (info[0]
          .As<v8::Object>()
          ->GetPropertyNames(context, v8::KeyCollectionMode::kOwnOnly, filter,
                             v8::IndexFilter::kSkipIndices)
          .ToLocal(&properties)) {
    info.GetReturnValue().Set(properties);
  }
}

void GetConstructorName(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info[0]->IsObject()) return;
  info.GetReturnValue().Set(info[0].As<v8::Object>()->GetConstructorName());
}

void GetExternalValue(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info[0]->IsExternal()) return;
  auto address = reinterpret_cast<uint64_t>(info[0].As<v8::External>()->Value());
  info.GetReturnValue().Set(v8::BigInt::NewFromUnsigned(info.GetIsolate(), address));
}

void IsArrayBufferDetached(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info[0]->IsArrayBuffer()) return info.GetReturnValue().Set(false);
  info.GetReturnValue().Set(info[0].As<v8::ArrayBuffer>()->WasDetached());
}

void GuessHandleType(const v8::FunctionCallbackInfo<v8::Value>& info) {
  int fd = info[0]->IsInt32() ? info[0].As<v8::Int32>()->Value() : -1;
  info.GetReturnValue().Set(OneByteString(info.GetIsolate(), ringjs::GuessHandleType(fd)));
}

void IsConstructor(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(info[0]->IsFunction() &&
                            info[0].As<v8::Function>()->IsConstructor());
}

// sleep(ms): blocks the thread (used by tests and Atomics-free busy waits).
void Sleep(const v8::FunctionCallbackInfo<v8::Value>& info) {
  uint32_t ms = info[0]->IsUint32() ? info[0].As<v8::Uint32>()->Value() : 0;
  timespec ts = {static_cast<time_t>(ms / 1000), static_cast<long>(ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0) {
  }
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "getPromiseDetails", GetPromiseDetails);
  SetMethod(context, target, "getProxyDetails", GetProxyDetails);
  SetMethod(context, target, "previewEntries", PreviewEntries);
  SetMethod(context, target, "getOwnNonIndexProperties", GetOwnNonIndexProperties);
  SetMethod(context, target, "getConstructorName", GetConstructorName);
  SetMethod(context, target, "getExternalValue", GetExternalValue);
  SetMethod(context, target, "isConstructor", IsConstructor);
  SetMethod(context, target, "isArrayBufferDetached", IsArrayBufferDetached);
  SetMethod(context, target, "guessHandleType", GuessHandleType);
  SetMethod(context, target, "sleep", Sleep);
  v8::Local<v8::Object> constants = v8::Object::New(isolate);
  SetConstant(context, constants, "kPending", kPending);
  SetConstant(context, constants, "kFulfilled", kFulfilled);
  SetConstant(context, constants, "kRejected", kRejected);
  SetConstant(context, constants, "ALL_PROPERTIES", v8::ALL_PROPERTIES);
  SetConstant(context, constants, "ONLY_WRITABLE", v8::ONLY_WRITABLE);
  SetConstant(context, constants, "ONLY_ENUMERABLE", v8::ONLY_ENUMERABLE);
  SetConstant(context, constants, "ONLY_CONFIGURABLE", v8::ONLY_CONFIGURABLE);
  SetConstant(context, constants, "SKIP_STRINGS", v8::SKIP_STRINGS);
  SetConstant(context, constants, "SKIP_SYMBOLS", v8::SKIP_SYMBOLS);
  SetValue(context, target, "constants", constants);
}

}  // namespace
}  // namespace ringjs::util

RINGJS_BINDING(util, ringjs::util::Initialize)
