// Port queues, sibling groups and message serialization (see message_port.h).
#include "bindings/message_port.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "runtime/binding.h"

namespace ringjs::messaging {

// The ends that hear each other: a channel's two ports, or every BroadcastChannel of a name.
class SiblingGroup {
 public:
  explicit SiblingGroup(bool broadcast) : broadcast_(broadcast) {}

  void Add(PortData* data) {
    std::lock_guard<std::mutex> lock(mutex_);
    members_.push_back(data);
  }

  // A pair's remaining end is told the channel closed.
  void Remove(PortData* data) {
    std::lock_guard<std::mutex> lock(mutex_);
    members_.erase(std::remove(members_.begin(), members_.end(), data), members_.end());
    if (broadcast_) return;
    for (PortData* other : members_) {
      auto notice = std::make_unique<Message>();
      notice->is_close = true;
      other->Enqueue(std::move(notice));
    }
  }

  // Returns the message when nobody else is there to take it (the caller drops it outside the
  // lock: dropping may close ports it carried, which takes other groups' locks).
  std::unique_ptr<Message> Dispatch(PortData* sender, std::unique_ptr<Message> message) {
    std::lock_guard<std::mutex> lock(mutex_);
    PortData* only = nullptr;
    size_t receivers = 0;
    for (PortData* member : members_) {
      if (member == sender) continue;
      receivers++;
      only = member;
    }
    if (receivers == 0) return message;
    if (receivers == 1) {
      only->Enqueue(std::move(message));
      return nullptr;
    }
    for (PortData* member : members_) {
      if (member != sender) member->Enqueue(message->CloneForBroadcast());
    }
    return message;
  }

 private:
  const bool broadcast_;
  std::mutex mutex_;
  std::vector<PortData*> members_;
};

namespace {

// Named broadcast groups, process-wide (BroadcastChannel reaches every thread).
std::mutex broadcast_registry_mutex;
std::unordered_map<std::string, std::weak_ptr<SiblingGroup>>& BroadcastRegistry() {
  static auto* registry = new std::unordered_map<std::string, std::weak_ptr<SiblingGroup>>();
  return *registry;
}

}  // namespace

std::unique_ptr<Message> Message::CloneForBroadcast() const {
  auto copy = std::make_unique<Message>();
  copy->payload = payload;
  copy->shared_buffers = shared_buffers;
  for (const v8::CompiledWasmModule& module : wasm_modules) copy->wasm_modules.push_back(module);
  return copy;
}

PortData::~PortData() { Disentangle(); }

void PortData::Post(std::unique_ptr<Message> message) {
  std::shared_ptr<SiblingGroup> group;
  {
    std::lock_guard<std::mutex> lock(group_mutex_);
    group = group_;
  }
  if (!group) return;
  std::unique_ptr<Message> undelivered = group->Dispatch(this, std::move(message));
}

void PortData::Enqueue(std::unique_ptr<Message> message) {
  std::lock_guard<std::mutex> lock(mutex_);
  queue_.push_back(std::move(message));
  if (receiver_ != nullptr) receiver_->Wake();
}

std::unique_ptr<Message> PortData::Dequeue() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (queue_.empty()) return nullptr;
  std::unique_ptr<Message> message = std::move(queue_.front());
  queue_.pop_front();
  return message;
}

std::unique_ptr<Message> PortData::DequeueData() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (queue_.empty() || queue_.front()->is_close) return nullptr;
  std::unique_ptr<Message> message = std::move(queue_.front());
  queue_.pop_front();
  return message;
}

std::unique_ptr<Message> PortData::DequeueClose() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (queue_.empty() || !queue_.front()->is_close) return nullptr;
  std::unique_ptr<Message> message = std::move(queue_.front());
  queue_.pop_front();
  return message;
}

