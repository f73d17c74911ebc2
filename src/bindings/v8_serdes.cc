// The Serializer and Deserializer classes of internalBinding('v8'): V8's ValueSerializer and
// ValueDeserializer with their delegate calls forwarded to JS methods on the object
// (_writeHostObject, _getDataCloneError, _getSharedArrayBufferId, _readHostObject), so
// lib/js/v8.js can subclass them as node's DefaultSerializer/DefaultDeserializer do.
#include "bindings/v8_serdes.h"

#include <cstdlib>
#include <cstring>
#include <memory>

#include "runtime/binding.h"

namespace ringjs::v8_binding {
namespace {

// Errors node throws from its C++ side: a TypeError with a `code` property.
void ThrowCodedTypeError(v8::Isolate* isolate, const char* code, const char* message) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Value> error = v8::Exception::TypeError(OneByteString(isolate, message));
  USE(error.As<v8::Object>()->Set(context, OneByteString(isolate, "code"),
                                  OneByteString(isolate, code)));
  isolate->ThrowException(error);
}

bool RequireConstructCall(const v8::FunctionCallbackInfo<v8::Value>& info, const char* name) {
  if (info.IsConstructCall()) return true;
  std::string message = std::string("Class constructor ") + name +
                        " cannot be invoked without 'new'";
  ThrowCodedTypeError(info.GetIsolate(), "ERR_CONSTRUCT_CALL_REQUIRED", message.c_str());
  return false;
}

// The JS method `name` of `self`, or an empty handle when it is not a function.
v8::MaybeLocal<v8::Function> OptionalMethod(v8::Local<v8::Context> context,
                                            v8::Local<v8::Object> self, const char* name,
                                            bool* failed) {
  *failed = false;
  v8::Local<v8::Value> value;
  if (!self->Get(context, OneByteString(context->GetIsolate(), name)).ToLocal(&value)) {
    *failed = true;
    return {};
  }
  if (!value->IsFunction()) return {};
  return value.As<v8::Function>();
}

// A C++ object owned by its JS wrapper: deleted when the wrapper is collected.
class Wrapped {
 public:
  Wrapped(v8::Isolate* isolate, v8::Local<v8::Object> object) : isolate_(isolate) {
    object->SetAlignedPointerInInternalField(0, this);
    object_.Reset(isolate, object);
    object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
  }
  virtual ~Wrapped() = default;

  v8::Local<v8::Object> object() const { return object_.Get(isolate_); }

  template <typename T>
  static T* Unwrap(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Local<v8::Object> self = info.This();
    if (self->InternalFieldCount() < 1) {
      ThrowTypeError(info.GetIsolate(), "Illegal invocation");
      return nullptr;
    }
    // The field holds the Wrapped base pointer (see the constructor).
    T* wrapped = static_cast<T*>(
        static_cast<Wrapped*>(self->GetAlignedPointerFromInternalField(0)));
    if (wrapped == nullptr) ThrowTypeError(info.GetIsolate(), "Illegal invocation");
    return wrapped;
  }

 protected:
  v8::Isolate* isolate_;

 private:
  static void OnCollected(const v8::WeakCallbackInfo<Wrapped>& data) {
    delete data.GetParameter();
  }

  v8::Global<v8::Object> object_;
};

class SerializerContext : public Wrapped, public v8::ValueSerializer::Delegate {
 public:
  SerializerContext(v8::Isolate* isolate, v8::Local<v8::Object> object)
      : Wrapped(isolate, object), serializer_(isolate, this) {}
  ~SerializerContext() override = default;

  v8::ValueSerializer& serializer() { return serializer_; }

  // V8 reports why a value cannot be cloned: the error thrown is whatever
  // this._getDataCloneError(message) returns (Error by default).
  void ThrowDataCloneError(v8::Local<v8::String> message) override {
    v8::Local<v8::Context> context = isolate_->GetCurrentContext();
    bool failed;
    v8::Local<v8::Function> make_error;
    if (!OptionalMethod(context, object(), "_getDataCloneError", &failed).ToLocal(&make_error)) {
      if (!failed) isolate_->ThrowException(v8::Exception::Error(message));
      return;
    }
    v8::Local<v8::Value> argv[] = {message};
    v8::Local<v8::Value> error;
    if (make_error->Call(context, object(), 1, argv).ToLocal(&error)) {
      isolate_->ThrowException(error);
    }
  }

  v8::Maybe<bool> WriteHostObject(v8::Isolate* isolate, v8::Local<v8::Object> host) override {
    v8::Local<v8::Context> context = isolate->GetCurrentContext();
    bool failed;
    v8::Local<v8::Function> write;
    if (!OptionalMethod(context, object(), "_writeHostObject", &failed).ToLocal(&write)) {
      if (failed) return v8::Nothing<bool>();
      return v8::ValueSerializer::Delegate::WriteHostObject(isolate, host);
    }
    v8::Local<v8::Value> argv[] = {host};
    if (write->Call(context, object(), 1, argv).IsEmpty()) return v8::Nothing<bool>();
    return v8::Just(true);
  }

