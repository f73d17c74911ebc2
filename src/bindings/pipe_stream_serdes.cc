// The 'advanced' serialization of the fork() IPC channel (part of internalBinding('pipe_stream')):
// V8's ValueSerializer, with typed arrays, DataViews and Buffers written as host objects (a
// type index, the byte length, the bytes) so each comes back as the same class, Buffers as
// Buffers.
//
//   serialize(value) -> ArrayBuffer (V8 header + value); throws for what V8 cannot clone
//   deserialize(view) -> value
//   setBufferPrototype(Buffer.prototype)   (once, before use)
#include "bindings/pipe_stream_serdes.h"

#include <cstdlib>
#include <cstring>

#include "runtime/binding.h"

namespace ringjs::pipe_stream {
namespace {

// Host object type indices.
enum ViewType : uint32_t {
  kInt8Array,
  kUint8Array,
  kUint8ClampedArray,
  kInt16Array,
  kUint16Array,
  kInt32Array,
  kUint32Array,
  kFloat32Array,
  kFloat64Array,
  kDataView,
  kBigInt64Array,
  kBigUint64Array,
  kBuffer,
};

class SerdesData : public BindingData {
 public:
  v8::Global<v8::Object> buffer_prototype;
};

SerdesData* GetSerdesData(Environment* env) {
  return env->binding_data<SerdesData>("pipe_stream_serdes");
}

bool IsBuffer(Environment* env, v8::Local<v8::Object> object) {
  SerdesData* data = GetSerdesData(env);
  if (data == nullptr || data->buffer_prototype.IsEmpty()) return false;
  return object->GetPrototype() == data->buffer_prototype.Get(env->isolate());
}

class Serializer : public v8::ValueSerializer::Delegate {
 public:
  Serializer(Environment* env) : env_(env), serializer_(env->isolate(), this) {
    serializer_.SetTreatArrayBufferViewsAsHostObjects(true);
  }

  void ThrowDataCloneError(v8::Local<v8::String> message) override {
    env_->isolate()->ThrowException(v8::Exception::Error(message));
  }

  v8::Maybe<bool> WriteHostObject(v8::Isolate* isolate, v8::Local<v8::Object> object) override {
    if (!object->IsArrayBufferView()) {
      ThrowDataCloneError(OneByteString(isolate, "Unserializable host object"));
      return v8::Nothing<bool>();
    }
    v8::Local<v8::ArrayBufferView> view = object.As<v8::ArrayBufferView>();
    uint32_t type;
    if (view->IsUint8Array() && IsBuffer(env_, object)) type = kBuffer;
    else if (view->IsInt8Array()) type = kInt8Array;
    else if (view->IsUint8Array()) type = kUint8Array;
    else if (view->IsUint8ClampedArray()) type = kUint8ClampedArray;
    else if (view->IsInt16Array()) type = kInt16Array;
    else if (view->IsUint16Array()) type = kUint16Array;
    else if (view->IsInt32Array()) type = kInt32Array;
    else if (view->IsUint32Array()) type = kUint32Array;
    else if (view->IsFloat32Array()) type = kFloat32Array;
    else if (view->IsFloat64Array()) type = kFloat64Array;
    else if (view->IsBigInt64Array()) type = kBigInt64Array;
    else if (view->IsBigUint64Array()) type = kBigUint64Array;
    else type = kDataView;
    size_t length = view->ByteLength();
    serializer_.WriteUint32(type);
    serializer_.WriteUint64(length);
    std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
    const uint8_t* bytes = static_cast<const uint8_t*>(store->Data());
    serializer_.WriteRawBytes(bytes == nullptr ? nullptr : bytes + view->ByteOffset(), length);
    return v8::Just(true);
  }

  v8::MaybeLocal<v8::ArrayBuffer> Run(v8::Local<v8::Value> value) {
    serializer_.WriteHeader();
    bool ok;
    if (!serializer_.WriteValue(env_->context(), value).To(&ok) || !ok) return {};
    std::pair<uint8_t*, size_t> result = serializer_.Release();
    std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
        result.first, result.second, [](void* data, size_t, void*) { free(data); }, nullptr);
    return v8::ArrayBuffer::New(env_->isolate(), std::move(store));
  }

