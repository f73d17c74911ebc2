// internalBinding('timers'): node's timer design. JS keeps the timer lists; C++ keeps one loop
// timer armed for the earliest deadline and calls processTimers(now) when it fires.
// setImmediate runs from a check handle; an idle handle keeps poll from blocking while a
// referenced immediate is queued.
#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::timers {
namespace {

// Fields of immediateInfo, shared with lib/js/internal/timers.js.
enum ImmediateInfoField { kCount = 0, kRefCount, kHasOutstanding, kImmediateInfoFieldCount };

class TimersData : public BindingData {
 public:
  explicit TimersData(Environment* env)
      : env_(env), timer_(env->loop()), check_(env->loop()), idle_(env->loop()) {
    v8::Isolate* isolate = env->isolate();
    v8::Local<v8::ArrayBuffer> buffer =
        v8::ArrayBuffer::New(isolate, sizeof(uint32_t) * kImmediateInfoFieldCount);
    immediate_info_ = static_cast<uint32_t*>(buffer->GetBackingStore()->Data());
    for (int i = 0; i < kImmediateInfoFieldCount; i++) immediate_info_[i] = 0;
    immediate_info_array_.Reset(isolate,
                                v8::Uint32Array::New(buffer, 0, kImmediateInfoFieldCount));
    check_.Start([this] { RunImmediates(); });
    check_.Unref();
    // As node: the timer handle starts unreferenced; toggleTimerRef(true) refs it when the
    // first referenced Timeout appears. A Timeout created unref'd (timers/promises with
    // ref: false) must not keep the loop alive.
    timer_.Unref();
    env->AddCleanupHook([this] {
      timer_.Close(nullptr);
      check_.Close(nullptr);
      idle_.Close(nullptr);
    });
  }

  void ScheduleTimer(int64_t duration) {
    timer_.Start([this] { RunTimers(); }, static_cast<uint64_t>(duration < 1 ? 1 : duration), 0);
  }

  void ToggleTimerRef(bool ref) {
    if (ref) {
      timer_.Ref();
    } else {
      timer_.Unref();
    }
  }

  void ToggleImmediateRef(bool ref) {
    if (ref) {
      idle_.Start([] {});
    } else {
      idle_.Stop();
    }
  }

  v8::Local<v8::Uint32Array> immediate_info() const {
    return immediate_info_array_.Get(env_->isolate());
  }

 private:
  // processTimers(now) returns the next expiry: 0 none, > 0 referenced, < 0 unreferenced. If a
  // timer callback throws and a listener handles it, the rest of the due timers run at once, as
  // node's RunTimers does. As there, the native timer is re-armed (and ref'd or unref'd) before
  // the callback scope closes: a timer created by a tick or microtask the callbacks queued then
  // re-arms it for its own, earlier deadline instead of being overridden afterwards.
  void RunTimers() {
    if (env_->process_timers_callback.IsEmpty()) return;
    v8::Isolate* isolate = env_->isolate();
    CallbackScope scope(env_);
    // The current time, as node's GetNow: refreshed once, the same for every retry.
    env_->loop()->UpdateTime();
    v8::Local<v8::Value> now =
        v8::Number::New(isolate, static_cast<double>(env_->loop()->Now()));
    v8::Local<v8::Value> result;
    do {
      if (env_->is_stopping()) return;
      result = scope
                   .Call(env_->process_timers_callback.Get(isolate),
                         env_->process_object.Get(isolate), 1, &now)
                   .FromMaybe(v8::Local<v8::Value>());
    } while (result.IsEmpty());
    if (env_->is_stopping() || !result->IsNumber()) return;
    double next = result.As<v8::Number>()->Value();
    if (next == 0) {
      ToggleTimerRef(false);
      return;
    }
    double abs_next = next < 0 ? -next : next;
    double delay = abs_next - static_cast<double>(env_->loop()->Now());
    ScheduleTimer(delay <= 1 ? 1 : static_cast<int64_t>(delay));
    ToggleTimerRef(next > 0);
  }

  // Runs processImmediate; after a handled throw, the immediates left over run at once.
  void RunImmediates() {
    // Every check phase first closes an empty callback scope, as node's CheckImmediate does
    // with its native immediates: nextTicks left behind by a tick that threw run here, before
    // the first immediate.
    { CallbackScope drain_ticks(env_); }
    if (env_->is_stopping()) return;
    if (immediate_info_[kCount] == 0 || env_->process_immediate_callback.IsEmpty()) return;
    v8::Isolate* isolate = env_->isolate();
    {
      CallbackScope scope(env_);
      do {
        if (env_->is_stopping()) return;
        USE(scope
            .Call(env_->process_immediate_callback.Get(isolate),
                  env_->process_object.Get(isolate), 0, nullptr));
      } while (immediate_info_[kHasOutstanding] != 0);
    }
    if (immediate_info_[kRefCount] == 0) ToggleImmediateRef(false);
  }

  Environment* env_;
  loop::Timer timer_;
  loop::Check check_;
  loop::Idle idle_;
  uint32_t* immediate_info_ = nullptr;
  v8::Global<v8::Uint32Array> immediate_info_array_;
};

TimersData* GetData(const v8::FunctionCallbackInfo<v8::Value>& info) {
  return Environment::From(info)->binding_data<TimersData>("timers");
}

void SetupTimers(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  if (!info[0]->IsFunction() || !info[1]->IsFunction()) {
    return ThrowTypeError(info.GetIsolate(), "setupTimers(processImmediate, processTimers)");
  }
  env->process_immediate_callback.Reset(info.GetIsolate(), info[0].As<v8::Function>());
  env->process_timers_callback.Reset(info.GetIsolate(), info[1].As<v8::Function>());
}

void ScheduleTimer(const v8::FunctionCallbackInfo<v8::Value>& info) {
  int64_t duration = info[0]->IntegerValue(info.GetIsolate()->GetCurrentContext()).FromMaybe(1);
  GetData(info)->ScheduleTimer(duration);
}

void ToggleTimerRef(const v8::FunctionCallbackInfo<v8::Value>& info) {
  GetData(info)->ToggleTimerRef(info[0]->IsTrue());
}

void ToggleImmediateRef(const v8::FunctionCallbackInfo<v8::Value>& info) {
  GetData(info)->ToggleImmediateRef(info[0]->IsTrue());
}

// Refreshes the loop's clock first, as node's GetNow does: a timer created after a long
// synchronous stretch counts from now, not from the start of the turn.
void GetLibuvNow(const v8::FunctionCallbackInfo<v8::Value>& info) {
  loop::Loop* loop = Environment::From(info)->loop();
  loop->UpdateTime();
  info.GetReturnValue().Set(static_cast<double>(loop->Now()));
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  TimersData* data = env->set_binding_data("timers", std::make_unique<TimersData>(env));
  SetMethod(context, target, "setupTimers", SetupTimers);
  SetMethod(context, target, "scheduleTimer", ScheduleTimer);
  SetMethod(context, target, "toggleTimerRef", ToggleTimerRef);
  SetMethod(context, target, "toggleImmediateRef", ToggleImmediateRef);
  SetMethod(context, target, "getLibuvNow", GetLibuvNow);
  SetValue(context, target, "immediateInfo", data->immediate_info());
  SetConstant(context, target, "kCount", kCount);
  SetConstant(context, target, "kRefCount", kRefCount);
  SetConstant(context, target, "kHasOutstanding", kHasOutstanding);
}

}  // namespace
}  // namespace ringjs::timers

RINGJS_BINDING(timers, ringjs::timers::Initialize)