  v8::Maybe<uint32_t> GetSharedArrayBufferId(v8::Isolate* isolate,
                                             v8::Local<v8::SharedArrayBuffer> sab) override {
    v8::Local<v8::Context> context = isolate->GetCurrentContext();
    bool failed;
    v8::Local<v8::Function> get_id;
    if (!OptionalMethod(context, object(), "_getSharedArrayBufferId", &failed)
             .ToLocal(&get_id)) {
      if (failed) return v8::Nothing<uint32_t>();
      return v8::ValueSerializer::Delegate::GetSharedArrayBufferId(isolate, sab);
    }
    v8::Local<v8::Value> argv[] = {sab};
    v8::Local<v8::Value> id;
    if (!get_id->Call(context, object(), 1, argv).ToLocal(&id)) return v8::Nothing<uint32_t>();
    return id->Uint32Value(context);
  }

 private:
  v8::ValueSerializer serializer_;
};

class DeserializerContext : public Wrapped, public v8::ValueDeserializer::Delegate {
 public:
  // `data` stays valid: `buffer` (the view it points into) is held for the object's life.
  DeserializerContext(v8::Isolate* isolate, v8::Local<v8::Object> object,
                      v8::Local<v8::ArrayBufferView> buffer, const uint8_t* data, size_t length)
      : Wrapped(isolate, object),
        buffer_(isolate, buffer),
        data_(data),
        length_(length),
        deserializer_(isolate, data, length, this) {}
  ~DeserializerContext() override = default;

  v8::ValueDeserializer& deserializer() { return deserializer_; }
  const uint8_t* data() const { return data_; }
  size_t length() const { return length_; }

  v8::MaybeLocal<v8::Object> ReadHostObject(v8::Isolate* isolate) override {
    // This V8 (10.2) forbids JS while it reads an object graph; later versions (node 20's) let
    // the delegate call _readHostObject, which node's API needs.
    v8::Isolate::AllowJavascriptExecutionScope allow_js(isolate);
    v8::Local<v8::Context> context = isolate->GetCurrentContext();
    bool failed;
    v8::Local<v8::Function> read;
    if (!OptionalMethod(context, object(), "_readHostObject", &failed).ToLocal(&read)) {
      if (failed) return {};
      return v8::ValueDeserializer::Delegate::ReadHostObject(isolate);
    }
    v8::Local<v8::Value> result;
    if (!read->Call(context, object(), 0, nullptr).ToLocal(&result)) return {};
    if (!result->IsObject()) {
      ThrowTypeError(isolate, "readHostObject must return an object");
      return {};
    }
    return result.As<v8::Object>();
  }

 private:
  v8::Global<v8::ArrayBufferView> buffer_;
  const uint8_t* data_;
  size_t length_;
  v8::ValueDeserializer deserializer_;
};

// Bytes of a TypedArray/DataView argument, or nullptr after throwing node's error.
const uint8_t* ViewBytes(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* message,
                         size_t* length) {
  if (!value->IsArrayBufferView()) {
    ThrowCodedTypeError(isolate, "ERR_INVALID_ARG_TYPE", message);
    return nullptr;
  }
  v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  *length = view->ByteLength();
  std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
  static const uint8_t kEmpty = 0;
  if (store->Data() == nullptr) return &kEmpty;
  return static_cast<const uint8_t*>(store->Data()) + view->ByteOffset();
}

// --- Serializer -------------------------------------------------------------------------------

void SerializerNew(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!RequireConstructCall(info, "Serializer")) return;
  new SerializerContext(info.GetIsolate(), info.This());
}

void SerializerWriteHeader(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (auto* self = Wrapped::Unwrap<SerializerContext>(info)) self->serializer().WriteHeader();
}

void SerializerWriteValue(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* self = Wrapped::Unwrap<SerializerContext>(info);
  if (self == nullptr) return;
  v8::Maybe<bool> wrote =
      self->serializer().WriteValue(info.GetIsolate()->GetCurrentContext(), info[0]);
  if (wrote.IsJust()) info.GetReturnValue().Set(wrote.FromJust());
}

// releaseBuffer() -> Uint8Array owning the serialized bytes (lib/js/v8.js makes it a Buffer).
void SerializerReleaseBuffer(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* self = Wrapped::Unwrap<SerializerContext>(info);
  if (self == nullptr) return;
  std::pair<uint8_t*, size_t> bytes = self->serializer().Release();
  std::shared_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      bytes.first, bytes.second,
      [](void* data, size_t, void*) { std::free(data); }, nullptr);
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(info.GetIsolate(), std::move(store));
  info.GetReturnValue().Set(v8::Uint8Array::New(buffer, 0, bytes.second));
}