size_t PortData::QueueSize() {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

std::deque<std::unique_ptr<Message>> PortData::TakeQueue() {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::move(queue_);
}

void PortData::AttachReceiver(PortReceiver* receiver) {
  std::lock_guard<std::mutex> lock(mutex_);
  receiver_ = receiver;
  if (!queue_.empty()) receiver_->Wake();
}

void PortData::DetachReceiver() {
  std::lock_guard<std::mutex> lock(mutex_);
  receiver_ = nullptr;
}

void PortData::Disentangle() {
  std::shared_ptr<SiblingGroup> group;
  {
    std::lock_guard<std::mutex> lock(group_mutex_);
    group.swap(group_);
  }
  if (group) group->Remove(this);
}

bool PortData::SharesGroupWith(PortData* other) {
  std::shared_ptr<SiblingGroup> mine;
  {
    std::lock_guard<std::mutex> lock(group_mutex_);
    mine = group_;
  }
  std::lock_guard<std::mutex> lock(other->group_mutex_);
  return mine != nullptr && mine == other->group_;
}

void PortData::Entangle(const std::shared_ptr<PortData>& a, const std::shared_ptr<PortData>& b) {
  auto group = std::make_shared<SiblingGroup>(false);
  group->Add(a.get());
  group->Add(b.get());
  std::lock_guard<std::mutex> lock_a(a->group_mutex_);
  std::lock_guard<std::mutex> lock_b(b->group_mutex_);
  a->group_ = group;
  b->group_ = group;
}

void PortData::JoinBroadcast(const std::shared_ptr<PortData>& data, const std::string& name) {
  std::shared_ptr<SiblingGroup> group;
  {
    std::lock_guard<std::mutex> lock(broadcast_registry_mutex);
    auto& registry = BroadcastRegistry();
    for (auto it = registry.begin(); it != registry.end();) {
      it = it->second.expired() ? registry.erase(it) : std::next(it);
    }
    group = registry[name].lock();
    if (!group) {
      group = std::make_shared<SiblingGroup>(true);
      registry[name] = group;
    }
  }
  group->Add(data.get());
  std::lock_guard<std::mutex> lock(data->group_mutex_);
  data->group_ = group;
}

std::pair<std::shared_ptr<PortData>, std::shared_ptr<PortData>> NewPortPair() {
  auto a = std::make_shared<PortData>();
  auto b = std::make_shared<PortData>();
  PortData::Entangle(a, b);
  return {a, b};
}

void CloseDetachedPort(const std::shared_ptr<PortData>& data) {
  if (data) data->Disentangle();
}

namespace {

// What a host object's bytes start with.
// kPlainCopy: an API object without internal fields (its properties come from interceptors,
// like process.env) travels as a plain object holding its own enumerable properties, as in node.
enum class HostKind : uint32_t { kPort = 0, kJsHost = 1, kPlainCopy = 2 };

class SerializerDelegate : public v8::ValueSerializer::Delegate {
 public:
  SerializerDelegate(Environment* env, Message* message,
                     const std::vector<v8::Local<v8::Object>>& ports,
                     const std::vector<v8::Local<v8::Object>>& listed_hosts,
                     std::vector<bool>* hosts_sent, CloneError* error)
      : env_(env), isolate_(env->isolate()), message_(message), ports_(ports),
        listed_hosts_(listed_hosts), hosts_sent_(hosts_sent), error_(error) {}

  void set_serializer(v8::ValueSerializer* serializer) { serializer_ = serializer; }

  void ThrowDataCloneError(v8::Local<v8::String> message) override {
    Fail(CloneErrorKind::kDataClone, ToStdString(isolate_, message));
  }

  v8::Maybe<bool> WriteHostObject(v8::Isolate* isolate, v8::Local<v8::Object> object) override {
    if (IsMessagePort(object)) {
      for (size_t i = 0; i < ports_.size(); i++) {
        if (ports_[i] == object) {
          serializer_->WriteUint32(static_cast<uint32_t>(HostKind::kPort));
          serializer_->WriteUint32(static_cast<uint32_t>(i));
          return v8::Just(true);
        }
      }
      return MissingTransferable();
    }
    if (IsJsHostObject(object)) return WriteJsHost(object);
    if (object->InternalFieldCount() == 0) return WritePlainCopy(object);
    return v8::ValueSerializer::Delegate::WriteHostObject(isolate, object);
  }

  v8::Maybe<uint32_t> GetSharedArrayBufferId(
      v8::Isolate* isolate, v8::Local<v8::SharedArrayBuffer> buffer) override {
    for (size_t i = 0; i < shared_.size(); i++) {
      if (shared_[i] == buffer) return v8::Just(static_cast<uint32_t>(i));
    }
    shared_.emplace_back(isolate, buffer);
    message_->shared_buffers.push_back(buffer->GetBackingStore());
    return v8::Just(static_cast<uint32_t>(shared_.size() - 1));
  }

  v8::Maybe<uint32_t> GetWasmModuleTransferId(
      v8::Isolate* isolate, v8::Local<v8::WasmModuleObject> module) override {
    message_->wasm_modules.push_back(module->GetCompiledModule());
    return v8::Just(static_cast<uint32_t>(message_->wasm_modules.size() - 1));
  }

 private:
  // V8 needs a pending exception to unwind; SerializeMessage replaces it with the clone error.
  void Fail(CloneErrorKind kind, std::string text) {
    error_->kind = kind;
    error_->message = std::move(text);
    isolate_->ThrowException(v8::Exception::Error(Utf8String(isolate_, error_->message)));
  }

  v8::Maybe<bool> MissingTransferable() {
    Fail(CloneErrorKind::kMissingTransferable,
         "Object that needs transfer was found in message but not listed in transferList");
    return v8::Nothing<bool>();
  }

  v8::Maybe<bool> WritePlainCopy(v8::Local<v8::Object> object) {
    v8::Local<v8::Context> context = env_->context();
    v8::Local<v8::Array> keys;
    if (!object->GetOwnPropertyNames(context).ToLocal(&keys)) return v8::Nothing<bool>();
    v8::Local<v8::Object> copy = v8::Object::New(isolate_);
    for (uint32_t i = 0; i < keys->Length(); i++) {
      v8::Local<v8::Value> key, value;
      if (!keys->Get(context, i).ToLocal(&key) || !object->Get(context, key).ToLocal(&value) ||
          copy->Set(context, key, value).IsNothing()) {
        return v8::Nothing<bool>();
      }
    }
    serializer_->WriteUint32(static_cast<uint32_t>(HostKind::kPlainCopy));
    return serializer_->WriteValue(context, copy);
  }

  // The JS hook says what the object carries: [deserializeInfo, data], written after the tag.
  v8::Maybe<bool> WriteJsHost(v8::Local<v8::Object> object) {
    auto listed = std::find(listed_hosts_.begin(), listed_hosts_.end(), object);
    v8::Local<v8::Value> parts;
    v8::Local<v8::Value> exception;
    {
      // V8 only notices an exception thrown through the Isolate here, not one a call left:
      // it is caught, then thrown again out here.
      v8::TryCatch try_catch(isolate_);
      if (!WriteJsHostObject(env_, object, listed != listed_hosts_.end()).ToLocal(&parts)) {
        if (!try_catch.HasCaught() || try_catch.HasTerminated()) return v8::Nothing<bool>();
        exception = try_catch.Exception();
      }
    }
    if (!exception.IsEmpty()) {
      isolate_->ThrowException(exception);
      return v8::Nothing<bool>();
    }
    if (!parts->IsArray()) return MissingTransferable();
    if (listed != listed_hosts_.end()) (*hosts_sent_)[listed - listed_hosts_.begin()] = true;
    v8::Local<v8::Context> context = env_->context();
    v8::Local<v8::Value> info, data;
    if (!parts.As<v8::Array>()->Get(context, 0).ToLocal(&info) ||
        !parts.As<v8::Array>()->Get(context, 1).ToLocal(&data)) {
      return v8::Nothing<bool>();
    }
    serializer_->WriteUint32(static_cast<uint32_t>(HostKind::kJsHost));
    if (serializer_->WriteValue(context, info).IsNothing()) return v8::Nothing<bool>();
    return serializer_->WriteValue(context, data);
  }

  Environment* env_;
  v8::Isolate* isolate_;
  Message* message_;
  const std::vector<v8::Local<v8::Object>>& ports_;
  const std::vector<v8::Local<v8::Object>>& listed_hosts_;
  std::vector<bool>* hosts_sent_;
  CloneError* error_;
  v8::ValueSerializer* serializer_ = nullptr;
  // Globals: V8 calls the delegate inside handle scopes of its own.
  std::vector<v8::Global<v8::SharedArrayBuffer>> shared_;
};

class DeserializerDelegate : public v8::ValueDeserializer::Delegate {
 public:
  DeserializerDelegate(Environment* env, Message* message,
                       const std::vector<v8::Local<v8::Object>>& ports)
      : env_(env), message_(message), ports_(ports) {}

  void set_deserializer(v8::ValueDeserializer* deserializer) { deserializer_ = deserializer; }

  v8::MaybeLocal<v8::Object> ReadHostObject(v8::Isolate* isolate) override {
    uint32_t kind;
    if (!deserializer_->ReadUint32(&kind)) return Corrupt(isolate);
    if (kind == static_cast<uint32_t>(HostKind::kJsHost)) {
      v8::Local<v8::Context> context = env_->context();
      v8::Local<v8::Object> shell;
      v8::Local<v8::Value> info, data;
      if (!NewJsHostShell(env_).ToLocal(&shell) ||
          !deserializer_->ReadValue(context).ToLocal(&info) ||
          !deserializer_->ReadValue(context).ToLocal(&data)) {
        return {};
      }
      // Inner host objects (read while reading `data`) are filled in first.
      pending_hosts_.push_back({v8::Global<v8::Object>(isolate, shell),
                                v8::Global<v8::Value>(isolate, info),
                                v8::Global<v8::Value>(isolate, data)});
      return shell;
    }
    if (kind == static_cast<uint32_t>(HostKind::kPlainCopy)) {
      v8::Local<v8::Value> copy;
      if (!deserializer_->ReadValue(env_->context()).ToLocal(&copy)) return {};
      if (!copy->IsObject()) return Corrupt(isolate);
      return copy.As<v8::Object>();
    }
    uint32_t index;
    if (kind != static_cast<uint32_t>(HostKind::kPort) || !deserializer_->ReadUint32(&index) ||
        index >= ports_.size()) {
      return Corrupt(isolate);
    }
    return ports_[index];
  }

  // After V8's deserializer is done (JS may run again): the shells become their objects.
  bool FillHostShells() {
    v8::Isolate* isolate = env_->isolate();
    for (PendingHost& host : pending_hosts_) {
      if (!ReadJsHostObject(env_, host.shell.Get(isolate), host.info.Get(isolate),
                            host.data.Get(isolate))) {
        return false;
      }
    }
    return true;
  }

  v8::MaybeLocal<v8::SharedArrayBuffer> GetSharedArrayBufferFromId(v8::Isolate* isolate,
                                                                   uint32_t id) override {
    if (id >= message_->shared_buffers.size()) return {};
    return v8::SharedArrayBuffer::New(isolate, message_->shared_buffers[id]);
  }

  v8::MaybeLocal<v8::WasmModuleObject> GetWasmModuleFromId(v8::Isolate* isolate,
                                                           uint32_t id) override {
    if (id >= message_->wasm_modules.size()) return {};
    return v8::WasmModuleObject::FromCompiledModule(isolate, message_->wasm_modules[id]);
  }

 private:
  static v8::MaybeLocal<v8::Object> Corrupt(v8::Isolate* isolate) {
    isolate->ThrowException(
        v8::Exception::Error(OneByteString(isolate, "Unable to deserialize cloned data.")));
    return {};
  }

  struct PendingHost {
    v8::Global<v8::Object> shell;
    v8::Global<v8::Value> info;
    v8::Global<v8::Value> data;
  };

  Environment* env_;
  Message* message_;
  const std::vector<v8::Local<v8::Object>>& ports_;
  v8::ValueDeserializer* deserializer_ = nullptr;
  std::vector<PendingHost> pending_hosts_;
};

bool SetError(CloneError* error, CloneErrorKind kind, const char* message) {
  error->kind = kind;
  error->message = message;
  return false;
}

}  // namespace

bool SerializeMessage(Environment* env, v8::Local<v8::Value> value,
                      v8::Local<v8::Array> transfer_list, v8::Local<v8::Object> source_port,
                      Message* message, CloneError* error) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();

  // What moves with the message, checked before anything is written (as node).
  std::vector<v8::Local<v8::ArrayBuffer>> buffers;
  std::vector<v8::Local<v8::Object>> ports;
  std::vector<v8::Local<v8::Object>> hosts;  // Host objects made in JS (a FileHandle moves).
  uint32_t count = transfer_list.IsEmpty() ? 0 : transfer_list->Length();
  for (uint32_t i = 0; i < count; i++) {
    v8::Local<v8::Value> item;
    if (!transfer_list->Get(context, i).ToLocal(&item)) return false;
    if (item->IsArrayBuffer()) {
      v8::Local<v8::ArrayBuffer> buffer = item.As<v8::ArrayBuffer>();
      if (buffer->WasDetached()) continue;
      if (std::find(buffers.begin(), buffers.end(), buffer) != buffers.end()) {
        return SetError(error, CloneErrorKind::kDataClone,
                        "Transfer list contains duplicate ArrayBuffer");
      }
      if (!buffer->IsDetachable()) {
        return SetError(error, CloneErrorKind::kDataClone,
                        "An ArrayBuffer is not detachable and could not be transferred.");
      }
      buffers.push_back(buffer);
    } else if (IsMessagePort(item)) {
      v8::Local<v8::Object> port = item.As<v8::Object>();
      if (!source_port.IsEmpty() && port == source_port) {
        return SetError(error, CloneErrorKind::kDataClone, "Transfer list contains source port");
      }
      if (PortDataOf(port) == nullptr) {
        return SetError(error, CloneErrorKind::kDataClone,
                        "MessagePort in transfer list is already detached");
      }
      if (std::find(ports.begin(), ports.end(), port) != ports.end()) {
        return SetError(error, CloneErrorKind::kDataClone,
                        "Transfer list contains duplicate MessagePort");
      }
      ports.push_back(port);
    } else if (IsJsHostObject(item)) {
      v8::Local<v8::Object> host = item.As<v8::Object>();
      if (std::find(hosts.begin(), hosts.end(), host) != hosts.end()) {
        error->kind = CloneErrorKind::kDataClone;
        error->message = "Transfer list contains duplicate " +
                         ToStdString(isolate, host->GetConstructorName());
        return false;
      }
      hosts.push_back(host);
    } else {
      return SetError(error, CloneErrorKind::kInvalidTransferObject,
                      "Found invalid object in transferList");
    }
  }

  std::vector<bool> hosts_sent(hosts.size(), false);
  SerializerDelegate delegate(env, message, ports, hosts, &hosts_sent, error);
  v8::ValueSerializer serializer(isolate, &delegate);
  delegate.set_serializer(&serializer);
  for (uint32_t i = 0; i < buffers.size(); i++) serializer.TransferArrayBuffer(i, buffers[i]);
  serializer.WriteHeader();
  {
    v8::TryCatch try_catch(isolate);
    if (!serializer.WriteValue(context, value).FromMaybe(false)) {
      if (error->kind == CloneErrorKind::kNone) try_catch.ReThrow();
      message->shared_buffers.clear();
      message->wasm_modules.clear();
      return false;
    }
  }
  std::pair<uint8_t*, size_t> bytes = serializer.Release();
  message->payload.assign(bytes.first, bytes.first + bytes.second);
  std::free(bytes.first);

  // Only now that nothing can fail: the buffers' memory and the ports' queues move.
  for (const v8::Local<v8::ArrayBuffer>& buffer : buffers) {
    message->array_buffers.push_back(buffer->GetBackingStore());
    buffer->Detach();
  }
  for (const v8::Local<v8::Object>& port : ports) message->ports.push_back(DetachPort(port));
  for (size_t i = 0; i < hosts.size(); i++) {
    if (!FinishJsHostTransfer(env, hosts[i], hosts_sent[i])) return false;
  }
  return true;
}

