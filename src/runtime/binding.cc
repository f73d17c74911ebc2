#include "runtime/binding.h"

#include "bindings/binding_list.h"

namespace ringjs {

namespace binding_entry {
#define V(name) void name(Environment* env, v8::Local<v8::Object> target);
RINGJS_BINDING_LIST(V)
#undef V
}  // namespace binding_entry

namespace {

struct BindingEntry {
  const char* name;
  BindingInitializer initialize;
};

constexpr BindingEntry kBindings[] = {
#define V(name) {#name, binding_entry::name},
    RINGJS_BINDING_LIST(V)
#undef V
};

}  // namespace

v8::MaybeLocal<v8::Object> GetInternalBinding(Environment* env, std::string_view name) {
  v8::Isolate* isolate = env->isolate();
  std::string key(name);
  auto cached = env->binding_cache.find(key);
  if (cached != env->binding_cache.end()) return cached->second.Get(isolate);
  for (const BindingEntry& entry : kBindings) {
    if (name != entry.name) continue;
    v8::Local<v8::Object> target = v8::Object::New(isolate);
    entry.initialize(env, target);
    env->binding_cache[key].Reset(isolate, target);
    return target;
  }
  std::string message = "No such binding: " + key;
  isolate->ThrowException(v8::Exception::Error(Utf8String(isolate, message)));
  return {};
}

void SetProtoMethod(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> tmpl, const char* name,
                    v8::FunctionCallback callback) {
  v8::Local<v8::FunctionTemplate> fn = v8::FunctionTemplate::New(
      isolate, callback, v8::Local<v8::Value>(), v8::Signature::New(isolate, tmpl), 0,
      v8::ConstructorBehavior::kThrow);
  v8::Local<v8::String> key = OneByteString(isolate, name);
  fn->SetClassName(key);
  tmpl->PrototypeTemplate()->Set(key, fn);
}

void SetMethod(v8::Local<v8::Context> context, v8::Local<v8::Object> target, const char* name,
               v8::FunctionCallback callback) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::String> key = OneByteString(isolate, name);
  v8::Local<v8::Function> fn;
  if (!v8::Function::New(context, callback, v8::Local<v8::Value>(), 0,
                         v8::ConstructorBehavior::kThrow)
           .ToLocal(&fn)) {
    return;
  }
  fn->SetName(key);
  target->Set(context, key, fn).Check();
}

void SetConstant(v8::Local<v8::Context> context, v8::Local<v8::Object> target, const char* name,
                 double value) {
  v8::Isolate* isolate = context->GetIsolate();
  target
      ->DefineOwnProperty(context, OneByteString(isolate, name), v8::Number::New(isolate, value),
                          static_cast<v8::PropertyAttribute>(v8::ReadOnly | v8::DontDelete))
      .Check();
}

void SetValue(v8::Local<v8::Context> context, v8::Local<v8::Object> target, const char* name,
              v8::Local<v8::Value> value) {
  target->Set(context, OneByteString(context->GetIsolate(), name), value).Check();
}

void ThrowError(v8::Isolate* isolate, const char* message) {
  isolate->ThrowException(v8::Exception::Error(OneByteString(isolate, message)));
}

void ThrowTypeError(v8::Isolate* isolate, const char* message) {
  isolate->ThrowException(v8::Exception::TypeError(OneByteString(isolate, message)));
}

void FillErrorContext(Environment* env, v8::Local<v8::Object> ctx, int err, const char* syscall,
                      const char* path, const char* dest) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  SetValue(context, ctx, "errno", v8::Integer::New(isolate, err));
  SetValue(context, ctx, "code", OneByteString(isolate, ErrnoName(err)));
  SetValue(context, ctx, "syscall", OneByteString(isolate, syscall));
  if (path != nullptr) SetValue(context, ctx, "path", Utf8String(isolate, path));
  if (dest != nullptr) SetValue(context, ctx, "dest", Utf8String(isolate, dest));
}

}  // namespace ringjs
