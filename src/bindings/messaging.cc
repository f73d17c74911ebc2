// internalBinding('messaging'): MessagePort objects over the thread-shared queues of
// message_port.cc, MessageChannel, BroadcastChannel ends, receiveMessageOnPort and
// structuredClone (V8's ValueSerializer, as node).
//
// A MessagePort object owns an Async handle on its Environment's loop; senders on any thread
// wake it, and it delivers each message in its own CallbackScope to the JS emitter
// (lib/js/internal/worker/io.js). The object stays alive while the port is open.
#include <deque>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "bindings/message_port.h"
#include "bindings/messaging.h"
#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::messaging {
namespace {

constexpr const char kBindingName[] = "messaging";
// Internal field 1 of every MessagePort object points here (tells ports from other host objects).
int port_tag;
enum PortField { kPortPointer = 0, kPortTag, kPortFieldCount };
// Internal field 1 of every HostObject instance (a JS class that says how it is cloned).
int host_object_tag;
// Messages delivered per wake-up before yielding to the rest of the loop.
constexpr size_t kMaxMessagesPerWake = 1000;

class MessagePort;

class MessagingData : public BindingData {
 public:
  ~MessagingData() override;

  v8::Global<v8::FunctionTemplate> port_template;
  v8::Global<v8::Function> port_constructor;
  v8::Global<v8::Function> oninit;        // (this = port)
  v8::Global<v8::Function> emit_message;  // (this = port)(data, ports, type)
  v8::Global<v8::Function> onclose;       // (this = port)
  v8::Global<v8::Function> host_object_constructor;
  v8::Global<v8::ObjectTemplate> host_object_template;
  // lib/js/internal/worker/js_transferable.js: (object, listed) -> [info, data] | undefined,
  // (info, data) -> object, (object, sent) -> undefined.
  v8::Global<v8::Function> host_write;
  v8::Global<v8::Function> host_read;
  v8::Global<v8::Function> host_finish;
  std::unordered_set<MessagePort*> open_ports;
  bool allow_construct = false;
  bool tearing_down = false;
};

MessagingData* GetData(Environment* env) {
  return env->binding_data<MessagingData>(kBindingName);
}

class MessagePort final : public PortReceiver {
 public:
  MessagePort(Environment* env, MessagingData* data, v8::Local<v8::Object> object,
              std::shared_ptr<PortData> port_data)
      : env_(env), data_(data), object_(env->isolate(), object), port_data_(std::move(port_data)) {
    object->SetAlignedPointerInInternalField(kPortPointer, this);
    async_ = new loop::Async(env->loop(), [this] { OnWake(); });
    async_->Unref();
    data_->open_ports.insert(this);
    port_data_->AttachReceiver(this);
  }

  static MessagePort* Unwrap(v8::Local<v8::Value> value) {
    if (!IsMessagePort(value)) return nullptr;
    return static_cast<MessagePort*>(
        value.As<v8::Object>()->GetAlignedPointerFromInternalField(kPortPointer));
  }

  // Any thread, with the PortData lock held (so never after DetachReceiver returned).
  void Wake() override { async_->Send(); }

  PortData* port_data() const { return port_data_.get(); }
  v8::Local<v8::Object> object() const { return object_.Get(env_->isolate()); }

  void Start() {
    receiving_ = true;
    if (port_data_->QueueSize() > 0) async_->Send();
  }
  void Stop() { receiving_ = false; }
  void Ref() { async_->Ref(); }
  void Unref() { async_->Unref(); }
  bool HasRef() const { return async_->HasRef(); }

  void Post(std::unique_ptr<Message> message) { port_data_->Post(std::move(message)); }

  // Ends the port: the other end (if any) is told, 'close' is emitted after the handle closed.
  // Closed from a 'message' listener, the messages already queued are still emitted (as node).
  void Close() {
    if (closing_) return;
    if (delivering_) {
      for (std::unique_ptr<Message>& message : port_data_->TakeQueue()) {
        if (!message->is_close) leftover_.push_back(std::move(message));
      }
    }
    std::shared_ptr<PortData> port_data = Release();
    if (port_data) port_data->Disentangle();
  }

  // For a transfer: the queue and the entanglement move on, this object closes.
  std::shared_ptr<PortData> Release() {
    if (closing_) return nullptr;
    closing_ = true;
    receiving_ = false;
    port_data_->DetachReceiver();
    data_->open_ports.erase(this);
    object()->SetAlignedPointerInInternalField(kPortPointer, nullptr);
    async_->Close([this] { OnClosed(); });
    return std::move(port_data_);
  }

