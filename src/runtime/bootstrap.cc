#include "runtime/bootstrap.h"

#include "runtime/binding.h"
#include "runtime/builtins.h"
#include "runtime/callback_scope.h"
#include "runtime/environment.h"
#include "runtime/error_report.h"

namespace ringjs {
namespace {

void GetInternalBindingCallback(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  if (!info[0]->IsString()) return ThrowTypeError(info.GetIsolate(), "binding name must be a string");
  std::string name = ToStdString(info.GetIsolate(), info[0]);
  v8::Local<v8::Object> binding;
  if (GetInternalBinding(env, name).ToLocal(&binding)) info.GetReturnValue().Set(binding);
}

// The process object: an instance of a function named "process", so util.inspect prints
// `process {` as node does.
v8::MaybeLocal<v8::Object> CreateProcessObject(v8::Isolate* isolate,
                                               v8::Local<v8::Context> context) {
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate);
  tmpl->SetClassName(OneByteString(isolate, "process"));
  v8::Local<v8::Function> ctor;
  if (!tmpl->GetFunction(context).ToLocal(&ctor)) return {};
  return ctor->NewInstance(context);
}

// Compiles and calls builtin `id` with (process, <extra>, internalBinding-or-loader, primordials).
v8::MaybeLocal<v8::Value> RunBootstrapScript(Environment* env, const char* id,
                                             const char* const* params, size_t param_count,
                                             v8::Local<v8::Value>* args) {
  v8::Local<v8::Function> fn;
  if (!builtins::Compile(env->context(), id, params, param_count).ToLocal(&fn)) return {};
  return fn->Call(env->context(), v8::Undefined(env->isolate()), static_cast<int>(param_count),
                  args);
}

constexpr const char* kRealmParams[] = {"process", "getInternalBinding", "primordials"};
constexpr const char* kNodeParams[] = {"process", "require", "internalBinding", "primordials"};


}  // namespace

bool Bootstrap(Environment* env) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  v8::HandleScope scope(isolate);
  v8::TryCatch try_catch(isolate);

  v8::Local<v8::Object> process;
  v8::Local<v8::Function> get_binding;
  if (!CreateProcessObject(isolate, context).ToLocal(&process) ||
      !v8::Function::New(context, GetInternalBindingCallback).ToLocal(&get_binding)) {
    PrintStartupException(isolate, context, try_catch);
    return false;
  }
  env->process_object.Reset(isolate, process);
  v8::Local<v8::Object> primordials = v8::Object::New(isolate);

  v8::Local<v8::Value> realm_args[] = {process, get_binding, primordials};
  v8::Local<v8::Value> loader;
  if (!RunBootstrapScript(env, "internal/bootstrap/realm", kRealmParams,
                          std::size(kRealmParams), realm_args)
           .ToLocal(&loader) ||
      !loader->IsObject()) {
    PrintStartupException(isolate, context, try_catch);
    return false;
  }
  v8::Local<v8::Object> loader_object = loader.As<v8::Object>();
  v8::Local<v8::Value> require, internal_binding;
  if (!loader_object->Get(context, OneByteString(isolate, "require")).ToLocal(&require) ||
      !loader_object->Get(context, OneByteString(isolate, "internalBinding"))
           .ToLocal(&internal_binding)) {
    PrintStartupException(isolate, context, try_catch);
    return false;
  }
  env->builtin_require.Reset(isolate, require.As<v8::Function>());
  env->internal_binding.Reset(isolate, internal_binding.As<v8::Function>());

  v8::Local<v8::Value> node_args[] = {process, require, internal_binding, primordials};
  if (RunBootstrapScript(env, "internal/bootstrap/node", kNodeParams, std::size(kNodeParams),
                         node_args)
          .IsEmpty()) {
    PrintStartupException(isolate, context, try_catch);
    return false;
  }
  return true;
}

void RunEntryPoint(Environment* env, const char* id) {
  v8::Isolate* isolate = env->isolate();
  CallbackScope scope(env);
  v8::Local<v8::Function> fn;
  v8::TryCatch try_catch(isolate);
  if (!builtins::Compile(env->context(), id, kNodeParams,
                         std::size(kNodeParams))
           .ToLocal(&fn)) {
    PrintStartupException(isolate, env->context(), try_catch);
    return;
  }
  v8::Local<v8::Value> args[] = {env->process_object.Get(isolate), env->builtin_require.Get(isolate),
                                 env->internal_binding.Get(isolate), v8::Object::New(isolate)};
  USE(scope.Call(fn, v8::Undefined(isolate), static_cast<int>(std::size(args)), args));
}

}  // namespace ringjs
