#ifndef RINGJS_RUNTIME_ENVIRONMENT_H_
#define RINGJS_RUNTIME_ENVIRONMENT_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "loop/handle.h"
#include "loop/loop.h"
#include "runtime/cli_options.h"
#include "v8.h"

namespace ringjs {

// Per-binding state kept by the Environment (never in statics: a worker has its own).
class BindingData {
 public:
  virtual ~BindingData() = default;
};

// The thread a worker_threads Environment runs on (implemented by the worker binding). The main
// thread's Environment has none.
class WorkerHost {
 public:
  virtual ~WorkerHost() = default;
  // process.exit() / a fatal error in the worker: ends this thread's JS and event loop with
  // `code`, not the process.
  virtual void ExitThread(int code) = 0;
};

// Fields of the Int32Array shared with lib/js/internal/process/task_queues.js.
enum TickInfoField { kHasTickScheduled = 0, kHasRejectionToWarn, kTickInfoFieldCount };

// Everything one isolate/context pair needs: the loop, stored JS callbacks, the tick state,
// binding data. Reached from a V8 callback through Environment::From.
class Environment {
 public:
  Environment(v8::Isolate* isolate, v8::Local<v8::Context> context, loop::Loop* loop,
              const CliOptions& options);
  ~Environment();
  Environment(const Environment&) = delete;
  Environment& operator=(const Environment&) = delete;

  static Environment* From(v8::Local<v8::Context> context);
  // Makes From(context) find this Environment for a context vm created.
  void AssignToContext(v8::Local<v8::Context> context);
  static Environment* From(v8::Isolate* isolate) {
    return From(isolate->GetCurrentContext());
  }
  template <typename T>
  static Environment* From(const v8::FunctionCallbackInfo<T>& info) {
    return From(info.GetIsolate()->GetCurrentContext());
  }

  v8::Isolate* isolate() const { return isolate_; }
  v8::Local<v8::Context> context() const { return context_.Get(isolate_); }
  loop::Loop* loop() const { return loop_; }
  const CliOptions& options() const { return options_; }

  // Tick state, shared with JS without a call.
  int32_t* tick_info() { return tick_info_; }
  v8::Local<v8::Int32Array> tick_info_array() const { return tick_info_array_.Get(isolate_); }
  bool has_tick_scheduled() const { return tick_info_[kHasTickScheduled] != 0; }
  bool has_rejection_to_warn() const { return tick_info_[kHasRejectionToWarn] != 0; }

  // Callbacks the bootstrap JS hands to C++.
  v8::Global<v8::Function> tick_callback;
  v8::Global<v8::Function> promise_reject_callback;
  v8::Global<v8::Function> fatal_exception_callback;
  v8::Global<v8::Function> process_timers_callback;
  v8::Global<v8::Function> process_immediate_callback;
  v8::Global<v8::Function> inspect_error_callback;  // util.inspect for the fatal report.
  v8::Global<v8::Function> emit_before_exit;  // Emits process 'beforeExit'.
  v8::Global<v8::Function> emit_exit;         // Emits process 'exit' (once).
  v8::Global<v8::Object> process_object;
  v8::Global<v8::Function> builtin_require;   // require() over builtin ids (realm.js).
  v8::Global<v8::Function> internal_binding;  // internalBinding() with its cache (realm.js).

  // Depth of native -> JS entries (CallbackScope); ticks run when the outermost closes.
  int callback_depth = 0;

  // AsyncLocalStorage's context frames (lib/js/internal/async_context_frame.js), set once the
  // first AsyncLocalStorage is used: native callbacks then run in the frame their handle or
  // request was created in (callback_scope.h). Unset: no cost anywhere.
  bool async_context_enabled = false;
  v8::Global<v8::Object> async_context_state;     // JS { enabled, frame }
  v8::Global<v8::String> async_context_frame_key;  // 'frame'
  v8::Global<v8::Private> async_context_private;   // the frame captured on a resource

  // True once process.exit / a fatal error started tearing down: no more JS is run. Atomic:
  // a parent thread's worker.terminate() sets it on the worker's Environment.
  bool is_stopping() const { return stopping_.load(std::memory_order_relaxed); }
  void set_stopping() { stopping_.store(true, std::memory_order_relaxed); }

  // Set on a worker thread's Environment; nullptr on the main thread.
  WorkerHost* worker_host() const { return worker_host_; }
  void set_worker_host(WorkerHost* host) { worker_host_ = host; }
  bool is_main_thread() const { return worker_host_ == nullptr; }

  // Exit code as set by process.exitCode (kept in JS); read through the process object.
  int GetExitCode(int default_code);

  template <typename T>
  T* binding_data(const char* name) {
    auto it = binding_data_.find(name);
    return it == binding_data_.end() ? nullptr : static_cast<T*>(it->second.get());
  }
  template <typename T>
  T* set_binding_data(const char* name, std::unique_ptr<T> data) {
    T* raw = data.get();
    binding_data_[name] = std::move(data);
    return raw;
  }

  // Cache of internalBinding(name) objects.
  std::unordered_map<std::string, v8::Global<v8::Object>> binding_cache;

  // Called at teardown in reverse order (handles that must be closed before the loop dies).
  void AddCleanupHook(std::function<void()> hook) { cleanup_hooks_.push_back(std::move(hook)); }
  void RunCleanupHooks();

 private:
  v8::Isolate* isolate_;
  v8::Global<v8::Context> context_;
  loop::Loop* loop_;
  const CliOptions& options_;
  v8::Global<v8::Int32Array> tick_info_array_;
  int32_t* tick_info_ = nullptr;
  std::atomic<bool> stopping_{false};
  WorkerHost* worker_host_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<BindingData>> binding_data_;
  std::vector<std::function<void()>> cleanup_hooks_;
  // Runs V8's foreground tasks (FinalizationRegistry cleanups among them) once per turn, in the
  // check phase ahead of the JS immediates, as node runs its platform tasks and native
  // immediates first.
  loop::Check platform_tasks_;
};

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_ENVIRONMENT_H_
