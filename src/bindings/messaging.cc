// internalBinding('messaging'): structuredClone through V8's ValueSerializer, as node does.
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "runtime/binding.h"

namespace ringjs::messaging {
namespace {

// Records why a value could not be cloned; JS turns it into a DOMException DataCloneError.
class SerializerDelegate : public v8::ValueSerializer::Delegate {
 public:
  explicit SerializerDelegate(v8::Isolate* isolate) : isolate_(isolate) {}

  void ThrowDataCloneError(v8::Local<v8::String> message) override {
    clone_error_ = ToStdString(isolate_, message);
    // V8 needs a pending exception to unwind; the binding replaces it with a result.
    isolate_->ThrowException(v8::Exception::Error(message));
  }

  const std::string& clone_error() const { return clone_error_; }

 private:
  v8::Isolate* isolate_;
  std::string clone_error_;
};

v8::Local<v8::Array> Result(v8::Isolate* isolate, bool ok, v8::Local<v8::Value> value) {
  v8::Local<v8::Value> parts[] = {v8::Boolean::New(isolate, ok), value};
  return v8::Array::New(isolate, parts, 2);
}

// structuredClone(value, transferList) -> [true, clone] or [false, dataCloneErrorMessage].
// Other exceptions (a throwing getter) propagate unchanged.
void StructuredClone(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();

  std::vector<v8::Local<v8::ArrayBuffer>> transfers;
  if (info[1]->IsArray()) {
    v8::Local<v8::Array> list = info[1].As<v8::Array>();
    for (uint32_t i = 0; i < list->Length(); i++) {
      v8::Local<v8::Value> item;
      if (!list->Get(context, i).ToLocal(&item)) return;
      if (!item->IsArrayBuffer() || !item.As<v8::ArrayBuffer>()->IsDetachable()) {
        info.GetReturnValue().Set(Result(isolate, false,
                                         OneByteString(isolate, "Value not transferable")));
        return;
      }
      for (const auto& seen : transfers) {
        if (seen == item) {
          info.GetReturnValue().Set(Result(
              isolate, false, OneByteString(isolate, "ArrayBuffer at index 1 is a duplicate of an "
                                                     "earlier ArrayBuffer. Duplicates are not allowed.")));
          return;
        }
      }
      transfers.push_back(item.As<v8::ArrayBuffer>());
    }
  }

  SerializerDelegate delegate(isolate);
  v8::ValueSerializer serializer(isolate, &delegate);
  for (uint32_t i = 0; i < transfers.size(); i++) serializer.TransferArrayBuffer(i, transfers[i]);
  serializer.WriteHeader();
  bool wrote;
  {
    v8::TryCatch try_catch(isolate);
    wrote = serializer.WriteValue(context, info[0]).FromMaybe(false);
    if (!wrote) {
      if (!delegate.clone_error().empty()) {
        info.GetReturnValue().Set(
            Result(isolate, false, Utf8String(isolate, delegate.clone_error())));
        return;
      }
      try_catch.ReThrow();
      return;
    }
  }
  std::pair<uint8_t*, size_t> data = serializer.Release();
  std::unique_ptr<uint8_t, decltype(&std::free)> owned(data.first, &std::free);

  // The transferred buffers move: the clone takes their memory and the originals detach.
  std::vector<std::shared_ptr<v8::BackingStore>> stores;
  for (const auto& buffer : transfers) {
    stores.push_back(buffer->GetBackingStore());
    buffer->Detach();
  }

  v8::ValueDeserializer deserializer(isolate, data.first, data.second);
  for (uint32_t i = 0; i < stores.size(); i++) {
    deserializer.TransferArrayBuffer(i, v8::ArrayBuffer::New(isolate, stores[i]));
  }
  v8::Local<v8::Value> clone;
  if (!deserializer.ReadHeader(context).FromMaybe(false) ||
      !deserializer.ReadValue(context).ToLocal(&clone)) {
    return;
  }
  info.GetReturnValue().Set(Result(isolate, true, clone));
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  SetMethod(env->context(), target, "structuredClone", StructuredClone);
}

}  // namespace
}  // namespace ringjs::messaging

RINGJS_BINDING(messaging, ringjs::messaging::Initialize)
