// internalBinding('worker'): worker_threads.Worker's native side, and what a worker thread's JS
// asks about itself (thread id, its end of the internal channel, resource limits).
//
// Each Worker is a thread with its own loop, isolate, context and Environment, bootstrapped as
// the main thread is, whose entry is lib/js/internal/worker/main.js. Parent and worker talk over
// an internal MessagePort pair (control messages, stdio, the public port in LOAD_SCRIPT). The
// parent learns that the thread ended through an Async handle on its own loop, which keeps the
// parent alive while the worker is referenced.
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>

#include "bindings/messaging.h"
#include "loop/signal.h"
#include "runtime/binding.h"
#include "runtime/bootstrap.h"
#include "runtime/callback_scope.h"
#include "runtime/runtime.h"
#include "runtime/v8_host.h"

namespace ringjs::worker {
namespace {

constexpr const char kBindingName[] = "worker";
constexpr double kMB = 1024 * 1024;
// Room V8 keeps between its stack limit and the end of the thread's stack (native frames).
constexpr size_t kStackBufferSize = 192 * 1024;

// resourceLimits fields, in this order in the Float64Array JS passes (as node).
enum ResourceLimit {
  kMaxYoungGenerationSizeMb = 0,
  kMaxOldGenerationSizeMb,
  kCodeRangeSizeMb,
  kStackSizeMb,
  kResourceLimitCount
};
constexpr double kDefaultStackSizeMb = 4;

// Thread ids are process-wide; the main thread is 0.
std::atomic<uint64_t> next_thread_id{1};

class Worker;

class WorkerData : public BindingData {
 public:
  v8::Global<v8::FunctionTemplate> worker_template;
  std::unordered_set<Worker*> running;  // Started on this Environment, exit not yet seen.
};

WorkerData* GetData(Environment* env) { return env->binding_data<WorkerData>(kBindingName); }

class Worker final : public WorkerHost {
 public:
  Worker(Environment* parent, v8::Local<v8::Object> object, CliOptions options,
         const double* limits, std::string name)
      : parent_(parent), object_(parent->isolate(), object), options_(std::move(options)),
        name_(std::move(name)), thread_id_(next_thread_id.fetch_add(1)) {
    for (int i = 0; i < kResourceLimitCount; i++) limits_[i] = limits[i];
    object->SetAlignedPointerInInternalField(0, this);
    auto [parent_end, child_end] = messaging::NewPortPair();
    parent_port_data_ = std::move(parent_end);
    child_port_data_ = std::move(child_end);
  }

  // `value` is a Worker object (the methods' signature checked it).
  static Worker* Unwrap(v8::Local<v8::Value> value) {
    return static_cast<Worker*>(value.As<v8::Object>()->GetAlignedPointerFromInternalField(0));
  }

  uint64_t thread_id() const { return thread_id_; }
  const std::string& name() const { return name_; }
  const double* limits() const { return limits_; }

  // The parent's end of the internal channel, as a MessagePort of the parent (once).
  std::shared_ptr<messaging::PortData> TakeParentPortData() { return std::move(parent_port_data_); }
  // The worker's end, for its internal/worker/main.js (once).
  std::shared_ptr<messaging::PortData> TakeChildPortData() { return std::move(child_port_data_); }

  // Parent thread. Returns false when the thread could not be created.
  bool StartThread() {
    exit_async_ = new loop::Async(parent_->loop(), [this] { OnThreadExit(); });
    if (!referenced_) exit_async_->Unref();
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    size_t stack_size = static_cast<size_t>(limits_[kStackSizeMb] * kMB) + kStackBufferSize;
    pthread_attr_setstacksize(&attr, stack_size);
    int err;
    {
      // The thread starts with every signal blocked: process signals stay with the main loop.
      loop::ScopedBlockSignals block_signals;
      err = pthread_create(&thread_, &attr, ThreadMain, this);
    }
    pthread_attr_destroy(&attr);
    if (err != 0) {
      exit_async_->Close([async = exit_async_] { delete async; });
      exit_async_ = nullptr;
      return false;
    }
    GetData(parent_)->running.insert(this);
    return true;
  }

  // Any thread: worker.terminate(). The worker's JS stops at once, its loop after this turn.
  void Terminate() {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_requested_ = true;
    if (child_env_ == nullptr) return;
    SetExitCode(1);
    child_env_->set_stopping();
    child_isolate_->TerminateExecution();
    stop_async_->Send();
  }

  // Worker thread: process.exit(code) or the end of a fatal error.
  void ExitThread(int code) override {
    SetExitCode(code);
    child_env_->set_stopping();
    child_isolate_->TerminateExecution();
    child_env_->loop()->Stop();
  }

