// internalBinding('performance'): node's startup milestones, the loop's idle time and metrics
// (eventLoopUtilization, nodeTiming), and the native histograms behind createHistogram() and
// monitorEventLoopDelay() (which samples on a loop timer, as node does).
#include <cmath>
#include <limits>
#include <memory>
#include <unordered_set>

#include "bindings/hdr_histogram.h"
#include "loop/loop.h"
#include "runtime/binding.h"
#include "runtime/callback_scope.h"
#include "runtime/performance_milestones.h"

namespace ringjs::perf {
namespace {

// getMilestones() -> [nodeStart, v8Start, environment, bootstrapComplete, loopStart, loopExit]
// in loop nanoseconds, -1 for one not reached.
void GetMilestones(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Value> times[kMilestoneCount];
  for (int i = 0; i < kMilestoneCount; i++) {
    times[i] = v8::Number::New(isolate, MilestoneTime(env, static_cast<Milestone>(i)));
  }
  info.GetReturnValue().Set(v8::Array::New(isolate, times, kMilestoneCount));
}

// loopIdleTime() -> milliseconds the loop spent blocked waiting for events.
void LoopIdleTime(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  info.GetReturnValue().Set(static_cast<double>(env->loop()->metrics().idle_time_ns) / 1e6);
}

// uvMetricsInfo() -> [loopCount, events, eventsWaiting].
void LoopMetrics(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  const loop::Metrics& metrics = env->loop()->metrics();
  v8::Local<v8::Value> values[] = {
      v8::Number::New(isolate, static_cast<double>(env->loop()->counters().turns)),
      v8::Number::New(isolate, static_cast<double>(metrics.events)),
      v8::Number::New(isolate, static_cast<double>(metrics.events_waiting)),
  };
  info.GetReturnValue().Set(v8::Array::New(isolate, values, 3));
}

// --- histograms -------------------------------------------------------------------------------

class HistogramHandle;
void StopSamplingOf(HistogramHandle* handle);

// The histograms of an Environment that sample on a timer, stopped before the loop goes away.
class SamplingHistograms : public BindingData {
 public:
  std::unordered_set<HistogramHandle*> active;
};

SamplingHistograms* GetSampling(Environment* env) {
  auto* data = env->binding_data<SamplingHistograms>("perf.sampling");
  if (data != nullptr) return data;
  data = env->set_binding_data("perf.sampling", std::make_unique<SamplingHistograms>());
  env->AddCleanupHook([env] {
    auto* sampling = env->binding_data<SamplingHistograms>("perf.sampling");
    while (!sampling->active.empty()) {
      HistogramHandle* handle = *sampling->active.begin();
      sampling->active.erase(handle);
      StopSamplingOf(handle);
    }
  });
  return data;
}

// One histogram with node's own count and exceeds counters (values beyond the trackable
// range), and an optional loop timer recording the time between its ticks.
class HistogramHandle {
 public:
  HistogramHandle(Environment* env, v8::Local<v8::Object> object, int64_t lowest,
                  int64_t highest, int figures)
      : env_(env), histogram_(lowest, highest, figures), timer_(env->loop()) {
    object->SetAlignedPointerInInternalField(0, this);
    object_.Reset(env->isolate(), object);
    object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
  }

  ~HistogramHandle() { StopSampling(); }

  static HistogramHandle* Unwrap(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Local<v8::Object> self = info.This();
    if (self->InternalFieldCount() < 1 || self->GetAlignedPointerFromInternalField(0) == nullptr) {
      ThrowTypeError(info.GetIsolate(), "Illegal invocation");
      return nullptr;
    }
    return static_cast<HistogramHandle*>(self->GetAlignedPointerFromInternalField(0));
  }

  void Record(int64_t value) {
    if (histogram_.Record(value)) {
      count_++;
    } else {
      exceeds_++;
    }
  }

  // Records the nanoseconds since the previous call (nothing on the first).
  void RecordDelta() {
    uint64_t now = loop::Loop::HrTime();
    if (prev_delta_ > 0) {
      int64_t delta = static_cast<int64_t>(now - prev_delta_);
      if (delta > 0) {
        Record(delta);
      } else {
        exceeds_++;
      }
    }
    prev_delta_ = now;
  }

