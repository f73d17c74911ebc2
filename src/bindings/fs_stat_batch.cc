// Fast-form stats run on the pool through a DrainQueue and delivered to JS in chunks (see
// fs_stat_batch.h).
#include "bindings/fs_stat_batch.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "bindings/fs_args.h"
#include "bindings/fs_ops.h"
#include "bindings/fs_req.h"
#include "loop/drain_queue.h"
#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::fs {
namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

// One answer, kStride doubles: the caller's tag first, then either the stat fields as
// kStatFields int64s (a bigint answer, read through the BigInt64Array), or, for a number
// answer, the four times already in milliseconds as node computes them (sec * 1e3 + nsec / 1e6)
// and the ten integer fields twice: as doubles and, when every one fits, as int32s, which JS
// reads as small integers (a double read from a Float64Array is a new heap number each time
// until the reading code is optimized). For an error the negative errno follows the tag.
constexpr int kStride = 1 + kStatFields + 1;
constexpr int kAtTimes = 1;                 // 4 doubles: atimeMs, mtimeMs, ctimeMs, birthtimeMs.
constexpr int kAtIntegers = kAtTimes + 4;   // 10 doubles: dev ... blocks.
constexpr int kAtInt32s = kAtIntegers + 10; // 5 doubles' room: dev ... blocks as int32s.
static_assert(kAtInt32s + 5 == kStride, "the int32 fields end the answer");
static_assert(kStatATimeSec == 10, "ten integer fields precede the times");
// Tag bits the binding reads or sets (the others are the caller's).
constexpr int32_t kTagBigInt = 1;
constexpr int32_t kTagLstat = 1 << 2;
constexpr int32_t kTagFstat = 1 << 3;
constexpr int32_t kTagInt32s = 1 << 4;  // The int32 copies are there.
constexpr int32_t kTagError = 1 << 30;
// Answers per call into JS.
constexpr size_t kChunk = 128;

// Answer slots handed out and given back in call order, in blocks that stay put while the pool
// writes into them (a growing array would move). The JS thread takes and releases slots; a pool
// thread only writes into the slot of the job it runs.
class AnswerSlots {
 public:
  static constexpr size_t kSlotsPerBlock = kChunk;
  static constexpr size_t kBlockDoubles = kSlotsPerBlock * kStride;

  double* Take() {
    if (blocks_.empty() || next_ == kSlotsPerBlock) {
      if (spare_.empty()) {
        // Not zeroed: JS reads only what an answer wrote.
        blocks_.push_back(std::unique_ptr<double[]>(new double[kBlockDoubles]));
      } else {
        blocks_.push_back(std::move(spare_.back()));
        spare_.pop_back();
      }
      next_ = 0;
    }
    return blocks_.back().get() + kStride * next_++;
  }

  // Called for every slot taken, in the order taken: the oldest block goes once its last slot
  // came back (a few are kept for the next burst).
  void Release(const double* slot) {
    if (slot + kStride != blocks_.front().get() + kBlockDoubles) return;
    if (spare_.size() < kSpareBlocks) spare_.push_back(std::move(blocks_.front()));
    blocks_.pop_front();
  }

 private:
  static constexpr size_t kSpareBlocks = 4;
  std::deque<std::unique_ptr<double[]>> blocks_;  // Oldest first; the last one hands out slots.
  std::vector<std::unique_ptr<double[]>> spare_;
  size_t next_ = 0;  // Slots handed out of the last block.
};

// One queued stat, small because the queue moves it a few times: its answer slot holds the
// path (NUL-terminated) until the pool thread overwrites it with the answer.
struct StatJob {
  double* slot = nullptr;
  std::unique_ptr<char[]> long_path;  // A path too long for the slot, else null.
  int32_t fd = -1;
  int32_t tag = 0;

  const char* path() const {
    return long_path ? long_path.get() : reinterpret_cast<const char*>(slot);
  }
};

void FillNumberAnswer(const FileStat& stat, double* answer, int32_t* tag) {
  for (int i = 0; i < 4; i++) {
    int64_t sec = static_cast<int64_t>(stat.fields[kStatATimeSec + 2 * i]);
    int64_t nsec = static_cast<int64_t>(stat.fields[kStatATimeSec + 2 * i + 1]);
    answer[kAtTimes + i] = static_cast<double>(sec) * 1e3 + static_cast<double>(nsec) / 1e6;
  }
  bool narrow = true;
  int32_t narrow_fields[10];
  for (int i = 0; i < 10; i++) {
    uint64_t value = stat.fields[i];
    answer[kAtIntegers + i] = static_cast<double>(value);
    narrow = narrow && value <= INT32_MAX;
    narrow_fields[i] = static_cast<int32_t>(value);
  }
  if (narrow) {
    memcpy(answer + kAtInt32s, narrow_fields, sizeof(narrow_fields));
    *tag |= kTagInt32s;
  }
}

// Runs on a pool thread: the statx libuv would make (AT_STATX_SYNC_AS_STAT).
void RunStat(StatJob& job) {
  FileStat stat;
  int result = (job.tag & kTagFstat) != 0 ? FStat(job.fd, &stat)
               : (job.tag & kTagLstat) != 0 ? LStat(job.path(), &stat)
                                             : Stat(job.path(), &stat);
  int32_t tag = job.tag;
  double* answer = job.slot;
  if (result < 0) {
    answer[0] = tag | kTagError;
    answer[1] = result;
    return;
  }
  if ((tag & kTagBigInt) != 0) {
    FillBigStatArray(stat, reinterpret_cast<int64_t*>(answer + 1));
  } else {
    FillNumberAnswer(stat, answer, &tag);
  }
  answer[0] = tag;
}

