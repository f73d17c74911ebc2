#ifndef RINGJS_RUNTIME_BUILTINS_H_
#define RINGJS_RUNTIME_BUILTINS_H_

#include <string_view>

#include "runtime/builtin_source.h"
#include "v8.h"

namespace ringjs::builtins {

const BuiltinSource* Find(std::string_view id);

// The source as an external V8 string backed by the static array.
v8::Local<v8::String> SourceString(v8::Isolate* isolate, const BuiltinSource& source);

// Compiles builtin `id` as a function taking the standard builtin parameters
// (exports, require, module, process, internalBinding, primordials).
v8::MaybeLocal<v8::Function> Compile(v8::Local<v8::Context> context, std::string_view id);

// Same, with an explicit parameter list (the bootstrap scripts take different ones).
v8::MaybeLocal<v8::Function> Compile(v8::Local<v8::Context> context, std::string_view id,
                                     const char* const* params, size_t param_count);

}  // namespace ringjs::builtins

#endif  // RINGJS_RUNTIME_BUILTINS_H_