  void Ref() {
    referenced_ = true;
    if (exit_async_ != nullptr) exit_async_->Ref();
  }
  void Unref() {
    referenced_ = false;
    if (exit_async_ != nullptr) exit_async_->Unref();
  }
  bool HasRef() const { return exit_async_ != nullptr && exit_async_->HasRef(); }

  // Parent Environment teardown: the thread is stopped and joined, nothing more reaches JS.
  void Abandon() {
    Terminate();
    pthread_join(thread_, nullptr);
    Finish();
  }

 private:
  static void* ThreadMain(void* arg) {
    static_cast<Worker*>(arg)->Run();
    return nullptr;
  }

  void SetExitCode(int code) {
    int unset = kExitCodeUnset;
    exit_code_.compare_exchange_strong(unset, code);
  }

  // The near-heap-limit callback: the worker ends with ERR_WORKER_OUT_OF_MEMORY instead of the
  // whole process dying; V8 gets a little room to unwind.
  static size_t OnNearHeapLimit(void* data, size_t current_limit, size_t initial_limit) {
    auto* self = static_cast<Worker*>(data);
    self->out_of_memory_ = true;
    self->Terminate();
    return current_limit + 32 * 1024 * 1024;
  }

  v8::ResourceConstraints Constraints() {
    v8::ResourceConstraints constraints;
    constraints.ConfigureDefaults(static_cast<uint64_t>(sysconf(_SC_PHYS_PAGES)) *
                                      static_cast<uint64_t>(sysconf(_SC_PAGESIZE)),
                                  0);
    if (limits_[kMaxYoungGenerationSizeMb] > 0) {
      constraints.set_max_young_generation_size_in_bytes(
          static_cast<size_t>(limits_[kMaxYoungGenerationSizeMb] * kMB));
    }
    if (limits_[kMaxOldGenerationSizeMb] > 0) {
      constraints.set_max_old_generation_size_in_bytes(
          static_cast<size_t>(limits_[kMaxOldGenerationSizeMb] * kMB));
    }
    if (limits_[kCodeRangeSizeMb] > 0) {
      constraints.set_code_range_size_in_bytes(
          static_cast<size_t>(limits_[kCodeRangeSizeMb] * kMB));
    }
    // What the worker reports as its resourceLimits.
    limits_[kMaxYoungGenerationSizeMb] =
        static_cast<double>(constraints.max_young_generation_size_in_bytes()) / kMB;
    limits_[kMaxOldGenerationSizeMb] =
        static_cast<double>(constraints.max_old_generation_size_in_bytes()) / kMB;
    limits_[kCodeRangeSizeMb] = static_cast<double>(constraints.code_range_size_in_bytes()) / kMB;
    return constraints;
  }

  // The worker thread, from loop creation to isolate disposal.
  void Run() {
    std::unique_ptr<loop::Loop> loop = loop::Loop::Create();
    if (!loop) {
      init_failed_ = true;
      SetExitCode(1);
      exit_async_->Send();
      return;
    }
    v8::ResourceConstraints constraints = Constraints();
    v8::Isolate* isolate = V8Host::NewIsolate(&constraints);
    char stack_marker;
    isolate->SetStackLimit(reinterpret_cast<uintptr_t>(&stack_marker) -
                           static_cast<uintptr_t>(limits_[kStackSizeMb] * kMB));
    isolate->AddNearHeapLimitCallback(OnNearHeapLimit, this);
    {
      v8::Isolate::Scope isolate_scope(isolate);
      v8::HandleScope handle_scope(isolate);
      v8::Local<v8::Context> context = v8::Context::New(isolate);
      v8::Context::Scope context_scope(context);
      Environment env(isolate, context, loop.get(), options_);
      env.set_worker_host(this);
      auto* stop_async = new loop::Async(loop.get(), [&loop] { loop->Stop(); });
      stop_async->Unref();
      {
        std::lock_guard<std::mutex> lock(mutex_);
        child_env_ = &env;
        child_isolate_ = isolate;
        stop_async_ = stop_async;
        if (stop_requested_) {
          SetExitCode(1);
          env.set_stopping();
        }
      }
      if (!env.is_stopping()) {
        if (Bootstrap(&env)) {
          RunEntryPoint(&env, "internal/worker/main");
          SpinEventLoop(&env);
          EmitProcessExit(&env);
          if (!env.is_stopping()) SetExitCode(env.GetExitCode(0));
        } else {
          SetExitCode(1);
        }
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        child_env_ = nullptr;
        child_isolate_ = nullptr;
        stop_async_ = nullptr;
      }
      env.set_stopping();
      env.RunCleanupHooks();
      stop_async->Close([stop_async] { delete stop_async; });
      // Close callbacks of what the cleanup hooks closed.
      loop->Run(loop::RunMode::kNoWait);
    }
    V8Host::DisposeIsolate(isolate);
    loop.reset();
    // The last touch of `this` from this thread.
    exit_async_->Send();
  }