  // Delivers every queued message now (a worker's ports at its exit).
  void Drain() {
    while (!closing_) {
      std::unique_ptr<Message> message = port_data_->Dequeue();
      if (!message) return;
      if (message->is_close) return Close();
      Deliver(std::move(message));
    }
  }

  // receiveMessageOnPort: the next message's value, or empty (nothing queued) with *found false.
  v8::MaybeLocal<v8::Value> ReceiveOne(bool* found) {
    *found = false;
    std::unique_ptr<Message> message = port_data_->DequeueData();
    if (!message) return v8::Undefined(env_->isolate());
    *found = true;
    std::vector<v8::Local<v8::Object>> ports;
    return DeserializeMessage(env_, message.get(), &ports);
  }

 private:
  void OnWake() {
    if (closing_ || env_->is_stopping()) return;
    delivering_ = true;
    DeliverQueued();
    delivering_ = false;
    // Closed by a listener: what was queued then is still emitted.
    while (!leftover_.empty() && !env_->is_stopping()) {
      std::unique_ptr<Message> message = std::move(leftover_.front());
      leftover_.pop_front();
      Deliver(std::move(message));
    }
  }

  void DeliverQueued() {
    for (size_t i = 0; i < kMaxMessagesPerWake; i++) {
      if (closing_ || env_->is_stopping()) return;
      // Not started: messages wait, but the other end closing still closes this one.
      std::unique_ptr<Message> message =
          receiving_ ? port_data_->Dequeue() : port_data_->DequeueClose();
      if (!message) return;
      if (message->is_close) return Close();
      Deliver(std::move(message));
    }
    if (!closing_ && port_data_->QueueSize() > 0) async_->Send();
  }

  void Deliver(std::unique_ptr<Message> message) {
    v8::Isolate* isolate = env_->isolate();
    CallbackScope scope(env_);
    if (data_->emit_message.IsEmpty()) return;
    std::vector<v8::Local<v8::Object>> ports;
    v8::Local<v8::Value> value;
    const char* type = "message";
    {
      v8::TryCatch try_catch(isolate);
      if (!DeserializeMessage(env_, message.get(), &ports).ToLocal(&value)) {
        if (try_catch.HasTerminated() || !try_catch.HasCaught()) return;
        value = try_catch.Exception();
        type = "messageerror";
      }
    }
    std::vector<v8::Local<v8::Value>> port_values(ports.begin(), ports.end());
    v8::Local<v8::Value> args[] = {
        value, v8::Array::New(isolate, port_values.data(), port_values.size()),
        OneByteString(isolate, type)};
    USE(scope.Call(data_->emit_message.Get(isolate), object(), 3, args));
  }

  void OnClosed() {
    if (!data_->tearing_down && !env_->is_stopping() && !data_->onclose.IsEmpty()) {
      CallbackScope scope(env_);
      USE(scope.Call(data_->onclose.Get(env_->isolate()), object(), 0, nullptr));
    }
    object_.Reset();
    delete async_;
    delete this;
  }

