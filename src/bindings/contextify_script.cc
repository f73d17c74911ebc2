// vm.Script: a compiled script that can run in the main context or in any vm context, with an
// optional timeout (a watchdog thread terminates execution) and V8 code cache in and out.
#include "bindings/contextify_context.h"
#include "runtime/code_cache.h"
#include "runtime/error_report.h"
#include "runtime/watchdog.h"

namespace ringjs::contextify {
namespace {

// Owned by its JS object (internal field 0); freed when that object is collected.
struct CompiledScript {
  v8::Global<v8::Object> object;
  v8::Global<v8::UnboundScript> script;

  static void OnCollected(const v8::WeakCallbackInfo<CompiledScript>& data) {
    CompiledScript* compiled = data.GetParameter();
    compiled->object.Reset();
    delete compiled;
  }
};

CompiledScript* Unwrap(v8::Local<v8::Value> receiver) {
  if (!receiver->IsObject() || receiver.As<v8::Object>()->InternalFieldCount() < 1) return nullptr;
  return static_cast<CompiledScript*>(
      receiver.As<v8::Object>()->GetAlignedPointerFromInternalField(0));
}

// node's decorateErrorStack: "file:line\nsource\n   ^\n\n" before the stack of a thrown object.
void DecorateErrorStack(v8::Isolate* isolate, v8::Local<v8::Context> context,
                        const v8::TryCatch& try_catch) {
  v8::Local<v8::Value> exception = try_catch.Exception();
  if (!exception->IsObject() || try_catch.Message().IsEmpty()) return;
  std::string arrow = GetArrowString(isolate, context, try_catch.Message());
  if (arrow.empty()) return;
  v8::Local<v8::Object> error = exception.As<v8::Object>();
  v8::Local<v8::String> stack_key = OneByteString(isolate, "stack");
  v8::Local<v8::Value> stack;
  if (!error->Get(context, stack_key).ToLocal(&stack) || !stack->IsString()) return;
  std::string decorated = arrow + "\n" + ToStdString(isolate, stack);
  USE(error->Set(context, stack_key, Utf8String(isolate, decorated)));
}

void SetCacheProperties(v8::Isolate* isolate, v8::Local<v8::Context> context,
                        v8::Local<v8::Object> self, v8::Local<v8::UnboundScript> script,
                        v8::ScriptCompiler::Source& source, bool consumed, bool produce);

// new CompiledScript(code, filename, lineOffset, columnOffset, cachedData | undefined,
//                    produceCachedData, importMode): throws the SyntaxError (decorated) on bad code.
void New(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (!info.IsConstructCall() || !info[0]->IsString() || !info[1]->IsString()) {
    return ThrowTypeError(isolate, "new CompiledScript(code, filename, ...)");
  }
  v8::ScriptOrigin origin =
      VmScriptOrigin(isolate, info[1], info[2]->Int32Value(context).FromMaybe(0),
                     info[3]->Int32Value(context).FromMaybe(0), ToImportMode(info[6]));
  v8::ScriptCompiler::CachedData* cached = code_cache::BorrowFromView(info[4]);
  v8::ScriptCompiler::Source source(info[0].As<v8::String>(), origin, cached);  // owns `cached`
  v8::ScriptCompiler::CompileOptions options =
      cached ? v8::ScriptCompiler::kConsumeCodeCache : v8::ScriptCompiler::kNoCompileOptions;
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::UnboundScript> script;
  if (!v8::ScriptCompiler::CompileUnboundScript(isolate, &source, options).ToLocal(&script)) {
    DecorateErrorStack(isolate, context, try_catch);
    try_catch.ReThrow();
    return;
  }
  v8::Local<v8::Object> self = info.This();
  auto* compiled = new CompiledScript();
  compiled->script.Reset(isolate, script);
  compiled->object.Reset(isolate, self);
  compiled->object.SetWeak(compiled, CompiledScript::OnCollected, v8::WeakCallbackType::kParameter);
  self->SetAlignedPointerInInternalField(0, compiled);
  SetCacheProperties(isolate, context, self, script, source, cached != nullptr, info[5]->IsTrue());
  // "//# sourceMappingURL=..." in the code, else undefined.
  USE(self->Set(context, OneByteString(isolate, "sourceMapURL"), script->GetSourceMappingURL()));
}

// cachedDataRejected when a cache was offered; cachedData + cachedDataProduced when asked for.
void SetCacheProperties(v8::Isolate* isolate, v8::Local<v8::Context> context,
                        v8::Local<v8::Object> self, v8::Local<v8::UnboundScript> script,
                        v8::ScriptCompiler::Source& source, bool consumed, bool produce) {
  if (consumed) {
    USE(self->Set(context, OneByteString(isolate, "cachedDataRejected"),
                  v8::Boolean::New(isolate, source.GetCachedData()->rejected)));
  } else if (produce) {
    std::unique_ptr<v8::ScriptCompiler::CachedData> produced(
        v8::ScriptCompiler::CreateCodeCache(script));
    bool ok = produced != nullptr;
    if (ok) {
      USE(self->Set(context, OneByteString(isolate, "cachedData"),
                    code_cache::CopyToUint8Array(isolate, produced.get())));
    }
    USE(self->Set(context, OneByteString(isolate, "cachedDataProduced"),
                  v8::Boolean::New(isolate, ok)));
  }
}

// createCachedData(): the V8 code cache of the script as it is now (lazy functions compiled
// since the first run are included).
void CreateCachedData(const v8::FunctionCallbackInfo<v8::Value>& info) {
  CompiledScript* compiled = Unwrap(info.This());
  if (compiled == nullptr) return ThrowTypeError(info.GetIsolate(), "Illegal invocation");
  v8::Isolate* isolate = info.GetIsolate();
  std::unique_ptr<v8::ScriptCompiler::CachedData> data(
      v8::ScriptCompiler::CreateCodeCache(compiled->script.Get(isolate)));
  info.GetReturnValue().Set(code_cache::CopyToUint8Array(isolate, data.get()));
}

void SetOutcome(v8::Local<v8::Context> context, v8::Local<v8::Array> slot,
                Watchdog::Outcome outcome) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::String> name = outcome == Watchdog::Outcome::kTimedOut
                                   ? OneByteString(isolate, "timeout")
                                   : OneByteString(isolate, "SIGINT");
  USE(slot->Set(context, 0, name));
}

// run(sandbox | null, timeoutMs (-1: none), displayErrors, outcome, breakOnSigint): runs in
// the sandbox's context or the current one. outcome[0] becomes 'timeout' or 'SIGINT' when the
// watchdog stopped the script (the caller throws ERR_SCRIPT_EXECUTION_TIMEOUT or
// ERR_SCRIPT_EXECUTION_INTERRUPTED then).
void Run(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  CompiledScript* compiled = Unwrap(info.This());
  if (compiled == nullptr || !info[3]->IsArray()) {
    return ThrowTypeError(isolate, "run(sandbox, timeout, displayErrors, outcome)");
  }
  SandboxContext* sandbox_context = nullptr;
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (info[0]->IsObject()) {
    sandbox_context = SandboxContext::FromSandbox(env, info[0].As<v8::Object>());
    if (sandbox_context == nullptr) return ThrowTypeError(isolate, "not a contextified object");
    context = sandbox_context->context();
  }
  int64_t timeout = info[1]->IsNumber() ? static_cast<int64_t>(info[1].As<v8::Number>()->Value())
                                        : -1;
  bool display_errors = info[2]->IsTrue();

  v8::Context::Scope context_scope(context);
  v8::Local<v8::Script> script = compiled->script.Get(isolate)->BindToCurrentContext();
  v8::TryCatch try_catch(isolate);
  v8::MaybeLocal<v8::Value> result;
  // A context's own microtask queue (microtaskMode 'afterEvaluate') drains within the timeout.
  Watchdog::Outcome outcome = RunWatched(isolate, timeout, info[4]->IsTrue(), [&] {
    result = script->Run(context);
    if (sandbox_context != nullptr && !result.IsEmpty()) sandbox_context->DrainOwnMicrotasks();
  });
  if (outcome != Watchdog::Outcome::kNone) {
    return SetOutcome(env->context(), info[3].As<v8::Array>(), outcome);
  }
  v8::Local<v8::Value> value;
  if (!result.ToLocal(&value)) {
    if (try_catch.HasTerminated()) return;  // process.exit() inside the script
    if (display_errors) DecorateErrorStack(isolate, context, try_catch);
    try_catch.ReThrow();
    return;
  }
  info.GetReturnValue().Set(value);
}

}  // namespace

void InitializeScripts(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, New);
  tmpl->SetClassName(OneByteString(isolate, "CompiledScript"));
  tmpl->InstanceTemplate()->SetInternalFieldCount(1);
  v8::Local<v8::ObjectTemplate> proto = tmpl->PrototypeTemplate();
  proto->Set(isolate, "run", v8::FunctionTemplate::New(isolate, Run));
  proto->Set(isolate, "createCachedData", v8::FunctionTemplate::New(isolate, CreateCachedData));
  v8::Local<v8::Function> constructor;
  if (tmpl->GetFunction(context).ToLocal(&constructor)) {
    USE(target->Set(context, OneByteString(isolate, "CompiledScript"), constructor));
  }
}

}  // namespace ringjs::contextify
