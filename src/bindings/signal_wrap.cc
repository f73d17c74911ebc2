// internalBinding('signal_wrap'): process.on('SIGINT', ...) and friends. Each watched signal
// number gets one loop Signal handle (signalfd); JS dispatches to the listeners.
#include <unordered_map>

#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::signal_wrap {
namespace {

class SignalData : public BindingData {
 public:
  explicit SignalData(Environment* env) : env_(env) {
    env->AddCleanupHook([this] {
      for (auto& entry : handles_) entry.second.release()->Close([]() {});
      handles_.clear();
    });
  }

  // Starts delivering `signum` to `callback(signum)`. Returns 0 or -errno.
  int Start(int signum, v8::Local<v8::Function> callback) {
    callback_.Reset(env_->isolate(), callback);
    if (handles_.count(signum) != 0) return 0;
    auto handle = std::make_unique<loop::Signal>(env_->loop());
    int err = handle->Start([this](int sig) { Deliver(sig); }, signum);
    if (err != 0) return err;
    // Listening for a signal does not keep the process alive, as in node.
    handle->Unref();
    handles_[signum] = std::move(handle);
    return 0;
  }

  void Stop(int signum) {
    auto it = handles_.find(signum);
    if (it == handles_.end()) return;
    // The close callback deletes the handle once the loop is done with it.
    loop::Signal* handle = it->second.release();
    handles_.erase(it);
    handle->Close([handle] { delete handle; });
  }

 private:
  void Deliver(int signum) {
    if (callback_.IsEmpty()) return;
    v8::Isolate* isolate = env_->isolate();
    CallbackScope scope(env_);
    v8::Local<v8::Value> arg = v8::Integer::New(isolate, signum);
    USE(scope.Call(callback_.Get(isolate), env_->process_object.Get(isolate), 1, &arg));
  }

  Environment* env_;
  v8::Global<v8::Function> callback_;
  std::unordered_map<int, std::unique_ptr<loop::Signal>> handles_;
};

SignalData* GetData(const v8::FunctionCallbackInfo<v8::Value>& info) {
  return Environment::From(info)->binding_data<SignalData>("signal_wrap");
}

// start(signum, callback) -> 0 or -errno.
void Start(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info[0]->IsInt32() || !info[1]->IsFunction()) {
    return ThrowTypeError(info.GetIsolate(), "start(signum, callback)");
  }
  info.GetReturnValue().Set(
      GetData(info)->Start(info[0].As<v8::Int32>()->Value(), info[1].As<v8::Function>()));
}

void Stop(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info[0]->IsInt32()) return ThrowTypeError(info.GetIsolate(), "stop(signum)");
  GetData(info)->Stop(info[0].As<v8::Int32>()->Value());
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  env->set_binding_data("signal_wrap", std::make_unique<SignalData>(env));
  SetMethod(context, target, "start", Start);
  SetMethod(context, target, "stop", Stop);
}

}  // namespace
}  // namespace ringjs::signal_wrap

RINGJS_BINDING(signal_wrap, ringjs::signal_wrap::Initialize)