  void Reset() {
    histogram_.Reset();
    count_ = 0;
    exceeds_ = 0;
    prev_delta_ = 0;
  }

  void Add(const HistogramHandle& other) {
    exceeds_ += histogram_.Add(other.histogram_) + other.exceeds_;
    count_ += other.count_;
  }

  // Starts the sampling timer (every `interval_ms`, unreferenced); false if already running.
  bool StartSampling(uint64_t interval_ms) {
    // Its own flag, not timer_.IsActive(): a repeating timer that is due in the same timers
    // phase as the caller's is briefly inactive while it waits to be re-armed.
    if (sampling_) return false;
    sampling_ = true;
    prev_delta_ = 0;
    timer_.Start([this] { RecordDelta(); }, interval_ms, interval_ms);
    timer_.Unref();
    GetSampling(env_)->active.insert(this);
    return true;
  }

  bool StopSampling() {
    if (!sampling_) return false;
    sampling_ = false;
    timer_.Stop();
    if (auto* sampling = env_->binding_data<SamplingHistograms>("perf.sampling")) {
      sampling->active.erase(this);
    }
    return true;
  }

  const HdrHistogram& histogram() const { return histogram_; }
  uint64_t count() const { return count_; }
  uint64_t exceeds() const { return exceeds_; }

 private:
  static void OnCollected(const v8::WeakCallbackInfo<HistogramHandle>& data) {
    delete data.GetParameter();
  }

