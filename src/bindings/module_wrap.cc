// internalBinding('module_wrap'): ES modules over V8's module API, as node's ModuleWrap.
//
// A ModuleWrap is a JS object owning one v8::Module: a source text module compiled from a
// string, or a synthetic module (builtins, CommonJS, JSON) whose exports JS sets. The ES module
// loader (lib/js/internal/modules/esm/loader.js) resolves and loads every request of a module,
// hands the resulting wraps to link(), and then instantiates and evaluates the graph; V8 asks
// for each request again during instantiation and gets the linked module back.
//
// The isolate-wide hooks for import() and import.meta call back into the loader, which is
// loaded on the first use (a program that never touches ES modules never loads it).
//
// vm.SourceTextModule and vm.SyntheticModule (lib/js/internal/vm/module.js) are ModuleWraps
// too: they may belong to a vm context (given as that context's global), carry an import()
// mode in their host-defined options and consume or produce a code cache.
#include "bindings/module_wrap.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/binding.h"
#include "runtime/code_cache.h"
#include "runtime/watchdog.h"

namespace ringjs::module_wrap {
namespace {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Module;
using v8::Value;

constexpr const char kBindingName[] = "module_wrap";
constexpr const char kLoaderId[] = "internal/modules/esm/loader";

class ModuleWrap;

class ModuleWrapData : public BindingData {
 public:
  ~ModuleWrapData() override;

  ModuleWrap* FromModule(Local<Module> module) const;

  // Module identity hash -> the wraps with that hash (hashes may collide).
  std::unordered_multimap<int, ModuleWrap*> by_hash;
  v8::Global<v8::Function> import_module_dynamically;  // (specifier, referrer, attributes)
  v8::Global<v8::Function> initialize_import_meta;     // (meta, wrap)
};

class ModuleWrap {
 public:
  ModuleWrap(ModuleWrapData* data, Isolate* isolate, Local<v8::Object> object,
             Local<Module> module)
      : data_(data), isolate_(isolate), object_(isolate, object), module_(isolate, module),
        hash_(module->GetIdentityHash()) {
    object->SetAlignedPointerInInternalField(0, this);
    object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
    data_->by_hash.emplace(hash_, this);
  }

  ~ModuleWrap() {
    if (data_ == nullptr) return;
    auto range = data_->by_hash.equal_range(hash_);
    for (auto it = range.first; it != range.second; ++it) {
      if (it->second == this) {
        data_->by_hash.erase(it);
        break;
      }
    }
  }

  static ModuleWrap* Unwrap(Local<Value> value) {
    if (!value->IsObject()) return nullptr;
    Local<v8::Object> object = value.As<v8::Object>();
    if (object->InternalFieldCount() < 1) return nullptr;
    return static_cast<ModuleWrap*>(object->GetAlignedPointerFromInternalField(0));
  }

  Local<v8::Object> object() const { return object_.Get(isolate_); }
  // The context the module is instantiated and evaluated in: its vm context, else the caller's.
  Local<Context> ContextOr(Local<Context> fallback) const {
    return context_.IsEmpty() ? fallback : context_.Get(isolate_);
  }
  void set_context(Local<Context> context) { context_.Reset(isolate_, context); }
  Local<Module> module() const { return module_.Get(isolate_); }
  // The binding data is going away (Environment teardown): forget it.
  void Detach() { data_ = nullptr; }

  // specifier -> the wrap link() gave for it.
  std::unordered_map<std::string, v8::Global<v8::Object>> resolve_cache;
  // Synthetic modules: called with this = the wrap object when V8 evaluates the module.
  v8::Global<v8::Function> synthetic_evaluation_steps;

 private:
  static void OnCollected(const v8::WeakCallbackInfo<ModuleWrap>& info) {
    delete info.GetParameter();
  }

