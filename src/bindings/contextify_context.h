// vm contexts: a V8 context whose global object reads and writes through to a "sandbox" object
// (vm.createContext(sandbox)), and the lookup from a sandbox back to its context.
#ifndef RINGJS_BINDINGS_CONTEXTIFY_CONTEXT_H_
#define RINGJS_BINDINGS_CONTEXTIFY_CONTEXT_H_

#include <memory>

#include "runtime/binding.h"

namespace ringjs::contextify {

struct SandboxOptions {
  bool allow_code_generation_from_strings = true;
  bool allow_wasm_code_generation = true;
  bool own_microtask_queue = false;  // microtaskMode: 'afterEvaluate'
};

// Owned by the V8 heap: deleted when the context is collected. The context's global holds the
// sandbox and the sandbox holds the global, so both live exactly as long as either is reachable.
class SandboxContext {
 public:
  // Creates the context for `sandbox` and marks the sandbox; nullptr if V8 failed (exception
  // pending).
  static SandboxContext* Create(Environment* env, v8::Local<v8::Object> sandbox,
                                const SandboxOptions& options);
  // The context `sandbox` was contextified with, or nullptr.
  static SandboxContext* FromSandbox(Environment* env, v8::Local<v8::Object> sandbox);

  v8::Local<v8::Context> context() const { return context_.Get(isolate_); }
  v8::Local<v8::Object> sandbox() const { return sandbox_.Get(isolate_); }
  v8::Local<v8::Object> global_proxy() const { return context()->Global(); }
  bool allow_wasm() const { return allow_wasm_; }
  // The SandboxContext of a vm context, nullptr for any other context.
  static SandboxContext* FromContext(v8::Local<v8::Context> context);
  // Runs the context's own microtask queue, if it has one (microtaskMode 'afterEvaluate').
  void DrainOwnMicrotasks();

  SandboxContext(const SandboxContext&) = delete;
  SandboxContext& operator=(const SandboxContext&) = delete;

 private:
  explicit SandboxContext(v8::Isolate* isolate) : isolate_(isolate) {}
  static void OnContextCollected(const v8::WeakCallbackInfo<SandboxContext>& data);

  v8::Isolate* isolate_;
  bool allow_wasm_ = true;
  v8::Global<v8::Context> context_;
  v8::Global<v8::Object> sandbox_;
  std::unique_ptr<v8::MicrotaskQueue> microtask_queue_;
};

// How import() behaves in code vm compiled; the loader reads it from the script's
// host-defined options (internal/modules/esm/loader.js knows the same numbers).
enum class VmImportMode : int32_t {
  kDefaultLoader = 0,       // vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER, or the CJS loader
  kCallbackMissing = 1,     // no importModuleDynamically: ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING
  kNeedsVmModulesFlag = 2,  // a callback, which needs --experimental-vm-modules
  // 3 and up: the id of an importModuleDynamically callback (internal/vm/import_callbacks.js).
};

v8::ScriptOrigin VmScriptOrigin(v8::Isolate* isolate, v8::Local<v8::Value> filename,
                                int line_offset, int column_offset, VmImportMode import_mode);
VmImportMode ToImportMode(v8::Local<v8::Value> value);

// The private symbol that marks a contextified sandbox (value: the context's global proxy).
v8::Local<v8::Private> SandboxMarker(v8::Isolate* isolate);

void InitializeContexts(Environment* env, v8::Local<v8::Object> target);
void InitializeScripts(Environment* env, v8::Local<v8::Object> target);

}  // namespace ringjs::contextify

#endif  // RINGJS_BINDINGS_CONTEXTIFY_CONTEXT_H_