v8::MaybeLocal<v8::Value> DeserializeMessage(Environment* env, Message* message,
                                             std::vector<v8::Local<v8::Object>>* ports) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  size_t first_port = ports->size();
  for (std::shared_ptr<PortData>& data : message->ports) {
    v8::Local<v8::Object> port;
    if (!NewMessagePort(env, std::move(data)).ToLocal(&port)) return {};
    ports->push_back(port);
  }
  message->ports.clear();
  std::vector<v8::Local<v8::Object>> own_ports(ports->begin() + first_port, ports->end());

  DeserializerDelegate delegate(env, message, own_ports);
  v8::ValueDeserializer deserializer(isolate, message->payload.data(), message->payload.size(),
                                     &delegate);
  delegate.set_deserializer(&deserializer);
  for (uint32_t i = 0; i < message->array_buffers.size(); i++) {
    deserializer.TransferArrayBuffer(
        i, v8::ArrayBuffer::New(isolate, std::move(message->array_buffers[i])));
  }
  message->array_buffers.clear();
  if (!deserializer.ReadHeader(context).FromMaybe(false)) return {};
  v8::Local<v8::Value> value;
  if (!deserializer.ReadValue(context).ToLocal(&value) || !delegate.FillHostShells()) return {};
  return value;
}

}  // namespace ringjs::messaging