void SerializerTransferArrayBuffer(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* self = Wrapped::Unwrap<SerializerContext>(info);
  if (self == nullptr) return;
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  uint32_t id;
  if (!info[0]->Uint32Value(context).To(&id)) return;
  if (!info[1]->IsArrayBuffer()) {
    return ThrowCodedTypeError(info.GetIsolate(), "ERR_INVALID_ARG_TYPE",
                               "arrayBuffer must be an ArrayBuffer");
  }
  self->serializer().TransferArrayBuffer(id, info[1].As<v8::ArrayBuffer>());
}

void SerializerWriteUint32(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* self = Wrapped::Unwrap<SerializerContext>(info);
  if (self == nullptr) return;
  uint32_t value;
  if (info[0]->Uint32Value(info.GetIsolate()->GetCurrentContext()).To(&value)) {
    self->serializer().WriteUint32(value);
  }
}

// writeUint64(hi, lo): two 32-bit halves, as node.
void SerializerWriteUint64(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* self = Wrapped::Unwrap<SerializerContext>(info);
  if (self == nullptr) return;
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  uint32_t hi, lo;
  if (!info[0]->Uint32Value(context).To(&hi) || !info[1]->Uint32Value(context).To(&lo)) return;
  self->serializer().WriteUint64((static_cast<uint64_t>(hi) << 32) | lo);
}

void SerializerWriteDouble(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* self = Wrapped::Unwrap<SerializerContext>(info);
  if (self == nullptr) return;
  double value;
  if (info[0]->NumberValue(info.GetIsolate()->GetCurrentContext()).To(&value)) {
    self->serializer().WriteDouble(value);
  }
}

void SerializerWriteRawBytes(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* self = Wrapped::Unwrap<SerializerContext>(info);
  if (self == nullptr) return;
  size_t length;
  const uint8_t* bytes =
      ViewBytes(info.GetIsolate(), info[0], "source must be a TypedArray or a DataView", &length);
  if (bytes != nullptr) self->serializer().WriteRawBytes(bytes, length);
}

void SerializerSetTreatViewsAsHostObjects(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* self = Wrapped::Unwrap<SerializerContext>(info);
  if (self == nullptr) return;
  self->serializer().SetTreatArrayBufferViewsAsHostObjects(
      info[0]->BooleanValue(info.GetIsolate()));
}

// --- Deserializer -----------------------------------------------------------------------------

void DeserializerNew(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!RequireConstructCall(info, "Deserializer")) return;
  v8::Isolate* isolate = info.GetIsolate();
  size_t length;
  const uint8_t* data =
      ViewBytes(isolate, info[0], "buffer must be a TypedArray or a DataView", &length);
  if (data == nullptr) return;
  // node exposes the input as `this.buffer` (readRawBytes and _readHostObject read from it).
  if (info.This()
          ->Set(isolate->GetCurrentContext(), OneByteString(isolate, "buffer"), info[0])
          .IsNothing()) {
    return;
  }
  new DeserializerContext(isolate, info.This(), info[0].As<v8::ArrayBufferView>(), data, length);
}

void DeserializerReadHeader(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* self = Wrapped::Unwrap<DeserializerContext>(info);
  if (self == nullptr) return;
  v8::Maybe<bool> read = self->deserializer().ReadHeader(info.GetIsolate()->GetCurrentContext());
  if (read.IsJust()) info.GetReturnValue().Set(read.FromJust());
}

void DeserializerReadValue(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* self = Wrapped::Unwrap<DeserializerContext>(info);
  if (self == nullptr) return;
  v8::Local<v8::Value> value;
  if (self->deserializer().ReadValue(info.GetIsolate()->GetCurrentContext()).ToLocal(&value)) {
    info.GetReturnValue().Set(value);
  }
}

void DeserializerGetWireFormatVersion(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* self = Wrapped::Unwrap<DeserializerContext>(info);
  if (self == nullptr) return;
  info.GetReturnValue().Set(self->deserializer().GetWireFormatVersion());
}

void DeserializerTransferArrayBuffer(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* self = Wrapped::Unwrap<DeserializerContext>(info);
  if (self == nullptr) return;
  uint32_t id;
  if (!info[0]->Uint32Value(info.GetIsolate()->GetCurrentContext()).To(&id)) return;
  if (info[1]->IsArrayBuffer()) {
    self->deserializer().TransferArrayBuffer(id, info[1].As<v8::ArrayBuffer>());
  } else if (info[1]->IsSharedArrayBuffer()) {
    self->deserializer().TransferSharedArrayBuffer(id, info[1].As<v8::SharedArrayBuffer>());
  } else {
    ThrowCodedTypeError(info.GetIsolate(), "ERR_INVALID_ARG_TYPE",
                        "arrayBuffer must be an ArrayBuffer or SharedArrayBuffer");
  }
}