  // Parent thread, once the worker thread is done.
  void OnThreadExit() {
    pthread_join(thread_, nullptr);
    GetData(parent_)->running.erase(this);
    v8::Isolate* isolate = parent_->isolate();
    int code = exit_code_.load();
    if (code == kExitCodeUnset) code = 0;
    const char* error_code = nullptr;
    const char* error_message = nullptr;
    if (out_of_memory_) {
      error_code = "ERR_WORKER_OUT_OF_MEMORY";
      error_message = "JS heap out of memory";
    } else if (init_failed_) {
      error_code = "ERR_WORKER_INIT_FAILED";
      error_message = "cannot create the event loop";
    }
    {
      CallbackScope scope(parent_);
      v8::Local<v8::Object> object = object_.Get(isolate);
      v8::Local<v8::Value> onexit;
      if (object->Get(parent_->context(), OneByteString(isolate, "onexit")).ToLocal(&onexit) &&
          onexit->IsFunction()) {
        auto string_or_undefined = [isolate](const char* text) -> v8::Local<v8::Value> {
          if (text == nullptr) return v8::Undefined(isolate);
          return OneByteString(isolate, text);
        };
        v8::Local<v8::Value> args[] = {v8::Integer::New(isolate, code),
                                       string_or_undefined(error_code),
                                       string_or_undefined(error_message)};
        USE(scope.Call(onexit.As<v8::Function>(), object, 3, args));
      }
    }
    Finish();
  }

  // Parent thread: drops the handle and the object.
  void Finish() {
    if (exit_async_ != nullptr) {
      exit_async_->Close([async = exit_async_] { delete async; });
      exit_async_ = nullptr;
    }
    if (WorkerData* data = GetData(parent_)) data->running.erase(this);
    if (!object_.IsEmpty()) {
      v8::HandleScope scope(parent_->isolate());
      object_.Get(parent_->isolate())->SetAlignedPointerInInternalField(0, nullptr);
      object_.Reset();
    }
    messaging::CloseDetachedPort(child_port_data_);
    delete this;
  }

  static constexpr int kExitCodeUnset = INT32_MIN;

  Environment* parent_;
  v8::Global<v8::Object> object_;
  const CliOptions options_;
  const std::string name_;
  const uint64_t thread_id_;
  double limits_[kResourceLimitCount];
  std::shared_ptr<messaging::PortData> parent_port_data_;
  std::shared_ptr<messaging::PortData> child_port_data_;
  pthread_t thread_{};
  bool referenced_ = true;
  loop::Async* exit_async_ = nullptr;  // On the parent's loop.
  std::atomic<int> exit_code_{kExitCodeUnset};
  std::atomic<bool> out_of_memory_{false};
  std::atomic<bool> init_failed_{false};

