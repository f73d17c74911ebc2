// Sync / callback / promise execution of internalBinding('fs') operations (see fs_req.h).
#include "bindings/fs_req.h"

#include <errno.h>

#include <cstring>

#include "bindings/fs_cached_stat.h"
#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::fs {
namespace {

constexpr int kStatArrayLength = 2 * kStatFields;  // Two slots, as node (watchFile uses both).

// {errno, code, syscall, path, dest} for a failed op.
v8::Local<v8::Object> ErrorContext(Environment* env, FsOp* op) {
  v8::Local<v8::Object> ctx = v8::Object::New(env->isolate());
  FillErrorContext(env, ctx, static_cast<int>(op->result), op->syscall,
                   op->report_path ? op->path.c_str() : nullptr,
                   op->report_dest ? op->dest.c_str() : nullptr);
  return ctx;
}

// node's UVException for a failed async op (made by internal/errors, so it is the same object
// shape and message a sync call throws).
v8::Local<v8::Value> MakeException(Environment* env, FsOp* op) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Object> ctx = ErrorContext(env, op);
  v8::Local<v8::Function> factory;
  v8::Local<v8::Value> error;
  if (GetBindingData(env)->uv_exception().ToLocal(&factory)) {
    v8::TryCatch try_catch(isolate);
    v8::Local<v8::Value> argv[] = {ctx};
    if (factory->Call(env->context(), v8::Undefined(isolate), 1, argv).ToLocal(&error)) {
      return error;
    }
  }
  std::string message = std::string(ErrnoName(static_cast<int>(op->result))) + ": " +
                        ErrnoMessage(static_cast<int>(op->result)) + ", " + op->syscall;
  return v8::Exception::Error(Utf8String(isolate, message));
}

// Starts an async op; its completion always comes later from the loop, never from inside
// Start. The op owns itself until Complete.
void Complete(FsOp* op);

void Start(FsOp* op) {
  loop::Loop* loop = op->env->loop();
  op->request.data = op;
  op->request.cb = [op, loop](int64_t result) {
    op->result = result;
    if (op->next_step && op->next_step(loop, &op->request, op)) return;
    Complete(op);
  };
  if (op->cached != nullptr) {
    int64_t result = op->cached(op);
    // Delivered in the poll phase, as a worker's answer would be (what the callback starts
    // next waits for the next turn, after check, as in node).
    if (result != kNotCached) {
      op->next_step = nullptr;  // Nothing left to chain: the result is final.
      if (loop->CompleteLater(&op->request, result) == 0) return;
    }
  }
  bool on_ring = strcmp(loop->backend_name(), "io_uring") == 0;
  if (op->submit && (on_ring || !op->next_step)) {
    int err = op->submit(loop, &op->request, op);
    if (err == 0) return;
    // Refused at submission: report it from the pending phase, as a completion.
    op->result = err;
    loop->QueuePending([op] { Complete(op); }, true);
    return;
  }
  loop->QueueWork([op] { op->result = op->run(op); }, [op](int) { Complete(op); });
}

void Complete(FsOp* raw_op) {
  std::unique_ptr<FsOp> op(raw_op);
  Environment* env = op->env;
  if (env->is_stopping()) return;
  v8::Isolate* isolate = env->isolate();
  CallbackScope scope(env);
  v8::Local<v8::Context> context = env->context();
  if (op->result >= 0 && op->stat_from_statx) FileStatFromStatx(op->stx, &op->stat);
  bool is_promise = !op->resolver.IsEmpty();
  v8::Local<v8::Value> error;
  v8::Local<v8::Value> value = v8::Undefined(isolate);
  if (op->result < 0) {
    error = MakeException(env, op.get());
  } else if (!ResultToValue(env, op.get(), !is_promise).ToLocal(&value)) {
    value = v8::Undefined(isolate);
  } else if (op->value_is_error) {
    error = value;
  }
  if (is_promise) {
    v8::Local<v8::Promise::Resolver> resolver = op->resolver.Get(isolate);
    if (!error.IsEmpty()) {
      USE(resolver->Reject(context, error));
    } else {
      USE(resolver->Resolve(context, value));
    }
    return;
  }
  v8::Local<v8::Object> req = op->req.Get(isolate);
  v8::Local<v8::Value> oncomplete;
  if (!req->Get(context, GetBindingData(env)->oncomplete_string()).ToLocal(&oncomplete) ||
      !oncomplete->IsFunction()) {
    return;
  }
  if (!error.IsEmpty()) {
    v8::Local<v8::Value> argv[] = {error};
    USE(scope.Call(oncomplete.As<v8::Function>(), req, 1, argv));
  } else {
    v8::Local<v8::Value> argv[] = {v8::Null(isolate), value};
    USE(scope.Call(oncomplete.As<v8::Function>(), req, 2, argv));
  }
}

}  // namespace

