#ifndef RINGJS_RUNTIME_BINDING_H_
#define RINGJS_RUNTIME_BINDING_H_

#include <string>
#include <string_view>

#include "runtime/environment.h"
#include "v8.h"

namespace ringjs {

using BindingInitializer = void (*)(Environment* env, v8::Local<v8::Object> target);

// Ends a binding file: makes `Initialize` reachable as binding `name` (see binding_list.h).
#define RINGJS_BINDING(name, initialize)                                        \
  namespace ringjs::binding_entry {                                             \
  void name(::ringjs::Environment* env, v8::Local<v8::Object> target) {         \
    initialize(env, target);                                                    \
  }                                                                             \
  }

// internalBinding(name): creates the binding object once per Environment.
v8::MaybeLocal<v8::Object> GetInternalBinding(Environment* env, std::string_view name);

// Marks a result as deliberately unused (a Maybe whose failure was already reported).
template <typename T>
inline void USE(T&&) {}

// Small helpers every binding uses.
inline v8::Local<v8::String> OneByteString(v8::Isolate* isolate, const char* s) {
  return v8::String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(s))
      .ToLocalChecked();
}
inline v8::Local<v8::String> Utf8String(v8::Isolate* isolate, std::string_view s) {
  return v8::String::NewFromUtf8(isolate, s.data(), v8::NewStringType::kNormal,
                                 static_cast<int>(s.size()))
      .ToLocalChecked();
}
inline std::string ToStdString(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value utf8(isolate, value);
  return *utf8 == nullptr ? std::string() : std::string(*utf8, utf8.length());
}

void SetMethod(v8::Local<v8::Context> context, v8::Local<v8::Object> target, const char* name,
               v8::FunctionCallback callback);
// A method named `name` on the prototype of `tmpl`'s instances: V8 checks the receiver is one
// (signature) and it cannot be called with new.
void SetProtoMethod(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> tmpl, const char* name,
                    v8::FunctionCallback callback);
// A method without a prototype or [[Construct]] (cheaper; what node calls SetMethodNoSideEffect
// is not needed yet).
void SetConstant(v8::Local<v8::Context> context, v8::Local<v8::Object> target, const char* name,
                 double value);
void SetValue(v8::Local<v8::Context> context, v8::Local<v8::Object> target, const char* name,
              v8::Local<v8::Value> value);

// Throws a plain Error (for internal misuse that JS validation should have caught).
void ThrowError(v8::Isolate* isolate, const char* message);
void ThrowTypeError(v8::Isolate* isolate, const char* message);

// Builds node's uvException-shaped context for a failed syscall into `ctx` (an object JS passed
// in): ctx.errno = err, ctx.code = 'ENOENT', ctx.syscall = syscall; ctx.path/dest if given.
void FillErrorContext(Environment* env, v8::Local<v8::Object> ctx, int err, const char* syscall,
                      const char* path = nullptr, const char* dest = nullptr);

// Errno name ("ENOENT") and libuv-style message ("no such file or directory") for -errno.
const char* ErrnoName(int err);
const char* ErrnoMessage(int err);
// Iterates the errno table (for uv.getErrorMap()); returns the errno of entry `index`.
size_t ErrnoTableSize();
int ErrnoTableEntry(size_t index, const char** name, const char** message);

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_BINDING_H_