// Per Environment: the queue (made on first use) and the buffer JS reads answers from.
class StatBatch : public BindingData {
 public:
  explicit StatBatch(Environment* env) : env_(env) {}

  // A job with its answer slot taken (the caller fills in the rest).
  StatJob NewJob() {
    StatJob job;
    job.slot = slots_->Take();
    return job;
  }

  void Queue(StatJob job) {
    if (!queue_) {
      // The slots live as long as a pool task that may still write into one (past Stop()).
      queue_ = std::make_unique<loop::DrainQueue<StatJob>>(
          env_->loop(), [slots = slots_](StatJob& job) { RunStat(job); },
          [this](std::vector<StatJob>& jobs) { Deliver(jobs); });
    }
    queue_->Push(std::move(job));
  }

  // Cleanup hook: no answer reaches JS once the Environment is going.
  void Stop() { queue_.reset(); }

  void set_deliver(Local<v8::Function> deliver) { deliver_.Reset(env_->isolate(), deliver); }

  static constexpr const char* kName = "fs_stat_batch";

 private:
  // Hands the answers to JS in chunks (see the header for the protocol).
  void Deliver(std::vector<StatJob>& jobs) {
    if (env_->is_stopping() || deliver_.IsEmpty()) return;
    v8::Isolate* isolate = env_->isolate();
    v8::HandleScope handle_scope(isolate);
    if (values_data_ == nullptr) MakeBuffer();
    Local<v8::Function> deliver = deliver_.Get(isolate);
    Local<Value> argv[] = {values_.Get(isolate), bigint_values_.Get(isolate),
                           int32_values_.Get(isolate), Local<Value>()};
    // One scope for every chunk: after a throw (reported by Call, which then returns empty) the
    // next callback runs before any tick, as in node, where the failed callback's scope skips
    // the tick queue.
    CallbackScope scope(env_);
    for (size_t done = 0; done < jobs.size();) {
      size_t count = std::min(kChunk, jobs.size() - done);
      for (size_t i = 0; i < count; i++) {
        const double* slot = jobs[done + i].slot;
        memcpy(values_data_ + i * kStride, slot, kStride * sizeof(double));
        slots_->Release(slot);
      }
      argv[3] = v8::Integer::NewFromUnsigned(isolate, static_cast<uint32_t>(count));
      while (scope.Call(deliver, v8::Undefined(isolate), 4, argv).IsEmpty()) {
        if (env_->is_stopping()) return;
        argv[3] = v8::Integer::New(isolate, 0);
      }
      if (env_->is_stopping()) return;
      done += count;
    }
  }

  void MakeBuffer() {
    v8::Isolate* isolate = env_->isolate();
    constexpr size_t kSlots = kChunk * kStride;
    Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, kSlots * sizeof(double));
    values_data_ = static_cast<double*>(buffer->GetBackingStore()->Data());
    values_.Reset(isolate, v8::Float64Array::New(buffer, 0, kSlots));
    bigint_values_.Reset(isolate, v8::BigInt64Array::New(buffer, 0, kSlots));
    int32_values_.Reset(isolate, v8::Int32Array::New(buffer, 0, 2 * kSlots));
  }

  Environment* env_;
  std::shared_ptr<AnswerSlots> slots_ = std::make_shared<AnswerSlots>();
  std::unique_ptr<loop::DrainQueue<StatJob>> queue_;
  v8::Global<v8::Function> deliver_;
  v8::Global<v8::Float64Array> values_;
  v8::Global<v8::BigInt64Array> bigint_values_;
  v8::Global<v8::Int32Array> int32_values_;
  double* values_data_ = nullptr;
};

StatBatch* BatchOf(const FunctionCallbackInfo<Value>& info) {
  return static_cast<StatBatch*>(info.Data().As<v8::External>()->Value());
}

// queueStat(target, tag)
void QueueStat(const FunctionCallbackInfo<Value>& info) {
  StatBatch* batch = BatchOf(info);
  StatJob job = batch->NewJob();
  job.tag = info[1]->IsInt32() ? info[1].As<v8::Int32>()->Value() : 0;
  if ((job.tag & kTagFstat) != 0) {
    job.fd = Int32Arg(info[0]);
  } else if (WritePathArg(info.GetIsolate(), info[0], reinterpret_cast<char*>(job.slot),
                          kStride * sizeof(double)) < 0) {
    std::string path = PathArg(info.GetIsolate(), info[0]);
    job.long_path = std::make_unique<char[]>(path.size() + 1);
    memcpy(job.long_path.get(), path.c_str(), path.size() + 1);
  }
  batch->Queue(std::move(job));
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
  // Before the loop's last turn at teardown, so no answer arrives after the cleanup hooks.
  env->AddCleanupHook([batch] { batch->Stop(); });
  Local<v8::External> data = v8::External::New(isolate, batch);
  const struct {
    const char* name;
    v8::FunctionCallback callback;
  } methods[] = {
      {"queueStat", QueueStat},
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
  SetConstant(context, target, "kStatStride", kStride);
  SetConstant(context, target, "kStatChunk", static_cast<int>(kChunk));
  SetConstant(context, target, "kStatTagBigInt", kTagBigInt);
  SetConstant(context, target, "kStatTagLstat", kTagLstat);
  SetConstant(context, target, "kStatTagFstat", kTagFstat);
  SetConstant(context, target, "kStatTagError", kTagError);
  SetConstant(context, target, "kStatTagInt32s", kTagInt32s);
  SetConstant(context, target, "kStatAtTimes", kAtTimes);
  SetConstant(context, target, "kStatAtIntegers", kAtIntegers);
  SetConstant(context, target, "kStatAtInt32s", kAtInt32s);
}

}  // namespace ringjs::fs