// The times (seconds from kStatATimeSec on) are signed: a date before 1970 is negative, as in
// node (FileStat keeps them as the bits of an int64).
void FillStatArray(const FileStat& st, double* out) {
  for (int i = 0; i < kStatFields; i++) {
    out[i] = i >= kStatATimeSec ? static_cast<double>(static_cast<int64_t>(st.fields[i]))
                                : static_cast<double>(st.fields[i]);
  }
}

void FillBigStatArray(const FileStat& st, int64_t* out) {
  for (int i = 0; i < kStatFields; i++) out[i] = static_cast<int64_t>(st.fields[i]);
}

namespace {

v8::Local<v8::String> StringFromBytes(v8::Isolate* isolate, const std::string& s,
                                      Encoding encoding) {
  if (encoding == Encoding::kLatin1) {
    return v8::String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(s.data()),
                                      v8::NewStringType::kNormal, static_cast<int>(s.size()))
        .ToLocalChecked();
  }
  return Utf8String(isolate, s);
}

}  // namespace

v8::Local<v8::Value> EncodedValue(v8::Isolate* isolate, const std::string& s,
                                  Encoding encoding) {
  if (encoding != Encoding::kBytes) return StringFromBytes(isolate, s, encoding);
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(isolate, s.size());
  if (!s.empty()) memcpy(store->Data(), s.data(), s.size());
  v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, std::move(store));
  return v8::Uint8Array::New(ab, 0, s.size());
}

FsBindingData::FsBindingData(Environment* env) : env_(env) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::ArrayBuffer> ab =
      v8::ArrayBuffer::New(isolate, kStatArrayLength * sizeof(double));
  stat_values_data_ = static_cast<double*>(ab->GetBackingStore()->Data());
  stat_values_.Reset(isolate, v8::Float64Array::New(ab, 0, kStatArrayLength));
  v8::Local<v8::ArrayBuffer> big_ab =
      v8::ArrayBuffer::New(isolate, kStatArrayLength * sizeof(int64_t));
  bigint_stat_values_data_ = static_cast<int64_t*>(big_ab->GetBackingStore()->Data());
  bigint_stat_values_.Reset(isolate, v8::BigInt64Array::New(big_ab, 0, kStatArrayLength));
  use_promises_.Reset(isolate, v8::Symbol::New(isolate, OneByteString(isolate, "fs_use_promises_symbol")));
  oncomplete_string_.Reset(
      isolate, v8::String::NewFromUtf8Literal(isolate, "oncomplete", v8::NewStringType::kInternalized));
}

FsBindingData::~FsBindingData() {
  if (!cached_files_request->in_flight()) delete cached_files_request;
}

v8::Local<v8::Float64Array> FsBindingData::stat_values() const {
  return stat_values_.Get(env_->isolate());
}

v8::Local<v8::BigInt64Array> FsBindingData::bigint_stat_values() const {
  return bigint_stat_values_.Get(env_->isolate());
}

v8::Local<v8::Symbol> FsBindingData::use_promises() const {
  return use_promises_.Get(env_->isolate());
}

v8::Local<v8::String> FsBindingData::oncomplete_string() const {
  return oncomplete_string_.Get(env_->isolate());
}

v8::MaybeLocal<v8::Function> FsBindingData::uv_exception() {
  v8::Isolate* isolate = env_->isolate();
  if (!uv_exception_.IsEmpty()) return uv_exception_.Get(isolate);
  if (env_->builtin_require.IsEmpty()) return {};
  v8::Local<v8::Context> context = env_->context();
  v8::Local<v8::Value> id = OneByteString(isolate, "internal/errors");
  v8::Local<v8::Value> errors;
  v8::Local<v8::Value> fn;
  if (!env_->builtin_require.Get(isolate)
           ->Call(context, v8::Undefined(isolate), 1, &id)
           .ToLocal(&errors) ||
      !errors->IsObject() ||
      !errors.As<v8::Object>()->Get(context, OneByteString(isolate, "UVException")).ToLocal(&fn) ||
      !fn->IsFunction()) {
    return {};
  }
  uv_exception_.Reset(isolate, fn.As<v8::Function>());
  return fn.As<v8::Function>();
}

void FsBindingData::SetReadFileHooks(v8::Local<v8::Object> buffer_prototype,
                                     v8::Local<v8::Function> too_large) {
  buffer_prototype_.Reset(env_->isolate(), buffer_prototype);
  too_large_.Reset(env_->isolate(), too_large);
}

v8::Local<v8::Object> FsBindingData::buffer_prototype() const {
  return buffer_prototype_.Get(env_->isolate());
}

v8::Local<v8::Function> FsBindingData::too_large() const {
  return too_large_.Get(env_->isolate());
}

FsBindingData* GetBindingData(Environment* env) {
  return env->binding_data<FsBindingData>("fs");
}

