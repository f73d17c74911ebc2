// Cached stats delivered to JS in batches (see fs_stat_batch.h).
#include "bindings/fs_stat_batch.h"

#include <cstring>
#include <vector>

#include "bindings/fs_args.h"
#include "bindings/fs_cached_stat.h"
#include "bindings/fs_req.h"
#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::fs {
namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

// The stat fields, then the caller's tag.
constexpr int kStride = kStatFields + 1;
// The tag bit that asks for int64 fields, and the one an error answer gets (the other bits are
// the caller's).
constexpr int32_t kTagBigInt = 1;
constexpr int32_t kTagError = 1 << 30;
// What the *IfCached methods return.
constexpr int kQueued = 1;
constexpr int kQueuedError = 2;
// Room reserved when a turn's first answer comes (the vector keeps what it grew to).
constexpr size_t kInitialAnswers = 256;

// Per Environment: the answers of this turn and the buffer JS reads them from.
class StatBatch : public BindingData {
 public:
  explicit StatBatch(Environment* env) : env_(env) {}

  ~StatBatch() override {
    // Left to the loop (leaked) if still in flight: the loop may still look at it.
    if (!request_->in_flight()) delete request_;
  }

  // Takes the stat now if the caches have it: kQueued, kQueuedError or 0 (not at hand).
  int Queue(const char* path, int fd, bool follow_links, int32_t tag) {
    FileStat stat;
    int result = path != nullptr ? CachedStat(path, follow_links, &stat) : CachedFStat(fd, &stat);
    if (result == kNotCached) return 0;
    if (!request_->in_flight()) {
      Environment* env = env_;
      request_->cb = [env](int64_t) {
        if (env->is_stopping()) return;
        env->binding_data<StatBatch>(kName)->Deliver();
      };
      if (env_->loop()->CompleteLater(request_, 0) != 0) return 0;
    }
    size_t at = queued_.size();
    if (at == 0) queued_.reserve(kInitialAnswers * kStride);
    queued_.resize(at + kStride);
    double* slot = queued_.data() + at;
    if (result < 0) {
      slot[0] = result;
      slot[kStatFields] = tag | kTagError;
      return kQueuedError;
    }
    if (tag & kTagBigInt) {
      FillBigStatArray(stat, reinterpret_cast<int64_t*>(slot));
    } else {
      FillStatArray(stat, slot);
    }
    slot[kStatFields] = tag;
    return kQueued;
  }

  void set_deliver(Local<v8::Function> deliver) { deliver_.Reset(env_->isolate(), deliver); }

  static constexpr const char* kName = "fs_stat_batch";

 private:
  // Hands this turn's answers to JS (see the header for the protocol).
  void Deliver() {
    v8::Isolate* isolate = env_->isolate();
    v8::HandleScope handle_scope(isolate);
    size_t length = queued_.size();
    if (length == 0 || deliver_.IsEmpty()) return;
    if (length > capacity_) Grow(length);
    memcpy(values_data_, queued_.data(), length * sizeof(double));
    // Answers queued by the callbacks go to the next turn's delivery.
    queued_.clear();
    Local<v8::Function> deliver = deliver_.Get(isolate);
    Local<Value> argv[] = {values_.Get(isolate), bigint_values_.Get(isolate)};
    // One scope for the batch: after a throw (reported by Call, which then returns empty) the
    // next callback runs before any tick, as in node, where the failed callback's scope skips
    // the tick queue.
    CallbackScope scope(env_);
    while (!env_->is_stopping() &&
           scope.Call(deliver, v8::Undefined(isolate), 2, argv).IsEmpty()) {
    }
  }

  // A buffer for at least `length` slots (twice that, so a growing batch reallocates rarely).
  void Grow(size_t length) {
    v8::Isolate* isolate = env_->isolate();
    size_t capacity = length * 2;
    Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, capacity * sizeof(double));
    values_data_ = static_cast<double*>(buffer->GetBackingStore()->Data());
    capacity_ = capacity;
    values_.Reset(isolate, v8::Float64Array::New(buffer, 0, capacity));
    bigint_values_.Reset(isolate, v8::BigInt64Array::New(buffer, 0, capacity));
  }

  Environment* env_;
  std::vector<double> queued_;  // kStride slots per answer; int64 bits for a bigint one.
  loop::Request* request_ = new loop::Request();
  v8::Global<v8::Function> deliver_;
  v8::Global<v8::Float64Array> values_;
  v8::Global<v8::BigInt64Array> bigint_values_;
  double* values_data_ = nullptr;
  size_t capacity_ = 0;
};

StatBatch* BatchOf(const FunctionCallbackInfo<Value>& info) {
  return static_cast<StatBatch*>(info.Data().As<v8::External>()->Value());
}

int32_t TagOf(Local<Value> value) { return value->IsInt32() ? value.As<v8::Int32>()->Value() : 0; }

void PathStatIfCached(const FunctionCallbackInfo<Value>& info, bool follow_links) {
  char path[1024];
  info.GetReturnValue().Set(SmallPath(info.GetIsolate(), info[0], path, sizeof(path))
                                ? BatchOf(info)->Queue(path, -1, follow_links, TagOf(info[1]))
                                : 0);
}

// statIfCached(path, tag) -> 1 (answer queued), 2 (error queued) or 0
void StatIfCached(const FunctionCallbackInfo<Value>& info) { PathStatIfCached(info, true); }

// lstatIfCached(path, tag) -> likewise
void LStatIfCached(const FunctionCallbackInfo<Value>& info) { PathStatIfCached(info, false); }

// fstatIfCached(fd, tag) -> likewise
void FStatIfCached(const FunctionCallbackInfo<Value>& info) {
  info.GetReturnValue().Set(info[0]->IsInt32() ? BatchOf(info)->Queue(
                                                    nullptr, info[0].As<v8::Int32>()->Value(),
                                                    true, TagOf(info[1]))
                                              : 0);
}

// setStatDelivery(fn)
void SetStatDelivery(const FunctionCallbackInfo<Value>& info) {
  if (info[0]->IsFunction()) BatchOf(info)->set_deliver(info[0].As<v8::Function>());
}

}  // namespace

void InitializeStatBatch(Environment* env, Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  Local<v8::Context> context = env->context();
  StatBatch* batch = env->set_binding_data(StatBatch::kName, std::make_unique<StatBatch>(env));
  Local<v8::External> data = v8::External::New(isolate, batch);
  const struct {
    const char* name;
    v8::FunctionCallback callback;
  } methods[] = {
      {"statIfCached", StatIfCached},
      {"lstatIfCached", LStatIfCached},
      {"fstatIfCached", FStatIfCached},
      {"setStatDelivery", SetStatDelivery},
  };
  for (const auto& method : methods) {
    Local<v8::Function> fn;
    if (v8::Function::New(context, method.callback, data, 0, v8::ConstructorBehavior::kThrow)
            .ToLocal(&fn)) {
      fn->SetName(OneByteString(isolate, method.name));
      SetValue(context, target, method.name, fn);
    }
  }
  SetConstant(context, target, "kCachedStatStride", kStride);
  SetConstant(context, target, "kCachedStatError", kTagError);
}

}  // namespace ringjs::fs