  // What Terminate() may touch on the worker thread, while it exists.
  std::mutex mutex_;
  bool stop_requested_ = false;
  Environment* child_env_ = nullptr;
  v8::Isolate* child_isolate_ = nullptr;
  loop::Async* stop_async_ = nullptr;
};

Worker* WorkerArg(const v8::FunctionCallbackInfo<v8::Value>& info) {
  return Worker::Unwrap(info.This());
}

std::vector<std::string> ToStringList(v8::Isolate* isolate, v8::Local<v8::Context> context,
                                      v8::Local<v8::Value> value) {
  std::vector<std::string> list;
  if (!value->IsArray()) return list;
  v8::Local<v8::Array> array = value.As<v8::Array>();
  for (uint32_t i = 0; i < array->Length(); i++) {
    v8::Local<v8::Value> item;
    if (array->Get(context, i).ToLocal(&item)) list.push_back(ToStdString(isolate, item));
  }
  return list;
}

// new Worker(execArgv | undefined, resourceLimits: Float64Array(4), name). JS validated all.
void New(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = env->context();
  if (!info.IsConstructCall()) return ThrowTypeError(isolate, "Class constructor Worker cannot be invoked without 'new'");
  CliOptions options;
  options.entry = EntryKind::kNone;
  options.exec_path = env->options().exec_path;
  options.argv0 = env->options().argv0;
  options.exec_argv =
      info[0]->IsArray() ? ToStringList(isolate, context, info[0]) : env->options().exec_argv;
  double limits[kResourceLimitCount] = {-1, -1, -1, kDefaultStackSizeMb};
  if (info[1]->IsFloat64Array()) {
    v8::Local<v8::Float64Array> array = info[1].As<v8::Float64Array>();
    if (array->Length() == kResourceLimitCount) {
      array->CopyContents(limits, sizeof(limits));
      if (!(limits[kStackSizeMb] > 0)) limits[kStackSizeMb] = kDefaultStackSizeMb;
    }
  }
  std::string name = info[2]->IsString() ? ToStdString(isolate, info[2]) : std::string();
  auto* worker = new Worker(env, info.This(), std::move(options), limits, std::move(name));
  SetValue(context, info.This(), "threadId",
           v8::Number::New(isolate, static_cast<double>(worker->thread_id())));
  v8::Local<v8::Object> port;
  if (!messaging::NewMessagePort(env, worker->TakeParentPortData()).ToLocal(&port)) return;
  SetValue(context, info.This(), "messagePort", port);
}

void StartThread(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Worker* worker = WorkerArg(info);
  if (worker == nullptr) return;
  if (!worker->StartThread()) {
    ThrowError(info.GetIsolate(), "cannot create the worker thread");
  }
}

void StopThread(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (Worker* worker = WorkerArg(info)) worker->Terminate();
}

void Ref(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (Worker* worker = WorkerArg(info)) worker->Ref();
}

void Unref(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (Worker* worker = WorkerArg(info)) worker->Unref();
}

// undefined once the thread's exit was handled (node's handle is gone by then).
void HasRef(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Worker* worker = WorkerArg(info);
  if (worker != nullptr) info.GetReturnValue().Set(worker->HasRef());
}

// In a worker: its end of the internal channel (first call only), else undefined.
void GetParentPort(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  auto* worker = static_cast<Worker*>(env->worker_host());
  if (worker == nullptr) return;
  std::shared_ptr<messaging::PortData> data = worker->TakeChildPortData();
  if (!data) return;
  v8::Local<v8::Object> port;
  if (messaging::NewMessagePort(env, std::move(data)).ToLocal(&port)) {
    info.GetReturnValue().Set(port);
  }
}

v8::Local<v8::Float64Array> LimitsArray(v8::Isolate* isolate, const double* limits) {
  v8::Local<v8::ArrayBuffer> buffer =
      v8::ArrayBuffer::New(isolate, sizeof(double) * kResourceLimitCount);
  std::memcpy(buffer->GetBackingStore()->Data(), limits, sizeof(double) * kResourceLimitCount);
  return v8::Float64Array::New(buffer, 0, kResourceLimitCount);
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  auto* data = env->set_binding_data(kBindingName, std::make_unique<WorkerData>());
  env->AddCleanupHook([data] {
    std::vector<Worker*> workers(data->running.begin(), data->running.end());
    for (Worker* worker : workers) worker->Abandon();
  });

  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, New);
  tmpl->SetClassName(OneByteString(isolate, "Worker"));
  tmpl->InstanceTemplate()->SetInternalFieldCount(1);
  // SetProtoMethod's signature makes V8 refuse any other receiver, so Unwrap only sees Workers.
  auto proto_method = [&](const char* name, v8::FunctionCallback callback) {
    SetProtoMethod(isolate, tmpl, name, callback);
  };
  proto_method("startThread", StartThread);
  proto_method("stopThread", StopThread);
  proto_method("ref", Ref);
  proto_method("unref", Unref);
  proto_method("hasRef", HasRef);
  data->worker_template.Reset(isolate, tmpl);
  v8::Local<v8::Function> ctor;
  if (tmpl->GetFunction(context).ToLocal(&ctor)) SetValue(context, target, "Worker", ctor);

  auto* worker = static_cast<Worker*>(env->worker_host());
  SetValue(context, target, "isMainThread", v8::Boolean::New(isolate, worker == nullptr));
  SetValue(context, target, "threadId",
           v8::Number::New(isolate, worker ? static_cast<double>(worker->thread_id()) : 0));
  SetValue(context, target, "name", Utf8String(isolate, worker ? worker->name() : ""));
  if (worker != nullptr) {
    SetValue(context, target, "resourceLimits", LimitsArray(isolate, worker->limits()));
  }
  SetMethod(context, target, "getParentPort", GetParentPort);
  SetConstant(context, target, "kMaxYoungGenerationSizeMb", kMaxYoungGenerationSizeMb);
  SetConstant(context, target, "kMaxOldGenerationSizeMb", kMaxOldGenerationSizeMb);
  SetConstant(context, target, "kCodeRangeSizeMb", kCodeRangeSizeMb);
  SetConstant(context, target, "kStackSizeMb", kStackSizeMb);
  SetConstant(context, target, "kTotalResourceLimitCount", kResourceLimitCount);
}

}  // namespace
}  // namespace ringjs::worker

RINGJS_BINDING(worker, ringjs::worker::Initialize)
