// internalBinding('uv'): errno names and messages, libuv-compatible (node's error text).
#include "runtime/binding.h"

namespace ringjs::uv {
namespace {

void ErrName(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  int err;
  if (!info[0]->Int32Value(isolate->GetCurrentContext()).To(&err)) return;
  info.GetReturnValue().Set(OneByteString(isolate, ErrnoName(err)));
}

// getErrorMap(): Map errno -> [name, message].
void GetErrorMap(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Map> map = v8::Map::New(isolate);
  for (size_t i = 0; i < ErrnoTableSize(); i++) {
    const char* name;
    const char* message;
    int err = ErrnoTableEntry(i, &name, &message);
    v8::Local<v8::Value> pair[] = {OneByteString(isolate, name), OneByteString(isolate, message)};
    if (map->Set(context, v8::Integer::New(isolate, err), v8::Array::New(isolate, pair, 2))
            .IsEmpty()) {
      return;
    }
  }
  info.GetReturnValue().Set(map);
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "errname", ErrName);
  SetMethod(context, target, "getErrorMap", GetErrorMap);
  for (size_t i = 0; i < ErrnoTableSize(); i++) {
    const char* name;
    const char* message;
    int err = ErrnoTableEntry(i, &name, &message);
    SetConstant(context, target, ("UV_" + std::string(name)).c_str(), err);
  }
}

}  // namespace
}  // namespace ringjs::uv

RINGJS_BINDING(uv, ringjs::uv::Initialize)
