// vm contexts. The new context's global object has interceptors that make the sandbox object
// the source of truth: reads look at the sandbox first (then the context's own built-ins),
// writes, definitions and deletions go to the sandbox and to the global, so `var x` inside the
// context and `sandbox.x` outside stay the same value.
#include "bindings/contextify_context.h"

#include <vector>

#include "runtime/builtins.h"

namespace ringjs::contextify {
namespace {

// Embedder data slot of a vm context holding its SandboxContext* (the Environment uses 32).
constexpr int kSandboxContextSlot = 33;

SandboxContext* Unwrap(v8::Local<v8::Value> data) {
  return static_cast<SandboxContext*>(data.As<v8::External>()->Value());
}

// Stores run through the global object too: `this.x = 1` and `x = 1` reach V8's own handling
// after the sandbox has the value, so declarations and strict-mode errors behave as usual.
bool IsReadOnly(v8::Local<v8::Context> context, v8::Local<v8::Object> object,
                v8::Local<v8::Name> property, bool* declared) {
  v8::PropertyAttribute attributes = v8::None;
  *declared = object->GetRealNamedPropertyAttributes(context, property).To(&attributes);
  return *declared && (attributes & v8::ReadOnly) != 0;
}

bool IsAccessor(v8::Local<v8::Context> context, v8::Local<v8::Object> object,
                v8::Local<v8::Name> property) {
  v8::Local<v8::Value> desc;
  if (!object->GetOwnPropertyDescriptor(context, property).ToLocal(&desc) || !desc->IsObject()) {
    return false;
  }
  v8::Isolate* isolate = context->GetIsolate();
  bool has_get = false;
  bool has_set = false;
  v8::Local<v8::Object> desc_object = desc.As<v8::Object>();
  return (desc_object->Has(context, OneByteString(isolate, "get")).To(&has_get) && has_get) ||
         (desc_object->Has(context, OneByteString(isolate, "set")).To(&has_set) && has_set);
}

void PropertyGetter(v8::Local<v8::Name> property, const v8::PropertyCallbackInfo<v8::Value>& info) {
  SandboxContext* ctx = Unwrap(info.Data());
  v8::Local<v8::Context> context = ctx->context();
  v8::Local<v8::Object> sandbox = ctx->sandbox();
  v8::MaybeLocal<v8::Value> found = sandbox->GetRealNamedProperty(context, property);
  if (found.IsEmpty()) found = ctx->global_proxy()->GetRealNamedProperty(context, property);
  v8::Local<v8::Value> value;
  if (!found.ToLocal(&value)) return;
  // The sandbox seen from inside is the global: `this.sandboxProp === globalThis`.
  if (value == sandbox) value = ctx->global_proxy();
  info.GetReturnValue().Set(value);
}

void PropertySetter(v8::Local<v8::Name> property, v8::Local<v8::Value> value,
                    const v8::PropertyCallbackInfo<v8::Value>& info) {
  SandboxContext* ctx = Unwrap(info.Data());
  v8::Local<v8::Context> context = ctx->context();
  v8::Local<v8::Object> sandbox = ctx->sandbox();
  bool on_global = false;
  bool on_sandbox = false;
  if (IsReadOnly(context, ctx->global_proxy(), property, &on_global)) return;
  if (IsReadOnly(context, sandbox, property, &on_sandbox)) return;
  // `x = 1` for an undeclared x in strict code must throw V8's ReferenceError, so leave it alone.
  bool contextual_store = ctx->global_proxy() != info.This();
  if (!on_global && !on_sandbox && contextual_store && info.ShouldThrowOnError() &&
      !value->IsFunction()) {
    return;
  }
  if (sandbox->Set(context, property, value).IsNothing()) return;  // a sandbox setter threw
  // An accessor on the sandbox took the store: the global gets no data property of its own
  // (reads keep going through the getter).
  if (on_sandbox && IsAccessor(context, sandbox, property)) info.GetReturnValue().Set(value);
}

void PropertyQuery(v8::Local<v8::Name> property,
                   const v8::PropertyCallbackInfo<v8::Integer>& info) {
  SandboxContext* ctx = Unwrap(info.Data());
  v8::Local<v8::Context> context = ctx->context();
  v8::Local<v8::Object> sandbox = ctx->sandbox();
  v8::PropertyAttribute attributes = v8::None;
  bool has = false;
  if (sandbox->HasRealNamedProperty(context, property).To(&has) && has) {
    if (sandbox->GetRealNamedPropertyAttributes(context, property).To(&attributes)) {
      info.GetReturnValue().Set(attributes);
    }
  } else if (ctx->global_proxy()->HasRealNamedProperty(context, property).To(&has) && has) {
    if (ctx->global_proxy()->GetRealNamedPropertyAttributes(context, property).To(&attributes)) {
      info.GetReturnValue().Set(attributes);
    }
  }
}

void PropertyDeleter(v8::Local<v8::Name> property,
                     const v8::PropertyCallbackInfo<v8::Boolean>& info) {
  SandboxContext* ctx = Unwrap(info.Data());
  bool deleted = false;
  if (!ctx->sandbox()->Delete(ctx->context(), property).To(&deleted)) return;
  // A refusal (non-configurable on the sandbox) is the answer; otherwise the global's copy goes too.
  if (!deleted) info.GetReturnValue().Set(false);
}

void PropertyEnumerator(const v8::PropertyCallbackInfo<v8::Array>& info) {
  SandboxContext* ctx = Unwrap(info.Data());
  v8::Local<v8::Array> names;
  if (ctx->sandbox()
          ->GetPropertyNames(ctx->context(), v8::KeyCollectionMode::kOwnOnly,
                             v8::PropertyFilter::ALL_PROPERTIES, v8::IndexFilter::kSkipIndices)
          .ToLocal(&names)) {
    info.GetReturnValue().Set(names);
  }
}

// V8 asks for the indices separately and wants numbers only.
void IndexedEnumerator(const v8::PropertyCallbackInfo<v8::Array>& info) {
  SandboxContext* ctx = Unwrap(info.Data());
  v8::Local<v8::Context> context = ctx->context();
  v8::Local<v8::Array> keys;
  if (!ctx->sandbox()
           ->GetPropertyNames(context, v8::KeyCollectionMode::kOwnOnly,
                              v8::PropertyFilter::ALL_PROPERTIES, v8::IndexFilter::kIncludeIndices,
                              v8::KeyConversionMode::kKeepNumbers)
           .ToLocal(&keys)) {
    return;
  }
  std::vector<v8::Local<v8::Value>> indices;
  for (uint32_t i = 0; i < keys->Length(); i++) {
    v8::Local<v8::Value> key;
    if (!keys->Get(context, i).ToLocal(&key)) return;
    if (key->IsUint32()) indices.push_back(key);
  }
  info.GetReturnValue().Set(v8::Array::New(info.GetIsolate(), indices.data(), indices.size()));
}

void PropertyDefiner(v8::Local<v8::Name> property, const v8::PropertyDescriptor& desc,
                     const v8::PropertyCallbackInfo<v8::Value>& info) {
  SandboxContext* ctx = Unwrap(info.Data());
  v8::Local<v8::Context> context = ctx->context();
  v8::Isolate* isolate = context->GetIsolate();
  bool on_global = false;
  if (IsReadOnly(context, ctx->global_proxy(), property, &on_global)) return;
  auto define_on_sandbox = [&](v8::PropertyDescriptor* copy) {
    if (desc.has_enumerable()) copy->set_enumerable(desc.enumerable());
    if (desc.has_configurable()) copy->set_configurable(desc.configurable());
    USE(ctx->sandbox()->DefineProperty(context, property, *copy));
  };
  if (desc.has_get() || desc.has_set()) {
    v8::PropertyDescriptor copy(desc.has_get() ? desc.get() : v8::Undefined(isolate).As<v8::Value>(),
                                desc.has_set() ? desc.set() : v8::Undefined(isolate).As<v8::Value>());
    define_on_sandbox(&copy);
  } else {
    v8::Local<v8::Value> value =
        desc.has_value() ? desc.value() : v8::Undefined(isolate).As<v8::Value>();
    if (desc.has_writable()) {
      v8::PropertyDescriptor copy(value, desc.writable());
      define_on_sandbox(&copy);
    } else {
      v8::PropertyDescriptor copy(value);
      define_on_sandbox(&copy);
    }
  }
}

void PropertyDescriptorGetter(v8::Local<v8::Name> property,
                              const v8::PropertyCallbackInfo<v8::Value>& info) {
  SandboxContext* ctx = Unwrap(info.Data());
  v8::Local<v8::Context> context = ctx->context();
  v8::Local<v8::Object> sandbox = ctx->sandbox();
  bool has = false;
  if (!sandbox->HasOwnProperty(context, property).To(&has) || !has) return;
  v8::Local<v8::Value> desc;
  if (sandbox->GetOwnPropertyDescriptor(context, property).ToLocal(&desc)) {
    info.GetReturnValue().Set(desc);
  }
}

// Indexed properties (`this[0] = 1`) take the same paths with the index as a string key.
template <typename T>
v8::MaybeLocal<v8::String> IndexKey(const v8::PropertyCallbackInfo<T>& info, uint32_t index) {
  return v8::Uint32::NewFromUnsigned(info.GetIsolate(), index)
      ->ToString(Unwrap(info.Data())->context());
}

void IndexedGetter(uint32_t index, const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::String> key;
  if (IndexKey(info, index).ToLocal(&key)) PropertyGetter(key, info);
}
void IndexedSetter(uint32_t index, v8::Local<v8::Value> value,
                   const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::String> key;
  if (IndexKey(info, index).ToLocal(&key)) PropertySetter(key, value, info);
}
void IndexedQuery(uint32_t index, const v8::PropertyCallbackInfo<v8::Integer>& info) {
  v8::Local<v8::String> key;
  if (IndexKey(info, index).ToLocal(&key)) PropertyQuery(key, info);
}
void IndexedDeleter(uint32_t index, const v8::PropertyCallbackInfo<v8::Boolean>& info) {
  v8::Local<v8::String> key;
  if (IndexKey(info, index).ToLocal(&key)) PropertyDeleter(key, info);
}
void IndexedDefiner(uint32_t index, const v8::PropertyDescriptor& desc,
                    const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::String> key;
  if (IndexKey(info, index).ToLocal(&key)) PropertyDefiner(key, desc, info);
}
void IndexedDescriptor(uint32_t index, const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::String> key;
  if (IndexKey(info, index).ToLocal(&key)) PropertyDescriptorGetter(key, info);
}

v8::Local<v8::ObjectTemplate> NewGlobalTemplate(v8::Isolate* isolate,
                                                v8::Local<v8::External> data) {
  v8::Local<v8::ObjectTemplate> global = v8::ObjectTemplate::New(isolate);
  global->SetHandler(v8::NamedPropertyHandlerConfiguration(
      PropertyGetter, PropertySetter, PropertyQuery, PropertyDeleter, PropertyEnumerator,
      PropertyDefiner, PropertyDescriptorGetter, data));
  global->SetHandler(v8::IndexedPropertyHandlerConfiguration(
      IndexedGetter, IndexedSetter, IndexedQuery, IndexedDeleter, IndexedEnumerator,
      IndexedDefiner, IndexedDescriptor, data));
  return global;
}

// The ES2023 built-ins the main context gets at bootstrap, so both realms look like node 20's.
bool InstallBuiltinAdditions(v8::Local<v8::Context> context) {
  v8::Local<v8::Function> install;
  if (!builtins::Compile(context, "internal/bootstrap/es2023").ToLocal(&install)) return false;
  v8::Local<v8::Value> unused;
  return install->Call(context, v8::Undefined(context->GetIsolate()), 0, nullptr).ToLocal(&unused);
}

// codeGeneration.wasm: false refuses WebAssembly compilation in that context only.
bool AllowWasmCodeGeneration(v8::Local<v8::Context> context, v8::Local<v8::String>) {
  SandboxContext* ctx = SandboxContext::FromContext(context);
  return ctx == nullptr || ctx->allow_wasm();
}

// makeContext(sandbox, allowStrings, ownMicrotaskQueue, allowWasm): contextifies `sandbox`.
void MakeContext(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  if (!info[0]->IsObject()) return ThrowTypeError(env->isolate(), "sandbox must be an object");
  SandboxOptions options;
  options.allow_code_generation_from_strings = info[1]->BooleanValue(env->isolate());
  options.own_microtask_queue = info[2]->BooleanValue(env->isolate());
  options.allow_wasm_code_generation = !info[3]->IsFalse();
  if (SandboxContext::Create(env, info[0].As<v8::Object>(), options) != nullptr) {
    info.GetReturnValue().Set(info[0]);
  }
}

void IsContext(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  bool is_context =
      info[0]->IsObject() && SandboxContext::FromSandbox(env, info[0].As<v8::Object>()) != nullptr;
  info.GetReturnValue().Set(is_context);
}

}  // namespace

v8::Local<v8::Private> SandboxMarker(v8::Isolate* isolate) {
  return v8::Private::ForApi(isolate, OneByteString(isolate, "ringjs:vm:contextGlobal"));
}

SandboxContext* SandboxContext::Create(Environment* env, v8::Local<v8::Object> sandbox,
                                       const SandboxOptions& options) {
  v8::Isolate* isolate = env->isolate();
  v8::EscapableHandleScope scope(isolate);
  auto* ctx = new SandboxContext(isolate);
  v8::Local<v8::External> data = v8::External::New(isolate, ctx);
  if (options.own_microtask_queue) {
    ctx->microtask_queue_ = v8::MicrotaskQueue::New(isolate, v8::MicrotasksPolicy::kExplicit);
  }
  v8::Local<v8::Context> context =
      v8::Context::New(isolate, nullptr, NewGlobalTemplate(isolate, data), {}, {},
                       ctx->microtask_queue_.get());
  if (context.IsEmpty()) {
    delete ctx;
    ThrowError(isolate, "vm: could not create a context");
    return nullptr;
  }
  ctx->context_.Reset(isolate, context);
  ctx->context_.SetWeak(ctx, OnContextCollected, v8::WeakCallbackType::kParameter);
  ctx->sandbox_.Reset(isolate, sandbox);
  ctx->sandbox_.SetWeak();
  // Same origin as the main context: objects pass between the two without access checks.
  context->SetSecurityToken(env->context()->GetSecurityToken());
  env->AssignToContext(context);
  context->SetAlignedPointerInEmbedderData(kSandboxContextSlot, ctx);
  ctx->allow_wasm_ = options.allow_wasm_code_generation;
  if (!ctx->allow_wasm_) isolate->SetAllowWasmCodeGenerationCallback(AllowWasmCodeGeneration);
  if (!options.allow_code_generation_from_strings) {
    context->AllowCodeGenerationFromStrings(false);
    context->SetErrorMessageForCodeGenerationFromStrings(OneByteString(
        isolate, "Code generation from strings disallowed for this context"));
  }
  {
    v8::Context::Scope context_scope(context);
    if (!InstallBuiltinAdditions(context)) return nullptr;  // ctx goes with the context
  }
  // The two references that tie the lifetimes together (see the class comment).
  v8::Local<v8::Object> global = context->Global();
  if (sandbox->SetPrivate(env->context(), SandboxMarker(isolate), global).IsNothing() ||
      global->SetPrivate(context, SandboxMarker(isolate), sandbox).IsNothing()) {
    return nullptr;
  }
  return ctx;
}

SandboxContext* SandboxContext::FromSandbox(Environment* env, v8::Local<v8::Object> sandbox) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Value> global;
  if (!sandbox->GetPrivate(env->context(), SandboxMarker(isolate)).ToLocal(&global) ||
      !global->IsObject()) {
    return nullptr;
  }
  v8::Local<v8::Context> context;
  if (!global.As<v8::Object>()->GetCreationContext().ToLocal(&context)) return nullptr;
  return FromContext(context);
}

SandboxContext* SandboxContext::FromContext(v8::Local<v8::Context> context) {
  if (context->GetNumberOfEmbedderDataFields() <= static_cast<uint32_t>(kSandboxContextSlot)) {
    return nullptr;
  }
  return static_cast<SandboxContext*>(context->GetAlignedPointerFromEmbedderData(kSandboxContextSlot));
}

void SandboxContext::DrainOwnMicrotasks() {
  if (microtask_queue_) microtask_queue_->PerformCheckpoint(isolate_);
}

void SandboxContext::OnContextCollected(const v8::WeakCallbackInfo<SandboxContext>& data) {
  SandboxContext* ctx = data.GetParameter();
  ctx->context_.Reset();
  ctx->sandbox_.Reset();
  delete ctx;
}

void InitializeContexts(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "makeContext", MakeContext);
  SetMethod(context, target, "isContext", IsContext);
}

}  // namespace ringjs::contextify