 private:
  Environment* env_;
  v8::ValueSerializer serializer_;
};

class Deserializer : public v8::ValueDeserializer::Delegate {
 public:
  Deserializer(Environment* env, const uint8_t* data, size_t size)
      : env_(env), deserializer_(env->isolate(), data, size, this) {}

  v8::MaybeLocal<v8::Object> ReadHostObject(v8::Isolate* isolate) override {
    uint32_t type;
    uint64_t length;
    const void* bytes;
    if (!deserializer_.ReadUint32(&type) || !deserializer_.ReadUint64(&length) ||
        !deserializer_.ReadRawBytes(length, &bytes)) {
      isolate->ThrowException(v8::Exception::Error(
          OneByteString(isolate, "Malformed IPC message (host object)")));
      return {};
    }
    v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, length);
    if (length > 0) memcpy(ab->GetBackingStore()->Data(), bytes, length);
    size_t n = length;
    switch (type) {
      case kInt8Array: return v8::Int8Array::New(ab, 0, n);
      case kUint8Array: return v8::Uint8Array::New(ab, 0, n);
      case kUint8ClampedArray: return v8::Uint8ClampedArray::New(ab, 0, n);
      case kInt16Array: return v8::Int16Array::New(ab, 0, n / 2);
      case kUint16Array: return v8::Uint16Array::New(ab, 0, n / 2);
      case kInt32Array: return v8::Int32Array::New(ab, 0, n / 4);
      case kUint32Array: return v8::Uint32Array::New(ab, 0, n / 4);
      case kFloat32Array: return v8::Float32Array::New(ab, 0, n / 4);
      case kFloat64Array: return v8::Float64Array::New(ab, 0, n / 8);
      case kBigInt64Array: return v8::BigInt64Array::New(ab, 0, n / 8);
      case kBigUint64Array: return v8::BigUint64Array::New(ab, 0, n / 8);
      case kDataView: return v8::DataView::New(ab, 0, n);
      case kBuffer: {
        v8::Local<v8::Uint8Array> array = v8::Uint8Array::New(ab, 0, n);
        SerdesData* data = GetSerdesData(env_);
        if (data != nullptr && !data->buffer_prototype.IsEmpty()) {
          USE(array->SetPrototype(env_->context(), data->buffer_prototype.Get(isolate)));
        }
        return array;
      }
      default:
        isolate->ThrowException(v8::Exception::Error(
            OneByteString(isolate, "Malformed IPC message (view type)")));
        return {};
    }
  }

  v8::MaybeLocal<v8::Value> Run() {
    bool ok;
    if (!deserializer_.ReadHeader(env_->context()).To(&ok) || !ok) return {};
    return deserializer_.ReadValue(env_->context());
  }

 private:
  Environment* env_;
  v8::ValueDeserializer deserializer_;
};

void Serialize(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Serializer serializer(Environment::From(info));
  v8::Local<v8::ArrayBuffer> result;
  if (serializer.Run(info[0]).ToLocal(&result)) info.GetReturnValue().Set(result);
}

void Deserialize(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info[0]->IsArrayBufferView()) {
    return ThrowTypeError(info.GetIsolate(), "deserialize(view)");
  }
  v8::Local<v8::ArrayBufferView> view = info[0].As<v8::ArrayBufferView>();
  std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
  const uint8_t* data = static_cast<const uint8_t*>(store->Data());
  Deserializer deserializer(Environment::From(info),
                            data == nullptr ? nullptr : data + view->ByteOffset(),
                            view->ByteLength());
  v8::Local<v8::Value> result;
  if (deserializer.Run().ToLocal(&result)) info.GetReturnValue().Set(result);
}

void SetBufferPrototype(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info[0]->IsObject()) return ThrowTypeError(info.GetIsolate(), "setBufferPrototype(proto)");
  GetSerdesData(Environment::From(info))
      ->buffer_prototype.Reset(info.GetIsolate(), info[0].As<v8::Object>());
}

}  // namespace

void InitializeSerdes(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  env->set_binding_data("pipe_stream_serdes", std::make_unique<SerdesData>());
  SetMethod(context, target, "serialize", Serialize);
  SetMethod(context, target, "deserialize", Deserialize);
  SetMethod(context, target, "setBufferPrototype", SetBufferPrototype);
}

}  // namespace ringjs::pipe_stream