  Environment* env_;
  v8::Global<v8::Object> object_;
  HdrHistogram histogram_;
  loop::Timer timer_;
  uint64_t count_ = 0;
  uint64_t exceeds_ = 0;
  uint64_t prev_delta_ = 0;
  bool sampling_ = false;
};

void StopSamplingOf(HistogramHandle* handle) { handle->StopSampling(); }

// new Histogram(lowest, highest, figures): JS validated the numbers.
void HistogramNew(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  if (!info.IsConstructCall()) return ThrowTypeError(info.GetIsolate(), "Illegal constructor");
  v8::Local<v8::Context> context = env->context();
  double lowest = info[0]->NumberValue(context).FromMaybe(1);
  double highest = info[1]->NumberValue(context).FromMaybe(9007199254740991.0);
  double figures = info[2]->NumberValue(context).FromMaybe(3);
  new HistogramHandle(env, info.This(), static_cast<int64_t>(lowest),
                      static_cast<int64_t>(highest), static_cast<int>(figures));
}

// Numbers past 2^53 come back as BigInt when asked (the *BigInt getters).
v8::Local<v8::Value> IntegerValue(v8::Isolate* isolate, int64_t value, bool as_bigint) {
  if (as_bigint) return v8::BigInt::New(isolate, value);
  return v8::Number::New(isolate, static_cast<double>(value));
}

void HistogramRecord(const v8::FunctionCallbackInfo<v8::Value>& info) {
  HistogramHandle* self = HistogramHandle::Unwrap(info);
  if (self == nullptr) return;
  int64_t value;
  if (info[0]->IsBigInt()) {
    bool lossless;
    uint64_t big = info[0].As<v8::BigInt>()->Uint64Value(&lossless);
    if (!lossless || big > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      v8::Isolate* isolate = info.GetIsolate();
      v8::Local<v8::Value> error =
          v8::Exception::RangeError(OneByteString(isolate, "value is out of range"));
      USE(error.As<v8::Object>()->Set(isolate->GetCurrentContext(), OneByteString(isolate, "code"),
                                      OneByteString(isolate, "ERR_OUT_OF_RANGE")));
      isolate->ThrowException(error);
      return;
    }
    value = static_cast<int64_t>(big);
  } else {
    value = static_cast<int64_t>(info[0].As<v8::Number>()->Value());
  }
  self->Record(value);
}

void HistogramRecordDelta(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (HistogramHandle* self = HistogramHandle::Unwrap(info)) self->RecordDelta();
}

void HistogramReset(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (HistogramHandle* self = HistogramHandle::Unwrap(info)) self->Reset();
}

void HistogramAdd(const v8::FunctionCallbackInfo<v8::Value>& info) {
  HistogramHandle* self = HistogramHandle::Unwrap(info);
  if (self == nullptr || !info[0]->IsObject()) return;
  v8::Local<v8::Object> other = info[0].As<v8::Object>();
  if (other->InternalFieldCount() < 1) return;
  auto* source = static_cast<HistogramHandle*>(other->GetAlignedPointerFromInternalField(0));
  if (source != nullptr) self->Add(*source);
}

// stats(asBigInt) -> [count, min, max, exceeds] (numbers, or BigInts).
void HistogramStats(const v8::FunctionCallbackInfo<v8::Value>& info) {
  HistogramHandle* self = HistogramHandle::Unwrap(info);
  if (self == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  bool big = info[0]->IsTrue();
  v8::Local<v8::Value> values[] = {
      IntegerValue(isolate, static_cast<int64_t>(self->count()), big),
      IntegerValue(isolate, self->histogram().Min(), big),
      IntegerValue(isolate, self->histogram().Max(), big),
      IntegerValue(isolate, static_cast<int64_t>(self->exceeds()), big),
  };
  info.GetReturnValue().Set(v8::Array::New(isolate, values, 4));
}

void HistogramMean(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (HistogramHandle* self = HistogramHandle::Unwrap(info)) {
    info.GetReturnValue().Set(self->histogram().Mean());
  }
}

void HistogramStddev(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (HistogramHandle* self = HistogramHandle::Unwrap(info)) {
    info.GetReturnValue().Set(self->histogram().Stddev());
  }
}

// percentile(p, asBigInt)
void HistogramPercentile(const v8::FunctionCallbackInfo<v8::Value>& info) {
  HistogramHandle* self = HistogramHandle::Unwrap(info);
  if (self == nullptr) return;
  double percentile = info[0].As<v8::Number>()->Value();
  info.GetReturnValue().Set(IntegerValue(info.GetIsolate(),
                                         self->histogram().ValueAtPercentile(percentile),
                                         info[1]->IsTrue()));
}

// percentiles(map, asBigInt): fills map with percentile -> value.
void HistogramPercentiles(const v8::FunctionCallbackInfo<v8::Value>& info) {
  HistogramHandle* self = HistogramHandle::Unwrap(info);
  if (self == nullptr || !info[0]->IsMap()) return;
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Map> map = info[0].As<v8::Map>();
  bool big = info[1]->IsTrue();
  bool failed = false;
  self->histogram().ForEachPercentile([&](double percentile, int64_t value) {
    if (failed) return;
    failed = map->Set(context, v8::Number::New(isolate, percentile),
                      IntegerValue(isolate, value, big)).IsEmpty();
  });
}

// startSampling(intervalMs) / stopSampling() -> whether the state changed.
void HistogramStartSampling(const v8::FunctionCallbackInfo<v8::Value>& info) {
  HistogramHandle* self = HistogramHandle::Unwrap(info);
  if (self == nullptr) return;
  double interval = info[0].As<v8::Number>()->Value();
  info.GetReturnValue().Set(self->StartSampling(static_cast<uint64_t>(interval)));
}

void HistogramStopSampling(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (HistogramHandle* self = HistogramHandle::Unwrap(info)) {
    info.GetReturnValue().Set(self->StopSampling());
  }
}

// ---- 'gc' performance entries ---------------------------------------------------------------
// While a PerformanceObserver watches 'gc', each collection's type, flags, start (hrtime ms) and
// duration reach JS as onGC(kind, flags, startHrMs, durationMs) from the loop, after the GC (no
// JS runs inside one).
class GcTracking : public BindingData {
 public:
  explicit GcTracking(Environment* env) : env_(env) {}
  ~GcTracking() override {
    *alive_ = false;
    Stop();
  }

  void Start(v8::Local<v8::Function> callback) {
    callback_.Reset(env_->isolate(), callback);
    if (installed_) return;
    installed_ = true;
    env_->isolate()->AddGCPrologueCallback(OnPrologue, this);
    env_->isolate()->AddGCEpilogueCallback(OnEpilogue, this);
  }

  void Stop() {
    if (!installed_) return;
    installed_ = false;
    env_->isolate()->RemoveGCPrologueCallback(OnPrologue, this);
    env_->isolate()->RemoveGCEpilogueCallback(OnEpilogue, this);
    callback_.Reset();
    start_ns_ = 0;
  }

 private:
  static void OnPrologue(v8::Isolate*, v8::GCType, v8::GCCallbackFlags, void* data) {
    static_cast<GcTracking*>(data)->start_ns_ = loop::Loop::HrTime();
  }

  static void OnEpilogue(v8::Isolate*, v8::GCType type, v8::GCCallbackFlags flags, void* data) {
    auto* self = static_cast<GcTracking*>(data);
    if (self->start_ns_ == 0) return;
    uint64_t start_ns = self->start_ns_;
    uint64_t end_ns = loop::Loop::HrTime();
    self->start_ns_ = 0;
    std::shared_ptr<bool> alive = self->alive_;
    self->env_->loop()->QueuePending([self, alive, type, flags, start_ns, end_ns] {
      if (*alive) self->Report(type, flags, start_ns, end_ns);
    });
  }

  void Report(v8::GCType type, v8::GCCallbackFlags flags, uint64_t start_ns, uint64_t end_ns) {
    if (callback_.IsEmpty() || env_->is_stopping()) return;
    v8::Isolate* isolate = env_->isolate();
    v8::HandleScope handle_scope(isolate);
    v8::Context::Scope context_scope(env_->context());
    v8::Local<v8::Value> argv[] = {
        v8::Integer::New(isolate, static_cast<int>(type)),
        v8::Integer::New(isolate, static_cast<int>(flags)),
        v8::Number::New(isolate, static_cast<double>(start_ns) / 1e6),
        v8::Number::New(isolate, static_cast<double>(end_ns - start_ns) / 1e6),
    };
    CallbackScope scope(env_);
    USE(scope.Call(callback_.Get(isolate), v8::Undefined(isolate), 4, argv));
  }

  Environment* env_;
  v8::Global<v8::Function> callback_;
  uint64_t start_ns_ = 0;
  bool installed_ = false;
  // Cleared on destruction: a report still queued on the loop then does nothing.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

GcTracking* GetGcTracking(Environment* env) {
  GcTracking* tracking = env->binding_data<GcTracking>("perf_gc");
  if (tracking == nullptr) {
    tracking = env->set_binding_data("perf_gc", std::make_unique<GcTracking>(env));
  }
  return tracking;
}

// startGCTracking(onGC) / stopGCTracking()
void StartGcTracking(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info[0]->IsFunction()) return;
  GetGcTracking(Environment::From(info))->Start(info[0].As<v8::Function>());
}

void StopGcTracking(const v8::FunctionCallbackInfo<v8::Value>& info) {
  GetGcTracking(Environment::From(info))->Stop();
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "getMilestones", GetMilestones);
  SetMethod(context, target, "loopIdleTime", LoopIdleTime);
  SetMethod(context, target, "uvMetricsInfo", LoopMetrics);
  SetMethod(context, target, "startGCTracking", StartGcTracking);
  SetMethod(context, target, "stopGCTracking", StopGcTracking);

  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, HistogramNew);
  tmpl->SetClassName(OneByteString(isolate, "HistogramHandle"));
  tmpl->InstanceTemplate()->SetInternalFieldCount(1);
  struct Method {
    const char* name;
    v8::FunctionCallback callback;
  };
  const Method methods[] = {
      {"record", HistogramRecord},         {"recordDelta", HistogramRecordDelta},
      {"reset", HistogramReset},           {"add", HistogramAdd},
      {"stats", HistogramStats},           {"mean", HistogramMean},
      {"stddev", HistogramStddev},         {"percentile", HistogramPercentile},
      {"percentiles", HistogramPercentiles}, {"startSampling", HistogramStartSampling},
      {"stopSampling", HistogramStopSampling},
  };
  for (const Method& method : methods) SetProtoMethod(isolate, tmpl, method.name, method.callback);
  v8::Local<v8::Function> ctor;
  if (tmpl->GetFunction(context).ToLocal(&ctor)) SetValue(context, target, "HistogramHandle", ctor);
}

}  // namespace
}  // namespace ringjs::perf

RINGJS_BINDING(performance, ringjs::perf::Initialize)