v8::MaybeLocal<v8::Value> ResultToValue(Environment* env, FsOp* op, bool shared) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  switch (op->kind) {
    case ResultKind::kUndefined:
      return v8::Undefined(isolate);
    case ResultKind::kNumber:
      return v8::Number::New(isolate, static_cast<double>(op->result));
    case ResultKind::kBoolean:
      return v8::Boolean::New(isolate, op->result == 0);
    case ResultKind::kStat: {
      FsBindingData* data = GetBindingData(env);
      if (op->bigint) {
        if (shared) {
          FillBigStatArray(op->stat, data->bigint_stat_values_data());
          return data->bigint_stat_values();
        }
        v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, kStatFields * 8);
        FillBigStatArray(op->stat, static_cast<int64_t*>(ab->GetBackingStore()->Data()));
        return v8::BigInt64Array::New(ab, 0, kStatFields);
      }
      if (shared) {
        FillStatArray(op->stat, data->stat_values_data());
        return data->stat_values();
      }
      v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, kStatFields * 8);
      FillStatArray(op->stat, static_cast<double*>(ab->GetBackingStore()->Data()));
      return v8::Float64Array::New(ab, 0, kStatFields);
    }
    case ResultKind::kStatFs: {
      if (op->bigint) {
        v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, 7 * 8);
        int64_t* out = static_cast<int64_t*>(ab->GetBackingStore()->Data());
        for (int i = 0; i < 7; i++) out[i] = static_cast<int64_t>(op->statfs[i]);
        return v8::BigInt64Array::New(ab, 0, 7);
      }
      v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, 7 * 8);
      double* out = static_cast<double*>(ab->GetBackingStore()->Data());
      for (int i = 0; i < 7; i++) out[i] = static_cast<double>(op->statfs[i]);
      return v8::Float64Array::New(ab, 0, 7);
    }
    case ResultKind::kString:
      return EncodedValue(isolate, op->out_string, op->encoding);
    case ResultKind::kMaybeString:
      if (op->out_string.empty()) return v8::Undefined(isolate);
      return EncodedValue(isolate, op->out_string, op->encoding);
    case ResultKind::kCustom:
      return op->to_value(env, op);
    case ResultKind::kNames: {
      size_t count = op->names.size();
      std::vector<v8::Local<v8::Value>> names(count);
      for (size_t i = 0; i < count; i++) {
        names[i] = EncodedValue(isolate, op->names[i], op->encoding);
      }
      v8::Local<v8::Array> names_array = v8::Array::New(isolate, names.data(), count);
      if (!op->with_types) return names_array;
      std::vector<v8::Local<v8::Value>> types(count);
      for (size_t i = 0; i < count; i++) types[i] = v8::Integer::New(isolate, op->types[i]);
      v8::Local<v8::Value> pair[] = {names_array, v8::Array::New(isolate, types.data(), count)};
      return v8::Array::New(isolate, pair, 2);
    }
  }
  (void)context;
  return v8::Undefined(isolate);
}

void StartAsync(Environment* env, std::unique_ptr<FsOp> op) {
  op->async = true;
  op->env = env;
  Start(op.release());
}

void Dispatch(const v8::FunctionCallbackInfo<v8::Value>& info, int req_index,
              std::unique_ptr<FsOp> op) {
  Environment* env = Environment::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Value> req = info[req_index];
  FsBindingData* data = GetBindingData(env);
  if (req->IsObject() || (req->IsSymbol() && req->StrictEquals(data->use_promises()))) {
    op->async = true;
    op->env = env;
    if (req->IsObject()) {
      op->req.Reset(isolate, req.As<v8::Object>());
    } else {
      v8::Local<v8::Promise::Resolver> resolver;
      if (!v8::Promise::Resolver::New(env->context()).ToLocal(&resolver)) return;
      op->resolver.Reset(isolate, resolver);
      info.GetReturnValue().Set(resolver->GetPromise());
    }
    Start(op.release());
    return;
  }
  op->result = op->run(op.get());
  if (op->result < 0) {
    if (!info[req_index + 1]->IsObject()) return;
    v8::Local<v8::Object> ctx = info[req_index + 1].As<v8::Object>();
    v8::Local<v8::Context> context = env->context();
    if (op->short_context) {
      SetValue(context, ctx, "errno", v8::Integer::New(isolate, static_cast<int>(op->result)));
      SetValue(context, ctx, "syscall", OneByteString(isolate, op->syscall));
      return;
    }
    FillErrorContext(env, ctx, static_cast<int>(op->result), op->syscall,
                     op->report_path ? op->path.c_str() : nullptr,
                     op->report_dest ? op->dest.c_str() : nullptr);
    return;
  }
  v8::Local<v8::Value> value;
  if (ResultToValue(env, op.get(), true).ToLocal(&value)) info.GetReturnValue().Set(value);
}

}  // namespace ringjs::fs