  Environment* env_;
  MessagingData* data_;
  v8::Global<v8::Object> object_;
  std::shared_ptr<PortData> port_data_;
  loop::Async* async_ = nullptr;
  bool receiving_ = false;
  bool closing_ = false;
  bool delivering_ = false;
  std::deque<std::unique_ptr<Message>> leftover_;
};

MessagingData::~MessagingData() = default;

// The template and the env's cleanup hook, made on first use of the binding.
MessagingData* EnsureData(Environment* env) {
  if (MessagingData* data = GetData(env)) return data;
  v8::Isolate* isolate = env->isolate();
  auto owned = std::make_unique<MessagingData>();
  MessagingData* data = env->set_binding_data(kBindingName, std::move(owned));
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(
      isolate, [](const v8::FunctionCallbackInfo<v8::Value>& info) {
        v8::Isolate* isolate = info.GetIsolate();
        MessagingData* data = GetData(Environment::From(info));
        if (data == nullptr || !data->allow_construct || !info.IsConstructCall()) {
          v8::Local<v8::Value> error =
              v8::Exception::TypeError(OneByteString(isolate, "Constructor cannot be called"));
          SetValue(isolate->GetCurrentContext(), error.As<v8::Object>(), "code",
                   OneByteString(isolate, "ERR_CONSTRUCT_CALL_INVALID"));
          isolate->ThrowException(error);
          return;
        }
        info.This()->SetAlignedPointerInInternalField(kPortPointer, nullptr);
        info.This()->SetAlignedPointerInInternalField(kPortTag, &port_tag);
      });
  tmpl->SetClassName(OneByteString(isolate, "MessagePort"));
  tmpl->InstanceTemplate()->SetInternalFieldCount(kPortFieldCount);
  data->port_template.Reset(isolate, tmpl);
  v8::Local<v8::Function> ctor;
  if (tmpl->GetFunction(env->context()).ToLocal(&ctor)) data->port_constructor.Reset(isolate, ctor);
  // The base of JS classes whose instances V8's serializer must hand to us (class X extends
  // HostObject, or Reflect.construct(HostObject, [], X)).
  v8::Local<v8::FunctionTemplate> host_tmpl = v8::FunctionTemplate::New(
      isolate, [](const v8::FunctionCallbackInfo<v8::Value>& info) {
        if (!info.IsConstructCall()) {
          return ThrowTypeError(info.GetIsolate(), "Constructor cannot be called");
        }
        info.This()->SetAlignedPointerInInternalField(kPortPointer, nullptr);
        info.This()->SetAlignedPointerInInternalField(kPortTag, &host_object_tag);
      });
  host_tmpl->SetClassName(OneByteString(isolate, "HostObject"));
  host_tmpl->InstanceTemplate()->SetInternalFieldCount(kPortFieldCount);
  data->host_object_template.Reset(isolate, host_tmpl->InstanceTemplate());
  if (host_tmpl->GetFunction(env->context()).ToLocal(&ctor)) {
    data->host_object_constructor.Reset(isolate, ctor);
  }
  // Ports close before the loop goes: their peers (other threads) see 'close'.
  env->AddCleanupHook([data] {
    data->tearing_down = true;
    std::vector<MessagePort*> ports(data->open_ports.begin(), data->open_ports.end());
    for (MessagePort* port : ports) port->Close();
  });
  return data;
}

MessagePort* PortArg(const v8::FunctionCallbackInfo<v8::Value>& info) {
  return MessagePort::Unwrap(info[0]);
}

v8::Local<v8::Value> CloneErrorResult(v8::Isolate* isolate, const CloneError& error) {
  v8::Local<v8::Value> parts[] = {v8::Integer::New(isolate, static_cast<int>(error.kind)),
                                  Utf8String(isolate, error.message)};
  return v8::Array::New(isolate, parts, 2);
}

// Keeps the three functions lib/js hands over in `slots` (of this env's binding data).
void StoreCallbacks(const v8::FunctionCallbackInfo<v8::Value>& info,
                    v8::Global<v8::Function> MessagingData::*const (&slots)[3]) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[0]->IsFunction() || !info[1]->IsFunction() || !info[2]->IsFunction()) {
    return ThrowTypeError(isolate, "expected three functions");
  }
  MessagingData* data = EnsureData(Environment::From(info));
  for (int i = 0; i < 3; i++) (data->*slots[i]).Reset(isolate, info[i].As<v8::Function>());
}

// setCallbacks(oninit, emitMessage, onclose).
void SetCallbacks(const v8::FunctionCallbackInfo<v8::Value>& info) {
  static v8::Global<v8::Function> MessagingData::*const slots[3] = {
      &MessagingData::oninit, &MessagingData::emit_message, &MessagingData::onclose};
  StoreCallbacks(info, slots);
}

// setHostObjectCallbacks(write, read, finish): see MessagingData.
void SetHostObjectCallbacks(const v8::FunctionCallbackInfo<v8::Value>& info) {
  static v8::Global<v8::Function> MessagingData::*const slots[3] = {
      &MessagingData::host_write, &MessagingData::host_read, &MessagingData::host_finish};
  StoreCallbacks(info, slots);
}

// createChannel() -> [port1, port2].
void CreateChannel(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  auto [a, b] = NewPortPair();
  v8::Local<v8::Object> port1, port2;
  if (!NewMessagePort(env, a).ToLocal(&port1) || !NewMessagePort(env, b).ToLocal(&port2)) return;
  v8::Local<v8::Value> ports[] = {port1, port2};
  info.GetReturnValue().Set(v8::Array::New(info.GetIsolate(), ports, 2));
}

// broadcastChannel(name) -> a port that hears every other port joined under `name`.
void BroadcastChannel(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  auto data = std::make_shared<PortData>();
  PortData::JoinBroadcast(data, ToStdString(info.GetIsolate(), info[0]));
  v8::Local<v8::Object> port;
  if (NewMessagePort(env, std::move(data)).ToLocal(&port)) info.GetReturnValue().Set(port);
}