void DeserializerReadUint32(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* self = Wrapped::Unwrap<DeserializerContext>(info);
  if (self == nullptr) return;
  uint32_t value;
  if (!self->deserializer().ReadUint32(&value)) return ThrowError(info.GetIsolate(), "ReadUint32() failed");
  info.GetReturnValue().Set(value);
}

// readUint64() -> [hi, lo].
void DeserializerReadUint64(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* self = Wrapped::Unwrap<DeserializerContext>(info);
  if (self == nullptr) return;
  uint64_t value;
  if (!self->deserializer().ReadUint64(&value)) return ThrowError(info.GetIsolate(), "ReadUint64() failed");
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Value> halves[] = {
      v8::Integer::NewFromUnsigned(isolate, static_cast<uint32_t>(value >> 32)),
      v8::Integer::NewFromUnsigned(isolate, static_cast<uint32_t>(value)),
  };
  info.GetReturnValue().Set(v8::Array::New(isolate, halves, 2));
}

void DeserializerReadDouble(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* self = Wrapped::Unwrap<DeserializerContext>(info);
  if (self == nullptr) return;
  double value;
  if (!self->deserializer().ReadDouble(&value)) return ThrowError(info.GetIsolate(), "ReadDouble() failed");
  info.GetReturnValue().Set(value);
}

// _readRawBytes(length) -> offset of the bytes within `this.buffer`.
void DeserializerReadRawBytes(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* self = Wrapped::Unwrap<DeserializerContext>(info);
  if (self == nullptr) return;
  int64_t length;
  if (!info[0]->IntegerValue(info.GetIsolate()->GetCurrentContext()).To(&length)) return;
  const void* bytes = nullptr;
  if (length < 0 ||
      !self->deserializer().ReadRawBytes(static_cast<size_t>(length), &bytes)) {
    return ThrowError(info.GetIsolate(), "ReadRawBytes() failed");
  }
  size_t offset = static_cast<const uint8_t*>(bytes) - self->data();
  info.GetReturnValue().Set(static_cast<double>(offset));
}

v8::Local<v8::FunctionTemplate> ClassTemplate(v8::Isolate* isolate, const char* name,
                                              v8::FunctionCallback constructor) {
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, constructor);
  tmpl->SetClassName(OneByteString(isolate, name));
  tmpl->InstanceTemplate()->SetInternalFieldCount(1);
  return tmpl;
}

}  // namespace

void InitializeSerdes(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();

  v8::Local<v8::FunctionTemplate> ser = ClassTemplate(isolate, "Serializer", SerializerNew);
  SetProtoMethod(isolate, ser, "writeHeader", SerializerWriteHeader);
  SetProtoMethod(isolate, ser, "writeValue", SerializerWriteValue);
  SetProtoMethod(isolate, ser, "releaseBuffer", SerializerReleaseBuffer);
  SetProtoMethod(isolate, ser, "transferArrayBuffer", SerializerTransferArrayBuffer);
  SetProtoMethod(isolate, ser, "writeUint32", SerializerWriteUint32);
  SetProtoMethod(isolate, ser, "writeUint64", SerializerWriteUint64);
  SetProtoMethod(isolate, ser, "writeDouble", SerializerWriteDouble);
  SetProtoMethod(isolate, ser, "writeRawBytes", SerializerWriteRawBytes);
  SetProtoMethod(isolate, ser, "_setTreatArrayBufferViewsAsHostObjects",
                 SerializerSetTreatViewsAsHostObjects);

  v8::Local<v8::FunctionTemplate> des = ClassTemplate(isolate, "Deserializer", DeserializerNew);
  SetProtoMethod(isolate, des, "readHeader", DeserializerReadHeader);
  SetProtoMethod(isolate, des, "readValue", DeserializerReadValue);
  SetProtoMethod(isolate, des, "getWireFormatVersion", DeserializerGetWireFormatVersion);
  SetProtoMethod(isolate, des, "transferArrayBuffer", DeserializerTransferArrayBuffer);
  SetProtoMethod(isolate, des, "readUint32", DeserializerReadUint32);
  SetProtoMethod(isolate, des, "readUint64", DeserializerReadUint64);
  SetProtoMethod(isolate, des, "readDouble", DeserializerReadDouble);
  SetProtoMethod(isolate, des, "_readRawBytes", DeserializerReadRawBytes);

  v8::Local<v8::Function> ser_fn, des_fn;
  if (!ser->GetFunction(context).ToLocal(&ser_fn) || !des->GetFunction(context).ToLocal(&des_fn)) {
    return;
  }
  SetValue(context, target, "Serializer", ser_fn);
  SetValue(context, target, "Deserializer", des_fn);
}

}  // namespace ringjs::v8_binding
