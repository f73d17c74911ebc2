// internalBinding('builtins'): the embedded lib/js sources, for the loader in realm.js.
#include "runtime/binding.h"
#include "runtime/builtins.h"

namespace ringjs::builtins_binding {
namespace {

void CompileFunction(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[0]->IsString()) return ThrowTypeError(isolate, "builtin id must be a string");
  std::string id = ToStdString(isolate, info[0]);
  if (builtins::Find(id) == nullptr) {
    std::string message = "No such built-in module: " + id;
    isolate->ThrowException(v8::Exception::Error(Utf8String(isolate, message)));
    return;
  }
  v8::Local<v8::Function> fn;
  if (builtins::Compile(isolate->GetCurrentContext(), id).ToLocal(&fn)) {
    info.GetReturnValue().Set(fn);
  }
}

void HasBuiltin(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::string id = ToStdString(info.GetIsolate(), info[0]);
  info.GetReturnValue().Set(builtins::Find(id) != nullptr);
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::Array> ids = v8::Array::New(isolate, static_cast<int>(builtins::kBuiltinCount));
  for (size_t i = 0; i < builtins::kBuiltinCount; i++) {
    ids->Set(context, static_cast<uint32_t>(i),
             OneByteString(isolate, builtins::kBuiltinSources[i].id))
        .Check();
  }
  SetValue(context, target, "builtinIds", ids);
  SetMethod(context, target, "compileFunction", CompileFunction);
  SetMethod(context, target, "hasBuiltin", HasBuiltin);
}

}  // namespace
}  // namespace ringjs::builtins_binding

RINGJS_BINDING(builtins, ringjs::builtins_binding::Initialize)