// Whether `message` carries the other end of `sender`'s channel: nobody could ever read it.
bool CarriesOwnTarget(PortData* sender, const Message& message) {
  if (sender == nullptr) return false;
  for (const std::shared_ptr<PortData>& carried : message.ports) {
    if (carried->SharesGroupWith(sender)) return true;
  }
  return false;
}

// postMessage(port, value, transferArray) -> undefined, [errorKind, message] (JS throws), or
// false when the message carried the port's own target: it is dropped and the channel lost
// (JS warns, as node). A closed port drops the message after checking it, as node.
void PostMessage(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  v8::Local<v8::Array> transfer =
      info[2]->IsArray() ? info[2].As<v8::Array>() : v8::Local<v8::Array>();
  v8::Local<v8::Object> source = IsMessagePort(info[0]) ? info[0].As<v8::Object>()
                                                        : v8::Local<v8::Object>();
  auto message = std::make_unique<Message>();
  CloneError error;
  if (!SerializeMessage(env, info[1], transfer, source, message.get(), &error)) {
    if (error.kind != CloneErrorKind::kNone) {
      info.GetReturnValue().Set(CloneErrorResult(info.GetIsolate(), error));
    }
    return;
  }
  if (CarriesOwnTarget(PortDataOf(info[0]), *message)) {
    // Dropping the message closes the carried end; this end hears the channel closed.
    message.reset();
    info.GetReturnValue().Set(false);
    return;
  }
  if (MessagePort* port = PortArg(info)) port->Post(std::move(message));
}

void Start(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (MessagePort* port = PortArg(info)) port->Start();
}

void Stop(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (MessagePort* port = PortArg(info)) port->Stop();
}

void Close(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (MessagePort* port = PortArg(info)) port->Close();
}

void Ref(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (MessagePort* port = PortArg(info)) port->Ref();
}

void Unref(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (MessagePort* port = PortArg(info)) port->Unref();
}

void HasRef(const v8::FunctionCallbackInfo<v8::Value>& info) {
  MessagePort* port = PortArg(info);
  info.GetReturnValue().Set(port != nullptr && port->HasRef());
}

// isPort(value): a MessagePort object; isOpen(port): not closed nor transferred.
void IsPort(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(IsMessagePort(info[0]));
}

void IsOpen(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(PortArg(info) != nullptr);
}

void Drain(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (MessagePort* port = PortArg(info)) port->Drain();
}

// receive(port) -> [message] or undefined when nothing is queued.
void Receive(const v8::FunctionCallbackInfo<v8::Value>& info) {
  MessagePort* port = PortArg(info);
  if (port == nullptr) return;
  bool found;
  v8::Local<v8::Value> value;
  if (!port->ReceiveOne(&found).ToLocal(&value) || !found) return;
  info.GetReturnValue().Set(v8::Array::New(info.GetIsolate(), &value, 1));
}

// structuredClone(value, transferArray) -> [true, clone] or [false, message, errorKind]
// (lib/js/internal/structured_clone.js). Other exceptions (a throwing getter) propagate.
void StructuredClone(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Array> transfer =
      info[1]->IsArray() ? info[1].As<v8::Array>() : v8::Local<v8::Array>();
  Message message;
  CloneError error;
  if (!SerializeMessage(env, info[0], transfer, v8::Local<v8::Object>(), &message, &error)) {
    if (error.kind != CloneErrorKind::kNone) {
      v8::Local<v8::Value> parts[] = {v8::False(isolate), Utf8String(isolate, error.message),
                                      v8::Integer::New(isolate, static_cast<int>(error.kind))};
      info.GetReturnValue().Set(v8::Array::New(isolate, parts, 3));
    }
    return;
  }
  std::vector<v8::Local<v8::Object>> ports;
  v8::Local<v8::Value> clone;
  if (!DeserializeMessage(env, &message, &ports).ToLocal(&clone)) return;
  v8::Local<v8::Value> parts[] = {v8::True(isolate), clone};
  info.GetReturnValue().Set(v8::Array::New(isolate, parts, 2));
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  MessagingData* data = EnsureData(env);
  SetValue(context, target, "MessagePort", data->port_constructor.Get(env->isolate()));
  SetValue(context, target, "HostObject", data->host_object_constructor.Get(env->isolate()));
  SetMethod(context, target, "setCallbacks", SetCallbacks);
  SetMethod(context, target, "setHostObjectCallbacks", SetHostObjectCallbacks);
  SetMethod(context, target, "createChannel", CreateChannel);
  SetMethod(context, target, "broadcastChannel", BroadcastChannel);
  SetMethod(context, target, "postMessage", PostMessage);
  SetMethod(context, target, "start", Start);
  SetMethod(context, target, "stop", Stop);
  SetMethod(context, target, "close", Close);
  SetMethod(context, target, "ref", Ref);
  SetMethod(context, target, "unref", Unref);
  SetMethod(context, target, "hasRef", HasRef);
  SetMethod(context, target, "isPort", IsPort);
  SetMethod(context, target, "isOpen", IsOpen);
  SetMethod(context, target, "drain", Drain);
  SetMethod(context, target, "receive", Receive);
  SetMethod(context, target, "structuredClone", StructuredClone);
}

}  // namespace