  ModuleWrapData* data_;
  Isolate* isolate_;
  v8::Global<v8::Object> object_;
  v8::Global<Module> module_;
  v8::Global<Context> context_;
  int hash_;
};

ModuleWrapData::~ModuleWrapData() {
  std::vector<ModuleWrap*> wraps;
  for (auto& entry : by_hash) wraps.push_back(entry.second);
  by_hash.clear();
  for (ModuleWrap* wrap : wraps) {
    wrap->Detach();
    delete wrap;
  }
}

ModuleWrap* ModuleWrapData::FromModule(Local<Module> module) const {
  auto range = by_hash.equal_range(module->GetIdentityHash());
  for (auto it = range.first; it != range.second; ++it) {
    if (it->second->module() == module) return it->second;
  }
  return nullptr;
}

ModuleWrapData* GetData(Environment* env) {
  return env == nullptr ? nullptr : env->binding_data<ModuleWrapData>(kBindingName);
}

ModuleWrap* Self(const FunctionCallbackInfo<Value>& info) {
  ModuleWrap* wrap = ModuleWrap::Unwrap(info.This());
  if (wrap == nullptr) ThrowTypeError(info.GetIsolate(), "Illegal invocation");
  return wrap;
}

// "type" -> "json" pairs of a request as a null-prototype object. `stride` is 3 for static
// requests ([key, value, offset]...) and 2 for import() ([key, value]...).
Local<v8::Object> AssertionsToObject(Local<Context> context, Local<v8::FixedArray> assertions,
                                     int stride) {
  Isolate* isolate = context->GetIsolate();
  Local<v8::Object> result = v8::Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
  for (int i = 0; i + 1 < assertions->Length(); i += stride) {
    Local<Value> key = assertions->Get(context, i).As<Value>();
    Local<Value> value = assertions->Get(context, i + 1).As<Value>();
    USE(result->CreateDataProperty(context, key.As<v8::Name>(), value));
  }
  return result;
}

// V8 evaluates a synthetic module: run the steps JS gave (they call setExport).
MaybeLocal<Value> SyntheticEvaluationSteps(Local<Context> context, Local<Module> module) {
  Isolate* isolate = context->GetIsolate();
  ModuleWrapData* data = GetData(Environment::From(context));
  ModuleWrap* wrap = data == nullptr ? nullptr : data->FromModule(module);
  if (wrap == nullptr || wrap->synthetic_evaluation_steps.IsEmpty()) {
    ThrowError(isolate, "synthetic module without evaluation steps");
    return {};
  }
  Local<v8::Function> steps = wrap->synthetic_evaluation_steps.Get(isolate);
  wrap->synthetic_evaluation_steps.Reset();
  if (steps->Call(context, wrap->object(), 0, nullptr).IsEmpty()) return {};
  Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(context).ToLocal(&resolver) ||
      resolver->Resolve(context, v8::Undefined(isolate)).IsNothing()) {
    return {};
  }
  return resolver->GetPromise();
}

// A vm module's context, given as its global object (undefined: the caller's context).
bool ContextOfGlobal(Local<Value> global, Local<Context>* context) {
  if (!global->IsObject()) return true;
  return global.As<v8::Object>()->GetCreationContext().ToLocal(context);
}

// Compiles `source`, consuming `cache` (a Uint8Array view) when given; sets
// cachedDataRejected on `object` then.
MaybeLocal<Module> CompileSourceText(Isolate* isolate, Local<v8::String> source_text,
                                     const v8::ScriptOrigin& origin, Local<Value> cache,
                                     bool* rejected) {
  v8::ScriptCompiler::CachedData* cached = code_cache::BorrowFromView(cache);
  v8::ScriptCompiler::Source source(source_text, origin, cached);  // owns `cached`
  MaybeLocal<Module> module = v8::ScriptCompiler::CompileModule(
      isolate, &source,
      cached ? v8::ScriptCompiler::kConsumeCodeCache : v8::ScriptCompiler::kNoCompileOptions);
  *rejected = cached != nullptr && source.GetCachedData()->rejected;
  return module;
}

// new ModuleWrap(url, source, lineOffset, columnOffset[, cachedData, importMode, global]):
// compiles a source text module; a SyntaxError is thrown with its location (the fatal report
// prints file:line and a caret). importMode (an int32, see VmImportMode in
// contextify_context.h) becomes the module's host-defined option for import().
// new ModuleWrap(url, exportNames, evaluationSteps[, global]): a synthetic module.
void New(const FunctionCallbackInfo<Value>& info) {
  Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  Local<Context> context = env->context();
  if (!info.IsConstructCall()) return ThrowTypeError(isolate, "Constructor requires 'new'");
  if (!info[0]->IsString()) return ThrowTypeError(isolate, "url must be a string");
  Local<v8::String> url = info[0].As<v8::String>();
  Local<Module> module;
  Local<v8::Function> evaluation_steps;
  Local<Context> vm_context;
  bool cache_rejected = false;
  if (info[1]->IsString()) {
    int line_offset = info[2]->IsInt32() ? info[2].As<v8::Int32>()->Value() : 0;
    int column_offset = info[3]->IsInt32() ? info[3].As<v8::Int32>()->Value() : 0;
    Local<v8::PrimitiveArray> host_options;
    if (info[5]->IsInt32()) {
      host_options = v8::PrimitiveArray::New(isolate, 1);
      host_options->Set(isolate, 0, info[5].As<v8::Int32>());
    }
    if (!ContextOfGlobal(info[6], &vm_context)) return;
    v8::ScriptOrigin origin(isolate, url, line_offset, column_offset, false, -1,
                            Local<Value>(), false, false, true, host_options);
    if (!CompileSourceText(isolate, info[1].As<v8::String>(), origin, info[4], &cache_rejected)
             .ToLocal(&module)) {
      return;
    }
  } else if (info[1]->IsArray() && info[2]->IsFunction()) {
    if (!ContextOfGlobal(info[3], &vm_context)) return;
    Local<v8::Array> names = info[1].As<v8::Array>();
    std::vector<Local<v8::String>> export_names;
    for (uint32_t i = 0; i < names->Length(); i++) {
      Local<Value> name;
      if (!names->Get(context, i).ToLocal(&name)) return;
      if (!name->IsString()) return ThrowTypeError(isolate, "export names must be strings");
      export_names.push_back(name.As<v8::String>());
    }
    module = Module::CreateSyntheticModule(isolate, url, export_names, SyntheticEvaluationSteps);
    evaluation_steps = info[2].As<v8::Function>();
  } else {
    return ThrowTypeError(isolate, "ModuleWrap(url, source) or ModuleWrap(url, names, steps)");
  }
  Local<v8::Object> object = info.This();
  auto* wrap = new ModuleWrap(GetData(env), isolate, object, module);
  if (!evaluation_steps.IsEmpty()) wrap->synthetic_evaluation_steps.Reset(isolate, evaluation_steps);
  if (!vm_context.IsEmpty()) wrap->set_context(vm_context);
  USE(object->Set(context, v8::String::NewFromUtf8Literal(isolate, "url"), url));
  if (cache_rejected) {
    USE(object->Set(context, OneByteString(isolate, "cachedDataRejected"), v8::True(isolate)));
  }
  info.GetReturnValue().Set(object);
}

// getModuleRequests() -> [{ specifier, attributes }], in source order.
void GetModuleRequests(const FunctionCallbackInfo<Value>& info) {
  ModuleWrap* wrap = Self(info);
  if (wrap == nullptr) return;
  Isolate* isolate = info.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  Local<v8::FixedArray> requests = wrap->module()->GetModuleRequests();
  Local<v8::Array> result = v8::Array::New(isolate, requests->Length());
  Local<v8::Name> names[] = {v8::String::NewFromUtf8Literal(isolate, "specifier"),
                             v8::String::NewFromUtf8Literal(isolate, "attributes")};
  for (int i = 0; i < requests->Length(); i++) {
    Local<v8::ModuleRequest> request = requests->Get(context, i).As<v8::ModuleRequest>();
    Local<Value> values[] = {request->GetSpecifier(),
                             AssertionsToObject(context, request->GetImportAssertions(), 3)};
    Local<v8::Object> entry = v8::Object::New(isolate, v8::Null(isolate), names, values, 2);
    USE(result->Set(context, i, entry));
  }
  info.GetReturnValue().Set(result);
}

// link(wraps): the module for each request, in getModuleRequests() order.
void Link(const FunctionCallbackInfo<Value>& info) {
  ModuleWrap* wrap = Self(info);
  if (wrap == nullptr) return;
  Isolate* isolate = info.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  if (!info[0]->IsArray()) return ThrowTypeError(isolate, "link(wraps) takes an array");
  Local<v8::Array> linked = info[0].As<v8::Array>();
  Local<v8::FixedArray> requests = wrap->module()->GetModuleRequests();
  if (static_cast<int>(linked->Length()) != requests->Length()) {
    return ThrowError(isolate, "link(): one module per request");
  }
  for (int i = 0; i < requests->Length(); i++) {
    Local<Value> dependency;
    if (!linked->Get(context, i).ToLocal(&dependency)) return;
    if (ModuleWrap::Unwrap(dependency) == nullptr) {
      return ThrowTypeError(isolate, "link(): not a ModuleWrap");
    }
    Local<v8::ModuleRequest> request = requests->Get(context, i).As<v8::ModuleRequest>();
    std::string specifier = ToStdString(isolate, request->GetSpecifier());
    wrap->resolve_cache[specifier].Reset(isolate, dependency.As<v8::Object>());
  }
}

MaybeLocal<Module> ResolveModule(Local<Context> context, Local<v8::String> specifier,
                                 Local<v8::FixedArray> import_assertions,
                                 Local<Module> referrer) {
  Isolate* isolate = context->GetIsolate();
  ModuleWrapData* data = GetData(Environment::From(context));
  ModuleWrap* dependent = data == nullptr ? nullptr : data->FromModule(referrer);
  if (dependent == nullptr) {
    ThrowError(isolate, "linking error, dependent module not found");
    return {};
  }
  std::string key = ToStdString(isolate, specifier);
  auto it = dependent->resolve_cache.find(key);
  if (it == dependent->resolve_cache.end()) {
    std::string message = "request for '" + key + "' is not linked";
    isolate->ThrowException(v8::Exception::Error(Utf8String(isolate, message)));
    return {};
  }
  return ModuleWrap::Unwrap(it->second.Get(isolate))->module();
}

void Instantiate(const FunctionCallbackInfo<Value>& info) {
  ModuleWrap* wrap = Self(info);
  if (wrap == nullptr) return;
  Local<Context> context = wrap->ContextOr(info.GetIsolate()->GetCurrentContext());
  Context::Scope context_scope(context);
  USE(wrap->module()->InstantiateModule(context, ResolveModule));
}

// evaluate([timeoutMs, outcome, breakOnSigint]) -> the promise of the module's evaluation
// (settled unless the graph is async). With a timeout (>= 0) or breakOnSigint a watchdog may
// stop the evaluation: outcome[0] becomes 'timeout' or 'SIGINT' then (the caller throws
// node's error). A vm context with its own microtask queue (microtaskMode 'afterEvaluate')
// has it drained within the watch.
void Evaluate(const FunctionCallbackInfo<Value>& info) {
  ModuleWrap* wrap = Self(info);
  if (wrap == nullptr) return;
  Isolate* isolate = info.GetIsolate();
  Local<Context> caller_context = isolate->GetCurrentContext();
  Local<Context> context = wrap->ContextOr(caller_context);
  int64_t timeout = info[0]->IsNumber() ? static_cast<int64_t>(info[0].As<v8::Number>()->Value())
                                        : -1;
  v8::MicrotaskQueue* own_queue = context->GetMicrotaskQueue();
  if (own_queue == caller_context->GetMicrotaskQueue()) own_queue = nullptr;
  Context::Scope context_scope(context);
  MaybeLocal<Value> result;
  Watchdog::Outcome outcome = RunWatched(isolate, timeout, info[2]->IsTrue(), [&] {
    result = wrap->module()->Evaluate(context);
    if (own_queue != nullptr && !result.IsEmpty()) own_queue->PerformCheckpoint(isolate);
  });
  if (outcome != Watchdog::Outcome::kNone) {
    if (!info[1]->IsArray()) return;
    const char* reason = outcome == Watchdog::Outcome::kTimedOut ? "timeout" : "SIGINT";
    USE(info[1].As<v8::Array>()->Set(caller_context, 0, OneByteString(isolate, reason)));
    return;
  }
  Local<Value> value;
  if (result.ToLocal(&value)) info.GetReturnValue().Set(value);
}

// createCachedData(): the V8 code cache of a source text module, as a Uint8Array.
void CreateCachedData(const FunctionCallbackInfo<Value>& info) {
  ModuleWrap* wrap = Self(info);
  if (wrap == nullptr) return;
  Isolate* isolate = info.GetIsolate();
  Local<Module> module = wrap->module();
  if (!module->IsSourceTextModule()) return ThrowTypeError(isolate, "not a source text module");
  std::unique_ptr<v8::ScriptCompiler::CachedData> data(
      v8::ScriptCompiler::CreateCodeCache(module->GetUnboundModuleScript()));
  info.GetReturnValue().Set(code_cache::CopyToUint8Array(isolate, data.get()));
}

void GetNamespace(const FunctionCallbackInfo<Value>& info) {
  ModuleWrap* wrap = Self(info);
  if (wrap == nullptr) return;
  Local<Module> module = wrap->module();
  if (module->GetStatus() < Module::kInstantiated) {
    return ThrowError(info.GetIsolate(), "cannot get namespace, module has not been instantiated");
  }
  info.GetReturnValue().Set(module->GetModuleNamespace());
}

void GetStatus(const FunctionCallbackInfo<Value>& info) {
  ModuleWrap* wrap = Self(info);
  if (wrap != nullptr) info.GetReturnValue().Set(static_cast<int>(wrap->module()->GetStatus()));
}

void GetError(const FunctionCallbackInfo<Value>& info) {
  ModuleWrap* wrap = Self(info);
  if (wrap == nullptr) return;
  Local<Module> module = wrap->module();
  if (module->GetStatus() == Module::kErrored) info.GetReturnValue().Set(module->GetException());
}

void IsGraphAsync(const FunctionCallbackInfo<Value>& info) {
  ModuleWrap* wrap = Self(info);
  if (wrap == nullptr) return;
  Local<Module> module = wrap->module();
  info.GetReturnValue().Set(module->GetStatus() >= Module::kInstantiated &&
                            module->IsGraphAsync());
}

// setExport(name, value): a synthetic module's export.
void SetExport(const FunctionCallbackInfo<Value>& info) {
  ModuleWrap* wrap = Self(info);
  if (wrap == nullptr) return;
  Isolate* isolate = info.GetIsolate();
  if (!info[0]->IsString()) return ThrowTypeError(isolate, "export name must be a string");
  USE(wrap->module()->SetSyntheticModuleExport(isolate, info[0].As<v8::String>(), info[1]));
}

void StoreCallback(const FunctionCallbackInfo<Value>& info, v8::Global<v8::Function>* slot) {
  if (!info[0]->IsFunction()) return ThrowTypeError(info.GetIsolate(), "expected a function");
  slot->Reset(info.GetIsolate(), info[0].As<v8::Function>());
}

void SetImportModuleDynamicallyCallback(const FunctionCallbackInfo<Value>& info) {
  StoreCallback(info, &GetData(Environment::From(info))->import_module_dynamically);
}

void SetInitializeImportMetaObjectCallback(const FunctionCallbackInfo<Value>& info) {
  StoreCallback(info, &GetData(Environment::From(info))->initialize_import_meta);
}

// The loader registers its callbacks when it is first loaded; load it if nothing has.
ModuleWrapData* EnsureLoader(Environment* env) {
  ModuleWrapData* data = GetData(env);
  if (data != nullptr && !data->import_module_dynamically.IsEmpty()) return data;
  if (env == nullptr || env->builtin_require.IsEmpty()) return nullptr;
  Isolate* isolate = env->isolate();
  Local<Value> id = v8::String::NewFromUtf8Literal(isolate, kLoaderId);
  if (env->builtin_require.Get(isolate)->Call(env->context(), v8::Undefined(isolate), 1, &id)
          .IsEmpty()) {
    return nullptr;
  }
  return GetData(env);
}

MaybeLocal<v8::Promise> ImportModuleDynamically(Local<Context> context,
                                                Local<v8::Data> host_defined_options,
                                                Local<Value> resource_name,
                                                Local<v8::String> specifier,
                                                Local<v8::FixedArray> import_assertions) {
  Isolate* isolate = context->GetIsolate();
  v8::EscapableHandleScope scope(isolate);
  Environment* env = Environment::From(context);
  ModuleWrapData* data;
  {
    v8::TryCatch try_catch(isolate);
    data = EnsureLoader(env);
    if (try_catch.HasCaught()) {
      // Loading the loader failed: that error is import()'s.
      if (!try_catch.HasTerminated()) try_catch.ReThrow();
      return {};
    }
  }
  if (data == nullptr || data->import_module_dynamically.IsEmpty()) {
    ThrowError(isolate, "import() is not available in this context");
    return {};
  }
  if (resource_name.IsEmpty()) resource_name = v8::Undefined(isolate);
  // Code vm compiled carries its import() mode as the first host-defined option.
  Local<Value> vm_import_mode = v8::Undefined(isolate);
  if (!host_defined_options.IsEmpty() && host_defined_options->IsFixedArray()) {
    Local<v8::PrimitiveArray> options = host_defined_options.As<v8::PrimitiveArray>();
    if (options->Length() > 0) vm_import_mode = options->Get(isolate, 0);
  }
  Local<Value> args[] = {specifier, resource_name,
                         AssertionsToObject(context, import_assertions, 2), vm_import_mode};
  Local<Value> result;
  if (!data->import_module_dynamically.Get(isolate)
           ->Call(context, v8::Undefined(isolate), 4, args)
           .ToLocal(&result)) {
    return {};
  }
  if (!result->IsPromise()) {
    ThrowError(isolate, "import() callback did not return a promise");
    return {};
  }
  return scope.Escape(result.As<v8::Promise>());
}

void InitializeImportMeta(Local<Context> context, Local<Module> module, Local<v8::Object> meta) {
  Isolate* isolate = context->GetIsolate();
  v8::HandleScope scope(isolate);
  Environment* env = Environment::From(context);
  ModuleWrapData* data = EnsureLoader(env);
  if (data == nullptr || data->initialize_import_meta.IsEmpty()) return;
  ModuleWrap* wrap = data->FromModule(module);
  if (wrap == nullptr) return;
  Local<Value> args[] = {meta, wrap->object()};
  USE(data->initialize_import_meta.Get(isolate)->Call(context, v8::Undefined(isolate), 2, args));
}

void Initialize(Environment* env, Local<v8::Object> target) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  if (GetData(env) == nullptr) env->set_binding_data(kBindingName, std::make_unique<ModuleWrapData>());

  Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, New);
  tmpl->SetClassName(OneByteString(isolate, "ModuleWrap"));
  tmpl->InstanceTemplate()->SetInternalFieldCount(1);
  Local<v8::ObjectTemplate> proto = tmpl->PrototypeTemplate();
  const std::pair<const char*, v8::FunctionCallback> methods[] = {
      {"getModuleRequests", GetModuleRequests},
      {"link", Link},
      {"instantiate", Instantiate},
      {"evaluate", Evaluate},
      {"getNamespace", GetNamespace},
      {"getStatus", GetStatus},
      {"getError", GetError},
      {"isGraphAsync", IsGraphAsync},
      {"setExport", SetExport},
      {"createCachedData", CreateCachedData},
  };
  for (const auto& [name, callback] : methods) {
    proto->Set(isolate, name,
               v8::FunctionTemplate::New(isolate, callback, Local<Value>(), Local<v8::Signature>(),
                                         0, v8::ConstructorBehavior::kThrow));
  }
  Local<v8::Function> constructor;
  if (tmpl->GetFunction(context).ToLocal(&constructor)) {
    SetValue(context, target, "ModuleWrap", constructor);
  }
  SetMethod(context, target, "setImportModuleDynamicallyCallback",
            SetImportModuleDynamicallyCallback);
  SetMethod(context, target, "setInitializeImportMetaObjectCallback",
            SetInitializeImportMetaObjectCallback);
  SetConstant(context, target, "kUninstantiated", Module::kUninstantiated);
  SetConstant(context, target, "kInstantiating", Module::kInstantiating);
  SetConstant(context, target, "kInstantiated", Module::kInstantiated);
  SetConstant(context, target, "kEvaluating", Module::kEvaluating);
  SetConstant(context, target, "kEvaluated", Module::kEvaluated);
  SetConstant(context, target, "kErrored", Module::kErrored);
}

}  // namespace

void SetIsolateModuleCallbacks(Isolate* isolate) {
  isolate->SetHostImportModuleDynamicallyCallback(ImportModuleDynamically);
  isolate->SetHostInitializeImportMetaObjectCallback(InitializeImportMeta);
}

}  // namespace ringjs::module_wrap

RINGJS_BINDING(module_wrap, ringjs::module_wrap::Initialize)
