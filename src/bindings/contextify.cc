// internalBinding('contextify'): compiling user code (CommonJS wrappers, -e/-p scripts).
#include <memory>

#include "bindings/contextify_context.h"
#include "runtime/binding.h"
#include "runtime/code_cache.h"

namespace ringjs::contextify {
namespace {

v8::ScriptOrigin MakeOrigin(v8::Isolate* isolate, v8::Local<v8::Value> filename, int line_offset,
                            int column_offset) {
  return v8::ScriptOrigin(isolate, filename, line_offset, column_offset);
}

}  // namespace

v8::ScriptOrigin VmScriptOrigin(v8::Isolate* isolate, v8::Local<v8::Value> filename,
                                int line_offset, int column_offset, VmImportMode import_mode) {
  if (import_mode == VmImportMode::kDefaultLoader) {
    return MakeOrigin(isolate, filename, line_offset, column_offset);
  }
  v8::Local<v8::PrimitiveArray> host_options = v8::PrimitiveArray::New(isolate, 1);
  host_options->Set(isolate, 0, v8::Int32::New(isolate, static_cast<int32_t>(import_mode)));
  return v8::ScriptOrigin(isolate, filename, line_offset, column_offset, false, -1, {}, false,
                          false, false, host_options);
}

VmImportMode ToImportMode(v8::Local<v8::Value> value) {
  if (!value->IsInt32()) return VmImportMode::kDefaultLoader;
  int32_t mode = value.As<v8::Int32>()->Value();
  return mode < 0 ? VmImportMode::kDefaultLoader : static_cast<VmImportMode>(mode);
}

namespace {

// compileFunction(code, filename, params[], lineOffset = 0, columnOffset = 0,
//                 parsingSandbox = undefined, contextExtensions = undefined,
//                 importMode = 0, cachedData = undefined, produceCachedData = false): a
// function whose body is `code`, as vm.compileFunction. Throws the SyntaxError with the file's
// location. With cachedData the function gets cachedDataRejected; with produceCachedData,
// cachedDataProduced and cachedData (a Uint8Array).
void CompileFunction(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (info[5]->IsObject()) {
    SandboxContext* sandbox_context =
        SandboxContext::FromSandbox(Environment::From(info), info[5].As<v8::Object>());
    if (sandbox_context == nullptr) return ThrowTypeError(isolate, "not a contextified object");
    context = sandbox_context->context();
  }
  std::vector<v8::Local<v8::Object>> extensions;
  if (info[6]->IsArray()) {
    v8::Local<v8::Array> list = info[6].As<v8::Array>();
    for (uint32_t i = 0; i < list->Length(); i++) {
      v8::Local<v8::Value> extension;
      if (!list->Get(context, i).ToLocal(&extension)) return;
      if (!extension->IsObject()) return ThrowTypeError(isolate, "extensions must be objects");
      extensions.push_back(extension.As<v8::Object>());
    }
  }
  if (!info[0]->IsString() || !info[1]->IsString() || !info[2]->IsArray()) {
    return ThrowTypeError(isolate, "compileFunction(code, filename, params)");
  }
  v8::Local<v8::Array> param_array = info[2].As<v8::Array>();
  std::vector<v8::Local<v8::String>> params;
  for (uint32_t i = 0; i < param_array->Length(); i++) {
    v8::Local<v8::Value> param;
    if (!param_array->Get(context, i).ToLocal(&param)) return;
    if (!param->IsString()) return ThrowTypeError(isolate, "parameter names must be strings");
    params.push_back(param.As<v8::String>());
  }
  int line_offset = info[3]->IsInt32() ? info[3].As<v8::Int32>()->Value() : 0;
  int column_offset = info[4]->IsInt32() ? info[4].As<v8::Int32>()->Value() : 0;
  v8::ScriptCompiler::CachedData* cached = code_cache::BorrowFromView(info[8]);
  v8::ScriptCompiler::Source source(info[0].As<v8::String>(),
                                    VmScriptOrigin(isolate, info[1], line_offset, column_offset,
                                                   ToImportMode(info[7])),
                                    cached);  // owns `cached`
  v8::Local<v8::Function> fn;
  if (!v8::ScriptCompiler::CompileFunction(
           context, &source, params.size(), params.data(), extensions.size(), extensions.data(),
           cached ? v8::ScriptCompiler::kConsumeCodeCache : v8::ScriptCompiler::kNoCompileOptions)
           .ToLocal(&fn)) {
    return;
  }
  v8::Local<v8::Context> current = isolate->GetCurrentContext();
  if (cached != nullptr) {
    USE(fn->Set(current, OneByteString(isolate, "cachedDataRejected"),
                v8::Boolean::New(isolate, source.GetCachedData()->rejected)));
  } else if (info[9]->IsTrue()) {
    std::unique_ptr<v8::ScriptCompiler::CachedData> produced(
        v8::ScriptCompiler::CreateCodeCacheForFunction(fn));
    USE(fn->Set(current, OneByteString(isolate, "cachedDataProduced"),
                v8::Boolean::New(isolate, produced != nullptr)));
    if (produced) {
      USE(fn->Set(current, OneByteString(isolate, "cachedData"),
                  code_cache::CopyToUint8Array(isolate, produced.get())));
    }
  }
  info.GetReturnValue().Set(fn);
}

// runScript(code, filename): compiles and runs a classic script in this context (-e, -p).
void RunScript(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (!info[0]->IsString() || !info[1]->IsString()) {
    return ThrowTypeError(isolate, "runScript(code, filename)");
  }
  v8::ScriptOrigin origin = MakeOrigin(isolate, info[1], 0, 0);
  v8::Local<v8::Script> script;
  v8::Local<v8::Value> result;
  if (v8::Script::Compile(context, info[0].As<v8::String>(), &origin).ToLocal(&script) &&
      script->Run(context).ToLocal(&result)) {
    info.GetReturnValue().Set(result);
  }
}

// measureMemory(detailed, eager) -> a promise V8's default delegate resolves with
// { total, current?, other? } once a garbage collection has measured the contexts. JS validated.
void MeasureMemory(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(context).ToLocal(&resolver)) return;
  v8::MeasureMemoryMode mode =
      info[0]->IsTrue() ? v8::MeasureMemoryMode::kDetailed : v8::MeasureMemoryMode::kSummary;
  v8::MeasureMemoryExecution execution =
      info[1]->IsTrue() ? v8::MeasureMemoryExecution::kEager : v8::MeasureMemoryExecution::kDefault;
  isolate->MeasureMemory(v8::MeasureMemoryDelegate::Default(isolate, context, resolver, mode),
                         execution);
  info.GetReturnValue().Set(resolver->GetPromise());
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "compileFunction", CompileFunction);
  SetMethod(context, target, "measureMemory", MeasureMemory);
  SetMethod(context, target, "runScript", RunScript);
  InitializeContexts(env, target);
  InitializeScripts(env, target);
}

}  // namespace
}  // namespace ringjs::contextify

RINGJS_BINDING(contextify, ringjs::contextify::Initialize)