bool IsMessagePort(v8::Local<v8::Value> value) {
  if (!value->IsObject()) return false;
  v8::Local<v8::Object> object = value.As<v8::Object>();
  return object->InternalFieldCount() == kPortFieldCount &&
         object->GetAlignedPointerFromInternalField(kPortTag) == &port_tag;
}

bool IsJsHostObject(v8::Local<v8::Value> value) {
  if (!value->IsObject()) return false;
  v8::Local<v8::Object> object = value.As<v8::Object>();
  return object->InternalFieldCount() == kPortFieldCount &&
         object->GetAlignedPointerFromInternalField(kPortTag) == &host_object_tag;
}

namespace {

// Calls one of the JS host-object hooks; without them (never registered) nothing clones.
v8::MaybeLocal<v8::Value> CallHostHook(Environment* env,
                                       v8::Global<v8::Function> MessagingData::*hook, int argc,
                                       v8::Local<v8::Value>* argv) {
  v8::Isolate* isolate = env->isolate();
  MessagingData* data = EnsureData(env);
  if ((data->*hook).IsEmpty()) {
    isolate->ThrowException(
        v8::Exception::Error(OneByteString(isolate, "Unable to deserialize cloned data.")));
    return {};
  }
  return (data->*hook).Get(isolate)->Call(env->context(), v8::Undefined(isolate), argc, argv);
}

}  // namespace

v8::MaybeLocal<v8::Value> WriteJsHostObject(Environment* env, v8::Local<v8::Object> object,
                                            bool listed) {
  v8::Local<v8::Value> args[] = {object, v8::Boolean::New(env->isolate(), listed)};
  return CallHostHook(env, &MessagingData::host_write, 2, args);
}

v8::MaybeLocal<v8::Object> NewJsHostShell(Environment* env) {
  MessagingData* data = EnsureData(env);
  v8::Local<v8::ObjectTemplate> tmpl = data->host_object_template.Get(env->isolate());
  v8::Local<v8::Object> shell;
  if (!tmpl->NewInstance(env->context()).ToLocal(&shell)) return {};
  shell->SetAlignedPointerInInternalField(kPortPointer, nullptr);
  shell->SetAlignedPointerInInternalField(kPortTag, &host_object_tag);
  return shell;
}

bool ReadJsHostObject(Environment* env, v8::Local<v8::Object> shell, v8::Local<v8::Value> info,
                      v8::Local<v8::Value> data) {
  v8::Local<v8::Value> args[] = {shell, info, data};
  return !CallHostHook(env, &MessagingData::host_read, 3, args).IsEmpty();
}

bool FinishJsHostTransfer(Environment* env, v8::Local<v8::Object> object, bool sent) {
  v8::Local<v8::Value> args[] = {object, v8::Boolean::New(env->isolate(), sent)};
  return !CallHostHook(env, &MessagingData::host_finish, 2, args).IsEmpty();
}

PortData* PortDataOf(v8::Local<v8::Value> value) {
  MessagePort* port = MessagePort::Unwrap(value);
  return port == nullptr ? nullptr : port->port_data();
}

std::shared_ptr<PortData> DetachPort(v8::Local<v8::Value> value) {
  MessagePort* port = MessagePort::Unwrap(value);
  return port == nullptr ? nullptr : port->Release();
}

v8::MaybeLocal<v8::Object> NewMessagePort(Environment* env, std::shared_ptr<PortData> port_data) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  MessagingData* data = EnsureData(env);
  v8::Local<v8::Object> object;
  data->allow_construct = true;
  bool made = data->port_constructor.Get(isolate)->NewInstance(context).ToLocal(&object);
  data->allow_construct = false;
  if (!made) return {};
  new MessagePort(env, data, object, std::move(port_data));
  if (!data->oninit.IsEmpty() &&
      data->oninit.Get(isolate)->Call(context, object, 0, nullptr).IsEmpty()) {
    return {};
  }
  return object;
}

}  // namespace ringjs::messaging

RINGJS_BINDING(messaging, ringjs::messaging::Initialize)
